package org.impactdesk.ui;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableViewSkin;
import javafx.scene.control.skin.VirtualFlow;

/**
 * A table skin that makes its first rows a few per frame. The first time a table in a shown window
 * has rows to show, it makes a row and a cell per column for every line of its height at once
 * (empty filler rows too, so fewer items do not help): about 26 rows of 12 cells on the Team
 * screen, 100-170 ms of the FX thread in one pulse on a 2-core machine. Here the rows area is
 * given {@code rowsPerFrame} more rows of its height each frame until it has all of it; the
 * table's own frame, header and background keep their full size meanwhile, and the rows area's
 * scroll bars stay hidden (they would sit at the growing edge). Once filled it lays out as the
 * default skin. Off a shown window (a screen styled on a worker) it fills at once.
 */
public final class GradualTableSkin<S> extends TableViewSkin<S> {
    /** Row height assumed when the table has no fixed cell size. */
    private static final double DEFAULT_ROW_HEIGHT = 24;

    private final int rowsPerFrame;
    private int rowsAllowed;
    private boolean filled;

    public GradualTableSkin(TableView<S> table, int rowsPerFrame) {
        super(table);
        if (rowsPerFrame < 1) {
            throw new IllegalArgumentException("rowsPerFrame must be at least 1: " + rowsPerFrame);
        }
        this.rowsPerFrame = rowsPerFrame;
    }

    /** True once the rows area has been laid out at its full height with rows in it. */
    public boolean isFilled() {
        return filled;
    }

    @Override
    protected VirtualFlow<TableRow<S>> createVirtualFlow() {
        return new GrowingFlow<>();
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        super.layoutChildren(x, y, w, h);
        TableView<S> table = getSkinnable();
        if (filled || table.getItems() == null || table.getItems().isEmpty()) {
            // filled, or no rows to make yet (the placeholder shows)
            return;
        }
        GrowingFlow<?> flow = (GrowingFlow<?>) getVirtualFlow();
        if (!inShownWindow(table)) {
            // nobody sees the frames (a screen styled on a worker): the rows are made at once
            fill(flow);
            return;
        }
        double rowHeight = table.getFixedCellSize() > 0 ? table.getFixedCellSize() : DEFAULT_ROW_HEIGHT;
        rowsAllowed += rowsPerFrame;
        double allowed = rowsAllowed * rowHeight;
        if (allowed >= flow.getHeight()) {
            fill(flow);
            return;
        }
        // the flow makes rows for the height it is given; the rest of it is made in later frames
        flow.barsHidden = true;
        flow.resize(flow.getWidth(), allowed);
        Platform.runLater(table::requestLayout);
    }

    private void fill(GrowingFlow<?> flow) {
        filled = true;
        if (flow.barsHidden) {
            flow.barsHidden = false;
            flow.requestLayout();
        }
    }

    /** The rows area: while it grows, its scroll bars (and their corner) are hidden. */
    private static final class GrowingFlow<T extends IndexedCell> extends VirtualFlow<T> {
        boolean barsHidden;

        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            if (barsHidden) {
                getHbar().setVisible(false);
                getVbar().setVisible(false);
                Node corner = lookup(".corner");
                if (corner != null) {
                    corner.setVisible(false);
                }
            }
        }
    }

    private static boolean inShownWindow(TableView<?> table) {
        return table.getScene() != null && table.getScene().getWindow() != null
                && table.getScene().getWindow().isShowing();
    }
}
