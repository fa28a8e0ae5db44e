package org.impactdesk.ui;

import javafx.scene.control.Skin;
import javafx.scene.control.TableView;

/**
 * A table view with a {@link GradualTableSkin}, for FXML: its skin is made where JavaFX makes a
 * control's default skin, in the CSS pass (so, on a worker, within its styling turn).
 */
public class GradualTableView<S> extends TableView<S> {
    private int rowsPerFrame = 6;

    public int getRowsPerFrame() {
        return rowsPerFrame;
    }

    /** Rows the first fill makes per frame; takes effect with the next skin. */
    public void setRowsPerFrame(int rowsPerFrame) {
        this.rowsPerFrame = rowsPerFrame;
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new GradualTableSkin<>(this, rowsPerFrame);
    }
}
