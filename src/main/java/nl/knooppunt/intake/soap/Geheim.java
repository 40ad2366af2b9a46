package nl.knooppunt.intake.soap;

/** A secret from configuration (a key store password). Never printed: {@link #toString()} masks it. */
public record Geheim(String waarde) {

    public char[] tekens() {
        return waarde == null ? new char[0] : waarde.toCharArray();
    }

    @Override
    public String toString() {
        return "******";
    }
}
