package org.impactdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactdesk.store.EarlierSchema.count;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V63 on a database written before it: the impact summaries an open-period run stored (issue 14:
 * generate --as-of a date after today) go with their queued notifications, so the
 * generated-after-period-end check can be added; every other row stays.
 */
class SeedRuleMigrationTest {
    @TempDir
    Path dir;

    @Test
    void openPeriodImpactRowsStoredBeforeV63AreRemovedAndTheRestKept() throws Exception {
        EarlierSchema db = new EarlierSchema(dir, "v63").migrateTo("60");
        db.with(s -> {
            EarlierSchema.mentor(s, "pm1");
            String cols = """
                    INSERT INTO impact_summaries (id, user_id, period_type, year, half_index, total_hours, contacts_helped,
                      activities_count, assignments_completed, status, generated_at, created_at, updated_at,
                      organization_id, peer_mentor_id) VALUES """;
            // stored on 2026-12-07 for the open year 2026 (the run) and for 2025 (closed)
            s.execute(cols + "('00000000-0000-0000-0000-000000000001', 'u1', 'annual', 2026, NULL, 1, 1, 1, 0, 'ready',"
                    + " TIMESTAMP WITH TIME ZONE '2026-12-07 09:00:00+00:00', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'o1', 'pm1')");
            s.execute(cols + "('00000000-0000-0000-0000-000000000002', 'u1', 'annual', 2025, NULL, 1, 1, 1, 0, 'ready',"
                    + " TIMESTAMP WITH TIME ZONE '2026-12-07 09:00:00+00:00', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'o1', 'pm1')");
            s.execute("INSERT INTO notification_outbox (summary_table, summary_id, user_id, message_key) VALUES"
                    + " ('impact_summaries', '00000000-0000-0000-0000-000000000001', 'u1', 'notification.impact_ready'),"
                    + " ('impact_summaries', '00000000-0000-0000-0000-000000000002', 'u1', 'notification.impact_ready')");
        });
        assertThat(db.migrateToLatest()).isPositive();
        db.with(s -> {
            assertThat(count(s, "SELECT COUNT(*) FROM impact_summaries WHERE year = 2026")).isZero();
            assertThat(count(s, "SELECT COUNT(*) FROM impact_summaries WHERE year = 2025")).isOne();
            assertThat(count(s, "SELECT COUNT(*) FROM notification_outbox")).isOne();
            assertThat(count(s, "SELECT COUNT(*) FROM notification_outbox WHERE summary_id = '00000000-0000-0000-0000-000000000002'"))
                    .isOne();
            assertThat(count(s, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS"
                    + " WHERE CONSTRAINT_NAME = 'IMPACT_GENERATED_AFTER_PERIOD_END'")).isOne();
            s.execute("SHUTDOWN");
        });
    }
}
