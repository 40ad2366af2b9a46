package nl.knooppunt.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** First run on an empty database: one beheerder, a generated password in the log once, only its hash stored. */
@ExtendWith(OutputCaptureExtension.class)
class EersteBeheerderTest {

    private static final Pattern REGEL = Pattern.compile("Eerste beheerder aangemaakt: gebruiker=beheerder wachtwoord=(\\S+)");

    @Test
    void createsTheBeheerderOnceAndPrintsThePasswordOnce(CapturedOutput output) {
        DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:eerste-beheerder;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(db);
        BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();
        Gebruikers gebruikers = new Gebruikers(jdbc, encoder);
        EersteBeheerder eerste = new EersteBeheerder(gebruikers, new MockEnvironment().withProperty("local.server.port", "8123"));

        assertThat(eerste.maakAanAlsNodig()).isTrue();
        Matcher m = REGEL.matcher(output.getOut());
        assertThat(m.find()).as(output.getOut()).isTrue();
        String wachtwoord = m.group(1);
        assertThat(wachtwoord).hasSize(20);
        assertThat(output.getOut()).contains("http://localhost:8123/login");

        String hash = jdbc.queryForObject("select wachtwoord_hash from gebruiker where naam = 'beheerder'", String.class);
        assertThat(hash).doesNotContain(wachtwoord);
        assertThat(encoder.matches(wachtwoord, hash)).isTrue();
        assertThat(gebruikers.loadUserByUsername("beheerder").getAuthorities())
                .extracting(Object::toString).containsExactly("ROLE_BEHEERDER");

        assertThat(eerste.maakAanAlsNodig()).as("users exist: nothing again").isFalse();
        assertThat(REGEL.matcher(output.getOut()).results().count()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from gebruiker", Integer.class)).isEqualTo(1);
    }
}
