package org.impactdesk.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.impactdesk.domain.ActivityValues;

/**
 * The SQL of sync, on one JDBC connection (the import's transaction): reading the current rows
 * of the bundle tables for comparison, writing inserts, updates and child rows with batches,
 * the activities in bulk, stale marks, and the import log. Values are normalised the same way
 * on both sides (strings, Integer, BigDecimal at the column's scale, Boolean, Instant, LocalDate,
 * child values as a sorted list) so that a row read back equals the row parsed from the bundle.
 */
public final class SyncStore {

    /** The kind of a column's value, for reading it back normalised and binding it. */
    public enum Kind { TEXT, INT, DEC2, BOOL, INSTANT, DATE }

    public record Column(String name, Kind kind) {
    }

    /** A child table holding one value column per parent row (e.g. user_roles.role). */
    public record Child(String table, String parentColumn, String valueColumn) {
    }

    /** A bundle table: key columns (joined with NUL as the key), value columns, then child value lists. */
    public record Table(String name, List<String> keyColumns, List<Column> columns, List<Child> children, boolean touchesUpdatedAt) {
        public int width() {
            return columns.size() + children.size();
        }
    }

    public static final Table ORGANIZATIONS = new Table("organizations", List.of("id"), List.of(
            new Column("name", Kind.TEXT), new Column("time_zone", Kind.TEXT), new Column("hourly_rate", Kind.DEC2),
            new Column("currency", Kind.TEXT), new Column("social_value_multiplier", Kind.DEC2),
            new Column("cost_saving_per_contact", Kind.DEC2), new Column("quarterly_underactive_sessions", Kind.INT),
            new Column("quarterly_overloaded_sessions", Kind.INT), new Column("half_year_underactive_sessions", Kind.INT),
            new Column("half_year_overloaded_sessions", Kind.INT), new Column("impact_summary_enabled", Kind.BOOL)),
            List.of(new Child("organization_modules", "organization_id", "module")), true);
    public static final Table LOCAL_ASSOCIATIONS = new Table("local_associations", List.of("id"), List.of(
            new Column("organization_id", Kind.TEXT), new Column("name", Kind.TEXT)), List.of(), false);
    public static final Table USERS = new Table("users", List.of("id"), List.of(
            new Column("organization_id", Kind.TEXT), new Column("display_name", Kind.TEXT), new Column("email", Kind.TEXT)),
            List.of(new Child("user_roles", "user_id", "role"),
                    new Child("coordinator_scopes", "user_id", "local_association_id")), true);
    public static final Table PEER_MENTORS = new Table("peer_mentors", List.of("id"), List.of(
            new Column("user_id", Kind.TEXT), new Column("organization_id", Kind.TEXT),
            new Column("primary_local_association_id", Kind.TEXT), new Column("status", Kind.TEXT),
            new Column("started_on", Kind.DATE)),
            List.of(new Child("peer_mentor_associations", "peer_mentor_id", "local_association_id")), true);
    public static final Table CONTACTS = new Table("contacts", List.of("id"), List.of(
            new Column("organization_id", Kind.TEXT), new Column("display_name", Kind.TEXT)), List.of(), false);
    public static final Table ACTIVITY_TYPES = new Table("activity_types", List.of("id"), List.of(
            new Column("name", Kind.TEXT), new Column("name_nb", Kind.TEXT), new Column("funder_category", Kind.TEXT)),
            List.of(), false);
    public static final Table EVENTS = new Table("events", List.of("id"), List.of(
            new Column("organization_id", Kind.TEXT), new Column("title", Kind.TEXT), new Column("starts_at", Kind.INSTANT),
            new Column("organizer_user_id", Kind.TEXT)), List.of(), false);
    public static final Table EVENT_ATTENDANCE = new Table("event_attendance", List.of("event_id", "user_id"), List.of(
            new Column("registered", Kind.BOOL), new Column("attended", Kind.BOOL)), List.of(), false);
    public static final Table ASSIGNMENTS = new Table("assignments", List.of("id"), List.of(
            new Column("peer_mentor_id", Kind.TEXT), new Column("status", Kind.TEXT), new Column("completed_at", Kind.INSTANT),
            new Column("honorarium_amount", Kind.DEC2)), List.of(), false);

    private static final int BATCH = 2000;

    private final Connection c;

    public SyncStore(Connection c) {
        this.c = c;
    }

    public static String key(String... parts) {
        return parts.length == 1 ? parts[0] : String.join("\u0000", parts);
    }

    // ------------------------------------------------------------------ bundle tables

    /** Every row of the table: key -> normalised values (columns, then each child's sorted values). */
    public Map<String, Object[]> load(Table t) throws SQLException {
        Map<String, Object[]> rows = new HashMap<>();
        StringBuilder sql = new StringBuilder("SELECT ");
        sql.append(String.join(", ", t.keyColumns()));
        for (Column col : t.columns()) {
            sql.append(", ").append(col.name());
        }
        sql.append(" FROM ").append(t.name());
        int nk = t.keyColumns().size();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql.toString())) {
            while (rs.next()) {
                String[] k = new String[nk];
                for (int i = 0; i < nk; i++) {
                    k[i] = rs.getString(i + 1);
                }
                Object[] v = new Object[t.width()];
                for (int i = 0; i < t.columns().size(); i++) {
                    v[i] = read(rs, nk + 1 + i, t.columns().get(i).kind());
                }
                for (int j = 0; j < t.children().size(); j++) {
                    v[t.columns().size() + j] = List.of();
                }
                rows.put(key(k), v);
            }
        }
        for (int j = 0; j < t.children().size(); j++) {
            Child ch = t.children().get(j);
            Map<String, TreeSet<String>> values = new HashMap<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT " + ch.parentColumn() + ", " + ch.valueColumn() + " FROM " + ch.table())) {
                while (rs.next()) {
                    values.computeIfAbsent(rs.getString(1), x -> new TreeSet<>()).add(rs.getString(2));
                }
            }
            int idx = t.columns().size() + j;
            values.forEach((parent, set) -> {
                Object[] v = rows.get(parent);
                if (v != null) {
                    v[idx] = List.copyOf(set);
                }
            });
        }
        return rows;
    }

    private static Object read(ResultSet rs, int i, Kind kind) throws SQLException {
        Object o = rs.getObject(i);
        if (o == null) {
            return null;
        }
        return switch (kind) {
            case TEXT -> o.toString();
            case INT -> ((Number) o).intValue();
            case DEC2 -> ((BigDecimal) o).setScale(2, java.math.RoundingMode.HALF_UP);
            case BOOL -> (Boolean) o;
            case INSTANT -> o instanceof OffsetDateTime odt ? odt.toInstant() : ((Timestamp) o).toInstant();
            case DATE -> o instanceof LocalDate d ? d : ((java.sql.Date) o).toLocalDate();
        };
    }

    private static void bind(PreparedStatement ps, int i, Object v, Kind kind) throws SQLException {
        if (v == null) {
            ps.setNull(i, switch (kind) {
                case TEXT -> Types.VARCHAR;
                case INT -> Types.INTEGER;
                case DEC2 -> Types.DECIMAL;
                case BOOL -> Types.BOOLEAN;
                case INSTANT -> Types.TIMESTAMP_WITH_TIMEZONE;
                case DATE -> Types.DATE;
            });
            return;
        }
        switch (kind) {
            case TEXT -> ps.setString(i, (String) v);
            case INT -> ps.setInt(i, (Integer) v);
            case DEC2 -> ps.setBigDecimal(i, (BigDecimal) v);
            case BOOL -> ps.setBoolean(i, (Boolean) v);
            case INSTANT -> ps.setObject(i, OffsetDateTime.ofInstant((Instant) v, ZoneOffset.UTC));
            case DATE -> ps.setObject(i, v);
        }
    }

    /** A row to write: its key parts and normalised values (as {@link #load} returns them). */
    public record Row(String[] keyParts, Object[] values) {
    }

    /** Inserts new rows and their child rows. */
    public void insert(Table t, Collection<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        List<String> cols = new ArrayList<>(t.keyColumns());
        t.columns().forEach(col -> cols.add(col.name()));
        String sql = "INSERT INTO " + t.name() + " (" + String.join(", ", cols) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(cols.size(), "?")) + ")";
        int nk = t.keyColumns().size();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int n = 0;
            for (Row r : rows) {
                for (int i = 0; i < nk; i++) {
                    ps.setString(i + 1, r.keyParts()[i]);
                }
                for (int i = 0; i < t.columns().size(); i++) {
                    bind(ps, nk + 1 + i, r.values()[i], t.columns().get(i).kind());
                }
                ps.addBatch();
                if (++n % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        writeChildren(t, rows, false);
    }

    /** Updates changed rows (values and child rows). */
    public void update(Table t, Collection<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("UPDATE ").append(t.name()).append(" SET ");
        List<String> sets = new ArrayList<>();
        t.columns().forEach(col -> sets.add(col.name() + " = ?"));
        if (t.touchesUpdatedAt()) {
            sets.add("updated_at = CURRENT_TIMESTAMP");
        }
        sql.append(String.join(", ", sets)).append(" WHERE ");
        sql.append(String.join(" AND ", t.keyColumns().stream().map(k -> k + " = ?").toList()));
        int nv = t.columns().size();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int n = 0;
            for (Row r : rows) {
                for (int i = 0; i < nv; i++) {
                    bind(ps, i + 1, r.values()[i], t.columns().get(i).kind());
                }
                for (int i = 0; i < t.keyColumns().size(); i++) {
                    ps.setString(nv + 1 + i, r.keyParts()[i]);
                }
                ps.addBatch();
                if (++n % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        writeChildren(t, rows, true);
    }

    @SuppressWarnings("unchecked")
    private void writeChildren(Table t, Collection<Row> rows, boolean replace) throws SQLException {
        for (int j = 0; j < t.children().size(); j++) {
            Child ch = t.children().get(j);
            int idx = t.columns().size() + j;
            if (replace) {
                try (PreparedStatement del = c.prepareStatement("DELETE FROM " + ch.table() + " WHERE " + ch.parentColumn() + " = ?")) {
                    for (Row r : rows) {
                        del.setString(1, r.keyParts()[0]);
                        del.addBatch();
                    }
                    del.executeBatch();
                }
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO " + ch.table() + " (" + ch.parentColumn() + ", "
                    + ch.valueColumn() + ") VALUES (?, ?)")) {
                for (Row r : rows) {
                    for (String v : (List<String>) r.values()[idx]) {
                        ins.setString(1, r.keyParts()[0]);
                        ins.setString(2, v);
                        ins.addBatch();
                    }
                }
                ins.executeBatch();
            }
        }
    }

    // ------------------------------------------------------------------ activities

    public static final String ACTIVITY_COLUMNS = "id, organization_id, local_association_id, peer_mentor_id, activity_type, "
            + "started_at, duration_minutes, contact_id, approval_status, travel_km, event_id";

    public long countActivities() throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM activities")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public record StoredActivity(String id, String organizationId, String localAssociationId, String peerMentorId,
                                 String activityType, long startedAtMicros, int durationMinutes, String contactId,
                                 String approvalStatus, long travelKmCents, String eventId) implements ActivityValues {
    }

    /**
     * Every stored activity in id order, read in pages by key ({@code id > last ORDER BY id}) on
     * the import's own connection: bounded memory, no long-lived result set, and the rows the
     * import writes behind the cursor are never read back (they are all at or before the last
     * id read).
     */
    public ActivityCursor activitiesById() {
        return new ActivityCursor();
    }

    public final class ActivityCursor implements AutoCloseable {
        private static final int PAGE = 5000;
        private final List<StoredActivity> page = new ArrayList<>(PAGE);
        private int next;
        private boolean last;
        private String lastId;
        private PreparedStatement first;
        private PreparedStatement after;

        /** The next row or null at the end. */
        public StoredActivity next() throws SQLException {
            if (next == page.size()) {
                if (last) {
                    return null;
                }
                fetch();
                if (page.isEmpty()) {
                    return null;
                }
            }
            return page.get(next++);
        }

        private void fetch() throws SQLException {
            page.clear();
            next = 0;
            PreparedStatement ps;
            if (lastId == null) {
                if (first == null) {
                    first = c.prepareStatement("SELECT " + ACTIVITY_COLUMNS + " FROM activities ORDER BY id LIMIT " + PAGE);
                }
                ps = first;
            } else {
                if (after == null) {
                    after = c.prepareStatement("SELECT " + ACTIVITY_COLUMNS + " FROM activities WHERE id > ? ORDER BY id LIMIT " + PAGE);
                }
                after.setString(1, lastId);
                ps = after;
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    OffsetDateTime at = rs.getObject(6, OffsetDateTime.class);
                    Instant i = at.toInstant();
                    BigDecimal km = rs.getBigDecimal(10);
                    page.add(new StoredActivity(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), i.getEpochSecond() * 1_000_000L + i.getNano() / 1000, rs.getInt(7),
                            rs.getString(8), rs.getString(9),
                            km == null ? -1 : km.setScale(2, java.math.RoundingMode.HALF_UP).unscaledValue().longValueExact(),
                            rs.getString(11)));
                }
            }
            last = page.size() < PAGE;
            if (!page.isEmpty()) {
                lastId = page.get(page.size() - 1).id();
            }
        }

        @Override
        public void close() throws SQLException {
            if (first != null) {
                first.close();
            }
            if (after != null) {
                after.close();
            }
        }
    }

    /**
     * Before loading many activities into an EMPTY table: drops its keys on H2 (see
     * {@link ActivityKeys#drop}); false on PostgreSQL, whose writer loads by COPY with them in place.
     */
    public boolean dropActivityKeys() throws SQLException {
        return ActivityKeys.drop(c);
    }

    /**
     * Batched inserts, updates and deletes. Inserts: on H2 50 rows per statement (H2's per-statement
     * cost is a good part of a row's); on PostgreSQL by COPY through the driver's CopyManager, in
     * chunks of {@value #COPY_ROWS} rows (each a whole COPY, so the merge's reads on the same
     * connection go between them).
     */
    public final class ActivityWriter implements AutoCloseable {
        private static final int ROWS_PER_INSERT = 50;
        private static final int COPY_ROWS = 20_000;
        /** PostgreSQL's COPY of new activities (null on H2), and the CSV of the rows not yet sent. */
        private final org.postgresql.copy.CopyManager copy;
        private final StringBuilder copyRows = new StringBuilder();
        private int copyPending;
        private final PreparedStatement insert;
        private final PreparedStatement insertMany;
        private int rowsInStatement;
        private int pendingMany;
        private final PreparedStatement update;
        private final PreparedStatement delete;
        private int pendingInsert;
        private int pendingUpdate;
        private int pendingDelete;

        ActivityWriter() throws SQLException {
            copy = Database.engineOf(c) == Database.Engine.POSTGRESQL
                    ? c.unwrap(org.postgresql.PGConnection.class).getCopyAPI() : null;
            insert = c.prepareStatement("INSERT INTO activities (" + ACTIVITY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            insertMany = c.prepareStatement("INSERT INTO activities (" + ACTIVITY_COLUMNS + ") VALUES "
                    + String.join(", ", java.util.Collections.nCopies(ROWS_PER_INSERT, "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")));
            update = c.prepareStatement("""
                    UPDATE activities SET organization_id = ?, local_association_id = ?, peer_mentor_id = ?, activity_type = ?,
                      started_at = ?, duration_minutes = ?, contact_id = ?, approval_status = ?, travel_km = ?, event_id = ?
                    WHERE id = ?""");
            delete = c.prepareStatement("DELETE FROM activities WHERE id = ?");
        }

        private void bindValues(PreparedStatement ps, int from, ActivityValues a) throws SQLException {
            ps.setString(from, a.organizationId());
            ps.setString(from + 1, a.localAssociationId());
            ps.setString(from + 2, a.peerMentorId());
            ps.setString(from + 3, a.activityType());
            long micros = a.startedAtMicros();
            ps.setObject(from + 4, OffsetDateTime.ofInstant(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                    Math.floorMod(micros, 1_000_000L) * 1000), ZoneOffset.UTC));
            ps.setInt(from + 5, a.durationMinutes());
            ps.setString(from + 6, a.contactId());
            ps.setString(from + 7, a.approvalStatus());
            if (a.travelKmCents() < 0) {
                ps.setNull(from + 8, Types.DECIMAL);
            } else {
                ps.setBigDecimal(from + 8, BigDecimal.valueOf(a.travelKmCents(), 2));
            }
            ps.setString(from + 9, a.eventId());
        }

        private final ActivityValues[] held = new ActivityValues[ROWS_PER_INSERT];

        public void insert(ActivityValues a) throws SQLException {
            if (copy != null) {
                copyRow(a);
                return;
            }
            held[rowsInStatement] = a;
            int base = rowsInStatement * 11;
            insertMany.setString(base + 1, a.id());
            bindValues(insertMany, base + 2, a);
            if (++rowsInStatement == ROWS_PER_INSERT) {
                rowsInStatement = 0;
                insertMany.addBatch();
                if (++pendingMany == BATCH / ROWS_PER_INSERT) {
                    insertMany.executeBatch();
                    pendingMany = 0;
                }
            }
        }

        /** One row as COPY's CSV: text quoted (so an empty text stays one), NULL as nothing. */
        private void copyRow(ActivityValues a) throws SQLException {
            StringBuilder b = copyRows;
            csv(b, a.id()).append(',');
            csv(b, a.organizationId()).append(',');
            csv(b, a.localAssociationId()).append(',');
            csv(b, a.peerMentorId()).append(',');
            csv(b, a.activityType()).append(',');
            long micros = a.startedAtMicros();
            b.append(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000)).append(',');
            b.append(a.durationMinutes()).append(',');
            csv(b, a.contactId()).append(',');
            csv(b, a.approvalStatus()).append(',');
            if (a.travelKmCents() >= 0) {
                b.append(BigDecimal.valueOf(a.travelKmCents(), 2).toPlainString());
            }
            b.append(',');
            csv(b, a.eventId()).append('\n');
            if (++copyPending == COPY_ROWS) {
                sendCopy();
            }
        }

        private static StringBuilder csv(StringBuilder b, String text) {
            if (text == null) {
                return b;
            }
            b.append('"');
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (ch == '"') {
                    b.append('"');
                }
                b.append(ch);
            }
            return b.append('"');
        }

        private void sendCopy() throws SQLException {
            if (copyPending == 0) {
                return;
            }
            try {
                copy.copyIn("COPY activities (" + ACTIVITY_COLUMNS + ") FROM STDIN WITH (FORMAT csv)",
                        new java.io.StringReader(copyRows.toString()));
            } catch (java.io.IOException e) {
                throw new SQLException("COPY of " + copyPending + " activities failed: " + e.getMessage(), e);
            }
            copyRows.setLength(0);
            copyPending = 0;
        }

        private void insertOne(ActivityValues a) throws SQLException {
            insert.setString(1, a.id());
            bindValues(insert, 2, a);
            insert.addBatch();
            if (++pendingInsert == BATCH) {
                insert.executeBatch();
                pendingInsert = 0;
            }
        }

        public void update(ActivityValues a) throws SQLException {
            bindValues(update, 1, a);
            update.setString(11, a.id());
            update.addBatch();
            if (++pendingUpdate == BATCH) {
                update.executeBatch();
                pendingUpdate = 0;
            }
        }

        public void delete(String id) throws SQLException {
            delete.setString(1, id);
            delete.addBatch();
            if (++pendingDelete == BATCH) {
                delete.executeBatch();
                pendingDelete = 0;
            }
        }

        public void flush() throws SQLException {
            if (copy != null) {
                sendCopy();
            }
            if (pendingMany > 0) {
                insertMany.executeBatch();
                pendingMany = 0;
            }
            for (int i = 0; i < rowsInStatement; i++) {
                insertOne(held[i]);
            }
            rowsInStatement = 0;
            if (pendingInsert > 0) {
                insert.executeBatch();
                pendingInsert = 0;
            }
            if (pendingUpdate > 0) {
                update.executeBatch();
                pendingUpdate = 0;
            }
            if (pendingDelete > 0) {
                delete.executeBatch();
                pendingDelete = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            flush();
            insert.close();
            insertMany.close();
            update.close();
            delete.close();
        }
    }

    public ActivityWriter activityWriter() throws SQLException {
        return new ActivityWriter();
    }

    // ------------------------------------------------------------------ stale marks

    /** Marks (peer mentor, year) pairs stale for generation (stale_summary_inputs). */
    public void markStale(Map<String, ? extends Collection<Integer>> byMentor, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                """
                MERGE INTO stale_summary_inputs s
                USING (VALUES (CAST(? AS VARCHAR(64)), CAST(? AS INT), CAST(? AS TIMESTAMP WITH TIME ZONE))) AS v(m, y, t)
                ON s.peer_mentor_id = v.m AND s.year = v.y
                WHEN MATCHED THEN UPDATE SET marked_at = v.t
                WHEN NOT MATCHED THEN INSERT (peer_mentor_id, year, marked_at) VALUES (v.m, v.y, v.t)""")) {
            int n = 0;
            for (var e : byMentor.entrySet()) {
                for (int y : e.getValue()) {
                    ps.setString(1, e.getKey());
                    ps.setInt(2, y);
                    ps.setObject(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                    ps.addBatch();
                    if (++n % BATCH == 0) {
                        ps.executeBatch();
                    }
                }
            }
            ps.executeBatch();
        }
    }

    /** The stored activity instants of these mentors, for marking every year of theirs stale. */
    public void activityTimesOf(Collection<String> mentorIds, java.util.function.BiConsumer<String, Instant> each) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT started_at FROM activities WHERE peer_mentor_id = ?")) {
            for (String m : mentorIds) {
                ps.setString(1, m);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        each.accept(m, rs.getObject(1, OffsetDateTime.class).toInstant());
                    }
                }
            }
        }
    }

    /** Peer mentor ids with their user and organisation. */
    public record MentorRef(String id, String userId, String organizationId) {
    }

    public List<MentorRef> mentors() throws SQLException {
        List<MentorRef> out = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, user_id, organization_id FROM peer_mentors")) {
            while (rs.next()) {
                out.add(new MentorRef(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        return out;
    }

    /** Peer mentors who have activities of these types. */
    public List<String> mentorsWithTypes(Collection<String> types) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT peer_mentor_id FROM activities WHERE activity_type = ?")) {
            for (String t : types) {
                ps.setString(1, t);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
        }
        return out;
    }

    /** Whether a stored activity of one of {@code associations} names contact {@code contactId}. */
    /** Whether any summary (annual, impact or a personal periodic row) is stored for the peer mentor as this user. */
    public boolean summariesOf(String peerMentorId, String userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT 1 FROM annual_summaries WHERE peer_mentor_id = ? AND user_id = ?
                UNION ALL SELECT 1 FROM impact_summaries WHERE peer_mentor_id = ? AND user_id = ?
                UNION ALL SELECT 1 FROM periodic_summaries WHERE peer_mentor_id = ? AND user_id = ? LIMIT 1""")) {
            for (int i = 0; i < 3; i++) {
                ps.setString(2 * i + 1, peerMentorId);
                ps.setString(2 * i + 2, userId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public boolean contactNamedIn(String contactId, Collection<String> associations) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM activities WHERE contact_id = ? AND local_association_id = ? LIMIT 1")) {
            for (String la : associations) {
                ps.setString(1, contactId);
                ps.setString(2, la);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ import log

    /**
     * A line of the import log: {@code runBy} the user id (null: the local operator) and
     * {@code runByName} their display name at the time of the import (kept as it was: a later
     * rename does not rewrite the history).
     */
    public record LogEntry(String fileName, String sha256, String runBy, String runByName, String outcome, long rowsRead,
                           long inserted, long updated, long unchanged, long rejected, long removed, String reportJson,
                           Instant startedAt, Instant finishedAt) {
    }

    public void log(LogEntry e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO import_log (file_name, sha256, run_by, run_by_name, outcome, rows_read, inserted, updated, unchanged,
                  rejected, removed, report_json, started_at, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setString(1, e.fileName().length() > 1000 ? e.fileName().substring(e.fileName().length() - 1000) : e.fileName());
            ps.setString(2, e.sha256());
            ps.setString(3, e.runBy());
            ps.setString(4, e.runBy() == null || e.runByName() == null ? null
                    : e.runByName().length() > 300 ? e.runByName().substring(0, 300) : e.runByName());
            ps.setString(5, e.outcome());
            ps.setLong(6, e.rowsRead());
            ps.setLong(7, e.inserted());
            ps.setLong(8, e.updated());
            ps.setLong(9, e.unchanged());
            ps.setLong(10, e.rejected());
            ps.setLong(11, e.removed());
            ps.setString(12, e.reportJson());
            ps.setObject(13, OffsetDateTime.ofInstant(e.startedAt(), ZoneOffset.UTC));
            ps.setObject(14, e.finishedAt() == null ? null : OffsetDateTime.ofInstant(e.finishedAt(), ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }

    /**
     * A line of the import log with the display name of who ran it as it was then (null for the
     * local operator, or for a line logged before names were kept whose user is gone).
     */
    public record LoggedImport(LogEntry entry, String runByName) {
    }

    /** The import log, newest first. */
    public List<LoggedImport> history(int limit) throws SQLException {
        List<LoggedImport> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT l.file_name, l.sha256, l.run_by, l.outcome, l.rows_read, l.inserted, l.updated, l.unchanged,
                  l.rejected, l.removed, l.started_at, l.finished_at, COALESCE(l.run_by_name, u.display_name)
                FROM import_log l LEFT JOIN users u ON u.id = l.run_by
                ORDER BY l.started_at DESC, l.id DESC LIMIT ?""")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    OffsetDateTime fin = rs.getObject(12, OffsetDateTime.class);
                    out.add(new LoggedImport(new LogEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(13),
                            rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9),
                            rs.getLong(10), null,
                            rs.getObject(11, OffsetDateTime.class).toInstant(), fin == null ? null : fin.toInstant()),
                            rs.getString(13)));
                }
            }
        }
        return out;
    }

    /** Distinct years in stale_summary_inputs. */
    public List<Integer> staleYears() throws SQLException {
        List<Integer> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT DISTINCT year FROM stale_summary_inputs ORDER BY year")) {
            while (rs.next()) {
                out.add(rs.getInt(1));
            }
        }
        return out;
    }
}
