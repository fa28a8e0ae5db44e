package org.impactdesk.service.funder;

import java.util.Set;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.impactdesk.store.Database;

/**
 * A small organisation whose 2025 funder report is computed by hand: one counted home visit and
 * its same-day repeat, a pending visit, a group session of 3 contacts led by two peer mentors of
 * two associations, a row before its mentor's start, an uncategorised type, a phone call.
 * Contacts have names and ids that must never reach an export.
 */
public final class FunderFixtures {
    public static final String ORG = "org-1";
    public static final Actor ADMIN = new Actor("u-admin", "Ada Admin", ORG, Set.of(Role.ORG_ADMIN), null);
    public static final Actor COORDINATOR = new Actor("u-coord", "Kim Coordinator", ORG, Set.of(Role.COORDINATOR), null);
    public static final Actor MENTOR = new Actor("u-a", "Astrid Mentor", ORG, Set.of(Role.PEER_MENTOR), "pm-a");
    public static final String[] CONTACT_NAMES = {"Kari Kontaktsen", "Per Privatsen", "Lise Lukketvik"};
    public static final String[] CONTACT_IDS = {"contact-xq1", "contact-xq2", "contact-xq3"};

    private FunderFixtures() {
    }

    public static void fill(Database db) {
        db.jdbi().useHandle(h -> {
            h.execute("INSERT INTO organizations (id, name) VALUES ('org-1', 'Likeperson Nord')");
            h.execute("INSERT INTO organizations (id, name) VALUES ('org-2', 'Other Org')");
            h.execute("INSERT INTO local_associations (id, organization_id, name) VALUES ('la-1', 'org-1', 'Tromsø')");
            h.execute("INSERT INTO local_associations (id, organization_id, name) VALUES ('la-2', 'org-1', 'Bodø')");
            for (String[] u : new String[][] {{"u-admin", "Ada Admin", "org_admin"}, {"u-coord", "Kim Coordinator", "coordinator"},
                    {"u-a", "Astrid Mentor", "peer_mentor"}, {"u-b", "Bjørn Mentor", "peer_mentor"}}) {
                h.execute("INSERT INTO users (id, organization_id, display_name) VALUES (?, 'org-1', ?)", u[0], u[1]);
                h.execute("INSERT INTO user_roles (user_id, role) VALUES (?, ?)", u[0], u[2]);
            }
            h.execute("INSERT INTO coordinator_scopes (user_id, local_association_id) VALUES ('u-coord', 'la-2')");
            h.execute("INSERT INTO peer_mentors (id, user_id, organization_id, primary_local_association_id, status) "
                    + "VALUES ('pm-a', 'u-a', 'org-1', 'la-1', 'active')");
            h.execute("INSERT INTO peer_mentors (id, user_id, organization_id, primary_local_association_id, status, started_on) "
                    + "VALUES ('pm-b', 'u-b', 'org-1', 'la-2', 'active', DATE '2025-03-01')");
            h.execute("INSERT INTO peer_mentor_associations VALUES ('pm-a', 'la-1')");
            h.execute("INSERT INTO peer_mentor_associations VALUES ('pm-b', 'la-2')");
            for (int i = 0; i < CONTACT_IDS.length; i++) {
                h.execute("INSERT INTO contacts (id, organization_id, display_name) VALUES (?, 'org-1', ?)", CONTACT_IDS[i], CONTACT_NAMES[i]);
            }
            h.execute("INSERT INTO activity_types (id, name, name_nb) VALUES ('home_visit', 'Home visit', 'Hjemmebesøk')");
            h.execute("INSERT INTO activity_types (id, name, name_nb) VALUES ('support_group', 'Support group', 'Likepersonsgruppe')");
            h.execute("INSERT INTO activity_types (id, name, name_nb) VALUES ('phone_support', 'Phone support', 'Telefonstøtte')");
            h.execute("INSERT INTO activity_types (id, name, name_nb) VALUES ('knitting_club', 'Knitting club', 'Strikkeklubb')");
            // a platform default that differs from the default by key
            h.execute("INSERT INTO activity_types (id, name, name_nb, funder_category) VALUES ('stand', 'Stand', 'Stand', 'group')");
            Object[][] rows = {
                    // id, association, mentor, type, started_at (UTC), minutes, contact, status, event
                    {"a1", "la-1", "pm-a", "home_visit", "2025-02-03T09:00:00Z", 60, CONTACT_IDS[0], "approved", null},
                    {"a2", "la-1", "pm-a", "home_visit", "2025-02-03T13:00:00Z", 30, CONTACT_IDS[0], "approved", null},
                    {"a3", "la-1", "pm-a", "home_visit", "2025-02-04T09:00:00Z", 45, CONTACT_IDS[1], "pending", null},
                    {"g1", "la-2", "pm-b", "support_group", "2025-04-01T16:00:00Z", 60, CONTACT_IDS[0], "approved", "ev-1"},
                    {"g2", "la-1", "pm-a", "support_group", "2025-04-01T16:05:00Z", 90, CONTACT_IDS[1], "approved", "ev-1"},
                    {"g3", "la-1", "pm-a", "support_group", "2025-04-01T16:05:00Z", 90, CONTACT_IDS[2], "approved", "ev-1"},
                    {"b1", "la-2", "pm-b", "home_visit", "2025-02-10T09:00:00Z", 40, CONTACT_IDS[2], "approved", null},
                    {"k1", "la-1", "pm-a", "knitting_club", "2025-05-05T09:00:00Z", 120, null, "approved", null},
                    {"p1", "la-2", "pm-b", "phone_support", "2025-06-05T09:00:00Z", 15, CONTACT_IDS[1], "approved", null},
                    // other years and another organisation stay out
                    {"x1", "la-1", "pm-a", "home_visit", "2024-12-31T22:59:00Z", 60, CONTACT_IDS[0], "approved", null},
                    {"x2", "la-1", "pm-a", "home_visit", "2025-12-31T23:00:00Z", 60, CONTACT_IDS[0], "approved", null},
            };
            for (Object[] r : rows) {
                h.execute("""
                        INSERT INTO activities (id, organization_id, local_association_id, peer_mentor_id, activity_type,
                            started_at, duration_minutes, contact_id, approval_status, event_id)
                        VALUES (?, 'org-1', ?, ?, ?, CAST(? AS TIMESTAMP WITH TIME ZONE), ?, ?, ?, ?)""", r);
            }
        });
    }
}
