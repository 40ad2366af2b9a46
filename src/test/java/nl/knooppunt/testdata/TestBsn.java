package nl.knooppunt.testdata;

import java.util.ArrayList;
import java.util.List;

/**
 * Test BSNs: numbers in the 999990000–999999999 test range that pass the 11-proef (CS002), so they can be used
 * in berichten that must survive the in-message rules without ever matching a real citizen.
 */
public final class TestBsn {

    private static final int FIRST = 999_990_000;
    private static final int LAST = 999_999_999;

    private TestBsn() {
    }

    /** CS002/RS037: exactly 9 digits and Σ 9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 (mod 11). */
    public static boolean isValid(String bsn) {
        return nl.knooppunt.validation.Elfproef.geldig(bsn);
    }

    /** The n-th (0-based) valid BSN in ascending order from 999990000; deterministic. */
    public static String nth(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0: " + n);
        }
        int seen = 0;
        for (int candidate = FIRST; candidate <= LAST; candidate++) {
            String bsn = Integer.toString(candidate);
            if (isValid(bsn) && seen++ == n) {
                return bsn;
            }
        }
        throw new IllegalArgumentException("fewer than " + (n + 1) + " valid test BSNs in 99999xxxx");
    }

    /** The first {@code count} valid BSNs, i.e. nth(0) … nth(count − 1). */
    public static List<String> first(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0: " + count);
        }
        List<String> result = new ArrayList<>(count);
        for (int candidate = FIRST; candidate <= LAST && result.size() < count; candidate++) {
            String bsn = Integer.toString(candidate);
            if (isValid(bsn)) {
                result.add(bsn);
            }
        }
        if (result.size() < count) {
            throw new IllegalArgumentException("fewer than " + count + " valid test BSNs in 99999xxxx");
        }
        return List.copyOf(result);
    }
}
