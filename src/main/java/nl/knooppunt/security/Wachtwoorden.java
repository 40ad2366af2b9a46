package nl.knooppunt.security;

import java.security.SecureRandom;

/** Generated passwords: 20 characters from an alphabet without look-alikes (0/O, 1/l/I), about 115 bits. */
final class Wachtwoorden {

    private static final String TEKENS = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    static final int MINIMALE_LENGTE = 12;

    private Wachtwoorden() {
    }

    static String nieuw() {
        StringBuilder s = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            s.append(TEKENS.charAt(RANDOM.nextInt(TEKENS.length())));
        }
        return s.toString();
    }
}
