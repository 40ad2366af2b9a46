package nl.knooppunt.delivery.push;

/**
 * A push attempt that failed, with a short reason code (e.g. {@code HTTP_503}, {@code SFTP_VERBINDING}). Permanent: the
 * receiver refuses this bericht itself (HTTP 4xx other than 408/429, a SOAP client fault), so trying again cannot help
 * and the bericht goes to the DLQ at once. Messages never hold bericht content.
 */
public class Afleverfout extends Exception {

    private final String code;
    private final boolean permanent;

    private Afleverfout(String code, String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.permanent = permanent;
    }

    public static Afleverfout tijdelijk(String code, String message) {
        return new Afleverfout(code, message, false, null);
    }

    public static Afleverfout tijdelijk(String code, String message, Throwable cause) {
        return new Afleverfout(code, message, false, cause);
    }

    public static Afleverfout permanent(String code, String message) {
        return new Afleverfout(code, message, true, null);
    }

    public String code() {
        return code;
    }

    public boolean permanent() {
        return permanent;
    }
}
