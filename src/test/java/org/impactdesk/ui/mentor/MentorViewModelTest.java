package org.impactdesk.ui.mentor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.impactdesk.mentor.MentorFixture;
import org.impactdesk.mentor.MentorService;
import org.impactdesk.mentor.OpenYearPreview;
import org.impactdesk.store.Database;
import org.impactdesk.store.MentorSummaryDao;
import org.impactdesk.ui.SameThreadTaskRunner;
import org.impactdesk.ui.ViewLoader;
import org.impactdesk.ui.mentor.MentorViewModel.YoyRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Mentor ViewModel without the toolkit: same-thread tasks, a migrated H2 with stored summaries. */
class MentorViewModelTest {
    static final Actor KIM = new Actor(MentorFixture.KIM, "Kim Coordinator", "org-1", Set.of(Role.COORDINATOR), null);

    @TempDir
    Path dir;
    Database db;
    List<String> wrappedOpened = new ArrayList<>();

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("db"));
        MentorFixture.write(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    MentorViewModel viewModel(Locale locale) {
        MentorService service = new MentorService(new MentorSummaryDao(db.jdbi()), OpenYearPreview.unavailable());
        return new MentorViewModel(service, KIM, new SameThreadTaskRunner(),
                ResourceBundle.getBundle(ViewLoader.BUNDLE, locale), ZoneId.of("Europe/Oslo"),
                () -> LocalDate.of(2026, 11, 22), (mentor, year) -> wrappedOpened.add(mentor + "/" + year));
    }

    static final Actor ADMIN = new Actor("user-admin", "Ada Admin", "org-1", Set.of(Role.ORG_ADMIN), null);

    MentorViewModel viewModel(Actor actor, org.impactdesk.ui.TaskRunner tasks) {
        MentorService service = new MentorService(new MentorSummaryDao(db.jdbi()), OpenYearPreview.unavailable());
        return new MentorViewModel(service, actor, tasks, ResourceBundle.getBundle(ViewLoader.BUNDLE, Locale.ENGLISH),
                ZoneId.of("Europe/Oslo"), () -> LocalDate.of(2026, 11, 22), (mentor, year) -> wrappedOpened.add(mentor + "/" + year));
    }

    /** Runs work at once but holds each result until the test releases it: the order results land in. */
    static final class HeldTaskRunner implements org.impactdesk.ui.TaskRunner {
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
        vm.visit(MentorFixture.OLA, null);
        assertThat(tasks.waiting()).containsExactlyInAnyOrder("mentor-overview", "mentor-list");

        tasks.release("mentor-list");
        assertThat(vm.mentors()).extracting(m -> m.peerMentorId()).containsExactly(MentorFixture.MIRA, MentorFixture.OLA);
        assertThat(vm.busyProperty().get()).as("Ola's figures are still loading").isTrue();
        assertThat(tasks.waiting()).as("no load of the first mentor started").containsExactly("mentor-overview");

        tasks.release("mentor-overview");
        assertThat(vm.selectedMentorProperty().get().peerMentorId()).isEqualTo(MentorFixture.OLA);
        assertThat(vm.titleProperty().get()).isEqualTo("Ola Berg: 2025");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void aMentorOpenedOnTheFirstVisitStaysWhenTheMentorListLandsAfterIt() {
        HeldTaskRunner tasks = new HeldTaskRunner();
        MentorViewModel vm = viewModel(ADMIN, tasks);
        vm.visit(MentorFixture.OLA, 2025);
        tasks.release("mentor-overview");
        tasks.release("mentor-list");

        assertThat(tasks.waiting()).isEmpty();
        assertThat(vm.selectedMentorProperty().get().peerMentorId()).isEqualTo(MentorFixture.OLA);
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
        tasks.release("mentor-overview");
        assertThat(vm.titleProperty().get()).isEqualTo("Mira Hansen: 2025");

        vm.selectedMentorProperty().set(vm.mentors().get(1));
        tasks.release("mentor-overview");
        vm.visit(null, null);
        assertThat(tasks.waiting()).as("a later plain visit loads nothing").isEmpty();
        assertThat(vm.titleProperty().get()).isEqualTo("Ola Berg: 2025");
    }

    @Test
    void openingAMentorShowsTheLatestYearAgainstTheOneBeforeByMonth() {
        MentorViewModel vm = viewModel(Locale.ENGLISH);
        vm.openMentor(MentorFixture.MIRA);

        assertThat(vm.titleProperty().get()).isEqualTo("Mira Hansen: 2025");
        assertThat(vm.selectedYearProperty().get()).isEqualTo(2025);
        assertThat(vm.thisYearNameProperty().get()).isEqualTo("2025");
        assertThat(vm.lastYearNameProperty().get()).isEqualTo("2024");
        assertThat(vm.rows()).hasSize(12);
        assertThat(vm.rows().get(0)).isEqualTo(new YoyRow("Jan", 3, 1, "3", "1"));
        assertThat(vm.rows()).extracting(YoyRow::thisYear).containsExactly(3, 2, 4, 1, 2, 1, 0, 1, 1, 0, 1, 1);
        assertThat(vm.noteProperty().get()).isEmpty();
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void hoursAndQuartersSwitchTheSameNumbersForChartAndTable() {
        MentorViewModel vm = viewModel(Locale.ENGLISH);
        vm.openMentor(MentorFixture.MIRA);

        vm.measureProperty().set(MentorViewModel.Measure.HOURS);
        assertThat(vm.rows().get(5).thisYearText()).isEqualTo("0.5");
        assertThat(vm.rows().get(5).lastYearText()).isEqualTo("1,234.5");
        assertThat(vm.valueAxisLabelProperty().get()).isEqualTo("Hours");

        vm.granularityProperty().set(MentorViewModel.Granularity.QUARTER);
        assertThat(vm.rows()).extracting(YoyRow::label).containsExactly("Q1", "Q2", "Q3", "Q4");
        assertThat(vm.rows().get(0).thisYearText()).isEqualTo("7.83");
        assertThat(vm.rows().get(3)).isEqualTo(new YoyRow("Q4", null, null, "", ""));
    }

    @Test
    void norwegianNumbersAndLabels() {
        MentorViewModel vm = viewModel(Locale.forLanguageTag("nb-NO"));
        vm.openMentor(MentorFixture.MIRA);
        vm.measureProperty().set(MentorViewModel.Measure.HOURS);

        assertThat(vm.rows().get(5).lastYearText()).isEqualTo("1\u00a0234,5");
        vm.granularityProperty().set(MentorViewModel.Granularity.QUARTER);
        assertThat(vm.rows().get(0).label()).isEqualTo("K1");
        assertThat(vm.milestones()).first().asString().startsWith("10 aktiviteter (");
        assertThat(vm.summaries()).first().satisfies(r -> assertThat(r.status()).isEqualTo("Klar"));
    }

    @Test
    void summariesMilestonesAndBadgesAreListed() {
        MentorViewModel vm = viewModel(Locale.ENGLISH);
        vm.openMentor(MentorFixture.MIRA);

        assertThat(vm.summaries()).extracting(MentorViewModel.SummaryRow::period)
                .containsExactly("2025", "2025-Q1", "2025-Q2", "2024", "2024-Q3");
        assertThat(vm.summaries().get(1).status()).isEqualTo("Overloaded");
        assertThat(vm.milestones()).containsExactly("10 activities (Jan 28, 2025)", "10 hours (Feb 11, 2025)");
        assertThat(vm.badges()).containsExactly("Ten sessions (Mar 4, 2025)");
    }

    @Test
    void pickingTheOpenYearSaysWhatIsShownAndOpenWrappedCarriesMentorAndYear() {
        MentorViewModel vm = viewModel(Locale.ENGLISH);
        vm.loadMentors();
        assertThat(vm.mentors()).extracting(m -> m.peerMentorId()).containsExactly(MentorFixture.MIRA);

        vm.selectedMentorProperty().set(vm.mentors().get(0));
        assertThat(vm.selectedYearProperty().get()).isEqualTo(2025);
        vm.selectedYearProperty().set(2026);

        assertThat(vm.noteProperty().get()).contains("2026 is still open").contains("showing what is stored");
        assertThat(vm.rows()).allSatisfy(r -> assertThat(r.thisYear()).isNull());
        assertThat(vm.canOpenWrappedProperty().get()).isTrue();
        vm.openWrapped();
        assertThat(wrappedOpened).containsExactly("pm-1/2026");
    }

    @Test
    void aMentorOutsideTheScopeIsRefusedInPlainWords() {
        MentorViewModel vm = viewModel(Locale.ENGLISH);
        vm.openMentor(MentorFixture.OLA);

        assertThat(vm.errorProperty().get()).isEqualTo("This peer mentor is not in your scope, or no longer exists.");
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.canOpenWrappedProperty().get()).isFalse();
    }
}
