package nl.knooppunt.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * BSNs for demo clients: only numbers in the test range 999990000–999999999 that pass the 11-proef (CS002), so demo
 * traffic survives the in-message rules and never names a real citizen.
 */
final class DemoBsn {

    private static final int FIRST = 999_990_000;
    private static final int LAST = 999_999_999;

    private DemoBsn() {
    }

    /** CS002: 9 digits and Σ 9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 (mod 11). */
    static boolean elfproef(String bsn) {
        return nl.knooppunt.validation.Elfproef.geldig(bsn);
    }

    private static final List<String> ALLE = alle();

    private static List<String> alle() {
        List<String> result = new ArrayList<>();
        for (int candidate = FIRST; candidate <= LAST; candidate++) {
            if (elfproef(Integer.toString(candidate))) {
                result.add(Integer.toString(candidate));
            }
        }
        return List.copyOf(result);
    }

    /** The n-th valid test BSN from 999990000, starting over after the last one. */
    static String nth(int n) {
        return ALLE.get(Math.floorMod(n, ALLE.size()));
    }

    /** A test-range number that fails the 11-proef, for the demo's faulty berichten. */
    static String ongeldig(int n) {
        String bsn = nth(n);
        String kapot = bsn.substring(0, 8) + (char) ('0' + (bsn.charAt(8) - '0' + 1) % 10);
        return elfproef(kapot) ? ongeldig(n + 1) : kapot;
    }
}
