package org.impactdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The per-organisation lock of imports and generations on a team database (two desktops are two
 * connections here): a second writer of the same organisation is told who holds the lock and waits
 * until the first commits; another organisation does not wait; readers never wait.
 */
class OrganizationLocksTest {
    String url;
    Database db;

    @BeforeEach
    void open() {
        url = TestPostgres.freshDatabase();
        db = Database.open(url, null);
        db.jdbi().useHandle(h -> h.execute("INSERT INTO organizations (id, name) VALUES ('o1', 'One'), ('o2', 'Two')"));
    }

    @AfterEach
    void close() {
        db.close();
        TestPostgres.drop(url);
    }

    @Test
    void aSecondWriterOfTheSameOrganisationIsToldWhoHoldsItAndWaitsWhileOthersAndReadersGoOn() throws Exception {
        try (Connection first = db.dataSource().getConnection(); Connection second = db.dataSource().getConnection();
             Connection reader = db.dataSource().getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            OrganizationLocks.lock(first, List.of("o1"), h -> { throw new AssertionError("nobody held it: " + h); });
            first.createStatement().executeUpdate("UPDATE organizations SET name = 'One, renamed' WHERE id = 'o1'");

            CountDownLatch told = new CountDownLatch(1);
            StringBuilder holder = new StringBuilder();
            CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
                try {
                    OrganizationLocks.lock(second, List.of("o1"), h -> {
                        holder.append(h);
                        told.countDown();
                    });
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(told.await(30, TimeUnit.SECONDS)).as("the second writer is told").isTrue();
            assertThat(holder.toString()).contains("impact-desk").contains("on o1");
            assertThat(waiting).as("and waits while the first holds it").isNotDone();

            // a reader does not wait, and sees the last committed name
            try (var rs = reader.createStatement().executeQuery("SELECT name FROM organizations WHERE id = 'o1'")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("One");
            }
            // another organisation's writer does not wait
            try (Connection other = db.dataSource().getConnection()) {
                other.setAutoCommit(false);
                OrganizationLocks.lock(other, List.of("o2"), h -> { throw new AssertionError("o2 was free: " + h); });
                other.rollback();
            }
            first.commit();
            waiting.get(30, TimeUnit.SECONDS);
            second.rollback();
        }
    }

    @Test
    void aGenerationHoldsItsLockAcrossCommitsUntilItCloses() throws Exception {
        try (Connection gen = db.dataSource().getConnection(); Connection imp = db.dataSource().getConnection()) {
            OrganizationLocks.Held held = OrganizationLocks.lockSession(gen, "o1", h -> { throw new AssertionError(h); });
            gen.setAutoCommit(false);
            gen.commit(); // a chunk's commit keeps the session's lock
            imp.setAutoCommit(false);
            try (var ps = imp.prepareStatement("SELECT pg_try_advisory_xact_lock(?, hashtext(?))")) {
                ps.setInt(1, OrganizationLocks.LOCK_CLASS);
                ps.setString(2, "o1");
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getBoolean(1)).as("held after the commit").isFalse();
                }
            }
            held.close();
            OrganizationLocks.lock(imp, List.of("o1"), h -> { throw new AssertionError("released: " + h); });
            imp.rollback();
        }
    }
}
