package org.impactdesk.ui.wrapped;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Wrapped texts in both bundles: the same keys in English and Norwegian, every key the
 * engine's payload can name (docs/slide-payload.md, METRICS.md milestones), and every pattern
 * valid for MessageFormat.
 */
class WrappedMessagesTest {
    static final List<String> SLIDES = List.of("intro", "hours", "activities", "people", "busiest_month", "activity_mix",
            "streak", "percentile", "milestones", "badges", "impact", "closing", "progress", "encouragement.intro",
            "encouragement.closing");
    static final List<String> MILESTONES = List.of("first_activity", "10_activities", "50_activities", "100_activities",
            "250_activities", "10_hours", "50_hours", "100_hours", "250_hours", "500_hours", "10_contacts", "25_contacts",
            "50_contacts", "first_event_attended", "first_event_organized");

    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = WrappedMessagesTest.class.getResourceAsStream("/i18n/" + name)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    static Set<String> wrappedKeys(Properties p) {
        return p.stringPropertyNames().stream().filter(k -> k.startsWith("wrapped.")).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void bothLanguagesHoldEveryKeyThePayloadCanNameAndTheSameKeys() throws IOException {
        Properties en = load("messages.properties");
        Properties nb = load("messages_nb.properties");
        assertThat(wrappedKeys(nb)).isEqualTo(wrappedKeys(en));
        for (Properties p : List.of(en, nb)) {
            for (String s : SLIDES) {
                assertThat(p).containsKeys("wrapped." + s + ".title", "wrapped." + s + ".body");
            }
            for (String m : MILESTONES) {
                assertThat(p).containsKey("wrapped.milestone." + m);
            }
        }
        for (String k : wrappedKeys(en)) {
            for (var entry : List.of(java.util.Map.entry(Locale.ENGLISH, en), java.util.Map.entry(Locale.forLanguageTag("nb"), nb))) {
                String pattern = entry.getValue().getProperty(k);
                assertThat(pattern).as(k).isNotBlank();
                new MessageFormat(pattern, entry.getKey()); // throws on a malformed pattern
            }
        }
    }
}
