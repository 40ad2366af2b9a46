package nl.knooppunt.validation.retour;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import nl.knooppunt.intake.BerichtType;
import nl.knooppunt.validation.Bevinding;
import nl.knooppunt.validation.XsdValidator;
import nl.knooppunt.validation.regels.Inhoudcontrole;
import org.junit.jupiter.api.Test;

/** The shape of the retourbericht (iwmo.md §4.2, §5): header copied, retour elements added, only klassen in error. */
class RetourbouwerTest {

    private static final Path ONGELDIG = Path.of("src/test/resources/corpus/ongeldig");
    private final Inhoudcontrole controle = new Inhoudcontrole();
    private final Retourbouwer bouwer = new Retourbouwer();
    private final XsdValidator xsd = new XsdValidator();

    private String retour(String bestand, BerichtType type) throws Exception {
        byte[] heen = Files.readAllBytes(ONGELDIG.resolve(bestand));
        List<Bevinding> bevindingen = controle.controleer(heen, type);
        Retour retour = bouwer.bouw(heen, type, bevindingen, "KPABCDEF0123", LocalDate.of(2026, 11, 3));
        xsd.validate(retour.inhoud(), retour.type());
        return new String(retour.inhoud(), StandardCharsets.UTF_8);
    }

    @Test
    void wmo302CopiesTheHeenHeaderAndListsOnlyTheProductInError() throws Exception {
        String xml = retour("TR302-wmo301-zelfde-product-overlappend.xml", BerichtType.WMO301);
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<wmo302:Bericht")
                .contains("<wmo302:BerichtCode>415</wmo302:BerichtCode>")
                .contains("<wmo302:Afzender>0599</wmo302:Afzender>", "<wmo302:Ontvanger>42420001</wmo302:Ontvanger>")
                .contains("<iwmo:Identificatie>WMO301-0001</iwmo:Identificatie>", "<iwmo:Dagtekening>2026-11-02</iwmo:Dagtekening>")
                .contains("<wmo302:IdentificatieRetour>KPABCDEF0123</wmo302:IdentificatieRetour>",
                        "<wmo302:DagtekeningRetour>2026-11-03</wmo302:DagtekeningRetour>",
                        "<wmo302:XsltVersie>1.0.0</wmo302:XsltVersie>", "<wmo302:XsdVersieRetour>")
                .contains("<!-- TR302 -->")
                .doesNotContain("Contactgegevens");
        // the overlapping second product only, with 0001; the client around it has no remark
        assertThat(xml.split("<wmo302:ToegewezenProduct>", -1)).hasSize(2);
        assertThat(xml).contains("<wmo302:ToewijzingNummer>12346</wmo302:ToewijzingNummer>")
                .doesNotContain("<wmo302:ToewijzingNummer>12345</wmo302:ToewijzingNummer>");
        assertThat(xml.split("<iwmo:RetourCode>0001</iwmo:RetourCode>", -1)).hasSize(3);
        assertThat(xml.split("<iwmo:RetourCode>0200</iwmo:RetourCode>", -1)).hasSize(2);
    }

    @Test
    void wmo325AnswersADeclaratieWithOnlyTheClientInError() throws Exception {
        String xml = retour("CS002-wmo323-tweede-client-bsn-elfproef.xml", BerichtType.WMO323);
        assertThat(xml).contains("<wmo325:BerichtCode>485</wmo325:BerichtCode>")
                .contains("<wmo325:Afzender>0599</wmo325:Afzender>", "<wmo325:Ontvanger>42420001</wmo325:Ontvanger>")
                .contains("<wmo325:DeclaratieIdentificatie>", "<wmo325:XsdVersieDeclaratie>", "<wmo325:XsltVersie>")
                .contains("<wmo325:DeclaratieAntwoord>", "<wmo325:TotaalToegekendBedrag>")
                .doesNotContain("DeclaratiePeriode", "<wmo325:Prestatie>");
        assertThat(xml.split("<wmo325:Client>", -1)).hasSize(2);
    }

    @Test
    void wmo325ForATotalInErrorHasNoClients() throws Exception {
        String xml = retour("TR358-wmo323-totaal-klopt-niet.xml", BerichtType.WMO323);
        assertThat(xml).contains("<wmo325:DeclaratieAntwoord>", "<!-- TR358 -->").doesNotContain("<wmo325:Client>");
    }

    /** A gemeente with beoordeling: afkeuren: a check across berichten rejects one prestatie with its own code. */
    @Test
    void wmo325CarriesTheStandardsCodeOnThePrestatieForACheckAcrossBerichten() throws Exception {
        byte[] heen = Files.readAllBytes(Path.of("src/test/resources/corpus/geldig/wmo323.xml"));
        Retour retour = bouwer.bouw(heen, BerichtType.WMO323, List.of(new Bevinding("TR338", "9338", "Prestatie",
                "/Declaratie[1]/Clienten/Client[1]/Prestaties/Prestatie[1]", "geen toewijzing")), "KPABCDEF0124",
                LocalDate.of(2026, 11, 3));
        xsd.validate(retour.inhoud(), retour.type());
        String xml = new String(retour.inhoud(), StandardCharsets.UTF_8);

        assertThat(xml).contains("<!-- TR338 -->", "<iwmo:RetourCode>9338</iwmo:RetourCode>")
                .doesNotContain("<iwmo:RetourCode>0001</iwmo:RetourCode>");
        assertThat(xml.split("<wmo325:Prestatie>", -1)).as("only the prestatie in error").hasSize(2);
        assertThat(retour.retourcodes()).startsWith("0200").contains("9338");
    }

    @Test
    void aRetourGetsNoRetour() {
        assertThat(Retourbouwer.retourType(BerichtType.WMO302)).isNull();
        assertThat(Retourbouwer.retourType(BerichtType.WMO325)).isNull();
        assertThat(Retourbouwer.retourType(BerichtType.WMO319)).isEqualTo(BerichtType.WMO320);
    }
}
