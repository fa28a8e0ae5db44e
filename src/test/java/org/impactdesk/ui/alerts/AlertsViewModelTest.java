package org.impactdesk.ui.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.UUID;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.impactdesk.domain.GenerationFailure;
import org.impactdesk.ui.fx.Formats;
import org.impactdesk.ui.fx.SameThreadTaskRunner;
import org.impactdesk.ui.fx.ViewLoader;
import org.junit.jupiter.api.Test;

/** The Alerts list's ViewModel without the toolkit, on a {@link FakeAlertService}. */
class AlertsViewModelTest {
    static final Locale NB = Locale.forLanguageTag("nb-NO");
    static final Actor ADA = new Actor("user-ada", "Ada Admin", "org-1", Set.of(Role.ORG_ADMIN), null);
    static final UUID ANNUAL = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final UUID HALF = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    static final Instant SINCE = Instant.parse("2026-01-10T08:35:00Z");
    static final Instant NEXT = Instant.parse("2026-01-10T09:05:00Z");

    final FakeAlertService service = new FakeAlertService();

    AlertsViewModelTest() {
        service.failures.add(new GenerationFailure(7L, "org-1", "annual_summaries", ANNUAL, "pm-1", "Mira Eksempel", "2025",
                "IllegalStateException: disk on fire", 4, null, SINCE));
        service.failures.add(new GenerationFailure(null, "org-1", "impact_summaries", HALF, "pm-2", "Jonas Prøvesen", "2025-H1",
                "IllegalStateException: transient", 2, NEXT, SINCE));
    }

    AlertsViewModel vm(Locale locale) {
        return new AlertsViewModel(service, ADA, new SameThreadTaskRunner(), ResourceBundle.getBundle(ViewLoader.BUNDLE, locale),
                new Formats(locale), ZoneId.of("Europe/Oslo"));
    }

    @Test
    void listsMentorPeriodErrorAttemptsAndNextRetryPerFailure() {
        AlertsViewModel vm = vm(Locale.ENGLISH);
        vm.load();
        assertThat(vm.rows()).hasSize(2);
        AlertsViewModel.Row alert = vm.rows().get(0);
        assertThat(alert.state()).isEqualTo("Alert");
        assertThat(alert.mentor()).isEqualTo("Mira Eksempel (pm-1)");
        assertThat(alert.period()).isEqualTo("2025");
        assertThat(alert.summary()).isEqualTo("Annual (Wrapped)");
        assertThat(alert.error()).isEqualTo("IllegalStateException: disk on fire");
        assertThat(alert.attempts()).isEqualTo("4");
        assertThat(alert.nextRetry()).isEqualTo("none (retries used up)");
        assertThat(alert.closable()).isTrue();
        AlertsViewModel.Row retrying = vm.rows().get(1);
        assertThat(retrying.state()).isEqualTo("Retrying");
        assertThat(retrying.period()).isEqualTo("H1 2025");
        assertThat(retrying.summary()).isEqualTo("Impact");
        assertThat(retrying.nextRetry()).isEqualTo(new Formats(Locale.ENGLISH).dateTime(NEXT, ZoneId.of("Europe/Oslo")));
        assertThat(retrying.closable()).isFalse();
        assertThat(vm.noteProperty().get()).startsWith("Open alerts: 1. Waiting for an automatic retry: 1.");
        assertThat(vm.canRetryAllProperty().get()).isTrue();
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void inNorwegian() {
        AlertsViewModel vm = vm(NB);
        vm.load();
        assertThat(vm.rows().get(0).state()).isEqualTo("Varsel");
        assertThat(vm.rows().get(0).summary()).isEqualTo("Årlig (Wrapped)");
        assertThat(vm.rows().get(0).nextRetry()).isEqualTo("ingen (forsøkene er brukt opp)");
        assertThat(vm.rows().get(1).period()).isEqualTo("1. halvår 2025");
        assertThat(vm.noteProperty().get()).startsWith("Åpne varsler: 1.");
    }

    @Test
    void theChosenRowsWholeErrorAndItsButtonsWordsForAScreenReader() {
        AlertsViewModel vm = vm(Locale.ENGLISH);
        vm.load();
        assertThat(vm.detailProperty().get()).isEqualTo("Select a row to read its whole error here.");
        vm.selectedProperty().set(vm.rows().get(0));
        assertThat(vm.detailProperty().get()).isEqualTo(
                "Mira Eksempel (pm-1), Annual (Wrapped) 2025: IllegalStateException: disk on fire. Next retry: none (retries used up).");
        assertThat(vm.retryText(vm.rows().get(1))).isEqualTo("Retry now: Jonas Prøvesen (pm-2), Impact H1 2025");
        assertThat(vm.closeText(vm.rows().get(0))).isEqualTo("Close the alert: Mira Eksempel (pm-1), Annual (Wrapped) 2025");
        // the row left the list (retried, closed): the hint again, not a stale error
        vm.close(vm.rows().get(0));
        assertThat(vm.detailProperty().get()).isEqualTo("Select a row to read its whole error here.");

        AlertsViewModel nb = vm(NB);
        nb.load();
        nb.selectedProperty().set(nb.rows().get(0));
        assertThat(nb.detailProperty().get()).startsWith("Jonas Prøvesen (pm-2), Effekt 1. halvår 2025: IllegalStateException: transient. Neste forsøk: ");
        // nothing failed: no hint either
        service.failures.clear();
        nb.load();
        assertThat(nb.detailProperty().get()).isEmpty();
    }

    @Test
    void retryNowOfARowRetriesThatSummaryAndReloads() {
        AlertsViewModel vm = vm(Locale.ENGLISH);
        vm.load();
        service.fixed.add(ANNUAL);
        vm.retry(vm.rows().get(0));
        assertThat(service.calls).contains("retryNow " + ANNUAL);
        assertThat(vm.messageProperty().get()).isEqualTo("Retried 1 failed summaries: all generated.");
        assertThat(vm.rows()).extracting(r -> r.failure().peerMentorId()).containsExactly("pm-2");
        assertThat(service.calls.get(service.calls.size() - 1)).isEqualTo("failures");
    }

    @Test
    void retryAllThatFailsAgainSaysWhichAndHowMany() {
        AlertsViewModel vm = vm(Locale.ENGLISH);
        vm.load();
        vm.retryAll();
        assertThat(service.calls).contains("retryNow null");
        assertThat(vm.messageProperty().get())
                .isEqualTo("Retried 2 failed summaries; 2 failed again: pm-1: IllegalStateException: disk on fire");
        assertThat(vm.rows()).extracting(AlertsViewModel.Row::attempts).containsExactlyInAnyOrder("5", "3");
    }

    @Test
    void closingAnAlertRemovesItAndSaysSo() {
        AlertsViewModel vm = vm(Locale.ENGLISH);
        vm.load();
        AlertsViewModel.Row alert = vm.rows().get(0);
        vm.close(alert);
        assertThat(service.calls).contains("close 7");
        assertThat(vm.messageProperty().get()).isEqualTo("Alert closed.");
        assertThat(vm.rows()).hasSize(1);
        vm.close(alert); // closed meanwhile (another window): said so, nothing breaks
        assertThat(vm.messageProperty().get()).isEqualTo("That alert is closed already.");
        // a failure still being retried has no alert to close
        int calls = service.calls.size();
        vm.close(vm.rows().get(0));
        assertThat(service.calls).hasSize(calls);
    }

    @Test
    void nothingFailedSaysSoAndOffersNoRetryAll() {
        service.failures.clear();
        AlertsViewModel vm = vm(Locale.ENGLISH);
        vm.load();
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.noteProperty().get()).isEqualTo("No failed summary generation: nothing to retry.");
        assertThat(vm.canRetryAllProperty().get()).isFalse();
    }

    @Test
    void aRefusalIsShownAsAMessage() {
        AlertsViewModel vm = new AlertsViewModel(service, new Actor("user-kim", "Kim", "org-1", Set.of(Role.COORDINATOR), null),
                new SameThreadTaskRunner(), ResourceBundle.getBundle(ViewLoader.BUNDLE, Locale.ENGLISH),
                new Formats(Locale.ENGLISH), ZoneId.of("Europe/Oslo"));
        vm.load();
        assertThat(vm.messageProperty().get()).startsWith("The failed generations could not be read or retried: Only an administrator");
        assertThat(vm.busyProperty().get()).isFalse();
    }
}
