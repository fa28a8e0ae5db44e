package org.impactdesk.store;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.impactdesk.access.Scope;
import org.impactdesk.domain.MentorRef;
import org.impactdesk.domain.StoredSummaries;
import org.impactdesk.domain.SummaryJson;
import org.impactdesk.store.MentorSummaryReader;
import org.jdbi.v3.core.Jdbi;

/**
 * The Mentor screen's reads of stored summaries, filtered by the scope in SQL
 * ({@link Scope#SQL_SUMMARY_FILTER} on the mentor's {@code peer_mentors} row).
 */
public final class MentorSummaryDao implements MentorSummaryReader {
    /** The mentors in scope, with the predicate written for the scope's kind and the acting user's own row (see {@link Scope#summaryRowsSql}). */
    private static String mentorColumns(Scope scope) {
        return """
                SELECT pm.id AS peer_mentor_id, pm.user_id, u.display_name, pm.organization_id, la.name AS association_name
                FROM peer_mentors pm JOIN users u ON u.id = pm.user_id
                  LEFT JOIN local_associations la ON la.id = pm.primary_local_association_id
                WHERE""" + " " + scope.summaryRowsSql("pm.id");
    }

    private final Jdbi jdbi;

    public MentorSummaryDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<MentorRef> mentorsInScope(Scope scope) {
        return jdbi.withHandle(h -> h.createQuery(mentorColumns(scope) + " ORDER BY u.display_name, pm.id")
                .bindMethods("scope", scope)
                .map((rs, ctx) -> mentorRef(rs))
                .list());
    }

    @Override
    public Optional<MentorRef> mentor(Scope scope, String peerMentorId) {
        return jdbi.withHandle(h -> h.createQuery(mentorColumns(scope) + " AND pm.id = :id")
                .bindMethods("scope", scope)
                .bind("id", peerMentorId)
                .map((rs, ctx) -> mentorRef(rs))
                .findOne());
    }

    @Override
    public List<StoredSummaries.Annual> annualSummaries(Scope scope, String peerMentorId) {
        return jdbi.withHandle(h -> {
            record Raw(int year, String status, boolean sufficient, int activities, BigDecimal hours,
                       String months, String milestones, String awards, Instant generatedAt) {}
            List<Raw> raws = h.createQuery("""
                    SELECT s.year, s.status, s.data_sufficiency, s.total_activities, s.total_hours,
                           s.monthly_distribution, s.milestones, s.achievements_earned, s.generated_at
                    FROM annual_summaries s JOIN peer_mentors pm ON pm.id = s.peer_mentor_id
                    WHERE s.peer_mentor_id = :id AND""" + " " + Scope.SQL_SUMMARY_FILTER + " AND "
                    + Scope.SQL_ANNUAL_RELEASED_FOR_SELF + " ORDER BY s.year")
                    .bindMethods("scope", scope)
                    .bind("id", peerMentorId)
                    .map((rs, ctx) -> new Raw(rs.getInt("year"), rs.getString("status"),
                            rs.getBoolean("data_sufficiency"), rs.getInt("total_activities"),
                            rs.getBigDecimal("total_hours"), rs.getString("monthly_distribution"),
                            rs.getString("milestones"), rs.getString("achievements_earned"),
                            instant(rs, "generated_at")))
                    .list();
            List<StoredSummaries.Annual> out = new ArrayList<>(raws.size());
            for (Raw r : raws) {
                out.add(new StoredSummaries.Annual(r.year(), r.status(), r.sufficient(), r.activities(), r.hours(),
                        SummaryJson.months(r.months()), SummaryJson.milestones(r.milestones()), SummaryJson.awards(r.awards()), r.generatedAt()));
            }
            return out;
        });
    }

    @Override
    public List<StoredSummaries.Periodic> periodicSummaries(Scope scope, String peerMentorId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT s.period_type, s.year, s.quarter, s.half, s.total_sessions, s.total_hours,
                       s.prior_year_total_sessions, s.prior_year_total_hours, s.outlier_status, s.generated_at
                FROM periodic_summaries s JOIN peer_mentors pm ON pm.id = s.peer_mentor_id
                WHERE s.peer_mentor_id = :id AND s.coordinator_id IS NULL AND""" + " " + Scope.SQL_SUMMARY_FILTER
                + " ORDER BY s.year, s.period_type, s.quarter, s.half")
                .bindMethods("scope", scope)
                .bind("id", peerMentorId)
                .map((rs, ctx) -> new StoredSummaries.Periodic(rs.getString("period_type"), rs.getInt("year"),
                        (Integer) rs.getObject("quarter", Integer.class), (Integer) rs.getObject("half", Integer.class),
                        rs.getInt("total_sessions"), rs.getBigDecimal("total_hours"),
                        (Integer) rs.getObject("prior_year_total_sessions", Integer.class),
                        rs.getBigDecimal("prior_year_total_hours"), rs.getString("outlier_status"),
                        instant(rs, "generated_at")))
                .list());
    }

    @Override
    public List<StoredSummaries.Impact> impactSummaries(Scope scope, String peerMentorId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT s.period_type, s.year, s.half_index, s.status, s.activities_count, s.total_hours,
                       s.headline, s.generated_at
                FROM impact_summaries s JOIN peer_mentors pm ON pm.id = s.peer_mentor_id
                WHERE s.peer_mentor_id = :id AND""" + " " + Scope.SQL_SUMMARY_FILTER
                + " ORDER BY s.year, s.period_type, s.half_index")
                .bindMethods("scope", scope)
                .bind("id", peerMentorId)
                .map((rs, ctx) -> new StoredSummaries.Impact(rs.getString("period_type"), rs.getInt("year"),
                        (Integer) rs.getObject("half_index", Integer.class), rs.getString("status"),
                        rs.getInt("activities_count"), rs.getBigDecimal("total_hours"), rs.getString("headline"),
                        instant(rs, "generated_at")))
                .list());
    }

    private static MentorRef mentorRef(ResultSet rs) throws SQLException {
        return new MentorRef(rs.getString("peer_mentor_id"), rs.getString("user_id"), rs.getString("display_name"),
                rs.getString("organization_id"), rs.getString("association_name"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    @Override
    public Map<String, String> achievementNames(java.util.Collection<String> achievementIds) {
        if (achievementIds.isEmpty()) {
            return Map.of();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT CAST(id AS VARCHAR) AS id, name FROM achievements WHERE CAST(id AS VARCHAR) IN (<ids>)")
                .bindList("ids", List.copyOf(new java.util.LinkedHashSet<>(achievementIds)))
                .map((rs, ctx) -> Map.entry(rs.getString("id"), rs.getString("name")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a)));
    }

    @Override
    public java.util.Set<String> annualAchievements(java.util.Collection<String> achievementIds) {
        if (achievementIds.isEmpty()) {
            return java.util.Set.of();
        }
        return jdbi.withHandle(h -> java.util.Set.copyOf(h.createQuery("SELECT CAST(id AS VARCHAR) AS id FROM achievements "
                        + "WHERE trigger_type = 'annual_summary' AND CAST(id AS VARCHAR) IN (<ids>)")
                .bindList("ids", List.copyOf(new java.util.LinkedHashSet<>(achievementIds)))
                .mapTo(String.class).list()));
    }

    @Override
    public Map<String, String> achievementNamesNb(java.util.Collection<String> achievementIds) {
        if (achievementIds.isEmpty()) {
            return Map.of();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT CAST(id AS VARCHAR) AS id, name_nb FROM achievements "
                        + "WHERE name_nb IS NOT NULL AND CAST(id AS VARCHAR) IN (<ids>)")
                .bindList("ids", List.copyOf(new java.util.LinkedHashSet<>(achievementIds)))
                .map((rs, ctx) -> Map.entry(rs.getString("id"), rs.getString("name_nb")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a)));
    }


}
