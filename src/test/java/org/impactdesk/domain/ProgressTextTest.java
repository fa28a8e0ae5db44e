package org.impactdesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Pattern;
import org.impactdesk.sync.MessageKeys;
import org.junit.jupiter.api.Test;
/** Progress steps are said in the screen's language, and every step the code names has its words in both. */
class ProgressTextTest {

    @Test
    void aStepIsSaidInTheBundlesLanguageWithItsNumbersGroupedAsThatLanguageDoes() {
        ResourceBundle en = ResourceBundle.getBundle("i18n.messages", Locale.ENGLISH);
        ResourceBundle nb = ResourceBundle.getBundle("i18n.messages", Locale.forLanguageTag("nb"));

        assertThat(ProgressText.say(en, "writing", "activities.csv", 16384L, 28474L))
                .isEqualTo("Writing activities.csv: 16,384 of 28,474 rows");
        assertThat(ProgressText.say(nb, "writing", "activities.csv", 16384L, 28474L))
                .isEqualTo("Skriver activities.csv: 16\u00a0384 av 28\u00a0474 rader");
        assertThat(ProgressText.say(BundleText.english(), "generatingSummaries")).isEqualTo("Generating summaries");
    }

    @Test
    void theCommandLineHearsTheStepsInEnglish() {
        StringBuilder said = new StringBuilder();
        SyncGateway.Progress cli = new SyncGateway.Progress() {
            @Override
            public void update(long done, long total, String message) {
                said.append(message);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        cli.step(1, 1, "imported", 32719L);
        assertThat(said).hasToString("Imported 32,719 rows");
    }

    @Test
    void everyStepNamedInTheCodeHasItsWordsInEnglishAndNorwegian() throws IOException {
        Set<String> keys = MessageKeys.namedInCode(Path.of("src/main/java"), Pattern.compile("\\.step\\([^;]*?\"(\\w+)\""));
        assertThat(keys).contains("checking", "writing", "imported", "generatingSummaries");
        for (String bundle : new String[] {"messages.properties", "messages_nb.properties"}) {
            java.util.Properties words = MessageKeys.bundle(bundle);
            for (String k : keys) {
                assertThat(words).as("progress." + k + " in " + bundle).containsKey("progress." + k);
            }
        }
    }
}
