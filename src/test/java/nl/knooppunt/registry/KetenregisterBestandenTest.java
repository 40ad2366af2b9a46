package nl.knooppunt.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** beoordeling.yaml and productcodes.csv are validated on load; an error names the file and the line. */
class KetenregisterBestandenTest {

    @TempDir
    Path dir;

    private final Map<String, Gemeente> gemeenten = new RegistryLoader(null).load().gemeenten();

    private void write(String file, String content) throws IOException {
        Files.writeString(dir.resolve(file), content);
    }

    @Test
    void shippedFilesLoad() {
        RegistryLoader loader = new RegistryLoader(null);
        assertThat(loader.beoordelingen(gemeenten)).isEmpty();
        assertThat(loader.productcodes(gemeenten)).extracting(Productcode::code).contains("02A01", "07A01");
    }

    @Test
    void beoordelingPerGemeente() throws IOException {
        write("beoordeling.yaml", "- gemeente: \"0599\"\n  beoordeling: afkeuren\n- gemeente: \"0363\"\n  beoordeling: signaleren\n");
        assertThat(new RegistryLoader(dir).beoordelingen(gemeenten))
                .containsEntry("0599", Beoordeling.AFKEUREN).containsEntry("0363", Beoordeling.SIGNALEREN);
    }

    @Test
    void badBeoordelingen() throws IOException {
        write("beoordeling.yaml", "- gemeente: \"0599\"\n  beoordeling: afkeuren\n- gemeente: \"0599\"\n  beoordeling: afkeuren\n");
        assertThatThrownBy(() -> new RegistryLoader(dir).beoordelingen(gemeenten)).isInstanceOf(RegistryException.class)
                .hasMessageStartingWith(dir.resolve("beoordeling.yaml") + " regel 3: ").hasMessageContaining("twee keer");
        write("beoordeling.yaml", "- gemeente: \"0599\"\n  beoordeling: weigeren\n");
        assertThatThrownBy(() -> new RegistryLoader(dir).beoordelingen(gemeenten))
                .hasMessageStartingWith(dir.resolve("beoordeling.yaml") + " regel 1: ").hasMessageContaining("weigeren");
        write("beoordeling.yaml", "- gemeente: \"0689\"\n  beoordeling: afkeuren\n");
        assertThatThrownBy(() -> new RegistryLoader(dir).beoordelingen(gemeenten)).hasMessageContaining("0689");
        write("beoordeling.yaml", "- gemeente: \"0599\"\n  oordeel: afkeuren\n");
        assertThatThrownBy(() -> new RegistryLoader(dir).beoordelingen(gemeenten)).hasMessageContaining("regel 1");
    }

    @Test
    void badProductcodes() throws IOException {
        String kop = "categorie,code,gemeente,omschrijving\n";
        write("productcodes.csv", kop + "02,02A01,,ok\n19,19A01,,te hoog\n");
        assertThatThrownBy(() -> new RegistryLoader(dir).productcodes(gemeenten))
                .hasMessageStartingWith(dir.resolve("productcodes.csv") + " regel 3: ").hasMessageContaining("19");
        write("productcodes.csv", kop + "02,02A01,,ok\n02,02A01,,dubbel\n");
        assertThatThrownBy(() -> new RegistryLoader(dir).productcodes(gemeenten)).hasMessageContaining("twee keer");
        write("productcodes.csv", kop + "02,02A01,,ok\n02,02A01,0599,bilateraal mag\n02,TOOLONG,,x\n");
        assertThatThrownBy(() -> new RegistryLoader(dir).productcodes(gemeenten)).hasMessageContaining("regel 4");
        write("productcodes.csv", kop + "02,X1,9999,onbekende gemeente\n");
        assertThatThrownBy(() -> new RegistryLoader(dir).productcodes(gemeenten)).hasMessageContaining("9999");
    }
}
