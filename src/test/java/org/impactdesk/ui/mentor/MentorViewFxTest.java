package org.impactdesk.ui.mentor;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Paint;
import javafx.scene.paint.Stop;
import javafx.stage.Stage;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.impactdesk.domain.StoredSummaries;
import org.impactdesk.service.mentor.MentorFixture;
import org.impactdesk.service.mentor.StoredMentorService;
import org.impactdesk.store.Database;
import org.impactdesk.store.MentorSummaryDao;
import org.impactdesk.store.MigratedH2;
import org.impactdesk.ui.fx.CutTexts;
import org.impactdesk.ui.fx.FxTaskRunner;
import org.impactdesk.ui.fx.TestStages;
import org.impactdesk.ui.fx.Themes;
import org.impactdesk.ui.fx.ViewLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the real Mentor screen, themed as the app themes it, on a migrated H2 file database holding
 * stored summaries, with the engine's preview of the open year.
 */
@MigratedH2
@ExtendWith(ApplicationExtension.class)
class MentorViewFxTest {
    static final Actor KIM = new Actor(MentorFixture.KIM, "Kim Coordinator", "org-1", Set.of(Role.COORDINATOR), null);

    /** The engine's view of 2026 on 2026-11-22: January, October and November (still running). */
    static final StoredSummaries.Annual PREVIEW_2026 = new StoredSummaries.Annual(2026, "pending", true, 9,
            new BigDecimal("8.25"),
            List.of(new StoredSummaries.MonthFigure(1, 2, new BigDecimal("1.75")),
                    new StoredSummaries.MonthFigure(10, 4, new BigDecimal("3.50")),
                    new StoredSummaries.MonthFigure(11, 3, new BigDecimal("3.00"))),
            List.of(), List.of(), null);

    Stage stage;
    FxTaskRunner tasks;
    MentorViewModel viewModel;
    Scene scene;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    Database db;

    @BeforeEach
    void open(Database db) throws Exception {
        this.db = db;
        MentorFixture.write(db);
        tasks = new FxTaskRunner();
        ViewLoader loader = new ViewLoader(Locale.ENGLISH);
        // the engine previews the open year 2026 only; the closed years are the stored rows
        viewModel = new MentorViewModel(new StoredMentorService(new MentorSummaryDao(db.jdbi()),
                (actor, mentor, year) -> year == 2026 ? Optional.of(PREVIEW_2026) : Optional.empty()),
                KIM, tasks, loader.bundle(), ZoneId.of("Europe/Oslo"), () -> LocalDate.of(2026, 11, 22),
                (mentor, year) -> { });
        scene = TestStages.show(stage, loader.load(MentorView.FXML, new MentorView(viewModel)), 1200, 800);
        WaitForAsyncUtils.asyncFx(() -> Themes.apply(scene, false)).get(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    @AfterEach
    void close() {
        tasks.close();
    }

    /** Waits on the FX queue until the background load has landed (bounded by TestFX's timeout). */
    void awaitLoaded() throws Exception {
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> !viewModel.busyProperty().get() && viewModel.overviewProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    @SuppressWarnings("unchecked")
    void openAMentorAndSeeBothYearsInTheChartAndTheTable(FxRobot robot) throws Exception {
        robot.interact(() -> viewModel.openMentor(MentorFixture.MIRA));
        awaitLoaded();

        BarChart<String, Number> chart = robot.lookup("#yoyChart").queryAs(BarChart.class);
        assertThat(chart.getData()).extracting(XYChart.Series::getName).containsExactly("2025", "2024");
        List<Number> thisYear = chart.getData().get(0).getData().stream().map(XYChart.Data::getYValue).toList();
        List<Number> lastYear = chart.getData().get(1).getData().stream().map(XYChart.Data::getYValue).toList();
        assertThat(thisYear).containsExactly(3, 2, 4, 1, 2, 1, 0, 1, 1, 0, 1, 1);
        assertThat(lastYear).containsExactly(1, 1, 2, 0, 0, 3, 2, 1, 0, 0, 0, 1);
        assertThat(chart.getData().get(0).getData().get(2).getXValue()).isEqualTo("Mar");

        robot.clickOn("#byQuarter");
        robot.clickOn("#byHours");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chart.getData().get(0).getData()).extracting(XYChart.Data::getXValue).containsExactly("Q1", "Q2");
        assertThat(chart.getData().get(1).getData()).extracting(d -> d.getYValue().toString())
                .containsExactly("3.83", "1234.50", "2.50");

        TableView<MentorViewModel.YoyRow> table = robot.lookup("#yoyTable").queryAs(TableView.class);
        // the hidden table alternative is out of layout (no cells made for it) until it is shown
        assertThat(table.isManaged()).isFalse();
        robot.clickOn("#showTable");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.isVisible()).isTrue();
        assertThat(table.isManaged()).isTrue();
        assertThat(table.getWidth()).isPositive();
        assertThat(chart.isVisible()).isFalse();
        assertThat(chart.isManaged()).isFalse();
        assertThat(table.getColumns()).extracting(c -> c.getText()).containsExactly("Period", "2025", "2024");
        assertThat(table.getItems()).extracting(r -> r.label() + " " + r.thisYearText() + " " + r.lastYearText())
                .containsExactly("Q1 7.8 3.8", "Q2 4.3 1,234.5", "Q3  2.5", "Q4  ");
        assertThat(robot.lookup(".table-cell").queryAll().stream()
                .map(n -> ((javafx.scene.control.TableCell<?, ?>) n).getText()))
                .contains("1,234.5", "7.8");
    }

    /** The Mentor screen in {@code loader}'s language in an 850x640 scene (the 1024x700 window less the navigation), light. */
    MentorViewModel showSmall(FxRobot robot, ViewLoader loader) throws Exception {
        MentorViewModel vm = new MentorViewModel(new StoredMentorService(new MentorSummaryDao(db.jdbi()),
                (actor, mentor, year) -> year == 2026 ? Optional.of(PREVIEW_2026) : Optional.empty()),
                KIM, tasks, loader.bundle(), ZoneId.of("Europe/Oslo"), () -> LocalDate.of(2026, 11, 22),
                (mentor, year) -> { });
        Scene small = TestStages.show(stage, loader.load(MentorView.FXML, new MentorView(vm)), 850, 640);
        robot.interact(() -> Themes.apply(small, false));
        return vm;
    }

    /**
     * In the smallest window (1024x700 less the navigation: about 850 px for the screen), the side
     * panel's summaries show every header and every value whole, in English and in Norwegian (it
     * read "Annual (Wrapp..." and "Sess..." in English).
     */
    @Test
    @SuppressWarnings("unchecked")
    void theSummariesTableShowsItsHeadersAndValuesWholeInASmallWindowInBothLanguages(FxRobot robot) throws Exception {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("nb"))) {
            ViewLoader loader = new ViewLoader(locale);
            MentorViewModel vm = showSmall(robot, loader);
            robot.interact(() -> vm.openMentor(MentorFixture.MIRA, 2025));
            WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                    () -> !vm.busyProperty().get() && vm.overviewProperty().get() != null);
            WaitForAsyncUtils.waitForFxEvents();

            TableView<MentorViewModel.SummaryRow> table = robot.lookup("#summariesTable").queryTableView();
            assertThat(table.getItems()).extracting(MentorViewModel.SummaryRow::kind)
                    .contains(loader.bundle().getString("mentor.kind.annual"));
            List<String>[] cut = new List[1];
            robot.interact(() -> cut[0] = CutTexts.within(table));
            assertThat(cut[0]).as("cut texts in %s", locale).isEmpty();
            Node chart = robot.lookup("#yoyChart").query();
            assertThat(chart.getBoundsInParent().getWidth()).as("the chart keeps room beside the panel (columns %s)",
                    table.getColumns().stream().map(c -> c.getText() + "=" + Math.round(c.getWidth())).toList())
                    .isGreaterThan(280);
            double[] janWidth = new double[1];
            robot.interact(() -> janWidth[0] = ((BarChart<String, Number>) chart).getData().get(0).getData().get(0).getNode()
                    .getLayoutBounds().getWidth());
            assertThat(janWidth[0]).as("a bar in the narrow chart is a bar, not a line").isGreaterThan(4);

        }
    }

    /**
     * In the smallest window the open year's chart has about 24 px a month: every month's tick is
     * shown (none hidden under another: "Dec (so far)" hid November's, and "mar" touched "apr" in
     * Norwegian), the open month's tick short and marked, and what the mark means under the axis.
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyMonthTickOfTheOpenYearShowsApartInASmallWindowInBothLanguages(FxRobot robot) throws Exception {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("nb"))) {
            ViewLoader loader = new ViewLoader(locale);
            MentorViewModel vm = showSmall(robot, loader);
            Node chart = robot.lookup("#yoyChart").query();
            // the open year: twelve month ticks, November's marked as so far, each shown and none on another
            robot.interact(() -> vm.openMentor(MentorFixture.MIRA, 2026));
            WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                    () -> !vm.busyProperty().get() && vm.rows().stream().anyMatch(MentorViewModel.YoyRow::partial));
            // the axis makes its ticks anew on a later layout pass
            WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                    () -> ((BarChart<String, Number>) chart).getXAxis().getTickMarks().stream()
                            .anyMatch(t -> t.getValue().endsWith("*"))).get());
            WaitForAsyncUtils.waitForFxEvents();
            List<String> crowded = new java.util.ArrayList<>();
            List<String> ticks = new java.util.ArrayList<>();
            String[] axisLabel = new String[1];
            robot.interact(() -> {
                javafx.scene.chart.Axis<String> axis = ((BarChart<String, Number>) chart).getXAxis();
                axisLabel[0] = robot.lookup("#mentorChartNote").queryAs(javafx.scene.control.Label.class).getText();
                javafx.scene.text.Text measure = new javafx.scene.text.Text();
                measure.setFont(axis.getTickLabelFont());
                List<javafx.scene.chart.Axis.TickMark<String>> marks = axis.getTickMarks().stream()
                        .sorted(java.util.Comparator.comparingDouble(javafx.scene.chart.Axis.TickMark::getPosition)).toList();
                double[] widths = new double[marks.size()];
                for (int i = 0; i < marks.size(); i++) {
                    javafx.scene.chart.Axis.TickMark<String> m = marks.get(i);
                    ticks.add(m.getValue());
                    measure.setText(m.getValue());
                    widths[i] = axis.getTickLabelRotation() == 0 ? measure.getLayoutBounds().getWidth()
                            : measure.getLayoutBounds().getHeight();
                    if (!m.isTextVisible()) {
                        crowded.add(m.getValue() + " hidden");
                    }
                }
                for (int i = 1; i < marks.size(); i++) {
                    double gap = marks.get(i).getPosition() - marks.get(i - 1).getPosition() - (widths[i] + widths[i - 1]) / 2;
                    if (gap < 3) {
                        crowded.add(marks.get(i - 1).getValue() + " and " + marks.get(i).getValue() + " " + Math.round(gap * 10) / 10.0 + " px apart");
                    }
                }
            });
            assertThat(ticks).as("ticks in %s", locale).hasSize(12);
            assertThat(ticks.get(10)).as("the open month's tick in %s", locale).endsWith("*");
            assertThat(axisLabel[0]).as("what * means, in %s", locale).startsWith("* " + ticks.get(10).replace("*", "") + ": ");
            assertThat(crowded).as("crowded month ticks in %s", locale).isEmpty();
        }
    }

    @SuppressWarnings("unchecked")
    XYChart.Data<String, Number> thisYearBar(FxRobot robot, String label) {
        BarChart<String, Number> chart = robot.lookup("#yoyChart").queryAs(BarChart.class);
        return chart.getData().get(0).getData().stream().filter(d -> d.getXValue().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no bar for " + label));
    }

    static List<Color> hatchColours(Node bar) {
        bar.applyCss();
        Paint fill = ((Region) bar).getBackground().getFills().get(0).getFill();
        assertThat(fill).as("the open period's bar is hatched").isInstanceOf(LinearGradient.class);
        return ((LinearGradient) fill).getStops().stream().map(Stop::getColor).distinct().toList();
    }

    @Test
    void theOpenQuarterAndMonthHaveHatchedBarsLabelledSoFarInBothThemesAndInTheTable(FxRobot robot) throws Exception {
        robot.interact(() -> viewModel.openMentor(MentorFixture.MIRA, 2026));
        awaitLoaded();

        Node november = thisYearBar(robot, "Nov*").getNode();
        assertThat(november.getStyleClass()).contains(MentorView.PARTIAL_BAR);
        assertThat(thisYearBar(robot, "Oct").getNode().getStyleClass()).doesNotContain(MentorView.PARTIAL_BAR);

        robot.clickOn("#byQuarter");
        WaitForAsyncUtils.waitForFxEvents();
        XYChart.Data<String, Number> q4 = thisYearBar(robot, "Q4*");
        assertThat(q4.getYValue().intValue()).as("October and November so far").isEqualTo(7);
        assertThat(q4.getNode().getStyleClass()).contains(MentorView.PARTIAL_BAR);
        List<Color>[] seen = new List[2];
        robot.interact(() -> seen[0] = hatchColours(q4.getNode()));
        assertThat(seen[0]).containsExactlyInAnyOrder(Color.web("#2f5fb3"), Color.web("#c5d4ef"));
        robot.interact(() -> Themes.setDark(scene, true));
        robot.interact(() -> seen[1] = hatchColours(q4.getNode()));
        assertThat(seen[1]).containsExactlyInAnyOrder(Color.web("#6e9cf0"), Color.web("#2b3d5e"));
        robot.interact(() -> Themes.setDark(scene, false));

        robot.clickOn("#showTable");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<MentorViewModel.YoyRow> table = robot.lookup("#yoyTable").queryTableView();
        assertThat(table.getItems()).extracting(MentorViewModel.YoyRow::label)
                .containsExactly("Q1", "Q2", "Q3", "Q4 (so far)");
        assertThat(table.getItems().get(3).thisYearText()).isEqualTo("7");
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePickerTellsMentorsOfTheSameNameApartAndTypingANameSelectsIt(FxRobot robot) throws Exception {
        db.jdbi().useTransaction(h -> {
            h.execute("""
                    INSERT INTO users (id, organization_id, display_name) VALUES
                    ('user-mira-2', 'org-1', 'Mira Hansen'), ('user-aase', 'org-1', 'Åse Lie')""");
            h.execute("INSERT INTO user_roles (user_id, role) VALUES ('user-mira-2', 'peer_mentor'), ('user-aase', 'peer_mentor')");
            h.execute("""
                    INSERT INTO peer_mentors (id, user_id, organization_id, primary_local_association_id, status, started_on)
                    VALUES ('pm-5', 'user-mira-2', 'org-1', 'la-1', 'active', DATE '2023-05-01'),
                           ('pm-6', 'user-aase', 'org-1', 'la-1', 'active', DATE '2023-05-01')""");
            h.execute("INSERT INTO peer_mentor_associations VALUES ('pm-5', 'la-1'), ('pm-6', 'la-1')");
        });
        robot.interact(() -> viewModel.visit(MentorFixture.MIRA, 2025));
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> viewModel.mentors().size() == 3);
        awaitLoaded();

        javafx.scene.control.ComboBox<org.impactdesk.domain.MentorRef> picker =
                robot.lookup("#mentorPicker").queryAs(javafx.scene.control.ComboBox.class);
        assertThat(picker.getItems()).extracting(m -> picker.getConverter().toString(m))
                .containsExactly("Åse Lie", "Mira Hansen (North · pm-1)", "Mira Hansen (North · pm-5)");
        assertThat(titleOf(robot)).isEqualTo("Mira Hansen (North · pm-1): 2025");

        robot.interact(picker::requestFocus);
        robot.write("lie"); // a word inside the name: Åse Lie
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(viewModel.selectedMentorProperty().get().peerMentorId()).isEqualTo("pm-6");
        robot.type(javafx.scene.input.KeyCode.BACK_SPACE, 3);
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        robot.write("mira");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(viewModel.selectedMentorProperty().get().peerMentorId()).isEqualTo("pm-1");
        assertThat(picker.isShowing()).isFalse(); // typing selects, it does not open the list
    }

    static String titleOf(FxRobot robot) {
        return robot.lookup(".screen-title").queryAs(javafx.scene.control.Label.class).getText();
    }
}
