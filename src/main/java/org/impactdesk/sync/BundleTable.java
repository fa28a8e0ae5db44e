package org.impactdesk.sync;

/**
 * The small tables of an export bundle as the checks know them (the store maps each to its SQL
 * table): their rows are kept by key, {@link #key} joining the parts of a composite key.
 * Values follow the store's column order, then each child list (e.g. a user's roles).
 */
public enum BundleTable {
    ORGANIZATIONS, LOCAL_ASSOCIATIONS, USERS, PEER_MENTORS, CONTACTS, ACTIVITY_TYPES, EVENTS, EVENT_ATTENDANCE, ASSIGNMENTS;

    /** A row's key: its parts joined with NUL (as the store joins them). */
    public static String key(String... parts) {
        return parts.length == 1 ? parts[0] : String.join("\u0000", parts);
    }
}
