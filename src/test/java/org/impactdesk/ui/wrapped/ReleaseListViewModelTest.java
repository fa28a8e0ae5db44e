package org.impactdesk.ui.wrapped;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.impactdesk.domain.MailSettings;
import org.impactdesk.domain.NotificationQueue;
import org.impactdesk.domain.ReleaseLine;
import org.impactdesk.service.release.ReleaseService;
import org.impactdesk.ui.delivery.FakeDeliveryService;
import org.impactdesk.ui.fx.SameThreadTaskRunner;
import org.impactdesk.ui.fx.ViewLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Wrapped previewer's release list (issue 19) against fakes of the release and delivery
 * services, no toolkit and no database: the list by state with its counts, releasing the
 * previewed ones (and again: nothing), holding one back only with a choice and a reason, the
 * queue with why it waits and the latest failure, and nothing at all for a non-admin; a global
 * admin (no organisation of their own) picks the organisation whose list, releases and queue they see.
 */
class ReleaseListViewModelTest {
    static final Actor ADMIN = new Actor("u-admin", "Ada Admin", "o1", Set.of(Role.ORG_ADMIN), null);
    static final Actor COORDINATOR = new Actor("u-coord", "Cora", "o1", Set.of(Role.COORDINATOR), null);
    static final Actor GLOBAL_ADMIN = new Actor("u-global", "Gunnhild", null, Set.of(Role.GLOBAL_ADMIN), null);

    FakeReleaseService releases = new FakeReleaseService();
    FakeDeliveryService delivery = new FakeDeliveryService();

    @BeforeEach
    void lines() {
        releases.add("pm-a", "Anna", "ready");
        releases.add("pm-b", "Bjørn", "ready");
        releases.add("pm-c", "Cecilie", "ready");
        releases.add("pm-d", "Dag", "error");
        delivery.queue = new NotificationQueue(0, 0, 0);
    }

    ReleaseListViewModel vm(Actor actor, Locale locale) {
        return new ReleaseListViewModel(releases, delivery, actor, new SameThreadTaskRunner(),
                ResourceBundle.getBundle(ViewLoader.BUNDLE, locale), locale);
    }

    ReleaseListViewModel.Row row(ReleaseListViewModel vm, String peerMentorId) {
        return vm.rows().stream().filter(r -> r.peerMentorId().equals(peerMentorId)).findFirst().orElseThrow();
    }

    @Test
    void listsTheYearByStateWithCountsAndTheQueueWithWhyItWaits() {
        releases.markPreviewed("pm-a", 2025, ADMIN);
        delivery.queue = new NotificationQueue(7, 0, 0);
        ReleaseListViewModel vm = vm(ADMIN, Locale.ENGLISH);

        vm.load(2025);

        assertThat(vm.headingProperty().get()).isEqualTo("Wrapped 2025");
        assertThat(vm.rows()).extracting(ReleaseListViewModel.Row::name).containsExactly("Anna", "Bjørn", "Cecilie", "Dag");
        assertThat(row(vm, "pm-a").stateText()).isEqualTo("Previewed");
        assertThat(row(vm, "pm-b").stateText()).isEqualTo("Waiting");
        assertThat(vm.countsProperty().get()).isEqualTo("1 of 3 previewed, 0 released, 0 held back");
        assertThat(vm.queueProperty().get()).isEqualTo("Queue: 7 waiting, 0 failed (retried later), 0 sent. "
                + "They wait because no e-mail server is set up for this organisation.");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void releasingThePreviewedReleasesOnlyThoseAndARepeatReleasesNothing() {
        releases.markPreviewed("pm-a", 2025, ADMIN);
        releases.markPreviewed("pm-b", 2025, ADMIN);
        ReleaseListViewModel vm = vm(ADMIN, Locale.ENGLISH);
        vm.load(2025);

        vm.releasePreviewed();

        assertThat(vm.messageProperty().get()).isEqualTo("2 released, 2 e-mail(s) sent.");
        assertThat(row(vm, "pm-a").state()).isEqualTo(ReleaseLine.State.RELEASED);
        assertThat(row(vm, "pm-b").stateText()).isEqualTo("Released");
        assertThat(row(vm, "pm-c").state()).isEqualTo(ReleaseLine.State.WAITING);
        assertThat(vm.countsProperty().get()).isEqualTo("2 of 3 previewed, 2 released, 0 held back");

        vm.releasePreviewed();
        assertThat(vm.messageProperty().get()).isEqualTo("0 released, 0 e-mail(s) sent.");
        assertThat(releases.messagesSent).isEqualTo(2);
    }

    @Test
    void holdingBackNeedsAChosenMentorAndAReasonAndReleaseAllLeavesItHeld() {
        ReleaseListViewModel vm = vm(ADMIN, Locale.ENGLISH);
        vm.load(2025);

        vm.holdSelected();
        assertThat(vm.messageProperty().get()).isEqualTo("Choose a peer mentor in the list first.");
        vm.selectedProperty().set(row(vm, "pm-c"));
        vm.holdReasonProperty().set("   ");
        vm.holdSelected();
        assertThat(vm.messageProperty().get()).isEqualTo("Say why it is held back.");
        assertThat(releases.calls).noneMatch(c -> c.startsWith("hold"));

        vm.holdReasonProperty().set("  Wrong hours in March, being corrected ");
        vm.holdSelected();
        assertThat(releases.calls).contains("hold pm-c Wrong hours in March, being corrected");
        assertThat(vm.messageProperty().get()).isEqualTo("The Wrapped of Cecilie is held back.");
        assertThat(vm.holdReasonProperty().get()).isEmpty();
        assertThat(row(vm, "pm-c").stateText()).isEqualTo("Held back");
        assertThat(row(vm, "pm-c").reason()).isEqualTo("Wrong hours in March, being corrected");

        vm.releaseAll();
        assertThat(vm.messageProperty().get()).isEqualTo("2 released, 2 e-mail(s) sent.");
        assertThat(releases.state("pm-c")).isEqualTo(ReleaseLine.State.HELD);
        assertThat(vm.countsProperty().get()).isEqualTo("0 of 3 previewed, 2 released, 1 held back");

        // a named mentor is released even when held
        vm.selectedProperty().set(row(vm, "pm-c"));
        vm.releaseSelected();
        assertThat(releases.state("pm-c")).isEqualTo(ReleaseLine.State.RELEASED);
    }

    @Test
    void releasingTheChosenOneNeedsAChoiceAndARefusalIsSaidAndEndsTheBusyState() {
        ReleaseListViewModel vm = vm(ADMIN, Locale.ENGLISH);
        vm.load(2025);
        vm.releaseSelected();
        assertThat(vm.messageProperty().get()).isEqualTo("Choose a peer mentor in the list first.");
        assertThat(releases.calls).noneMatch(c -> c.startsWith("release"));

        vm.selectedProperty().set(row(vm, "pm-a"));
        vm.releaseSelected();
        vm.selectedProperty().set(row(vm, "pm-a"));
        vm.holdReasonProperty().set("too late");
        vm.holdSelected(); // refused: released already

        assertThat(vm.messageProperty().get()).contains("pm-a").contains("released already");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(releases.state("pm-a")).isEqualTo(ReleaseLine.State.RELEASED);
    }

    @Test
    void theQueueSaysWhyTheFailedOnesFailedAndWhenTheyAreTriedAgain() {
        delivery.settings.put("o1", new MailSettings("o1", "en", true, "smtp.example.org", 587, MailSettings.Security.STARTTLS,
                null, "impact@example.org"));
        delivery.queue = new NotificationQueue(1, 2, 5, "jakarta.mail.MessagingException: 550 mailbox unavailable",
                Instant.parse("2026-01-05T10:15:00Z"));
        ReleaseListViewModel vm = vm(ADMIN, Locale.ENGLISH);

        vm.load(2025);

        assertThat(vm.queueProperty().get())
                .startsWith("Queue: 1 waiting, 2 failed (retried later), 5 sent. Waiting messages go out at the next")
                .contains("Latest failure: jakarta.mail.MessagingException: 550 mailbox unavailable (next attempt ");
    }

    @Test
    void aServerThatNeedsAPasswordSaysWhereToGiveIt() {
        delivery.settings.put("o1", new MailSettings("o1", "nb", true, "smtp.example.org", 465, MailSettings.Security.TLS,
                "desk", "impact@example.org"));
        delivery.queue = new NotificationQueue(3, 0, 0);
        ReleaseListViewModel vm = vm(ADMIN, Locale.forLanguageTag("nb-NO"));

        vm.load(2025);

        assertThat(vm.queueProperty().get()).isEqualTo("Kø: 3 venter, 0 feilet (prøves igjen senere), 0 sendt. "
                + "De venter fordi serveren krever passord: sett IMPACT_DESK_SMTP_PASSWORD eller skriv det inn på skjermen "
                + "Innstillinger.");
        assertThat(vm.countsProperty().get()).isEqualTo("0 av 3 forhåndsvist, 0 frigitt, 0 holdt tilbake");
    }

    @Test
    void aCoordinatorSeesNoReleaseListAndNothingIsRead() {
        ReleaseListViewModel vm = vm(COORDINATOR, Locale.ENGLISH);

        vm.load(2025);

        assertThat(vm.rows()).isEmpty();
        assertThat(releases.calls).isEmpty();
        assertThat(delivery.statusCalls).isZero();
        assertThat(vm.queueProperty().get()).isEmpty();
    }

    /** Aurora's Wrapped all released, Fjordlys's three ready ones waiting (set up above), Nordsjø's two waiting. */
    private void threeOrganisations() {
        releases.add("pm-x", "Xenia", "ready", "o3", "Aurora helselag");
        releases.release(2025, "o3", ReleaseService.Selection.ALL, null, GLOBAL_ADMIN);
        releases.add("pm-n1", "Nils", "ready", "o2", "Nordsjø nettverk");
        releases.add("pm-n2", "Nora", "ready", "o2", "Nordsjø nettverk");
        releases.calls.clear();
        delivery.queue = new NotificationQueue(2, 0, 0);
        delivery.settings.put("o2", new MailSettings("o2", "en", true, "smtp.example.org", 587, MailSettings.Security.STARTTLS,
                null, "impact@example.org"));
    }

    @Test
    void aGlobalAdminPicksAnOrganisationOpeningOnTheFirstWithWrappedToReviewAndSeesItsListCountsAndQueue() {
        threeOrganisations();
        ReleaseListViewModel vm = vm(GLOBAL_ADMIN, Locale.ENGLISH);

        vm.load(2025);

        assertThat(vm.choosesOrganization()).isTrue();
        assertThat(vm.organizations()).extracting(ReleaseListViewModel.OrgChoice::label).containsExactly(
                "Aurora helselag (0 to review)", "Fjordlys (3 to review)", "Nordsjø nettverk (2 to review)");
        assertThat(vm.organizationProperty().get().id()).isEqualTo("o1");
        assertThat(vm.rows()).extracting(ReleaseListViewModel.Row::name).containsExactly("Anna", "Bjørn", "Cecilie", "Dag");
        assertThat(vm.countsProperty().get()).isEqualTo("0 of 3 previewed, 0 released, 0 held back");
        assertThat(vm.queueProperty().get()).endsWith("They wait because no e-mail server is set up for this organisation.");

        vm.organizationProperty().set(vm.organizations().get(2));

        assertThat(vm.rows()).extracting(ReleaseListViewModel.Row::name).containsExactly("Nils", "Nora");
        assertThat(vm.countsProperty().get()).isEqualTo("0 of 2 previewed, 0 released, 0 held back");
        assertThat(vm.queueProperty().get()).contains("Waiting messages go out at the next");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void aGlobalAdminReleasesInTheOrganisationShownOnlyAndStaysOnItAfterwards() {
        threeOrganisations();
        ReleaseListViewModel vm = vm(GLOBAL_ADMIN, Locale.ENGLISH);
        vm.load(2025);
        vm.organizationProperty().set(vm.organizations().get(2));

        vm.releaseAll();

        assertThat(releases.calls).contains("release ALL of o2 in 2025");
        assertThat(vm.messageProperty().get()).isEqualTo("2 released, 2 e-mail(s) sent.");
        assertThat(releases.state("pm-n1")).isEqualTo(ReleaseLine.State.RELEASED);
        assertThat(releases.state("pm-a")).isEqualTo(ReleaseLine.State.WAITING); // Fjordlys's wait for their own review
        assertThat(vm.organizationProperty().get().label()).isEqualTo("Nordsjø nettverk (0 to review)");
        assertThat(vm.rows()).extracting(ReleaseListViewModel.Row::stateText).containsOnly("Released");

        vm.selectedProperty().set(null);
        vm.organizationProperty().set(vm.organizations().get(1));
        vm.selectedProperty().set(row(vm, "pm-b"));
        vm.releaseSelected();
        assertThat(releases.calls).contains("release MENTOR pm-b of o1 in 2025");
        assertThat(releases.state("pm-b")).isEqualTo(ReleaseLine.State.RELEASED);
        assertThat(releases.state("pm-a")).isEqualTo(ReleaseLine.State.WAITING);
    }

    @Test
    void aYearWithoutWrappedSaysSoAndReleasesNothing() {
        ReleaseListViewModel vm = vm(GLOBAL_ADMIN, Locale.forLanguageTag("nb-NO"));

        vm.load(2024); // no Wrapped of 2024, nor of any year before it

        assertThat(vm.rows()).isEmpty();
        assertThat(vm.organizations()).isEmpty();
        assertThat(vm.headingProperty().get()).isEqualTo("Wrapped 2024");
        assertThat(vm.placeholderProperty().get()).isEqualTo("Ingen Wrapped for 2024 å gjennomgå: årsoppsummeringer lages "
                + "når året er avsluttet og generert.");
        vm.releaseAll();
        assertThat(vm.messageProperty().get()).isEqualTo(vm.placeholderProperty().get());
        assertThat(releases.calls).noneMatch(c -> c.startsWith("release"));
    }

    @Test
    void anOrgAdminHasNoPickerAndReleasesWithinTheirOwnScope() {
        ReleaseListViewModel vm = vm(ADMIN, Locale.ENGLISH);

        vm.load(2025);
        vm.releaseAll();

        assertThat(vm.choosesOrganization()).isFalse();
        assertThat(vm.organizations()).isEmpty();
        assertThat(releases.calls).contains("release ALL in 2025");
    }

    @Test
    void theOpenYearWithoutWrappedShowsAndReleasesTheLatestEarlierYearSayingSo() {
        threeOrganisations();
        ReleaseListViewModel vm = vm(GLOBAL_ADMIN, Locale.ENGLISH);

        vm.load(2026); // the previewer opened on a mentor's open year

        assertThat(vm.headingProperty().get()).isEqualTo("Wrapped 2025: 2026 has none yet (made once the year is closed)");
        assertThat(vm.organizationProperty().get().id()).isEqualTo("o1");
        assertThat(vm.rows()).extracting(ReleaseListViewModel.Row::name).containsExactly("Anna", "Bjørn", "Cecilie", "Dag");
        vm.releaseAll();
        assertThat(releases.calls).contains("release ALL of o1 in 2025");
        assertThat(releases.state("pm-a")).isEqualTo(ReleaseLine.State.RELEASED);
        assertThat(vm.headingProperty().get()).isEqualTo("Wrapped 2025");
    }
}
