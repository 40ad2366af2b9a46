package nl.knooppunt.system;

/**
 * Checks of short codes that every bericht passes many times (gemeentecodes, AGB-codes, numbers, product codes),
 * without a regular expression: {@code String.matches} compiles its pattern on every call, and in the benchmark those
 * compilations were a tenth of all memory the hub allocated.
 */
public final class Tekens {

    private Tekens() {
    }

    /** {@code [0-9]{min,max}} */
    public static boolean cijfers(String s, int min, int max) {
        if (s == null || s.length() < min || s.length() > max) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** {@code -?[0-9]{min,max}} */
    public static boolean getal(String s, int min, int max) {
        return s != null && (s.startsWith("-") ? cijfers(s.substring(1), min, max) : cijfers(s, min, max));
    }

    /** {@code [0-9A-Z]{min,max}} */
    public static boolean code(String s, int min, int max) {
        if (s == null || s.length() < min || s.length() > max) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < '0' || c > '9') && (c < 'A' || c > 'Z')) {
                return false;
            }
        }
        return true;
    }
}
