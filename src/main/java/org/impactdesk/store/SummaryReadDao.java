package org.impactdesk.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.impactdesk.access.Scope;
import org.impactdesk.domain.AnnualSummary;
import org.impactdesk.domain.ImpactSummary;
import org.impactdesk.domain.PeerMentor;
import org.impactdesk.domain.Period;
import org.impactdesk.domain.PeriodicSummary;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * Scoped reads of the three summary tables (and the two counters that change after
 * generation). Every method takes the {@link Scope} and filters in SQL: a peer mentor sees their
 * own rows, a coordinator their associations' mentors (and their own team rows), an org admin
 * their organisation, nobody another organisation.
 */
public final class SummaryReadDao {
    private static final String ANNUAL_COLS = """
            s.id, s.user_id, s.peer_mentor_id, s.organization_id, s.local_association_id, s.year, s.status,
            s.generation_status, s.generation_error, s.data_sufficiency, s.total_activities, s.total_hours,
            s.total_contacts_supported, s.contacts_supported, s.total_events_attended, s.total_travel_km,
            s.activity_breakdown, s.activity_type_breakdown, s.monthly_distribution, s.busiest_month, s.longest_streak_days,
            s.activity_streaks, s.percentile_rank, s.top_contacts, s.impact_metrics, s.milestones, s.achievements_earned,
            s.slide_data, s.payload_json, s.share_image_url, s.share_image_key, s.share_pdf_key, s.shared_count,
            s.generated_at, s.viewed_at, s.created_at, s.updated_at""";
    private static final String IMPACT_COLS = """
            s.id, s.user_id, s.period_type, s.year, s.half_index, s.status, s.error_message, s.activities_count,
            s.total_hours, s.contacts_helped, s.assignments_completed, s.metrics_json, s.milestones, s.headline,
            s.notification_sent, s.share_count, s.generated_at, s.created_at, s.updated_at, s.organization_id, s.peer_mentor_id""";
    private static final String PERIODIC_COLS = """
            s.id, s.user_id, s.organisation_id, s.coordinator_id, s.period_type, s.year, s.quarter, s.half, s.period_start,
            s.period_end, s.total_sessions, s.total_hours, s.yoy_delta_sessions, s.yoy_delta_hours, s.yoy_delta_percent,
            s.prior_year_total_sessions, s.prior_year_total_hours, s.outlier_status, s.underactive_threshold_sessions,
            s.overloaded_threshold_sessions, s.generated_at, s.notification_sent_at, s.peer_mentor_id""";
    /** A mentor's summaries: the scope's mentors and the actor's own (issue 14 item 8). */
    private static final String FILTER = Scope.SQL_SUMMARY_FILTER;
    /** Team rows: the coordinator's own, their organisation's for an org admin, all for everything. */
    private static final String TEAM_FILTER = Scope.SQL_TEAM_ROW_FILTER;

    private final Jdbi jdbi;

    public SummaryReadDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    private static Handle mappers(Handle h) {
        h.registerRowMapper(ConstructorMapper.factory(AnnualSummary.class));
        h.registerRowMapper(ConstructorMapper.factory(ImpactSummary.class));
        h.registerRowMapper(ConstructorMapper.factory(PeriodicSummary.class));
        return h;
    }

    // ---- mentors

    public Optional<PeerMentor> visibleMentor(Scope scope, String peerMentorId) {
        return jdbi.withHandle(h -> {
            Optional<String> org = h.createQuery("SELECT pm.organization_id FROM peer_mentors pm WHERE pm.id = :id AND " + FILTER)
                    .bind("id", peerMentorId).bindMethods("scope", scope).mapTo(String.class).findOne();
            if (org.isEmpty()) {
                return Optional.<PeerMentor>empty();
            }
            return new SummaryInputDao(h).mentor(peerMentorId);
        });
    }

    /** Counted minutes per peer mentor of an organisation between two instants (inclusive end), for a cohort. */
    public List<Long> cohortMinutes(String organizationId, Instant start, Instant endInclusive) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT SUM(a.duration_minutes) FROM activities a JOIN peer_mentors pm ON pm.id = a.peer_mentor_id
                WHERE pm.organization_id = :org AND a.approval_status = 'approved' AND\s""" + SummaryInputDao.HAS_PEER_MENTOR_ROLE + """

                  AND a.started_at >= :start AND a.started_at <= :end GROUP BY a.peer_mentor_id""")
                .bind("org", organizationId).bind("start", start).bind("end", endInclusive).mapTo(Long.class).list());
    }

    // ---- annual

    public Optional<AnnualSummary> annual(Scope scope, String peerMentorId, int year) {
        return jdbi.withHandle(h -> mappers(h).createQuery("SELECT " + ANNUAL_COLS + """
                 FROM annual_summaries s JOIN peer_mentors pm ON pm.id = s.peer_mentor_id
                WHERE s.peer_mentor_id = :pm AND s.year = :year AND """ + FILTER + " AND " + Scope.SQL_ANNUAL_RELEASED_FOR_SELF)
                .bind("pm", peerMentorId).bind("year", year).bindMethods("scope", scope)
                .mapTo(AnnualSummary.class).findOne());
    }

    /** Every annual summary of the year in scope, ordered by id. */
    public List<AnnualSummary> annualList(Scope scope, int year) {
        return jdbi.withHandle(h -> mappers(h).createQuery("SELECT " + ANNUAL_COLS + """
                 FROM annual_summaries s JOIN peer_mentors pm ON pm.id = s.peer_mentor_id
                WHERE s.year = :year AND """ + FILTER + " AND " + Scope.SQL_ANNUAL_RELEASED_FOR_SELF + " ORDER BY s.id")
                .bind("year", year).bindMethods("scope", scope).mapTo(AnnualSummary.class).list());
    }

    /** Sets viewed_at at the first view only; true when this call set it. */
    public boolean markViewed(Scope scope, UUID annualId, Instant at) {
        return jdbi.withHandle(h -> h.createUpdate("""
                UPDATE annual_summaries s SET viewed_at = :at WHERE s.id = :id AND s.viewed_at IS NULL
                AND EXISTS (SELECT 1 FROM peer_mentors pm WHERE pm.id = s.peer_mentor_id AND """ + FILTER + ")")
                .bind("at", at).bind("id", annualId).bindMethods("scope", scope).execute() == 1);
    }

    /** shared_count + 1, atomically in SQL; only ready summaries are shared. True when counted. */
    public boolean incrementAnnualShared(Scope scope, UUID annualId) {
        return jdbi.withHandle(h -> h.createUpdate("""
                UPDATE annual_summaries s SET shared_count = shared_count + 1 WHERE s.id = :id AND s.status = 'ready'
                AND EXISTS (SELECT 1 FROM peer_mentors pm WHERE pm.id = s.peer_mentor_id AND """ + FILTER + ")")
                .bind("id", annualId).bindMethods("scope", scope).execute() == 1);
    }

    // ---- impact

    /** half null: the annual impact summary; 1 or 2: the half-year one. */
    public Optional<ImpactSummary> impact(Scope scope, String peerMentorId, int year, Integer half) {
        return jdbi.withHandle(h -> mappers(h).createQuery("SELECT " + IMPACT_COLS + """
                 FROM impact_summaries s JOIN peer_mentors pm ON pm.id = s.peer_mentor_id
                WHERE s.peer_mentor_id = :pm AND s.year = :year AND s.period_type = :type
                  AND (s.half_index = :half OR (s.half_index IS NULL AND CAST(:half AS INT) IS NULL)) AND """ + FILTER)
                .bind("pm", peerMentorId).bind("year", year).bind("type", half == null ? "annual" : "half_year")
                .bind("half", half).bindMethods("scope", scope).mapTo(ImpactSummary.class).findOne());
    }

    public List<ImpactSummary> impactList(Scope scope, int year, Integer half) {
        return jdbi.withHandle(h -> mappers(h).createQuery("SELECT " + IMPACT_COLS + """
                 FROM impact_summaries s JOIN peer_mentors pm ON pm.id = s.peer_mentor_id
                WHERE s.year = :year AND s.period_type = :type
                  AND (s.half_index = :half OR (s.half_index IS NULL AND CAST(:half AS INT) IS NULL)) AND """ + FILTER
                + " ORDER BY s.id")
                .bind("year", year).bind("type", half == null ? "annual" : "half_year").bind("half", half)
                .bindMethods("scope", scope).mapTo(ImpactSummary.class).list());
    }

    public boolean incrementImpactShared(Scope scope, UUID impactId) {
        return jdbi.withHandle(h -> h.createUpdate("""
                UPDATE impact_summaries s SET share_count = share_count + 1 WHERE s.id = :id AND s.status = 'ready'
                AND EXISTS (SELECT 1 FROM peer_mentors pm WHERE pm.id = s.peer_mentor_id AND """ + FILTER + ")")
                .bind("id", impactId).bindMethods("scope", scope).execute() == 1);
    }

    // ---- periodic (personal) and team rows

    private static String periodWhere(Period p) {
        return p instanceof Period.Quarter
                ? " s.period_type = 'quarterly' AND s.year = :year AND s.quarter = :n "
                : " s.period_type = 'half_year' AND s.year = :year AND s.half = :n ";
    }

    private static int periodNumber(Period p) {
        return switch (p) {
            case Period.Quarter q -> q.quarter();
            case Period.Half hf -> hf.half();
            case Period.Year y -> throw new IllegalArgumentException("periodic summaries are quarterly or half-year");
        };
    }

    public Optional<PeriodicSummary> periodic(Scope scope, String peerMentorId, Period p) {
        return jdbi.withHandle(h -> mappers(h).createQuery("SELECT " + PERIODIC_COLS
                + " FROM periodic_summaries s JOIN peer_mentors pm ON pm.id = s.peer_mentor_id"
                + " WHERE s.coordinator_id IS NULL AND s.peer_mentor_id = :pm AND" + periodWhere(p) + "AND " + FILTER)
                .bind("pm", peerMentorId).bind("year", p.year()).bind("n", periodNumber(p)).bindMethods("scope", scope)
                .mapTo(PeriodicSummary.class).findOne());
    }

    /** Personal rows of a period in scope, ordered by id (no team rows). */
    public List<PeriodicSummary> periodicList(Scope scope, Period p) {
        return jdbi.withHandle(h -> mappers(h).createQuery("SELECT " + PERIODIC_COLS
                + " FROM periodic_summaries s JOIN peer_mentors pm ON pm.id = s.peer_mentor_id"
                + " WHERE s.coordinator_id IS NULL AND" + periodWhere(p) + "AND " + FILTER + " ORDER BY s.id")
                .bind("year", p.year()).bind("n", periodNumber(p)).bindMethods("scope", scope)
                .mapTo(PeriodicSummary.class).list());
    }

    public Optional<PeriodicSummary> team(Scope scope, String coordinatorUserId, Period p) {
        return jdbi.withHandle(h -> mappers(h).createQuery("SELECT " + PERIODIC_COLS
                + " FROM periodic_summaries s WHERE s.coordinator_id = :c AND" + periodWhere(p) + "AND " + TEAM_FILTER)
                .bind("c", coordinatorUserId).bind("year", p.year()).bind("n", periodNumber(p)).bindMethods("scope", scope)
                .mapTo(PeriodicSummary.class).findOne());
    }

    public List<PeriodicSummary> teamList(Scope scope, Period p) {
        return jdbi.withHandle(h -> mappers(h).createQuery("SELECT " + PERIODIC_COLS
                + " FROM periodic_summaries s WHERE s.coordinator_id IS NOT NULL AND" + periodWhere(p) + "AND " + TEAM_FILTER
                + " ORDER BY s.id")
                .bind("year", p.year()).bind("n", periodNumber(p)).bindMethods("scope", scope)
                .mapTo(PeriodicSummary.class).list());
    }
}
