package nl.knooppunt.intake;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The 14 iWmo 3.2 berichten (iwmo.md §2). Direction follows from the BerichtCode, never from the Afzender. */
public enum BerichtType {
    WMO301("414", Richting.NAAR_AANBIEDER),
    WMO302("415", Richting.NAAR_GEMEENTE),
    WMO305("418", Richting.NAAR_GEMEENTE),
    WMO306("419", Richting.NAAR_AANBIEDER),
    WMO307("420", Richting.NAAR_GEMEENTE),
    WMO308("421", Richting.NAAR_AANBIEDER),
    WMO315("444", Richting.NAAR_GEMEENTE),
    WMO316("445", Richting.NAAR_AANBIEDER),
    WMO317("480", Richting.NAAR_GEMEENTE),
    WMO318("481", Richting.NAAR_AANBIEDER),
    WMO319("482", Richting.NAAR_AANBIEDER),
    WMO320("483", Richting.NAAR_GEMEENTE),
    WMO323("484", Richting.NAAR_GEMEENTE),
    WMO325("485", Richting.NAAR_AANBIEDER);

    public static final String RELEASE_PATH = "http://www.istandaarden.nl/iwmo/3_2/";
    public static final String BASISSCHEMA_NS = RELEASE_PATH + "basisschema/schema";

    public enum Richting { NAAR_GEMEENTE, NAAR_AANBIEDER }

    private static final Map<String, BerichtType> BY_NAMESPACE = Arrays.stream(values())
            .collect(Collectors.toMap(BerichtType::namespace, Function.identity()));

    private final String berichtCode;
    private final Richting richting;

    BerichtType(String berichtCode, Richting richting) {
        this.berichtCode = berichtCode;
        this.richting = richting;
    }

    public String berichtCode() {
        return berichtCode;
    }

    public Richting richting() {
        return richting;
    }

    public String namespace() {
        return RELEASE_PATH + name().toLowerCase() + "/schema";
    }

    public String xsd() {
        return name().toLowerCase() + ".xsd";
    }

    public static Optional<BerichtType> byBerichtCode(String code) {
        return Arrays.stream(values()).filter(t -> t.berichtCode.equals(code)).findFirst();
    }

    public static Optional<BerichtType> byNamespace(String namespace) {
        return Optional.ofNullable(BY_NAMESPACE.get(namespace));
    }
}
