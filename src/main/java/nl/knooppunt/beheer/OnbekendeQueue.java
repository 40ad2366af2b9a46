package nl.knooppunt.beheer;

/** A queue the broker does not have (answered with 404). */
public class OnbekendeQueue extends RuntimeException {

    public OnbekendeQueue(String queue) {
        super("onbekende queue: " + queue);
    }
}
