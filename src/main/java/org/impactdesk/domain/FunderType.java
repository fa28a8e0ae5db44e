package org.impactdesk.domain;

/**
 * An activity type for the funder settings: its names, the platform's default category from
 * activity_types.csv (null: none), the category it has without the organisation's choice (the
 * platform's, else the default by key; null: none) and the category the report uses (null: none,
 * not counted).
 */
public record FunderType(ActivityTypeName name, FunderCategory platformDefault, FunderCategory fallback,
                         FunderCategory effective) {

    public String key() {
        return name.key();
    }
}
