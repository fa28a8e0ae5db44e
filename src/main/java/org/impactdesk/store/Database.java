package org.impactdesk.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.impactdesk.domain.PrivateFiles;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database: by default the embedded H2 one, one file set beginning with {@code path}
 * ({@code path.mv.db}); or a shared PostgreSQL 15+ one named by a {@code jdbc:postgresql://} URL
 * (the team database, README "Team database"). Both are migrated by Flyway on open, from
 * {@code db/migration} and the engine's own {@code db/vendor/<vendor>} folder, and used through Jdbi.
 *
 * <p>What only the H2 file has: the single-instance guard (H2 locks its file; on PostgreSQL many
 * desktops share the server, and imports and generations take a per-organisation lock instead),
 * the copy kept before a migration (on PostgreSQL each migration runs in its own transaction and
 * a failed one rolls back; a copy is the administrator's {@code pg_dump}), encryption with a
 * passphrase (the server's own storage and TLS protect a team database).
 *
 * <p>Personal data: the folder it creates is 0700 and the database and its backups 0600
 * ({@link PrivateFiles}); H2 writes no trace file. With a
 * passphrase a new database is encrypted ({@code CIPHER=AES}) and an encrypted one opens only
 * with it.
 *
 * <p>A stop never closes it under running work: H2's own close-on-exit hook is off; long work
 * runs inside {@link #beginWork()} and checks {@link #stopRequested()}; {@link #close()} (also
 * from the one shutdown hook, on SIGTERM or Ctrl+C) asks running work to stop, waits for it to
 * roll back, and only then shuts the database down.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;
    private static final int H2_WRONG_USER_OR_PASSWORD = 28000;
    private static final int H2_FILE_ENCRYPTION_ERROR = 90049;
    /** The first bytes of a file H2 encrypted ({@code FilePathEncrypt}). */
    private static final byte[] ENCRYPTED_HEADER = "H2encrypt\n".getBytes(StandardCharsets.US_ASCII);
    /** How long a stop waits for running work to notice it before cancelling its statements. */
    private static final long STOP_GRACE_MS = 3_000;
    /** How long a stop waits in all for running work to roll back before it leaves the files as a kill would. */
    private static final long STOP_WAIT_MS = 25_000;

    /** Paths open in this JVM: H2 would share them silently, but a second window must be refused too. */
    private static final java.util.Set<Path> OPEN_IN_THIS_JVM = ConcurrentHashMap.newKeySet();
    /** The databases the shutdown hook closes. */
    private static final java.util.Set<Database> TO_CLOSE_AT_EXIT = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Database::stopAll, "impact-desk-stop"));
    }

    /** The two engines: the embedded H2 file (the default) and a PostgreSQL server (the team database). */
    public enum Engine { H2, POSTGRESQL }

    /** The oldest PostgreSQL the migrations and the row-level security are written for. */
    static final int POSTGRESQL_MIN_MAJOR = 15;
    /** Connections a desktop keeps to a PostgreSQL server: the window's loads, a worker, an import. */
    private static final int POOL_SIZE = 6;
    /**
     * The migration locations: the common one and the engine's own. {@code {vendor}} is the engine's
     * name as Spring Boot's placeholder of the same name has it (h2, postgresql); Flyway itself has
     * no such placeholder, so {@link #locationsFor} replaces it before Flyway sees the locations.
     */
    static final List<String> LOCATIONS = List.of("classpath:db/migration", "classpath:db/vendor/{vendor}");

    private final Engine engine;
    /** The H2 file's base path; null on PostgreSQL. */
    private final Path path;
    /** What messages call this database: the H2 file, or the PostgreSQL URL without its password. */
    private final String displayName;
    private final DataSource dataSource;
    private final Jdbi jdbi;
    /** The screens' reads: on PostgreSQL as the person signed in ({@link #readAs}); on H2 the same as {@link #jdbi}. */
    private final Jdbi readJdbi;
    /** The user the screens' reads are made as (PostgreSQL); null: the URL's own role. */
    private volatile String readingUser;
    /** Each user's role as {@code db grant} mapped it, looked up once. */
    private final java.util.Map<String, String> roleOfUser = new ConcurrentHashMap<>();
    /** This open database among the desktops and commands sharing the data (data_changes.origin). */
    private final String origin = java.util.UUID.randomUUID().toString();
    private Connection keepAlive;
    private final Object workLock = new Object();
    private final Object closeLock = new Object();
    private int running;
    private volatile boolean stopping;
    private boolean closed;

    private Database(Engine engine, Path path, String displayName, DataSource dataSource, Connection keepAlive) {
        this.engine = engine;
        this.path = path;
        this.displayName = displayName;
        this.dataSource = dataSource;
        this.keepAlive = keepAlive;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
        if (engine == Engine.POSTGRESQL) {
            var statements = jdbi.getConfig(org.jdbi.v3.core.statement.SqlStatements.class);
            statements.setTemplateEngine(new PostgresDialect(statements.getTemplateEngine()));
            this.readJdbi = Jdbi.create(new PersonConnections()).installPlugin(new SqlObjectPlugin());
            var reads = readJdbi.getConfig(org.jdbi.v3.core.statement.SqlStatements.class);
            reads.setTemplateEngine(new PostgresDialect(reads.getTemplateEngine()));
        } else {
            this.readJdbi = jdbi;
        }
    }

    /**
     * The screens' reads as a person (the team database, README "Team database"): each pooled
     * connection does {@code SET ROLE} to the role {@code db grant} mapped to the user when it is
     * taken, and {@code RESET ROLE} when it goes back (a connection that cannot reset is closed, never
     * pooled as someone else), so every read passes the row-level security policies (V93, V99).
     */
    private final class PersonConnections implements org.jdbi.v3.core.ConnectionFactory {
        @Override
        public Connection openConnection() throws SQLException {
            Connection c = dataSource.getConnection();
            String user = readingUser;
            if (user == null) {
                return c;
            }
            try (Statement st = c.createStatement()) {
                st.execute("SET ROLE " + quoteIdentifier(roleOf(user)));
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
            return c;
        }

        @Override
        public void closeConnection(Connection c) throws SQLException {
            try (Statement st = c.createStatement()) {
                st.execute("RESET ROLE");
            } catch (SQLException e) {
                if (dataSource instanceof com.zaxxer.hikari.HikariDataSource pool) {
                    pool.evictConnection(c); // never back into the pool as the person
                }
                LOG.warn("A connection of {} could not reset its role and was closed: {}", displayName, e.getMessage());
            } finally {
                c.close();
            }
        }
    }

    private String roleOf(String userId) {
        String role = roleOfUser.get(userId);
        if (role != null) {
            return role;
        }
        role = jdbi.withHandle(h -> h.createQuery("SELECT role_name FROM db_roles WHERE user_id = :u").bind("u", userId)
                .mapTo(String.class).findOne()).orElseThrow(() -> new DatabaseException("The user " + userId
                + " has no database role in " + displayName + " yet, so nothing can be read as them; the administrator"
                + " runs db grant (README \"Team database\") after an import brings new users"));
        roleOfUser.put(userId, role);
        return role;
    }

    static String quoteIdentifier(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /**
     * From now on the screens' reads ({@link #readJdbi()}) are made as {@code userId}'s role on
     * PostgreSQL (null: as the URL's own role again, e.g. after sign-out); nothing on H2, whose file
     * has one user. Connections already taken keep the role they were opened with until returned.
     */
    public void readAs(String userId) {
        if (engine == Engine.POSTGRESQL) {
            readingUser = userId;
        }
    }

    /** The user the screens' reads are made as (PostgreSQL), or null. */
    public String readingUser() {
        return readingUser;
    }

    /** Reads of people's data as the signed-in person ({@link #readAs}); writes go through {@link #jdbi()}. */
    public Jdbi readJdbi() {
        return readJdbi;
    }

    /** This open database among all that share its data: the {@code origin} of the changes it records. */
    public String origin() {
        return origin;
    }

    /** The shutdown hook: each open database stops its work and closes (SIGTERM, Ctrl+C, System.exit). */
    private static void stopAll() {
        for (Database db : List.copyOf(TO_CLOSE_AT_EXIT)) {
            db.close();
        }
    }

    /**
     * Opens (creating if new) and migrates the database at {@code path}. A copy of an existing
     * database is kept before any migration is applied. Another process holding the file gives
     * a {@link DatabaseInUseException} with a message a person understands.
     */
    public static Database open(Path path) {
        return open(path, (char[]) null);
    }

    /**
     * As {@link #open(Path)}, encrypted: {@code passphrase} (null or empty: none) encrypts a new
     * database and must be the one it was created with for an existing one. A missing or wrong
     * passphrase gives a {@link PassphraseException} saying which.
     */
    public static Database open(Path path, char[] passphrase) {
        return open(path, passphrase, LOCATIONS);
    }

    /**
     * Opens the database {@code target} names: a {@code jdbc:postgresql://} URL (the team database)
     * or else the path of an H2 file. A passphrase applies to an H2 file only.
     */
    public static Database open(String target, char[] passphrase) {
        if (isPostgresUrl(target)) {
            if (passphrase != null && passphrase.length > 0) {
                throw new DatabaseException("A passphrase encrypts an H2 file; " + redact(target)
                        + " is a PostgreSQL database, protected by its server (leave the passphrase out)");
            }
            return openPostgres(target);
        }
        return open(Path.of(target), passphrase);
    }

    /** Whether {@code target} names a PostgreSQL database ({@code jdbc:postgresql:...}) rather than an H2 file. */
    public static boolean isPostgresUrl(String target) {
        return target != null && target.regionMatches(true, 0, "jdbc:postgresql:", 0, "jdbc:postgresql:".length());
    }

    /** Opens and migrates the PostgreSQL database at {@code url} (user and password in the URL, PGPASSWORD-style ~/.pgpass, or the driver's defaults). */
    public static Database openPostgres(String url) {
        return openPostgres(url, LOCATIONS);
    }

    static Database openPostgres(String url, List<String> migrationLocations) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        try {
            ds.setUrl(url);
        } catch (IllegalArgumentException e) {
            throw new DatabaseException("Not a PostgreSQL URL Impact Desk can use: " + redact(url) + " (" + e.getMessage()
                    + "); write it as jdbc:postgresql://host:5432/database", e);
        }
        // the name under which this desktop's sessions show in pg_stat_activity: a stop cancels exactly its own
        // statements, and a second import is told whose import it waits for (PostgreSQL keeps 63 bytes of it)
        ds.setApplicationName("impact-desk " + java.util.UUID.randomUUID().toString().substring(0, 8) + " "
                + System.getProperty("user.name", "?") + "@" + hostName());
        String name = redact(url);
        Connection keepAlive;
        try {
            keepAlive = ds.getConnection();
        } catch (SQLException e) {
            throw new DatabaseException("Cannot connect to the PostgreSQL database " + name + ": " + e.getMessage(), e);
        }
        com.zaxxer.hikari.HikariConfig pool = new com.zaxxer.hikari.HikariConfig();
        pool.setDataSource(ds);
        pool.setPoolName("impact-desk " + name);
        pool.setMaximumPoolSize(POOL_SIZE);
        pool.setMinimumIdle(1);
        pool.setInitializationFailTimeout(-1); // the keep-alive connection above already proved the server answers
        Database db = new Database(Engine.POSTGRESQL, null, name, new com.zaxxer.hikari.HikariDataSource(pool), keepAlive);
        try {
            int major = keepAlive.getMetaData().getDatabaseMajorVersion();
            if (major < POSTGRESQL_MIN_MAJOR) {
                throw new DatabaseException("The PostgreSQL server of " + name + " is version " + major
                        + "; Impact Desk needs PostgreSQL " + POSTGRESQL_MIN_MAJOR + " or newer");
            }
            db.migrate(migrationLocations);
        } catch (SQLException | RuntimeException e) {
            db.shutdownQuietly();
            if (e instanceof DatabaseException de) {
                throw de;
            }
            throw new DatabaseException("Cannot prepare the PostgreSQL database " + name + ": " + e.getMessage(), e);
        }
        TO_CLOSE_AT_EXIT.add(db);
        return db;
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    /** The URL without a password given in it (messages and logs never show one). */
    static String redact(String url) {
        return url == null ? "" : url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    /** With other migration locations: for tests of the migration machinery itself. */
    static Database open(Path path, List<String> migrationLocations) {
        return open(path, null, migrationLocations);
    }

    private static Database open(Path path, char[] passphrase, List<String> migrationLocations) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            if (absolute.getParent() != null) {
                PrivateFiles.createFolder(absolute.getParent());
            }
        } catch (IOException e) {
            throw new DatabaseException("Cannot create the folder for the database " + absolute + ": " + e.getMessage(), e);
        }
        boolean encrypt = passphrase != null && passphrase.length > 0;
        boolean encrypted = isEncrypted(absolute);
        if (encrypted && !encrypt) {
            throw new PassphraseException(PassphraseException.Reason.REQUIRED, absolute);
        }
        if (!encrypted && encrypt && exists(absolute)) {
            throw new PassphraseException(PassphraseException.Reason.NOT_ENCRYPTED, absolute);
        }
        if (!OPEN_IN_THIS_JVM.add(absolute)) {
            throw new DatabaseInUseException(absolute);
        }
        try {
            Database db = openUnguarded(absolute, encrypt ? passphrase : null, migrationLocations);
            TO_CLOSE_AT_EXIT.add(db);
            return db;
        } catch (RuntimeException e) {
            OPEN_IN_THIS_JVM.remove(absolute);
            throw e;
        }
    }

    /** Whether the database at {@code path} ({@code path.mv.db}) exists. */
    public static boolean exists(Path path) {
        return Files.isRegularFile(file(path.toAbsolutePath().normalize(), ".mv.db"));
    }

    /** Whether the database at {@code path} exists and is encrypted (it then needs its passphrase). */
    public static boolean isEncrypted(Path path) {
        Path file = file(path.toAbsolutePath().normalize(), ".mv.db");
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return java.util.Arrays.equals(in.readNBytes(ENCRYPTED_HEADER.length), ENCRYPTED_HEADER);
        } catch (IOException e) {
            throw new DatabaseException("Cannot read the database " + file + ": " + e.getMessage(), e);
        }
    }

    private static Path file(Path absolute, String suffix) {
        return absolute.resolveSibling(absolute.getFileName() + suffix);
    }

    private static Database openUnguarded(Path absolute, char[] passphrase, List<String> migrationLocations) {
        JdbcDataSource ds = new JdbcDataSource();
        // default FILE_LOCK (a second process is refused); no AUTO_SERVER.
        // DB_CLOSE_DELAY=-1 keeps the database open while this object lives; DB_CLOSE_ON_EXIT=FALSE:
        // H2's own shutdown hook would close it under a running transaction, ours waits for it (see close()).
        // TRACE_LEVEL_FILE=0: no trace file beside the database (it copied failing statements, with
        // people's data, into a 0644 file, and printed stack traces for a wrong passphrase); every
        // error still reaches the caller as an SQLException.
        ds.setURL("jdbc:h2:file:" + absolute + ";DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0"
                + (passphrase != null ? ";CIPHER=AES" : "")
                + ";CACHE_SIZE=65536;NON_KEYWORDS=YEAR,KEY,VALUE,MONTH");
        ds.setUser("sa");
        // H2's convention: "FILE_PASSWORD USER_PASSWORD"; the file password may hold no space, so
        // the passphrase goes in as the hex of its UTF-8 (H2 derives the AES key from it)
        ds.setPassword(passphrase == null ? "" : filePassword(passphrase) + " ");
        boolean isNew = !exists(absolute);
        Database db = new Database(Engine.H2, absolute, absolute + ".mv.db", ds, connect(ds, absolute, passphrase != null));
        db.restrictFiles();
        if (isNew) {
            LOG.info("Created the database {}.mv.db{}", absolute, passphrase != null ? " (encrypted)" : "");
        }
        if (db.migrate(migrationLocations)) {
            // H2 2.4.240 binds a CHECK (x IN (...)) to the session that created it; once Flyway's
            // session closes, every insert fails with "Check constraint invalid". Reopening
            // re-parses the constraints under the database's own session.
            db.shutdownQuietly();
            db.keepAlive = connect(ds, absolute, passphrase != null);
        }
        db.repairActivityKeys();
        return db;
    }

    static String filePassword(char[] passphrase) {
        java.nio.ByteBuffer bytes = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(passphrase));
        byte[] b = new byte[bytes.remaining()];
        bytes.get(b);
        String hex = HexFormat.of().formatHex(b);
        java.util.Arrays.fill(b, (byte) 0);
        return hex;
    }

    private static Connection connect(JdbcDataSource ds, Path absolute, boolean encrypted) {
        try {
            return ds.getConnection();
        } catch (SQLException e) {
            if (e.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                throw new DatabaseInUseException(absolute);
            }
            if (encrypted && (e.getErrorCode() == H2_WRONG_USER_OR_PASSWORD || e.getErrorCode() == H2_FILE_ENCRYPTION_ERROR)) {
                throw new PassphraseException(PassphraseException.Reason.WRONG, absolute);
            }
            throw new DatabaseException("Cannot open the database " + absolute + ".mv.db: " + e.getMessage(), e);
        }
    }

    /**
     * Applies pending migrations; true when any ran. When the schema history already holds
     * exactly the shipped migrations, all successful, Flyway is not started at all: its scan and
     * full validation (checksums of every file) cost about a third of a second on every open, and
     * issue 17 asks for a cheap version check. Anything else (a new database, a pending or failed
     * migration, a location this check cannot list) goes through Flyway, with the copy first.
     */
    private boolean migrate(List<String> migrationLocations) {
        if (schemaIsCurrent(migrationLocations)) {
            return false;
        }
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations(MigrationCheck.locationsFor(engine, migrationLocations).toArray(String[]::new))
                .failOnMissingLocations(false)
                .load();
        MigrationInfoService info = flyway.info();
        if (engine == Engine.H2 && info.current() != null && info.pending().length > 0) {
            backupBeforeMigration();
        }
        return flyway.migrate().migrationsExecuted > 0;
    }

    /** The engine behind a connection (for the store's few statements that only one of them has). */
    static Engine engineOf(java.sql.Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().startsWith("H2") ? Engine.H2 : Engine.POSTGRESQL;
    }

    /** Whether the schema history holds exactly the shipped versioned migrations, every one successful. */
    boolean schemaIsCurrent(List<String> migrationLocations) {
        return MigrationCheck.schemaIsCurrent(keepAlive, engine, migrationLocations);
    }

    /**
     * H2's online BACKUP writes a consistent zip of the database beside it (0600; of an
     * encrypted database it holds the encrypted file as it is).
     */
    private void backupBeforeMigration() {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path backup = Path.of(path + ".before-migration-" + stamp + ".zip");
        try (Statement st = keepAlive.createStatement()) {
            PrivateFiles.createIfMissing(backup);
            st.execute("BACKUP TO '" + backup.toString().replace("'", "''") + "'");
            PrivateFiles.restrict(backup);
        } catch (SQLException | IOException e) {
            throw new DatabaseException("Could not copy the database before migrating it: " + e.getMessage(), e);
        }
    }

    /**
     * The database's files (and the copies kept before migrations) readable by their owner
     * only; also tightens those an older version left 0644.
     */
    private void restrictFiles() {
        String prefix = path.getFileName() + ".";
        try (var files = Files.list(path.getParent())) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList()) {
                PrivateFiles.restrict(f);
            }
        } catch (IOException e) {
            throw new DatabaseException("Cannot make the database " + path + ".mv.db readable by its owner only: "
                    + e.getMessage(), e);
        }
    }

    /**
     * A sync bulk-loads an empty activities table without its primary key and index and puts
     * them back after its commit; a crash in between leaves them missing. They come back here.
     */
    private void repairActivityKeys() {
        if (engine != Engine.H2) {
            return; // only H2's bulk load drops them; PostgreSQL's COPY loads into the table as it is
        }
        try {
            if (!ActivityKeys.present(keepAlive)) {
                ActivityKeys.restore(keepAlive);
            }
        } catch (SQLException e) {
            throw new DatabaseException("Cannot rebuild the index of activities in " + path + ".mv.db: " + e.getMessage(), e);
        }
    }

    /** Makes everything committed so far durable on disk. */
    public void checkpointSync() {
        if (engine == Engine.H2) {
            jdbi.useHandle(h -> h.execute("CHECKPOINT SYNC"));
        } // PostgreSQL: a commit is durable once it returns (its write-ahead log is flushed)
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The H2 file's base path ({@code path.mv.db}); null for a PostgreSQL database. */
    public Path path() {
        return path;
    }

    public Engine engine() {
        return engine;
    }

    /**
     * Where the data lives, as the window shows it: the H2 file, or the PostgreSQL server, database
     * and login (from the URL; the password is never part of it).
     */
    public org.impactdesk.domain.DatabaseLocation location() {
        if (engine == Engine.H2) {
            return org.impactdesk.domain.DatabaseLocation.ofFile(Path.of(path + ".mv.db"));
        }
        java.util.Properties p = org.postgresql.Driver.parseURL(displayName, null);
        String host = p == null ? "?" : p.getProperty("PGHOST", "localhost");
        String port = p == null ? "" : p.getProperty("PGPORT", "5432");
        return org.impactdesk.domain.DatabaseLocation.ofServer(host + (port.isEmpty() ? "" : ":" + port),
                p == null ? "?" : p.getProperty("PGDBNAME", ""), p == null ? System.getProperty("user.name")
                        : p.getProperty("user", System.getProperty("user.name")));
    }

    /** The database as messages name it: the H2 file, or the PostgreSQL URL without a password. */
    public String displayName() {
        return displayName;
    }

    /** Work that must end (commit or roll back) before the database is shut down; close it when done. */
    public interface Work extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Registers running work (an import, a generation): {@link #close()} waits for it. Throws
     * {@link CancellationException} once a stop has begun.
     */
    public Work beginWork() {
        synchronized (workLock) {
            if (stopping) {
                throw new CancellationException("Stopping: no new work starts.");
            }
            running++;
        }
        return new Work() {
            private boolean ended;

            @Override
            public void close() {
                synchronized (workLock) {
                    if (!ended) {
                        ended = true;
                        running--;
                        workLock.notifyAll();
                    }
                }
            }
        };
    }

    /** True once a stop (close, window close, SIGTERM, Ctrl+C) has begun: running work cancels and rolls back. */
    public boolean stopRequested() {
        return stopping;
    }

    /** Throws {@link CancellationException} once a stop has begun; for the work's own checkpoints. */
    public void checkNotStopping() {
        if (stopping) {
            throw new CancellationException("cancelled; what it had not committed was rolled back (run it again to finish).");
        }
    }

    /**
     * Stops running work and shuts the database down: new work is refused, running work is
     * asked to stop (it rolls back at its next check), after a grace period its running
     * statements are cancelled, and the database is shut down once nothing runs. Work that
     * is still running after {@value #STOP_WAIT_MS} ms is not closed under: the files are left
     * as a kill would leave them (H2 recovers to the last commit on the next open).
     */
    @Override
    public void close() {
        // one close at a time, to its end: a second caller (the shutdown hook while the main thread
        // closes, or the other way round) returns only once the database is shut down, so the JVM
        // never halts in the middle of a SHUTDOWN
        synchronized (closeLock) {
            if (closed) {
                return;
            }
            boolean idle;
            synchronized (workLock) {
                stopping = true;
                idle = awaitIdle(STOP_GRACE_MS);
            }
            if (!idle) {
                LOG.info("Stopping: cancelling the running statements of {}", displayName);
                cancelOtherSessions();
                synchronized (workLock) {
                    idle = awaitIdle(STOP_WAIT_MS - STOP_GRACE_MS);
                }
            }
            if (idle) {
                shutdownQuietly();
            } else {
                LOG.warn("Work on {} did not stop within {} s; the database is left unclosed (it recovers to its "
                        + "last commit when opened next)", displayName, STOP_WAIT_MS / 1000);
            }
            closed = true;
            TO_CLOSE_AT_EXIT.remove(this);
            if (path != null) {
                OPEN_IN_THIS_JVM.remove(path);
            }
        }
    }

    /** Under workLock: waits up to {@code ms} for running work to end; true when none runs. */
    private boolean awaitIdle(long ms) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
        try {
            while (running > 0) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                workLock.wait(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return running == 0;
        }
        return true;
    }

    /** Cancels the statement each other session is running (it fails, and its work rolls back). */
    private void cancelOtherSessions() {
        if (engine == Engine.POSTGRESQL) {
            try (var ps = keepAlive.prepareStatement("SELECT pg_cancel_backend(pid) FROM pg_stat_activity "
                    + "WHERE application_name = current_setting('application_name') AND pid <> pg_backend_pid()")) {
                ps.executeQuery().close();
            } catch (SQLException e) {
                LOG.warn("Could not cancel the running statements of {}: {}", displayName, e.getMessage());
            }
            return;
        }
        try (Statement st = keepAlive.createStatement();
             var rs = st.executeQuery("SELECT SESSION_ID FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID <> SESSION_ID()")) {
            List<Integer> ids = new java.util.ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getInt(1));
            }
            for (int id : ids) {
                try (Statement cancel = keepAlive.createStatement()) {
                    cancel.execute("CALL CANCEL_SESSION(" + id + ")");
                }
            }
        } catch (SQLException e) {
            LOG.warn("Could not cancel the running statements of {}: {}", displayName, e.getMessage());
        }
    }

    private void shutdownQuietly() {
        try {
            if (engine == Engine.H2) {
                try (Statement st = keepAlive.createStatement()) {
                    st.execute("SHUTDOWN");
                }
            } else if (dataSource instanceof com.zaxxer.hikari.HikariDataSource pool) {
                pool.close();
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
