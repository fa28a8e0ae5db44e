package org.impactdesk.ui.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.impactdesk.domain.OutlierStatus;
import org.impactdesk.domain.Period;
import org.impactdesk.domain.TeamLine;
import org.impactdesk.service.team.StoredTeamService;
import org.impactdesk.service.team.TeamFixture;
import org.impactdesk.service.team.TeamService;
import org.impactdesk.store.Database;
import org.impactdesk.store.MigratedH2;
import org.impactdesk.store.TeamDao;
import org.impactdesk.ui.fx.FxTaskRunner;
import org.impactdesk.ui.fx.TestStages;
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
 * Drives the real Team screen on a migrated H2 file database whose rows the real generation wrote
 * (the worked example plus a second organisation), signed in as coordinator Kim (la-2).
 */
@MigratedH2
@ExtendWith(ApplicationExtension.class)
class TeamViewFxTest {
    Stage stage;
    Database db;
    FxTaskRunner tasks;
    TeamViewModel viewModel;
    final List<String> opened = new ArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void open(Database db) throws Exception {
        this.db = db;
        TeamFixture.write(db);
        tasks = new FxTaskRunner();
        ViewLoader loader = new ViewLoader(Locale.ENGLISH);
        TeamService service = new StoredTeamService(db.jdbi().onDemand(TeamDao.class), TeamFixture.CLOCK);
        viewModel = new TeamViewModel(service, TeamFixture.KIM, tasks, loader.bundle(), new org.impactdesk.ui.fx.ScriptedDialogs(),
                (pm, year) -> opened.add(pm + " " + year));
        TestStages.show(stage, loader.load(TeamView.FXML, new TeamView(viewModel)), 1280, 800);
        WaitForAsyncUtils.asyncFx(viewModel::start).get(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() {
        tasks.close();
    }

    void awaitLoaded() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !viewModel.busyProperty().get() && viewModel.tableProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    TableView<TeamLine> table(FxRobot robot) {
        return robot.lookup("#teamTable").queryAs(TableView.class);
    }

    /** Opens a combo box and clicks the choice with this text in its popup. */
    void choose(FxRobot robot, String comboId, String text) {
        robot.clickOn(comboId);
        WaitForAsyncUtils.waitForFxEvents();
        Node cell = robot.lookup(".combo-box-popup .list-cell").match(n -> text.equals(((ListCell<?>) n).getText()))
                .query();
        robot.clickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The texts of the visible non-empty rows' name cells. */
    List<String> shownNames(FxRobot robot) {
        return robot.lookup("#teamTable .table-row-cell").queryAll().stream()
                .map(n -> (TableRow<?>) n)
                .filter(r -> !r.isEmpty() && r.getItem() != null)
                .sorted(java.util.Comparator.comparingInt(TableRow::getIndex))
                .map(r -> r.lookupAll(".table-cell").stream().map(c -> (TableCell<?, ?>) c)
                        .filter(c -> c.getTableColumn().getId().equals("colName")).findFirst().orElseThrow().getText())
                .toList();
    }

    @Test
    void theLocalAssociationsColumnShowsLongAssociationNamesWhole(FxRobot robot) throws Exception {
        awaitLoaded();
        // names as long as the demo's, two of them on Mira's row and on the team row
        db.jdbi().useHandle(h -> {
            h.execute("UPDATE local_associations SET name = 'Fjordlys Kristiansand' WHERE id = 'la-1'");
            h.execute("UPDATE local_associations SET name = 'Fjordlys Bergen sentrum' WHERE id = 'la-2'");
        });
        choose(robot, "#teamPeriod", "Q1 2025");
        awaitLoaded();
        List<String> shown = new ArrayList<>();
        List<String> cut = new ArrayList<>();
        robot.interact(() -> table(robot).scrollToColumn(table(robot).getVisibleLeafColumns().stream()
                .filter(c -> "colAssociations".equals(c.getId())).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.lookup("#teamTable .table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getTableColumn() != null && "colAssociations".equals(c.getTableColumn().getId()))
                .filter(c -> !c.isEmpty() && c.getText() != null)
                .forEach(c -> {
                    shown.add(c.getText());
                    cut.addAll(org.impactdesk.ui.fx.CutTexts.within(c));
                }));
        assertThat(shown).contains("Fjordlys Bergen sentrum").anyMatch(t -> t.contains("Fjordlys Kristiansand"));
        assertThat(cut).as("association cells cut to ...").isEmpty();
    }

    @Test
    void filterTheTeamTableToUnderactiveAndSeeOnlyThoseRows(FxRobot robot) throws Exception {
        awaitLoaded();
        // opens on the last closed quarter (the fixture's today is 10 January 2026)
        assertThat(viewModel.periodProperty().get()).isEqualTo(new Period.Quarter(2025, 4));

        choose(robot, "#teamPeriod", "Q1 2025");
        awaitLoaded();
        // Kim coordinates la-2: Mira (la-1 and la-2) and Sofie (la-2), never Jonas (la-1) nor org-2's Olga
        assertThat(shownNames(robot)).containsExactly("Team of Kim Koordinator", "Mira Eksempel", "Sofie Demo");
        List<TableRow<?>> rows = robot.lookup("#teamTable .table-row-cell").queryAll().stream().<TableRow<?>>map(n -> (TableRow<?>) n)
                .filter(r -> r.getItem() != null).toList();
        TableRow<?> teamRow = rows.stream().filter(r -> r.getIndex() == 0).findFirst().orElseThrow();
        assertThat(teamRow.getPseudoClassStates()).contains(TeamView.TEAM_ROW);
        // the team row explains itself in a tooltip; the mentors' rows have none
        assertThat(teamRow.getTooltip().getText()).startsWith("The team total of your local associations");
        assertThat(rows.stream().filter(r -> r.getIndex() > 0)).isNotEmpty().allSatisfy(r -> assertThat(r.getTooltip()).isNull());

        choose(robot, "#teamStatusFilter", "Underactive");
        assertThat(shownNames(robot)).containsExactly("Team of Kim Koordinator", "Sofie Demo");
        assertThat(table(robot).getItems()).filteredOn(l -> !l.isTeam())
                .extracting(TeamLine::status).containsOnly(OutlierStatus.UNDERACTIVE);
        // the badge: the word beside a shape, in the status's style
        Label badge = robot.lookup("#teamTable .team-badge.underactive").queryAs(Label.class);
        assertThat(badge.getText()).isEqualTo("Underactive");
        assertThat(badge.getGraphic().getStyleClass()).contains(TeamView.BADGE_ICON, "underactive");
        // Sofie has no prior data: blank, not 0
        TableRow<?> sofie = robot.lookup("#teamTable .table-row-cell").queryAll().stream().map(n -> (TableRow<?>) n)
                .filter(r -> r.getItem() instanceof TeamLine l && l.name().equals("Sofie Demo")).findFirst().orElseThrow();
        List<String> sofieCells = sofie.lookupAll(".table-cell").stream().map(c -> (TableCell<?, ?>) c)
                .filter(c -> c.getTableColumn().getId().startsWith("colYoy") || c.getTableColumn().getId().startsWith("colPrior"))
                .map(TableCell::getText).toList();
        assertThat(sofieCells).hasSize(5).allMatch(t -> t == null || t.isEmpty());
        assertThat(robot.lookup("#teamSummary").queryAs(Label.class).getText())
                .isEqualTo("Showing 1 of 2 peer mentors · 1 underactive · 1 overloaded");
    }

    @Test
    void typeInSearchAndTheTableFiltersAsYouType(FxRobot robot) throws Exception {
        awaitLoaded();
        choose(robot, "#teamPeriod", "Q1 2025");
        awaitLoaded();

        robot.clickOn("#teamSearch").write("s");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownNames(robot)).containsExactly("Team of Kim Koordinator", "Mira Eksempel", "Sofie Demo");
        robot.write("o");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownNames(robot)).containsExactly("Team of Kim Koordinator", "Sofie Demo");

        robot.clickOn("#teamSearch").eraseText(2).write("mira");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownNames(robot)).containsExactly("Team of Kim Koordinator", "Mira Eksempel");

        robot.doubleClickOn("Mira Eksempel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened).containsExactly("pm-1 2025");
    }

    @Test
    void sortingByAColumnHeaderKeepsTheTeamRowOnTop(FxRobot robot) throws Exception {
        awaitLoaded();
        choose(robot, "#teamPeriod", "Q1 2025");
        awaitLoaded();
        Node header = robot.lookup(".column-header").match(n -> n instanceof javafx.scene.control.skin.TableColumnHeader h
                && h.getTableColumn() != null && "colSessions".equals(h.getTableColumn().getId())).query();
        robot.clickOn(header);   // ascending
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownNames(robot)).containsExactly("Team of Kim Koordinator", "Sofie Demo", "Mira Eksempel");
        robot.clickOn("#teamSummary");   // elsewhere first, so the next click is not a double-click
        robot.clickOn(header);   // descending
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownNames(robot)).containsExactly("Team of Kim Koordinator", "Mira Eksempel", "Sofie Demo");
    }
}
