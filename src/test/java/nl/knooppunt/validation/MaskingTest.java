package nl.knooppunt.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Masking of parser and Xerces messages: no value from the bericht, and never a BSN, reaches a sender or a log. */
class MaskingTest {

    private static final String BSN = "999990032";

    @Nested
    class Mask {

        @Test
        void patternViolationHidesTheValueButKeepsThePattern() {
            String xerces = "cvc-pattern-valid: Value '99999003' is not facet-valid with respect to pattern '[0-9]{9}' "
                    + "for type 'LDT_BurgerServicenummer'.";

            assertThat(Masking.mask(xerces)).isEqualTo("cvc-pattern-valid: Value '***' is not facet-valid with respect "
                    + "to pattern '[0-9]{9}' for type 'LDT_BurgerServicenummer'.");
        }

        @Test
        void invalidDateHidesTheValue() {
            String xerces = "cvc-datatype-valid.1.2.1: '" + BSN + "' is not a valid value for 'date'.";

            assertThat(Masking.mask(xerces)).isEqualTo("cvc-datatype-valid.1.2.1: '***' is not a valid value for 'date'.");
        }

        @Test
        void invalidShortValueInADateIsHiddenToo() {
            String xerces = "cvc-datatype-valid.1.2.1: '14-03-1948' is not a valid value for 'date'.";

            assertThat(Masking.mask(xerces)).isEqualTo("cvc-datatype-valid.1.2.1: '***' is not a valid value for 'date'.");
        }

        @Test
        void enumerationViolationHidesTheValueButKeepsTheAllowedValues() {
            String xerces = "cvc-enumeration-valid: Value '19' is not facet-valid with respect to enumeration "
                    + "'[01, 02, 03, 04]'. It must be a value from the enumeration.";

            assertThat(Masking.mask(xerces)).isEqualTo("cvc-enumeration-valid: Value '***' is not facet-valid with "
                    + "respect to enumeration '[01, 02, 03, 04]'. It must be a value from the enumeration.");
        }

        @Test
        void maxLengthViolationHidesTheName() {
            String name = "Vanderbiltenhovenmeijer-Schimmelpenninck";
            String xerces = "cvc-maxLength-valid: Value '" + name + "' with length = '41' is not facet-valid with "
                    + "respect to maxLength '24' for type 'LDT_Straatnaam'.";

            String masked = Masking.mask(xerces);

            assertThat(masked).doesNotContain("Vanderbilt").doesNotContain("Schimmelpenninck");
            assertThat(masked).isEqualTo("cvc-maxLength-valid: Value '***' with length = '41' is not facet-valid with "
                    + "respect to maxLength '24' for type 'LDT_Straatnaam'.");
        }

        @Test
        void maxLengthViolationHidesANameWithAnApostrophe() {
            String xerces = "cvc-maxLength-valid: Value 'van 't Hofstede' with length = '15' is not facet-valid with "
                    + "respect to maxLength '10' for type 'LDT_Voorvoegsel'.";

            assertThat(Masking.mask(xerces)).doesNotContain("Hofstede");
        }

        @Test
        void typeMessageHidesTheValue() {
            String xerces = "cvc-type.3.1.3: The value '" + BSN + "' of element 'wmo315:Bsn' is not valid.";

            assertThat(Masking.mask(xerces)).isEqualTo("cvc-type.3.1.3: The value '***' of element 'wmo315:Bsn' is not valid.");
        }

        @Test
        void minLengthOfAnEmptyValue() {
            String xerces = "cvc-minLength-valid: Value '' with length = '0' is not facet-valid with respect to "
                    + "minLength '1' for type 'LDT_IdentificatieBericht'.";

            assertThat(Masking.mask(xerces)).startsWith("cvc-minLength-valid: Value '***' with length = '0'");
        }

        @Test
        void unionTypeMessageHidesTheValue() {
            String xerces = "cvc-datatype-valid.1.2.3: 'Jansen' is not a valid value of union type 'LDT_X'.";

            assertThat(Masking.mask(xerces)).isEqualTo("cvc-datatype-valid.1.2.3: '***' is not a valid value of union type 'LDT_X'.");
        }

        @Test
        void elementNamesStay() {
            String xerces = "cvc-complex-type.2.4.a: Invalid content was found starting with element 'wmo315:Naam'. "
                    + "One of '{\"http://www.istandaarden.nl/iwmo/3_2/wmo315/schema\":Geslacht}' is expected.";

            assertThat(Masking.mask(xerces)).isEqualTo(xerces);
        }

        @Test
        void sixOrMoreDigitsAreHidden() {
            assertThat(Masking.mask("abc 123456 def")).isEqualTo("abc *** def");
            assertThat(Masking.mask("bsn " + BSN + " en " + BSN + "0")).isEqualTo("bsn *** en ***");
            assertThat(Masking.mask("x" + BSN + "y")).isEqualTo("x***y");
        }

        @Test
        void fiveDigitsStay() {
            assertThat(Masking.mask("regel 12345, kolom 3")).isEqualTo("regel 12345, kolom 3");
        }

        @Test
        void bsnInAnyUnquotedPlaceIsHidden() {
            assertThat(Masking.mask("Unexpected character '9' in " + BSN)).doesNotContain(BSN);
            assertThat(Masking.mask("Element type \"B" + BSN + "\" must be followed")).doesNotContain(BSN);
        }

        @Test
        void nullGivesEmpty() {
            assertThat(Masking.mask(null)).isEmpty();
        }

        @Test
        void plainTextStays() {
            assertThat(Masking.mask("Content is not allowed in prolog.")).isEqualTo("Content is not allowed in prolog.");
        }
    }

    @Nested
    class MaskBsnLike {

        @Test
        void hidesANineDigitRun() {
            assertThat(Masking.maskBsnLike(BSN)).isEqualTo("*********");
            assertThat(Masking.maskBsnLike("bericht-" + BSN + ".xml")).isEqualTo("bericht-*********.xml");
            assertThat(Masking.maskBsnLike("A" + BSN + "B" + BSN)).isEqualTo("A*********B*********");
        }

        @Test
        void keepsShorterAndLongerRuns() {
            assertThat(Masking.maskBsnLike("WMO315-0001")).isEqualTo("WMO315-0001");
            assertThat(Masking.maskBsnLike("12345678")).isEqualTo("12345678");
            assertThat(Masking.maskBsnLike("1234567890")).isEqualTo("1234567890");
        }

        @Test
        void nullStaysNull() {
            assertThat(Masking.maskBsnLike(null)).isNull();
        }
    }
}
