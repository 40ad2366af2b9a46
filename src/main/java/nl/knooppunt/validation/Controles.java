package nl.knooppunt.validation;

import java.util.List;

/**
 * A catalogue of controls that are not Spring beans one by one (for example the in-message rules, which one bean runs).
 * {@code docs/validation.md} lists every {@link Controle} bean plus every control of every {@code Controles} bean.
 */
public interface Controles {

    List<? extends Controle> controles();
}
