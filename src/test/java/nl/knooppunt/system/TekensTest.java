package nl.knooppunt.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks answer exactly as the regular expressions they replace. */
class TekensTest {

    private static final List<String> VOORBEELDEN = List.of("", "0", "0599", "059", "05999", "42420001", "4242000",
            "-1", "-", "--1", "1-", "12a4", "０５９９", "٠٥٩٩", "02A01", "02a01", "A", "ZZZ", "ZZZZ", " 0599", "0599 ",
            "123456789012345", "1234567890123456", "-123456789012345", "Ä1");

    @Test
    void cijfersIsTheCharacterClassOfDigitsZeroToNine() {
        for (String s : VOORBEELDEN) {
            assertThat(Tekens.cijfers(s, 4, 4)).as(s).isEqualTo(s.matches("[0-9]{4}"));
            assertThat(Tekens.cijfers(s, 1, 15)).as(s).isEqualTo(s.matches("[0-9]{1,15}"));
        }
        assertThat(Tekens.cijfers(null, 0, 4)).isFalse();
    }

    @Test
    void getalAllowsOneLeadingMinus() {
        for (String s : VOORBEELDEN) {
            assertThat(Tekens.getal(s, 1, 15)).as(s).isEqualTo(s.matches("-?[0-9]{1,15}"));
        }
        assertThat(Tekens.getal(null, 1, 15)).isFalse();
    }

    @Test
    void codeIsDigitsAndCapitals() {
        for (String s : VOORBEELDEN) {
            assertThat(Tekens.code(s, 1, 3)).as(s).isEqualTo(s.matches("[0-9A-Z]{1,3}"));
            assertThat(Tekens.code(s, 5, 5)).as(s).isEqualTo(s.matches("[0-9A-Z]{5}"));
        }
        assertThat(Tekens.code(null, 1, 3)).isFalse();
    }
}
