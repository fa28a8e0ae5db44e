package org.impactdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.impactdesk.access.Role;
import org.impactdesk.ui.shell.ScreenId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every message key exists in English and Norwegian Bokmål, and every key the code or an FXML file
 * uses exists: {@code %key} in fxml/, and literal keys passed to bundle lookups in src/main/java
 * ({@code getString("k")}, {@code fmt("k", ...)}, {@code text("k", ...)} and the like).
 */
class I18nConsistencyTest {
    static final Path I18N = Path.of("src/main/resources/i18n");
    /** A literal key as the whole first argument of a lookup (prefixes like "sync.outcome." + x are dynamic). */
    static final Pattern LOOKUP = Pattern.compile(
            "\\b(?:getString|fmt|text|bundleText|noSuchCommand)\\(\\s*\"([a-z][A-Za-z0-9_]*(?:\\.[A-Za-z0-9_]+)+)\"\\s*[,)]");
    /** getString(cond ? "a" : "b") */
    static final Pattern TERNARY = Pattern.compile(
            "getString\\([^;()]*\\?\\s*\"([a-z][\\w.]+)\"\\s*:\\s*\"([a-z][\\w.]+)\"\\s*\\)");
    static final Pattern FXML_KEY = Pattern.compile("\"%([A-Za-z][\\w.]*)\"");

    static Properties en;
    static Properties nb;

    @BeforeAll
    static void load() throws IOException {
        en = read(I18N.resolve("messages.properties"));
        nb = read(I18N.resolve("messages_nb.properties"));
    }

    static Properties read(Path p) throws IOException {
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            props.load(r);
        }
        return props;
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndNoEmptyText() {
        Set<String> onlyEn = new TreeSet<>(en.stringPropertyNames());
        onlyEn.removeAll(nb.stringPropertyNames());
        Set<String> onlyNb = new TreeSet<>(nb.stringPropertyNames());
        onlyNb.removeAll(en.stringPropertyNames());
        assertThat(onlyEn).as("keys missing in messages_nb.properties").isEmpty();
        assertThat(onlyNb).as("keys missing in messages.properties").isEmpty();
        assertThat(en.stringPropertyNames()).filteredOn(k -> en.getProperty(k).isBlank()).as("empty English texts").isEmpty();
        assertThat(nb.stringPropertyNames()).filteredOn(k -> nb.getProperty(k).isBlank()).as("empty Norwegian texts").isEmpty();
    }

    @Test
    void everyPercentKeyInTheFxmlExists() throws IOException {
        TreeMap<String, String> missing = new TreeMap<>();
        int seen = 0;
        try (Stream<Path> files = Files.walk(Path.of("fxml"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".fxml")).toList()) {
                Matcher m = FXML_KEY.matcher(Files.readString(f));
                while (m.find()) {
                    seen++;
                    check(m.group(1), f, missing);
                }
            }
        }
        assertThat(seen).as("%keys found in fxml/").isGreaterThan(50);
        assertThat(missing).as("key -> where it is used").isEmpty();
    }

    @Test
    void everyKeyLookedUpInTheCodeExists() throws IOException {
        TreeMap<String, String> missing = new TreeMap<>();
        int seen = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String code = Files.readString(f);
                Matcher m = LOOKUP.matcher(code);
                while (m.find()) {
                    seen++;
                    check(m.group(1), f, missing);
                }
                Matcher t = TERNARY.matcher(code);
                while (t.find()) {
                    seen += 2;
                    check(t.group(1), f, missing);
                    check(t.group(2), f, missing);
                }
            }
        }
        assertThat(seen).as("literal keys found in the code").isGreaterThan(100);
        assertThat(missing).as("key -> where it is used").isEmpty();
    }

    @Test
    void keysBuiltFromEnumsExist() {
        TreeMap<String, String> missing = new TreeMap<>();
        for (ScreenId id : ScreenId.values()) {
            check(id.messageKey(), Path.of("ScreenId"), missing);
        }
        for (Role r : Role.values()) {
            check("role." + r.code(), Path.of("Role"), missing);
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void theScannerSeesAMissingKey() {
        TreeMap<String, String> missing = new TreeMap<>();
        Matcher m = LOOKUP.matcher("x = messages.getString(\"nowhere.to.be.found\"); fmt(\"home.title\", p);");
        while (m.find()) {
            check(m.group(1), Path.of("sample"), missing);
        }
        assertThat(missing).containsOnlyKeys("nowhere.to.be.found");
    }

    private static void check(String key, Path where, TreeMap<String, String> missing) {
        if (!en.containsKey(key) || !nb.containsKey(key)) {
            missing.merge(key, where.toString() + (en.containsKey(key) ? " (nb)" : nb.containsKey(key) ? " (en)" : ""),
                    (a, b) -> a.contains(b) ? a : a + ", " + b);
        }
    }
}
