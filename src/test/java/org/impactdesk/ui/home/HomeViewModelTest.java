package org.impactdesk.ui.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.impactdesk.domain.HomeFigures.Source;
import org.impactdesk.domain.HomeFigures;
import org.impactdesk.domain.Period;
import org.impactdesk.service.home.HomeService;
import org.impactdesk.ui.fx.Formats;
import org.impactdesk.ui.fx.SameThreadTaskRunner;
import org.impactdesk.ui.fx.ViewLoader;
import org.impactdesk.ui.home.HomeViewModel.TileKind;
import org.impactdesk.ui.shell.NavigationRequest.StatusFilter;
import org.impactdesk.ui.shell.NavigationRequest;
import org.impactdesk.ui.shell.ScreenId;
import org.junit.jupiter.api.Test;

/**
 * Home's ViewModel without the toolkit or a database: figures from a {@link FakeHomeService},
 * formatted per locale, tiles that open their views. What the stored rows sum to in each scope is
 * {@code HomeServiceTest}'s.
 */
class HomeViewModelTest {
    static final Locale NB = Locale.forLanguageTag("nb-NO");
    static final Actor KIM = new Actor("user-kim", "Kim Koordinator", "org-1", Set.of(Role.COORDINATOR), null);
    static final Actor ADA = new Actor("user-ada", "Ada Admin", "org-1", Set.of(Role.ORG_ADMIN), null);
    static final Actor SOFIE = new Actor("user-sofie", "Sofie Demo", "org-1", Set.of(Role.PEER_MENTOR), "pm-3");
    static final Period Q1 = new Period.Quarter(2025, 1);
    static final Period Q4 = new Period.Quarter(2025, 4);

    /** "Today" is 2026-01-10 in Oslo: the last closed quarter is 2025-Q4, the last closed half 2025-H2. */
    final FakeHomeService service = new FakeHomeService(LocalDate.of(2026, 1, 10));
    final List<NavigationRequest> requests = new ArrayList<>();

    HomeViewModelTest() {
        service.stored.put(HomeService.PeriodKind.QUARTER,
                List.of(Q4, new Period.Quarter(2025, 3), new Period.Quarter(2025, 2), Q1));
        service.stored.put(HomeService.PeriodKind.HALF, List.of(new Period.Half(2025, 1)));
        service.figures.put(Q1, new HomeFigures(Q1, Source.TEAM_ROW, new BigDecimal("5.25"), 6, 2, 2, 1, 1, 5,
                new BigDecimal("500.00"), null));
    }

    HomeViewModel vm(Actor actor, Locale locale) {
        return new HomeViewModel(service, actor, new SameThreadTaskRunner(),
                ResourceBundle.getBundle(ViewLoader.BUNDLE, locale), new Formats(locale), ZoneId.of("Europe/Oslo"),
                requests::add);
    }

    @Test
    void defaultsToTheLastClosedQuarterAndListsStoredOnes() {
        HomeViewModel vm = vm(KIM, Locale.ENGLISH);
        vm.load();
        assertThat(vm.periodProperty().get()).isEqualTo(Q4);
        assertThat(vm.periods()).containsExactly(Q4, new Period.Quarter(2025, 3), new Period.Quarter(2025, 2), Q1);
        assertThat(vm.titleProperty().get()).isEqualTo("Overview, Q4 2025");
        assertThat(service.asked).containsExactly(Q4);
    }

    @Test
    void theLastClosedPeriodIsOfferedEvenWithNothingStoredForIt() {
        HomeViewModel vm = vm(KIM, Locale.ENGLISH);
        vm.load();
        vm.kindProperty().set(HomeService.PeriodKind.HALF);
        assertThat(vm.periods()).containsExactly(new Period.Half(2025, 2), new Period.Half(2025, 1));
        assertThat(vm.periodProperty().get()).isEqualTo(new Period.Half(2025, 2));
        assertThat(vm.noteProperty().get()).isEqualTo("No summaries are stored for H2 2025 in your scope. "
                + "Generate them (impact-desk generate) or pick another period.");
        assertThat(vm.tileProperty(TileKind.YOY).get()).isEqualTo(
                new HomeViewModel.TileText("–", "no data for the same period last year"));
    }

    @Test
    void showsTheCoordinatorsStoredFiguresForTheChosenPeriod() {
        HomeViewModel vm = vm(KIM, Locale.ENGLISH);
        vm.load();
        vm.periodProperty().set(Q1);
        assertThat(service.asked).containsExactly(Q4, Q1);
        assertThat(vm.tileProperty(TileKind.HOURS).get().value()).isEqualTo("5.3"); // at most one decimal, half-up
        assertThat(vm.tileProperty(TileKind.ACTIVITIES).get().value()).isEqualTo("6");
        assertThat(vm.tileProperty(TileKind.ACTIVE_MENTORS).get().value()).isEqualTo("2");
        assertThat(vm.tileProperty(TileKind.UNDERACTIVE).get().value()).isEqualTo("1");
        assertThat(vm.tileProperty(TileKind.OVERLOADED).get().value()).isEqualTo("1");
        assertThat(vm.tileProperty(TileKind.YOY).get().value()).isEqualTo("+500%");
        assertThat(vm.tileProperty(TileKind.YOY).get().detail()).isEqualTo("sessions against Q1 2024 (+5)");
        assertThat(vm.tileProperty(TileKind.LAST_SYNC).get().value()).isEqualTo("never");
        assertThat(vm.noteProperty().get()).contains("team summary");
    }

    @Test
    void mentorsSummedInScopeAZeroPriorYearAndTheLastSync() {
        service.lastSync = Instant.parse("2026-01-09T07:30:00Z");
        service.figures.put(Q4, new HomeFigures(Q4, Source.MENTORS_IN_SCOPE, new BigDecimal("14.08"), 17, 3, 3, 1, 1,
                17, null, service.lastSync));
        HomeViewModel vm = vm(ADA, Locale.ENGLISH);
        vm.load();
        assertThat(vm.noteProperty().get()).isEqualTo("Summed over the stored summaries of 3 peer mentors in your scope.");
        assertThat(vm.tileProperty(TileKind.YOY).get()).isEqualTo(new HomeViewModel.TileText("–", "no sessions a year ago (+17)"));
        assertThat(vm.tileProperty(TileKind.ACTIVE_MENTORS).get().detail()).isEqualTo("with a session, of 3 in scope");
        assertThat(vm.tileProperty(TileKind.LAST_SYNC).get().value()).isNotEqualTo("never").contains("2026").contains("8:30");
    }

    @Test
    void norwegianFormatsNumbersAndPeriods() {
        Period h1 = new Period.Half(2025, 1);
        service.figures.put(h1, new HomeFigures(h1, Source.MENTORS_IN_SCOPE, new BigDecimal("1234.50"), 1500, 3, 3, 0,
                1, -12, new BigDecimal("-0.79"), null));
        HomeViewModel vm = vm(ADA, NB);
        vm.show(h1);
        assertThat(vm.titleProperty().get()).isEqualTo("Oversikt, 1. halvår 2025");
        assertThat(vm.kindProperty().get()).isEqualTo(HomeService.PeriodKind.HALF);
        assertThat(vm.tileProperty(TileKind.HOURS).get().value()).isEqualTo("1\u00a0234,5");
        assertThat(vm.tileProperty(TileKind.ACTIVITIES).get().value()).isEqualTo("1\u00a0500");
        assertThat(vm.tileProperty(TileKind.YOY).get().value()).isEqualTo("\u22120,8\u00a0%");
    }

    @Test
    void aFailedReadIsSaidInTheNote() {
        service.failure = new IllegalStateException("database closed");
        HomeViewModel vm = vm(KIM, Locale.ENGLISH);
        vm.load();
        assertThat(vm.noteProperty().get()).isEqualTo("The figures could not be read: database closed");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void tilesOpenTheMatchingViewWithTheirFilter() {
        HomeViewModel vm = vm(KIM, Locale.ENGLISH);
        vm.load();
        vm.open(TileKind.UNDERACTIVE);
        vm.open(TileKind.OVERLOADED);
        vm.open(TileKind.HOURS);
        vm.open(TileKind.LAST_SYNC);
        assertThat(requests).containsExactly(
                NavigationRequest.to(ScreenId.TEAM).withPeriod(Q4).withStatus(StatusFilter.UNDERACTIVE),
                NavigationRequest.to(ScreenId.TEAM).withPeriod(Q4).withStatus(StatusFilter.OVERLOADED),
                NavigationRequest.to(ScreenId.TEAM).withPeriod(Q4).withStatus(StatusFilter.ALL),
                NavigationRequest.to(ScreenId.SYNC));
    }

    @Test
    void aPeerMentorsTilesOpenTheirOwnMentorScreen() {
        service.figures.put(Q4, new HomeFigures(Q4, Source.MENTORS_IN_SCOPE, new BigDecimal("1.08"), 2, 1, 1, 1, 0,
                null, null, null));
        HomeViewModel vm = vm(SOFIE, Locale.ENGLISH);
        vm.load();
        assertThat(vm.noteProperty().get()).isEqualTo("Your own summary for the period.");
        vm.open(TileKind.ACTIVITIES);
        assertThat(requests).containsExactly(NavigationRequest.to(ScreenId.MENTOR).withMentor("pm-3", 2025));
    }

    @Test
    void aPeerMentorGetsTheirOwnFiguresAndNoTeamOrImportTiles() {
        service.figures.put(Q4, new HomeFigures(Q4, Source.MENTORS_IN_SCOPE, new BigDecimal("1.08"), 2, 1, 1, 1, 0,
                null, null, null));
        assertThat(vm(SOFIE, Locale.ENGLISH).tileKinds()).containsExactly(TileKind.HOURS, TileKind.ACTIVITIES, TileKind.YOY);
        assertThat(vm(KIM, Locale.ENGLISH).tileKinds()).contains(TileKind.ACTIVE_MENTORS, TileKind.UNDERACTIVE,
                TileKind.OVERLOADED, TileKind.LAST_SYNC);
        HomeViewModel vm = vm(SOFIE, Locale.ENGLISH);
        vm.load();
        for (TileKind k : vm.tileKinds()) {
            vm.open(k);
        }
        assertThat(requests).extracting(NavigationRequest::screen).containsOnly(ScreenId.MENTOR);
        vm.periodProperty().set(new Period.Quarter(2025, 3));
        assertThat(vm.noteProperty().get()).isEqualTo("No summary of yours is stored for Q3 2025 yet: pick another period, "
                + "or ask your coordinator.");
    }

    // ---- the Alerts tile (issue 14 item 3): administrators only

    final org.impactdesk.ui.alerts.FakeAlertService alerts = new org.impactdesk.ui.alerts.FakeAlertService();

    HomeViewModel vmWithAlerts(Actor actor, Locale locale) {
        return new HomeViewModel(service, alerts, null, actor, new SameThreadTaskRunner(),
                ResourceBundle.getBundle(ViewLoader.BUNDLE, locale), new Formats(locale), ZoneId.of("Europe/Oslo"),
                requests::add);
    }

    static org.impactdesk.domain.GenerationFailure failure(Long alertId, String pm) {
        return new org.impactdesk.domain.GenerationFailure(alertId, "org-1", "annual_summaries", java.util.UUID.randomUUID(),
                pm, "Name of " + pm, "2025", "IllegalStateException: disk on fire", alertId == null ? 1 : 4,
                alertId == null ? Instant.parse("2026-01-10T09:00:00Z") : null, Instant.parse("2026-01-10T08:00:00Z"));
    }

    @Test
    void anAdminsHomeShowsOpenAlertsAndTheTileOpensTheList() {
        alerts.failures.add(failure(1L, "pm-1"));
        alerts.failures.add(failure(2L, "pm-2"));
        alerts.failures.add(failure(null, "pm-3"));
        HomeViewModel vm = vmWithAlerts(ADA, Locale.ENGLISH);
        assertThat(vm.alertsShownProperty().get()).isTrue();
        vm.load();
        assertThat(vm.tileProperty(TileKind.ALERTS).get())
                .isEqualTo(new HomeViewModel.TileText("2", "failed generations; 1 more waiting for a retry"));
        assertThat(vm.alertOverviewProperty().get()).isEqualTo(new org.impactdesk.service.alerts.AlertService.Overview(2, 1));
        vm.open(TileKind.ALERTS);
        assertThat(requests).containsExactly(NavigationRequest.to(ScreenId.ALERTS));
        // closed elsewhere: the next visit (or F5) reads it again
        alerts.failures.removeIf(f -> f.alertId() != null);
        alerts.failures.clear();
        vm.refresh();
        assertThat(vm.tileProperty(TileKind.ALERTS).get()).isEqualTo(new HomeViewModel.TileText("0", "no failed generation"));
        HomeViewModel nb = vmWithAlerts(ADA, NB);
        alerts.failures.add(failure(3L, "pm-1"));
        nb.load();
        assertThat(nb.tileProperty(TileKind.ALERTS).get())
                .isEqualTo(new HomeViewModel.TileText("1", "mislykkede genereringer; 0 til venter på nytt forsøk"));
    }

    @Test
    void coordinatorsAndPeerMentorsHaveNoAlertsTileAndNothingIsAsked() {
        alerts.failures.add(failure(1L, "pm-1"));
        for (Actor a : List.of(KIM, SOFIE)) {
            HomeViewModel vm = vmWithAlerts(a, Locale.ENGLISH);
            vm.load();
            assertThat(vm.alertsShownProperty().get()).isFalse();
            assertThat(vm.tileProperty(TileKind.ALERTS).get()).isEqualTo(new HomeViewModel.TileText("–", ""));
        }
        assertThat(alerts.calls).isEmpty();
        // and the Home built without an alert source shows no tile to an admin either
        assertThat(vm(ADA, Locale.ENGLISH).alertsShownProperty().get()).isFalse();
    }
}
