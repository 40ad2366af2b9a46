package nl.knooppunt.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry files: shipped defaults, per-file overrides, and an error for every bad file naming file and line. */
class RegistryLoaderTest {

    @TempDir
    Path dir;

    @Nested
    class ShippedDefaults {

        @Test
        void allCbsGemeenten() {
            Registry registry = new RegistryLoader(dir).load();

            assertThat(registry.gemeenten()).hasSize(342);
            assertThat(registry.gemeente("0599")).contains(new Gemeente("0599", "Rotterdam", "Zuid-Holland"));
        }

        @Test
        void quotedCommaInAName() {
            assertThat(new RegistryLoader(dir).load().gemeente("0820"))
                    .contains(new Gemeente("0820", "Nuenen, Gerwen en Nederwetten", "Noord-Brabant"));
        }

        @Test
        void demoAanbieders() {
            Registry registry = new RegistryLoader(dir).load();

            assertThat(registry.aanbieders()).hasSize(5).containsKeys("42420001", "42420002", "42420003", "42420004",
                    "42420005");
            assertThat(registry.aanbieder("42420001")).contains(new Aanbieder("42420001", "Zorggroep De Linde (fictief)"));
        }

        @Test
        void withoutARegistryDir() {
            Registry registry = new RegistryLoader(null).load();

            assertThat(registry.gemeenten()).hasSize(342);
            assertThat(registry.aanbieders()).hasSize(5);
        }

        @Test
        void unknownCodesAreEmpty() {
            Registry registry = new RegistryLoader(dir).load();

            assertThat(registry.gemeente("9999")).isEmpty();
            assertThat(registry.gemeente(null)).isEmpty();
            assertThat(registry.aanbieder("42429999")).isEmpty();
            assertThat(registry.aanbieder(null)).isEmpty();
        }
    }

    @Nested
    class Overrides {

        @Test
        void gemeentenFileReplacesTheShippedOne() throws IOException {
            write("gemeenten.csv", "code,naam,provincie", "0599,Rotterdam,Zuid-Holland", "0363,Amsterdam,Noord-Holland");

            Registry registry = new RegistryLoader(dir).load();

            assertThat(registry.gemeenten()).containsOnlyKeys("0599", "0363");
            assertThat(registry.aanbieders()).as("the other file stays shipped").hasSize(5);
        }

        @Test
        void aanbiedersFileReplacesTheShippedOne() throws IOException {
            write("aanbieders.yaml", "- agb: \"12345678\"", "  naam: \"Thuiszorg Test\"");

            Registry registry = new RegistryLoader(dir).load();

            assertThat(registry.aanbieders()).containsOnlyKeys("12345678");
            assertThat(registry.aanbieder("12345678")).contains(new Aanbieder("12345678", "Thuiszorg Test"));
            assertThat(registry.gemeenten()).as("the other file stays shipped").hasSize(342);
        }

        @Test
        void emptyAanbiedersFileMeansNoAanbieders() throws IOException {
            write("aanbieders.yaml", "# nog geen aanbieders");

            assertThat(new RegistryLoader(dir).load().aanbieders()).isEmpty();
        }

        @Test
        void unquotedAgbWithALeadingZeroKeepsItsDigits() throws IOException {
            write("aanbieders.yaml", "- agb: 01234567", "  naam: Huisartsenpraktijk Test");

            assertThat(new RegistryLoader(dir).load().aanbieders()).containsOnlyKeys("01234567");
        }

        @Test
        void namesAreStripped() throws IOException {
            write("gemeenten.csv", "code,naam,provincie", "0599,  Rotterdam ,Zuid-Holland");

            assertThat(new RegistryLoader(dir).load().gemeente("0599").orElseThrow().naam()).isEqualTo("Rotterdam");
        }

        @Test
        void otherFilesInTheDirAreIgnored() throws IOException {
            write("gemeenten.csv.bak", "kapot");
            write("notes.txt", "kapot");

            assertThat(new RegistryLoader(dir).load().gemeenten()).hasSize(342);
        }
    }

    @Nested
    class BadGemeenten {

        @Test
        void badHeader() throws IOException {
            write("gemeenten.csv", "gemeentecode,naam,provincie", "0599,Rotterdam,Zuid-Holland");

            assertFails("gemeenten.csv", 1).hasMessageContaining("code,naam,provincie");
        }

        @Test
        void headerInAnotherOrder() throws IOException {
            write("gemeenten.csv", "naam,code,provincie", "Rotterdam,0599,Zuid-Holland");

            assertFails("gemeenten.csv", 1);
        }

        @Test
        void threeDigitCode() throws IOException {
            write("gemeenten.csv", "code,naam,provincie", "0599,Rotterdam,Zuid-Holland", "363,Amsterdam,Noord-Holland");

            assertFails("gemeenten.csv", 3).hasMessageContaining("'363'").hasMessageContaining("4 cijfers");
        }

        @Test
        void duplicateCode() throws IOException {
            write("gemeenten.csv", "code,naam,provincie", "0599,Rotterdam,Zuid-Holland", "0363,Amsterdam,Noord-Holland",
                    "0599,Rotjeknor,Zuid-Holland");

            assertFails("gemeenten.csv", 4).hasMessageContaining("0599").hasMessageContaining("twee keer");
        }

        @Test
        void emptyNaam() throws IOException {
            write("gemeenten.csv", "code,naam,provincie", "0599,Rotterdam,Zuid-Holland", "0363,,Noord-Holland");

            assertFails("gemeenten.csv", 3).hasMessageContaining("naam ontbreekt");
        }

        @Test
        void blankNaam() throws IOException {
            write("gemeenten.csv", "code,naam,provincie", "0363,   ,Noord-Holland");

            assertFails("gemeenten.csv", 2).hasMessageContaining("naam ontbreekt");
        }

        @Test
        void missingColumns() throws IOException {
            write("gemeenten.csv", "code,naam,provincie", "0599,Rotterdam,Zuid-Holland", "0363");

            assertFails("gemeenten.csv", 3);
        }

        @Test
        void tooManyColumns() throws IOException {
            write("gemeenten.csv", "code,naam,provincie", "0599,Rotterdam,Zuid-Holland,extra");

            assertFails("gemeenten.csv", 2);
        }

        @Test
        void blankLineIsSkippedAndLaterLinesKeepTheirNumber() throws IOException {
            write("gemeenten.csv", "code,naam,provincie", "0599,Rotterdam,Zuid-Holland", "", "363,Amsterdam,Noord-Holland");

            assertFails("gemeenten.csv", 4);
        }

        @Test
        void trailingBlankLineIsIgnored() throws IOException {
            write("gemeenten.csv", "code,naam,provincie", "0599,Rotterdam,Zuid-Holland", "");

            assertThat(new RegistryLoader(dir).load().gemeenten()).containsOnlyKeys("0599");
        }

        @Test
        void lineNumberCountsAQuotedLineBreak() throws IOException {
            write("gemeenten.csv", "code,naam,provincie", "0599,\"Rotter", "dam\",Zuid-Holland", "363,Amsterdam,Noord-Holland");

            assertFails("gemeenten.csv", 4);
        }

        @Test
        void crlfLineEnds() throws IOException {
            Files.writeString(dir.resolve("gemeenten.csv"), "code,naam,provincie\r\n0599,Rotterdam,Zuid-Holland\r\n");

            assertThat(new RegistryLoader(dir).load().gemeente("0599").orElseThrow().provincie()).isEqualTo("Zuid-Holland");
        }

        @Test
        void onlyAHeader() throws IOException {
            write("gemeenten.csv", "code,naam,provincie");

            assertThatThrownBy(() -> new RegistryLoader(dir).load()).isInstanceOf(RegistryException.class)
                    .hasMessageContaining(dir.resolve("gemeenten.csv").toString())
                    .hasMessageContaining("geen gemeenten");
        }
    }

    @Nested
    class BadAanbieders {

        @Test
        void sevenDigitAgb() throws IOException {
            write("aanbieders.yaml", "- agb: \"42420001\"", "  naam: \"Een\"", "- agb: \"4242002\"", "  naam: \"Twee\"");

            assertFails("aanbieders.yaml", 3).hasMessageContaining("'4242002'").hasMessageContaining("8 cijfers");
        }

        @Test
        void missingAgb() throws IOException {
            write("aanbieders.yaml", "- naam: \"Zonder agb\"");

            assertFails("aanbieders.yaml", 1).hasMessageContaining("8 cijfers");
        }

        @Test
        void missingNaam() throws IOException {
            write("aanbieders.yaml", "- agb: \"42420001\"", "  naam: \"Een\"", "- agb: \"42420002\"");

            assertFails("aanbieders.yaml", 3).hasMessageContaining("naam ontbreekt").hasMessageContaining("42420002");
        }

        @Test
        void blankNaam() throws IOException {
            write("aanbieders.yaml", "- agb: \"42420001\"", "  naam: \"  \"");

            assertFails("aanbieders.yaml", 1).hasMessageContaining("naam ontbreekt");
        }

        @Test
        void duplicateAgb() throws IOException {
            write("aanbieders.yaml", "- agb: \"42420001\"", "  naam: \"Een\"", "- agb: \"42420002\"", "  naam: \"Twee\"",
                    "- agb: \"42420001\"", "  naam: \"Nog een\"");

            assertFails("aanbieders.yaml", 5).hasMessageContaining("42420001").hasMessageContaining("twee keer");
        }

        @Test
        void unknownField() throws IOException {
            write("aanbieders.yaml", "- agb: \"42420001\"", "  naam: \"Een\"", "  gemeente: \"0599\"");

            assertFails("aanbieders.yaml", 1).hasMessageContaining("gemeente");
        }

        @Test
        void notAList() throws IOException {
            write("aanbieders.yaml", "agb: \"42420001\"", "naam: \"Een\"");

            assertFails("aanbieders.yaml", 1).hasMessageContaining("lijst");
        }

        @Test
        void listOfStrings() throws IOException {
            write("aanbieders.yaml", "- agb: \"42420001\"", "  naam: \"Een\"", "- 42420002");

            assertFails("aanbieders.yaml", 3);
        }

        @Test
        void notYaml() throws IOException {
            write("aanbieders.yaml", "- agb: \"42420001\"", "  naam: [onafgesloten");

            assertThatThrownBy(() -> new RegistryLoader(dir).load()).isInstanceOf(RegistryException.class)
                    .hasMessageContaining(dir.resolve("aanbieders.yaml").toString());
        }
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertFails(String file, int line) {
        return assertThatThrownBy(() -> new RegistryLoader(dir).load())
                .isInstanceOf(RegistryException.class)
                .hasMessageStartingWith(dir.resolve(file) + " regel " + line + ": ");
    }

    private void write(String file, String... lines) throws IOException {
        Files.writeString(dir.resolve(file), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }
}
