package nl.knooppunt.audit;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Message;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import nl.knooppunt.SharedHubTest;
import nl.knooppunt.intake.BerichtType;
import nl.knooppunt.intake.soap.api.VerstuurBericht;
import nl.knooppunt.intake.soap.api.VerstuurBerichtAntwoord;
import nl.knooppunt.testdata.BerichtBuilder;
import nl.knooppunt.testdata.TestBsn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A BSN appears only in the payload store: not in logs, audit events, queue headers, error texts or other columns.
 * The berichten plant BSNs everywhere a careless hub could echo them.
 */
@ExtendWith(OutputCaptureExtension.class)
class BsnLeakTest extends SharedHubTest {

    @Test
    void noBsnOutsideThePayloadStore(CapturedOutput output) throws Exception {
        List<String> bsns = new ArrayList<>();
        List<String> traceerIds = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        int n = 40;
        for (String type : BerichtBuilder.types()) {
            String bsn = TestBsn.nth(n++);
            String bsn2 = TestBsn.nth(n++);
            bsns.add(bsn);
            bsns.add(bsn2);
            String id = "L" + Integer.toHexString(n) + type.substring(3);
            VerstuurBerichtAntwoord a = send(BerichtBuilder.of(type).bsn(bsn).bsn2(bsn2).identificatie(id).build(),
                    "bericht-" + bsn + ".xml");
            answers.add(describe(a));
            traceerIds.add(a.getTraceerId());
            String queue = BerichtType.valueOf(type).richting() == BerichtType.Richting.NAAR_GEMEENTE
                    ? "gemeente.0599" : "aanbieder.42420001";
            Message m = receive(queue, a.getTraceerId());
            assertThat(m).isNotNull();
            for (String name : Collections.list((java.util.Enumeration<String>) m.getPropertyNames())) {
                answers.add(name + "=" + m.getObjectProperty(name));
            }
        }
        String bad = TestBsn.nth(n++);
        bsns.add(bad);
        String shortBsn = bad.substring(0, 8);
        String valid = BerichtBuilder.wmo315().identificatie("LEAKXSD").build();
        // XSD errors quote the offending value; a BSN of 8 digits, and a BSN where a date belongs
        for (String variant : List.of(
                valid.replaceFirst("(<iwmo:Bsn>|<wmo315:Bsn>)[0-9]{9}", "$1" + shortBsn),
                valid.replaceFirst("(Geboortedatum>\\s*<iwmo:Datum>)[^<]*", "$1" + bad),
                "geen xml maar een bsn " + bad,
                valid.replace("</wmo315:Bericht>", "<" + bad + "/></wmo315:Bericht>"),
                BerichtBuilder.wmo315().bsn(bad).gemeente("9999").identificatie(bad).build(),
                // a BSN where a party code belongs, and an Identificatie longer than the column that tracks it
                BerichtBuilder.wmo315().aanbieder(bad).identificatie("LEAK" + bad + "XYZ").build())) {
            VerstuurBerichtAntwoord a = send(variant, bad + ".xml");
            answers.add(describe(a));
            traceerIds.add(a.getTraceerId());
        }
        for (String traceerId : traceerIds) {
            auditEvents(traceerId, 2); // wait until the outbox has published at least the first two
        }

        List<String> places = new ArrayList<>();
        places.add(output.getAll());
        places.addAll(answers);
        places.addAll(jdbc.queryForList("select inhoud from audit_event", String.class));
        for (Map<String, Object> row : jdbc.queryForList("select * from bericht")) {
            places.add(row.toString());
        }
        String everything = String.join("\n", places);
        assertThat(everything).contains(traceerIds.get(0)); // the scan does see the data
        for (String bsn : bsns) {
            assertThat(everything).as("BSN %s leaked", bsn).doesNotContain(bsn);
        }
        assertThat(everything).doesNotContain(shortBsn);
        assertThat(jdbc.queryForObject("select count(*) from payload", Integer.class)).isPositive();
    }

    private VerstuurBerichtAntwoord send(String xml, String bestandsnaam) {
        VerstuurBericht request = new VerstuurBericht();
        request.setBestandsnaam(bestandsnaam);
        request.setBericht(nl.knooppunt.intake.soap.SoapIntake.bijlage(xml.getBytes(StandardCharsets.UTF_8)));
        return soapClient().verstuurBericht(request);
    }

    private static String describe(VerstuurBerichtAntwoord a) {
        StringBuilder s = new StringBuilder(a.getTraceerId() + " " + a.getStatus());
        a.getMeldingen().forEach(m -> s.append(' ').append(m.getCode()).append(' ').append(m.getOmschrijving()));
        return s.toString();
    }
}
