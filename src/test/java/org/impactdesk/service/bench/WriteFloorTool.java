package org.impactdesk.service.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.impactdesk.store.Database;

/**
 * The floor under the generation benchmark's writes (a measuring tool, not a test): on a database
 * a full generation has filled ({@code main(db)}, e.g. GenerationBenchTool's work copy), copies
 * each table the generation writes into an empty twin with the same primary key, unique and
 * secondary indexes (no foreign keys, so a lower bound), with one {@code INSERT ... SELECT}
 * inside H2 and one commit: no JDBC, no Java, no computation. Prints each table's time and their
 * sum beside the GROUP BY baseline of the same run.
 */
public final class WriteFloorTool {
    private WriteFloorTool() {
    }

    static final List<String> TABLES = List.of("ANNUAL_SUMMARIES", "IMPACT_SUMMARIES", "PERIODIC_SUMMARIES",
            "USER_ACHIEVEMENTS", "NOTIFICATION_OUTBOX", "SUMMARY_MENTOR_TOTALS");

    public static void main(String[] args) throws Exception {
        try (Database db = Database.open(Path.of(args[0]))) {
            double groupBy = Benchmark.groupByBaseline(db);
            System.out.printf("GROUP BY %.3f s%n", groupBy);
            double total = 0;
            double readTotal = 0;
            long rows = 0;
            for (String table : TABLES) {
                String twin = table + "_FLOOR";
                Map<String, List<String>> indexes = new LinkedHashMap<>();
                Map<String, String> kinds = new LinkedHashMap<>();
                db.jdbi().useHandle(h -> {
                    h.execute("DROP TABLE IF EXISTS " + twin);
                    h.execute("CREATE TABLE " + twin + " AS SELECT * FROM " + table + " WITH NO DATA");
                    h.createQuery("""
                            SELECT i.INDEX_NAME, i.INDEX_TYPE_NAME, c.COLUMN_NAME FROM INFORMATION_SCHEMA.INDEXES i
                            JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c ON c.INDEX_NAME = i.INDEX_NAME AND c.TABLE_NAME = i.TABLE_NAME
                            WHERE i.TABLE_NAME = :t ORDER BY i.INDEX_NAME, c.ORDINAL_POSITION""").bind("t", table)
                            .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                            .forEach(r -> {
                                indexes.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r[2]);
                                kinds.put(r[0], r[1]);
                            });
                    int n = 0;
                    for (var e : indexes.entrySet()) {
                        String kind = kinds.get(e.getKey());
                        String cols = String.join(", ", e.getValue());
                        if (kind.equals("PRIMARY KEY")) {
                            for (String c : e.getValue()) {
                                h.execute("ALTER TABLE " + twin + " ALTER COLUMN " + c + " SET NOT NULL");
                            }
                            h.execute("ALTER TABLE " + twin + " ADD PRIMARY KEY (" + cols + ")");
                        } else {
                            h.execute("CREATE " + (kind.startsWith("UNIQUE") ? "UNIQUE NULLS NOT DISTINCT " : "") + "INDEX "
                                    + twin + "_I" + (n++) + " ON " + twin + "(" + cols + ")");
                        }
                    }
                });
                // the copy also reads the table: timed alone first (every column, over JDBC), to be taken off
                long r0 = System.nanoTime();
                long read = db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM " + table).map((rs, ctx) -> {
                    for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                        rs.getObject(c);
                    }
                    return 1;
                }).stream().count());
                double readSeconds = Benchmark.seconds(r0);
                readTotal += readSeconds;
                long t0 = System.nanoTime();
                long[] copied = new long[1];
                db.jdbi().useTransaction(h -> copied[0] = h.execute("INSERT INTO " + twin + " SELECT * FROM " + table));
                double s = Benchmark.seconds(t0);
                total += s;
                rows += copied[0];
                System.out.printf("%-22s %8d rows  %2d indexes  copy %.3f s  (read alone %.3f s, %d rows)%n", table, copied[0],
                        indexes.size(), s, readSeconds, read);
                db.jdbi().useHandle(h -> h.execute("DROP TABLE " + twin));
            }
            System.out.printf("all %d rows copied in %.3f s = %.2fx the GROUP BY; less reading them (%.3f s): %.3f s = %.2fx%n",
                    rows, total, total / groupBy, readTotal, total - readTotal, (total - readTotal) / groupBy);
        }
    }
}
