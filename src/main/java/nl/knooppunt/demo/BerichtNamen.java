package nl.knooppunt.demo;

import java.util.Map;

/** BerichtCode (COD002) → bericht name, for the demo's counters and log. */
final class BerichtNamen {

    private static final Map<String, String> NAMEN = Map.ofEntries(
            Map.entry("414", "WMO301"), Map.entry("415", "WMO302"), Map.entry("418", "WMO305"),
            Map.entry("419", "WMO306"), Map.entry("420", "WMO307"), Map.entry("421", "WMO308"),
            Map.entry("444", "WMO315"), Map.entry("445", "WMO316"), Map.entry("480", "WMO317"),
            Map.entry("481", "WMO318"), Map.entry("482", "WMO319"), Map.entry("483", "WMO320"),
            Map.entry("484", "WMO323"), Map.entry("485", "WMO325"));

    private BerichtNamen() {
    }

    static String naam(String berichtCode) {
        return NAMEN.getOrDefault(berichtCode, "onbekend(" + berichtCode + ")");
    }
}
