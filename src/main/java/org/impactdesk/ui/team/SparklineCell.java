package org.impactdesk.ui.team;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import org.impactdesk.domain.TeamLine;

/**
 * A Team row's twelve months of sessions as bars on one small {@link Canvas} per visible cell (the
 * table is virtualised with a fixed cell size, so only the visible rows have one): the months of
 * the shown period in the cell's text colour, the months before it fainter, each row scaled to its
 * own busiest month; a month without sessions is a short tick on the baseline. The colours follow
 * the cell's CSS text fill, so the theme and the selected row's colours apply.
 */
public final class SparklineCell extends TableCell<TeamLine, TeamLine> {
    public static final double WIDTH = 96;
    public static final double HEIGHT = 18;
    public static final String STYLE_CLASS = "sparkline-cell";

    private final TeamSidePanelViewModel viewModel;
    private final Canvas canvas = new Canvas(WIDTH, HEIGHT);
    /** New months (another period) redraw this cell in place: no table refresh, which would replace the row nodes. */
    private final javafx.beans.value.ChangeListener<Object> monthsChanged = (obs, old, now) -> show();

    public SparklineCell(TeamSidePanelViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add(STYLE_CLASS);
        setText(null);
        textFillProperty().addListener((obs, old, now) -> draw());
        viewModel.monthsProperty().addListener(new javafx.beans.value.WeakChangeListener<>(monthsChanged));
    }

    /** The column: no sort, fixed width, cells made per visible row. */
    public static TableColumn<TeamLine, TeamLine> column(TeamSidePanelViewModel vm) {
        TableColumn<TeamLine, TeamLine> column = new TableColumn<>(vm.format().text("team.column.trend"));
        column.setId("colTrend");
        column.setSortable(false);
        column.setPrefWidth(WIDTH + 14);
        column.setMinWidth(WIDTH + 14);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> new SparklineCell(vm));
        return column;
    }

    @Override
    protected void updateItem(TeamLine item, boolean empty) {
        super.updateItem(item, empty);
        setText(null);
        show();
    }

    private void show() {
        int[] values = isEmpty() || getItem() == null ? null : viewModel.sparkline(getItem());
        setGraphic(values == null ? null : canvas);
        draw(values);
    }

    private void draw() {
        TeamLine item = getItem();
        draw(isEmpty() || item == null ? null : viewModel.sparkline(item));
    }

    private void draw(int[] values) {
        if (values == null) {
            return;
        }
        Paint fill = getTextFill();
        Color ink = fill instanceof Color c ? c : Color.BLACK;
        paint(canvas.getGraphicsContext2D(), values, viewModel.highlighted(), ink, WIDTH, HEIGHT);
    }

    /** Draws {@code values} as bars into a {@code width} x {@code height} area (also for the side panel's larger one). */
    public static void paint(GraphicsContext g, int[] values, int highlighted, Color ink, double width, double height) {
        g.clearRect(0, 0, width, height);
        int max = 0;
        for (int v : values) {
            max = Math.max(max, v);
        }
        double slot = width / values.length;
        double bar = Math.max(1, slot - 2);
        Color faint = ink.deriveColor(0, 1, 1, 0.4);
        for (int i = 0; i < values.length; i++) {
            boolean inPeriod = i >= values.length - highlighted;
            g.setFill(inPeriod ? ink : faint);
            double x = i * slot + (slot - bar) / 2;
            double h = max == 0 || values[i] == 0 ? 1 : Math.max(2, (height - 1) * values[i] / max);
            g.fillRect(x, height - h, bar, h);
        }
    }
}
