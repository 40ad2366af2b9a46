package nl.knooppunt.validation.keten;

/** The fixed description of one rule: id, control level, retourcode and a Dutch line for people. */
public abstract class Regel implements Ketencheck {

    private final String id;
    private final int niveau;
    private final String retourcode;
    private final String omschrijving;

    protected Regel(String id, int niveau, String retourcode, String omschrijving) {
        this.id = id;
        this.niveau = niveau;
        this.retourcode = retourcode;
        this.omschrijving = omschrijving;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int niveau() {
        return niveau;
    }

    @Override
    public String retourcode() {
        return retourcode;
    }

    @Override
    public String omschrijving() {
        return omschrijving;
    }

    @Override
    public String toString() {
        return id + "/" + retourcode;
    }
}
