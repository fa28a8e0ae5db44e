package org.impactdesk.ui.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.impactdesk.service.alerts.FailedGenerations;
import org.impactdesk.service.home.ExampleDatabase;
import org.impactdesk.store.Database;
import org.impactdesk.store.MigratedH2;
import org.impactdesk.ui.shell.MainWindow;
import org.impactdesk.ui.shell.ScreenId;
import org.impactdesk.ui.shell.WindowFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 14 item 3 in the real window, on the stored worked example with pm-1's annual summary
 * failed four times (alert open) and pm-2's failed once (retry due): the org admin's Home shows
 * the Open alerts tile, which opens the list (mentor, period, error, attempts, next retry); Retry
 * now regenerates pm-2's summary through the real generation; a coordinator has neither tile nor
 * list.
 */
@MigratedH2
@ExtendWith(ApplicationExtension.class)
class AlertsWindowFxTest {
    Stage stage;
    Database db;
    WindowFixture fixture;
    MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void open(Database db) throws Exception {
        this.db = ExampleDatabase.fill(db);
        FailedGenerations.mark(db, Instant.now());
        fixture = new WindowFixture(db);
        window = fixture.open(stage);
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    void await(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        fixture.await(condition);
    }

    /** Signed in, on Home. */
    void signInAs(FxRobot robot, String userId) throws Exception {
        fixture.signIn(userId);
        await(() -> robot.lookup("#homeTitle").tryQuery().isPresent());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAdminsHomeShowsOpenAlertsAndTheTileOpensTheListWithRetryNow(FxRobot robot) throws Exception {
        signInAs(robot, ExampleDatabase.ADA.userId());
        await(() -> "1".equals(robot.lookup("#tile-value-alerts").queryAs(Label.class).getText()));
        Node tile = robot.lookup("#tile-alerts").query();
        assertThat(tile.isVisible()).isTrue();
        assertThat(tile.getScene()).isSameAs(window.stage().getScene());
        assertThat(robot.lookup("#tile-value-alerts").queryAs(Label.class).getStyleClass()).contains("danger");
        robot.interact(() -> tile.requestFocus());
        robot.type(javafx.scene.input.KeyCode.ENTER);

        await(() -> robot.lookup("#alertsTable").tryQuery().isPresent()
                && robot.lookup("#alertsTable").queryAs(TableView.class).getItems().size() == 2);
        assertThat(window.shell().viewModel().currentProperty().get()).isEqualTo(ScreenId.ALERTS);
        TableView<AlertsViewModel.Row> table = robot.lookup("#alertsTable").queryAs(TableView.class);
        AlertsViewModel.Row alert = table.getItems().get(0);
        assertThat(alert.state()).isEqualTo("Alert");
        assertThat(alert.mentor()).isEqualTo("Mira Eksempel (pm-1)");
        assertThat(alert.period()).isEqualTo("2025");
        assertThat(alert.error()).isEqualTo("IllegalStateException: disk on fire");
        assertThat(alert.attempts()).isEqualTo("4");
        assertThat(alert.nextRetry()).isEqualTo("none (retries used up)");
        assertThat(table.getItems().get(1).mentor()).isEqualTo("Jonas Prøvesen (pm-2)");
        assertThat(robot.lookup("#alertsNote").queryAs(Label.class).getText()).startsWith("Open alerts: 1.");
        // the cells show it: a Retry now per row, Close alert on the alert's row only
        await(() -> robot.lookup(".alerts-retry").queryAll().stream().filter(Node::isVisible).count() == 2);
        assertThat(robot.lookup(".alerts-close").queryAll().stream().filter(Node::isVisible).count()).isOne();

        // Retry now on pm-2's row: the real generation runs on a worker and the row leaves the list
        Button retryJonas = robot.lookup(".alerts-retry").queryAll().stream().map(Button.class::cast)
                .filter(b -> b.isVisible() && rowOf(b) == 1).findFirst().orElseThrow();
        robot.clickOn(retryJonas);
        await(() -> table.getItems().size() == 1
                && "Retried 1 failed summaries: all generated.".equals(robot.lookup("#alertsMessage").queryAs(Label.class).getText()));
        assertThat(table.getItems().get(0).failure().peerMentorId()).isEqualTo("pm-1");
        String status = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT status FROM annual_summaries WHERE peer_mentor_id = 'pm-2' AND year = 2025").mapTo(String.class).one());
        assertThat(status).isEqualTo("ready");
    }

    /** The table row index of the cell holding {@code n}. */
    static int rowOf(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.TableCell<?, ?> cell) {
                return cell.getIndex();
            }
        }
        return -1;
    }

    @Test
    void aCoordinatorHasNoAlertsTileAndNoAlertsScreen(FxRobot robot) throws Exception {
        signInAs(robot, ExampleDatabase.KIM.userId());
        await(() -> robot.lookup("#tile-alerts").tryQuery().isPresent());
        assertThat(robot.lookup("#tile-alerts").query().isVisible()).isFalse();
        assertThat(robot.lookup("#nav-alerts").tryQuery()).isEmpty();
        assertThat(robot.lookup("#nav-settings").tryQuery()).isEmpty();
    }
}
