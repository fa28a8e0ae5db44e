package org.impactdesk.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** For the message tests: the keys the code names, and the words of a bundle file as written. */
public final class MessageKeys {
    private MessageKeys() {
    }

    /** Group 1 of every match of {@code key} in the Java files under {@code sources}. */
    public static Set<String> namedInCode(Path sources, Pattern key) throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = key.matcher(Files.readString(f));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }

    /** messages.properties or messages_nb.properties of src/main/resources/i18n. */
    public static Properties bundle(String file) throws IOException {
        Properties words = new Properties();
        try (var in = Files.newBufferedReader(Path.of("src/main/resources/i18n", file))) {
            words.load(in);
        }
        return words;
    }
}
