package nl.knooppunt.delivery.push;

/**
 * Whether an operator paused the delivery to a participant (beheer). {@link PushRoutes} then creates its push route
 * without starting it, so a paused delivery stays paused across a restart.
 */
public interface AfleverPauze {

    boolean gepauzeerd(String deelnemer);
}
