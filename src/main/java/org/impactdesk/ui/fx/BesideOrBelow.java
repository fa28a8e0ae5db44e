package org.impactdesk.ui.fx;

import javafx.application.Platform;
import javafx.beans.NamedArg;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Insets;
import javafx.scene.layout.Region;

/**
 * Two panes beside each other when the width gives both their minimum widths (the first at its
 * preferred width, the second taking the rest), else one above the other: the first at its
 * preferred width and height, the second below it across the whole width, taking the height
 * left. So two tables side by side in a wide window never cut a column in a narrow one; a scroll
 * pane around this one scrolls the lower pane into view.
 */
public final class BesideOrBelow extends Region {
    private final Region first;
    private final Region second;
    private final double spacing;
    private final ReadOnlyBooleanWrapper beside = new ReadOnlyBooleanWrapper(this, "beside", true);

    public BesideOrBelow(@NamedArg("first") Region first, @NamedArg("second") Region second,
                         @NamedArg("spacing") double spacing) {
        this.first = first;
        this.second = second;
        this.spacing = spacing;
        getChildren().setAll(first, second);
    }

    /** Whether the panes are beside each other (in the last layout). */
    public ReadOnlyBooleanProperty besideProperty() {
        return beside.getReadOnlyProperty();
    }

    private boolean besideAt(double width) {
        return width <= 0 || width - horizontal() >= first.minWidth(-1) + spacing + second.minWidth(-1);
    }

    private double horizontal() {
        Insets i = getInsets();
        return snapSpaceX(i.getLeft()) + snapSpaceX(i.getRight());
    }

    private double vertical() {
        Insets i = getInsets();
        return snapSpaceY(i.getTop()) + snapSpaceY(i.getBottom());
    }

    private double firstWidth(double inner) {
        return Math.min(inner, Math.max(first.minWidth(-1), first.prefWidth(-1)));
    }

    @Override
    protected double computeMinWidth(double height) {
        // below each other is the narrowest they get
        return horizontal() + Math.max(first.minWidth(-1), second.minWidth(-1));
    }

    @Override
    protected double computePrefWidth(double height) {
        return horizontal() + Math.max(first.minWidth(-1), first.prefWidth(-1)) + spacing + second.prefWidth(-1);
    }

    // the heights follow the arrangement of the last layout, whatever width they are asked for: a
    // VBox asks its children without one (at their preferred widths), and a scroll pane decides on
    // its bar from that; a layout that changes the arrangement asks for another (changeOver)

    @Override
    protected double computeMinHeight(double width) {
        if (beside.get()) {
            return vertical() + Math.max(first.minHeight(-1), second.minHeight(-1));
        }
        return vertical() + first.prefHeight(-1) + spacing + second.minHeight(-1);
    }

    @Override
    protected double computePrefHeight(double width) {
        if (beside.get()) {
            return vertical() + Math.max(first.prefHeight(-1), second.prefHeight(-1));
        }
        return vertical() + first.prefHeight(-1) + spacing + second.prefHeight(-1);
    }

    @Override
    protected void layoutChildren() {
        Insets i = getInsets();
        double x = snapPositionX(i.getLeft());
        double y = snapPositionY(i.getTop());
        double w = getWidth() - horizontal();
        double h = getHeight() - vertical();
        boolean side = besideAt(getWidth());
        if (side != beside.get()) {
            beside.set(side);
            changeOver();
        }
        double fw = snapSizeX(firstWidth(w));
        if (side) {
            first.resizeRelocate(x, y, fw, h);
            second.resizeRelocate(x + fw + spacing, y, Math.max(0, w - fw - spacing), h);
        } else {
            double fh = snapSizeY(Math.min(h, first.prefHeight(-1)));
            first.resizeRelocate(x, y, fw, fh);
            second.resizeRelocate(x, y + fh + spacing, w, Math.max(second.minHeight(-1), h - fh - spacing));
        }
    }

    /**
     * The new arrangement has other heights: the parents lay out again on the next pulse (a layout
     * asked for while they are laying out would be dropped when they finish).
     */
    private void changeOver() {
        Platform.runLater(this::requestLayout);
    }
}
