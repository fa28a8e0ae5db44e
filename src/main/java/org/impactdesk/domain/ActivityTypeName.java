package org.impactdesk.domain;

/** Display names of an activity type key (activity_types.csv). */
public record ActivityTypeName(String key, String name, String nameNb) {

    public static ActivityTypeName unknown(String key) {
        return new ActivityTypeName(key, key, null);
    }

    public String nameFor(java.util.Locale locale) {
        return "nb".equals(locale.getLanguage()) && nameNb != null && !nameNb.isBlank() ? nameNb : name;
    }
}
