package org.impactdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.statement.Update;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seeds' rules the database itself refuses (issue 14 item 7 and seed 003's generated_at rule):
 * each test stores a valid row first (so the refusal is the one broken rule's), then a row that
 * breaks exactly one rule, and expects the named constraint to refuse it.
 */
@MigratedH2
class SeedRuleConstraintsTest {
    /**
     * H2's message for an unnamed CHECK (the column's own, e.g. {@code total_hours >= 0}); PostgreSQL's
     * for any CHECK (it tests a row's checks in the order of their names and reports the first that
     * fails, which for a status outside the lifecycle is the named rule that pairs the two columns).
     */
    static final String CHECK = TestEngine.postgres() ? "violates check constraint" : "Check constraint violation";

    Database db;

    @BeforeEach
    void open(Database db) {
        this.db = db;
        db.jdbi().useHandle(h -> {
            h.execute("INSERT INTO organizations (id, name) VALUES ('o1', 'Org')");
            h.execute("INSERT INTO local_associations (id, organization_id, name) VALUES ('la1', 'o1', 'LA')");
            h.execute("INSERT INTO users (id, organization_id, display_name) VALUES ('u1', 'o1', 'Mira')");
            h.execute("INSERT INTO user_roles (user_id, role) VALUES ('u1', 'peer_mentor')");
            h.execute("""
                    INSERT INTO peer_mentors (id, user_id, organization_id, primary_local_association_id, status)
                    VALUES ('pm1', 'u1', 'o1', 'la1', 'active')""");
        });
    }

    // ---- rows

    static Map<String, Object> annual(Object... overrides) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", UUID.randomUUID());
        m.put("user_id", "u1");
        m.put("peer_mentor_id", "pm1");
        m.put("organization_id", "o1");
        m.put("year", 2025);
        m.put("status", "ready");
        m.put("generation_status", "complete");
        m.put("data_sufficiency", true);
        m.put("total_activities", 12);
        m.put("total_hours", new java.math.BigDecimal("9.50"));
        m.put("total_contacts_supported", 3);
        m.put("contacts_supported", 3);
        m.put("total_events_attended", 1);
        m.put("activity_breakdown", "{}");
        m.put("monthly_distribution", "[]");
        m.put("generated_at", OffsetDateTime.parse("2026-01-10T08:00:00Z"));
        m.put("created_at", OffsetDateTime.parse("2026-01-10T08:00:00Z"));
        m.put("updated_at", OffsetDateTime.parse("2026-01-10T08:00:00Z"));
        return with(m, overrides);
    }

    static Map<String, Object> impact(Object... overrides) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", UUID.randomUUID());
        m.put("user_id", "u1");
        m.put("peer_mentor_id", "pm1");
        m.put("organization_id", "o1");
        m.put("period_type", "half_year");
        m.put("year", 2025);
        m.put("half_index", 1);
        m.put("total_hours", new java.math.BigDecimal("4.00"));
        m.put("contacts_helped", 2);
        m.put("activities_count", 5);
        m.put("assignments_completed", 0);
        m.put("status", "ready");
        m.put("generated_at", OffsetDateTime.parse("2025-07-02T08:00:00Z"));
        m.put("created_at", OffsetDateTime.parse("2025-07-02T08:00:00Z"));
        m.put("updated_at", OffsetDateTime.parse("2025-07-02T08:00:00Z"));
        return with(m, overrides);
    }

    static Map<String, Object> periodic(Object... overrides) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", UUID.randomUUID());
        m.put("user_id", "u1");
        m.put("peer_mentor_id", "pm1");
        m.put("organisation_id", "o1");
        m.put("period_type", "quarterly");
        m.put("year", 2025);
        m.put("quarter", 1);
        m.put("period_start", OffsetDateTime.parse("2024-12-31T23:00:00Z"));
        m.put("period_end", OffsetDateTime.parse("2025-03-31T21:59:59.999999Z"));
        m.put("total_sessions", 10);
        m.put("total_hours", new java.math.BigDecimal("7.00"));
        m.put("outlier_status", "normal");
        m.put("underactive_threshold_sessions", 3);
        m.put("overloaded_threshold_sessions", 40);
        m.put("generated_at", OffsetDateTime.parse("2025-04-02T08:00:00Z"));
        return with(m, overrides);
    }

    static Map<String, Object> with(Map<String, Object> m, Object... overrides) {
        for (int i = 0; i < overrides.length; i += 2) {
            m.put((String) overrides[i], overrides[i + 1]);
        }
        return m;
    }

    void insert(String table, Map<String, Object> row) {
        db.jdbi().useHandle(h -> {
            Update u = h.createUpdate("INSERT INTO " + table + " (" + String.join(", ", row.keySet()) + ") VALUES ("
                    + String.join(", ", row.keySet().stream().map(k -> ":" + k).toList()) + ")");
            row.forEach(u::bind);
            u.execute();
        });
    }

    void refused(String table, Map<String, Object> row, String constraint) {
        assertThatThrownBy(() -> insert(table, row)).as(table + " " + row)
                .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase(constraint));
    }

    void accepted(String table, Map<String, Object> row) {
        insert(table, row);
    }

    // ---- item 7: IS NOT NULL-explicit checks

    @Test
    void aHalfYearImpactRowNeedsItsHalfIndexAndAnAnnualOneHasNone() {
        accepted("impact_summaries", impact());
        // generated after the year: only the half-index rule is broken (on PostgreSQL, which reports the first
        // failing check by name, the end of the year would be reported otherwise)
        refused("impact_summaries", impact("half_index", null, "generated_at", OffsetDateTime.parse("2026-01-02T08:00:00Z")),
                "impact_half_index_rule");
        refused("impact_summaries", impact("half_index", 3, "generated_at", OffsetDateTime.parse("2026-01-02T08:00:00Z")),
                "impact_half_index_rule");
        refused("impact_summaries", impact("period_type", "annual", "half_index", 2,
                "generated_at", OffsetDateTime.parse("2026-01-02T08:00:00Z")), "impact_half_index_rule");
        accepted("impact_summaries", impact("period_type", "annual", "half_index", null,
                "generated_at", OffsetDateTime.parse("2026-01-02T08:00:00Z")));
    }

    // ---- item 1: seed 003 generated_at_after_period_end

    @Test
    void anImpactSummaryIsGeneratedOnlyAfterItsPeriodEnded() {
        // half 1 of 2025 ends on 30 June; even in UTC+14 it has ended by 2025-06-30T10:00Z
        accepted("impact_summaries", impact("generated_at", OffsetDateTime.parse("2025-06-30T10:00:00Z")));
        refused("impact_summaries", impact("half_index", 2, "generated_at", OffsetDateTime.parse("2025-12-07T08:00:00Z")),
                "impact_generated_after_period_end");
        refused("impact_summaries", impact("period_type", "annual", "half_index", null,
                "generated_at", OffsetDateTime.parse("2025-12-31T09:59:59Z")), "impact_generated_after_period_end");
        accepted("impact_summaries", impact("period_type", "annual", "half_index", null,
                "generated_at", OffsetDateTime.parse("2025-12-31T10:00:00Z")));
        refused("impact_summaries", impact("year", 2026, "half_index", 1,
                "generated_at", OffsetDateTime.parse("2026-06-29T12:00:00+02:00")), "impact_generated_after_period_end");
    }

    @Test
    void anImpactErrorMessageBelongsToAnErrorRowOnly() {
        accepted("impact_summaries", impact("status", "error", "error_message", "IllegalStateException: boom"));
        refused("impact_summaries", impact("half_index", 2, "generated_at", OffsetDateTime.parse("2026-01-02T08:00:00Z"),
                "error_message", "left over"), "impact_error_message_only_on_error");
    }

    // ---- item 7: non-negative metrics (implemented, untested until now)

    @Test
    void metricsAreNeverNegative() {
        accepted("annual_summaries", annual());
        refused("annual_summaries", annual("year", 2024, "total_activities", -1), CHECK);
        refused("annual_summaries", annual("year", 2024, "total_hours", new java.math.BigDecimal("-0.01")), CHECK);
        refused("annual_summaries", annual("year", 2024, "contacts_supported", -1), CHECK);
        refused("annual_summaries", annual("year", 2024, "total_events_attended", -1), CHECK);
        refused("annual_summaries", annual("year", 2024, "longest_streak_days", -1), CHECK);
        refused("annual_summaries", annual("year", 2024, "shared_count", -1), CHECK);
        accepted("impact_summaries", impact());
        refused("impact_summaries", impact("half_index", 2, "contacts_helped", -1,
                "generated_at", OffsetDateTime.parse("2026-01-02T08:00:00Z")), CHECK);
        refused("impact_summaries", impact("half_index", 2, "activities_count", -1,
                "generated_at", OffsetDateTime.parse("2026-01-02T08:00:00Z")), CHECK);
        accepted("periodic_summaries", periodic());
        refused("periodic_summaries", periodic("quarter", 2, "total_sessions", -1, "outlier_status", "underactive"), CHECK);
        refused("periodic_summaries", periodic("quarter", 2, "total_hours", new java.math.BigDecimal("-1.00")), CHECK);
        int stored = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM annual_summaries").mapTo(Integer.class).one());
        assertThat(stored).as("only the valid row").isOne();
    }

    // ---- item 7: user references (implemented, untested until now)

    @Test
    void everySummaryAndAwardNamesAUserThatExists() {
        refused("annual_summaries", annual("user_id", "u-nobody"), "FOREIGN KEY");
        refused("annual_summaries", annual("peer_mentor_id", "pm-nobody"), "FOREIGN KEY");
        refused("impact_summaries", impact("user_id", "u-nobody"), "FOREIGN KEY");
        refused("periodic_summaries", periodic("user_id", "u-nobody"), "FOREIGN KEY");
        refused("periodic_summaries", periodic("coordinator_id", "u-nobody"), "FOREIGN KEY");
        UUID badge = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT id FROM achievements FETCH FIRST 1 ROW ONLY").mapTo(UUID.class).one());
        refused("user_achievements", new LinkedHashMap<>(Map.of("user_id", "u-nobody", "achievement_id", badge,
                "period_key", "once", "awarded_at", OffsetDateTime.parse("2025-05-01T08:00:00Z"))), "FOREIGN KEY");
        accepted("user_achievements", new LinkedHashMap<>(Map.of("user_id", "u1", "achievement_id", badge,
                "period_key", "once", "awarded_at", OffsetDateTime.parse("2025-05-01T08:00:00Z"))));
    }

    // ---- item 7: status (values, the two columns of one lifecycle, ready needs generated_at)

    @Test
    void anAnnualStatusIsOneOfTheLifecycleAndItsTwoColumnsAgree() {
        refused("annual_summaries", annual("status", "complete"), CHECK);
        refused("annual_summaries", annual("generation_status", "ready"), CHECK);
        refused("annual_summaries", annual("status", "ready", "generation_status", "failed"), "annual_status_matches_generation_status");
        refused("annual_summaries", annual("status", "generating", "generation_status", "complete"), "annual_status_matches_generation_status");
        refused("annual_summaries", annual("status", "failed", "generation_status", "complete"), "annual_status_matches_generation_status");
        refused("annual_summaries", annual("status", "ready", "data_sufficiency", false), "annual_sufficiency_matches_status");
        refused("annual_summaries", annual("status", "insufficient", "data_sufficiency", true), "annual_sufficiency_matches_status");
        refused("annual_summaries", annual("generated_at", null), "annual_generated_at_when_ready");
        int year = 2010;
        for (String[] pair : new String[][] {{"pending", "pending"}, {"generating", "running"}, {"ready", "complete"},
                {"insufficient", "complete"}, {"failed", "failed"}}) {
            accepted("annual_summaries", annual("year", year++, "status", pair[0], "generation_status", pair[1],
                    "data_sufficiency", !pair[0].equals("insufficient") && !pair[0].equals("failed")));
        }
    }

    @Test
    void anImpactStatusIsOneOfTheLifecycle() {
        refused("impact_summaries", impact("status", "failed"), CHECK);
        refused("impact_summaries", impact("status", "complete"), CHECK);
        accepted("impact_summaries", impact("status", "generating"));
    }
}
