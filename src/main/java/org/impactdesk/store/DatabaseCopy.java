package org.impactdesk.store;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Copies every row of one database into another of the other engine (an organisation moving from
 * its H2 file to a team database, or back): the target must be migrated and hold no organisation
 * or user yet; the rows its migrations seeded (the platform catalog) are replaced by the source's.
 * Tables go parents first (by their foreign keys), in one transaction; identity counters are moved
 * past the copied ids. Afterwards each table is checked: the same row count and the same checksum
 * (SHA-256 of its rows in a form both engines give alike: instants in UTC, decimals without
 * trailing zeros, sorted).
 */
public final class DatabaseCopy {
    /** A table after the copy: rows and checksum on each side. */
    public record TableCheck(String table, long sourceRows, long targetRows, String sourceChecksum, String targetChecksum) {
        public boolean same() {
            return sourceRows == targetRows && sourceChecksum.equals(targetChecksum);
        }
    }

    private static final int BATCH = 2_000;

    private DatabaseCopy() {
    }

    /** Copies {@code from} into {@code to} and checks every table; {@code progress} hears each table's name. */
    public static List<TableCheck> copy(Database from, Database to, Consumer<String> progress) {
        try (Connection src = from.dataSource().getConnection(); Connection dst = to.dataSource().getConnection()) {
            List<String> tables = tablesParentsFirst(src);
            refuseUnlessEmpty(dst, to.displayName());
            dst.setAutoCommit(false);
            try {
                for (int i = tables.size() - 1; i >= 0; i--) {
                    try (Statement st = dst.createStatement()) {
                        st.executeUpdate("DELETE FROM " + tables.get(i)); // the migrations' seeds: the source has them too
                    }
                }
                for (String t : tables) {
                    progress.accept(t);
                    copyTable(src, dst, t);
                }
                restartIdentities(dst, tables, to.engine());
                dst.commit();
            } catch (SQLException | RuntimeException e) {
                dst.rollback();
                throw e;
            }
            List<TableCheck> checks = new ArrayList<>();
            for (String t : tables) {
                Digest a = digest(src, t);
                Digest b = digest(dst, t);
                checks.add(new TableCheck(t, a.rows, b.rows, a.sha256, b.sha256));
            }
            return checks;
        } catch (SQLException e) {
            throw new DatabaseException("Copying " + from.displayName() + " to " + to.displayName() + " failed, nothing was kept: "
                    + e.getMessage(), e);
        }
    }

    /** The rows and checksum of every application table of {@code db} (what {@link #copy} compares). */
    public static Map<String, String> checksums(Database db) {
        try (Connection c = db.dataSource().getConnection()) {
            Map<String, String> out = new TreeMap<>();
            for (String t : tablesParentsFirst(c)) {
                Digest d = digest(c, t);
                out.put(t, d.rows + " " + d.sha256);
            }
            return out;
        } catch (SQLException e) {
            throw new DatabaseException("Cannot read " + db.displayName() + ": " + e.getMessage(), e);
        }
    }

    private static void refuseUnlessEmpty(Connection dst, String name) throws SQLException {
        for (String t : List.of("organizations", "users")) {
            try (Statement st = dst.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + t)) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    throw new DatabaseException("The target " + name + " already holds data (" + rs.getLong(1) + " rows in " + t
                            + "); db copy copies into a new, empty database only. Nothing was copied.");
                }
            }
        }
    }

    /** The application's tables (not Flyway's), lower case, each after the tables it refers to. */
    static List<String> tablesParentsFirst(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String schema = c.getSchema();
        Map<String, Set<String>> parents = new TreeMap<>();
        try (ResultSet rs = md.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String t = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!t.startsWith("flyway")) {
                    parents.put(t, new LinkedHashSet<>());
                }
            }
        }
        for (String t : parents.keySet()) {
            try (ResultSet rs = md.getImportedKeys(null, schema, md.storesUpperCaseIdentifiers() ? t.toUpperCase(Locale.ROOT) : t)) {
                while (rs.next()) {
                    String p = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!p.equals(t)) {
                        parents.get(t).add(p);
                    }
                }
            }
        }
        List<String> order = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (order.size() < parents.size()) {
            boolean progress = false;
            for (var e : parents.entrySet()) {
                if (!placed.contains(e.getKey()) && placed.containsAll(e.getValue())) {
                    order.add(e.getKey());
                    placed.add(e.getKey());
                    progress = true;
                }
            }
            if (!progress) {
                throw new SQLException("The foreign keys between " + parents.keySet() + " form a cycle");
            }
        }
        return order;
    }

    /** The columns a row can be written with (generated ones are computed by the target). */
    private static List<String> writableColumns(Connection c, String table) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        List<String> cols = new ArrayList<>();
        try (ResultSet rs = md.getColumns(null, c.getSchema(), md.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table, "%")) {
            while (rs.next()) {
                if (!"YES".equals(rs.getString("IS_GENERATEDCOLUMN"))) {
                    cols.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return cols;
    }

    private static void copyTable(Connection src, Connection dst, String table) throws SQLException {
        List<String> cols = writableColumns(dst, table);
        String list = String.join(", ", cols);
        try (Statement read = src.createStatement();
             PreparedStatement write = dst.prepareStatement("INSERT INTO " + table + " (" + list + ") VALUES ("
                     + String.join(", ", java.util.Collections.nCopies(cols.size(), "?")) + ")")) {
            read.setFetchSize(5_000);
            try (ResultSet rs = read.executeQuery("SELECT " + list + " FROM " + table)) {
                int n = 0;
                while (rs.next()) {
                    for (int i = 1; i <= cols.size(); i++) {
                        Object v = rs.getObject(i);
                        write.setObject(i, v instanceof java.sql.Timestamp ts ? ts.toInstant().atOffset(java.time.ZoneOffset.UTC) : v);
                    }
                    write.addBatch();
                    if (++n % BATCH == 0) {
                        write.executeBatch();
                    }
                }
                write.executeBatch();
            }
        }
    }

    /** Moves each identity column's counter past the largest copied id, so new rows do not collide. */
    private static void restartIdentities(Connection dst, List<String> tables, Database.Engine engine) throws SQLException {
        DatabaseMetaData md = dst.getMetaData();
        for (String t : tables) {
            try (ResultSet rs = md.getColumns(null, dst.getSchema(), md.storesUpperCaseIdentifiers() ? t.toUpperCase(Locale.ROOT) : t, "%")) {
                while (rs.next()) {
                    if (!"YES".equals(rs.getString("IS_AUTOINCREMENT"))) {
                        continue;
                    }
                    String col = rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
                    long max;
                    try (Statement st = dst.createStatement(); ResultSet m = st.executeQuery("SELECT COALESCE(MAX(" + col + "), 0) FROM " + t)) {
                        m.next();
                        max = m.getLong(1);
                    }
                    try (Statement st = dst.createStatement()) {
                        if (engine == Database.Engine.POSTGRESQL) {
                            st.execute("SELECT setval(pg_get_serial_sequence('" + t + "', '" + col + "'), " + Math.max(max, 1) + ", " + (max > 0) + ")");
                        } else {
                            st.execute("ALTER TABLE " + t + " ALTER COLUMN " + col + " RESTART WITH " + (max + 1));
                        }
                    }
                }
            }
        }
    }

    private record Digest(long rows, String sha256) {
    }

    /** The table's rows in one engine-neutral text each, sorted, hashed. */
    private static Digest digest(Connection c, String table) throws SQLException {
        List<String> cols = writableColumns(c, table);
        List<String> rows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT " + String.join(", ", cols) + " FROM " + table)) {
            StringBuilder b = new StringBuilder();
            while (rs.next()) {
                b.setLength(0);
                for (int i = 1; i <= cols.size(); i++) {
                    b.append(canonical(rs.getObject(i))).append('\u0001');
                }
                rows.add(b.toString());
            }
        }
        java.util.Collections.sort(rows);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String r : rows) {
                sha.update(r.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return new Digest(rows.size(), HexFormat.of().formatHex(sha.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String canonical(Object v) {
        if (v == null) {
            return "\u0000";
        }
        if (v instanceof java.sql.Timestamp ts) {
            return ts.toInstant().toString();
        }
        if (v instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant().toString();
        }
        if (v instanceof BigDecimal d) {
            return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        return v.toString();
    }

}
