package nl.knooppunt.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The dashboard users in table {@code gebruiker}; passwords only as BCrypt hashes. */
@Service
public class Gebruikers implements UserDetailsService {

    private static final Pattern NAAM = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final Pattern GEMEENTECODE = Pattern.compile("\\d{4}");

    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;

    public Gebruikers(JdbcTemplate jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    @Override
    public UserDetails loadUserByUsername(String naam) {
        return jdbc.query("select naam, wachtwoord_hash, rollen, gemeenten, actief from gebruiker where naam = ?",
                (rs, i) -> new Ingelogd(rs.getString(1), rs.getString(2), rs.getBoolean(5),
                        Rol.parse(rs.getString(3)).stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList(),
                        gemeenten(rs.getString(4))), naam)
                .stream().findFirst().orElseThrow(() -> new UsernameNotFoundException("onbekende gebruiker"));
    }

    public int aantal() {
        return jdbc.queryForObject("select count(*) from gebruiker", Integer.class);
    }

    public List<Gebruiker> alle() {
        return jdbc.query("select naam, rollen, gemeenten, actief, gewijzigd_op from gebruiker order by naam", Gebruikers::lees);
    }

    /**
     * Adds a user. Without a password one is generated.
     *
     * @return the password when it was generated (shown once), else null
     * @throws GebruikerFout for an invalid name, role set, gemeentecode or password, or a name in use
     */
    @Transactional
    public String toevoegen(String naam, Collection<Rol> rollen, Collection<String> gemeenten, String wachtwoord) {
        if (naam == null || !NAAM.matcher(naam).matches()) {
            throw new GebruikerFout("Gebruikersnaam: 2–64 tekens, kleine letters, cijfers, punt, streepje of liggend streepje");
        }
        if (rollen == null || rollen.isEmpty()) {
            throw new GebruikerFout("Kies ten minste één rol");
        }
        List<String> scope = gemeenten == null ? List.of() : gemeenten.stream().map(String::trim).filter(g -> !g.isEmpty()).toList();
        for (String g : scope) {
            if (!GEMEENTECODE.matcher(g).matches()) {
                throw new GebruikerFout("Gemeentecode " + g + " is geen code van vier cijfers");
            }
        }
        String gegenereerd = wachtwoord == null || wachtwoord.isBlank() ? Wachtwoorden.nieuw() : null;
        String gekozen = gegenereerd != null ? gegenereerd : controleer(wachtwoord);
        Timestamp nu = Timestamp.from(Instant.now());
        try {
            jdbc.update("insert into gebruiker (naam, wachtwoord_hash, rollen, gemeenten, actief, aangemaakt_op, gewijzigd_op) "
                            + "values (?, ?, ?, ?, true, ?, ?)", naam, encoder.encode(gekozen),
                    String.join(",", rollen.stream().distinct().map(Rol::name).toList()),
                    scope.isEmpty() ? null : String.join(",", scope.stream().distinct().toList()), nu, nu);
        } catch (DuplicateKeyException e) {
            throw new GebruikerFout("Gebruiker " + naam + " bestaat al", true);
        }
        return gegenereerd;
    }

    /** @return the new password when it was generated (shown once), else null */
    @Transactional
    public String nieuwWachtwoord(String naam, String wachtwoord) {
        String gegenereerd = wachtwoord == null || wachtwoord.isBlank() ? Wachtwoorden.nieuw() : null;
        String gekozen = gegenereerd != null ? gegenereerd : controleer(wachtwoord);
        int n = jdbc.update("update gebruiker set wachtwoord_hash = ?, gewijzigd_op = ? where naam = ?",
                encoder.encode(gekozen), Timestamp.from(Instant.now()), naam);
        if (n == 0) {
            throw new GebruikerFout("Geen gebruiker " + naam);
        }
        return gegenereerd;
    }

    @Transactional
    public void actief(String naam, boolean actief) {
        int n = jdbc.update("update gebruiker set actief = ?, gewijzigd_op = ? where naam = ?", actief,
                Timestamp.from(Instant.now()), naam);
        if (n == 0) {
            throw new GebruikerFout("Geen gebruiker " + naam);
        }
    }

    private static String controleer(String wachtwoord) {
        if (wachtwoord.length() < Wachtwoorden.MINIMALE_LENGTE) {
            throw new GebruikerFout("Een wachtwoord heeft ten minste " + Wachtwoorden.MINIMALE_LENGTE + " tekens");
        }
        return wachtwoord;
    }

    private static Gebruiker lees(ResultSet rs, int i) throws SQLException {
        return new Gebruiker(rs.getString(1), Rol.parse(rs.getString(2)), gemeenten(rs.getString(3)), rs.getBoolean(4),
                rs.getTimestamp(5).toInstant());
    }

    private static List<String> gemeenten(String tekst) {
        return tekst == null || tekst.isBlank() ? List.of() : Arrays.stream(tekst.split(",")).map(String::trim).toList();
    }

    /** A refused change to the users, in Dutch for the beheerder. */
    public static class GebruikerFout extends RuntimeException {

        private final boolean bestaatAl;

        GebruikerFout(String melding) {
            this(melding, false);
        }

        GebruikerFout(String melding, boolean bestaatAl) {
            super(melding);
            this.bestaatAl = bestaatAl;
        }

        public boolean bestaatAl() {
            return bestaatAl;
        }
    }
}
