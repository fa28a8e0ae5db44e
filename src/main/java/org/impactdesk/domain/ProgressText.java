package org.impactdesk.domain;

import java.util.ResourceBundle;

/**
 * What a progress step says: the message {@code progress.<key>} of the app's bundles
 * ({@code i18n/messages}, en and nb), formatted in the bundle's language (numbers grouped as
 * that language groups them). The command line says them in English.
 */
public final class ProgressText {
    private ProgressText() {
    }

    public static String say(ResourceBundle bundle, String key, Object... args) {
        return BundleText.format(bundle, "progress." + key, args);
    }
}
