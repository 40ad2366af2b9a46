package nl.knooppunt.registry;

/** Which clients a mandate covers: new clients, existing clients (already in care when it starts), or all. */
public enum ClientScope {
    NEW, EXISTING, ALL;

    public boolean covers(boolean bestaandeClient) {
        return this == ALL || (this == EXISTING) == bestaandeClient;
    }

    public boolean overlaps(ClientScope other) {
        return this == ALL || other == ALL || this == other;
    }
}
