package org.impactdesk.ui.mentor;

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
import org.impactdesk.domain.MentorOverview.Kind;
import org.impactdesk.domain.MentorOverview.Source;
import org.impactdesk.domain.MentorOverview.SummaryEntry;
import org.impactdesk.domain.MentorOverview.YoyPoint;
import org.impactdesk.domain.MentorOverview;
import org.impactdesk.domain.MentorRef;
import org.impactdesk.domain.StoredSummaries.AwardItem;
import org.impactdesk.domain.StoredSummaries.MilestoneItem;
import org.impactdesk.ui.fx.SameThreadTaskRunner;
import org.impactdesk.ui.fx.ViewLoader;
import org.impactdesk.ui.mentor.MentorViewModel.YoyRow;
import org.junit.jupiter.api.Test;

/**
 * The Mentor ViewModel without the toolkit or a database: same-thread tasks over a
 * {@link FakeMentorService} holding Mira's overviews (the figures of the stored example). How the
 * service lays stored rows side by side is {@code MentorServiceTest}'s.
 */
class MentorViewModelTest {
    static final Actor KIM = new Actor("user-kim", "Kim Coordinator", "org-1", Set.of(Role.COORDINATOR), null);
    static final MentorRef MIRA = new MentorRef("pm-1", "user-mira", "Mira Hansen", "org-1");
    static final int[] SESSIONS_2025 = {3, 2, 4, 1, 2, 1, 0, 1, 1, 0, 1, 1};
    static final int[] SESSIONS_2024 = {1, 0, 2, 0, 1, 3, 0, 0, 1, 0, 0, 2};
    static final String[] HOURS_2025 = {"3", "2.5", "2.33", "1", "1.5", "0.5", "0", "1", "0.75", "0", "1", "1.25"};
    static final String[] HOURS_2024 = {"1", "0", "2", "0", "1", "1234.5", "0", "0", "1", "0", "0", "2"};
    static final Instant GENERATED = Instant.parse("2026-01-05T06:00:00Z");

    final FakeMentorService service = new FakeMentorService();
    final List<String> wrappedOpened = new ArrayList<>();

    MentorViewModelTest() {
        service.add(mira2025());
        service.add(miraOpen2026());
        service.defaultYears.put(MIRA.peerMentorId(), 2025);
    }

    static MentorOverview mira2025() {
        List<YoyPoint> months = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            months.add(new YoyPoint(m + 1, SESSIONS_2025[m], SESSIONS_2024[m], new BigDecimal(HOURS_2025[m]),
                    new BigDecimal(HOURS_2024[m])));
        }
        List<YoyPoint> quarters = List.of(
                new YoyPoint(1, 9, 4, new BigDecimal("7.83"), new BigDecimal("3.83")),
                new YoyPoint(2, 4, null, new BigDecimal("3.00"), null),
                new YoyPoint(3, 2, 1, new BigDecimal("1.75"), new BigDecimal("1.00")),
                new YoyPoint(4, null, null, null, null));
        List<SummaryEntry> summaries = List.of(
                new SummaryEntry(Kind.ANNUAL, 2025, "2025", "ready", 17, new BigDecimal("14.83"), GENERATED),
                new SummaryEntry(Kind.PERIODIC, 2025, "2025-Q1", "overloaded", 9, new BigDecimal("7.83"), GENERATED),
                new SummaryEntry(Kind.PERIODIC, 2025, "2025-Q2", "normal", 4, new BigDecimal("3.00"), GENERATED),
                new SummaryEntry(Kind.ANNUAL, 2024, "2024", "ready", 10, new BigDecimal("1242.50"), GENERATED),
                new SummaryEntry(Kind.PERIODIC, 2024, "2024-Q3", "underactive", 1, new BigDecimal("1.00"), GENERATED));
        return new MentorOverview(MIRA, 2025, false, Source.STORED, true, months, quarters, summaries,
                List.of(new MilestoneItem("10_activities", Instant.parse("2025-01-28T17:00:00Z"), 10),
                        new MilestoneItem("10_hours", Instant.parse("2025-02-11T09:00:00Z"), 10)),
                List.of(new AwardItem("badge-1", "ten_sessions", "Ten sessions", Instant.parse("2025-03-04T10:00:00Z"))),
                List.of(2026, 2025, 2024));
    }

    /** Mira's 2025 with a badge that has a Norwegian name, one that has none, and the annual badge of 2025. */
    static MentorOverview miraWithNamedBadges() {
        MentorOverview o = mira2025();
        return new MentorOverview(o.mentor(), o.year(), o.yearOpen(), o.thisYearSource(), o.lastYearStored(), o.months(),
                o.quarters(), o.summaries(), o.milestones(), List.of(
                        new AwardItem("badge-1", "ten_sessions", "Ten sessions", "Ti økter", Instant.parse("2025-03-04T10:00:00Z"), null),
                        new AwardItem("badge-2", "own", "Walk leader", null, Instant.parse("2025-05-04T10:00:00Z"), null),
                        new AwardItem("badge-3", "annual_wrapped", "Year in review", "Året som gikk",
                                Instant.parse("2025-12-31T22:59:59.999999Z"), 2025)),
                o.availableYears());
    }

    /** 2026 is open and the engine offers no preview: the stored rows so far, none for this year yet. */
    static MentorOverview miraOpen2026() {
        List<YoyPoint> months = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            months.add(new YoyPoint(m + 1, null, SESSIONS_2025[m], null, new BigDecimal(HOURS_2025[m])));
        }
        List<YoyPoint> quarters = new ArrayList<>();
        for (int q = 1; q <= 4; q++) {
            quarters.add(new YoyPoint(q, null, null, null, null));
        }
        return new MentorOverview(MIRA, 2026, true, Source.STORED_OPEN_YEAR, true, months, quarters, List.of(),
                List.of(), List.of(), List.of(2026, 2025, 2024));
    }

    MentorViewModel viewModel(Locale locale) {
        return new MentorViewModel(service, KIM, new SameThreadTaskRunner(),
                ResourceBundle.getBundle(ViewLoader.BUNDLE, locale), ZoneId.of("Europe/Oslo"),
                () -> LocalDate.of(2026, 11, 22), (mentor, year) -> wrappedOpened.add(mentor + "/" + year));
    }

    static final Actor ADMIN = new Actor("user-admin", "Ada Admin", "org-1", Set.of(Role.ORG_ADMIN), null);

    static final MentorRef OLA = new MentorRef("pm-2", "user-ola", "Ola Berg", "org-1");

    /** Mira and Ola in scope (Mira first), both with 2025 as their default year. */
    MentorViewModel viewModel(Actor actor, org.impactdesk.ui.fx.TaskRunner tasks) {
        FakeMentorService twoMentors = new FakeMentorService();
        MentorOverview mira = mira2025();
        twoMentors.add(mira);
        twoMentors.add(new MentorOverview(OLA, mira.year(), mira.yearOpen(), mira.thisYearSource(), mira.lastYearStored(),
                mira.months(), mira.quarters(), mira.summaries(), mira.milestones(), mira.awards(), mira.availableYears()));
        twoMentors.defaultYears.put(MIRA.peerMentorId(), 2025);
        twoMentors.defaultYears.put(OLA.peerMentorId(), 2025);
        return new MentorViewModel(twoMentors, actor, tasks, ResourceBundle.getBundle(ViewLoader.BUNDLE, Locale.ENGLISH),
                ZoneId.of("Europe/Oslo"), () -> LocalDate.of(2026, 11, 22), (mentor, year) -> wrappedOpened.add(mentor + "/" + year));
    }

    /** Runs work at once but holds each result until the test releases it: the order results land in. */
    static final class HeldTaskRunner implements org.impactdesk.ui.fx.TaskRunner {
        final List<java.util.Map.Entry<String, Runnable>> held = new ArrayList<>();

        @Override
        public <T> Handle run(String name, Work<T> work, Callbacks<T> callbacks) {
            Runnable landing;
            try {
                T value = work.run(new Progress() {
                    @Override
                    public void update(long done, long total, String message) {
                    }

                    @Override
                    public boolean isCancelled() {
                        return false;
                    }
                });
                landing = () -> callbacks.onSuccess().accept(value);
            } catch (Exception e) {
                landing = () -> callbacks.onFailure().accept(e);
            }
            held.add(java.util.Map.entry(name, landing));
            return new Handle() {
                @Override
                public void cancel() {
                }

                @Override
                public boolean isRunning() {
                    return false;
                }
            };
        }

        void release(String name) {
            var next = held.stream().filter(e -> e.getKey().equals(name)).findFirst().orElseThrow(
                    () -> new AssertionError("no " + name + " waiting; waiting: " + held));
            held.remove(next);
            next.getValue().run();
        }

        List<String> waiting() {
            return held.stream().map(java.util.Map.Entry::getKey).toList();
        }
    }

    @Test
    void aMentorOpenedOnTheFirstVisitStaysWhenTheMentorListLandsBeforeIt() {
        HeldTaskRunner tasks = new HeldTaskRunner();
        MentorViewModel vm = viewModel(ADMIN, tasks);
        // opened from Team: Ola, who is not the first of the list
        vm.visit(OLA.peerMentorId(), null);
        assertThat(tasks.waiting()).containsExactlyInAnyOrder("mentor-overview", "mentor-list");

        tasks.release("mentor-list");
        assertThat(vm.mentors()).extracting(m -> m.peerMentorId()).containsExactly(MIRA.peerMentorId(), OLA.peerMentorId());
        assertThat(vm.busyProperty().get()).as("Ola's figures are still loading").isTrue();
        assertThat(tasks.waiting()).as("no load of the first mentor started").containsExactly("mentor-overview");

        tasks.release("mentor-overview");
        assertThat(vm.selectedMentorProperty().get().peerMentorId()).isEqualTo(OLA.peerMentorId());
        assertThat(vm.titleProperty().get()).isEqualTo("Ola Berg: 2025");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void aMentorOpenedOnTheFirstVisitStaysWhenTheMentorListLandsAfterIt() {
        HeldTaskRunner tasks = new HeldTaskRunner();
        MentorViewModel vm = viewModel(ADMIN, tasks);
        vm.visit(OLA.peerMentorId(), 2025);
        tasks.release("mentor-overview");
        tasks.release("mentor-list");

        assertThat(tasks.waiting()).isEmpty();
        assertThat(vm.selectedMentorProperty().get().peerMentorId()).isEqualTo(OLA.peerMentorId());
        assertThat(vm.titleProperty().get()).isEqualTo("Ola Berg: 2025");
    }

    @Test
    void aFirstPlainVisitShowsTheFirstMentorInScopeAndLaterVisitsKeepWhatIsShown() {
        HeldTaskRunner tasks = new HeldTaskRunner();
        MentorViewModel vm = viewModel(ADMIN, tasks);
        vm.visit(null, null);
        assertThat(tasks.waiting()).containsExactly("mentor-list");
        assertThat(vm.busyProperty().get()).as("the list is loading").isTrue();
        tasks.release("mentor-list");
        assertThat(tasks.waiting()).as("the first mentor's figures came with the list, not in a task after it").isEmpty();
        assertThat(vm.titleProperty().get()).isEqualTo("Mira Hansen: 2025");
        assertThat(vm.selectedMentorProperty().get()).isEqualTo(MIRA);
        assertThat(vm.busyProperty().get()).isFalse();

        vm.selectedMentorProperty().set(vm.mentors().get(1));
        tasks.release("mentor-overview");
        vm.visit(null, null);
        assertThat(tasks.waiting()).as("a later plain visit loads nothing").isEmpty();
        assertThat(vm.titleProperty().get()).isEqualTo("Ola Berg: 2025");
    }

    @Test
    void openingAMentorShowsTheLatestYearAgainstTheOneBeforeByMonth() {
        MentorViewModel vm = viewModel(Locale.ENGLISH);
        vm.openMentor(MIRA.peerMentorId());

        assertThat(service.asked).containsExactly("pm-1/2025");
        assertThat(vm.titleProperty().get()).isEqualTo("Mira Hansen: 2025");
        assertThat(vm.selectedYearProperty().get()).isEqualTo(2025);
        assertThat(vm.thisYearNameProperty().get()).isEqualTo("2025");
        assertThat(vm.lastYearNameProperty().get()).isEqualTo("2024");
        assertThat(vm.rows()).hasSize(12);
        assertThat(vm.rows().get(0)).isEqualTo(new YoyRow("Jan", 3, 1, "3", "1"));
        assertThat(vm.rows()).extracting(YoyRow::thisYear).containsExactly(3, 2, 4, 1, 2, 1, 0, 1, 1, 0, 1, 1);
        assertThat(vm.noteProperty().get()).isEmpty();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.mentors()).as("the opened mentor is in the picker").containsExactly(MIRA);
    }

    @Test
    void hoursAndQuartersSwitchTheSameNumbersForChartAndTable() {
        MentorViewModel vm = viewModel(Locale.ENGLISH);
        vm.openMentor(MIRA.peerMentorId());

        vm.measureProperty().set(MentorViewModel.Measure.HOURS);
        assertThat(vm.rows().get(5).thisYearText()).isEqualTo("0.5");
        assertThat(vm.rows().get(5).lastYearText()).isEqualTo("1,234.5");
        assertThat(vm.valueAxisLabelProperty().get()).isEqualTo("Hours");

        vm.granularityProperty().set(MentorViewModel.Granularity.QUARTER);
        assertThat(vm.rows()).extracting(YoyRow::label).containsExactly("Q1", "Q2", "Q3", "Q4");
        assertThat(vm.rows().get(0).thisYearText()).isEqualTo("7.8");
        assertThat(vm.rows().get(1).lastYearText()).as("no prior figure is blank, not 0").isEmpty();
        assertThat(vm.rows().get(3)).isEqualTo(new YoyRow("Q4", null, null, "", ""));
        assertThat(service.asked).as("switching reads nothing again").hasSize(1);
    }

    /**
     * 2026 with the engine's preview, today 2026-11-22: months through November (November open),
     * Q4 the service's sum of October and November so far, marked partial like November.
     */
    static MentorOverview miraPreview2026() {
        List<YoyPoint> months = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            boolean future = m > 10;
            months.add(new YoyPoint(m + 1, future ? null : SESSIONS_2025[m], SESSIONS_2025[m],
                    future ? null : new BigDecimal(HOURS_2025[m]), new BigDecimal(HOURS_2025[m]), m == 10));
        }
        List<YoyPoint> quarters = List.of(
                new YoyPoint(1, 9, 9, new BigDecimal("7.83"), new BigDecimal("7.83")),
                new YoyPoint(2, 4, 4, new BigDecimal("3.00"), new BigDecimal("3.00")),
                new YoyPoint(3, 2, 2, new BigDecimal("1.75"), new BigDecimal("1.75")),
                new YoyPoint(4, 1, 2, new BigDecimal("1"), new BigDecimal("2.25"), true));
        return new MentorOverview(MIRA, 2026, true, Source.PREVIEW, true, months, quarters, List.of(),
                List.of(), List.of(), List.of(2026, 2025, 2024));
    }

    @Test
    void theOpenMonthAndQuarterShowTheirFiguresSoFarMarkedPartialInChartAndTable() {
        service.add(miraPreview2026());
        MentorViewModel vm = viewModel(Locale.ENGLISH);
        vm.openMentor(MIRA.peerMentorId(), 2026);

        assertThat(vm.rows()).filteredOn(YoyRow::partial).singleElement()
                .isEqualTo(new YoyRow("Nov (so far)", 1, 1, "1", "1", true));
        assertThat(vm.rows().get(9)).isEqualTo(new YoyRow("Oct", 0, 0, "0", "0"));
        assertThat(vm.rows().get(11).label()).as("a month to come is not partial").isEqualTo("Dec");

        vm.granularityProperty().set(MentorViewModel.Granularity.QUARTER);
        assertThat(vm.rows()).extracting(YoyRow::label).containsExactly("Q1", "Q2", "Q3", "Q4 (so far)");
        assertThat(vm.rows().get(3)).isEqualTo(new YoyRow("Q4 (so far)", 1, 2, "1", "2", true));
        vm.measureProperty().set(MentorViewModel.Measure.HOURS);
        assertThat(vm.rows().get(3).thisYearText()).isEqualTo("1");
        assertThat(vm.rows().get(3).lastYearText()).isEqualTo("2.3");
        assertThat(vm.rows()).filteredOn(YoyRow::partial).extracting(YoyRow::label).containsExactly("Q4 (so far)");
    }

    @Test
    void theOpenPeriodSaysHittilInNorwegianAndAClosedYearHasNoPartialRow() {
        service.add(miraPreview2026());
        MentorViewModel vm = viewModel(Locale.forLanguageTag("nb-NO"));
        vm.openMentor(MIRA.peerMentorId(), 2026);
        vm.granularityProperty().set(MentorViewModel.Granularity.QUARTER);
        assertThat(vm.rows().get(3).label()).isEqualTo("K4 (hittil)");
        assertThat(vm.rows().get(3).partial()).isTrue();
        assertThat(vm.categoryAxisLabelProperty().get())
                .isEqualTo("* K4: hittil (perioden er ikke over), ved siden av de samme månedene i fjor");
        vm.granularityProperty().set(MentorViewModel.Granularity.MONTH);
        assertThat(vm.categoryAxisLabelProperty().get()).isEqualTo("* nov: hittil (perioden er ikke over)");
        vm.granularityProperty().set(MentorViewModel.Granularity.QUARTER);

        vm.openMentor(MIRA.peerMentorId(), 2025);
        assertThat(vm.rows()).noneMatch(YoyRow::partial);
        assertThat(vm.rows()).extracting(YoyRow::label).noneMatch(l -> l.contains("hittil"));
    }

    @Test
    void norwegianNumbersAndLabels() {
        MentorViewModel vm = viewModel(Locale.forLanguageTag("nb-NO"));
        vm.openMentor(MIRA.peerMentorId());
        vm.measureProperty().set(MentorViewModel.Measure.HOURS);

        assertThat(vm.rows().get(5).lastYearText()).isEqualTo("1\u00a0234,5");
        vm.granularityProperty().set(MentorViewModel.Granularity.QUARTER);
        assertThat(vm.rows().get(0).label()).isEqualTo("K1");
        assertThat(vm.milestones()).first().asString().startsWith("10 aktiviteter (");
        assertThat(vm.summaries()).first().satisfies(r -> assertThat(r.status()).isEqualTo("Klar"));
        // a person reads the period in words, never the stored code "2025-Q1"
        assertThat(vm.summaries()).extracting(MentorViewModel.SummaryRow::period)
                .containsExactly("2025", "1. kvartal 2025", "2. kvartal 2025", "2024", "3. kvartal 2024");
    }

    @Test
    void summariesMilestonesAndBadgesAreListed() {
        MentorViewModel vm = viewModel(Locale.ENGLISH);
        vm.openMentor(MIRA.peerMentorId());

        assertThat(vm.summaries()).extracting(MentorViewModel.SummaryRow::period)
                .containsExactly("2025", "Q1 2025", "Q2 2025", "2024", "Q3 2024");
        assertThat(vm.summaries()).extracting(MentorViewModel.SummaryRow::status)
                .containsExactly("Ready", "Overloaded", "Normal", "Ready", "Underactive");
        assertThat(vm.summaries().get(3).hours()).isEqualTo("1,242.5");
        assertThat(vm.milestones()).containsExactly("10 activities (Jan 28, 2025)", "10 hours (Feb 11, 2025)");
        assertThat(vm.badges()).containsExactly("Ten sessions (Mar 4, 2025)");
    }

    @Test
    void badgesInNorwegianByTheirCatalogNameAndTheAnnualBadgeByItsYear() {
        service.add(miraWithNamedBadges());
        MentorViewModel nb = viewModel(Locale.forLanguageTag("nb-NO"));
        nb.openMentor(MIRA.peerMentorId(), 2025);
        assertThat(nb.badges()).hasSize(3);
        assertThat(nb.badges().get(0)).startsWith("Ti økter (");
        assertThat(nb.badges().get(1)).as("no Norwegian name: the English one").startsWith("Walk leader (");
        assertThat(nb.badges().get(2)).isEqualTo("Året som gikk 2025");

        MentorViewModel en = viewModel(Locale.ENGLISH);
        en.openMentor(MIRA.peerMentorId(), 2025);
        assertThat(en.badges()).containsExactly("Ten sessions (Mar 4, 2025)", "Walk leader (May 4, 2025)", "Year in review 2025");
    }

    @Test
    void aPeerMentorSeesTheirSummariesWithoutAnOutlierLabelAboutThemself() {
        Actor mira = new Actor("user-mira", "Mira Hansen", "org-1", Set.of(Role.PEER_MENTOR), "pm-1");
        MentorViewModel vm = viewModel(mira, new org.impactdesk.ui.fx.SameThreadTaskRunner());
        vm.openMentor(MIRA.peerMentorId());

        assertThat(vm.summaries()).extracting(MentorViewModel.SummaryRow::period)
                .containsExactly("2025", "Q1 2025", "Q2 2025", "2024", "Q3 2024");
        assertThat(vm.summaries()).extracting(MentorViewModel.SummaryRow::status)
                .containsExactly("Ready", "", "", "Ready", "");
        assertThat(vm.badges()).containsExactly("Ten sessions (Mar 4, 2025)");
    }

    @Test
    void pickingTheOpenYearSaysWhatIsShownAndOpenWrappedCarriesMentorAndYear() {
        MentorViewModel vm = viewModel(Locale.ENGLISH);
        vm.loadMentors();
        assertThat(vm.mentors()).extracting(MentorRef::peerMentorId).containsExactly(MIRA.peerMentorId());

        vm.selectedMentorProperty().set(vm.mentors().get(0));
        assertThat(vm.selectedYearProperty().get()).isEqualTo(2025);
        vm.selectedYearProperty().set(2026);

        assertThat(service.asked).containsExactly("pm-1/2025", "pm-1/2026");
        assertThat(vm.noteProperty().get()).contains("2026 is still open").contains("showing what is stored");
        assertThat(vm.rows()).allSatisfy(r -> assertThat(r.thisYear()).isNull());
        assertThat(vm.canOpenWrappedProperty().get()).isTrue();
        vm.openWrapped();
        assertThat(wrappedOpened).containsExactly("pm-1/2026");
    }

    @Test
    void aMentorOutsideTheScopeIsRefusedInPlainWords() {
        MentorViewModel vm = viewModel(Locale.ENGLISH);
        vm.openMentor("pm-9");

        assertThat(vm.errorProperty().get()).isEqualTo("This peer mentor is not in your scope, or no longer exists.");
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.canOpenWrappedProperty().get()).isFalse();
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void thePickerSortsByTheLanguageAndTellsMentorsOfTheSameNameApart() {
        FakeMentorService many = new FakeMentorService();
        many.inScope.add(new MentorRef("pm-7", "user-aase", "Åse Berg", "org-1", "Fjordlys Bergen"));
        many.inScope.add(new MentorRef("pm-3", "user-kari3", "Kari Nordmann", "org-1", "Fjordlys Voss"));
        many.inScope.add(new MentorRef("pm-2", "user-kari2", "Kari Nordmann", "org-1", "Fjordlys Bergen"));
        many.inScope.add(new MentorRef("pm-4", "user-kari4", "Kari Nordmann", "org-1", "Fjordlys Bergen"));
        many.inScope.add(new MentorRef("pm-9", "user-zara", "Zara Lund", "org-1", "Fjordlys Voss"));
        for (Locale locale : List.of(Locale.forLanguageTag("nb"), Locale.ENGLISH)) {
            MentorViewModel vm = new MentorViewModel(many, KIM, new SameThreadTaskRunner(),
                    ResourceBundle.getBundle(ViewLoader.BUNDLE, locale), ZoneId.of("Europe/Oslo"),
                    () -> LocalDate.of(2026, 11, 22), (mentor, year) -> { });
            vm.loadMentors();
            List<String> shown = vm.mentors().stream().map(vm::label).toList();
            if (locale.getLanguage().equals("nb")) {
                assertThat(shown).containsExactly("Kari Nordmann (Fjordlys Bergen · pm-2)", "Kari Nordmann (Fjordlys Voss)",
                        "Kari Nordmann (Fjordlys Bergen · pm-4)", "Zara Lund", "Åse Berg");
            } else {
                assertThat(shown).containsExactly("Åse Berg", "Kari Nordmann (Fjordlys Bergen · pm-2)",
                        "Kari Nordmann (Fjordlys Voss)", "Kari Nordmann (Fjordlys Bergen · pm-4)", "Zara Lund");
            }
        }
    }

    @Test
    void theSessionsAxisStepsInWholeNumbersAndTicksAndFiguresReadInTheLanguage() {
        MentorViewModel vm = viewModel(Locale.forLanguageTag("nb"));
        vm.openMentor(MIRA.peerMentorId());
        MentorViewModel.ValueAxis sessions = vm.valueAxisProperty().get();
        assertThat(sessions.count()).isTrue();
        assertThat(sessions.tickUnit()).isEqualTo(1.0); // at most 4 sessions a month: 0, 1, 2, 3, 4
        assertThat(sessions.upper()).isEqualTo(4.0);
        assertThat(vm.tickText(0.25)).isEmpty();
        assertThat(vm.tickText(3.0)).isEqualTo("3");

        vm.measureProperty().set(MentorViewModel.Measure.HOURS);
        MentorViewModel.ValueAxis hours = vm.valueAxisProperty().get();
        assertThat(hours.count()).isFalse();
        assertThat(hours.upper()).isGreaterThanOrEqualTo(1234.5); // June 2024
        assertThat(hours.tickUnit()).isEqualTo(500.0);
        assertThat(vm.tickText(1000.0)).isEqualTo("1\u00A0000");
        assertThat(vm.tickText(2.5)).isEqualTo("2,5");
        assertThat(vm.rows().get(2).thisYearText()).isEqualTo("2,3"); // 2.33 hours: one decimal
        assertThat(vm.rows().get(5).lastYearText()).isEqualTo("1\u00A0234,5");
    }
}
