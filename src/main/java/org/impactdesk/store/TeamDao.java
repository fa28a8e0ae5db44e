package org.impactdesk.store;

import java.util.List;
import java.util.Optional;
import org.impactdesk.access.Scope;
import org.impactdesk.domain.Membership;
import org.impactdesk.domain.MentorStanding;
import org.impactdesk.domain.StoredLine;
import org.impactdesk.domain.StoredPeriod;
import org.impactdesk.store.TeamReader;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The Team screen's scoped reads of {@code periodic_summaries} (a Jdbi SqlObject: get one with
 * {@code jdbi.onDemand(TeamDao.class)}). Personal rows are filtered with
 * {@link Scope#mentorRowsSql} on the mentor's {@code peer_mentors} row, team rows with
 * {@link Scope#teamRowsSql}: a coordinator sees their associations' mentors and their own
 * team row, an org admin their organisation, nobody another organisation. The roster lists only
 * users who hold the peer_mentor role ({@link SummaryInputDao#HAS_PEER_MENTOR_ROLE}).
 */
public interface TeamDao extends TeamReader {

    String LINE_COLUMNS = """
            s.user_id, s.coordinator_id, u.display_name, s.total_sessions, s.total_hours,
            s.yoy_delta_sessions, s.yoy_delta_hours, s.yoy_delta_percent,
            s.prior_year_total_sessions, s.prior_year_total_hours, s.outlier_status,
            s.underactive_threshold_sessions, s.overloaded_threshold_sessions""";

    /** The period of a query, surrounded by spaces. */
    String PERIOD = " s.period_type = :type AND s.year = :year"
            + " AND ((s.period_type = 'quarterly' AND s.quarter = :n) OR (s.period_type = 'half_year' AND s.half = :n)) ";

    // Each read takes the scope twice: bound (:scope.*) and as SQL written for its kind (Scope's
    // mentorRowsSql, mentorIdsSql, teamRowsSql, put in with @Define), so that H2 plans the
    // coordinator's query from their associations instead of testing a four-way OR on every row.

    /**
     * A coordinator's or a peer mentor's lines start from their mentors ({@link Scope#mentorIdsOnceSql})
     * and look up each one's row of the period in the mentor-and-period index (V64): 211 rows read for
     * a coordinator's 238 mentors on the benchmark database, where {@code s.peer_mentor_id IN (...)}
     * read every stored row of those mentors (3,032) through the mentor id alone. An admin's are the
     * organisation's rows of the period.
     */
    @Override
    default List<StoredLine> mentorLines(Scope scope, String periodType, int year, int number) {
        if (scope.looksUpMentors()) {
            return mentorLines(scope, "(" + scope.mentorIdsOnceSql() + ") m (id)"
                    + " JOIN periodic_summaries s USE INDEX (idx_periodic_summary_mentor_period) ON s.peer_mentor_id = m.id",
                    "1 = 1", periodNumber(periodType), periodType, year, number);
        }
        return mentorLines(scope, "periodic_summaries s", scope.mentorRowsSql("s.peer_mentor_id"), periodNumber(periodType),
                periodType, year, number);
    }

    /** The condition on the quarter or half of {@code periodType} ('quarterly' or 'half_year'), bound as :n. */
    static String periodNumber(String periodType) {
        return switch (periodType) {
            case "quarterly" -> "s.quarter = :n";
            case "half_year" -> "s.half = :n";
            default -> throw new IllegalArgumentException("The Team table shows quarters and halves, not " + periodType);
        };
    }

    @SqlQuery("SELECT pm.id AS peer_mentor_id, " + LINE_COLUMNS + """

            FROM <from>
             JOIN peer_mentors pm ON pm.id = s.peer_mentor_id
             JOIN users u ON u.id = pm.user_id
            WHERE s.coordinator_id IS NULL AND s.period_type = :type AND s.year = :year AND <number>
              AND <inScope> AND""" + " " + SummaryInputDao.HAS_PEER_MENTOR_ROLE + " ORDER BY u.display_name, pm.id")
    @RegisterConstructorMapper(StoredLine.class)
    List<StoredLine> mentorLines(@BindMethods("scope") Scope scope, @Define("from") String from,
                                 @Define("inScope") String inScope, @Define("number") String number,
                                 @Bind("type") String periodType, @Bind("year") int year, @Bind("n") int periodNumber);

    @Override
    default List<StoredLine> teamLines(Scope scope, String periodType, int year, int number) {
        return teamLines(scope, scope.teamRowsSql(), periodType, year, number);
    }

    @SqlQuery("SELECT CAST(NULL AS VARCHAR) AS peer_mentor_id, " + LINE_COLUMNS + """

            FROM periodic_summaries s
             JOIN users u ON u.id = s.coordinator_id
            WHERE s.coordinator_id IS NOT NULL AND""" + PERIOD + "AND <inScope> ORDER BY u.display_name, s.coordinator_id")
    @RegisterConstructorMapper(StoredLine.class)
    List<StoredLine> teamLines(@BindMethods("scope") Scope scope, @Define("inScope") String inScope,
                               @Bind("type") String periodType, @Bind("year") int year, @Bind("n") int number);

    @Override
    default List<Membership> mentorMemberships(Scope scope) {
        return mentorMemberships(scope, scope.mentorRowsSql("pma.peer_mentor_id"));
    }

    @SqlQuery("""
            SELECT pm.id AS owner_id, la.id AS association_id, la.name AS association_name
              FROM peer_mentors pm
              JOIN peer_mentor_associations pma ON pma.peer_mentor_id = pm.id
              JOIN local_associations la ON la.id = pma.local_association_id
             WHERE <inScope> AND""" + " " + SummaryInputDao.HAS_PEER_MENTOR_ROLE + " ORDER BY la.name, la.id, pm.id")
    @RegisterConstructorMapper(Membership.class)
    List<Membership> mentorMemberships(@BindMethods("scope") Scope scope, @Define("inScope") String inScope);

    /**
     * A coordinator's own team row is looked up in the coordinator index: H2 otherwise walks the
     * organisation's rows of the period in the outlier index (10,230 entries on the benchmark database)
     * to find it.
     */
    @Override
    default List<Membership> coordinatorAssociations(Scope scope, String periodType, int year, int number) {
        return coordinatorAssociations(scope, scope.teamRowsSql(), scope.kind() == Scope.Kind.ASSOCIATIONS
                ? "USE INDEX (idx_periodic_summary_coordinator_period)" : "", periodType, year, number);
    }

    @SqlQuery("""
            SELECT DISTINCT s.coordinator_id AS owner_id, la.id AS association_id, la.name AS association_name
              FROM periodic_summaries s <teamIndex>
              JOIN coordinator_scopes cs ON cs.user_id = s.coordinator_id
              JOIN local_associations la ON la.id = cs.local_association_id AND la.organization_id = s.organisation_id
             WHERE s.coordinator_id IS NOT NULL AND""" + PERIOD + "AND <inScope> ORDER BY la.name, la.id, s.coordinator_id")
    @RegisterConstructorMapper(Membership.class)
    List<Membership> coordinatorAssociations(@BindMethods("scope") Scope scope, @Define("inScope") String inScope,
                                             @Define("teamIndex") String teamIndex, @Bind("type") String periodType,
                                             @Bind("year") int year, @Bind("n") int number);

    /**
     * The predicate written for the scope's kind ({@link Scope#mentorRowsSql}): a coordinator's mentors
     * are looked up from their associations, not found by testing the four kinds' predicate on each of
     * the organisation's mentors.
     */
    @Override
    default List<MentorStanding> mentorStandings(Scope scope) {
        return mentorStandings(scope, scope.mentorRowsSql("pm.id"));
    }

    @SqlQuery("SELECT pm.id AS peer_mentor_id, pm.status, pm.started_on FROM peer_mentors pm WHERE <inScope>")
    @RegisterConstructorMapper(MentorStanding.class)
    List<MentorStanding> mentorStandings(@BindMethods("scope") Scope scope, @Define("inScope") String inScope);

    /**
     * The periods: the personal rows' from the mentor-and-period index alone (V64; a personal row is
     * one with a mentor id), the team rows' of a coordinator from the coordinator index (H2 would
     * otherwise read the organisation's whole outlier index, which also holds coordinator_id).
     */
    @Override
    default List<StoredPeriod> periods(Scope scope) {
        return periods(scope, scope.mentorIdsSql(), scope.teamRowsSql(), scope.kind() == Scope.Kind.ASSOCIATIONS
                ? "USE INDEX (idx_periodic_summary_coordinator_period)" : "");
    }

    @SqlQuery("""
            SELECT s.period_type, s.year, s.quarter, s.half
              FROM periodic_summaries s
             WHERE s.peer_mentor_id IN (<mentorIds>)
            UNION
            SELECT s.period_type, s.year, s.quarter, s.half
              FROM periodic_summaries s <teamIndex>
             WHERE s.coordinator_id IS NOT NULL AND <teamRows>""")
    @RegisterConstructorMapper(StoredPeriod.class)
    List<StoredPeriod> periods(@BindMethods("scope") Scope scope, @Define("mentorIds") String mentorIds,
                               @Define("teamRows") String teamRows, @Define("teamIndex") String teamIndex);

    @Override
    @SqlQuery("SELECT COALESCE(time_zone, '') FROM organizations WHERE id = :id")
    Optional<String> timeZone(@Bind("id") String organizationId);
}
