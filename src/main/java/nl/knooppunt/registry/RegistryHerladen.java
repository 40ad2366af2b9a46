package nl.knooppunt.registry;

/** Published after a successful {@link RegistryService#reload()}: listeners adapt to the new participants. */
public record RegistryHerladen(Registry registry) {
}
