package nl.knooppunt.registry;

/** A registry file is wrong; the message names the file and the line. */
public class RegistryException extends RuntimeException {

    public RegistryException(String file, int line, String problem) {
        super(file + (line > 0 ? " regel " + line : "") + ": " + problem);
    }

    public RegistryException(String file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
