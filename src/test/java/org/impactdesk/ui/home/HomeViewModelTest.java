package org.impactdesk.ui.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.Period;
import org.impactdesk.home.ExampleDatabase;
import org.impactdesk.home.HomeService;
import org.impactdesk.home.StoredHomeService;
import org.impactdesk.store.Database;
import org.impactdesk.store.HomeDao;
import org.impactdesk.store.OrganizationDao;
import org.impactdesk.store.SummaryReadDao;
import org.impactdesk.ui.Formats;
import org.impactdesk.ui.SameThreadTaskRunner;
import org.impactdesk.ui.ViewLoader;
import org.impactdesk.ui.home.HomeViewModel.TileKind;
import org.impactdesk.ui.shell.NavigationRequest;
import org.impactdesk.ui.shell.NavigationRequest.StatusFilter;
import org.impactdesk.ui.shell.ScreenId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Home's ViewModel without the toolkit: stored figures formatted per locale, tiles open their views. */
class HomeViewModelTest {
    static final Locale NB = Locale.forLanguageTag("nb-NO");
    @TempDir
    static Path dir;
    static Database db;
    static HomeService service;

    @BeforeAll
    static void open() {
        db = ExampleDatabase.create(dir);
        // "today" is 2026-01-10 in Oslo: the last closed quarter is 2025-Q4
        service = new StoredHomeService(new HomeDao(db.jdbi()), new SummaryReadDao(db.jdbi()), new OrganizationDao(db.jdbi()),
                Clock.fixed(Instant.parse("2026-01-10T10:00:00Z"), ZoneId.of("UTC")));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    final List<NavigationRequest> requests = new ArrayList<>();

    HomeViewModel vm(Actor actor, Locale locale) {
        return new HomeViewModel(service, actor, new SameThreadTaskRunner(),
                ResourceBundle.getBundle(ViewLoader.BUNDLE, locale), new Formats(locale), ZoneId.of("Europe/Oslo"),
                requests::add);
    }

    @Test
    void defaultsToTheLastClosedQuarterAndListsStoredOnes() {
        HomeViewModel vm = vm(ExampleDatabase.KIM, Locale.ENGLISH);
        vm.load();
        assertThat(vm.periodProperty().get()).isEqualTo(new Period.Quarter(2025, 4));
        assertThat(vm.periods()).containsExactly(new Period.Quarter(2025, 4), new Period.Quarter(2025, 3),
                new Period.Quarter(2025, 2), new Period.Quarter(2025, 1));
        assertThat(vm.titleProperty().get()).isEqualTo("Overview, Q4 2025");
    }

    @Test
    void showsTheCoordinatorsStoredFiguresForTheChosenPeriod() {
        HomeViewModel vm = vm(ExampleDatabase.KIM, Locale.ENGLISH);
        vm.load();
        vm.periodProperty().set(new Period.Quarter(2025, 1));
        assertThat(vm.tileProperty(TileKind.HOURS).get().value()).isEqualTo("5.25");
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
    void norwegianFormatsNumbersAndPeriods() {
        HomeViewModel vm = vm(ExampleDatabase.ADA, NB);
        vm.show(new Period.Half(2025, 1));
        assertThat(vm.titleProperty().get()).isEqualTo("Oversikt, 1. halvår 2025");
        assertThat(vm.kindProperty().get()).isEqualTo(HomeService.PeriodKind.HALF);
        assertThat(vm.tileProperty(TileKind.HOURS).get().value()).matches("\\d+,\\d\\d|\\d\u00A0\\d{3},\\d\\d|\\d+,\\d");
    }

    @Test
    void tilesOpenTheMatchingViewWithTheirFilter() {
        HomeViewModel vm = vm(ExampleDatabase.KIM, Locale.ENGLISH);
        vm.load();
        vm.open(TileKind.UNDERACTIVE);
        vm.open(TileKind.OVERLOADED);
        vm.open(TileKind.HOURS);
        vm.open(TileKind.LAST_SYNC);
        Period q4 = new Period.Quarter(2025, 4);
        assertThat(requests).containsExactly(
                NavigationRequest.to(ScreenId.TEAM).withPeriod(q4).withStatus(StatusFilter.UNDERACTIVE),
                NavigationRequest.to(ScreenId.TEAM).withPeriod(q4).withStatus(StatusFilter.OVERLOADED),
                NavigationRequest.to(ScreenId.TEAM).withPeriod(q4).withStatus(StatusFilter.ALL),
                NavigationRequest.to(ScreenId.SYNC));
    }

    @Test
    void aPeerMentorsTilesOpenTheirOwnMentorScreen() {
        HomeViewModel vm = vm(ExampleDatabase.SOFIE, Locale.ENGLISH);
        vm.load();
        vm.open(TileKind.ACTIVITIES);
        assertThat(requests).containsExactly(NavigationRequest.to(ScreenId.MENTOR).withMentor("pm-3", 2025));
    }
}
