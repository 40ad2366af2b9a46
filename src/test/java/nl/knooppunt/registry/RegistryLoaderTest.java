package nl.knooppunt.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
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

            assertThat(current(registry)).hasSize(342);
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
            assertThat(registry.aanbieder("42420001")).contains(new Aanbieder("42420001", "Zorggroep De Linde (fictief)",
                    java.util.List.of(), "Rotterdam"));
            assertThat(registry.aanbieders().values()).as("every demo aanbieder has a region of the mandates")
                    .allSatisfy(a -> assertThat(registry.mandaten()).anyMatch(m -> m.regio().equals(a.regio())));
        }

        @Test
        void withoutARegistryDir() {
            Registry registry = new RegistryLoader(null).load();

            assertThat(current(registry)).hasSize(342);
            assertThat(registry.aanbieders()).hasSize(5);
        }

        @Test
        void historicalGemeentenFromTheHerindelingen() {
            Registry registry = new RegistryLoader(dir).load();

            assertThat(registry.gemeenten()).hasSize(426);
            assertThat(registry.gemeente("0689"))
                    .contains(new Gemeente("0689", "Giessenlanden", "", null, LocalDate.of(2019, 1, 1)));
            assertThat(registry.gemeente("0788")).as("Haaren, not in the shared file")
                    .contains(new Gemeente("0788", "Haaren", "", null, LocalDate.of(2021, 1, 1)));
            assertThat(registry.gemeente("0457").orElseThrow().opgeheven()).isEqualTo(LocalDate.of(2022, 3, 24));
            assertThat(registry.gemeente("0241").orElseThrow().opgeheven()).as("Groesbeek, between two herindelingen")
                    .isEqualTo(LocalDate.of(2016, 1, 1));
        }

        @Test
        void newGemeentenStartAtTheirHerindeling() {
            Registry registry = new RegistryLoader(dir).load();

            assertThat(registry.gemeente("1961"))
                    .contains(new Gemeente("1961", "Vijfheerenlanden", "Utrecht", LocalDate.of(2019, 1, 1), null));
            assertThat(registry.gemeente("1978").orElseThrow().geldigVan()).isEqualTo(LocalDate.of(2019, 1, 1));
            assertThat(registry.gemeente("1940").orElseThrow().geldigVan()).isEqualTo(LocalDate.of(2015, 7, 1));
            assertThat(registry.gemeente("0363").orElseThrow().geldigVan()).as("Amsterdam took in Weesp").isNull();
        }

        @Test
        void herindelingenMandatenZorgkantoren() {
            Registry registry = new RegistryLoader(dir).load();

            assertThat(registry.herindelingen()).hasSize(91);
            assertThat(registry.herindelingen()).filteredOn(h -> h.oudeCode().equals("0788"))
                    .extracting(Herindeling::nieuweCode).containsExactly("0757", "0824", "0855", "0865");
            assertThat(registry.mandaten()).hasSize(80);
            assertThat(registry.mandaten()).extracting(Mandaat::executing).doesNotContain("0457")
                    .containsOnly("0599", "0505", "0202", "0718", "0193", "0363", "0344", "0014");
            assertThat(registry.mandaten()).extracting(Mandaat::mandating).doesNotContain("0457", "0599", "0505",
                    "0202", "0718", "0193", "0363", "0344", "0014");
            assertThat(registry.zorgkantoren()).hasSize(79);
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

            assertThat(current(registry)).containsOnlyKeys("0599", "0363");
            assertThat(registry.aanbieders()).as("the other file stays shipped").hasSize(5);
        }

        @Test
        void aanbiedersFileReplacesTheShippedOne() throws IOException {
            write("aanbieders.yaml", "- agb: \"12345678\"", "  naam: \"Thuiszorg Test\"");

            Registry registry = new RegistryLoader(dir).load();

            assertThat(registry.aanbieders()).containsOnlyKeys("12345678");
            assertThat(registry.aanbieder("12345678")).contains(new Aanbieder("12345678", "Thuiszorg Test"));
            assertThat(current(registry)).as("the other file stays shipped").hasSize(342);
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
        void anOwnGemeentenListLeavesOutShippedRowsAboutOtherGemeenten() throws IOException {
            write("gemeenten.csv", "code,naam,provincie", "0599,Rotterdam,Zuid-Holland", "0363,Amsterdam,Noord-Holland");

            Registry registry = new RegistryLoader(dir).load();

            assertThat(registry.gemeenten()).as("Weesp: its successor is in the list").containsOnlyKeys("0599", "0363", "0457");
            assertThat(registry.herindelingen()).extracting(Herindeling::oudeCode).containsExactly("0457");
            assertThat(registry.mandaten()).isEmpty();
            assertThat(registry.zorgkantoren()).containsOnlyKeys("0599", "0363");
        }

        @Test
        void aSplitIsLeftOutWholeNotPartly() throws IOException {
            write("gemeenten.csv", "code,naam,provincie", "0757,Boxtel,Noord-Brabant", "0855,Tilburg,Noord-Brabant");

            Registry registry = new RegistryLoader(dir).load();

            assertThat(registry.gemeente("0788")).as("Oisterwijk and Vught are missing: never a partial split").isEmpty();
            assertThat(registry.herindelingen()).isEmpty();
        }

        @Test
        void anOldCbsListGetsItsEndedGemeentenClosed() throws IOException {
            write("gemeenten.csv", "code,naam,provincie", "0505,Dordrecht,Zuid-Holland", "0689,Giessenlanden,Zuid-Holland",
                    "1927,Molenwaard,Zuid-Holland", "1978,Molenlanden,Zuid-Holland");

            Registry registry = new RegistryLoader(dir).load();

            assertThat(registry.gemeente("0689")).contains(
                    new Gemeente("0689", "Giessenlanden", "Zuid-Holland", null, LocalDate.of(2019, 1, 1)));
            assertThat(registry.mandaten()).extracting(Mandaat::mandating).containsExactlyInAnyOrder("1978", "0689", "1927");
        }

        @Test
        void shippedMandateToAGemeenteMissingFromTheOwnList() throws IOException {
            write("gemeenten.csv", "code,naam,provincie", "0613,Albrandswaard,Zuid-Holland");

            assertThatThrownBy(() -> new RegistryLoader(dir).load()).isInstanceOf(RegistryException.class)
                    .hasMessageStartingWith("classpath:registry/mandaten.csv regel 2: ")
                    .hasMessageContaining("onbekende gemeentecode 0599");
        }

        @Test
        void fiveColumnGemeenten() throws IOException {
            write("gemeenten.csv", "code,naam,provincie,geldig_van,opgeheven", "0599,Rotterdam,Zuid-Holland,,",
                    "1234,Oudeplaats,Zuid-Holland,1990-01-01,2010-01-01");

            Registry registry = new RegistryLoader(dir).load();

            assertThat(registry.gemeente("1234")).contains(new Gemeente("1234", "Oudeplaats", "Zuid-Holland",
                    LocalDate.of(1990, 1, 1), LocalDate.of(2010, 1, 1)));
        }

        @Test
        void ownHerindelingenAndMandaten() throws IOException {
            eigenRegio();
            write("herindelingen.csv", HER_KOP, "2019-01-01,0545,Leerdam,1961,Vijfheerenlanden");
            write("mandaten.csv", MAN_KOP, "Regio,0545,0505,BW;MO,2015-01-01,2018-12-31,ALL",
                    "Regio,1961,0505,BW,2019-01-01,2019-12-31,ALL", "Regio,1961,0344,BW,2020-01-01,,NEW",
                    "Regio,1961,0505,BW,2020-01-01,2020-12-31,EXISTING");

            Registry registry = new RegistryLoader(dir).load();

            assertThat(registry.gemeente("0545").orElseThrow().opgeheven()).isEqualTo(LocalDate.of(2019, 1, 1));
            assertThat(registry.mandaten()).hasSize(4);
            assertThat(registry.mandaten().get(0)).isEqualTo(new Mandaat("Regio", "0545", "0505",
                    Set.of(Domein.BW, Domein.MO), LocalDate.of(2015, 1, 1), LocalDate.of(2018, 12, 31), ClientScope.ALL));
            assertThat(registry.zorgkantoren()).isEmpty();
        }

        @Test
        void otherFilesInTheDirAreIgnored() throws IOException {
            write("gemeenten.csv.bak", "kapot");
            write("notes.txt", "kapot");

            assertThat(current(new RegistryLoader(dir).load())).hasSize(342);
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
        void badGeldigVan() throws IOException {
            write("gemeenten.csv", "code,naam,provincie,geldig_van,opgeheven", "0599,Rotterdam,Zuid-Holland,,",
                    "1961,Vijfheerenlanden,Utrecht,1-1-2019,");

            assertFails("gemeenten.csv", 3).hasMessageContaining("geldig_van '1-1-2019'").hasMessageContaining("datum");
        }

        @Test
        void opgehevenBeforeGeldigVan() throws IOException {
            write("gemeenten.csv", "code,naam,provincie,geldig_van,opgeheven", "1234,Kort,Utrecht,2019-01-01,2018-01-01");

            assertFails("gemeenten.csv", 2).hasMessageContaining("opgeheven 2018-01-01");
        }

        @Test
        void fiveColumnHeaderWithAMissingColumn() throws IOException {
            write("gemeenten.csv", "code,naam,provincie,geldig_van,opgeheven", "0599,Rotterdam,Zuid-Holland,,",
                    "0363,Amsterdam,Noord-Holland");

            assertFails("gemeenten.csv", 3).hasMessageContaining("te weinig kolommen");
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
        void regioThatNoMandateHas() throws IOException {
            write("aanbieders.yaml", "- agb: \"42420001\"", "  naam: \"Een\"", "  regio: \"Rotterdam\"",
                    "- agb: \"42420002\"", "  naam: \"Twee\"", "  regio: \"Rijnmond\"");

            assertFails("aanbieders.yaml", 4).hasMessageContaining("regio 'Rijnmond'").hasMessageContaining("42420002")
                    .hasMessageContaining("mandaten.csv").hasMessageContaining("bekende regio's: Amsterdam-Amstelland, ")
                    .hasMessageContaining("Rotterdam, Utrecht U16");
        }

        @Test
        void regioIsCheckedAgainstTheOwnMandaten() throws IOException {
            write("mandaten.csv", "regio,mandaterende_gemeente,uitvoerende_gemeente,domeinen,geldig_van,geldig_tot,clientscope",
                    "Zeeland,0687,0718,BW;MO,2015-01-01,,ALL");
            write("aanbieders.yaml", "- agb: \"42420001\"", "  naam: \"Een\"", "  regio: \"Rotterdam\"");

            assertFails("aanbieders.yaml", 1).hasMessageContaining("bekende regio's: Zeeland");
            write("aanbieders.yaml", "- agb: \"42420001\"", "  naam: \"Een\"", "  regio: \" Zeeland \"",
                    "- agb: \"42420002\"", "  naam: \"Twee\"");
            Registry registry = new RegistryLoader(dir).load();
            assertThat(registry.aanbieder("42420001").get().regio()).isEqualTo("Zeeland");
            assertThat(registry.aanbieder("42420002").get().regio()).as("no regio: unknown, not guessed").isNull();
        }

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

    @Nested
    class BadHerindelingen {

        @BeforeEach
        void regio() throws IOException {
            eigenRegio();
        }

        @Test
        void badHeader() throws IOException {
            write("herindelingen.csv", "datum,oude_code,oude_naam,nieuwe_code", "2019-01-01,0545,Leerdam,1961");

            assertFails("herindelingen.csv", 1).hasMessageContaining(HER_KOP);
        }

        @Test
        void badCode() throws IOException {
            write("herindelingen.csv", HER_KOP, "2019-01-01,0545,Leerdam,1961,Vijfheerenlanden",
                    "2019-01-01,707,Zederik,1961,Vijfheerenlanden");

            assertFails("herindelingen.csv", 3).hasMessageContaining("oude_code '707'").hasMessageContaining("4 cijfers");
        }

        @Test
        void badDate() throws IOException {
            write("herindelingen.csv", HER_KOP, "2019-02-30,0545,Leerdam,1961,Vijfheerenlanden");

            assertFails("herindelingen.csv", 2).hasMessageContaining("datum '2019-02-30'");
        }

        @Test
        void unknownNieuweCode() throws IOException {
            write("herindelingen.csv", HER_KOP, "2019-01-01,0545,Leerdam,1961,Vijfheerenlanden",
                    "2019-01-01,0707,Zederik,1962,Vijfheerenlanden");

            assertFails("herindelingen.csv", 3).hasMessageContaining("onbekende gemeentecode 1962");
        }

        @Test
        void successorThatDoesNotExistYet() throws IOException {
            write("herindelingen.csv", HER_KOP, "2018-01-01,0545,Leerdam,1961,Vijfheerenlanden");

            assertFails("herindelingen.csv", 2).hasMessageContaining("1961 bestaat niet op 2018-01-01")
                    .hasMessageContaining("pas vanaf 2019-01-01");
        }

        @Test
        void successorThatWasAlreadyEnded() throws IOException {
            write("herindelingen.csv", HER_KOP, "2015-01-01,0265,Millingen aan de Rijn,0241,Groesbeek",
                    "2016-01-01,0241,Groesbeek,0344,Utrecht", "2017-01-01,0282,Ubbergen,0241,Groesbeek");

            assertFails("herindelingen.csv", 4).hasMessageContaining("0241 bestaat niet op 2017-01-01");
        }

        @Test
        void duplicateRow() throws IOException {
            write("herindelingen.csv", HER_KOP, "2019-01-01,0545,Leerdam,1961,Vijfheerenlanden",
                    "2019-01-01,0707,Zederik,1961,Vijfheerenlanden", "2019-01-01,0545,Leerdam,1961,Vijfheerenlanden");

            assertFails("herindelingen.csv", 4).hasMessageContaining("twee keer").hasMessageContaining("regel 2");
        }

        @Test
        void endedTwice() throws IOException {
            write("herindelingen.csv", HER_KOP, "2019-01-01,0545,Leerdam,1961,Vijfheerenlanden",
                    "2020-01-01,0545,Leerdam,0505,Dordrecht");

            assertFails("herindelingen.csv", 3).hasMessageContaining("al opgeheven op 2019-01-01")
                    .hasMessageContaining("regel 2");
        }

        @Test
        void toItself() throws IOException {
            write("herindelingen.csv", HER_KOP, "2019-01-01,0545,Leerdam,0545,Leerdam");

            assertFails("herindelingen.csv", 2).hasMessageContaining("naar zichzelf");
        }

        @Test
        void cycle() throws IOException {
            write("herindelingen.csv", HER_KOP, "2019-01-01,0545,Leerdam,0707,Zederik",
                    "2020-01-01,0620,Vianen,1961,Vijfheerenlanden", "2019-01-01,0707,Zederik,0545,Leerdam");

            assertFails("herindelingen.csv", 2).hasMessageContaining("kring")
                    .hasMessageContaining("0545 → 0707 → 0545");
        }

        @Test
        void longerCycle() throws IOException {
            write("herindelingen.csv", HER_KOP, "2019-01-01,0545,Leerdam,0707,Zederik",
                    "2020-01-01,0707,Zederik,0620,Vianen", "2021-01-01,0620,Vianen,0545,Leerdam");

            assertFails("herindelingen.csv", 2).hasMessageContaining("0545 → 0707 → 0620 → 0545");
        }

        @Test
        void endedOnAnotherDateThanGemeentenSays() throws IOException {
            write("gemeenten.csv", "code,naam,provincie,geldig_van,opgeheven", "0505,Dordrecht,Zuid-Holland,,",
                    "0545,Leerdam,Zuid-Holland,,2018-01-01", "1961,Vijfheerenlanden,Utrecht,2019-01-01,");
            write("herindelingen.csv", HER_KOP, "2019-01-01,0545,Leerdam,1961,Vijfheerenlanden");

            assertFails("herindelingen.csv", 2).hasMessageContaining("opgeheven op 2018-01-01");
        }

        @Test
        void splitRowsGiveOneHistoricalGemeente() throws IOException {
            write("herindelingen.csv", HER_KOP, "2021-01-01,0788,Haaren,0505,Dordrecht",
                    "2021-01-01,0788,Haaren,0344,Utrecht");

            Registry registry = new RegistryLoader(dir).load();

            assertThat(registry.gemeente("0788"))
                    .contains(new Gemeente("0788", "Haaren", "", null, LocalDate.of(2021, 1, 1)));
            assertThat(registry.opvolging("0788", LocalDate.of(2021, 1, 1))).isInstanceOf(Opvolging.Gesplitst.class);
        }
    }

    @Nested
    class BadMandaten {

        @BeforeEach
        void regio() throws IOException {
            eigenRegio();
            write("herindelingen.csv", HER_KOP, "2019-01-01,0545,Leerdam,1961,Vijfheerenlanden");
        }

        @Test
        void badHeader() throws IOException {
            write("mandaten.csv", "regio,mandaterende_gemeente,uitvoerende_gemeente,domeinen,geldig_van,geldig_tot",
                    "Regio,0613,0599,BW,2015-01-01,");

            assertFails("mandaten.csv", 1).hasMessageContaining(MAN_KOP);
        }

        @Test
        void badCode() throws IOException {
            write("mandaten.csv", MAN_KOP, "Regio,0613,599,BW,2015-01-01,,ALL");

            assertFails("mandaten.csv", 2).hasMessageContaining("uitvoerende_gemeente '599'");
        }

        @Test
        void unknownMandating() throws IOException {
            write("mandaten.csv", MAN_KOP, "Regio,0613,0599,BW,2015-01-01,,ALL", "Regio,0489,0599,BW,2015-01-01,,ALL");

            assertFails("mandaten.csv", 3).hasMessageContaining("onbekende gemeentecode 0489")
                    .hasMessageContaining("mandaterende_gemeente");
        }

        @Test
        void unknownExecuting() throws IOException {
            write("mandaten.csv", MAN_KOP, "Regio,0613,0598,BW,2015-01-01,,ALL");

            assertFails("mandaten.csv", 2).hasMessageContaining("onbekende gemeentecode 0598")
                    .hasMessageContaining("uitvoerende_gemeente");
        }

        @Test
        void toItself() throws IOException {
            write("mandaten.csv", MAN_KOP, "Regio,0599,0599,BW,2015-01-01,,ALL");

            assertFails("mandaten.csv", 2).hasMessageContaining("aan zichzelf");
        }

        @Test
        void unknownDomein() throws IOException {
            write("mandaten.csv", MAN_KOP, "Regio,0613,0599,BW;WMO,2015-01-01,,ALL");

            assertFails("mandaten.csv", 2).hasMessageContaining("onbekend domein 'WMO'");
        }

        @Test
        void noDomein() throws IOException {
            write("mandaten.csv", MAN_KOP, "Regio,0613,0599,,2015-01-01,,ALL");

            assertFails("mandaten.csv", 2).hasMessageContaining("onbekend domein ''");
        }

        @Test
        void unknownClientScope() throws IOException {
            write("mandaten.csv", MAN_KOP, "Regio,0613,0599,BW,2015-01-01,,NIEUW");

            assertFails("mandaten.csv", 2).hasMessageContaining("clientscope 'NIEUW'");
        }

        @Test
        void badDate() throws IOException {
            write("mandaten.csv", MAN_KOP, "Regio,0613,0599,BW,2015-01-01,31-12-2018,ALL");

            assertFails("mandaten.csv", 2).hasMessageContaining("geldig_tot '31-12-2018'");
        }

        @Test
        void missingGeldigVan() throws IOException {
            write("mandaten.csv", MAN_KOP, "Regio,0613,0599,BW,,,ALL");

            assertFails("mandaten.csv", 2).hasMessageContaining("geldig_van ontbreekt");
        }

        @Test
        void reversedDates() throws IOException {
            write("mandaten.csv", MAN_KOP, "Regio,0613,0599,BW,2020-01-01,2019-12-31,ALL");

            assertFails("mandaten.csv", 2).hasMessageContaining("geldig_tot 2019-12-31 ligt voor geldig_van 2020-01-01");
        }

        @Test
        void emptyFile() throws IOException {
            Files.writeString(dir.resolve("mandaten.csv"), "");

            assertFails("mandaten.csv", 1).hasMessageContaining("kopregel");
        }

        @Test
        void missingLastColumn() throws IOException {
            write("mandaten.csv", MAN_KOP, "Regio,0613,0599,BW,2015-01-01,");

            assertFails("mandaten.csv", 2).hasMessageContaining("te weinig kolommen");
        }

        @Test
        void quotedLineBreakInARegioKeepsTheLineNumbers() throws IOException {
            write("mandaten.csv", MAN_KOP, "\"Rotter", "dam\",0613,0599,BW,2015-01-01,,ALL", "Regio,0613,0599,BW,2015-01-01,,ALL");

            assertFails("mandaten.csv", 4).hasMessageContaining("overlapt met regel 2");
        }

        @Test
        void aOneDayMandateIsFine() throws IOException {
            write("mandaten.csv", MAN_KOP, "Regio,0613,0599,BW,2020-01-01,2020-01-01,ALL");

            assertThat(new RegistryLoader(dir).load().mandaten()).hasSize(1);
        }

        @Test
        void overlap() throws IOException {
            write("mandaten.csv", MAN_KOP, "Regio,0613,0599,BW;MO,2015-01-01,2019-12-31,ALL",
                    "Regio,0613,0505,OVERIG,2015-01-01,,ALL", "", "Regio,0613,0344,MO;OVERIG,2019-12-31,,NEW");

            assertFails("mandaten.csv", 5).hasMessageContaining("overlapt met regel 2")
                    .hasMessageContaining("0613 → 0344").hasMessageContaining("0613 → 0599");
        }

        @Test
        void noOverlapBetweenNewAndExistingOrOtherDomeinen() throws IOException {
            write("mandaten.csv", MAN_KOP, "Regio,1961,0505,BW;MO,2020-01-01,2020-12-31,EXISTING",
                    "Regio,1961,0344,BW;MO,2020-01-01,,NEW", "Regio,1961,0344,BW;MO,2021-01-01,,EXISTING",
                    "Regio,1961,0505,OVERIG,2019-01-01,,ALL");

            assertThat(new RegistryLoader(dir).load().mandaten()).hasSize(4);
        }

        @Test
        void afterTheGemeenteEnded() throws IOException {
            write("mandaten.csv", MAN_KOP, "Regio,0545,0505,BW,2015-01-01,2019-01-01,ALL");

            assertFails("mandaten.csv", 2).hasMessageContaining("0545 is opgeheven op 2019-01-01")
                    .hasMessageContaining("uiterlijk 2018-12-31");
        }

        @Test
        void openEndedForAnEndedGemeente() throws IOException {
            write("mandaten.csv", MAN_KOP, "Regio,0545,0505,BW,2015-01-01,,ALL");

            assertFails("mandaten.csv", 2).hasMessageContaining("0545 is opgeheven");
        }

        @Test
        void beforeTheGemeenteExisted() throws IOException {
            write("mandaten.csv", MAN_KOP, "Regio,1961,0505,BW,2015-01-01,,ALL");

            assertFails("mandaten.csv", 2).hasMessageContaining("1961 bestaat pas vanaf 2019-01-01");
        }
    }

    @Nested
    class BadZorgkantoren {

        @BeforeEach
        void regio() throws IOException {
            eigenRegio();
        }

        @Test
        void badHeader() throws IOException {
            write("zorgkantoren.csv", "gemeente_code,zorgkantoorregio_code,zorgkantoorregio_naam", "0613,ZK29,ZHE");

            assertFails("zorgkantoren.csv", 1).hasMessageContaining(ZK_KOP);
        }

        @Test
        void unknownGemeente() throws IOException {
            write("zorgkantoren.csv", ZK_KOP, "0613,Albrandswaard,ZK29,Zuid-Hollandse Eilanden,5523",
                    "0489,Barendrecht,ZK29,Zuid-Hollandse Eilanden,5523");

            assertFails("zorgkantoren.csv", 3).hasMessageContaining("onbekende gemeentecode 0489");
        }

        @Test
        void badCode() throws IOException {
            write("zorgkantoren.csv", ZK_KOP, "613,Albrandswaard,ZK29,Zuid-Hollandse Eilanden,5523");

            assertFails("zorgkantoren.csv", 2).hasMessageContaining("gemeente_code '613'");
        }

        @Test
        void duplicate() throws IOException {
            write("zorgkantoren.csv", ZK_KOP, "0613,Albrandswaard,ZK29,Zuid-Hollandse Eilanden,5523",
                    "0599,Rotterdam,ZK20,Rotterdam,5521", "0613,Albrandswaard,ZK20,Rotterdam,5521");

            assertFails("zorgkantoren.csv", 4).hasMessageContaining("twee keer").hasMessageContaining("regel 2");
        }

        @Test
        void missingRegio() throws IOException {
            write("zorgkantoren.csv", ZK_KOP, "0613,Albrandswaard,,Zuid-Hollandse Eilanden,5523");

            assertFails("zorgkantoren.csv", 2).hasMessageContaining("zorgkantoorregio_code ontbreekt");
        }

        @Test
        void own() throws IOException {
            write("zorgkantoren.csv", ZK_KOP, "0613,Albrandswaard,ZK29,Zuid-Hollandse Eilanden,");

            assertThat(new RegistryLoader(dir).load().zorgkantoor("0613"))
                    .contains(new Zorgkantoor("0613", "ZK29", "Zuid-Hollandse Eilanden"));
        }
    }

    static final String HER_KOP = "datum,oude_code,oude_naam,nieuwe_code,nieuwe_naam";
    static final String MAN_KOP =
            "regio,mandaterende_gemeente,uitvoerende_gemeente,domeinen,geldig_van,geldig_tot,clientscope";
    static final String ZK_KOP =
            "gemeente_code,gemeente_naam,zorgkantoorregio_code,zorgkantoorregio_naam,zorgkantoorcode_2017";

    /** A small region of its own: gemeenten, and no herindelingen, mandaten or zorgkantoren until a test writes them. */
    private void eigenRegio() throws IOException {
        write("gemeenten.csv", "code,naam,provincie,geldig_van,opgeheven", "0599,Rotterdam,Zuid-Holland,,",
                "0613,Albrandswaard,Zuid-Holland,,", "0505,Dordrecht,Zuid-Holland,,", "0344,Utrecht,Utrecht,,",
                "1961,Vijfheerenlanden,Utrecht,2019-01-01,");
        write("herindelingen.csv", HER_KOP);
        write("mandaten.csv", MAN_KOP);
        write("zorgkantoren.csv", ZK_KOP);
    }

    /** The gemeenten that still exist (not ended by a herindeling). */
    static Map<String, Gemeente> current(Registry registry) {
        return registry.gemeenten().entrySet().stream().filter(e -> e.getValue().opgeheven() == null)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Nested
    class Kanalen {

        @Test
        void withoutAnEntryAParticipantHasItsQueue() {
            Registry registry = new RegistryLoader(dir).load();
            assertThat(registry.kanaal("0599")).isEqualTo(Kanaal.standaard("0599"));
            assertThat(registry.kanaal("0599").informatiekopie()).isFalse();
        }

        @Test
        void aGemeenteOptsInForTheInformationalCopy() throws IOException {
            write("kanalen.yaml", "- deelnemer: \"0613\"", "  kanaal: queue", "  informatiekopie: true");
            Kanaal kanaal = new RegistryLoader(dir).load().kanaal("0613");
            assertThat(kanaal.soort()).isEqualTo(Kanaal.Soort.QUEUE);
            assertThat(kanaal.informatiekopie()).isTrue();
        }

        @Test
        void anUnknownOrEndedParticipantIsRefused() throws IOException {
            write("kanalen.yaml", "- deelnemer: \"0613\"", "- deelnemer: \"9999\"");
            assertFails("kanalen.yaml", 2).hasMessageContaining("9999");
            write("kanalen.yaml", "- deelnemer: \"0689\"");
            assertFails("kanalen.yaml", 1).hasMessageContaining("0689");
        }

        @Test
        void aChannelWithoutItsSettingsOrOfAnUnknownKindIsRefused() throws IOException {
            write("kanalen.yaml", "- deelnemer: \"42420001\"", "  kanaal: sftp");
            assertFails("kanalen.yaml", 1).hasMessageContaining("host ontbreekt");
            write("kanalen.yaml", "- deelnemer: \"42420001\"", "  kanaal: fax");
            assertFails("kanalen.yaml", 1).hasMessageContaining("fax");
        }

        static final String SFTP_OK = "  instellingen: {host: sftp.gemeente.example, port: \"2222\", user: knooppunt, "
                + "remoteDir: /in, knownHosts: \"[sftp.gemeente.example]:2222 " + KEY.substring(0, KEY.lastIndexOf(' '))
                + "\", privateKeyFile: /etc/knooppunt/push/id_ed25519}";

        @Test
        void pushChannelsWithValidSettingsLoad() throws IOException {
            write("kanalen.yaml", "- deelnemer: \"0599\"", "  kanaal: sftp", SFTP_OK,
                    "- deelnemer: \"0613\"", "  kanaal: soap", "  instellingen: {url: \"https://wmo.gemeente.example/ontvang\", "
                            + "keystoreFile: /etc/knooppunt/push/client.p12, keystorePasswordEnv: KNOOPPUNT_PUSH_KEYSTORE, mtom: true}",
                    "- deelnemer: \"42420001\"", "  kanaal: rest", "  instellingen: {url: \"http://127.0.0.1:9000/hook\", "
                            + "hmacSecretEnv: KNOOPPUNT_HOOK_SECRET}");
            Registry registry = new RegistryLoader(dir).load();
            assertThat(registry.kanaal("0599").soort()).isEqualTo(Kanaal.Soort.SFTP);
            assertThat(registry.kanaal("0599").instellingen()).containsEntry("port", "2222").containsEntry("remoteDir", "/in");
            assertThat(registry.kanaal("0613").soort()).isEqualTo(Kanaal.Soort.SOAP);
            assertThat(registry.kanaal("0613").instellingen()).as("a YAML boolean is read as text").containsEntry("mtom", "true");
            assertThat(registry.kanaal("42420001").soort()).isEqualTo(Kanaal.Soort.REST);
        }

        @org.junit.jupiter.params.ParameterizedTest
        @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
                "{port: \"2222\", user: k, remoteDir: /in, knownHosts: \"[h]:2222 ssh-ed25519 AAAA\", privateKeyFile: /k}|host ontbreekt",
                "{host: \"h;rm\", user: k, remoteDir: /in, knownHosts: \"h ssh-ed25519 AAAA\", privateKeyFile: /k}|geen hostnaam",
                "{host: h, port: \"70000\", user: k, remoteDir: /in, knownHosts: \"[h]:70000 ssh-ed25519 AAAA\", privateKeyFile: /k}|tussen 1 en 65535",
                "{host: h, port: twee, user: k, remoteDir: /in, knownHosts: \"h ssh-ed25519 AAAA\", privateKeyFile: /k}|geen getal",
                "{host: h, user: \"k m\", remoteDir: /in, knownHosts: \"h ssh-ed25519 AAAA\", privateKeyFile: /k}|user mag alleen",
                "{host: h, user: k, remoteDir: /in/../etc, knownHosts: \"h ssh-ed25519 AAAA\", privateKeyFile: /k}|'..'",
                "{host: h, user: k, remoteDir: /in, knownHosts: \"h AAAA\", privateKeyFile: /k}|known_hosts-regel",
                "{host: h, port: \"2222\", user: k, remoteDir: /in, knownHosts: \"h ssh-ed25519 AAAA\", privateKeyFile: /k}|verwacht '[h]:2222'",
                "{host: h, user: k, remoteDir: /in, knownHosts: \"h ssh-ed25519 AAAA\", privateKeyFile: relatief/key}|geen absoluut pad",
                "{host: h, user: k, remoteDir: /in, knownHosts: \"h ssh-ed25519 AAAA\", privateKeyFile: \"-----BEGIN OPENSSH PRIVATE KEY-----\"}|niet de sleutel zelf",
                "{host: h, user: k, remoteDir: /in, knownHosts: \"h ssh-ed25519 AAAA\", privateKeyFile: /k, password: geheim}|geheim hoort niet",
                "{host: h, user: k, remoteDir: /in, knownHosts: \"h ssh-ed25519 AAAA\", privateKeyFile: /k, poort: \"22\"}|onbekende instelling poort",
        })
        void badSftpSettingsAreRefused(String instellingen, String fout) throws IOException {
            write("kanalen.yaml", "- deelnemer: \"0599\"", "  kanaal: sftp", "  instellingen: " + instellingen);
            assertFails("kanalen.yaml", 1).hasMessageContaining(fout);
        }

        @org.junit.jupiter.params.ParameterizedTest
        @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
                "soap|{}|url ontbreekt",
                "soap|{url: \"http://wmo.gemeente.example/ontvang\"}|moet https gebruiken",
                "soap|{url: \"ftp://wmo.gemeente.example/\"}|moet https gebruiken",
                "soap|{url: \"https://user:pw@wmo.gemeente.example/\"}|inloggegevens",
                "soap|{url: \"https://wmo.gemeente.example/\", keystoreFile: /k.p12}|keystorePasswordEnv ontbreekt",
                "soap|{url: \"https://wmo.gemeente.example/\", keystorePasswordEnv: PW}|zonder keystoreFile",
                "soap|{url: \"https://wmo.gemeente.example/\", mtom: ja}|moet \"true\" of \"false\" zijn",
                "soap|{url: \"https://wmo.gemeente.example/\", keystoreFile: /k.p12, keystorePasswordEnv: \"pw-env\"}|omgevingsvariabele",
                "soap|{url: \"https://wmo.gemeente.example/\", keystorePassword: geheim}|geheim hoort niet",
                "rest|{url: \"http://10.0.0.1/hook\"}|moet https gebruiken",
                "rest|{url: \"niet een url\"}|geen geldige URL",
                "rest|{url: \"https:///pad\"}|geen host",
                "rest|{url: \"https://h/\", hmacSecretEnv: S, hmacSecretFile: /s}|niet allebei",
                "rest|{url: \"https://h/\", hmacSecretFile: s.txt}|geen absoluut pad",
                "rest|{url: \"https://h/\", hmacSecret: geheim}|geheim hoort niet",
                "queue|{url: \"https://h/\"}|kent geen instellingen",
        })
        void badSoapAndRestSettingsAreRefused(String kanaal, String instellingen, String fout) throws IOException {
            write("kanalen.yaml", "- deelnemer: \"0599\"", "  kanaal: " + kanaal, "  instellingen: " + instellingen);
            assertFails("kanalen.yaml", 1).hasMessageContaining(fout);
        }

        @Test
        void onlyGemeentenTakeAnInformationalCopy() throws IOException {
            write("kanalen.yaml", "- deelnemer: \"42420001\"", "  informatiekopie: true");
            assertFails("kanalen.yaml", 1).hasMessageContaining("alleen voor gemeenten");
        }

        @Test
        void aParticipantIsListedOnce() throws IOException {
            write("kanalen.yaml", "- deelnemer: \"0613\"", "- deelnemer: \"0599\"", "- deelnemer: \"0613\"");
            assertFails("kanalen.yaml", 3).hasMessageContaining("twee keer");
        }
    }

    static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGc3vJ8TSn1n3dyr0ZkIH3cQdKq0s7V1jUH0xWvQk4Lr test";

    @Nested
    class SftpKeysAndIdentiteiten {

        @Test
        void anAanbiederWithKeysReceivesInItsSftpInFolder() throws IOException {
            write("aanbieders.yaml", "- agb: \"42420001\"", "  naam: A", "  sftp:", "    publicKeys: [\"" + KEY + "\"]",
                    "- agb: \"42420002\"", "  naam: B");
            Registry registry = new RegistryLoader(dir).load();
            assertThat(registry.aanbieder("42420001").orElseThrow().sftpPublicKeys()).containsExactly(KEY);
            assertThat(registry.kanaal("42420001").soort()).isEqualTo(Kanaal.Soort.SFTP_IN);
            assertThat(registry.kanaal("42420002").soort()).isEqualTo(Kanaal.Soort.QUEUE);
        }

        @Test
        void somethingThatIsNotAPublicKeyIsRefused() throws IOException {
            write("aanbieders.yaml", "- agb: \"42420001\"", "  naam: A", "  sftp:",
                    "    publicKeys: [\"-----BEGIN OPENSSH PRIVATE KEY-----\"]");
            assertFails("aanbieders.yaml", 1).hasMessageContaining("geen OpenSSH public key");
        }

        @Test
        void sftpInIsOnlyForAanbiedersWithKeys() throws IOException {
            write("kanalen.yaml", "- deelnemer: \"42420001\"", "  kanaal: sftp-in");
            assertFails("kanalen.yaml", 1).hasMessageContaining("sftp.publicKeys");
        }

        @Test
        void aCertificateMapsToItsParticipantByOinOrSubject() throws IOException {
            write("identiteiten.yaml", "- deelnemer: \"0599\"", "  oin: \"00000001002220647000\"",
                    "- deelnemer: \"42420001\"", "  subject: \"CN=De Linde,O=De Linde,C=NL\"");
            Registry registry = new RegistryLoader(dir).load();
            assertThat(registry.deelnemerMetOin("00000001002220647000")).contains("0599");
            assertThat(registry.deelnemerMetSubject("CN=De Linde,O=De Linde,C=NL")).contains("42420001");
            assertThat(registry.deelnemerMetOin("00000001000000000000")).isEmpty();
        }

        @Test
        void anIdentiteitNeedsExactlyOneOfOinAndSubjectAndAKnownParticipant() throws IOException {
            write("identiteiten.yaml", "- deelnemer: \"0599\"");
            assertFails("identiteiten.yaml", 1).hasMessageContaining("precies een");
            write("identiteiten.yaml", "- deelnemer: \"0599\"", "  oin: \"123\"");
            assertFails("identiteiten.yaml", 1).hasMessageContaining("20 cijfers");
            write("identiteiten.yaml", "- deelnemer: \"9999\"", "  oin: \"00000001002220647000\"");
            assertFails("identiteiten.yaml", 1).hasMessageContaining("9999");
            write("identiteiten.yaml", "- deelnemer: \"0599\"", "  oin: \"00000001002220647000\"",
                    "- deelnemer: \"0613\"", "  oin: \"00000001002220647000\"");
            assertFails("identiteiten.yaml", 3).hasMessageContaining("twee keer");
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
