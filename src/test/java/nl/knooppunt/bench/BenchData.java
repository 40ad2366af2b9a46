package nl.knooppunt.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import nl.knooppunt.testdata.BerichtBuilder;
import nl.knooppunt.testdata.TestBsn;

/**
 * The benchmark's berichten: a realistic mix from one aanbieder to one gemeente (WMO305/307/315/317 and WMO323 with
 * 1–50 prestaties, roughly 1–20 KB, most around 2 KB), valid at every control level. Every set has its own
 * Identificaties and DeclaratieNummers (the hub answers a repeat as a duplicate), generated before the clock runs.
 */
final class BenchData {

    static final String GEMEENTE = "0599";
    static final String AANBIEDER = "42420001";
    private static final List<String> BSNS = TestBsn.first(200);
    private static final String[] TYPES = {"305", "307", "315", "317", "323"};

    private BenchData() {
    }

    /** {@code count} berichten for run {@code run} (0..99), the same shape for every run. */
    static List<byte[]> set(int run, int count) {
        Random random = new Random(42);
        List<byte[]> berichten = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String type = TYPES[i % TYPES.length];
            String id = String.format("B%02d%07d", run, i);
            BerichtBuilder b = BerichtBuilder.of("WMO" + type).gemeente(GEMEENTE).aanbieder(AANBIEDER)
                    .identificatie(id)
                    .bsn(BSNS.get(random.nextInt(BSNS.size())))
                    .bsn2(BSNS.get(random.nextInt(BSNS.size())))
                    .toewijzingNummer(1_000_000L + run * 100_000L + i);
            if (type.equals("323")) {
                int prestaties = 1 + random.nextInt(50);
                b.declaratieNummer(String.format("D%02d%07d", run, i)).prestaties(prestaties,
                        List.of(BSNS.get(random.nextInt(BSNS.size())), BSNS.get(random.nextInt(BSNS.size()))));
            }
            berichten.add(b.build().getBytes(StandardCharsets.UTF_8));
        }
        return berichten;
    }

    /** One WMO323 of about {@code bytes} bytes: tens of thousands of prestaties over 800 clients. */
    static byte[] largeDeclaratie(long bytes) {
        return largeDeclaratie(bytes, 1);
    }

    /** @param nummer 1–9: each its own Identificatie and DeclaratieNummer, so the hub takes each as a new bericht */
    static byte[] largeDeclaratie(long bytes, int nummer) {
        int prestaties = (int) (bytes / 1000);  // about 1 KB per prestatie, with CRLF and indentation
        return BerichtBuilder.wmo323().gemeente(GEMEENTE).aanbieder(AANBIEDER).identificatie("GROOT-00" + nummer)
                .declaratieNummer("DGROOT000" + nummer).prestaties(prestaties, TestBsn.first(800)).build()
                .getBytes(StandardCharsets.UTF_8);
    }
}
