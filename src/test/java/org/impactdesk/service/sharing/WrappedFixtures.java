package org.impactdesk.service.sharing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.impactdesk.domain.SlidePayload;
import org.impactdesk.store.Database;
/**
 * A small organisation whose people have distinctive names and emails, with one mentor's
 * annual summary stored with a fixture payload: what share cards are rendered from in tests.
 */
public final class WrappedFixtures {
    public static final String MENTOR = "pm-mira";
    public static final String MENTOR_USER = "user-mira";
    public static final String MENTOR_NAME = "Mira Quintavalle-Ødegård";
    public static final String MENTOR_EMAIL = "mira.quintavalle@example.org";
    public static final String OTHER_MENTOR = "pm-olaf";
    public static final String COORDINATOR = "user-kim";
    /** Contacts: ids and names that must never appear on a card. */
    public static final List<String> CONTACT_IDS = List.of("c-xq-4711", "c-zz-0815", "c-wv-1234");
    public static final List<String> CONTACT_NAMES = List.of("Thorvaldina Brækkestøl", "Zebulon Quarrington",
            "Ximena Wolfhartsberger");
    public static final List<String> EMAILS = List.of(MENTOR_EMAIL, "kim.coordinator@example.org",
            "olaf.other@example.org");

    private WrappedFixtures() {
    }

    public static String resource(String name) {
        try (InputStream in = WrappedFixtures.class.getResourceAsStream("/wrapped/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource /wrapped/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SlidePayload wrappedPayload() {
        return SlidePayload.parse(resource("payload-wrapped-2025.json"));
    }

    public static SlidePayload encouragementPayload() {
        return SlidePayload.parse(resource("payload-encouragement-2025.json"));
    }

    /** People, contacts and activities (the contacts are on the activities), no summaries yet. */
    public static void people(Database db) {
        db.jdbi().useHandle(h -> {
            h.execute("INSERT INTO organizations (id, name) VALUES ('org-1', 'Likeperson Nord')");
            h.execute("INSERT INTO local_associations (id, organization_id, name) VALUES ('la-1', 'org-1', 'Tromsø')");
            h.execute("INSERT INTO local_associations (id, organization_id, name) VALUES ('la-2', 'org-1', 'Bodø')");
            h.execute("INSERT INTO users (id, organization_id, display_name, email) VALUES (?, 'org-1', ?, ?)",
                    MENTOR_USER, MENTOR_NAME, MENTOR_EMAIL);
            h.execute("INSERT INTO users (id, organization_id, display_name, email) VALUES ('user-kim', 'org-1', 'Kim Coordinatorsen', ?)",
                    EMAILS.get(1));
            h.execute("INSERT INTO users (id, organization_id, display_name, email) VALUES ('user-olaf', 'org-1', 'Olaf Otherby', ?)",
                    EMAILS.get(2));
            h.execute("INSERT INTO user_roles (user_id, role) VALUES ('user-mira', 'peer_mentor')");
            h.execute("INSERT INTO user_roles (user_id, role) VALUES ('user-olaf', 'peer_mentor')");
            h.execute("INSERT INTO user_roles (user_id, role) VALUES ('user-kim', 'coordinator')");
            h.execute("INSERT INTO coordinator_scopes (user_id, local_association_id) VALUES ('user-kim', 'la-2')");
            h.execute("INSERT INTO peer_mentors (id, user_id, organization_id, primary_local_association_id, status) VALUES (?, ?, 'org-1', 'la-1', 'active')",
                    MENTOR, MENTOR_USER);
            h.execute("INSERT INTO peer_mentors (id, user_id, organization_id, primary_local_association_id, status) VALUES (?, 'user-olaf', 'org-1', 'la-2', 'active')",
                    OTHER_MENTOR);
            h.execute("INSERT INTO peer_mentor_associations VALUES (?, 'la-1')", MENTOR);
            h.execute("INSERT INTO peer_mentor_associations VALUES (?, 'la-2')", OTHER_MENTOR);
            for (int i = 0; i < CONTACT_IDS.size(); i++) {
                h.execute("INSERT INTO contacts (id, organization_id, display_name) VALUES (?, 'org-1', ?)",
                        CONTACT_IDS.get(i), CONTACT_NAMES.get(i));
                h.execute("""
                        INSERT INTO activities (id, organization_id, local_association_id, peer_mentor_id, activity_type,
                            started_at, duration_minutes, contact_id, approval_status)
                        VALUES (?, 'org-1', 'la-1', ?, 'cafe_meeting', ?, 60, ?, 'approved')""",
                        "a-" + i, MENTOR, OffsetDateTime.of(2025, 3, 4 + i, 10, 0, 0, 0, ZoneOffset.UTC), CONTACT_IDS.get(i));
            }
        });
    }

    /**
     * Stores an annual summary row with {@code payloadJson}; the {@code top_contacts} column holds
     * the contacts' ids and names, as a careless engine might, so tests prove the card ignores it.
     */
    public static UUID summary(Database db, String peerMentorId, int year, String status, String payloadJson) {
        UUID id = UUID.randomUUID();
        String user = peerMentorId.equals(MENTOR) ? MENTOR_USER : "user-olaf";
        boolean sufficient = !"insufficient".equals(status);
        String generationStatus = switch (status) { // the same lifecycle in seed 002's words (V63 checks it)
            case "pending" -> "pending";
            case "generating" -> "running";
            case "failed" -> "failed";
            default -> "complete";
        };
        String topContacts = "[" + String.join(",", java.util.stream.IntStream.range(0, CONTACT_IDS.size())
                .mapToObj(i -> "{\"contact_id\":\"" + CONTACT_IDS.get(i) + "\",\"label\":\"" + CONTACT_NAMES.get(i)
                        + "\",\"interactions\":" + (3 - i) + "}").toList()) + "]";
        db.jdbi().useHandle(h -> h.createUpdate("""
                INSERT INTO annual_summaries (id, user_id, peer_mentor_id, organization_id, year, status, generation_status,
                    data_sufficiency, total_activities, total_hours, total_contacts_supported, contacts_supported,
                    total_events_attended, activity_breakdown, monthly_distribution, top_contacts, slide_data, payload_json,
                    generated_at, created_at, updated_at)
                VALUES (:id, :user, :pm, 'org-1', :year, :status, :generationStatus, :sufficient, 17, 15.92, 5, 5, 2,
                    '{"cafe_meeting": 8}', '[]', :top, '[]', :payload, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""")
                .bind("id", id).bind("user", user).bind("pm", peerMentorId).bind("year", year).bind("status", status).bind("generationStatus", generationStatus)
                .bind("sufficient", sufficient).bind("top", topContacts).bind("payload", payloadJson)
                .execute());
        if ("ready".equals(status)) { // released, as after an admin's review (issue 19); a test of the gate deletes it
            db.jdbi().useHandle(h -> h.execute("INSERT INTO annual_releases (annual_summary_id, released_at, released_by) "
                    + "VALUES (?, CURRENT_TIMESTAMP, 'fixture')", id));
        }
        return id;
    }
}
