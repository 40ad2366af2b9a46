package nl.knooppunt.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Message;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.knooppunt.SharedHubTest;
import nl.knooppunt.intake.soap.api.Status;
import nl.knooppunt.intake.soap.api.VerstuurBerichtAntwoord;
import nl.knooppunt.testdata.BerichtBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/** A bericht for an unknown aanbieder is parked, listed, and delivered once the registry knows the aanbieder. */
class OnbestelbaarTest extends SharedHubTest {

    private final Path aanbieders = REGISTRY_DIR.resolve("aanbieders.yaml");

    @AfterEach
    void shippedRegistryAgain() throws IOException {
        Files.deleteIfExists(aanbieders);
        post("/api/registry/herladen");
    }

    @Test
    void parkedBerichtIsReleasedAfterTheRegistryLearnsTheAanbieder() throws IOException {
        String xml = BerichtBuilder.wmo301().aanbieder("42427777").identificatie("PARK1").build();
        VerstuurBerichtAntwoord antwoord = send(xml);
        assertThat(antwoord.getStatus()).isEqualTo(Status.AFGEKEURD);
        assertThat(antwoord.getMeldingen().get(0).getCode()).isEqualTo("KP011");
        assertThat(antwoord.getMeldingen().get(0).getOmschrijving()).contains("42427777");
        String traceerId = antwoord.getTraceerId();
        assertThat(get("/api/onbestelbaar")).contains(traceerId);

        assertThat(post("/api/onbestelbaar/" + traceerId + "/vrijgeven").getStatusCode().value())
                .as("still unknown: parked again").isEqualTo(409);

        Files.writeString(aanbieders, "- agb: \"42427777\"\n  naam: \"Nieuwe Aanbieder (fictief)\"\n");
        assertThat(post("/api/registry/herladen").getStatusCode().is2xxSuccessful()).isTrue();
        ResponseEntity<String> released = post("/api/onbestelbaar/" + traceerId + "/vrijgeven");
        assertThat(released.getStatusCode().value()).isEqualTo(200);
        assertThat(released.getBody()).contains("AFGELEVERD");

        Message delivered = receive("aanbieder.42427777", traceerId);
        assertThat(delivered).isNotNull();
        assertThat(new String(bytes(delivered), StandardCharsets.UTF_8)).isEqualTo(xml);
        assertThat(get("/api/onbestelbaar")).doesNotContain(traceerId);
        assertThat(receive("knooppunt.onbestelbaar", traceerId, 500)).as("taken off the parking queue").isNull();
        assertThat(auditEvents(traceerId, 5)).extracting(e -> e.get("eventType").asText())
                .containsExactly("ONTVANGEN", "GEPARKEERD", "GEPARKEERD", "GEROUTEERD", "AFGELEVERD");
    }

    @Test
    void aBadRegistryFileIsRefusedAndTheOldRegistryStays() throws IOException {
        Files.writeString(aanbieders, "- agb: \"42427777\"\n  naam: \"Goed\"\n- agb: \"1234\"\n  naam: \"Fout\"\n");
        ResponseEntity<String> reload = post("/api/registry/herladen");
        assertThat(reload.getStatusCode().value()).isEqualTo(422);
        assertThat(reload.getBody()).contains("aanbieders.yaml regel 3").contains("1234");

        VerstuurBerichtAntwoord antwoord = send(BerichtBuilder.wmo301().identificatie("PARK2").build());
        assertThat(antwoord.getStatus()).as("shipped aanbieder 42420001 still known").isEqualTo(Status.GEACCEPTEERD);
    }

    private String get(String path) {
        return api("LEZER").get().uri(path).retrieve().body(String.class);
    }

    /** Registry reloads need a beheerder; releasing a parked bericht an operator, which a beheerder also is. */
    private ResponseEntity<String> post(String path) {
        return api("BEHEERDER").post().uri(path).retrieve().toEntity(String.class);
    }
}
