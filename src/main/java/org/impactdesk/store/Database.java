package org.impactdesk.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfoService;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The embedded H2 database: one file set beginning with {@code path} ({@code path.mv.db}),
 * migrated by Flyway on open, used through Jdbi.
 */
public final class Database implements AutoCloseable {
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

    /** Paths open in this JVM: H2 would share them silently, but a second window must be refused too. */
    private static final java.util.Set<Path> OPEN_IN_THIS_JVM = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Path path;
    private final JdbcDataSource dataSource;
    private final Jdbi jdbi;
    private Connection keepAlive;

    private Database(Path path, JdbcDataSource dataSource, Connection keepAlive) {
        this.path = path;
        this.dataSource = dataSource;
        this.keepAlive = keepAlive;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
    }

    /**
     * Opens (creating if new) and migrates the database at {@code path}. A copy of an existing
     * database is kept before any migration is applied. Another process holding the file gives
     * a {@link DatabaseInUseException} with a message a person understands.
     */
    public static Database open(Path path) {
        return open(path, List.of("classpath:db/migration"));
    }

    /** With other migration locations: for tests of the migration machinery itself. */
    static Database open(Path path, List<String> migrationLocations) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
        } catch (java.io.IOException e) {
            throw new DatabaseException("Cannot create the folder for the database " + absolute + ": " + e.getMessage(), e);
        }
        if (!OPEN_IN_THIS_JVM.add(absolute)) {
            throw new DatabaseInUseException(absolute);
        }
        try {
            return openUnguarded(absolute, migrationLocations);
        } catch (RuntimeException e) {
            OPEN_IN_THIS_JVM.remove(absolute);
            throw e;
        }
    }

    private static Database openUnguarded(Path absolute, List<String> migrationLocations) {
        JdbcDataSource ds = new JdbcDataSource();
        // default FILE_LOCK (a second process is refused); no AUTO_SERVER.
        // DB_CLOSE_DELAY=-1 keeps the database open while this object lives.
        ds.setURL("jdbc:h2:file:" + absolute + ";DB_CLOSE_DELAY=-1;CACHE_SIZE=65536;NON_KEYWORDS=YEAR,KEY,VALUE,MONTH");
        ds.setUser("sa");
        ds.setPassword("");
        Database db = new Database(absolute, ds, connect(ds, absolute));
        if (db.migrate(migrationLocations)) {
            // H2 2.4.240 binds a CHECK (x IN (...)) to the session that created it; once Flyway's
            // session closes, every insert fails with "Check constraint invalid". Reopening
            // re-parses the constraints under the database's own session.
            db.shutdownQuietly();
            db.keepAlive = connect(ds, absolute);
        }
        db.repairActivityKeys();
        return db;
    }

    private static Connection connect(JdbcDataSource ds, Path absolute) {
        try {
            return ds.getConnection();
        } catch (SQLException e) {
            if (e.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                throw new DatabaseInUseException(absolute);
            }
            throw new DatabaseException("Cannot open the database " + absolute + ".mv.db: " + e.getMessage(), e);
        }
    }

    /** Applies pending migrations; true when any ran. */
    private boolean migrate(List<String> migrationLocations) {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations(migrationLocations.toArray(String[]::new))
                .load();
        MigrationInfoService info = flyway.info();
        if (info.current() != null && info.pending().length > 0) {
            backupBeforeMigration();
        }
        return flyway.migrate().migrationsExecuted > 0;
    }

    /** H2's online BACKUP writes a consistent zip of the database beside it. */
    private void backupBeforeMigration() {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path backup = Path.of(path + ".before-migration-" + stamp + ".zip");
        try (Statement st = keepAlive.createStatement()) {
            st.execute("BACKUP TO '" + backup.toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            throw new DatabaseException("Could not copy the database before migrating it: " + e.getMessage(), e);
        }
    }

    /**
     * A sync bulk-loads an empty activities table without its primary key and index and puts
     * them back after its commit; a crash in between leaves them missing. They come back here.
     */
    private void repairActivityKeys() {
        try {
            if (!SyncStore.activityKeysPresent(keepAlive)) {
                SyncStore.restoreActivityKeys(keepAlive);
            }
        } catch (SQLException e) {
            throw new DatabaseException("Cannot rebuild the index of activities in " + path + ".mv.db: " + e.getMessage(), e);
        }
    }

    /** Makes everything committed so far durable on disk. */
    public void checkpointSync() {
        jdbi.useHandle(h -> h.execute("CHECKPOINT SYNC"));
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public JdbcDataSource dataSource() {
        return dataSource;
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() {
        shutdownQuietly();
        OPEN_IN_THIS_JVM.remove(path);
    }

    private void shutdownQuietly() {
        try {
            try (Statement st = keepAlive.createStatement()) {
                st.execute("SHUTDOWN");
            }
        } catch (SQLException ignored) {
            // already closed
        } finally {
            try {
                keepAlive.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }
}
