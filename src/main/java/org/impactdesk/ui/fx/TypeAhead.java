package org.impactdesk.ui.fx;

import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Type-ahead for a drop-down of names: with the drop-down focused (open or closed), typing
 * selects the first entry whose name starts with what was typed, else the first with a word that
 * starts with it ("nord" finds "Kari Nordmann"), else the first that contains it; a pause of a
 * second starts a new search, Backspace takes back a letter, Escape forgets what was typed, and
 * the same letter again moves to the next entry starting with it. Arrow keys, Enter and the mouse
 * work as before.
 */
public final class TypeAhead {
    /** A pause longer than this starts a new search. */
    static final long PAUSE_NANOS = 1_000_000_000L;

    private final Locale locale;
    private final LongSupplier nanoClock;
    private String typed = "";
    private long lastAt;

    public TypeAhead(Locale locale, LongSupplier nanoClock) {
        this.locale = locale;
        this.nanoClock = nanoClock;
    }

    /** What has been typed since the last pause. */
    public String typed() {
        return typed;
    }

    /**
     * One more character typed: the index to select in {@code labels} (what the drop-down shows,
     * in its order), or -1 when nothing matches (the selection stays). {@code current}: the index
     * selected now (-1: none).
     */
    public int type(String character, List<String> labels, int current) {
        long now = nanoClock.getAsLong();
        if (now - lastAt > PAUSE_NANOS) {
            typed = "";
        }
        lastAt = now;
        typed += character.toLowerCase(locale);
        int found = find(typed, labels, current, false);
        if (found < 0 && typed.length() > 1 && typed.chars().distinct().count() == 1) {
            // "kk": the next entry starting with k, after the one selected
            found = find(typed.substring(0, 1), labels, current, true);
        }
        return found;
    }

    /** Backspace: one character less; the index to select, or -1 (nothing typed any more, or no match). */
    public int back(List<String> labels, int current) {
        if (typed.isEmpty()) {
            return -1;
        }
        typed = typed.substring(0, typed.length() - 1);
        lastAt = nanoClock.getAsLong();
        return typed.isEmpty() ? -1 : find(typed, labels, current, false);
    }

    /** Escape: forget what was typed. */
    public void reset() {
        typed = "";
    }

    private int find(String text, List<String> labels, int current, boolean after) {
        if (!after && current >= 0 && current < labels.size() && startsWith(labels.get(current), text)) {
            return current; // still matches: typing more of the selected name keeps it
        }
        int n = labels.size();
        int from = after ? current + 1 : 0;
        for (int k = 0; k < n; k++) {
            int i = Math.floorMod(from + k, n);
            if (startsWith(labels.get(i), text)) {
                return i;
            }
        }
        if (after) {
            return -1;
        }
        for (int i = 0; i < n; i++) {
            if (wordStartsWith(labels.get(i), text)) {
                return i;
            }
        }
        for (int i = 0; i < n; i++) {
            if (labels.get(i) != null && labels.get(i).toLowerCase(locale).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    private boolean startsWith(String label, String text) {
        return label != null && label.toLowerCase(locale).startsWith(text);
    }

    private boolean wordStartsWith(String label, String text) {
        if (label == null) {
            return false;
        }
        String l = label.toLowerCase(locale);
        for (int i = l.indexOf(text); i >= 0; i = l.indexOf(text, i + 1)) {
            if (i == 0 || !Character.isLetterOrDigit(l.charAt(i - 1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Installs type-ahead on a drop-down; it matches what the drop-down shows (its converter's
     * text). {@code hint}: the tooltip that says so (null: none).
     */
    public static <T> void install(ComboBox<T> box, Locale locale, String hint) {
        TypeAhead typeAhead = new TypeAhead(locale, System::nanoTime);
        if (hint != null && !hint.isBlank()) {
            box.setTooltip(new Tooltip(hint));
        }
        box.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            String ch = e.getCharacter();
            if (ch == null || ch.isEmpty() || Character.isISOControl(ch.charAt(0)) || e.isControlDown()
                    || e.isAltDown() || e.isMetaDown() || (ch.isBlank() && typeAhead.typed().isEmpty())) {
                return; // a space before any letter still opens the drop-down
            }
            select(box, typeAhead.type(ch, labels(box), box.getSelectionModel().getSelectedIndex()));
            e.consume();
        });
        box.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.BACK_SPACE) {
                select(box, typeAhead.back(labels(box), box.getSelectionModel().getSelectedIndex()));
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                typeAhead.reset();
            } else if (e.getCode() == KeyCode.SPACE && !typeAhead.typed().isEmpty()) {
                e.consume(); // a space inside a name ("kari n") is typed, it does not open the drop-down
            } else if (e.getCode().isArrowKey() || e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.TAB) {
                typeAhead.reset();
            }
        });
        box.addEventFilter(KeyEvent.KEY_RELEASED, e -> {
            if (e.getCode() == KeyCode.SPACE && !typeAhead.typed().isEmpty()) {
                e.consume();
            }
        });
    }

    private static <T> List<String> labels(ComboBox<T> box) {
        return box.getItems().stream().map(item -> box.getConverter() == null ? String.valueOf(item)
                : box.getConverter().toString(item)).toList();
    }

    private static <T> void select(ComboBox<T> box, int index) {
        if (index >= 0 && index != box.getSelectionModel().getSelectedIndex()) {
            box.getSelectionModel().select(index);
        }
    }
}
