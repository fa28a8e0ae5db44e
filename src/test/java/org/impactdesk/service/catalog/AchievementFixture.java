package org.impactdesk.service.catalog;

import java.util.Set;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.impactdesk.store.Database;

/**
 * Two organisations written straight into a migrated database (which holds the V30 platform
 * catalog). org-1 (Oslo) has the module {@code achievements-gamification}; org-2 has none.
 * Mira (org-1): 12 approved activities from the New Year activity 2024-12-31T23:30Z on (4 home
 * visits), contacts c-1..c-3, 3 consecutive days 2025-03-04..06, one pending activity, and event
 * ev-1 attended. Jonas (org-1): 2 approved. Sofie (org-2): 10 approved, daily 2025-05-01..10.
 */
public final class AchievementFixture {
    public static final Actor GINA = new Actor("user-gina", "Gina Global", null, Set.of(Role.GLOBAL_ADMIN), null);
    public static final Actor ADA = new Actor("user-ada", "Ada Admin", "org-1", Set.of(Role.ORG_ADMIN), null);
    public static final Actor ODD = new Actor("user-odd", "Odd Other", "org-2", Set.of(Role.ORG_ADMIN), null);
    public static final Actor KIM = new Actor("user-kim", "Kim Koordinator", "org-1", Set.of(Role.COORDINATOR), null);
    public static final String MODULE = "achievements-gamification";

    private AchievementFixture() {
    }

    public static void write(Database db) {
        db.jdbi().useTransaction(h -> {
            h.execute("""
                    INSERT INTO organizations (id, name, time_zone) VALUES ('org-1', 'Nordby Network', 'Europe/Oslo'),
                    ('org-2', 'Sørby Friends', 'Europe/Oslo')""");
            h.execute("INSERT INTO organization_modules (organization_id, module) VALUES ('org-1', ?)", MODULE);
            h.execute("INSERT INTO local_associations (id, organization_id, name) VALUES ('la-1', 'org-1', 'Nordby'), ('la-2', 'org-2', 'Sørby')");
            h.execute("""
                    INSERT INTO users (id, organization_id, display_name) VALUES
                    ('user-gina', NULL, 'Gina Global'), ('user-ada', 'org-1', 'Ada Admin'), ('user-odd', 'org-2', 'Odd Other'),
                    ('user-kim', 'org-1', 'Kim Koordinator'),
                    ('user-mira', 'org-1', 'Mira Eksempel'), ('user-jonas', 'org-1', 'Jonas Prøvesen'),
                    ('user-sofie', 'org-2', 'Sofie Demo')""");
            h.execute("""
                    INSERT INTO user_roles (user_id, role) VALUES ('user-gina', 'global_admin'), ('user-ada', 'org_admin'),
                    ('user-odd', 'org_admin'), ('user-kim', 'coordinator'), ('user-mira', 'peer_mentor'),
                    ('user-jonas', 'peer_mentor'), ('user-sofie', 'peer_mentor')""");
            h.execute("INSERT INTO coordinator_scopes (user_id, local_association_id) VALUES ('user-kim', 'la-1')");
            h.execute("""
                    INSERT INTO peer_mentors (id, user_id, organization_id, primary_local_association_id, status) VALUES
                    ('pm-1', 'user-mira', 'org-1', 'la-1', 'active'), ('pm-2', 'user-jonas', 'org-1', 'la-1', 'active'),
                    ('pm-3', 'user-sofie', 'org-2', 'la-2', 'active')""");
            h.execute("INSERT INTO peer_mentor_associations VALUES ('pm-1', 'la-1'), ('pm-2', 'la-1'), ('pm-3', 'la-2')");
            h.execute("INSERT INTO activity_types (id, name) VALUES ('home_visit', 'Home visit'), ('phone_support', 'Phone support')");
            h.execute("INSERT INTO contacts (id, organization_id) VALUES ('c-1', 'org-1'), ('c-2', 'org-1'), ('c-3', 'org-1')");
            String[][] mira = {
                    {"m-01", "2024-12-31 23:30:00+00", "home_visit", "c-1"},
                    {"m-02", "2025-01-14 09:00:00+00", "phone_support", "c-1"},
                    {"m-03", "2025-02-11 09:00:00+00", "home_visit", "c-2"},
                    {"m-04", "2025-03-04 09:00:00+00", "phone_support", null},
                    {"m-05", "2025-03-05 09:00:00+00", "phone_support", null},
                    {"m-06", "2025-03-06 09:00:00+00", "home_visit", "c-3"},
                    {"m-07", "2025-04-01 09:00:00+00", "phone_support", null},
                    {"m-08", "2025-05-01 09:00:00+00", "phone_support", null},
                    {"m-09", "2025-06-01 09:00:00+00", "phone_support", null},
                    {"m-10", "2025-07-01 09:00:00+00", "home_visit", null},
                    {"m-11", "2025-08-01 09:00:00+00", "phone_support", null},
                    {"m-12", "2025-09-01 09:00:00+00", "phone_support", null},
            };
            for (String[] a : mira) {
                activity(h, a[0], "org-1", "la-1", "pm-1", a[2], a[1], 60, a[3], "approved");
            }
            activity(h, "m-13", "org-1", "la-1", "pm-1", "home_visit", "2025-03-07 09:00:00+00", 60, null, "pending");
            activity(h, "j-01", "org-1", "la-1", "pm-2", "home_visit", "2025-02-01 09:00:00+00", 30, null, "approved");
            activity(h, "j-02", "org-1", "la-1", "pm-2", "home_visit", "2025-02-03 09:00:00+00", 30, null, "approved");
            activity(h, "j-03", "org-1", "la-1", "pm-2", "home_visit", "2025-02-02 09:00:00+00", 30, null, "rejected");
            for (int d = 1; d <= 10; d++) {
                activity(h, String.format("s-%02d", d), "org-2", "la-2", "pm-3", "phone_support",
                        String.format("2025-05-%02d 09:00:00+00", d), 45, null, "approved");
            }
            h.execute("""
                    INSERT INTO events (id, organization_id, title, starts_at) VALUES
                    ('ev-1', 'org-1', 'Spring meetup', TIMESTAMP WITH TIME ZONE '2025-03-20 16:00:00+00'),
                    ('ev-2', 'org-1', 'Autumn meetup', TIMESTAMP WITH TIME ZONE '2025-10-09 14:30:00+00')""");
            h.execute("""
                    INSERT INTO event_attendance (event_id, user_id, registered, attended) VALUES
                    ('ev-1', 'user-mira', TRUE, TRUE), ('ev-2', 'user-mira', TRUE, FALSE), ('ev-1', 'user-jonas', TRUE, FALSE)""");
        });
    }

    static void activity(org.jdbi.v3.core.Handle h, String id, String org, String la, String pm, String type, String at,
                         int minutes, String contact, String status) {
        h.execute("""
                INSERT INTO activities (id, organization_id, local_association_id, peer_mentor_id, activity_type, started_at,
                    duration_minutes, contact_id, approval_status) VALUES (?, ?, ?, ?, ?, CAST(? AS TIMESTAMP WITH TIME ZONE), ?, ?, ?)""",
                id, org, la, pm, type, at, minutes, contact, status);
    }
}
