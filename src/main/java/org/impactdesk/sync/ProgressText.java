package org.impactdesk.sync;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * What a progress step says: the message {@code progress.<key>} of the app's bundles
 * ({@code i18n/messages}, en and nb), formatted in the bundle's language (numbers grouped as
 * that language groups them). The command line says them in English.
 */
public final class ProgressText {
    private ProgressText() {
    }

    /** The base bundle's (English) words: what a progress without a screen (the command line) prints. */
    static ResourceBundle english() {
        return ResourceBundle.getBundle("i18n.messages", Locale.ROOT);
    }

    public static String say(ResourceBundle bundle, String key, Object... args) {
        Locale locale = bundle.getLocale() == null || bundle.getLocale().getLanguage().isEmpty() ? Locale.ENGLISH
                : bundle.getLocale();
        return new MessageFormat(bundle.getString("progress." + key), locale).format(args);
    }
}
