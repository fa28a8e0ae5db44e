package org.impactdesk.service.mentor;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.impactdesk.store.Database;
import org.jdbi.v3.core.Handle;

/**
 * A small organisation written straight into a migrated database with stored summaries, as
 * generation would leave them: coordinator Kim sees association la-1 (Mira, pm-1), not la-2 (Ola, pm-2).
 * Mira has annual summaries for 2024 and 2025 and quarterly rows for 2025 Q1-Q2 and 2024 Q3.
 */
public final class MentorFixture {
    public static final String MIRA = "pm-1";
    public static final String OLA = "pm-2";
    public static final String KIM = "user-kim";
    public static final String BADGE_ID = "11111111-2222-3333-4444-555555555555";

    /** Mira's 2025 monthly sessions and hours (the worked example's). */
    public static final int[] SESSIONS_2025 = {3, 2, 4, 1, 2, 1, 0, 1, 1, 0, 1, 1};
    public static final String[] HOURS_2025 = {"3.33", "1.42", "3.08", "1.00", "2.75", "0.50", "0.00", "1.00",
            "1.50", "0.00", "1.00", "0.33"};
    public static final int[] SESSIONS_2024 = {1, 1, 2, 0, 0, 3, 2, 1, 0, 0, 0, 1};
    public static final String[] HOURS_2024 = {"1.00", "0.75", "1.50", "0.00", "0.00", "1234.50", "2.00", "0.50",
            "0.00", "0.00", "0.00", "1.00"};

    private MentorFixture() {
    }

    public static void write(Database db) {
        db.jdbi().useTransaction(h -> {
            h.execute("INSERT INTO organizations (id, name) VALUES ('org-1', 'Org One')");
            h.execute("INSERT INTO local_associations (id, organization_id, name) VALUES ('la-1', 'org-1', 'North'), ('la-2', 'org-1', 'South')");
            h.execute("""
                    INSERT INTO users (id, organization_id, display_name) VALUES
                    ('user-kim', 'org-1', 'Kim Coordinator'), ('user-mira', 'org-1', 'Mira Hansen'),
                    ('user-ola', 'org-1', 'Ola Berg')""");
            h.execute("""
                    INSERT INTO user_roles (user_id, role) VALUES ('user-kim', 'coordinator'),
                    ('user-mira', 'peer_mentor'), ('user-ola', 'peer_mentor')""");
            h.execute("INSERT INTO coordinator_scopes (user_id, local_association_id) VALUES ('user-kim', 'la-1')");
            h.execute("""
                    INSERT INTO peer_mentors (id, user_id, organization_id, primary_local_association_id, status, started_on)
                    VALUES ('pm-1', 'user-mira', 'org-1', 'la-1', 'active', DATE '2023-05-01'),
                           ('pm-2', 'user-ola', 'org-1', 'la-2', 'active', DATE '2023-05-01')""");
            h.execute("INSERT INTO peer_mentor_associations VALUES ('pm-1', 'la-1'), ('pm-2', 'la-2')");
            h.execute("""
                    INSERT INTO achievements (id, organization_id, key, name, description, category, trigger_type, trigger_threshold)
                    VALUES ('%s', NULL, 'ten_sessions', 'Ten sessions', 'Ten counted sessions', 'milestone', 'activity_count', 10)"""
                    .formatted(BADGE_ID));
            annual(h, MIRA, "user-mira", 2025, SESSIONS_2025, HOURS_2025, """
                    [{"milestone_key": "10_activities", "label": "10 activities", "achieved_at": "2025-01-28T17:00:00Z", "threshold_value": 10},
                     {"milestone_key": "10_hours", "label": "10 hours", "achieved_at": "2025-02-11T09:00:00Z", "threshold_value": 10}]""",
                    "[{\"achievement_id\": \"" + BADGE_ID + "\", \"key\": \"ten_sessions\", \"awarded_at\": \"2025-03-04T10:00:00Z\"}]");
            annual(h, MIRA, "user-mira", 2024, SESSIONS_2024, HOURS_2024, "[]", "[]");
            annual(h, OLA, "user-ola", 2025, SESSIONS_2025, HOURS_2025, "[]", "[]");
            // the open year 2026: two counted activities in January and a pending one (not counted)
            h.execute("INSERT INTO activity_types (id, name) VALUES ('cafe_meeting', 'Cafe meeting')");
            h.execute("""
                    INSERT INTO activities (id, organization_id, local_association_id, peer_mentor_id, activity_type,
                        started_at, duration_minutes, approval_status) VALUES
                    ('a-1', 'org-1', 'la-1', 'pm-1', 'cafe_meeting', TIMESTAMP WITH TIME ZONE '2026-01-05 10:00:00+01', 60, 'approved'),
                    ('a-2', 'org-1', 'la-1', 'pm-1', 'cafe_meeting', TIMESTAMP WITH TIME ZONE '2026-01-20 10:00:00+01', 45, 'approved'),
                    ('a-3', 'org-1', 'la-1', 'pm-1', 'cafe_meeting', TIMESTAMP WITH TIME ZONE '2026-02-02 10:00:00+01', 30, 'pending')""");
            quarter(h, MIRA, "user-mira", 2025, 1, 9, "7.83", 4, "3.83", "overloaded");
            quarter(h, MIRA, "user-mira", 2025, 2, 4, "4.25", 3, "1234.50", "normal");
            quarter(h, MIRA, "user-mira", 2024, 3, 3, "2.50", null, null, "normal");
        });
    }

    /** Kim's own peer-mentor row (issue 14 item 8): Kim is also a peer mentor. */
    public static final String KIM_MENTOR = "pm-kim";

    /**
     * Makes coordinator Kim (scope la-1) also a peer mentor, pm-kim, of la-2 only: outside their
     * own coordinator scope. pm-kim has a ready 2025 annual summary and a 2025 Q1 row.
     */
    public static void coordinatorAlsoMentor(Database db) {
        db.jdbi().useTransaction(h -> {
            h.execute("INSERT INTO user_roles (user_id, role) VALUES ('user-kim', 'peer_mentor')");
            h.execute("""
                    INSERT INTO peer_mentors (id, user_id, organization_id, primary_local_association_id, status, started_on)
                    VALUES ('pm-kim', 'user-kim', 'org-1', 'la-2', 'active', DATE '2024-01-01')""");
            h.execute("INSERT INTO peer_mentor_associations VALUES ('pm-kim', 'la-2')");
            annual(h, KIM_MENTOR, KIM, 2025, SESSIONS_2024, HOURS_2024, "[]", "[]");
            quarter(h, KIM_MENTOR, KIM, 2025, 1, 4, "3.25", null, null, "normal");
        });
        releaseAnnual(db, KIM_MENTOR);
    }

    /** An admin released the mentor's ready Wrapped: issue 19's review gate keeps it from its own mentor until then. */
    public static void releaseAnnual(Database db, String peerMentorId) {
        db.jdbi().useHandle(h -> h.createUpdate("""
                INSERT INTO annual_releases (annual_summary_id, released_at, released_by)
                SELECT id, CURRENT_TIMESTAMP, 'user-ada' FROM annual_summaries WHERE peer_mentor_id = :pm AND status = 'ready'""")
                .bind("pm", peerMentorId).execute());
    }

    private static void annual(Handle h, String pm, String user, int year, int[] sessions, String[] hours,
                               String milestones, String awards) {
        StringBuilder months = new StringBuilder("[");
        int total = 0;
        BigDecimal totalHours = BigDecimal.ZERO;
        for (int m = 0; m < 12; m++) {
            months.append(m == 0 ? "" : ",").append("{\"month\": ").append(m + 1).append(", \"activities\": ")
                    .append(sessions[m]).append(", \"hours\": ").append(hours[m]).append('}');
            total += sessions[m];
            totalHours = totalHours.add(new BigDecimal(hours[m]));
        }
        months.append(']');
        OffsetDateTime generated = OffsetDateTime.of(year + 1, 1, 2, 8, 0, 0, 0, ZoneOffset.UTC);
        h.createUpdate("""
                INSERT INTO annual_summaries (id, user_id, peer_mentor_id, organization_id, local_association_id, year,
                    status, generation_status, data_sufficiency, total_activities, total_hours,
                    total_contacts_supported, contacts_supported, total_events_attended, activity_breakdown,
                    monthly_distribution, milestones, achievements_earned, generated_at, created_at, updated_at)
                VALUES (:id, :user, :pm, 'org-1', 'la-1', :year, 'ready', 'complete', TRUE, :total, :hours,
                    3, 3, 0, '{}', :months, :milestones, :awards, :at, :at, :at)""")
                .bind("id", UUID.randomUUID()).bind("user", user).bind("pm", pm).bind("year", year)
                .bind("total", total).bind("hours", totalHours).bind("months", months.toString())
                .bind("milestones", milestones).bind("awards", awards).bind("at", generated)
                .execute();
    }

    private static void quarter(Handle h, String pm, String user, int year, int quarter, int sessions, String hours,
                                Integer priorSessions, String priorHours, String status) {
        Instant start = OffsetDateTime.of(year, (quarter - 1) * 3 + 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(1)).toInstant();
        Instant end = start.plusSeconds(89L * 24 * 3600);
        int under = 3;
        int over = status.equals("overloaded") ? 8 : 40;
        h.createUpdate("""
                INSERT INTO periodic_summaries (id, user_id, organisation_id, coordinator_id, period_type, year, quarter,
                    period_start, period_end, total_sessions, total_hours, prior_year_total_sessions,
                    prior_year_total_hours, outlier_status, underactive_threshold_sessions,
                    overloaded_threshold_sessions, generated_at, peer_mentor_id)
                VALUES (:id, :user, 'org-1', NULL, 'quarterly', :year, :quarter, :start, :end, :sessions, :hours,
                    :priorSessions, :priorHours, :status, :under, :over, :end, :pm)""")
                .bind("id", UUID.randomUUID()).bind("user", user).bind("year", year).bind("quarter", quarter)
                .bind("start", start.atOffset(ZoneOffset.UTC)).bind("end", end.atOffset(ZoneOffset.UTC))
                .bind("sessions", sessions).bind("hours", new BigDecimal(hours))
                .bind("priorSessions", priorSessions)
                .bind("priorHours", priorHours == null ? null : new BigDecimal(priorHours))
                .bind("status", status).bind("under", under).bind("over", over).bind("pm", pm)
                .execute();
    }
}
