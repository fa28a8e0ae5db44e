package org.impactdesk.achievement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.impactdesk.domain.Category;
import org.impactdesk.domain.RepeatPeriod;
import org.impactdesk.domain.TriggerType;
import org.junit.jupiter.api.Test;
/** Every achievements.* string exists in English and Bokmål, and every problem code has its text. */
class AchievementMessagesTest {

    static Set<String> keys(String file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = AchievementMessagesTest.class.getResourceAsStream("/i18n/" + file)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p.stringPropertyNames().stream().filter(k -> k.startsWith("achievements."))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void englishAndBokmalHaveTheSameAchievementKeys() throws IOException {
        Set<String> en = keys("messages.properties");
        Set<String> nb = keys("messages_nb.properties");
        assertThat(en).isNotEmpty();
        assertThat(nb).containsExactlyElementsOf(en);
    }

    @Test
    void everyCodeTheRulesUseHasAText() throws IOException {
        ResourceBundle en = ResourceBundle.getBundle("i18n.messages", Locale.ENGLISH);
        Pattern code = Pattern.compile("(?:Problem\\.(?:error|warning)\\(\\s*(?:Problem\\.)?Field\\.[A-Z_]+,|refused\\(|Optional\\.of\\()\\s*"
                + "(?:[^\"]*\\?\\s*)?\"([a-z_]+)\"(?:\\s*:\\s*\"([a-z_]+)\")?");
        Set<String> codes = new TreeSet<>();
        // the rules, and the catalog service that refuses with codes of its own
        List<Path> sources = new java.util.ArrayList<>();
        for (String dir : List.of("achievement", "service/catalog", "service/awards")) {
            Path d = Path.of("src/main/java/org/impactdesk", dir);
            if (Files.isDirectory(d)) {
                try (Stream<Path> files = Files.list(d)) {
                    sources.addAll(files.toList());
                }
            }
        }
        {
            for (Path f : sources) {
                Matcher m = code.matcher(Files.readString(f));
                while (m.find()) {
                    codes.add(m.group(1));
                    if (m.group(2) != null) {
                        codes.add(m.group(2));
                    }
                }
            }
        }
        assertThat(codes).contains("key_format", "icon_url_format", "platform_badge_global_admin_only", "manual_already_held",
                "key_taken_platform");
        for (String c : codes) {
            assertThat(en.containsKey("achievements.problem." + c)).as(c).isTrue();
        }
        for (String c : Set.of("platform_badge_global_admin_only", "other_organization", "admins_only")) {
            assertThat(en.containsKey("achievements.readOnly." + c)).as(c).isTrue();
        }
        for (TriggerType t : TriggerType.values()) {
            assertThat(en.containsKey("achievements.trigger." + t.code())).isTrue();
        }
        for (RepeatPeriod r : RepeatPeriod.values()) {
            assertThat(en.containsKey("achievements.repeat." + r.code())).isTrue();
        }
        for (Category c : Category.values()) {
            assertThat(en.containsKey("achievements.category." + c.code())).isTrue();
        }
    }
}
