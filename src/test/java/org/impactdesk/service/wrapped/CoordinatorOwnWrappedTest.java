package org.impactdesk.service.wrapped;

import static org.assertj.core.api.Assertions.assertThat;

import org.impactdesk.access.Actor;
import org.impactdesk.service.sharing.ShareService;
import org.impactdesk.service.sharing.WrappedFixtures;
import org.impactdesk.store.ActorDao;
import org.impactdesk.store.Database;
import org.impactdesk.store.MigratedH2;
import org.impactdesk.store.ShareDao;
import org.impactdesk.store.WrappedDao;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 8 in the Wrapped screen's source: coordinator Kim (scope la-2: Olaf) is also peer
 * mentor pm-kim of la-1, outside that scope (where Mira is). Kim opens their own Wrapped, as its
 * mentor (the first look is recorded), and still not Mira's.
 */
@MigratedH2
class CoordinatorOwnWrappedTest {
    static final String KIM_MENTOR = "pm-kim";
    Database db;
    DbWrappedSource source;
    Actor kim;

    @BeforeEach
    void open(Database db) {
        this.db = db;
        WrappedFixtures.people(db);
        db.jdbi().useHandle(h -> {
            h.execute("INSERT INTO user_roles (user_id, role) VALUES ('user-kim', 'peer_mentor')");
            h.execute("INSERT INTO peer_mentors (id, user_id, organization_id, primary_local_association_id, status) "
                    + "VALUES ('pm-kim', 'user-kim', 'org-1', 'la-1', 'active')");
            h.execute("INSERT INTO peer_mentor_associations VALUES ('pm-kim', 'la-1')");
        });
        String payload = WrappedFixtures.resource("payload-wrapped-2025.json");
        WrappedFixtures.summary(db, WrappedFixtures.MENTOR, 2025, "ready", payload);
        WrappedFixtures.summary(db, KIM_MENTOR, 2025, "ready", payload);
        db.jdbi().useHandle(h -> h.execute("UPDATE annual_summaries SET user_id = 'user-kim' WHERE peer_mentor_id = 'pm-kim'"));
        ShareDao shareDao = new ShareDao(db.jdbi());
        source = new DbWrappedSource(new WrappedDao(db.jdbi()), shareDao, new ShareService(shareDao),
                (pm, year, actor) -> java.util.Optional.empty());
        kim = new ActorDao(db.jdbi()).find("user-kim").orElseThrow();
    }

    @Test
    void theCoordinatorOpensTheirOwnWrappedAsItsMentorAndNotTheOthersOfItsAssociation() {
        assertThat(source.mentors(kim)).extracting(WrappedSource.MentorChoice::peerMentorId)
                .containsExactlyInAnyOrder(KIM_MENTOR, WrappedFixtures.OTHER_MENTOR);
        assertThat(source.years(KIM_MENTOR, kim)).containsExactly(2025);
        var own = source.annual(KIM_MENTOR, 2025, kim).orElseThrow();
        assertThat(own.viewRecorded()).isTrue();
        assertThat(source.annual(WrappedFixtures.MENTOR, 2025, kim)).isEmpty();
        assertThat(source.years(WrappedFixtures.MENTOR, kim)).isEmpty();
    }
}
