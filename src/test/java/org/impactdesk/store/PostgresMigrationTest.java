package org.impactdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same Flyway migrations make the same schema on both engines: every table and column of a new
 * H2 database exists on a new PostgreSQL one, with the same nullability, and both histories hold
 * the same versions.
 */
class PostgresMigrationTest {
    @Test
    void aNewPostgresDatabaseGetsTheTablesAndColumnsOfANewH2One(@TempDir Path dir) throws java.sql.SQLException {
        String url = TestPostgres.freshDatabase();
        try (Database h2 = Database.open(dir.resolve("db")); Database pg = Database.open(url, null)) {
            assertThat(pg.engine()).isEqualTo(Database.Engine.POSTGRESQL);
            assertThat(columns(pg)).isEqualTo(columns(h2));
            assertThat(MigratedH2ExtensionTest.appliedVersions(pg)).isEqualTo(MigratedH2ExtensionTest.appliedVersions(h2));
        } finally {
            TestPostgres.drop(url);
        }
    }

    /** table.column -> nullable, in lower case, of the application's tables (not Flyway's). */
    static Map<String, String> columns(Database db) throws java.sql.SQLException {
        return db.jdbi().withHandle(h -> {
            Map<String, String> out = new TreeMap<>();
            try (var rs = h.getConnection().getMetaData().getColumns(null, h.getConnection().getSchema(), "%", "%")) {
                while (rs.next()) {
                    String table = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                    if (table.startsWith("flyway")) {
                        continue;
                    }
                    out.put(table + "." + rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), rs.getString("IS_NULLABLE"));
                }
            }
            return out;
        });
    }

}
