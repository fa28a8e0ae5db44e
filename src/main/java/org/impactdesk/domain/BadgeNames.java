package org.impactdesk.domain;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Badge names in the reader's language. The catalog holds each badge's English {@code name} and its
 * Norwegian {@code name_nb} (V88; empty for an organisation's badge nobody translated, which then
 * shows its English name). Payloads stored before V88 carry the English name only; for those the
 * bundles hold each platform badge's name as
 * {@code badge.platform.<key>=...} (English exactly as stored). A name equal to a platform badge's
 * English name is shown in the bundle's language; any other name (an organisation's own badge, a
 * renamed one) is the organisation's wording and is shown as stored.
 */
public final class BadgeNames {
    static final String PREFIX = "badge.platform.";
    /** English name -> key, per bundle base name. */
    private static final Map<String, Map<String, String>> KEYS_BY_ENGLISH_NAME = new ConcurrentHashMap<>();

    private BadgeNames() {
    }

    /**
     * The name to show in the language of {@code bundle}: in Norwegian the catalog's {@code name_nb}
     * when it has one; otherwise as {@link #shown(String, ResourceBundle)} (a platform badge's name from
     * the bundle, which also covers payloads stored before the catalog had {@code name_nb}), else the
     * English name.
     */
    public static String shown(String name, String nameNb, ResourceBundle bundle) {
        if (nameNb != null && !nameNb.isBlank() && bundle != null && "nb".equals(bundle.getLocale().getLanguage())) {
            return nameNb.strip();
        }
        return shown(name, bundle);
    }

    /** The name to show for a stored badge name, in the language of {@code bundle}. */
    public static String shown(String storedName, ResourceBundle bundle) {
        if (storedName == null || bundle == null || bundle.getBaseBundleName() == null) {
            return storedName;
        }
        String key = KEYS_BY_ENGLISH_NAME.computeIfAbsent(bundle.getBaseBundleName(), BadgeNames::englishNames)
                .get(storedName);
        return key != null && bundle.containsKey(key) ? bundle.getString(key) : storedName;
    }

    private static Map<String, String> englishNames(String baseName) {
        ResourceBundle english = ResourceBundle.getBundle(baseName, Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
        Map<String, String> out = new HashMap<>();
        for (String k : english.keySet()) {
            if (k.startsWith(PREFIX)) {
                out.put(english.getString(k), k);
            }
        }
        return Map.copyOf(out);
    }
}
