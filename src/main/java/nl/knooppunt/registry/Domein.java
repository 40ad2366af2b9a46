package nl.knooppunt.registry;

import java.util.Optional;

/** The BW/MO domains that centrumgemeenten execute under mandate (routing.md §2.4). Other Wmo care has none. */
public enum Domein {
    BW, MO, OVERIG;

    /** 15 Beschermd wonen → BW, 16 Opvang / 17 Spoedopvang → MO, 18 Overige BW en opvang → OVERIG. */
    public static Optional<Domein> vanProductcategorie(String categorie) {
        if (categorie == null) {
            return Optional.empty();
        }
        return switch (categorie) {
            case "15" -> Optional.of(BW);
            case "16", "17" -> Optional.of(MO);
            case "18" -> Optional.of(OVERIG);
            default -> Optional.empty();
        };
    }
}
