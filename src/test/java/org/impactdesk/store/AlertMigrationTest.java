package org.impactdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.impactdesk.store.EarlierSchema.one;

import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V67 on a database written before it: alerts raised then named their summary only in their
 * message; those whose summary still exists are linked to it (organisation, mentor, period), one
 * whose summary has been generated fine since is closed as regenerated, and an unlinkable one
 * stays open with its message. Afterwards the table refuses a second open alert of a summary and
 * a half-closed alert.
 */
class AlertMigrationTest {
    @TempDir
    Path dir;

    @Test
    void alertsRaisedBeforeV67AreLinkedToTheirSummaryOrClosedOrKeptWithTheirMessage() throws Exception {
        EarlierSchema db = new EarlierSchema(dir, "v67").migrateTo("63");
        db.with(s -> {
            EarlierSchema.mentor(s, "pm-1");
            s.execute("""
                    INSERT INTO annual_summaries (id, user_id, peer_mentor_id, organization_id, year, status, generation_status,
                        generation_error, data_sufficiency, total_activities, total_hours, total_contacts_supported,
                        contacts_supported, total_events_attended, activity_breakdown, monthly_distribution, created_at,
                        updated_at, retry_count)
                    VALUES ('00000000-0000-0000-0000-0000000000a1', 'u1', 'pm-1', 'o1', 2025, 'failed', 'failed', 'boom',
                        FALSE, 0, 0, 0, 0, 0, '{}', '[]', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 4)""");
            s.execute("""
                    INSERT INTO impact_summaries (id, user_id, period_type, year, half_index, total_hours, contacts_helped,
                      activities_count, assignments_completed, status, generated_at, created_at, updated_at,
                      organization_id, peer_mentor_id, retry_count)
                    VALUES ('00000000-0000-0000-0000-0000000000b1', 'u1', 'half_year', 2025, 1, 1, 1, 1, 0, 'ready',
                      TIMESTAMP WITH TIME ZONE '2026-01-10 09:00:00+00:00', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'o1', 'pm-1', 0)""");
            s.execute("""
                    INSERT INTO alerts (kind, message) VALUES
                    ('summary_generation_failed', 'Generation of the annual summary 2025 of pm-1 failed 4 times (3 retries exhausted): boom'),
                    ('summary_generation_failed', 'Generation of the impact summary 2025-H1 of pm-1 failed 4 times (3 retries exhausted): x'),
                    ('summary_generation_failed', 'Generation of the annual summary 2019 of pm-gone failed 4 times (3 retries exhausted): y')""");
        });
        db.migrateToLatest();
        db.with(s -> {
            assertThat(one(s, """
                    SELECT organisation_id || '|' || summary_table || '|' || summary_id || '|' || peer_mentor_id || '|' || period
                    || '|' || COALESCE(closed_reason, 'open') FROM alerts WHERE message LIKE '%annual summary 2025%'"""))
                    .isEqualTo("o1|annual_summaries|00000000-0000-0000-0000-0000000000a1|pm-1|2025|open");
            // its impact summary is ready by now: resolved
            assertThat(one(s, """
                    SELECT summary_table || '|' || period || '|' || closed_reason || '|' || closed_by
                    FROM alerts WHERE message LIKE '%2025-H1%'"""))
                    .isEqualTo("impact_summaries|2025-H1|regenerated|migration");
            // its summary is gone: open, unlinked, for global admins with its message
            assertThat(one(s, """
                    SELECT COALESCE(summary_table, '-') || '|' || COALESCE(organisation_id, '-') || '|'
                    || COALESCE(closed_reason, 'open') FROM alerts WHERE message LIKE '%pm-gone%'"""))
                    .isEqualTo("-|-|open");
            assertThatThrownBy(() -> s.execute("""
                    INSERT INTO alerts (kind, message, organisation_id, summary_table, summary_id, peer_mentor_id, period)
                    VALUES ('summary_generation_failed', 'again', 'o1', 'annual_summaries',
                    '00000000-0000-0000-0000-0000000000a1', 'pm-1', '2025')""")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> s.execute("UPDATE alerts SET closed_at = CURRENT_TIMESTAMP WHERE period = '2025'"))
                    .isInstanceOf(SQLException.class);
            s.execute("SHUTDOWN");
        });
    }
}
