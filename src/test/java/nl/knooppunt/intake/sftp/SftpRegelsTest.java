package nl.knooppunt.intake.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import nl.knooppunt.delivery.Zending;
import nl.knooppunt.validation.Melding;
import org.junit.jupiter.api.Test;

/** The SFTP channel's naming rules and report format, without a server. */
class SftpRegelsTest {

    @Test
    void onlyFinalNamesAreTaken() {
        assertThat(UitMap.isCompleet("wmo315.xml")).isTrue();
        assertThat(UitMap.isCompleet("rommel.txt")).isTrue();
        assertThat(List.of("x.xml.part", "x.xml.PART", "x.xml.tmp", "x.xml.filepart", "x.partial", ".x.xml",
                "x.xml.done", "")).noneMatch(UitMap::isCompleet);
    }

    @Test
    void deliveredFilesAreNamedSafelyAndUniquely() {
        String id = "0b7e2c1a-1111-2222-3333-444455556666";
        assertThat(InMapAflevering.bestandsnaam(new Zending("42420003", id, id + ".xml", new byte[0], Map.of())))
                .isEqualTo(id + ".xml");
        assertThat(InMapAflevering.bestandsnaam(new Zending("42420003", id, "WMO316 retour.xml", new byte[0], Map.of())))
                .isEqualTo("WMO316_retour_" + id + ".xml");
        assertThat(InMapAflevering.bestandsnaam(new Zending("42420003", id, "../../etc/999990019.xml", new byte[0],
                Map.of()))).doesNotContain("/").doesNotContain("999990019").endsWith("_" + id + ".xml");
    }

    @Test
    void verslagIsValidAgainstItsSchemaAndEscapesText() throws Exception {
        Verwerkingsverslag verslag = new Verwerkingsverslag("a<b>&\"c.xml", "0b7e2c1a-1111-2222-3333-444455556666",
                "AFGEKEURD", "AFGEKEURD", Instant.parse("2026-11-02T10:00:00Z"), Instant.parse("2026-11-02T10:00:01Z"),
                List.of(new Melding("KP007", "regel 3: '***' is geen <geldige> waarde"), new Melding("KP008", "x")),
                null);
        byte[] xml = verslag.xml();
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(Path.of("schemas/verwerkingsverslag.xsd").toFile()).newValidator()
                .validate(new StreamSource(new ByteArrayInputStream(xml)));
        assertThat(new String(xml, StandardCharsets.UTF_8)).contains("<Code>KP007</Code>", "<Code>KP008</Code>",
                "a&lt;b>&amp;\"c.xml");
    }

    @Test
    void verslagNameKeepsTheUploadNameAndTheTraceerId() {
        assertThat(SftpIntake.verslagnaam("wmo315.xml", "t-1")).isEqualTo("wmo315.xml.t-1.verslag.xml");
        assertThat(SftpIntake.verslagnaam("x".repeat(300), "t-1")).hasSize(150 + ".t-1.verslag.xml".length());
        assertThat(SftpIntake.leesbaar("a\u0001b999990019.xml")).isEqualTo("a?b*********.xml");
    }
}
