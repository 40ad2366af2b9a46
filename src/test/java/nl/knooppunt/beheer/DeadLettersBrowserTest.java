package nl.knooppunt.beheer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Map;
import nl.knooppunt.SharedHubTest;
import nl.knooppunt.delivery.push.PushRoutes;
import nl.knooppunt.intake.soap.api.Status;
import nl.knooppunt.intake.soap.api.VerstuurBerichtAntwoord;
import nl.knooppunt.registry.RegistryService;
import nl.knooppunt.testdata.BerichtBuilder;
import nl.knooppunt.testdata.TestBsn;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * /dead-letters in real headless Chromium (Debian's, driven by Playwright). A bericht reaches knooppunt.dlq for real:
 * sent over SOAP, pushed to a gemeente's HTTP endpoint that refuses it. An operator retries it through the confirm
 * step and it is delivered exactly once; a second operator, retrying it from a page loaded before, gets
 * "al afgeleverd". A LEZER sees the entry but no retry button, and a forged POST from its session gets 403.
 */
class DeadLettersBrowserTest extends SharedHubTest {

    static final String GRONINGEN = "0014";
    static final Doelsysteem groningen = new Doelsysteem();
    static String origineleKanalen;
    static RegistryService herlaad;

    @Autowired
    RegistryService registryService;
    @Autowired
    CamelContext camel;

    @BeforeEach
    void kanaal() throws Exception {
        if (origineleKanalen != null) {
            return;
        }
        herlaad = registryService;
        Path file = REGISTRY_DIR.resolve("kanalen.yaml");
        origineleKanalen = Files.readString(file);
        Files.writeString(file, origineleKanalen + "- deelnemer: \"" + GRONINGEN + "\"\n  kanaal: rest\n  instellingen:\n"
                + "    url: " + groningen.url() + "\n");
        registryService.reload();
        assertThat(camel.getRoute(PushRoutes.routeId(GRONINGEN))).isNotNull();
    }

    @AfterAll
    static void herstel() throws Exception {
        Files.writeString(REGISTRY_DIR.resolve("kanalen.yaml"), origineleKanalen);
        herlaad.reload();
        groningen.close();
    }

    @Test
    void anOperatorRetriesOnceThroughTheConfirmStepAndALezerCannot() {
        groningen.status = 400;
        VerstuurBerichtAntwoord antwoord = send(BerichtBuilder.wmo315().gemeente(GRONINGEN).identificatie("BROWSER1")
                .bsn(TestBsn.nth(23)).build());
        assertThat(antwoord.getStatus()).isEqualTo(Status.GEACCEPTEERD);
        String id = antwoord.getTraceerId();
        await().atMost(Duration.ofSeconds(10)).until(() -> api("LEZER").get().uri("/api/dead-letters/knooppunt.dlq")
                .retrieve().body(String.class).contains(id));
        testgebruiker("browser-operator", "OPERATOR");
        testgebruiker("browser-operator-2", "OPERATOR");
        testgebruiker("browser-lezer", "LEZER");

        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(Paths.get("/usr/bin/chromium")).setHeadless(true))) {
            String rij = "tr[data-traceer-id='" + id + "']";

            // a LEZER sees the entry, but nothing to act with; a forged POST with its own session and CSRF token: 403
            try (BrowserContext lezerContext = browser.newContext()) {
                Page lezer = login(lezerContext, "browser-lezer");
                lezer.navigate(url("/dead-letters?queue=knooppunt.dlq"));
                assertThat(lezer.locator(rij).count()).isEqualTo(1);
                assertThat(lezer.locator("#actie-opnieuw").count()).isZero();
                assertThat(lezer.locator(rij + " input[type=checkbox]").count()).isZero();
                Object status = lezer.evaluate("""
                        async id => {
                          const token = document.querySelector('meta[name=_csrf]').content;
                          const header = document.querySelector('meta[name=_csrf_header]').content;
                          const body = new URLSearchParams({queue: 'knooppunt.dlq', actie: 'opnieuw', traceerId: id});
                          const r = await fetch('/dead-letters/uitvoeren', {method: 'POST', body,
                              headers: {[header]: token}, redirect: 'manual'});
                          return r.status;
                        }""", id);
                assertThat(status).isEqualTo(403);
            }
            assertThat(groningen.geaccepteerd(id)).isZero();

            try (BrowserContext eerste = browser.newContext(); BrowserContext tweede = browser.newContext()) {
                Page operator = login(eerste, "browser-operator");
                Page collega = login(tweede, "browser-operator-2");
                operator.navigate(url("/dead-letters?queue=knooppunt.dlq"));
                collega.navigate(url("/dead-letters?queue=knooppunt.dlq"));   // loaded now, used later
                assertThat(operator.locator(rij + " td").nth(3).textContent()).contains("geweigerd door ontvanger");

                groningen.status = 200;
                operator.locator("#kies-" + id).check();
                operator.locator("#actie-opnieuw").click();
                assertThat(operator.locator("#bevestig-vraag").textContent())
                        .isEqualTo("1 bericht(en) uit knooppunt.dlq opnieuw aanbieden?");
                assertThat(groningen.pogingen(id)).as("nothing happens before the confirmation").isEqualTo(1);
                operator.locator("#bevestig-ja").click();
                assertThat(operator.locator("#resultaten " + rij + " .uitkomst").textContent())
                        .startsWith("opnieuw aangeboden");
                await().atMost(Duration.ofSeconds(10)).until(() -> groningen.geaccepteerd(id) == 1);
                assertThat(operator.locator("#dlq-tabel " + rij).count()).as("gone from the DLQ").isZero();

                collega.locator("#kies-" + id).check();
                collega.locator("#actie-opnieuw").click();
                collega.locator("#bevestig-ja").click();
                assertThat(collega.locator("#resultaten " + rij + " .uitkomst").textContent()).isEqualTo("al afgeleverd");
            }
        }
        // delivered exactly once: nothing more reaches the gemeente, nothing waits on its queue
        assertThat(receive("gemeente." + GRONINGEN, id, 1000)).isNull();
        assertThat(groningen.geaccepteerd(id)).isEqualTo(1);
        assertThat(jdbc.queryForList("select gebruiker || ' ' || actie || ' ' || uitkomst from operator_log "
                + "where traceer_ids = ? order by id", String.class, id)).containsExactly(
                "browser-operator OPNIEUW opnieuw aangeboden: 1", "browser-operator-2 OPNIEUW al afgeleverd: 1");
    }

    @Test
    void routeringAndBeheerPages() {
        testgebruiker("browser-operator", "OPERATOR");
        testgebruiker("browser-lezer", "LEZER");
        testgebruiker("browser-beheerder", "BEHEERDER");
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(Paths.get("/usr/bin/chromium")).setHeadless(true))) {
            try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
                Page operator = login(context, "browser-operator");
                operator.navigate(url("/routering"));
                // "waar gaat dit heen?": beschermd wonen (15) for Albrandswaard (0613) goes to Rotterdam under mandate
                operator.locator("#berichtCode").fill("444");
                operator.locator("#gemeente").fill("0613");
                operator.locator("#productcategorie").fill("15");
                operator.locator("#proef-knop").click();
                assertThat(operator.locator("#proef-uitkomst").textContent()).isEqualTo("AFGELEVERD");
                assertThat(operator.locator("#proef-antwoord").textContent()).contains("0599").contains("MANDAAT");
                assertThat(operator.locator("#proef-regelspoor li").count()).isGreaterThan(0);
                assertThat(operator.locator("#mandaten").textContent()).contains("0613").contains("Rotterdam");
                assertThat(operator.locator("#kanalen").textContent()).contains(GRONINGEN).contains(groningen.url());

                operator.locator("#pauze-" + GRONINGEN).click();
                assertThat(operator.locator("#bevestig-vraag").textContent()).contains("pauzeren");
                operator.locator("#reden").fill("onderhoud Groningen");
                operator.locator("#bevestig-ja").click();
                assertThat(operator.locator("#melding").textContent()).contains("gepauzeerd");
                assertThat(operator.locator("tr[data-deelnemer='" + GRONINGEN + "']").textContent())
                        .contains("gepauzeerd sinds").contains("browser-operator");
                operator.locator("#hervat-" + GRONINGEN).click();
                operator.locator("#bevestig-ja").click();
                assertThat(operator.locator("#melding").textContent()).contains("hervat");

                operator.navigate(url("/beheer"));
                assertThat(operator.locator("tr[data-onderdeel='db'] .status").textContent()).isEqualTo("UP");
                assertThat(operator.locator("tr[data-onderdeel='sftpServer'] .status").textContent()).isEqualTo("UP");
                assertThat(operator.locator("tr[data-onderdeel='jms'] .status").textContent()).isEqualTo("UP");
                assertThat(operator.locator("tr[data-onderdeel='pushDoelen']").textContent()).contains(GRONINGEN);
                assertThat(operator.locator("#operatorlog").textContent()).contains("PAUZE").contains("HERVAT")
                        .contains("onderhoud Groningen");
                assertThat(operator.locator("#herlaad-knop").count()).as("only a BEHEERDER reloads").isZero();
            }
            try (BrowserContext context = browser.newContext()) {
                Page beheerder = login(context, "browser-beheerder");
                beheerder.navigate(url("/beheer"));
                beheerder.locator("#herlaad-knop").click();
                assertThat(beheerder.locator("#melding").textContent()).startsWith("Register opnieuw geladen");
            }
            try (BrowserContext context = browser.newContext()) {
                Page lezer = login(context, "browser-lezer");
                lezer.navigate(url("/routering"));
                assertThat(lezer.locator("#pauze-" + GRONINGEN).count()).isZero();
                assertThat(lezer.locator("#afleveringen").textContent()).contains(GRONINGEN);
            }
        }
    }

    private Page login(BrowserContext context, String naam) {
        Page page = context.newPage();
        page.navigate(url("/login"));
        page.locator("#username").fill(naam);
        page.locator("#password").fill(TEST_WACHTWOORD);
        page.locator("button[type=submit]").click();
        page.waitForURL(u -> !u.contains("/login"));
        return page;
    }

    private String url(String pad) {
        return "http://localhost:" + port + pad;
    }
}
