package org.impactdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.impactdesk.service.generation.ExampleBundleFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Row-level security on a team database: after {@code db grant}, each actor kind connects as its own
 * role and runs plain SELECTs; it reads its scope and nothing beyond (the worked example: Kim
 * coordinates la-2 only, Ada administers org-1, Mira is a peer mentor).
 */
class PostgresRowSecurityTest {
    static String url;
    static Database db;
    static Map<String, String> roles;

    @BeforeAll
    static void granted() {
        url = TestPostgres.freshDatabase();
        db = Database.open(url, null);
        ExampleBundleFixture.load(db);
        roles = TeamRoles.grant(db).stream().collect(Collectors.toMap(TeamRoles.Granted::userId, TeamRoles.Granted::role));
    }

    @AfterAll
    static void drop() {
        db.close();
        TestPostgres.drop(url);
    }

    static Connection as(String user) throws SQLException {
        String base = url.substring(0, url.indexOf('?'));
        return DriverManager.getConnection(base + "?user=" + roles.get(user));
    }

    static List<String> column(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (var rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    static List<String> asOwner(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
    }

    @Test
    void aCoordinatorReadsTheActivitiesAndMentorsOfTheirAssociationOnlyAndNoOtherAssociationsRows() throws SQLException {
        List<String> all = asOwner("SELECT DISTINCT local_association_id FROM activities");
        assertThat(all).as("the example has activities of more than one association").contains("la-1", "la-2");
        try (Connection kim = as("user-kim")) {
            assertThat(column(kim, "SELECT DISTINCT local_association_id FROM activities")).containsExactly("la-2");
            assertThat(column(kim, "SELECT id FROM activities WHERE local_association_id = 'la-1'")).as("another association").isEmpty();
            assertThat(column(kim, "SELECT COUNT(*) FROM activities"))
                    .containsExactly(asOwner("SELECT COUNT(*) FROM activities WHERE local_association_id = 'la-2'").get(0));
            List<String> mentors = column(kim, "SELECT id FROM peer_mentors");
            assertThat(mentors).isNotEmpty().containsExactlyInAnyOrderElementsOf(asOwner("""
                    SELECT DISTINCT pm.id FROM peer_mentors pm JOIN peer_mentor_associations a ON a.peer_mentor_id = pm.id
                    WHERE a.local_association_id = 'la-2'"""));
        }
    }

    @Test
    void aPeerMentorReadsTheirOwnRowsOnly() throws SQLException {
        String pm = asOwner("SELECT id FROM peer_mentors WHERE user_id = 'user-mira'").get(0);
        try (Connection mira = as("user-mira")) {
            assertThat(column(mira, "SELECT id FROM peer_mentors")).containsExactly(pm);
            assertThat(column(mira, "SELECT DISTINCT peer_mentor_id FROM activities")).containsExactly(pm);
            assertThat(column(mira, "SELECT id FROM users")).containsExactly("user-mira");
        }
    }

    @Test
    void anOrgAdminReadsTheirOrganisationAndTheOwnerReadsAll() throws SQLException {
        try (Connection ada = as("user-ada")) {
            assertThat(column(ada, "SELECT COUNT(*) FROM activities")).containsExactly(asOwner("SELECT COUNT(*) FROM activities").get(0));
            assertThat(column(ada, "SELECT id FROM users")).containsExactlyInAnyOrderElementsOf(asOwner("SELECT id FROM users"));
        }
    }

    @Test
    void aPersonsRoleCannotReadTablesWithoutAPolicyNorWriteAtAll() throws SQLException {
        try (Connection kim = as("user-kim")) {
            assertThatThrownBy(() -> column(kim, "SELECT * FROM contacts")).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> kim.createStatement().executeUpdate("DELETE FROM activities"))
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void grantingAgainKeepsTheRolesAndAnH2FileIsRefused(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        assertThat(TeamRoles.grant(db)).allSatisfy(g -> assertThat(g.created()).isFalse())
                .extracting(TeamRoles.Granted::role).containsExactlyInAnyOrderElementsOf(roles.values());
        try (Database h2 = Database.open(dir.resolve("db"))) {
            assertThatThrownBy(() -> TeamRoles.grant(h2)).isInstanceOf(DatabaseException.class).hasMessageContaining("H2 file");
        }
    }
}
