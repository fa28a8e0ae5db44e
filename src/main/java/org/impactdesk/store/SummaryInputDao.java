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
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.impactdesk.domain.PeerMentor;
import org.impactdesk.summary.ActivityTypeName;
import org.impactdesk.summary.CountedActivity;
import org.impactdesk.summary.MentorHistory;
import org.impactdesk.summary.TeamCalculator;
import org.jdbi.v3.core.Handle;

/**
 * What summary generation reads, per organisation, within one handle. Not scoped: generation
 * runs with the rights of the operator or an admin, checked by the service before it gets here.
 */
public final class SummaryInputDao {
    private final Handle h;

    public SummaryInputDao(Handle h) {
        this.h = h;
    }

    private Connection c() {
        return h.getConnection();
    }

    public List<PeerMentor> mentors(String organizationId) {
        Map<String, Set<String>> assoc = new HashMap<>();
        h.createQuery("""
                SELECT pma.peer_mentor_id, pma.local_association_id FROM peer_mentor_associations pma
                JOIN peer_mentors pm ON pm.id = pma.peer_mentor_id WHERE pm.organization_id = :org""")
                .bind("org", organizationId)
                .map((rs, ctx) -> { assoc.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2)); return 0; })
                .list();
        return h.createQuery("""
                SELECT id, user_id, organization_id, primary_local_association_id, status, started_on
                FROM peer_mentors WHERE organization_id = :org ORDER BY id""")
                .bind("org", organizationId)
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
    public List<TeamCalculator.Coordinator> coordinators(String organizationId) {
        Map<String, Set<String>> scopes = new LinkedHashMap<>();
        h.createQuery("""
                SELECT u.id, cs.local_association_id FROM users u
                JOIN user_roles r ON r.user_id = u.id AND r.role = 'coordinator'
                JOIN coordinator_scopes cs ON cs.user_id = u.id
                WHERE u.organization_id = :org ORDER BY u.id, cs.local_association_id""")
                .bind("org", organizationId)
                .map((rs, ctx) -> { scopes.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2)); return 0; })
                .list();
        List<TeamCalculator.Coordinator> out = new ArrayList<>();
        scopes.forEach((u, las) -> out.add(new TeamCalculator.Coordinator(u, organizationId, las)));
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

    /**
     * Badges awarded, by user id: awards of active badges that pass the organisation's module gate
     * (an inactive badge keeps its awards, but they are not surfaced; METRICS.md "Achievements").
     */
    public Map<String, List<MentorHistory.Award>> awards(String organizationId) {
        Map<String, List<MentorHistory.Award>> m = new HashMap<>();
        h.createQuery("""
                SELECT ua.user_id, a.id, a.key, a.name, a.icon_url, ua.awarded_at FROM user_achievements ua
                JOIN achievements a ON a.id = ua.achievement_id JOIN users u ON u.id = ua.user_id
                WHERE u.organization_id = :org AND a.is_active
                  AND (a.requires_module IS NULL OR EXISTS (SELECT 1 FROM organization_modules om
                       WHERE om.organization_id = u.organization_id AND om.module = a.requires_module))""")
                .bind("org", organizationId)
                .map((rs, ctx) -> { m.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new MentorHistory.Award(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                instant(rs, 6))); return 0; })
                .list();
        return m;
    }

    /**
     * Streams the approved activities of an organisation's mentors, one mentor at a time (one
     * query ordered by mentor), or of the given mentors only (one indexed query each).
     */
    public void streamActivities(String organizationId, Collection<String> onlyMentors, ZoneId zone,
                                 BiConsumer<String, List<CountedActivity>> perMentor) {
        String cols = "SELECT peer_mentor_id, id, local_association_id, activity_type, started_at, duration_minutes, "
                + "contact_id, travel_km FROM activities WHERE approval_status = 'approved' ";
        try {
            if (onlyMentors == null) {
                // Lazy execution streams the rows from the index instead of first copying the whole
                // result (which spills to a temporary file past H2's MAX_MEMORY_ROWS): 2-3x faster.
                try (Statement lazy = c().createStatement()) {
                    lazy.execute("SET LAZY_QUERY_EXECUTION TRUE");
                }
                // No ORDER BY: a scan in storage order (the table has no index on organization_id, so
                // this is what a GROUP BY does too). Ordering by mentor through idx_activities_mentor
                // made every row a random lookup (the table is in random-id order); the rows are
                // grouped by mentor in memory instead, in compact arrays.
                try (PreparedStatement ps = c().prepareStatement(cols + "AND organization_id = ?")) {
                    ps.setFetchSize(5000);
                    ps.setString(1, organizationId);
                    readScanned(ps, zone, perMentor);
                } finally {
                    try (Statement lazy = c().createStatement()) {
                        lazy.execute("SET LAZY_QUERY_EXECUTION FALSE");
                    }
                }
            } else {
                try (PreparedStatement ps = c().prepareStatement(cols
                        + "AND peer_mentor_id = ? AND organization_id = ? ORDER BY started_at")) {
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
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException("Cannot read activities: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the rows in whatever order the scan returns them into compact columns (strings
     * interned by index, times as epoch seconds and nanos, km in hundredths), then hands them out
     * one mentor at a time, mentors in id order as the ordered query did. Within a mentor the order
     * does not matter: {@link MentorHistory} sorts chronologically.
     */
    private static void readScanned(PreparedStatement ps, ZoneId zone, BiConsumer<String, List<CountedActivity>> perMentor)
            throws SQLException {
        Interner mentorIds = new Interner();
        Interner associations = new Interner();
        Interner types = new Interner();
        Interner contacts = new Interner();
        int cap = 1 << 14;
        int n = 0;
        int[] mentor = new int[cap];
        String[] ids = new String[cap];
        int[] assoc = new int[cap];
        int[] type = new int[cap];
        long[] seconds = new long[cap];
        int[] nanos = new int[cap];
        int[] minutes = new int[cap];
        int[] contact = new int[cap];
        long[] km = new long[cap]; // hundredths of a km, NO_KM for NULL
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (n == cap) {
                    cap *= 2;
                    mentor = Arrays.copyOf(mentor, cap);
                    ids = Arrays.copyOf(ids, cap);
                    assoc = Arrays.copyOf(assoc, cap);
                    type = Arrays.copyOf(type, cap);
                    seconds = Arrays.copyOf(seconds, cap);
                    nanos = Arrays.copyOf(nanos, cap);
                    minutes = Arrays.copyOf(minutes, cap);
                    contact = Arrays.copyOf(contact, cap);
                    km = Arrays.copyOf(km, cap);
                }
                mentor[n] = mentorIds.index(rs.getString(1));
                ids[n] = rs.getString(2);
                assoc[n] = associations.index(rs.getString(3));
                type[n] = types.index(rs.getString(4));
                Instant at = rs.getObject(5, OffsetDateTime.class).toInstant();
                seconds[n] = at.getEpochSecond();
                nanos[n] = at.getNano();
                minutes[n] = rs.getInt(6);
                String ct = rs.getString(7);
                contact[n] = ct == null ? -1 : contacts.index(ct);
                BigDecimal k = rs.getBigDecimal(8);
                km[n] = k == null ? NO_KM : k.movePointRight(KM_SCALE).longValueExact();
                n++;
            }
        }
        // counting sort of the row numbers by mentor
        int mentors = mentorIds.size();
        int[] start = new int[mentors + 1];
        for (int i = 0; i < n; i++) {
            start[mentor[i] + 1]++;
        }
        for (int m = 0; m < mentors; m++) {
            start[m + 1] += start[m];
        }
        int[] fill = Arrays.copyOf(start, mentors);
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[fill[mentor[i]]++] = i;
        }
        Integer[] order = new Integer[mentors];
        for (int m = 0; m < mentors; m++) {
            order[m] = m;
        }
        Arrays.sort(order, (a, b) -> mentorIds.get(a).compareTo(mentorIds.get(b)));
        for (int m : order) {
            List<CountedActivity> list = new ArrayList<>(start[m + 1] - start[m]);
            for (int j = start[m]; j < start[m + 1]; j++) {
                int i = rows[j];
                Instant at = Instant.ofEpochSecond(seconds[i], nanos[i]);
                list.add(new CountedActivity(ids[i], associations.get(assoc[i]), types.get(type[i]), at,
                        LocalDate.ofInstant(at, zone), minutes[i], contact[i] < 0 ? null : contacts.get(contact[i]),
                        km[i] == NO_KM ? null : BigDecimal.valueOf(km[i], KM_SCALE)));
                ids[i] = null; // handed out: let it go
            }
            perMentor.accept(mentorIds.get(m), list);
        }
    }

    private static final long NO_KM = Long.MIN_VALUE;
    /** activities.travel_km is DECIMAL(10,2). */
    private static final int KM_SCALE = 2;

    /** Distinct strings by dense index. */
    private static final class Interner {
        private final Map<String, Integer> index = new HashMap<>();
        private final List<String> values = new ArrayList<>();

        int index(String s) {
            Integer i = index.get(s);
            if (i == null) {
                i = values.size();
                index.put(s, i);
                values.add(s);
            }
            return i;
        }

        String get(int i) {
            return values.get(i);
        }

        int size() {
            return values.size();
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

    public void clearStale(String peerMentorId, Collection<Integer> years) {
        if (years.isEmpty()) {
            return;
        }
        h.createUpdate("DELETE FROM stale_summary_inputs WHERE peer_mentor_id = :pm AND year IN (<years>)")
                .bind("pm", peerMentorId).bindList("years", new ArrayList<>(years)).execute();
    }

    /** Marks (mentor, year) stale, as a sync does. */
    public void markStale(String peerMentorId, int year) {
        h.createUpdate("MERGE INTO stale_summary_inputs (peer_mentor_id, year) KEY (peer_mentor_id, year) VALUES (:pm, :y)")
                .bind("pm", peerMentorId).bind("y", year).execute();
    }

    /** The first year after {@code year}, outside {@code except}, in which the mentor has a stored summary; null if none. */
    public Integer firstSummaryYearAfter(String peerMentorId, int year, Collection<Integer> except) {
        return h.createQuery("""
                SELECT MIN(year) FROM (
                  SELECT year FROM annual_summaries WHERE peer_mentor_id = :pm AND year > :y
                  UNION SELECT year FROM impact_summaries WHERE peer_mentor_id = :pm AND year > :y
                  UNION SELECT year FROM periodic_summaries WHERE peer_mentor_id = :pm AND year > :y) t
                WHERE year NOT IN (<except>)""")
                .bind("pm", peerMentorId).bind("y", year).bindList("except", new ArrayList<>(except))
                .mapTo(Integer.class).findOne().orElse(null);
    }

    // ---- per-mentor quarter totals (bookkeeping for team rows and the cohort)

    /** One row of summary_mentor_totals. */
    public record MentorTotal(String peerMentorId, String localAssociationId, int year, int quarter, int sessions, long minutes) {
    }

    /** Replaces the totals of these mentors (all years) with {@code rows}. */
    public void replaceTotals(String organizationId, Collection<String> mentorIds, List<MentorTotal> rows, boolean allOfOrg) {
        try {
            if (allOfOrg) {
                try (PreparedStatement del = c().prepareStatement("DELETE FROM summary_mentor_totals WHERE organization_id = ?")) {
                    del.setString(1, organizationId);
                    del.executeUpdate();
                }
            } else {
                try (PreparedStatement del = c().prepareStatement("DELETE FROM summary_mentor_totals WHERE peer_mentor_id = ?")) {
                    for (String m : mentorIds) {
                        del.setString(1, m);
                        del.addBatch();
                    }
                    del.executeBatch();
                }
            }
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
        } catch (SQLException e) {
            throw new DatabaseException("Cannot store summary totals: " + e.getMessage(), e);
        }
    }

    /** The organisation's totals, filled into per-mentor and per-association accumulators. */
    public void loadTotals(String organizationId, TeamCalculator.QuarterTotals byMentor,
                           TeamCalculator.QuarterTotals byAssociation, Map<String, Map<Integer, long[]>> byMentorYear) {
        h.createQuery("""
                SELECT peer_mentor_id, local_association_id, year, quarter, sessions, minutes
                FROM summary_mentor_totals WHERE organization_id = :org""")
                .bind("org", organizationId)
                .map((rs, ctx) -> {
                    String pm = rs.getString(1);
                    int y = rs.getInt(3);
                    int q = rs.getInt(4);
                    long s = rs.getInt(5);
                    long min = rs.getLong(6);
                    byMentor.add(pm, y, q, s, min);
                    byAssociation.add(rs.getString(2), y, q, s, min);
                    long[] t = byMentorYear.computeIfAbsent(pm, k -> new HashMap<>()).computeIfAbsent(y, k -> new long[2]);
                    t[0] += s;
                    t[1] += min;
                    return 0;
                }).list();
    }

    /** Mentors of the organisation that have totals rows (read by a generation before). */
    public Set<String> mentorsWithTotals(String organizationId) {
        return new HashSet<>(h.createQuery("SELECT DISTINCT peer_mentor_id FROM summary_mentor_totals WHERE organization_id = :org")
                .bind("org", organizationId).mapTo(String.class).list());
    }
}
