package nl.knooppunt.payload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PayloadTest {

    @TempDir
    Path dir;

    @Test
    void aFileAndTheSameBytesInMemoryAreTheSamePayload() throws Exception {
        byte[] bytes = "<Bericht>999990019</Bericht>".getBytes(StandardCharsets.UTF_8);
        Payload inMemory = Payload.of(bytes);
        Payload file = Payload.file(Files.write(dir.resolve("b.xml"), bytes));

        assertThat(inMemory.inMemory()).isTrue();
        assertThat(file.inMemory()).isFalse();
        assertThat(file.size()).isEqualTo(inMemory.size()).isEqualTo(bytes.length);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertThat(file.sha256()).isEqualTo(inMemory.sha256()).isEqualTo(sha256);
        assertThat(file.bytes()).isEqualTo(bytes);
        // every reader gets its own stream from the start
        try (InputStream a = file.open(); InputStream b = file.open()) {
            assertThat(a.readNBytes(9)).isEqualTo(b.readNBytes(9)).isEqualTo("<Bericht>".getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void itNeverShowsItsContent() {
        assertThat(Payload.of("<Bsn>999990019</Bsn>".getBytes(StandardCharsets.UTF_8)).toString())
                .isEqualTo("Payload[20 bytes]").doesNotContain("999990019");
    }

    @Test
    void aLargePayloadIsStoredInPartsOfOneMebibyte() {
        assertThat(PayloadStore.delen(1)).isEqualTo(1);
        assertThat(PayloadStore.delen(PayloadStore.DEEL)).isEqualTo(1);
        assertThat(PayloadStore.delen(PayloadStore.DEEL + 1L)).isEqualTo(2);
        assertThat(PayloadStore.delen(25_000_000L)).isEqualTo(24);
    }
}
