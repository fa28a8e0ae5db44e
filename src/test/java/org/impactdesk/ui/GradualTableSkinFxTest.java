package org.impactdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A table's first rows are made a few per frame in a shown window, and at once off one. */
@ExtendWith(ApplicationExtension.class)
class GradualTableSkinFxTest {
    static final double ROW = 26;
    static final double ROWS_AREA = 22 * ROW;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    static TableView<String> table(int rowsPerFrame) {
        GradualTableView<String> table = new GradualTableView<>();
        table.setRowsPerFrame(rowsPerFrame);
        table.setFixedCellSize(ROW);
        for (int c = 0; c < 6; c++) {
            TableColumn<String, String> column = new TableColumn<>("column " + c);
            int n = c;
            column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue() + "/" + n));
            table.getColumns().add(column);
        }
        table.setPrefSize(700, ROWS_AREA + 40);
        return table;
    }

    static List<String> lines(int n) {
        return IntStream.range(0, n).mapToObj(i -> "line " + i).toList();
    }

    static boolean verticalBarShown(TableView<?> table) {
        return table.lookupAll(".scroll-bar").stream()
                .anyMatch(n -> n instanceof javafx.scene.control.ScrollBar b
                        && b.getOrientation() == javafx.geometry.Orientation.VERTICAL && b.isVisible());
    }

    static long rowsMade(TableView<?> table) {
        return table.lookupAll(".table-row-cell").stream().filter(javafx.scene.Node::isVisible).count();
    }

    @Test
    void inAShownWindowTheFirstFillMakesAFewRowsPerFrameUntilTheRowsAreaIsFull(FxRobot robot) throws Exception {
        TableView<String> table = table(4);
        robot.interact(() -> {
            stage.setScene(new Scene(new StackPane(table), 800, ROWS_AREA + 80));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rowsMade(table)).as("no rows before there are items").isZero();

        long[] afterOnePass = new long[1];
        boolean[] barsWhileGrowing = new boolean[1];
        robot.interact(() -> {
            table.getItems().setAll(lines(100));
            // one CSS and layout pass, as one pulse does
            table.applyCss();
            table.layout();
            afterOnePass[0] = rowsMade(table);
            barsWhileGrowing[0] = verticalBarShown(table);
        });
        assertThat(afterOnePass[0]).as("rows made by the first pass").isBetween(1L, 5L);
        assertThat(barsWhileGrowing[0]).as("no scroll bar at the growing edge").isFalse();
        GradualTableSkin<?> skin = (GradualTableSkin<?>) table.getSkin();

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(skin::isFilled).get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rowsMade(table)).as("every line of the rows area has its row").isGreaterThanOrEqualTo(21);
        assertThat(WaitForAsyncUtils.asyncFx(() -> verticalBarShown(table)).get())
                .as("100 lines in 22 rows: the scroll bar once filled").isTrue();
        assertThat(table.lookupAll(".table-row-cell").stream()
                .filter(javafx.scene.Node::isVisible)
                .mapToDouble(n -> n.localToScene(n.getBoundsInLocal()).getMaxY()).max().orElse(0))
                .as("the rows reach the bottom of the rows area")
                .isGreaterThan(ROWS_AREA - ROW);
    }

    @Test
    void offAShownWindowEveryRowIsMadeInOnePass(FxRobot robot) {
        TableView<String> table = table(4);
        long[] made = new long[1];
        robot.interact(() -> {
            new Scene(new StackPane(table), 800, ROWS_AREA + 80);
            table.getItems().setAll(lines(100));
            table.getParent().applyCss();
            table.getParent().layout();
            made[0] = rowsMade(table);
        });
        assertThat(made[0]).isGreaterThanOrEqualTo(21);
        assertThat(((GradualTableSkin<?>) table.getSkin()).isFilled()).isTrue();
    }
}
