package nl.knooppunt.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.Message;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import nl.knooppunt.SharedHubTest;
import nl.knooppunt.intake.soap.api.Status;
import nl.knooppunt.intake.soap.api.VerstuurBerichtAntwoord;
import nl.knooppunt.testdata.BerichtBuilder;
import nl.knooppunt.testdata.HostileXml;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each bad input gets AFGEKEURD with its own code, is kept (payload store, status, audit), and does not harm the
 * next bericht.
 */
class BadInputTest extends SharedHubTest {

    static Stream<Arguments> badInput() {
        return Stream.of(
                bad("empty", () -> new byte[0], "KP001"),
                bad("not XML", () -> utf8("dit is geen xml"), "KP001"),
                bad("truncated XML", () -> utf8(valid().substring(0, 400)), "KP001"),
                bad("UTF-8 BOM", () -> withBom(valid()), "KP002"),
                bad("DOCTYPE", () -> utf8(valid().replaceFirst("\\?>", "?><!DOCTYPE Bericht>")), "KP003"),
                bad("billion laughs", HostileXml::billionLaughs, "KP003"),
                bad("external entity", () -> utf8("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "
                        + "\"file:///etc/passwd\">]><x>&xxe;</x>"), "KP003"),
                bad("iWmo 3.1", () -> utf8(valid().replace("/iwmo/3_2/", "/iwmo/3_1/")), "KP005"),
                bad("iJw 3.2", () -> utf8(valid().replace("/iwmo/3_2/", "/ijw/3_2/").replace("wmo315", "jw315")), "KP005"),
                bad("no namespace", () -> utf8("<Bericht><Header/></Bericht>"), "KP005"),
                bad("BerichtCode does not match root", () -> utf8(valid().replace(">444<", ">414<")), "KP006"),
                bad("XSD violation", () -> utf8(valid().replaceAll(">02<", ">19<")), "KP007"),
                bad("over 25 MB", BadInputTest::oversize, "KP004"),
                bad("unknown gemeente", () -> utf8(BerichtBuilder.wmo315().gemeente("9999")
                        .identificatie(SoapIntakeTest.uniqueId()).build()), "KP010"),
                bad("unknown AGB", () -> utf8(BerichtBuilder.wmo301().aanbieder("42429999")
                        .identificatie(SoapIntakeTest.uniqueId()).build()), "KP011"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void rejectedWithCodeKeptAndHarmless(String name, Supplier<byte[]> input, String code) {
        byte[] bytes = input.get();

        VerstuurBerichtAntwoord antwoord = send(bytes);

        assertThat(antwoord.getStatus()).isEqualTo(Status.AFGEKEURD);
        assertThat(antwoord.getMeldingen()).isNotEmpty();
        assertThat(antwoord.getMeldingen().get(0).getCode()).isEqualTo(code);
        assertThat(antwoord.getMeldingen().get(0).getOmschrijving()).isNotBlank().doesNotContain("Exception");
        String traceerId = antwoord.getTraceerId();
        boolean parked = code.equals("KP010") || code.equals("KP011");

        String status = parked ? "GEPARKEERD" : "AFGEKEURD";
        List<JsonNode> events = auditEvents(traceerId, 2);
        assertThat(events).extracting(e -> e.get("eventType").asText()).containsExactly("ONTVANGEN", status);
        assertThat(events.get(1).get("meldingen").get(0).get("code").asText()).isEqualTo(code);
        assertThat(jdbc.queryForObject("select status from bericht where traceer_id = ?", String.class, traceerId))
                .isEqualTo(status);
        if (!code.equals("KP004")) {
            assertThat(jdbc.queryForObject("select inhoud from payload where traceer_id = ?", byte[].class, traceerId))
                    .as("the raw bytes are kept").isEqualTo(bytes);
        }
        if (parked) {
            Message onbestelbaar = receive("knooppunt.onbestelbaar", traceerId);
            assertThat(onbestelbaar).as("parked, never dropped").isNotNull();
            assertThat(bytes(onbestelbaar)).isEqualTo(bytes);
            assertThat(property(onbestelbaar, "parkeerCode")).isEqualTo(code);
        }

        VerstuurBerichtAntwoord next = send(BerichtBuilder.wmo315().identificatie(SoapIntakeTest.uniqueId()).build());
        assertThat(next.getStatus()).as("the next bericht is not harmed").isEqualTo(Status.GEACCEPTEERD);
        assertThat(receive("gemeente.0599", next.getTraceerId())).isNotNull();
    }

    private static Arguments bad(String name, Supplier<byte[]> input, String code) {
        return Arguments.of(name, input, code);
    }

    private static String valid() {
        return BerichtBuilder.wmo315().identificatie(SoapIntakeTest.uniqueId()).build();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] withBom(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.writeBytes(utf8(s));
        return out.toByteArray();
    }

    private static byte[] oversize() {
        String head = valid();
        byte[] big = new byte[25 * 1024 * 1024 + 1];
        Arrays.fill(big, (byte) ' ');
        byte[] h = utf8(head);
        System.arraycopy(h, 0, big, 0, h.length);
        return big;
    }
}
