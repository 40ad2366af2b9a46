package nl.knooppunt.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.knooppunt.SharedHubTest;
import nl.knooppunt.intake.soap.api.Status;
import nl.knooppunt.testdata.BerichtBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The URL map of docs/dashboard.md against the running hub: who gets in, who is refused, and CSRF on forms. */
class WebSecurityTest extends SharedHubTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Test
    void withoutLoginTheApiAnswers401AndPagesRedirectToTheLoginPage() {
        ResponseEntity<String> api = apiAls(null, null).get().uri("/api/berichten/x").retrieve().toEntity(String.class);
        assertThat(api.getStatusCode().value()).isEqualTo(401);
        ResponseEntity<String> pagina = apiAls(null, null).get().uri("/berichten").retrieve().toEntity(String.class);
        assertThat(pagina.getStatusCode().value()).isEqualTo(302);
        assertThat(pagina.getHeaders().getLocation().getPath()).isEqualTo("/login");
        ResponseEntity<String> login = apiAls(null, null).get().uri("/login").retrieve().toEntity(String.class);
        assertThat(login.getStatusCode().value()).isEqualTo(200);
        assertThat(login.getBody()).contains("lang=\"nl\"").contains("Gebruikersnaam").contains("Wachtwoord");
        assertThat(login.getHeaders().getFirst("Content-Security-Policy")).contains("script-src 'self'")
                .contains("frame-ancestors 'none'");
        assertThat(apiAls("test-lezer", "fout-wachtwoord-123").get().uri("/api/termijnen").retrieve()
                .toEntity(String.class).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void healthPrometheusStaticFilesAndSoapNeedNoLogin() {
        assertThat(apiAls(null, null).get().uri("/actuator/health").retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(200);
        assertThat(apiAls(null, null).get().uri("/css/knooppunt.css").retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(200);
        assertThat(send(BerichtBuilder.wmo315().identificatie("SECSOAP1").build()).getStatus()).isEqualTo(Status.GEACCEPTEERD);
    }

    @Test
    void rolesFollowTheUrlMap() {
        assertThat(status(api("LEZER").get().uri("/api/termijnen").retrieve().toBodilessEntity())).isEqualTo(200);
        assertThat(status(api("LEZER").post().uri("/api/onbestelbaar/x/vrijgeven").retrieve().toBodilessEntity()))
                .as("LEZER may not act").isEqualTo(403);
        assertThat(status(api("OPERATOR").post().uri("/api/onbestelbaar/x/vrijgeven").retrieve().toBodilessEntity()))
                .as("an operator may; the bericht does not exist").isEqualTo(404);
        assertThat(status(api("OPERATOR").post().uri("/api/registry/herladen").retrieve().toBodilessEntity()))
                .as("registry reload is for beheerders").isEqualTo(403);
        assertThat(status(api("OPERATOR").get().uri("/api/gebruikers").retrieve().toBodilessEntity())).isEqualTo(403);
        assertThat(status(api("BEHEERDER").get().uri("/api/gebruikers").retrieve().toBodilessEntity())).isEqualTo(200);
        assertThat(status(api("CONTRACTMANAGER").get().uri("/api/termijnen").retrieve().toBodilessEntity()))
                .as("contractmanagers see reports only").isEqualTo(403);
        assertThat(status(api("CONTRACTMANAGER").get().uri("/api/rapporten/niets").retrieve().toBodilessEntity()))
                .as("past security; no such report").isEqualTo(404);
        assertThat(status(api("LEZER").get().uri("/api/rapporten/niets").retrieve().toBodilessEntity())).isEqualTo(403);
        assertThat(status(api("LEZER").get().uri("/contractmanagement").retrieve().toBodilessEntity())).isEqualTo(403);
        assertThat(status(api("LEZER").post().uri("/dead-letters/x").retrieve().toBodilessEntity())).isEqualTo(403);
        assertThat(status(api("OPERATOR").post().uri("/beheer/x").retrieve().toBodilessEntity())).isEqualTo(403);
    }

    @Test
    void aBeheerderAddsAUserWhoCanLogInUntilSwitchedOff() {
        ResponseEntity<String> nieuw = api("BEHEERDER").post().uri("/api/gebruikers").contentType(MediaType.APPLICATION_JSON)
                .body("{\"naam\":\"lezer-0599\",\"rollen\":[\"LEZER\"],\"gemeenten\":[\"0599\"]}").retrieve()
                .toEntity(String.class);
        assertThat(nieuw.getStatusCode().value()).as(nieuw.getBody()).isEqualTo(201);
        String wachtwoord = nieuw.getBody().replaceAll(".*\"wachtwoord\":\"([^\"]+)\".*", "$1");
        assertThat(wachtwoord).hasSize(20);
        assertThat(jdbc.queryForObject("select wachtwoord_hash from gebruiker where naam = 'lezer-0599'", String.class))
                .startsWith("$2a$").doesNotContain(wachtwoord);
        assertThat(status(apiAls("lezer-0599", wachtwoord).get().uri("/api/termijnen").retrieve().toBodilessEntity()))
                .isEqualTo(200);
        assertThat(status(api("BEHEERDER").post().uri("/api/gebruikers").contentType(MediaType.APPLICATION_JSON)
                .body("{\"naam\":\"lezer-0599\",\"rollen\":[\"LEZER\"]}").retrieve().toBodilessEntity())).isEqualTo(409);
        assertThat(status(api("BEHEERDER").post().uri("/api/gebruikers").contentType(MediaType.APPLICATION_JSON)
                .body("{\"naam\":\"x\",\"rollen\":[]}").retrieve().toBodilessEntity())).isEqualTo(400);

        assertThat(status(api("BEHEERDER").post().uri("/api/gebruikers/lezer-0599/uitschakelen").retrieve()
                .toBodilessEntity())).isEqualTo(200);
        assertThat(status(apiAls("lezer-0599", wachtwoord).get().uri("/api/termijnen").retrieve().toBodilessEntity()))
                .isEqualTo(401);
        assertThat(status(api("BEHEERDER").post().uri("/api/gebruikers/lezer-0599/inschakelen").retrieve()
                .toBodilessEntity())).isEqualTo(200);
        ResponseEntity<String> reset = api("BEHEERDER").post().uri("/api/gebruikers/lezer-0599/wachtwoord").retrieve()
                .toEntity(String.class);
        String nieuwWachtwoord = reset.getBody().replaceAll(".*\"wachtwoord\":\"([^\"]+)\".*", "$1");
        assertThat(nieuwWachtwoord).hasSize(20).isNotEqualTo(wachtwoord);
        assertThat(status(apiAls("lezer-0599", wachtwoord).get().uri("/api/termijnen").retrieve().toBodilessEntity()))
                .isEqualTo(401);
        assertThat(status(apiAls("lezer-0599", nieuwWachtwoord).get().uri("/api/termijnen").retrieve().toBodilessEntity()))
                .isEqualTo(200);
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() {
        api("BEHEERDER"); // makes sure test-beheerder exists
        String sessie = login("test-beheerder");
        ResponseEntity<String> pagina = apiAls(null, null).get().uri("/gebruikers").header(HttpHeaders.COOKIE, sessie)
                .retrieve().toEntity(String.class);
        assertThat(pagina.getStatusCode().value()).isEqualTo(200);
        String token = csrf(pagina.getBody());

        ResponseEntity<String> zonder = apiAls(null, null).post().uri("/gebruikers").header(HttpHeaders.COOKIE, sessie)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body("naam=csrf-proef&rollen=LEZER").retrieve()
                .toEntity(String.class);
        assertThat(zonder.getStatusCode().value()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from gebruiker where naam = 'csrf-proef'", Integer.class)).isZero();

        ResponseEntity<String> met = apiAls(null, null).post().uri("/gebruikers").header(HttpHeaders.COOKIE, sessie)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body("naam=csrf-proef&rollen=LEZER&_csrf=" + token)
                .retrieve().toEntity(String.class);
        assertThat(met.getStatusCode().value()).isEqualTo(302);
        assertThat(jdbc.queryForObject("select count(*) from gebruiker where naam = 'csrf-proef'", Integer.class)).isOne();

        ResponseEntity<String> apiInSessie = apiAls(null, null).post().uri("/api/onbestelbaar/x/vrijgeven")
                .header(HttpHeaders.COOKIE, sessie).retrieve().toEntity(String.class);
        assertThat(apiInSessie.getStatusCode().value()).as("the API in a browser session needs the token too").isEqualTo(403);
    }

    @Test
    void theFirstBeheerderWasCreatedAtFirstStartWithAHashedPassword() {
        assertThat(jdbc.queryForObject("select rollen from gebruiker where naam = 'beheerder'", String.class))
                .isEqualTo("BEHEERDER");
        assertThat(jdbc.queryForObject("select wachtwoord_hash from gebruiker where naam = 'beheerder'", String.class))
                .startsWith("$2a$");
    }

    /** Logs in through the login form, as a browser does; returns the session cookie. */
    private String login(String naam) {
        ResponseEntity<String> formulier = apiAls(null, null).get().uri("/login").retrieve().toEntity(String.class);
        String cookie = formulier.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0];
        ResponseEntity<String> ingelogd = apiAls(null, null).post().uri("/login").header(HttpHeaders.COOKIE, cookie)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("username=" + naam + "&password=" + TEST_WACHTWOORD + "&_csrf=" + csrf(formulier.getBody()))
                .retrieve().toEntity(String.class);
        assertThat(ingelogd.getStatusCode().value()).isEqualTo(302);
        assertThat(ingelogd.getHeaders().getLocation().getPath()).isEqualTo("/");
        return ingelogd.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0];
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF field in the form").isTrue();
        return m.group(1);
    }

    private static int status(ResponseEntity<?> r) {
        return r.getStatusCode().value();
    }
}
