package org.impactdesk.domain;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A message of the app's bundles ({@code i18n/messages}, en and nb) formatted in a bundle's
 * language, numbers grouped as that language groups them: the one place that turns a bundle's
 * pattern and its arguments into words, for every layer (screens, mails, reports, progress steps,
 * the importer's problems). The English base bundle is what the command line, the reports and the
 * reject file say.
 */
public final class BundleText {
    private static final ResourceBundle ENGLISH = ResourceBundle.getBundle("i18n.messages", Locale.ROOT);
    /** English is said for every rejected row of a reject file: its patterns are parsed once. */
    private static final Map<String, MessageFormat> ENGLISH_FORMATS = new ConcurrentHashMap<>();

    private BundleText() {
    }

    static ResourceBundle english() {
        return ENGLISH;
    }

    /** The message {@code key} of {@code bundle} with {@code args} put in, in the bundle's language. */
    public static String format(ResourceBundle bundle, String key, Object... args) {
        return format(bundle, locale(bundle), key, args);
    }

    /**
     * The message {@code key} of {@code bundle} with {@code args} put in, numbers and dates as
     * {@code locale} writes them (a screen's chosen locale, a mail's recipient's).
     */
    public static String format(ResourceBundle bundle, Locale locale, String key, Object... args) {
        if (bundle == ENGLISH && Locale.ENGLISH.equals(locale)) {
            MessageFormat f = ENGLISH_FORMATS.computeIfAbsent(key,
                    k -> new MessageFormat(ENGLISH.getString(k), Locale.ENGLISH));
            synchronized (f) { // a MessageFormat is not safe for threads at once
                return f.format(args);
            }
        }
        return pattern(bundle.getString(key), locale, args);
    }

    /**
     * A pattern that is no key of the bundles (a slide's text, a catalog problem's) with
     * {@code args} put in, numbers and dates as {@code locale} writes them.
     */
    public static String pattern(String pattern, Locale locale, Object... args) {
        return new MessageFormat(pattern, locale).format(args);
    }

    /** The bundle's language; the base bundle (no language of its own) is English. */
    public static Locale locale(ResourceBundle bundle) {
        Locale l = bundle.getLocale();
        return l == null || l.getLanguage().isEmpty() ? Locale.ENGLISH : l;
    }
}
