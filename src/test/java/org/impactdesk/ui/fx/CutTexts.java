package org.impactdesk.ui.fx;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/**
 * Finds labels, buttons, table headers and cells that show their text cut short: the text their
 * skin draws (its {@code .text} child) is not the whole text, JavaFX having put "..." in place of
 * what did not fit. Run on the FX thread, on a laid-out scene.
 */
public final class CutTexts {
    private CutTexts() {
    }

    /** "header "Sessions" shown as "Sess..."" for every visible labelled node under {@code root} whose text is cut. */
    public static List<String> within(Parent root) {
        List<String> cut = new ArrayList<>();
        collect(root, cut);
        return cut;
    }

    /** As {@link #within(Parent)}, for the column headers of the tables under {@code root} only. */
    public static List<String> headers(Parent root) {
        List<String> cut = new ArrayList<>();
        for (Node header : root.lookupAll(".column-header")) {
            if (header instanceof Parent p) {
                collect(p, cut);
            }
        }
        return cut;
    }

    private static void collect(Node node, List<String> into) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled l && l.getText() != null && !l.getText().isBlank()
                && l.lookup(".text") instanceof Text shown && shown.isVisible()) {
            String whole = l.getText().strip();
            String drawn = shown.getText() == null ? "" : shown.getText().replace('\n', ' ').strip();
            if (!drawn.equals(whole.replace('\n', ' ')) && (drawn.endsWith("\u2026") || drawn.endsWith("..."))) {
                into.add(l.getClass().getSimpleName() + (l.getId() == null ? "" : "#" + l.getId()) + " \"" + whole
                        + "\" shown as \"" + drawn + "\"");
            }
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, into);
            }
        }
    }
}
