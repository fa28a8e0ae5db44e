package org.impactdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.impactdesk.access.Actor;
import org.impactdesk.service.Services;
import org.impactdesk.service.generation.ExampleBundleFixture;
import org.impactdesk.service.generation.GenerationRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * People log in to a team database as themselves (README "Team database"): after {@code db grant} the
 * server's administrator gives a person's role a password ({@code ALTER ROLE ... PASSWORD}), and the
 * person connects with it, a real login checked by the server (this database's {@code pg_hba.conf} lines
 * ask for scram-sha-256 here, as a server set up for people would), not a SET ROLE of the owner. Plain
 * SELECTs then read the person's scope only: Kim (coordinator of la-2) and Mira (a peer mentor), across
 * people, activities, the summary tables and the Wrapped releases. A wrong or missing password logs in
 * nobody, and one person's login cannot take another's role.
 */
class PostgresLoginTest {
    static String url;
    static String name;
    static Database db;
    static Map<String, String> roles;
    static Path hba;
    static String hbaBefore;

    @BeforeAll
    static void rolesWithPasswords() throws Exception {
        url = TestPostgres.freshDatabase();
        name = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
        db = Database.open(url, null);
        ExampleBundleFixture.load(db);
        new Services(db).generation.generate(new GenerationRequest(Set.of(2025), GenerationRequest.Selection.ALL, null,
                LocalDate.of(2026, 1, 10), false), Actor.localOperator());
        db.jdbi().useHandle(h -> h.execute("""
                INSERT INTO annual_releases (annual_summary_id, released_at, released_by)
                SELECT id, CURRENT_TIMESTAMP, 'user-ada' FROM annual_summaries WHERE status = 'ready'
                ON CONFLICT (annual_summary_id) DO NOTHING"""));
        roles = TeamRoles.grant(db).stream().collect(Collectors.toMap(TeamRoles.Granted::userId, TeamRoles.Granted::role));
        try (Connection admin = TestPostgres.admin(); Statement st = admin.createStatement()) {
            st.execute("ALTER ROLE " + roles.get("user-kim") + " PASSWORD 'kim-Secret-1'");
            st.execute("ALTER ROLE " + roles.get("user-mira") + " PASSWORD 'mira-Secret-2'");
            try (var rs = st.executeQuery("SHOW hba_file")) {
                rs.next();
                hba = Path.of(rs.getString(1));
            }
            hbaBefore = Files.readString(hba, StandardCharsets.UTF_8);
            // this database only: the owner (the tests' superuser) as before, everyone else with a password
            Files.writeString(hba, "host " + name + " postgres all trust\n"
                    + "host " + name + " all all scram-sha-256\n" + hbaBefore, StandardCharsets.UTF_8);
            st.execute("SELECT pg_reload_conf()");
        }
        awaitPasswordsAsked();
    }

    /** The server reloads its pg_hba.conf on a signal: until it has, a login without a password still passes. */
    static void awaitPasswordsAsked() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (Connection c = login("user-kim", null)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the server still lets " + roles.get("user-kim") + " in without a password");
                }
            } catch (SQLException e) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    @AfterAll
    static void restore() throws IOException, SQLException {
        try {
            if (hba != null) {
                Files.writeString(hba, hbaBefore, StandardCharsets.UTF_8);
                try (Connection admin = TestPostgres.admin(); Statement st = admin.createStatement()) {
                    st.execute("SELECT pg_reload_conf()");
                }
            }
        } finally {
            db.close();
            TestPostgres.drop(url);
        }
    }

    static Connection login(String user, String password) throws SQLException {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("user", roles.get(user));
        if (password != null) {
            p.setProperty("password", password);
        }
        return DriverManager.getConnection(url.substring(0, url.indexOf('?')), p);
    }

    static List<String> column(Connection c, String sql) throws SQLException {
        return PostgresRowSecurityTest.column(c, sql);
    }

    static List<String> asOwner(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
    }

    @Test
    void aCoordinatorLogsInWithTheirPasswordAndReadsTheirAssociationOnly() throws SQLException {
        assertThat(asOwner("SELECT DISTINCT local_association_id FROM activities")).contains("la-1", "la-2");
        try (Connection kim = login("user-kim", "kim-Secret-1")) {
            assertThat(column(kim, "SELECT session_user")).as("a login of its own").containsExactly(roles.get("user-kim"));
            assertThat(column(kim, "SELECT DISTINCT local_association_id FROM activities")).containsExactly("la-2");
            List<String> users = asOwner("""
                    SELECT pm.user_id FROM peer_mentors pm JOIN peer_mentor_associations a ON a.peer_mentor_id = pm.id
                    WHERE a.local_association_id = 'la-2' UNION SELECT 'user-kim'""");
            assertThat(column(kim, "SELECT id FROM users")).containsExactlyInAnyOrderElementsOf(users);
            assertThat(column(kim, "SELECT DISTINCT user_id FROM periodic_summaries")).isNotEmpty()
                    .allSatisfy(u -> assertThat(u).isIn(users));
            assertThat(column(kim, "SELECT user_id FROM annual_summaries")).isNotEmpty().allSatisfy(u -> assertThat(u).isIn(users))
                    .doesNotContain("user-jonas");
            assertThat(column(kim, "SELECT COUNT(*) FROM annual_releases")).containsExactly(asOwner("""
                    SELECT COUNT(*) FROM annual_releases r JOIN annual_summaries s ON s.id = r.annual_summary_id
                    WHERE s.user_id IN (SELECT pm.user_id FROM peer_mentors pm JOIN peer_mentor_associations a
                                        ON a.peer_mentor_id = pm.id WHERE a.local_association_id = 'la-2')""").get(0));
            assertThatThrownBy(() -> column(kim, "SELECT held_reason FROM annual_releases")).as("who held one back, and why")
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> column(kim, "SELECT smtp_host FROM organization_delivery")).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> kim.createStatement().execute("SET ROLE " + roles.get("user-mira")))
                    .as("a person's login cannot act as another person").hasMessageContaining("permission denied");
        }
    }

    @Test
    void aPeerMentorLogsInWithTheirPasswordAndReadsTheirOwnRowsOnly() throws SQLException {
        String pm = asOwner("SELECT id FROM peer_mentors WHERE user_id = 'user-mira'").get(0);
        try (Connection mira = login("user-mira", "mira-Secret-2")) {
            assertThat(column(mira, "SELECT id FROM users")).containsExactly("user-mira");
            assertThat(column(mira, "SELECT id FROM peer_mentors")).containsExactly(pm);
            assertThat(column(mira, "SELECT DISTINCT peer_mentor_id FROM activities")).containsExactly(pm);
            assertThat(column(mira, "SELECT DISTINCT user_id FROM periodic_summaries")).containsExactly("user-mira");
            assertThat(column(mira, "SELECT user_id FROM annual_summaries")).containsExactly("user-mira");
            assertThat(column(mira, "SELECT s.user_id FROM annual_releases r JOIN annual_summaries s ON s.id = r.annual_summary_id"))
                    .containsOnly("user-mira");
            assertThat(column(mira, "SELECT id FROM activities WHERE peer_mentor_id <> '" + pm + "'")).as("another mentor's")
                    .isEmpty();
            assertThat(asOwner("SELECT COUNT(*) FROM activities WHERE peer_mentor_id <> '" + pm + "'").get(0)).isNotEqualTo("0");
        }
    }

    @Test
    void aWrongOrMissingPasswordLogsInNobody() {
        assertThatThrownBy(() -> login("user-kim", "mira-Secret-2").close()).isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
        assertThatThrownBy(() -> login("user-mira", null).close()).isInstanceOf(SQLException.class);
    }
}
