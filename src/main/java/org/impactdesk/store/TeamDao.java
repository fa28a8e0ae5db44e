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
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The Team screen's scoped reads of {@code periodic_summaries} (a Jdbi SqlObject: get one with
 * {@code jdbi.onDemand(TeamDao.class)}). Personal rows are filtered with
 * {@link Scope#SQL_MENTOR_FILTER} on the mentor's {@code peer_mentors} row, team rows with
 * {@link Scope#SQL_TEAM_ROW_FILTER}: a coordinator sees their associations' mentors and their own
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

    @Override
    @SqlQuery("SELECT pm.id AS peer_mentor_id, " + LINE_COLUMNS + """

            FROM periodic_summaries s
             JOIN peer_mentors pm ON pm.id = s.peer_mentor_id
             JOIN users u ON u.id = pm.user_id
            WHERE s.coordinator_id IS NULL AND""" + PERIOD + "AND " + Scope.SQL_MENTOR_FILTER
            + " AND " + SummaryInputDao.HAS_PEER_MENTOR_ROLE + " ORDER BY u.display_name, pm.id")
    @RegisterConstructorMapper(StoredLine.class)
    List<StoredLine> mentorLines(@BindMethods("scope") Scope scope, @Bind("type") String periodType,
                                 @Bind("year") int year, @Bind("n") int number);

    @Override
    @SqlQuery("SELECT CAST(NULL AS VARCHAR) AS peer_mentor_id, " + LINE_COLUMNS + """

            FROM periodic_summaries s
             JOIN users u ON u.id = s.coordinator_id
            WHERE s.coordinator_id IS NOT NULL AND""" + PERIOD + "AND " + Scope.SQL_TEAM_ROW_FILTER
            + " ORDER BY u.display_name, s.coordinator_id")
    @RegisterConstructorMapper(StoredLine.class)
    List<StoredLine> teamLines(@BindMethods("scope") Scope scope, @Bind("type") String periodType,
                               @Bind("year") int year, @Bind("n") int number);

    @Override
    @SqlQuery("""
            SELECT pm.id AS owner_id, la.id AS association_id, la.name AS association_name
              FROM peer_mentors pm
              JOIN peer_mentor_associations pma ON pma.peer_mentor_id = pm.id
              JOIN local_associations la ON la.id = pma.local_association_id
             WHERE""" + " " + Scope.SQL_MENTOR_FILTER + " AND " + SummaryInputDao.HAS_PEER_MENTOR_ROLE + " ORDER BY la.name, la.id, pm.id")
    @RegisterConstructorMapper(Membership.class)
    List<Membership> mentorMemberships(@BindMethods("scope") Scope scope);

    @Override
    @SqlQuery("""
            SELECT DISTINCT s.coordinator_id AS owner_id, la.id AS association_id, la.name AS association_name
              FROM periodic_summaries s
              JOIN coordinator_scopes cs ON cs.user_id = s.coordinator_id
              JOIN local_associations la ON la.id = cs.local_association_id AND la.organization_id = s.organisation_id
             WHERE s.coordinator_id IS NOT NULL AND""" + PERIOD + "AND " + Scope.SQL_TEAM_ROW_FILTER
            + " ORDER BY la.name, la.id, s.coordinator_id")
    @RegisterConstructorMapper(Membership.class)
    List<Membership> coordinatorAssociations(@BindMethods("scope") Scope scope, @Bind("type") String periodType,
                                             @Bind("year") int year, @Bind("n") int number);

    @Override
    @SqlQuery("SELECT pm.id AS peer_mentor_id, pm.status, pm.started_on FROM peer_mentors pm WHERE "
            + Scope.SQL_MENTOR_FILTER)
    @RegisterConstructorMapper(MentorStanding.class)
    List<MentorStanding> mentorStandings(@BindMethods("scope") Scope scope);

    @Override
    @SqlQuery("""
            SELECT s.period_type, s.year, s.quarter, s.half
              FROM periodic_summaries s
             WHERE s.coordinator_id IS NULL AND s.peer_mentor_id IN (""" + Scope.SQL_MENTOR_IDS + """
            )
            UNION
            SELECT s.period_type, s.year, s.quarter, s.half
              FROM periodic_summaries s
             WHERE s.coordinator_id IS NOT NULL AND""" + " " + Scope.SQL_TEAM_ROW_FILTER)
    @RegisterConstructorMapper(StoredPeriod.class)
    List<StoredPeriod> periods(@BindMethods("scope") Scope scope);

    @Override
    @SqlQuery("SELECT COALESCE(time_zone, '') FROM organizations WHERE id = :id")
    Optional<String> timeZone(@Bind("id") String organizationId);
}
