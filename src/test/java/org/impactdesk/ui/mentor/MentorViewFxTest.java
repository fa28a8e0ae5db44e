package org.impactdesk.ui.mentor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.impactdesk.service.mentor.MentorFixture;
import org.impactdesk.service.mentor.OpenYearPreview;
import org.impactdesk.service.mentor.StoredMentorService;
import org.impactdesk.store.Database;
import org.impactdesk.store.MentorSummaryDao;
import org.impactdesk.ui.fx.FxTaskRunner;
import org.impactdesk.ui.fx.ViewLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real Mentor screen on a migrated H2 file database holding stored summaries. */
@ExtendWith(ApplicationExtension.class)
class MentorViewFxTest {
    static final Actor KIM = new Actor(MentorFixture.KIM, "Kim Coordinator", "org-1", Set.of(Role.COORDINATOR), null);

    Path dir;
    Database db;
    FxTaskRunner tasks;
    MentorViewModel viewModel;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("mentor-fx");
        db = Database.open(dir.resolve("db"));
        MentorFixture.write(db);
        tasks = new FxTaskRunner();
        ViewLoader loader = new ViewLoader(Locale.ENGLISH);
        viewModel = new MentorViewModel(new StoredMentorService(new MentorSummaryDao(db.jdbi()), OpenYearPreview.unavailable()),
                KIM, tasks, loader.bundle(), ZoneId.of("Europe/Oslo"), () -> LocalDate.of(2026, 11, 22),
                (mentor, year) -> { });
        stage.setScene(new Scene(loader.load(MentorView.FXML, new MentorView(viewModel)), 1200, 800));
        // the primary stage is shared by every TestFX class: the window test may have resized or maximised it
        stage.setMaximized(false);
        stage.sizeToScene();
        stage.show();
        stage.requestFocus();
    }

    @AfterEach
    void close() {
        tasks.close();
        db.close();
        org.impactdesk.TestFiles.deleteTree(dir);
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
                .containsExactly("Q1 7.83 3.83", "Q2 4.25 1,234.5", "Q3  2.5", "Q4  ");
        assertThat(robot.lookup(".table-cell").queryAll().stream()
                .map(n -> ((javafx.scene.control.TableCell<?, ?>) n).getText()))
                .contains("1,234.5", "7.83");
    }
}
