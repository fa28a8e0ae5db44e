package org.impactdesk.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.impactdesk.domain.ActivityTypeName;
import org.impactdesk.domain.FunderActivity;
import org.impactdesk.domain.FunderCategory;
import org.impactdesk.domain.FunderExport;
import org.impactdesk.domain.FunderSettings;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** What the funder report reads and writes: an organisation's activity rows, its funder settings, the export log. */
public final class FunderDao {
    private final Jdbi jdbi;

    public FunderDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * The organisation's activities started in [from, to), every approval status, each with its peer
     * mentor's started_on; rows whose peer mentor is not one of the organisation's are left out.
     *
     * <p>One lazy pass over the table ({@code organization_id} and {@code started_at} filtered while
     * scanning), streamed into the list: no join and no index. Reading one organisation-year through
     * {@code idx_activities_mentor} instead looks every row up in the table by its row key (2-3x the
     * time of a GROUP BY over every activity at 1M rows, docs/benchmarks.md). The peer mentors' start dates
     * come from a query of their own. Strings that repeat from row to row (association, peer
     * mentor, type, status, contact, event) are kept once each.
     */
    public List<FunderActivity> activities(String organizationId, Instant from, Instant to) {
        return jdbi.inTransaction(h -> {
            // H2 copies a whole result before handing out its first row (to a temporary file past
            // MAX_MEMORY_ROWS); lazy execution streams it. PostgreSQL streams by the fetch size inside
            // a transaction.
            boolean h2 = isH2(h);
            if (h2) {
                h.execute("SET LAZY_QUERY_EXECUTION TRUE");
            }
            try {
                return read(h, organizationId, from, to);
            } finally {
                if (h2) {
                    h.execute("SET LAZY_QUERY_EXECUTION FALSE");
                }
            }
        });
    }

    private static boolean isH2(Handle h) {
        try {
            return Database.engineOf(h.getConnection()) == Database.Engine.H2;
        } catch (SQLException e) {
            throw new DatabaseException("Cannot read the database's product name: " + e.getMessage(), e);
        }
    }

    /**
     * The organisation-year's rows. A covering index on (organisation, started_at, ...) made this
     * read about 0.55x the GROUP BY, but the sync's bulk load then had to build it: 1.11x the CSVREAD
     * baseline at 1M against its 0.5x goal (an idle bench, 2026-12-07), so there is none (docs/benchmarks.md).
     */
    static final String ACTIVITIES = """
            SELECT id, local_association_id, peer_mentor_id, activity_type, started_at, duration_minutes,
                   contact_id, approval_status, event_id
            FROM activities WHERE organization_id = :org AND started_at >= :from AND started_at < :to""";

    private static List<FunderActivity> read(Handle h, String organizationId, Instant from, Instant to) {
        Map<String, LocalDate> started = new HashMap<>();
        h.createQuery("SELECT id, started_on FROM peer_mentors WHERE organization_id = :org")
                .bind("org", organizationId)
                .map((rs, ctx) -> Map.entry(rs.getString(1), Optional.ofNullable(rs.getObject(2, LocalDate.class))))
                .forEach(e -> started.put(e.getKey(), e.getValue().orElse(null)));
        Map<String, String> same = new HashMap<>();
        List<FunderActivity> rows = new ArrayList<>();
        h.createQuery(ACTIVITIES)
                .bind("org", organizationId).bind("from", from.atOffset(ZoneOffset.UTC)).bind("to", to.atOffset(ZoneOffset.UTC))
                .setFetchSize(10_000)
                .map((rs, ctx) -> {
                    String mentor = rs.getString(3);
                    if (!started.containsKey(mentor)) {
                        return null;
                    }
                    mentor = once(same, mentor);
                    return new FunderActivity(rs.getString(1), once(same, rs.getString(2)), mentor,
                            once(same, rs.getString(4)), rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getInt(6),
                            once(same, rs.getString(7)), once(same, rs.getString(8)), once(same, rs.getString(9)),
                            started.get(mentor));
                })
                .forEach(a -> {
                    if (a != null) {
                        rows.add(a);
                    }
                });
        return rows;
    }

    private static String once(Map<String, String> same, String s) {
        return s == null ? null : same.computeIfAbsent(s, k -> k);
    }

    /** Every activity type with its names and the platform's default category (null: none), by key. */
    public Map<String, TypeRow> activityTypes() {
        Map<String, TypeRow> m = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT id, name, name_nb, funder_category FROM activity_types ORDER BY id")
                .map((rs, ctx) -> new TypeRow(new ActivityTypeName(rs.getString(1), rs.getString(2), rs.getString(3)),
                        FunderCategory.fromCode(rs.getString(4)).orElse(null)))
                .forEach(t -> m.put(t.name().key(), t)));
        return m;
    }

    public record TypeRow(ActivityTypeName name, FunderCategory platformDefault) {
    }

    /** The organisation's funder settings (no choices and NULL values when it set none); empty for an unknown id. */
    public Optional<FunderSettings> settings(String organizationId) {
        return jdbi.withHandle(h -> {
            Map<String, FunderCategory> choices = new HashMap<>();
            h.createQuery("SELECT activity_type, category FROM funder_category_choices WHERE organization_id = :org")
                    .bind("org", organizationId)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), FunderCategory.fromCode(rs.getString(2)).orElseThrow()))
                    .forEach(e -> choices.put(e.getKey(), e.getValue()));
            return h.createQuery("""
                            SELECT funder_group_min_participants, funder_group_min_minutes, funder_course_min_people,
                                   funder_course_min_minutes FROM organizations WHERE id = :org""")
                    .bind("org", organizationId)
                    .map((rs, ctx) -> new FunderSettings(organizationId, choices, integer(rs, 1), integer(rs, 2),
                            integer(rs, 3), integer(rs, 4)))
                    .findOne();
        });
    }

    private static Integer integer(ResultSet rs, int c) throws SQLException {
        int v = rs.getInt(c);
        return rs.wasNull() ? null : v;
    }

    /**
     * Replaces the organisation's funder settings in one transaction (a choice for a type not in
     * activity_types is refused by the foreign key). Returns false for an unknown organisation.
     */
    public boolean saveSettings(FunderSettings s) {
        return jdbi.inTransaction(h -> saveSettings(h, s));
    }

    /** The funder settings written on a handle whose transaction the caller owns (Settings saves them with the rest). */
    static boolean saveSettings(Handle h, FunderSettings s) {
        int n = h.createUpdate("""
                        UPDATE organizations SET funder_group_min_participants = :gp, funder_group_min_minutes = :gm,
                            funder_course_min_people = :cp, funder_course_min_minutes = :cm, updated_at = CURRENT_TIMESTAMP
                        WHERE id = :org""")
                .bind("gp", s.groupMinParticipants()).bind("gm", s.groupMinMinutes())
                .bind("cp", s.courseMinPeople()).bind("cm", s.courseMinMinutes()).bind("org", s.organizationId())
                .execute();
        if (n == 0) {
            return false;
        }
        h.createUpdate("DELETE FROM funder_category_choices WHERE organization_id = :org").bind("org", s.organizationId()).execute();
        for (Map.Entry<String, FunderCategory> e : s.choices().entrySet()) {
            h.createUpdate("INSERT INTO funder_category_choices (organization_id, activity_type, category) VALUES (:org, :t, :c)")
                    .bind("org", s.organizationId()).bind("t", e.getKey()).bind("c", e.getValue().code()).execute();
        }
        return true;
    }

    /** Local association names of the organisation, by id. */
    public Map<String, String> associationNames(String organizationId) {
        Map<String, String> m = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT id, name FROM local_associations WHERE organization_id = :org ORDER BY name, id")
                .bind("org", organizationId).map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> m.put(e.getKey(), e.getValue())));
        return m;
    }

    /** Display names of the organisation's peer mentors, by peer mentor id. */
    public Map<String, String> mentorNames(String organizationId) {
        Map<String, String> m = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT pm.id, u.display_name FROM peer_mentors pm JOIN users u ON u.id = pm.user_id
                        WHERE pm.organization_id = :org""")
                .bind("org", organizationId).map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> m.put(e.getKey(), e.getValue())));
        return m;
    }

    /** The local associations in a coordinator's scope. */
    public Set<String> coordinatorAssociations(String userId) {
        return jdbi.withHandle(h -> new TreeSet<>(h.createQuery(
                        "SELECT local_association_id FROM coordinator_scopes WHERE user_id = :u")
                .bind("u", userId).mapTo(String.class).list()));
    }

    public void logExport(FunderExport e) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO funder_export_log (organization_id, year, format, file_name, sha256, exported_by, exported_at)
                        VALUES (:org, :year, :format, :file, :sha, :by, :at)""")
                .bind("org", e.organizationId()).bind("year", e.year()).bind("format", e.format())
                .bind("file", e.fileName()).bind("sha", e.sha256()).bind("by", e.exportedBy())
                .bind("at", e.exportedAt().atOffset(ZoneOffset.UTC)).execute());
    }

    /** The exports of an organisation's report of a year, newest first. */
    public List<FunderExport> exports(String organizationId, int year) {
        return jdbi.withHandle(h -> new ArrayList<>(h.createQuery("""
                        SELECT organization_id, year, format, file_name, sha256, exported_by, exported_at
                        FROM funder_export_log WHERE organization_id = :org AND year = :year ORDER BY exported_at DESC, id DESC""")
                .bind("org", organizationId).bind("year", year)
                .map((rs, ctx) -> new FunderExport(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class).toInstant()))
                .list()));
    }
}
