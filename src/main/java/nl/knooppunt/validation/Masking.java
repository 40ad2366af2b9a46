package nl.knooppunt.validation;

import java.util.regex.Pattern;

/**
 * Removes bericht content from parser and XSD messages before they reach a sender, a log or an audit event: quoted
 * values (Xerces quotes them) and any run of 6 or more digits, so a BSN can never leak through an error text.
 */
public final class Masking {

    // the value may itself hold an apostrophe (van 't Hof), so it ends at the quote that Xerces' own words follow
    private static final Pattern QUOTED_VALUE = Pattern.compile(
            "(?is)(value\\s+)'.*?'(?=\\s+(?:is not|with length|of element|of attribute))|'.*?'(?=\\s+is not a valid value)");
    private static final Pattern DIGITS = Pattern.compile("\\d{6,}");
    private static final Pattern NINE_DIGITS = Pattern.compile("(?<!\\d)\\d{9}(?!\\d)");

    private Masking() {
    }

    public static String mask(String text) {
        if (text == null) {
            return "";
        }
        String masked = QUOTED_VALUE.matcher(text).replaceAll(m -> m.group(1) != null ? m.group(1) + "'***'" : "'***'");
        return DIGITS.matcher(masked).replaceAll("***");
    }

    /** For sender-chosen identifiers (Identificatie, bestandsnaam): hides a 9-digit run that could be a BSN. */
    public static String maskBsnLike(String text) {
        return text == null ? null : NINE_DIGITS.matcher(text).replaceAll("*********");
    }
}
