package nl.knooppunt.delivery.push;

/**
 * Thrown by the push loop when a bericht must leave its queue for {@code knooppunt.dlq}: the receiver refused it, or
 * the configured duration is over. The shared route configuration {@code knooppunt-push} handles it.
 */
public class NaarDlq extends Exception {

    private final String reden;

    public NaarDlq(String reden, Throwable cause) {
        super(reden, cause);
        this.reden = reden;
    }

    public String reden() {
        return reden;
    }
}
