package org.impactdesk.ui.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.impactdesk.service.alerts.FailedGenerations;
import org.impactdesk.service.home.ExampleDatabase;
import org.impactdesk.store.Database;
import org.impactdesk.store.MigratedH2;
import org.impactdesk.ui.fx.CutTexts;
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
 * Issue 13: the Alerts list in a 1024x700 window, in English and Norwegian, on the worked example
 * with an open alert and a failure waiting for its retry. Every column, the row's Retry and Close
 * buttons included, lies inside the table's visible width with no sideways scroll bar; no header
 * and no cell but the error's is cut; the chosen row's whole error is said below the list.
 */
@MigratedH2
@ExtendWith(ApplicationExtension.class)
class AlertsLayoutFxTest {
    Stage stage;
    WindowFixture fixture;
    MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void open(Database db) throws Exception {
        ExampleDatabase.fill(db);
        FailedGenerations.mark(db, Instant.now());
        fixture = new WindowFixture(db);
        window = fixture.openAt(stage, 1024, 700);
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void at1024x700EveryColumnAndTheRowsButtonsAreInViewWithoutScrollingSidewaysInEnglishAndNorwegian(FxRobot robot)
            throws Exception {
        fixture.signIn(ExampleDatabase.ADA.userId());
        fixture.open(ScreenId.ALERTS);
        fits(robot, "Retry", "Close", "IllegalStateException: disk on fire");

        robot.interact(() -> window.switchLanguage(Locale.forLanguageTag("nb")));
        fixture.open(ScreenId.ALERTS);
        fits(robot, "Prøv", "Lukk", "IllegalStateException: disk on fire");
    }

    @SuppressWarnings("unchecked")
    void fits(FxRobot robot, String retry, String close, String wholeError) throws Exception {
        fixture.waitForData();
        fixture.await(() -> robot.lookup("#alertsTable").tryQuery().isPresent()
                && robot.lookup("#alertsTable").queryAs(TableView.class).getItems().size() == 2);
        assertThat(stage.getScene().getWidth()).isLessThanOrEqualTo(1024);
        TableView<AlertsViewModel.Row> table = robot.lookup("#alertsTable").queryAs(TableView.class);
        fixture.await(() -> {
            List<String> problems = new ArrayList<>();
            for (Node n : table.lookupAll(".scroll-bar")) {
                if (n instanceof ScrollBar bar && bar.getOrientation() == Orientation.HORIZONTAL && bar.isVisible()) {
                    problems.add("a sideways scroll bar is shown under the table");
                }
            }
            Bounds tableBounds = table.localToScene(table.getLayoutBounds());
            for (TableColumn<AlertsViewModel.Row, ?> column : table.getColumns()) {
                Node header = table.lookup("#" + column.getId());
                Bounds b = header.localToScene(header.getLayoutBounds());
                if (b.getMaxX() > tableBounds.getMaxX() + 0.5) {
                    problems.add("column " + column.getText() + " ends at " + Math.round(b.getMaxX()) + ", right of the table's "
                            + Math.round(tableBounds.getMaxX()));
                }
            }
            problems.addAll(CutTexts.headers(table));
            int retries = 0;
            int closes = 0;
            for (Node n : table.lookupAll(".button")) {
                if (n instanceof Button b && b.isVisible() && inFilledRow(b, table)) {
                    Bounds bb = b.localToScene(b.getLayoutBounds());
                    if (bb.getMaxX() > tableBounds.getMaxX() + 0.5 || bb.getMinX() < tableBounds.getMinX()) {
                        problems.add("button " + b.getText() + " lies outside the table at " + bb);
                    }
                    if (b.getWidth() + 0.5 < b.prefWidth(-1)) {
                        problems.add("button " + b.getText() + " is narrower than its text");
                    }
                    if (b.getAccessibleText() == null || !b.getAccessibleText().contains("(pm-")) {
                        problems.add("button " + b.getText() + " does not say its row to a screen reader: " + b.getAccessibleText());
                    }
                    retries += b.getText().equals(retry) ? 1 : 0;
                    closes += b.getText().equals(close) ? 1 : 0;
                }
            }
            for (TableCell<?, ?> cell : robot.from(table).lookup(".table-cell").queryAllAs(TableCell.class)) {
                if (cell.getTableColumn() != null && !"colError".equals(cell.getTableColumn().getId()) && !cell.isEmpty()
                        && cell.getIndex() >= 0 && cell.getIndex() < table.getItems().size()) {
                    CutTexts.within(cell).forEach(c -> problems.add(cell.getTableColumn().getText() + ": " + c));
                }
            }
            assertThat(problems).isEmpty();
            assertThat(retries).as("Retry buttons").isEqualTo(2);
            assertThat(closes).as("Close buttons (the open alert's row only)").isEqualTo(1);
            return true;
        });
        // the error column may cut a long error: the chosen row's error is said whole below the list
        robot.interact(() -> table.getSelectionModel().select(0));
        fixture.await(() -> {
            Label detail = robot.lookup("#alertsDetail").queryAs(Label.class);
            assertThat(detail.getText()).contains(wholeError).contains(table.getItems().get(0).mentor());
            assertThat(detail.isVisible()).isTrue();
            assertThat(detail.getHeight()).isGreaterThanOrEqualTo(detail.prefHeight(detail.getWidth()) - 0.5);
            assertThat(CutTexts.within(detail)).isEmpty();
            Bounds b = detail.localToScene(detail.getLayoutBounds());
            assertThat(b.getMaxY()).isLessThanOrEqualTo(stage.getScene().getHeight());
            return true;
        });
    }

    static boolean inFilledRow(Node n, TableView<?> table) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p instanceof TableCell<?, ?> cell) {
                return !cell.isEmpty() && cell.getIndex() >= 0 && cell.getIndex() < table.getItems().size();
            }
        }
        return false;
    }
}
