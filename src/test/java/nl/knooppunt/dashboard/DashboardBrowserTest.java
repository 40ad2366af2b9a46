package nl.knooppunt.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.knooppunt.SharedHubTest;
import nl.knooppunt.intake.soap.api.Status;
import nl.knooppunt.intake.soap.api.VerstuurBerichtAntwoord;
import nl.knooppunt.testdata.BerichtBuilder;
import nl.knooppunt.testdata.TestBsn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard in real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright; no browser download).
 * With {@code -Ddashboard.screenshots=true} it also writes the screenshots in docs/dashboard/.
 */
class DashboardBrowserTest extends SharedHubTest {

    private static final boolean SCREENSHOTS = Boolean.getBoolean("dashboard.screenshots");
    private static Playwright playwright;
    private static Browser browser;
    private BrowserContext context;
    /** What the browser refused under the hub's Content-Security-Policy: must stay empty. */
    private final List<String> geweigerd = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void chromium() {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium")).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage")));
    }

    @AfterAll
    static void sluit() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @AfterEach
    void sluitContext() {
        if (context != null) {
            context.close();
        }
        org.assertj.core.api.Assertions.assertThat(geweigerd).as("refused by the Content-Security-Policy").isEmpty();
    }

    @Test
    void aBeheerderSeesTheBerichtenInTheOverzichtFindsOneAndReadsItsPayloadMasked() {
        String bsn = TestBsn.nth(50);
        String identificatie = "B" + UUID.randomUUID().toString().replace("-", "").substring(0, 11);
        VerstuurBerichtAntwoord a = send(BerichtBuilder.wmo315().identificatie(identificatie).bsn(bsn).build());
        assertThat(a.getStatus()).isEqualTo(Status.GEACCEPTEERD);
        send(BerichtBuilder.wmo315().identificatie(identificatie + "X").build()
                .replace("<wmo315:BerichtCode>", "<wmo315:BerichtCode>9"));
        Page page = login("BEHEERDER");

        Locator soap = page.locator("#stromen tr[data-stroom='Intake SOAP']");
        assertThat(soap).isVisible();
        assertThat(Long.parseLong(soap.locator("td").nth(1).innerText().trim())).isGreaterThanOrEqualTo(2);
        assertThat(page.locator("#wachtrijen tr[data-wachtrij='gemeente.0599']")).isVisible();
        schermafdruk(page, "overzicht");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Berichten").setExact(true)).click();
        page.getByLabel("Berichtidentificatie").fill(identificatie);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Zoeken")).click();
        Locator link = page.locator("#resultaten a", new Page.LocatorOptions().setHasText(a.getTraceerId()));
        assertThat(link).hasCount(1);
        page.getByLabel("Berichtidentificatie").fill("");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Zoeken")).click();
        schermafdruk(page, "berichten");
        page.getByLabel("Berichtidentificatie").fill(identificatie);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Zoeken")).click();
        page.locator("#resultaten a", new Page.LocatorOptions().setHasText(a.getTraceerId())).click();

        assertThat(page.locator("#status")).hasText("AFGELEVERD");
        assertThat(page.locator("#historie")).containsText("ONTVANGEN");
        assertThat(page.locator("#historie")).containsText("AFGELEVERD");
        assertThat(page.locator("#regelspoor")).isVisible();
        assertThat(page.locator("#payload")).hasCount(0);
        page.getByLabel("Reden van inzage").fill("Controle op verzoek van gemeente Rotterdam");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Inhoud tonen")).click();

        assertThat(page.locator("#payload")).containsText("<wmo315:Bsn>*********</wmo315:Bsn>");
        assertThat(page.locator("#payload")).not().containsText(bsn);
        assertThat(page.content()).doesNotContain(bsn);
        assertThat(page.locator("#inzagelog")).containsText("Controle op verzoek van gemeente Rotterdam");
        assertThat(jdbc.queryForObject("select count(*) from inzage where traceer_id = ? and gebruiker = 'test-beheerder' "
                + "and via = 'PAGINA'", Integer.class, a.getTraceerId())).isOne();
        schermafdruk(page, "bericht");

        page.navigate(url("/afgekeurd"));
        assertThat(page.locator("#afgekeurd")).containsText("nee");
        schermafdruk(page, "afgekeurd");
        page.navigate(url("/storingen"));
        assertThat(page.locator("#storingen")).containsText("Afgekeurd");
        schermafdruk(page, "storingen");
        page.navigate(url("/historie?dagen=1&per=UUR&groep=BERICHTTYPE"));
        assertThat(page.locator("body[data-grafieken-klaar='ja']")).hasCount(1);
        assertThat(page.locator("#historie-groepen")).containsText("WMO315");
        schermafdruk(page, "historie");
        page.navigate(url("/gebruikers"));
        assertThat(page.locator("h1")).hasText("Gebruikers");
        schermafdruk(page, "gebruikers");
        // the other pages of the menu render for a beheerder (each has its own tests; here for the screenshots)
        for (String pagina : List.of("dead-letters", "routering", "beheer", "contractmanagement")) {
            page.navigate(url("/" + pagina));
            assertThat(page.locator("main h1")).isVisible();
            schermafdruk(page, pagina);
        }
        // the reports of deadlines and bovenregionale declaraties are chosen on the contractmanagement page
        for (String titel : List.of("Termijnen verstreken", "Bovenregionale declaraties")) {
            page.locator("#rapport").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(titel));
            page.locator("form.zoek button[type=submit]").click();
            assertThat(page.locator("#rapport-tabel caption")).hasText(titel);
            assertThat(page.locator("#uitleg")).isVisible();
        }
    }

    @Test
    void aLezerSeesNoOperatorOrBeheerActionsAndCannotUseThem() {
        Page page = login("LEZER");
        assertThat(page.getByRole(AriaRole.NAVIGATION)).containsText("Overzicht");
        assertThat(page.getByRole(AriaRole.NAVIGATION)).not().containsText("Gebruikers");
        assertThat(page.getByRole(AriaRole.NAVIGATION)).not().containsText("Contractmanagement");

        page.navigate(url("/gebruikers"));
        assertThat(page.locator("h1")).hasText("Geen toegang");

        page.navigate(url("/"));
        Object status = page.evaluate("""
                () => fetch('/api/onbestelbaar/onbekend/vrijgeven', { method: 'POST', headers: {
                  [document.querySelector('meta[name=_csrf_header]').content]: document.querySelector('meta[name=_csrf]').content
                } }).then(r => r.status)""");
        assertThat(status).as("a LEZER cannot release a parked bericht, even with a valid CSRF token").isEqualTo(403);

        page.keyboard().press("Tab");
        assertThat(page.locator(":focus")).hasText("Naar de inhoud");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Uitloggen")).click();
        assertThat(page.locator("[role=status]")).containsText("uitgelogd");
        page.navigate(url("/"));
        assertThat(page).hasURL(url("/login"));
    }

    @Test
    void theLoginPageRefusesAWrongPassword() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("nl-NL"));
        Page page = context.newPage();
        page.navigate(url("/berichten"));
        assertThat(page).hasURL(url("/login"));
        schermafdruk(page, "login");
        page.getByLabel("Gebruikersnaam").fill("test-lezer");
        page.getByLabel("Wachtwoord").fill("niet-het-wachtwoord");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Inloggen")).click();
        assertThat(page.locator("[role=alert]")).containsText("onjuist");
    }

    private Page login(String rol) {
        api(rol); // the test user exists
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("nl-NL"));
        Page page = context.newPage();
        page.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy")) {
                geweigerd.add(m.text());
            }
        });
        page.navigate(url("/login"));
        page.getByLabel("Gebruikersnaam").fill("test-" + rol.toLowerCase(java.util.Locale.ROOT));
        page.getByLabel("Wachtwoord").fill(TEST_WACHTWOORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Inloggen")).click();
        assertThat(page).hasURL(url("/"));
        return page;
    }

    private String url(String pad) {
        return "http://localhost:" + port + pad;
    }

    private static void schermafdruk(Page page, String naam) {
        if (SCREENSHOTS) {
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("docs/dashboard", naam + ".png")).setFullPage(true));
        }
    }
}
