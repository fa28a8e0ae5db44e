package org.impactdesk.ui.fx;

import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;

/**
 * How a screen shows its ViewModel's loading state, the same on every screen: a busy indicator
 * while it works (from {@link BusyIndicators#DELAY} on, so a quick load shows none), a line that
 * takes room only while it says something (an error, a note, a message), a part shown only while
 * something holds (a progress bar, a detail), and the table's placeholder in the ViewModel's words
 * ("nothing stored for this period", "nothing matches the filter"). Bindings only: called from a
 * view's {@code initialize}, on a worker for a detached node or on the FX thread.
 */
public final class Loading {
    /** Style class of a table's placeholder text. */
    public static final String PLACEHOLDER = "placeholder";

    private Loading() {
    }

    /** {@code indicator} shows while {@code busy} holds (taking no room in its layout either way). */
    public static void busy(Node indicator, ObservableValue<Boolean> busy) {
        busy(indicator, busy, false);
    }

    /** With {@code takesRoom}, the indicator takes room in its layout only while it shows. */
    public static void busy(Node indicator, ObservableValue<Boolean> busy, boolean takesRoom) {
        BusyIndicators.showWhile(indicator, busy, takesRoom);
    }

    /** {@code label} says {@code text}, and shows (and takes room) only while that is not empty. */
    public static void text(Labeled label, ObservableValue<String> text) {
        said(label, label.textProperty(), text);
    }

    /** {@code field} (read-only notes, say) holds {@code text}, and shows only while that is not empty. */
    public static void text(TextInputControl field, ObservableValue<String> text) {
        said(field, field.textProperty(), text);
    }

    /** {@code node} shows, and takes room, only while {@code condition} holds. */
    public static void shownWhile(Node node, ObservableValue<Boolean> condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(node.visibleProperty());
    }

    /** The table's placeholder says {@code text}, wrapped to the table's width. */
    public static Label placeholder(TableView<?> table, ObservableValue<String> text) {
        Label label = new Label();
        label.textProperty().bind(text);
        label.setWrapText(true);
        label.getStyleClass().add(PLACEHOLDER);
        table.setPlaceholder(label);
        return label;
    }

    private static void said(Node node, StringProperty target, ObservableValue<String> text) {
        target.bind(text);
        node.visibleProperty().bind(target.isNotEmpty());
        node.managedProperty().bind(node.visibleProperty());
    }
}
