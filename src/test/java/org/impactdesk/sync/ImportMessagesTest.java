package org.impactdesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.impactdesk.domain.ImportMessage;
import org.impactdesk.domain.SyncGateway;
import org.junit.jupiter.api.Test;
/**
 * The importer's problems and warnings are said in English for the command line and in the
 * screen's language for the window, and every message the code names has its words in both.
 */
class ImportMessagesTest {
    static final ResourceBundle NB = ResourceBundle.getBundle("i18n.messages", Locale.forLanguageTag("nb"));

    @Test
    void theCommandLineHearsEnglishWithLinesUngroupedAndTheWindowItsLanguage() {
        ImportMessage twice = ImportMessage.of("import.error.twice", ImportMessage.of("import.row.contact", "c-03"),
                "contacts.csv", 1234L, 10234L);

        assertThat(twice.english()).isEqualTo("contact \"c-03\" appears twice in contacts.csv, on lines 1234 and 10234");
        assertThat(twice.in(NB)).isEqualTo("kontakt «c-03» står to ganger i contacts.csv, på linje 1234 og 10234");
        assertThat(new SyncGateway.Problem("contacts.csv", 1234L, null, twice).message()).isEqualTo(twice.english());
    }

    @Test
    void aCountIsGroupedInNorwegianWhileEnglishKeepsTheWordsItPrintedBefore() {
        assertThat(ImportMessage.of("import.warning.contactsCreated", 1).in(NB))
                .isEqualTo("1 kontakt som aktivitetene nevner, ble opprettet uten navn.");
        assertThat(ImportMessage.of("import.warning.contactsCreated", 1234).in(NB))
                .isEqualTo("1\u00a0234 kontakter som aktivitetene nevner, ble opprettet uten navn.");
        assertThat(ImportMessage.of("import.warning.contactsCreated", 1234).english())
                .isEqualTo("1234 contacts that activities name were created without a name.");
    }

    @Test
    void plainWordsAreSaidAsTheyAreAndEqualTheKeyedProblemThatSaysTheSame() {
        SyncGateway.Problem plain = new SyncGateway.Problem("activities.csv", 57L, "duration_minutes",
                "\"90 min\" is not a whole number of minutes");
        SyncGateway.Problem keyed = new SyncGateway.Problem("activities.csv", 57L, "duration_minutes",
                ImportMessage.of("import.error.notWholeMinutes", "90 min"));

        assertThat(plain.reason().in(NB)).isEqualTo("\"90 min\" is not a whole number of minutes");
        assertThat(keyed.reason().in(NB)).isEqualTo("«90 min» er ikke et helt antall minutter");
        assertThat(keyed).isEqualTo(plain).hasSameHashCodeAs(plain);
    }

    @Test
    void everyMessageTheImporterNamesHasWordsInBothLanguagesThatFormatWithTheSameArguments() throws IOException {
        Set<String> keys = keysNamedInTheCode();
        assertThat(keys).contains("import.error.required", "import.error.notWholeMinutes", "import.error.twice",
                "import.error.columnMissing", "import.row.contact", "import.thisUser", "import.warning.unknownColumns");
        Properties en = MessageKeys.bundle("messages.properties");
        Properties nb = MessageKeys.bundle("messages_nb.properties");
        for (String k : keys) {
            assertThat(en).as(k + " in messages.properties").containsKey(k);
            assertThat(nb).as(k + " in messages_nb.properties").containsKey(k);
            String english = en.getProperty(k);
            String norwegian = nb.getProperty(k);
            assertThat(english.replace("''", "")).as(k + ": a lone apostrophe hides text in MessageFormat").doesNotContain("'");
            assertThat(norwegian.replace("''", "")).as(k + ": a lone apostrophe hides text in MessageFormat").doesNotContain("'");
            MessageFormat enFormat = new MessageFormat(english, Locale.ENGLISH);
            MessageFormat nbFormat = new MessageFormat(norwegian, Locale.forLanguageTag("nb"));
            assertThat(arguments(nbFormat)).as(k + ": the arguments the Norwegian words use").isEqualTo(arguments(enFormat));
            Object[] args = sampleArguments(enFormat);
            assertThat(enFormat.format(args)).as(k).doesNotContain("{").isNotBlank()
                    .as(k + ": numbers ungrouped, as the command line printed them before").doesNotContain("1,234");
            assertThat(nbFormat.format(args)).as(k).doesNotContain("{").isNotBlank();
        }
    }

    @Test
    void everyImportMessageInTheBundlesIsNamedInTheCode() throws IOException {
        Set<String> keys = keysNamedInTheCode();
        for (String file : List.of("messages.properties", "messages_nb.properties")) {
            assertThat(MessageKeys.bundle(file).stringPropertyNames()).filteredOn(k -> k.startsWith("import."))
                    .as("import.* keys of " + file + " that no code names").isSubsetOf(keys);
        }
    }

    /** Every literal {@code "import.…"} in the app (the parser, the importer service, the records they report with). */
    static Set<String> keysNamedInTheCode() throws IOException {
        return MessageKeys.namedInCode(Path.of("src/main/java/org/impactdesk"),
                Pattern.compile("\"(import\\.[A-Za-z0-9.]*[A-Za-z0-9])\""));
    }

    /** The argument indexes a pattern says (a message may leave none out in one language only). */
    static Set<Integer> arguments(MessageFormat f) {
        Pattern index = Pattern.compile("\\{(\\d+)");
        Matcher m = index.matcher(f.toPattern());
        Set<Integer> used = new TreeSet<>();
        while (m.find()) {
            used.add(Integer.parseInt(m.group(1)));
        }
        return used;
    }

    /** A number where the pattern formats one (a line, a count, a choice), else words. */
    static Object[] sampleArguments(MessageFormat f) {
        Format[] formats = f.getFormatsByArgumentIndex();
        Object[] args = new Object[formats.length];
        for (int i = 0; i < formats.length; i++) {
            args[i] = formats[i] instanceof NumberFormat ? (Object) 1234L : "value-" + i;
        }
        return args;
    }
}
