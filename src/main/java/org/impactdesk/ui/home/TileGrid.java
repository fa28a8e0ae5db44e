package org.impactdesk.ui.home;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * Home's tiles in columns that follow the width they are given: as many columns as tiles of
 * {@link #MIN_TILE_WIDTH} fit, then as few as keep that number of rows (eight tiles at 1600 px
 * are two rows of four, not five and three), each tile as wide as its share of the width, so the
 * row ends at the right edge instead of leaving a strip empty; every tile is
 * {@link #TILE_HEIGHT} high (TilesFX sizes a tile's texts by its smaller side). Tiles that are not
 * managed (the Alerts tile of someone who is not an admin) take no place.
 */
public final class TileGrid extends Pane {
    /** A tile narrower than this cuts its footnote ("mentors below the threshold; 1 paused mentor is left out"). */
    public static final double MIN_TILE_WIDTH = 240;
    public static final double TILE_HEIGHT = 170;
    public static final double GAP = 14;

    /** Told of each tile after the tile is placed, in the layout pass (Home sizes TilesFX texts there). */
    private java.util.function.Consumer<Node> onLaidOut = n -> { };

    public TileGrid() {
        setPadding(new Insets(12, 2, 12, 2));
    }

    public void setOnLaidOut(java.util.function.Consumer<Node> onLaidOut) {
        this.onLaidOut = onLaidOut == null ? n -> { } : onLaidOut;
    }

    /** The columns for {@code count} tiles in {@code width} (without the padding). */
    public static int columns(int count, double width) {
        if (count <= 0) {
            return 1;
        }
        int fit = Math.max(1, (int) Math.floor((width + GAP) / (MIN_TILE_WIDTH + GAP)));
        int columns = Math.min(fit, count);
        int rows = (count + columns - 1) / columns;
        return (count + rows - 1) / rows;
    }

    private List<Node> tiles() {
        return getManagedChildren();
    }

    private double inner(double width) {
        Insets in = getInsets();
        return width - in.getLeft() - in.getRight();
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computeMinWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + MIN_TILE_WIDTH + in.getRight();
    }

    @Override
    protected double computePrefWidth(double height) {
        return computeMinWidth(height);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        int count = tiles().size();
        if (count == 0) {
            return in.getTop() + in.getBottom();
        }
        double w = inner(width < 0 ? (getWidth() > 0 ? getWidth() : computePrefWidth(-1)) : width);
        int columns = columns(count, w);
        int rows = (count + columns - 1) / columns;
        return in.getTop() + rows * TILE_HEIGHT + (rows - 1) * GAP + in.getBottom();
    }

    @Override
    protected void layoutChildren() {
        List<Node> tiles = tiles();
        if (tiles.isEmpty()) {
            return;
        }
        Insets in = getInsets();
        double w = inner(getWidth());
        int columns = columns(tiles.size(), w);
        double tileWidth = Math.floor(Math.max(MIN_TILE_WIDTH, (w - (columns - 1) * GAP) / columns));
        for (int i = 0; i < tiles.size(); i++) {
            int row = i / columns;
            int column = i % columns;
            tiles.get(i).resizeRelocate(in.getLeft() + column * (tileWidth + GAP), in.getTop() + row * (TILE_HEIGHT + GAP),
                    tileWidth, TILE_HEIGHT);
        }
        for (Node tile : tiles) {
            onLaidOut.accept(tile);
        }
    }
}
