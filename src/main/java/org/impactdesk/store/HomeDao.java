package org.impactdesk.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.impactdesk.access.Scope;
import org.impactdesk.domain.Period;
import org.jdbi.v3.core.Jdbi;

/**
 * The Home screen's reads: the stored periodic summaries of a period aggregated in SQL over the
 * peer mentors in scope, the periods that have stored rows, and the last import. Nothing here
 * computes a metric: the sums are of figures the engine stored.
 */
public final class HomeDao {

    /**
     * The personal rows of a period in scope, summed. {@code priorSessions} and {@code priorHours}
     * are NULL when no mentor in scope has prior-year data; {@code yoyPercent} is
     * (Σ sessions − Σ prior sessions) / Σ prior sessions × 100 rounded half-up to 2 decimals,
     * NULL when Σ prior sessions is 0 or NULL (a mentor without prior data adds 0 to the prior sum).
     * {@code underactive} leaves out paused mentors (their stored status is kept as it is);
     * {@code pausedUnderactive} counts those left out.
     */
    public record MentorAggregate(int mentors, int sessions, BigDecimal hours, int activeMentors, int underactive,
                                  int overloaded, Integer priorSessions, BigDecimal priorHours, BigDecimal yoyPercent,
                                  int pausedUnderactive) {
    }

    /** A period with stored rows in scope: {@code kind} "quarterly" or "half_year", {@code number} the quarter or half. */
    public record StoredPeriod(String kind, int year, int number) {
        public Period period() {
            return "quarterly".equals(kind) ? new Period.Quarter(year, number) : new Period.Half(year, number);
        }
    }

    private final Jdbi jdbi;

    public HomeDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    private static String periodWhere(Period p) {
        return switch (p) {
            case Period.Quarter q -> " s.period_type = 'quarterly' AND s.year = :year AND s.quarter = :n ";
            case Period.Half h -> " s.period_type = 'half_year' AND s.year = :year AND s.half = :n ";
            case Period.Year y -> throw new IllegalArgumentException("Home shows quarters and halves, not " + y);
        };
    }

    private static int number(Period p) {
        return p instanceof Period.Quarter q ? q.quarter() : ((Period.Half) p).half();
    }

    /**
     * The personal rows to read, as {@code s}: a coordinator's (or a peer mentor's) are looked up mentor
     * by mentor in the mentor-and-period index (V64), starting from their mentors
     * ({@link Scope#mentorIdsOnceSql}; {@code s.peer_mentor_id IN (...)} read every stored row of
     * those mentors, 3,032 for a coordinator's 238 on the benchmark database, to keep 211); an admin's
     * are the organisation's rows of the period.
     */
    static String mentorRows(Scope scope) {
        return scope.looksUpMentors()
                ? "(" + scope.mentorIdsOnceSql() + ") m (id)"
                + " JOIN periodic_summaries s USE INDEX (idx_periodic_summary_mentor_period) ON s.peer_mentor_id = m.id"
                : "periodic_summaries s";
    }

    public MentorAggregate mentorAggregate(Scope scope, Period period) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT COUNT(*) AS mentors,
                       COALESCE(SUM(s.total_sessions), 0) AS sessions,
                       COALESCE(SUM(s.total_hours), 0) AS hours,
                       COALESCE(SUM(CASE WHEN s.total_sessions > 0 THEN 1 ELSE 0 END), 0) AS active,
                       COALESCE(SUM(CASE WHEN s.outlier_status = 'underactive' AND pm.status <> 'paused' THEN 1 ELSE 0 END), 0)
                           AS underactive,
                       COALESCE(SUM(CASE WHEN s.outlier_status = 'underactive' AND pm.status = 'paused' THEN 1 ELSE 0 END), 0)
                           AS paused_underactive,
                       COALESCE(SUM(CASE WHEN s.outlier_status = 'overloaded' THEN 1 ELSE 0 END), 0) AS overloaded,
                       SUM(s.prior_year_total_sessions) AS prior_sessions,
                       SUM(s.prior_year_total_hours) AS prior_hours,
                       CASE WHEN SUM(s.prior_year_total_sessions) > 0 THEN
                           CAST(ROUND(CAST(SUM(s.total_sessions) - SUM(s.prior_year_total_sessions) AS DECIMAL(30, 10)) * 100
                                / SUM(s.prior_year_total_sessions), 2) AS DECIMAL(12, 2))
                       END AS yoy_percent
                FROM""" + " " + mentorRows(scope) + """
                 JOIN peer_mentors pm ON pm.id = s.peer_mentor_id
                WHERE s.coordinator_id IS NULL AND""" + periodWhere(period) + "AND "
                + (scope.looksUpMentors() ? "1 = 1" : scope.mentorRowsSql("s.peer_mentor_id"))
                + " AND " + SummaryInputDao.HAS_PEER_MENTOR_ROLE)
                .bind("year", period.year()).bind("n", number(period)).bindMethods("scope", scope)
                .map((rs, ctx) -> {
                    int prior = rs.getInt("prior_sessions");
                    Integer priorSessions = rs.wasNull() ? null : prior;
                    return new MentorAggregate(rs.getInt("mentors"), rs.getInt("sessions"),
                            rs.getBigDecimal("hours").setScale(2), rs.getInt("active"), rs.getInt("underactive"),
                            rs.getInt("overloaded"), priorSessions, rs.getBigDecimal("prior_hours"),
                            rs.getBigDecimal("yoy_percent"), rs.getInt("paused_underactive"));
                })
                .one());
    }

    /**
     * Quarters and halves with stored personal rows in scope, newest first. The query names only
     * columns of {@code idx_periodic_summary_mentor_period}, so H2 answers it from the index without
     * reading the rows (an expression or an ORDER BY over them made it read every row of the scope:
     * 5x the CPU on the benchmark database); the few periods are ordered here. The mentors in scope
     * are joined as a derived table, so the index is looked up mentor by mentor: as
     * {@code s.peer_mentor_id IN (subquery)} H2 walked the whole index and tested each entry
     * (63,227 entries for a coordinator's 51 mentors on the benchmark database; 3,269 now).
     */
    public List<StoredPeriod> storedPeriods(Scope scope) {
        List<StoredPeriod> out = new java.util.ArrayList<>(jdbi.withHandle(h -> h.createQuery("""
                SELECT DISTINCT s.period_type, s.year, s.quarter, s.half
                FROM (""" + scope.mentorIdsSql() + """
                ) m (id) JOIN periodic_summaries s ON s.peer_mentor_id = m.id
                WHERE s.coordinator_id IS NULL""")
                .bindMethods("scope", scope)
                .map((rs, ctx) -> {
                    int quarter = rs.getInt("quarter");
                    int number = rs.wasNull() ? rs.getInt("half") : quarter;
                    return new StoredPeriod(rs.getString("period_type"), rs.getInt("year"), number);
                })
                .list()));
        out.sort(java.util.Comparator.comparingInt(StoredPeriod::year).reversed()
                .thenComparing(java.util.Comparator.comparingInt(StoredPeriod::number).reversed())
                .thenComparing(StoredPeriod::kind));
        return out;
    }

    /** When the last import that wrote something finished (the import log is not personal data). */
    public Optional<Instant> lastImport() {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT MAX(COALESCE(finished_at, started_at)) FROM import_log WHERE outcome = 'imported'""")
                .mapTo(Instant.class).findOne());
    }
}
