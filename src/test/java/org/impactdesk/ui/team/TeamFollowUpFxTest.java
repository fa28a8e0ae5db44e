package org.impactdesk.ui.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.impactdesk.domain.TeamLine;
import org.impactdesk.service.followup.StoredFollowUpService;
import org.impactdesk.service.team.StoredTeamService;
import org.impactdesk.service.team.TeamFixture;
import org.impactdesk.store.Database;
import org.impactdesk.store.FollowUpDao;
import org.impactdesk.store.TeamDao;
import org.impactdesk.ui.fx.FxTaskRunner;
import org.impactdesk.ui.fx.ScriptedDialogs;
import org.impactdesk.ui.fx.ViewLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A coordinator marks a mentor followed up in Q3 2025 on the real Team screen (side panel, note,
 * save) and, on Q4 2025, sees the follow-up carried over with Q4's stored status beside it; in
 * Norwegian, the follow-up's date is shown and typed as dd.MM.yyyy.
 */
@ExtendWith(ApplicationExtension.class)
class TeamFollowUpFxTest {
    static Path dir;
    static Database db;
    FxTaskRunner tasks;
    TeamViewModel viewModel;
    TeamSidePanelViewModel panel;
    Stage stage;

    /** The database is written before the toolkit's set-up (whose time limit a generation under load could pass). */
    @BeforeAll
    static void write() throws Exception {
        dir = Files.createTempDirectory("team-follow-fx");
        db = Database.open(dir.resolve("db"));
        TeamFixture.write(db);
    }

    @AfterAll
    static void delete() {
        db.close();
        org.impactdesk.TestFiles.deleteTree(dir);
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        tasks = new FxTaskRunner();
        Shown shown = show(stage, db, tasks, Locale.ENGLISH);
        viewModel = shown.team();
        panel = shown.panel();
    }

    record Shown(TeamViewModel team, TeamSidePanelViewModel panel) {
    }

    /** Coordinator Kim's Team screen with the side panel and its columns, in {@code locale}, on {@code db}; today is 2026-01-10. */
    static Shown show(Stage stage, Database db, FxTaskRunner tasks, Locale locale) {
        ViewLoader loader = new ViewLoader(locale);
        TeamViewModel viewModel = new TeamViewModel(new StoredTeamService(db.jdbi().onDemand(TeamDao.class),
                TeamFixture.CLOCK), TeamFixture.KIM, tasks, loader.bundle(), new ScriptedDialogs(), (pm, year) -> { });
        TeamView view = new TeamView(viewModel);
        Parent root = loader.load(TeamView.FXML, view);
        TeamSidePanelViewModel panel = new TeamSidePanelViewModel(viewModel, new StoredFollowUpService(
                new FollowUpDao(db.jdbi()), Clock.systemUTC()), TeamFixture.KIM, tasks, () -> LocalDate.of(2026, 1, 10));
        view.attachSidePanelWhenOpen(loader.load(TeamSidePanel.FXML, new TeamSidePanel(panel)), panel.openProperty());
        view.addColumn(SparklineCell.column(panel), 1);
        var marks = TeamSidePanel.markColumn(panel);
        view.addColumn(marks, 2);
        view.fitColumn(marks, panel::markText, panel.marksVersionProperty());
        stage.setScene(new Scene(root, 1280, 800));
        stage.setMaximized(false);
        stage.sizeToScene();
        stage.show();
        stage.requestFocus();
        viewModel.start();
        return new Shown(viewModel, panel);
    }

    @AfterEach
    void close() {
        tasks.close();
    }

    void awaitIdle() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !viewModel.busyProperty().get()
                && viewModel.tableProperty().get() != null && !panel.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    void choosePeriod(FxRobot robot, String text) throws Exception {
        robot.clickOn("#teamPeriod");
        WaitForAsyncUtils.waitForFxEvents();
        Node cell = robot.lookup(".combo-box-popup .list-cell").match(n -> text.equals(((ListCell<?>) n).getText())).query();
        robot.clickOn(cell);
        awaitIdle();
    }

    TableCell<?, ?> cell(FxRobot robot, String name, String columnId) {
        TableRow<?> row = robot.lookup("#teamTable .table-row-cell").queryAll().stream().map(n -> (TableRow<?>) n)
                .filter(r -> r.getItem() instanceof TeamLine l && l.name().equals(name)).findFirst().orElseThrow();
        return row.lookupAll(".table-cell").stream().map(c -> (TableCell<?, ?>) c)
                .filter(c -> columnId.equals(c.getTableColumn().getId())).findFirst().orElseThrow();
    }

    @Test
    void markAMentorFollowedUpAndSeeItTheNextPeriod(FxRobot robot) throws Exception {
        awaitIdle();
        choosePeriod(robot, "Q3 2025");
        assertThat(robot.lookup("#teamSidePanel").tryQuery()).as("not styled and laid out before it first opens").isEmpty();

        robot.clickOn(cell(robot, "Sofie Demo", "colName"));
        awaitIdle();
        assertThat(robot.lookup("#teamSidePanel").query().isVisible()).isTrue();
        robot.clickOn("#panelClose");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#teamSidePanel").query().isVisible()).as("closed: kept, hidden").isFalse();
        robot.clickOn(cell(robot, "Sofie Demo", "colName"));
        awaitIdle();
        assertThat(robot.lookup("#teamSidePanel").query().isVisible()).as("opens again").isTrue();
        assertThat(robot.lookup("#panelTitle").queryAs(Label.class).getText()).isEqualTo("Sofie Demo");
        assertThat(robot.lookup("#panelRule").queryAs(Label.class).getText()).contains("in Q3 2025")
                .contains("as set when the quarter was generated");

        robot.clickOn("#panelNote").write("Called Sofie, agreed on two visits a month");
        robot.clickOn("#panelSave");
        awaitIdle();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> panel.currentProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#panelMessage").queryAs(Label.class).getText()).isEqualTo("Follow-up of Sofie Demo saved.");
        assertThat(cell(robot, "Sofie Demo", "colFollowUp").getText()).startsWith("Followed up ");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(org.impactdesk.ui.fx.CutTexts.within(cell(robot, "Sofie Demo", "colFollowUp")))
                .as("the mark with its date whole").isEmpty();

        choosePeriod(robot, "Q4 2025");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> "Followed up in Q3 2025".equals(cell(robot, "Sofie Demo", "colFollowUp").getText()));
        robot.clickOn(cell(robot, "Sofie Demo", "colName"));
        awaitIdle();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !panel.notes().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        java.util.List<String> texts = robot.lookup("#panelNotes .label").queryAll().stream()
                .map(n -> ((Label) n).getText()).toList();
        assertThat(texts).anyMatch(t -> t.startsWith("Q3 2025: followed up"));
        assertThat(texts).contains("Called Sofie, agreed on two visits a month");
        assertThat(texts).anyMatch(t -> t.startsWith("Next period, Q4 2025: ") && !t.contains("not generated"));
        assertThat(robot.lookup("#panelDelete").query().isDisabled()).as("nothing to delete for Q4 yet").isTrue();
    }

    void type(FxRobot robot, DatePicker picker, String text) {
        robot.interact(() -> {
            picker.getEditor().requestFocus();
            picker.getEditor().setText("");
        });
        robot.clickOn(picker.getEditor()).write(text).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * In Norwegian the follow-up's date picker shows the date as dd.MM.yyyy, reads a date typed that
     * way, says beside the field what was wrong with one that is no date (keeping the date), and its
     * calendar names the months in Norwegian.
     */
    @Test
    void inNorwegianTheDateReadsAndIsTypedAsDayDotMonthDotYear(FxRobot robot) throws Exception {
        awaitIdle();
        robot.interact(() -> {
            Shown shown = show(stage, db, tasks, Locale.forLanguageTag("nb-NO"));
            viewModel = shown.team();
            panel = shown.panel();
        });
        awaitIdle();
        TeamLine sofie = viewModel.rows().stream().filter(l -> l.name().equals("Sofie Demo")).findFirst().orElseThrow();
        robot.interact(() -> viewModel.selectedProperty().set(sofie));
        awaitIdle();
        DatePicker picker = robot.lookup("#panelDate").queryAs(DatePicker.class);
        assertThat(picker.getEditor().getText()).isEqualTo("10.01.2026");
        assertThat(picker.getEditor().getPromptText()).isEqualTo("dd.mm.åååå");

        type(robot, picker, "14.12.2025");
        assertThat(panel.draftDateProperty().get()).isEqualTo(LocalDate.of(2025, 12, 14));
        assertThat(picker.getEditor().getText()).isEqualTo("14.12.2025");

        type(robot, picker, "31.02.2025");
        assertThat(panel.draftDateProperty().get()).as("the date before stays").isEqualTo(LocalDate.of(2025, 12, 14));
        Label error = robot.lookup("#panelDraftError").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).isEqualTo("Dato: «31.02.2025» er ikke en dato; skriv den som dd.mm.åååå, "
                + "for eksempel 10.01.2026, eller velg den i kalenderen.");
        assertThat(robot.lookup("#panelSave").query().isDisabled()).isTrue();

        type(robot, picker, "2.1.2026");
        assertThat(panel.draftDateProperty().get()).isEqualTo(LocalDate.of(2026, 1, 2));
        assertThat(picker.getEditor().getText()).isEqualTo("02.01.2026");
        assertThat(error.isVisible()).isFalse();

        Locale before = Locale.getDefault(Locale.Category.FORMAT);
        robot.interact(picker::show);
        WaitForAsyncUtils.waitForFxEvents();
        String month = robot.lookup(".date-picker-popup .month-year-pane .spinner-label").queryAs(Label.class).getText();
        assertThat(month).as("the calendar capitalises the month").isEqualTo("Januar"); // English: January
        robot.interact(picker::hide);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Locale.getDefault(Locale.Category.FORMAT)).as("the JVM's format locale back once closed").isEqualTo(before);
    }
}
