package org.impactdesk.service.wrapped;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.impactdesk.access.Scope;
import org.impactdesk.service.sharing.ShareService;
import org.impactdesk.service.sharing.WrappedFixtures;
import org.impactdesk.store.Database;
import org.impactdesk.store.MigratedH2;
import org.impactdesk.store.ShareDao;
import org.impactdesk.store.WrappedDao;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who is looking: only the mentor's own look writes viewed_at; previews never count as shares. */
@MigratedH2
class DbWrappedSourceTest {
    static final Actor ADMIN = new Actor(null, "Local operator", null, Set.of(Role.GLOBAL_ADMIN), null);
    static final Actor MIRA = new Actor(WrappedFixtures.MENTOR_USER, "Mira", "org-1", Set.of(Role.PEER_MENTOR), WrappedFixtures.MENTOR);
    static final Actor KIM = new Actor("user-kim", "Kim", "org-1", Set.of(Role.COORDINATOR), null);
    Database db;
    ShareDao shareDao;
    DbWrappedSource source;

    @BeforeEach
    void open(Database db) {
        this.db = db;
        WrappedFixtures.people(db);
        WrappedFixtures.summary(db, WrappedFixtures.MENTOR, 2025, "ready", WrappedFixtures.resource("payload-wrapped-2025.json"));
        shareDao = new ShareDao(db.jdbi());
        source = new DbWrappedSource(new WrappedDao(db.jdbi()), shareDao, new ShareService(shareDao),
                (pm, year, actor) -> java.util.Optional.of(WrappedFixtures.resource("payload-wrapped-2025.json")
                        .replace("\"preview\": false", "\"preview\": true").replace("\"year\": 2025,\n  \"preview\"", "\"year\": 2026,\n  \"preview\"")));
    }

    private ShareDao.AnnualSummaryRow row() {
        return shareDao.findAnnual(WrappedFixtures.MENTOR, 2025, Scope.everything()).orElseThrow();
    }

    @Test
    void anAdminsLookNeverSetsViewedAtNorCountsAShare() {
        var w = source.annual(WrappedFixtures.MENTOR, 2025, ADMIN).orElseThrow();
        assertThat(w.viewRecorded()).isFalse();
        assertThat(w.shareable()).isTrue();
        assertThat(source.preview(WrappedFixtures.MENTOR, 2026, ADMIN).orElseThrow().preview()).isTrue();
        assertThat(row().viewedAt()).isNull();
        assertThat(row().sharedCount()).isZero();
    }

    @Test
    void theMentorsFirstLookSetsViewedAtOnce() {
        var first = source.annual(WrappedFixtures.MENTOR, 2025, MIRA).orElseThrow();
        assertThat(first.viewRecorded()).isTrue();
        assertThat(first.viewedAt()).isNotNull();
        var again = source.annual(WrappedFixtures.MENTOR, 2025, MIRA).orElseThrow();
        assertThat(again.viewRecorded()).isFalse();
        assertThat(again.viewedAt()).isEqualTo(first.viewedAt());
        assertThat(row().viewedAt()).isEqualTo(first.viewedAt());
    }

    @Test
    void mentorsAndYearsAreScoped() {
        assertThat(source.mentors(ADMIN)).extracting(WrappedSource.MentorChoice::peerMentorId)
                .containsExactlyInAnyOrder(WrappedFixtures.MENTOR, WrappedFixtures.OTHER_MENTOR);
        assertThat(source.mentors(KIM)).extracting(WrappedSource.MentorChoice::peerMentorId)
                .containsExactly(WrappedFixtures.OTHER_MENTOR);
        assertThat(source.mentors(MIRA)).extracting(WrappedSource.MentorChoice::peerMentorId)
                .containsExactly(WrappedFixtures.MENTOR);
        assertThat(source.years(WrappedFixtures.MENTOR, ADMIN)).containsExactly(2025);
        assertThat(source.years(WrappedFixtures.MENTOR, KIM)).isEmpty();
        assertThat(source.annual(WrappedFixtures.MENTOR, 2025, KIM)).isEmpty();
    }
}
