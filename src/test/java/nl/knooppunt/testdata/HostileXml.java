package nl.knooppunt.testdata;

import java.nio.charset.StandardCharsets;

/** XML that attacks the parser rather than the rules. */
public final class HostileXml {

    private HostileXml() {
    }

    /** The classic entity-expansion bomb: 10^9 "lol"s from under 1 KB. */
    public static byte[] billionLaughs() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                dtd.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            }
            dtd.append("\">");
        }
        return dtd.append("]><lolz>&lol9;</lolz>").toString().getBytes(StandardCharsets.UTF_8);
    }
}
