package org.impactdesk.ui.funder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.impactdesk.domain.FunderReason;
import org.impactdesk.service.funder.FunderFixtures;
import org.impactdesk.service.funder.StoredFunderReportService;
import org.impactdesk.store.Database;
import org.impactdesk.store.FunderDao;
import org.impactdesk.store.OrganizationDao;
import org.impactdesk.ui.fx.Formats;
import org.impactdesk.ui.fx.FxTaskRunner;
import org.impactdesk.ui.fx.ScriptedDialogs;
import org.impactdesk.ui.fx.ViewLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real Funder report screen at 1024x700 on a migrated H2 file database, signed in as the org admin. */
@ExtendWith(ApplicationExtension.class)
class FunderViewFxTest {
    Path dir;
    Database db;
    FxTaskRunner tasks;
    FunderViewModel viewModel;
    final ScriptedDialogs dialogs = new ScriptedDialogs();
    int settingsOpened;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        dir = Files.createTempDirectory("funder-fx");
        db = Database.open(dir.resolve("db"));
        FunderFixtures.fill(db);
        tasks = new FxTaskRunner();
        ViewLoader loader = new ViewLoader(Locale.ENGLISH);
        StoredFunderReportService service = new StoredFunderReportService(new OrganizationDao(db.jdbi()), new FunderDao(db.jdbi()),
                Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC));
        viewModel = new FunderViewModel(service, FunderFixtures.ADMIN, tasks, dialogs, loader.bundle(), new Formats(Locale.ENGLISH),
                2026, () -> settingsOpened++);
        stage.setScene(new Scene(loader.load(FunderView.FXML, new FunderView(viewModel)), 1024, 700));
        stage.setMaximized(false);
        stage.sizeToScene();
        stage.show();
        viewModel.load();
    }

    @AfterEach
    void close() {
        tasks.close();
        db.close();
        org.impactdesk.TestFiles.deleteTree(dir);
    }

    void awaitLoaded() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !viewModel.busyProperty().get() && viewModel.dataProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void headersWrapBetweenWordsOnlyAndNameTheirColumnInFull(FxRobot robot) throws Exception {
        awaitLoaded();
        // the screen's width in the window at 1024 x 700, beside the navigation
        robot.interact(() -> stage.setWidth(854));
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> summary = robot.lookup("#funderSummary").queryAs(TableView.class);
        // the columns and the columns heading two (group, course, contact service) with theirs
        List<TableColumn<?, ?>> columns = new ArrayList<>(summary.getColumns());
        summary.getColumns().forEach(c -> columns.addAll(c.getColumns()));
        assertThat(columns).hasSize(13);
        for (TableColumn<?, ?> c : columns) {
            Label header = (Label) c.getGraphic();
            assertThat(header.getWidth()).as(header.getText() + ": its longest word fits, so no word is broken")
                    .isGreaterThanOrEqualTo(FunderColumns.longestWord(header.getText(), header.getFont()));
            javafx.scene.text.Text shown = (javafx.scene.text.Text) header.lookup(".text");
            assertThat(shown.getText()).as("the header shows all its words, none cut with an ellipsis").isEqualTo(header.getText());
        }
        Label sessions = (Label) summary.getColumns().get(3).getColumns().get(0).getGraphic();
        assertThat(((Label) summary.getColumns().get(3).getGraphic()).getText()).isEqualTo("Group");
        assertThat(sessions.getText()).isEqualTo("Sessions");
        assertThat(sessions.getAccessibleText()).isEqualTo("Group sessions");
        Label individual = (Label) summary.getColumns().get(2).getGraphic();
        assertThat(individual.getText()).isEqualTo("Individual");
        assertThat(individual.getAccessibleText()).isEqualTo("Individual conversations");
        robot.moveTo(individual);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(individual.getTooltip()).isNotNull();
        assertThat(individual.getTooltip().getText()).isEqualTo("Individual conversations");
        double width = summary.getVisibleLeafColumns().stream().mapToDouble(TableColumn::getWidth).sum();
        assertThat(width).as("no column pushed out of the table").isLessThanOrEqualTo(summary.getWidth());
    }

    @Test
    @SuppressWarnings("unchecked")
    void showsTheReportOpensAReasonsActivitiesAndExports(FxRobot robot) throws Exception {
        awaitLoaded();
        TableView<FunderViewModel.FigureRow> summary = robot.lookup("#funderSummary").queryAs(TableView.class);
        assertThat(summary.getItems()).extracting(FunderViewModel.FigureRow::name).containsExactly("Bodø", "Tromsø", "Total");
        assertThat(robot.lookup("#funderHeading").queryAs(Label.class).getText()).isEqualTo("Likeperson Nord · 2025");
        assertThat(robot.lookup("#funderWarnings").query().isVisible()).isTrue();

        TableView<FunderViewModel.ReasonRow> reasons = robot.lookup("#funderReasons").queryAs(TableView.class);
        robot.interact(() -> reasons.getSelectionModel().select(FunderReason.SAME_DAY_DUPLICATE.ordinal()));
        WaitForAsyncUtils.waitForFxEvents();
        TableView<FunderViewModel.ActivityRow> activities = robot.lookup("#funderActivities").queryAs(TableView.class);
        assertThat(activities.getItems()).singleElement().satisfies(r -> assertThat(r.mentor()).isEqualTo("Astrid Mentor"));
        assertThat(robot.lookup("#funderListTitle").queryAs(Label.class).getText()).isEqualTo("Same person the same day: 1 activity");
        // the whole screen fits 1024x700: the export buttons are on it
        Node export = robot.lookup("#funderExportXlsx").query();
        assertThat(export.localToScene(export.getBoundsInLocal()).getMaxX()).isLessThanOrEqualTo(1024);

        Path xlsx = dir.resolve("report.xlsx");
        dialogs.saveAs = xlsx;
        robot.clickOn("#funderExportXlsx");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(xlsx) && !viewModel.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#funderMessage").queryAs(Label.class).getText()).startsWith("Exported report.xlsx");
        assertThat(new FunderDao(db.jdbi()).exports(FunderFixtures.ORG, 2025)).hasSize(1);

        robot.clickOn("#funderOpenSettings");
        assertThat(settingsOpened).isEqualTo(1);
    }

    @Test
    void aBadYearIsMarkedBesideTheField(FxRobot robot) throws Exception {
        awaitLoaded();
        TextField year = robot.lookup("#funderYear").queryAs(TextField.class);
        robot.interact(() -> year.setText("20x"));
        WaitForAsyncUtils.waitForFxEvents();
        Label error = robot.lookup("#funderYearError").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).isEqualTo("The year must be from 2000 to 2100, not “20x”.");
        robot.interact(() -> year.setText("2026"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !viewModel.busyProperty().get()
                && viewModel.dataProperty().get() != null && viewModel.dataProperty().get().report().year() == 2026);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#funderStatus").queryAs(Label.class).getText()).startsWith("Forecast: 2026 is still open.");
        assertThat(error.isVisible()).isFalse();
    }
}
