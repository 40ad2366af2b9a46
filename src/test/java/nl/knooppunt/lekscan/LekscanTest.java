package nl.knooppunt.lekscan;

import static org.assertj.core.api.Assertions.assertThat;

import nl.knooppunt.testdata.TestBsn;
import org.junit.jupiter.api.Test;

/** The leak scanner finds a planted test BSN in any text, and only numbers that are one. */
class LekscanTest {

    @Test
    void findsAPlantedTestBsn() {
        String bsn = TestBsn.nth(7);
        assertThat(Lekscan.bsns("2026-11-23 INFO traceerId=abc melding: client " + bsn + " onbekend")).containsExactly(bsn);
        assertThat(Lekscan.bsns("{\"bsn\":\"" + bsn + "\"}")).containsExactly(bsn);
        assertThat(Lekscan.bsns("<Bsn>" + bsn + "</Bsn>")).containsExactly(bsn);
    }

    @Test
    void ignoresNumbersThatAreNoTestBsn() {
        String bsn = TestBsn.nth(7);
        String geenElfproef = bsn.substring(0, 8) + ((bsn.charAt(8) - '0' + 1) % 10);
        assertThat(Lekscan.bsns(geenElfproef + " 1" + bsn + " " + bsn + "0 123456782 999990")).isEmpty();
    }

    @Test
    void ignoresAnObjectsIdentityHashInABrokerLog() {
        // from an Artemis message audit log line of a CI run: the number is the message's identity hash, no BSN
        assertThat(Lekscan.bsns("properties=TypedProperties[eventType=AFGELEVERD]]@999992995 to transaction")).isEmpty();
        assertThat(Lekscan.bsns("bsn=999992995")).as("the same number anywhere else").containsExactly("999992995");
    }
}
