package nl.knooppunt.validation;

/** The 11-proef of a BSN (iWmo CS002): 9 digits and Σ 9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 (mod 11). */
public final class Elfproef {

    private Elfproef() {
    }

    public static boolean geldig(String bsn) {
        if (bsn == null || bsn.length() != 9) {
            return false;
        }
        int som = 0;
        for (int i = 0; i < 9; i++) {
            char c = bsn.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            som += (i < 8 ? 9 - i : -1) * (c - '0');
        }
        return som % 11 == 0;
    }
}
