package org.impactdesk.domain;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A message of the app's bundles ({@code i18n/messages}, en and nb) formatted in a bundle's
 * language, numbers grouped as that language groups them: what progress steps and the importer's
 * problems share. The English base bundle is what the command line, the reports and the reject
 * file say.
 */
final class BundleText {
    private static final ResourceBundle ENGLISH = ResourceBundle.getBundle("i18n.messages", Locale.ROOT);
    /** English is said for every rejected row of a reject file: its patterns are parsed once. */
    private static final Map<String, MessageFormat> ENGLISH_FORMATS = new ConcurrentHashMap<>();

    private BundleText() {
    }

    static ResourceBundle english() {
        return ENGLISH;
    }

    static String format(ResourceBundle bundle, String key, Object... args) {
        if (bundle == ENGLISH) {
            MessageFormat f = ENGLISH_FORMATS.computeIfAbsent(key,
                    k -> new MessageFormat(ENGLISH.getString(k), Locale.ENGLISH));
            synchronized (f) { // a MessageFormat is not safe for threads at once
                return f.format(args);
            }
        }
        return new MessageFormat(bundle.getString(key), locale(bundle)).format(args);
    }

    /** The bundle's language; the base bundle (no language of its own) is English. */
    static Locale locale(ResourceBundle bundle) {
        Locale l = bundle.getLocale();
        return l == null || l.getLanguage().isEmpty() ? Locale.ENGLISH : l;
    }
}
