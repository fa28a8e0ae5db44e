package org.impactdesk.service.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.impactdesk.service.generation.GenerationRequest.Selection.ALL;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.impactdesk.domain.NotificationSender;
import org.impactdesk.domain.ReleaseLine;
import org.impactdesk.domain.ShareRefusedException;
import org.impactdesk.service.release.ReleaseRefusedException;
import org.impactdesk.service.release.ReleaseService;
import org.impactdesk.service.release.StoredReleaseService;
import org.impactdesk.service.sharing.ShareNotFoundException;
import org.impactdesk.service.sharing.ShareService;
import org.impactdesk.store.Database;
import org.impactdesk.store.MigratedH2;
import org.impactdesk.store.ReleaseDao;
import org.impactdesk.store.ShareDao;
import org.impactdesk.store.SummaryReadDao;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 items 1 and 2: with "Wrapped needs review before release" (on by default) a ready
 * annual summary waits unreleased: no notification, no share, invisible to the mentor's own
 * sign-in; an admin's preview marks it previewed (never viewed_at); a release queues the
 * notification in its transaction and sends it after the commit, once; a held one stays back
 * until named; nothing of it changes the summary's row.
 */
@MigratedH2
class ReviewGateTest {
    RuleDb t;
    ReleaseService releases;
    Actor admin = new Actor("u-admin", "Admin", "o1", Set.of(Role.ORG_ADMIN), null);
    @TempDir
    java.nio.file.Path dir;

    @BeforeEach
    void open(Database db) {
        t = new RuleDb(db);
        t.org("o1", null);
        for (String pm : List.of("pm-a", "pm-b", "pm-c")) {
            t.mentor(pm, "o1", "la-o1", "active", "2020-01-01");
            t.daily(pm, "o1", "2025-03-01", 6);
        }
        t.user("u-admin", "o1", "org_admin");
        releases = new StoredReleaseService(db, n -> t.sent.add(n), t.clock);
    }

    private Actor mentor(String pm) {
        return new Actor("u-" + pm, "Name of u-" + pm, "o1", Set.of(Role.PEER_MENTOR), pm);
    }

    private List<String> annualSent() {
        return t.sent.stream().filter(n -> n.summaryTable().equals("annual_summaries")).map(NotificationSender.Notification::userId)
                .sorted().toList();
    }

    private Map<String, ReleaseLine.State> states() {
        return releases.lines(2025, "o1", admin).stream().collect(java.util.stream.Collectors.toMap(ReleaseLine::peerMentorId,
                ReleaseLine::state));
    }

    @Test
    void aReadyWrappedWaitsUnreleasedWithoutNotificationShareOrTheMentorSeeingIt() {
        t.generate(2025, ALL, "2026-01-10");
        assertThat(t.count("SELECT COUNT(*) FROM annual_summaries WHERE status = 'ready'")).isEqualTo(3);
        assertThat(t.count("SELECT COUNT(*) FROM notification_outbox WHERE summary_table = 'annual_summaries'")).isZero();
        assertThat(annualSent()).isEmpty();
        assertThat(t.sent).as("impact and periodic summaries still notify").isNotEmpty();
        SummaryReadDao read = new SummaryReadDao(t.db.jdbi());
        assertThat(read.annual(mentor("pm-a").scope(), "pm-a", 2025)).isEmpty();
        assertThat(read.annual(admin.scope(), "pm-a", 2025)).isPresent();
        ShareService share = new ShareService(new ShareDao(t.db.jdbi()));
        assertThatThrownBy(() -> share.export("pm-a", 2025, mentor("pm-a").scope(), dir.resolve("a.png"), null,
                java.util.Locale.ENGLISH)).isInstanceOf(ShareNotFoundException.class);
        assertThatThrownBy(() -> share.export("pm-a", 2025, Actor.localOperator().scope(), dir.resolve("a.png"), null,
                java.util.Locale.ENGLISH)).isInstanceOf(ShareRefusedException.class).hasMessageContaining("released");
        assertThat(dir.resolve("a.png")).doesNotExist();
        assertThat(states()).containsOnly(Map.entry("pm-a", ReleaseLine.State.WAITING), Map.entry("pm-b",
                ReleaseLine.State.WAITING), Map.entry("pm-c", ReleaseLine.State.WAITING));
    }

    @Test
    void previewMarksPreviewedAndReleasingThePreviewedNotifiesThemOnceAndChangesNoFigure() {
        t.generate(2025, ALL, "2026-01-10");
        List<Map<String, Object>> before = t.rows("SELECT * FROM annual_summaries ORDER BY id");
        releases.markPreviewed("pm-a", 2025, admin);
        releases.markPreviewed("pm-b", 2025, admin);
        releases.markPreviewed("pm-a", 2025, Actor.localOperator()); // a second look keeps the first
        assertThat(states()).containsOnly(Map.entry("pm-a", ReleaseLine.State.PREVIEWED), Map.entry("pm-b",
                ReleaseLine.State.PREVIEWED), Map.entry("pm-c", ReleaseLine.State.WAITING));
        ReleaseLine a = releases.lines(2025, "o1", admin).stream().filter(l -> l.peerMentorId().equals("pm-a")).findFirst()
                .orElseThrow();
        assertThat(a.previewedBy()).isEqualTo("u-admin");
        assertThat(a.previewedAt()).isEqualTo(t.clock.instant());

        ReleaseService.Outcome o = releases.release(2025, "o1", ReleaseService.Selection.PREVIEWED, null, admin);
        assertThat(o.released()).isEqualTo(2);
        assertThat(o.notificationsSent()).isEqualTo(2);
        assertThat(annualSent()).containsExactly("u-pm-a", "u-pm-b");
        assertThat(states()).containsEntry("pm-a", ReleaseLine.State.RELEASED).containsEntry("pm-c", ReleaseLine.State.WAITING);
        assertThat(t.count("SELECT COUNT(*) FROM notification_outbox WHERE summary_table = 'annual_summaries' "
                + "AND sent_at IS NOT NULL")).isEqualTo(2);
        SummaryReadDao read = new SummaryReadDao(t.db.jdbi());
        assertThat(read.annual(mentor("pm-a").scope(), "pm-a", 2025)).isPresent();
        assertThat(read.annual(mentor("pm-c").scope(), "pm-c", 2025)).isEmpty();

        // a release repeated changes nothing and sends nothing twice
        ReleaseService.Outcome again = releases.release(2025, "o1", ReleaseService.Selection.PREVIEWED, null, admin);
        assertThat(again.released()).isZero();
        assertThat(again.alreadyReleased()).isEqualTo(2);
        assertThat(annualSent()).hasSize(2);
        // nothing of the review touched the summaries (viewed_at, figures, updated_at), but the sent notifications
        List<Map<String, Object>> after = t.rows("SELECT * FROM annual_summaries ORDER BY id");
        after.forEach(r -> r.remove("notification_sent_at"));
        before.forEach(r -> r.remove("notification_sent_at"));
        assertThat(after).isEqualTo(before);
        assertThat(t.count("SELECT COUNT(*) FROM annual_summaries WHERE viewed_at IS NOT NULL")).isZero();
    }

    @Test
    void aHeldWrappedStaysBackFromAllUntilItIsNamed() {
        t.generate(2025, ALL, "2026-01-10");
        assertThatThrownBy(() -> releases.hold("pm-c", 2025, "  ", admin)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("why");
        releases.hold("pm-c", 2025, "Asked us to wait until the family knows", admin);
        ReleaseService.Outcome all = releases.release(2025, "o1", ReleaseService.Selection.ALL, null, admin);
        assertThat(all.released()).isEqualTo(2);
        assertThat(all.held()).isOne();
        assertThat(states()).containsEntry("pm-c", ReleaseLine.State.HELD);
        assertThat(releases.lines(2025, "o1", admin).stream().filter(l -> l.peerMentorId().equals("pm-c")).findFirst()
                .orElseThrow().heldReason()).isEqualTo("Asked us to wait until the family knows");
        releases.release(2025, "o1", ReleaseService.Selection.MENTOR, "pm-c", admin);
        assertThat(states()).containsEntry("pm-c", ReleaseLine.State.RELEASED);
        assertThat(annualSent()).containsExactly("u-pm-a", "u-pm-b", "u-pm-c");
        assertThatThrownBy(() -> releases.hold("pm-c", 2025, "too late", admin)).isInstanceOf(ReleaseRefusedException.class);
    }

    @Test
    void onlyAdminsReleaseAndAMentorOutsideTheScopeIsNotFound() {
        t.generate(2025, ALL, "2026-01-10");
        t.coordinator("u-coord", "o1", "la-o1");
        Actor coordinator = new Actor("u-coord", "Coordinator", "o1", Set.of(Role.COORDINATOR), null);
        assertThatThrownBy(() -> releases.release(2025, "o1", ReleaseService.Selection.ALL, null, coordinator))
                .isInstanceOf(ReleaseRefusedException.class);
        assertThatThrownBy(() -> releases.release(2025, "o1", ReleaseService.Selection.ALL, null, mentor("pm-a")))
                .isInstanceOf(ReleaseRefusedException.class);
        assertThat(releases.lines(2025, "o1", coordinator)).hasSize(3); // a coordinator sees the list of their team
        Actor otherAdmin = new Actor("u-x", "Other", "o2", Set.of(Role.ORG_ADMIN), null);
        assertThatThrownBy(() -> releases.release(2025, null, ReleaseService.Selection.MENTOR, "pm-a", otherAdmin))
                .isInstanceOf(SummaryNotFoundException.class);
        assertThat(annualSent()).isEmpty();
    }

    @Test
    void withoutReviewTheReadyWrappedNotifiesAtGenerationAndCountsAsReleased() {
        new ReleaseDao(t.db.jdbi()).setReviewRequired("o1", false, "u-admin");
        t.generate(2025, ALL, "2026-01-10");
        assertThat(annualSent()).containsExactly("u-pm-a", "u-pm-b", "u-pm-c");
        assertThat(states().values()).containsOnly(ReleaseLine.State.RELEASED);
        assertThat(new SummaryReadDao(t.db.jdbi()).annual(mentor("pm-a").scope(), "pm-a", 2025)).isPresent();
    }

    @Test
    void aGlobalAdminSeesAndReleasesEveryOrganisationsWrappedAndAnOrgAdminOnlyTheirs() {
        t.org("o2", null);
        t.mentor("pm-z", "o2", "la-o2", "active", "2020-01-01");
        t.daily("pm-z", "o2", "2025-04-01", 6);
        t.generate(2025, ALL, "2026-01-10");
        Actor global = new Actor("u-global", "Global", null, Set.of(Role.GLOBAL_ADMIN), null);
        Actor admin2 = new Actor("u-admin2", "Admin of o2", "o2", Set.of(Role.ORG_ADMIN), null);

        // a global admin sees every organisation's, with its name; one organisation's when asked
        assertThat(releases.lines(2025, null, global)).extracting(ReleaseLine::peerMentorId, ReleaseLine::organizationName)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("pm-a", "Org o1"),
                        org.assertj.core.groups.Tuple.tuple("pm-b", "Org o1"), org.assertj.core.groups.Tuple.tuple("pm-c", "Org o1"),
                        org.assertj.core.groups.Tuple.tuple("pm-z", "Org o2"));
        assertThat(releases.lines(2025, "o2", global)).extracting(ReleaseLine::peerMentorId).containsExactly("pm-z");
        // an org admin sees only theirs, even when they name the other organisation
        assertThat(releases.lines(2025, null, admin)).extracting(ReleaseLine::peerMentorId)
                .containsExactlyInAnyOrder("pm-a", "pm-b", "pm-c");
        assertThat(releases.lines(2025, "o2", admin)).isEmpty();
        assertThat(releases.lines(2025, null, admin2)).extracting(ReleaseLine::peerMentorId).containsExactly("pm-z");
        assertThat(releases.years(global)).containsExactly(2025);
        assertThat(releases.years(new Actor("u-admin3", "Admin of o3", "o3", Set.of(Role.ORG_ADMIN), null))).isEmpty();

        // an org admin's release of the other organisation releases nothing; a global admin's releases that one only
        assertThat(releases.release(2025, "o2", ReleaseService.Selection.ALL, null, admin).released()).isZero();
        assertThatThrownBy(() -> releases.release(2025, null, ReleaseService.Selection.MENTOR, "pm-z", admin))
                .isInstanceOf(SummaryNotFoundException.class);
        ReleaseService.Outcome o2 = releases.release(2025, "o2", ReleaseService.Selection.ALL, null, global);
        assertThat(o2.released()).isOne();
        assertThat(annualSent()).containsExactly("u-pm-z");
        assertThat(states()).containsOnly(Map.entry("pm-a", ReleaseLine.State.WAITING), Map.entry("pm-b",
                ReleaseLine.State.WAITING), Map.entry("pm-c", ReleaseLine.State.WAITING));
        // and a global admin may name a mentor of any organisation
        releases.release(2025, null, ReleaseService.Selection.MENTOR, "pm-b", global);
        assertThat(states()).containsEntry("pm-b", ReleaseLine.State.RELEASED);
    }
}
