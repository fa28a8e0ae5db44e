package org.impactdesk.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.impactdesk.domain.ActivityTypeName;
import org.impactdesk.domain.Coordinator;
import org.impactdesk.domain.CountedActivity;
import org.impactdesk.domain.MentorHistory;
import org.impactdesk.domain.PeerMentor;
import org.jdbi.v3.core.Handle;

/**
 * What summary generation reads, per organisation, within one handle. Not scoped: generation
 * runs with the rights of the operator or an admin, checked by the service before it gets here.
 */
public final class SummaryInputDao {
    /**
     * Issue 14 item 2: a peer mentor is a user who holds the {@code peer_mentor} role (seeds 002 and
     * 003: summaries only for them). The import refuses a {@code peer_mentors} row whose user lacks
     * it; a role removed later by a users.csv import leaves the row, and this predicate (for a query
     * with {@code pm} a {@code peer_mentors} row) keeps that person out of everything computed or
     * listed as peer mentors from then on: generation's mentors (no new or regenerated summary, no
     * badge evaluation), every percentile cohort, team rows and the Team screen's roster. Summaries
     * stored while they held the role stay as they were.
     */
    public static final String HAS_PEER_MENTOR_ROLE = "EXISTS (SELECT 1 FROM user_roles pmr WHERE pmr.user_id = pm.user_id"
            + " AND pmr.role = 'peer_mentor')";

    private final Handle h;

    public SummaryInputDao(Handle h) {
        this.h = h;
    }

    private Connection c() {
        return h.getConnection();
    }

    /**
     * The organisation's peer mentors whose user holds the peer_mentor role ({@link #HAS_PEER_MENTOR_ROLE}):
     * who generation computes, the cohorts and rosters count, and the badges evaluate.
     */
    public List<PeerMentor> mentors(String organizationId) {
        return mentorsWhere("pm.organization_id = :key", organizationId);
    }

    /**
     * One peer mentor as {@link #mentors} reads them (empty when there is no such mentor or their user
     * lacks the peer_mentor role): a preview of one mentor reads their row and associations only,
     * not the organisation's thousands.
     */
    public Optional<PeerMentor> mentor(String peerMentorId) {
        return mentorsWhere("pm.id = :key", peerMentorId).stream().findFirst();
    }

    /** The peer mentors with the peer_mentor role whose {@code peer_mentors} row (alias pm) passes {@code where} (binding :key). */
    private List<PeerMentor> mentorsWhere(String where, String key) {
        Map<String, Set<String>> assoc = new HashMap<>();
        h.createQuery("""
                SELECT pma.peer_mentor_id, pma.local_association_id FROM peer_mentor_associations pma
                JOIN peer_mentors pm ON pm.id = pma.peer_mentor_id WHERE\s""" + where)
                .bind("key", key)
                .map((rs, ctx) -> { assoc.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2)); return 0; })
                .list();
        return h.createQuery("""
                SELECT id, user_id, organization_id, primary_local_association_id, status, started_on
                FROM peer_mentors pm WHERE\s""" + where + " AND " + HAS_PEER_MENTOR_ROLE + " ORDER BY id")
                .bind("key", key)
                .map((rs, ctx) -> {
                    Set<String> las = new HashSet<>(assoc.getOrDefault(rs.getString("id"), Set.of()));
                    las.add(rs.getString("primary_local_association_id"));
                    java.sql.Date d = rs.getDate("started_on");
                    return new PeerMentor(rs.getString("id"), rs.getString("user_id"), rs.getString("organization_id"),
                            rs.getString("primary_local_association_id"), rs.getString("status"),
                            d == null ? null : d.toLocalDate(), las);
                }).list();
    }

    public Map<String, ActivityTypeName> activityTypes() {
        Map<String, ActivityTypeName> m = new LinkedHashMap<>();
        h.createQuery("SELECT id, name, name_nb FROM activity_types ORDER BY id")
                .map((rs, ctx) -> new ActivityTypeName(rs.getString(1), rs.getString(2), rs.getString(3)))
                .forEach(t -> m.put(t.key(), t));
        return m;
    }

    /** Coordinators of the organisation (role coordinator) with the associations in their scope. */
    public List<Coordinator> coordinators(String organizationId) {
        Map<String, Set<String>> scopes = new LinkedHashMap<>();
        h.createQuery("""
                SELECT u.id, cs.local_association_id FROM users u
                JOIN user_roles r ON r.user_id = u.id AND r.role = 'coordinator'
                JOIN coordinator_scopes cs ON cs.user_id = u.id
                WHERE u.organization_id = :org ORDER BY u.id, cs.local_association_id""")
                .bind("org", organizationId)
                .map((rs, ctx) -> { scopes.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2)); return 0; })
                .list();
        List<Coordinator> out = new ArrayList<>();
        scopes.forEach((u, las) -> out.add(new Coordinator(u, organizationId, las)));
        return out;
    }

    /** Events attended (attended = true), by user id. */
    public Map<String, List<MentorHistory.EventRef>> eventsAttended(String organizationId) {
        Map<String, List<MentorHistory.EventRef>> m = new HashMap<>();
        h.createQuery("""
                SELECT ea.user_id, e.id, e.starts_at FROM event_attendance ea JOIN events e ON e.id = ea.event_id
                WHERE ea.attended = TRUE AND e.organization_id = :org""")
                .bind("org", organizationId)
                .map((rs, ctx) -> { m.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new MentorHistory.EventRef(rs.getString(2), instant(rs, 3))); return 0; })
                .list();
        return m;
    }

    /** Events organised, by organiser user id. */
    public Map<String, List<MentorHistory.EventRef>> eventsOrganized(String organizationId) {
        Map<String, List<MentorHistory.EventRef>> m = new HashMap<>();
        h.createQuery("SELECT organizer_user_id, id, starts_at FROM events WHERE organization_id = :org AND organizer_user_id IS NOT NULL")
                .bind("org", organizationId)
                .map((rs, ctx) -> { m.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new MentorHistory.EventRef(rs.getString(2), instant(rs, 3))); return 0; })
                .list();
        return m;
    }

    /** completed_at of completed assignments, by peer mentor id. */
    public Map<String, List<Instant>> assignmentsCompleted(String organizationId) {
        Map<String, List<Instant>> m = new HashMap<>();
        h.createQuery("""
                SELECT a.peer_mentor_id, a.completed_at FROM assignments a JOIN peer_mentors pm ON pm.id = a.peer_mentor_id
                WHERE pm.organization_id = :org AND a.status = 'completed' AND a.completed_at IS NOT NULL""")
                .bind("org", organizationId)
                .map((rs, ctx) -> { m.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(instant(rs, 2)); return 0; })
                .list();
        return m;
    }

    /** {@link #eventsAttended}, {@link #eventsOrganized} and {@link #assignmentsCompleted} of some mentors only. */
    public record MentorEvents(Map<String, List<MentorHistory.EventRef>> attended, Map<String, List<MentorHistory.EventRef>> organized,
                               Map<String, List<Instant>> assignments) {
    }

    /** The events and assignments of the given mentors (by user ids and peer mentor ids), in chunks of indexed queries. */
    public MentorEvents eventsOf(String organizationId, Collection<String> userIds, Collection<String> peerMentorIds) {
        Map<String, List<MentorHistory.EventRef>> attended = new HashMap<>();
        Map<String, List<MentorHistory.EventRef>> organized = new HashMap<>();
        Map<String, List<Instant>> assignments = new HashMap<>();
        for (List<String> users : chunks(userIds, 500)) {
            // attendance by user first (its index), then those events: a join would start from every
            // event of the organisation
            Map<String, List<String>> eventUsers = new HashMap<>();
            h.createQuery("SELECT user_id, event_id FROM event_attendance WHERE user_id IN (<users>) AND attended = TRUE")
                    .bindList("users", users)
                    .map((rs, ctx) -> { eventUsers.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getString(1));
                        return 0; })
                    .list();
            for (List<String> events : chunks(eventUsers.keySet(), 500)) {
                h.createQuery("SELECT id, starts_at FROM events WHERE id IN (<events>) AND organization_id = :org")
                        .bind("org", organizationId).bindList("events", events)
                        .map((rs, ctx) -> {
                            MentorHistory.EventRef e = new MentorHistory.EventRef(rs.getString(1), instant(rs, 2));
                            for (String u : eventUsers.get(e.eventId())) {
                                attended.computeIfAbsent(u, k -> new ArrayList<>()).add(e);
                            }
                            return 0;
                        })
                        .list();
            }
            h.createQuery("""
                    SELECT organizer_user_id, id, starts_at FROM events
                    WHERE organizer_user_id IN (<users>) AND organization_id = :org""")
                    .bind("org", organizationId).bindList("users", users)
                    .map((rs, ctx) -> { organized.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new MentorHistory.EventRef(rs.getString(2), instant(rs, 3))); return 0; })
                    .list();
        }
        for (List<String> pms : chunks(peerMentorIds, 500)) {
            h.createQuery("""
                    SELECT a.peer_mentor_id, a.completed_at FROM assignments a JOIN peer_mentors pm ON pm.id = a.peer_mentor_id
                    WHERE a.peer_mentor_id IN (<pms>) AND pm.organization_id = :org AND a.status = 'completed'
                      AND a.completed_at IS NOT NULL""")
                    .bind("org", organizationId).bindList("pms", pms)
                    .map((rs, ctx) -> { assignments.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(instant(rs, 2));
                        return 0; })
                    .list();
        }
        return new MentorEvents(attended, organized, assignments);
    }

    /**
     * Badges awarded, by user id: awards of active badges that pass the organisation's module gate
     * (an inactive badge keeps its awards, but they are not surfaced; METRICS.md "Achievements").
     */
    public Map<String, List<MentorHistory.Award>> awards(String organizationId) {
        Map<String, List<MentorHistory.Award>> m = new HashMap<>();
        h.createQuery("""
                SELECT ua.user_id, a.id, a.key, a.name, a.icon_url, ua.awarded_at, a.name_nb FROM user_achievements ua
                JOIN achievements a ON a.id = ua.achievement_id JOIN users u ON u.id = ua.user_id
                WHERE u.organization_id = :org AND a.is_active
                  AND (a.requires_module IS NULL OR EXISTS (SELECT 1 FROM organization_modules om
                       WHERE om.organization_id = u.organization_id AND om.module = a.requires_module))""")
                .bind("org", organizationId)
                .map((rs, ctx) -> { m.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new MentorHistory.Award(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(7), rs.getString(5),
                                instant(rs, 6))); return 0; })
                .list();
        return m;
    }

    /** As {@link #awards(String)}, for the given users only (one indexed query per chunk of users). */
    public Map<String, List<MentorHistory.Award>> awards(String organizationId, Collection<String> userIds) {
        Map<String, List<MentorHistory.Award>> m = new HashMap<>();
        for (List<String> chunk : chunks(userIds, 500)) {
            h.createQuery("""
                    SELECT ua.user_id, a.id, a.key, a.name, a.icon_url, ua.awarded_at, a.name_nb FROM user_achievements ua
                    JOIN achievements a ON a.id = ua.achievement_id JOIN users u ON u.id = ua.user_id
                    WHERE ua.user_id IN (<users>) AND u.organization_id = :org AND a.is_active
                      AND (a.requires_module IS NULL OR EXISTS (SELECT 1 FROM organization_modules om
                           WHERE om.organization_id = u.organization_id AND om.module = a.requires_module))""")
                    .bind("org", organizationId).bindList("users", chunk)
                    .map((rs, ctx) -> { m.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new MentorHistory.Award(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(7), rs.getString(5),
                                    instant(rs, 6))); return 0; })
                    .list();
        }
        return m;
    }

    public static <T> List<List<T>> chunks(Collection<T> all, int size) {
        List<List<T>> out = new ArrayList<>();
        List<T> cur = new ArrayList<>();
        for (T t : all) {
            cur.add(t);
            if (cur.size() == size) {
                out.add(cur);
                cur = new ArrayList<>();
            }
        }
        if (!cur.isEmpty()) {
            out.add(cur);
        }
        return out;
    }

    /**
     * Streams the approved activities of an organisation's mentors, one mentor at a time, mentors
     * in id order (one scan of the table), or of the given mentors only (one indexed query each).
     */
    public void streamActivities(String organizationId, Collection<String> onlyMentors, ZoneId zone,
                                 BiConsumer<String, List<CountedActivity>> perMentor) {
        if (onlyMentors == null) {
            ActivityColumns cols = readActivities(organizationId, null, zone);
            for (String m : cols.mentorIds()) {
                perMentor.accept(m, cols.of(m));
            }
            return;
        }
        try (PreparedStatement ps = c().prepareStatement(COLS + "AND peer_mentor_id = ? AND organization_id = ? ORDER BY started_at")) {
            for (String m : onlyMentors) {
                ps.setString(1, m);
                ps.setString(2, organizationId);
                List<CountedActivity> list = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(activity(rs, zone));
                    }
                }
                perMentor.accept(m, list);
            }
        } catch (SQLException e) {
            throw new DatabaseException("Cannot read activities: " + e.getMessage(), e);
        }
    }

    private static final String COLS = "SELECT peer_mentor_id, id, local_association_id, activity_type, started_at, "
            + "duration_minutes, contact_id, travel_km FROM activities WHERE approval_status = 'approved' ";

    /**
     * The approved activities of an organisation's mentors ({@code onlyMentors} null: all of them, one
     * scan of the table in storage order; else one indexed query per mentor) in compact columns,
     * grouped by mentor.
     */
    public ActivityColumns readActivities(String organizationId, Collection<String> onlyMentors, ZoneId zone) {
        ActivityColumns cols = new ActivityColumns(zone);
        try {
            if (onlyMentors == null) {
                // Lazy execution streams the rows instead of first copying the whole result (which
                // spills to a temporary file past H2's MAX_MEMORY_ROWS): 2-3x faster.
                // (PostgreSQL streams by the fetch size below inside the generation's transaction.)
                boolean h2 = Database.engineOf(c()) == Database.Engine.H2;
                if (h2) {
                    try (Statement lazy = c().createStatement()) {
                        lazy.execute("SET LAZY_QUERY_EXECUTION TRUE");
                    }
                }
                // No ORDER BY: a scan in storage order (the table has no index on organization_id, so
                // this is what a GROUP BY does too). Ordering by mentor through idx_activities_mentor
                // made every row a random lookup (the table is in random-id order); the rows are
                // grouped by mentor in memory instead.
                try (PreparedStatement ps = c().prepareStatement(COLS + "AND organization_id = ?")) {
                    ps.setFetchSize(5000);
                    ps.setString(1, organizationId);
                    read(ps, cols);
                } finally {
                    if (h2) {
                        try (Statement lazy = c().createStatement()) {
                            lazy.execute("SET LAZY_QUERY_EXECUTION FALSE");
                        }
                    }
                }
            } else {
                try (PreparedStatement ps = c().prepareStatement(COLS + "AND peer_mentor_id = ? AND organization_id = ?")) {
                    for (String m : onlyMentors) {
                        ps.setString(1, m);
                        ps.setString(2, organizationId);
                        read(ps, cols);
                    }
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException("Cannot read activities: " + e.getMessage(), e);
        }
        cols.group();
        return cols;
    }

    private static void read(PreparedStatement ps, ActivityColumns cols) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                cols.add(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getInt(6), rs.getString(7), rs.getBigDecimal(8));
            }
        }
    }

    private static CountedActivity activity(ResultSet rs, ZoneId zone) throws SQLException {
        Instant at = rs.getObject(5, OffsetDateTime.class).toInstant();
        BigDecimal km = rs.getBigDecimal(8);
        return new CountedActivity(rs.getString(2), rs.getString(3), rs.getString(4), at, LocalDate.ofInstant(at, zone),
                rs.getInt(6), rs.getString(7), km);
    }

    static Instant instant(ResultSet rs, int col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /**
     * The organisation's mentors whose stored totals may not hold their activities: a stale mark
     * made since generation last read them (or never read).
     */
    public Set<String> changedSinceRead(String organizationId) {
        return new HashSet<>(h.createQuery("""
                SELECT DISTINCT s.peer_mentor_id FROM stale_summary_inputs s
                JOIN peer_mentors pm ON pm.id = s.peer_mentor_id
                LEFT JOIN summary_mentor_reads r ON r.peer_mentor_id = s.peer_mentor_id
                WHERE pm.organization_id = :org AND (r.read_at IS NULL OR s.marked_at >= r.read_at)""")
                .bind("org", organizationId).mapTo(String.class).list());
    }

    /** (peer mentor id, year) pairs a sync marked stale, for this organisation's mentors. */
    public Map<String, Set<Integer>> staleInputs(String organizationId) {
        Map<String, Set<Integer>> m = new HashMap<>();
        h.createQuery("""
                SELECT s.peer_mentor_id, s.year FROM stale_summary_inputs s
                JOIN peer_mentors pm ON pm.id = s.peer_mentor_id WHERE pm.organization_id = :org""")
                .bind("org", organizationId)
                .map((rs, ctx) -> { m.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getInt(2)); return 0; })
                .list();
        return m;
    }

    /** Clears the stale marks of these mentors for these years: one statement per chunk of mentors. */
    public void clearStale(Collection<String> peerMentorIds, Collection<Integer> years) {
        if (years.isEmpty()) {
            return;
        }
        for (List<String> chunk : chunks(peerMentorIds, 500)) {
            h.createUpdate("DELETE FROM stale_summary_inputs WHERE peer_mentor_id IN (<pms>) AND year IN (<years>)")
                    .bindList("pms", chunk).bindList("years", new ArrayList<>(years)).execute();
        }
    }

    /** Marks (mentor, year) pairs stale, as a sync does: one JDBC batch. */
    public void markStale(Map<String, Integer> yearByMentor) {
        if (yearByMentor.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c().prepareStatement(
                """
                MERGE INTO stale_summary_inputs s USING (VALUES (CAST(? AS VARCHAR(64)), CAST(? AS INT))) AS v(m, y)
                ON s.peer_mentor_id = v.m AND s.year = v.y
                WHEN NOT MATCHED THEN INSERT (peer_mentor_id, year) VALUES (v.m, v.y)""")) {
            for (Map.Entry<String, Integer> e : yearByMentor.entrySet()) {
                ps.setString(1, e.getKey());
                ps.setInt(2, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new DatabaseException("Cannot mark summaries stale: " + e.getMessage(), e);
        }
    }

    /**
     * Whether the organisation has a stored summary of a year strictly between {@code after} and
     * {@code before}: index seeks on the organisation indexes (organisation, [period type,] year).
     */
    public boolean anySummaryYearBetween(String organizationId, int after, int before) {
        return h.createQuery("""
                SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM annual_summaries USE INDEX (idx_annual_summaries_organization_year)
                          WHERE organization_id = :org AND year > :a AND year < :b LIMIT 1) x)
                     + (SELECT COUNT(*) FROM (SELECT 1 FROM impact_summaries USE INDEX (idx_impact_summaries_org)
                          WHERE organization_id = :org AND year > :a AND year < :b LIMIT 1) y)
                     + (SELECT COUNT(*) FROM (SELECT 1 FROM periodic_summaries USE INDEX (idx_periodic_summary_outlier_status)
                          WHERE organisation_id = :org AND period_type = 'quarterly' AND year > :a AND year < :b LIMIT 1) z)
                     + (SELECT COUNT(*) FROM (SELECT 1 FROM periodic_summaries USE INDEX (idx_periodic_summary_outlier_status)
                          WHERE organisation_id = :org AND period_type = 'half_year' AND year > :a AND year < :b LIMIT 1) w)""")
                .bind("org", organizationId).bind("a", after).bind("b", before).mapTo(Long.class).one() > 0;
    }

    /**
     * For each mentor, the first year after its given year, outside {@code except}, in which it has
     * a stored summary (mentors with none are absent); one query per chunk of mentors.
     */
    public Map<String, Integer> firstSummaryYearsAfter(Map<String, Integer> yearByMentor, Collection<Integer> except) {
        Map<String, Integer> out = new HashMap<>();
        for (List<String> chunk : chunks(yearByMentor.keySet(), 500)) {
            h.createQuery("""
                    SELECT peer_mentor_id, year FROM annual_summaries WHERE peer_mentor_id IN (<pms>) AND year NOT IN (<except>)
                    UNION SELECT peer_mentor_id, year FROM impact_summaries WHERE peer_mentor_id IN (<pms>) AND year NOT IN (<except>)
                    UNION SELECT peer_mentor_id, year FROM periodic_summaries WHERE peer_mentor_id IN (<pms>)
                        AND year NOT IN (<except>)""")
                    .bindList("pms", chunk).bindList("except", new ArrayList<>(except))
                    .map((rs, ctx) -> {
                        String pm = rs.getString(1);
                        int y = rs.getInt(2);
                        Integer after = yearByMentor.get(pm);
                        if (after != null && y > after) {
                            out.merge(pm, y, Math::min);
                        }
                        return 0;
                    }).list();
        }
        return out;
    }

    // ---- per-mentor quarter totals (bookkeeping for team rows and the cohort)

    /** One row of summary_mentor_totals. */
    public record MentorTotal(String peerMentorId, String localAssociationId, int year, int quarter, int sessions, long minutes) {
    }

    /**
     * Replaces the totals of these mentors (all years) with {@code rows}, inside the caller's
     * transaction (one chunk of a generation run), and notes that their activities were read at
     * {@code readAt} (summary_mentor_reads: stale marks older than that are in the totals).
     */
    public void replaceTotalsOf(String organizationId, Collection<String> mentorIds, List<MentorTotal> rows, Instant readAt) {
        try {
            for (List<String> chunk : chunks(mentorIds, 500)) {
                h.createUpdate("DELETE FROM summary_mentor_totals WHERE peer_mentor_id IN (<pms>)").bindList("pms", chunk).execute();
                h.createUpdate("DELETE FROM summary_mentor_reads WHERE peer_mentor_id IN (<pms>)").bindList("pms", chunk).execute();
            }
            insertTotals(organizationId, rows);
            try (PreparedStatement ins = c().prepareStatement(
                    "INSERT INTO summary_mentor_reads (peer_mentor_id, organization_id, read_at) VALUES (?, ?, ?)")) {
                for (String pm : mentorIds) {
                    ins.setString(1, pm);
                    ins.setString(2, organizationId);
                    ins.setObject(3, readAt.atOffset(java.time.ZoneOffset.UTC));
                    ins.addBatch();
                }
                ins.executeBatch();
            }
        } catch (SQLException e) {
            throw new DatabaseException("Cannot store summary totals: " + e.getMessage(), e);
        }
    }

    /**
     * Drops the totals of mentors no longer in the organisation, or whose user lost the peer_mentor
     * role (a full run replaced everyone else's).
     */
    public void dropTotalsOfFormerMentors(String organizationId) {
        h.createUpdate("""
                DELETE FROM summary_mentor_totals WHERE organization_id = :org
                AND peer_mentor_id NOT IN (SELECT pm.id FROM peer_mentors pm WHERE pm.organization_id = :org
                    AND\s""" + HAS_PEER_MENTOR_ROLE + ")")
                .bind("org", organizationId).execute();
        h.createUpdate("""
                DELETE FROM summary_mentor_months WHERE organization_id = :org
                AND peer_mentor_id NOT IN (SELECT id FROM peer_mentors WHERE organization_id = :org)""")
                .bind("org", organizationId).execute();
    }

    /**
     * One row of summary_mentor_months: a mentor's counted sessions in one local month, and what the
     * contacts and streak badges need of it (achievement/MonthFigures: the runs of days in a row from
     * the 1st, to the last day, the longest; the contacts as numbers); the runs are null in a month
     * stored before V103 (not yet computed).
     */
    public record MentorMonth(String peerMentorId, int year, int month, int sessions, Integer firstRun, Integer lastRun,
                              Integer longestRun, String contacts) {
    }

    /** Replaces the months of these mentors (all years) with {@code rows}, inside the caller's transaction. */
    public void replaceMonthsOf(String organizationId, Collection<String> mentorIds, List<MentorMonth> rows) {
        try {
            for (List<String> chunk : chunks(mentorIds, 500)) {
                h.createUpdate("DELETE FROM summary_mentor_months WHERE peer_mentor_id IN (<pms>)").bindList("pms", chunk).execute();
            }
            try (PreparedStatement ins = c().prepareStatement("""
                    INSERT INTO summary_mentor_months (peer_mentor_id, organization_id, year, month, sessions,
                        first_run, last_run, longest_run, contacts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                int n = 0;
                for (MentorMonth m : rows) {
                    ins.setString(1, m.peerMentorId());
                    ins.setString(2, organizationId);
                    ins.setInt(3, m.year());
                    ins.setInt(4, m.month());
                    ins.setInt(5, m.sessions());
                    ins.setObject(6, m.firstRun(), java.sql.Types.INTEGER);
                    ins.setObject(7, m.lastRun(), java.sql.Types.INTEGER);
                    ins.setObject(8, m.longestRun(), java.sql.Types.INTEGER);
                    ins.setString(9, m.contacts());
                    ins.addBatch();
                    if (++n % 2000 == 0) {
                        ins.executeBatch();
                    }
                }
                ins.executeBatch();
            }
        } catch (SQLException e) {
            throw new DatabaseException("Cannot store summary months: " + e.getMessage(), e);
        }
    }

    private void insertTotals(String organizationId, List<MentorTotal> rows) throws SQLException {
        try (PreparedStatement ins = c().prepareStatement("""
                INSERT INTO summary_mentor_totals (peer_mentor_id, organization_id, local_association_id, year, quarter,
                    sessions, minutes) VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            int n = 0;
            for (MentorTotal t : rows) {
                ins.setString(1, t.peerMentorId());
                ins.setString(2, organizationId);
                ins.setString(3, t.localAssociationId());
                ins.setInt(4, t.year());
                ins.setInt(5, t.quarter());
                ins.setInt(6, t.sessions());
                ins.setLong(7, t.minutes());
                ins.addBatch();
                if (++n % 2000 == 0) {
                    ins.executeBatch();
                }
            }
            ins.executeBatch();
        }
    }

    /**
     * Every mentor's stored sessions and minutes of {@code year} in the organisation, from the
     * totals the last generation wrote (a few rows a mentor, through the organisation-and-year
     * index): peer mentor id -> {sessions, minutes}. Empty when the organisation was never generated.
     */
    public Map<String, long[]> storedYearTotals(String organizationId, int year) {
        Map<String, long[]> m = new HashMap<>();
        h.createQuery("""
                SELECT peer_mentor_id, SUM(sessions), SUM(minutes) FROM summary_mentor_totals
                WHERE organization_id = :org AND year = :year GROUP BY peer_mentor_id""")
                .bind("org", organizationId).bind("year", year)
                .map((rs, ctx) -> m.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)}))
                .list();
        return m;
    }

    /** The organisation's stored months (summary_mentor_months), by mentor. */
    public Map<String, List<MentorMonth>> monthsByMentor(String organizationId) {
        Map<String, List<MentorMonth>> m = new HashMap<>();
        h.createQuery("""
                SELECT peer_mentor_id, year, month, sessions, first_run, last_run, longest_run, contacts
                FROM summary_mentor_months WHERE organization_id = :org""")
                .bind("org", organizationId)
                .map((rs, ctx) -> {
                    String pm = rs.getString(1);
                    m.computeIfAbsent(pm, k -> new ArrayList<>()).add(new MentorMonth(pm, rs.getInt(2), rs.getInt(3),
                            rs.getInt(4), rs.getObject(5, Integer.class), rs.getObject(6, Integer.class),
                            rs.getObject(7, Integer.class), rs.getString(8)));
                    return 0;
                }).list();
        return m;
    }


    /** The organisation's totals rows, by mentor. */
    public Map<String, List<MentorTotal>> totalsByMentor(String organizationId) {
        Map<String, List<MentorTotal>> m = new HashMap<>();
        h.createQuery("""
                SELECT peer_mentor_id, local_association_id, year, quarter, sessions, minutes
                FROM summary_mentor_totals WHERE organization_id = :org""")
                .bind("org", organizationId)
                .map((rs, ctx) -> {
                    String pm = rs.getString(1);
                    m.computeIfAbsent(pm, k -> new ArrayList<>()).add(new MentorTotal(pm, rs.getString(2), rs.getInt(3),
                            rs.getInt(4), rs.getInt(5), rs.getLong(6)));
                    return 0;
                }).list();
        return m;
    }

}
