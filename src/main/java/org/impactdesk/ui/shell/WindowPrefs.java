package org.impactdesk.ui.shell;

import java.util.Locale;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * What the window remembers between runs, in a {@link Preferences} node (the app uses
 * {@link #APP_NODE} under the user root; tests pass a node of their own): size, position,
 * maximised, theme, language, the last user signed in, and table column widths.
 */
public final class WindowPrefs {
    public static final String APP_NODE = "org/impactdesk/window";
    static final String COLUMNS_KEY = "impactdesk.columnsRemembered";
    public static final double DEFAULT_WIDTH = 1280;
    public static final double DEFAULT_HEIGHT = 880;

    private final Preferences node;

    public WindowPrefs(Preferences node) {
        this.node = node;
    }

    public static WindowPrefs forApp() {
        return new WindowPrefs(Preferences.userRoot().node(APP_NODE));
    }

    public Preferences node() {
        return node;
    }

    // ---- window

    /** Puts the stage where it was (when that is still on a screen), else at the default size. */
    public void restore(Stage stage) {
        double w = node.getDouble("width", DEFAULT_WIDTH);
        double h = node.getDouble("height", DEFAULT_HEIGHT);
        double x = node.getDouble("x", Double.NaN);
        double y = node.getDouble("y", Double.NaN);
        // never larger than the screen (a size remembered on a larger one, or the default on a small one)
        Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(Math.max(800, w), Math.max(800, screen.getWidth())));
        stage.setHeight(Math.min(Math.max(560, h), Math.max(560, screen.getHeight())));
        if (!Double.isNaN(x) && !Double.isNaN(y)
                && !javafx.stage.Screen.getScreensForRectangle(new Rectangle2D(x, y, 100, 100)).isEmpty()) {
            stage.setX(x);
            stage.setY(y);
        } else {
            stage.centerOnScreen();
        }
        stage.setMaximized(node.getBoolean("maximized", false));
    }

    /** Saves size and position whenever they change (not while maximised). */
    public void watch(Stage stage) {
        stage.xProperty().addListener((o, a, b) -> bounds(stage));
        stage.yProperty().addListener((o, a, b) -> bounds(stage));
        stage.widthProperty().addListener((o, a, b) -> bounds(stage));
        stage.heightProperty().addListener((o, a, b) -> bounds(stage));
        stage.maximizedProperty().addListener((o, a, b) -> safely(() -> node.putBoolean("maximized", b)));
    }

    private void bounds(Stage stage) {
        if (stage.isMaximized() || stage.isIconified()) {
            return;
        }
        safely(() -> {
            node.putDouble("x", stage.getX());
            node.putDouble("y", stage.getY());
            node.putDouble("width", stage.getWidth());
            node.putDouble("height", stage.getHeight());
        });
    }

    /** Preferences are a convenience: a removed node or a read-only store never stops the window. */
    private static void safely(Runnable write) {
        try {
            write.run();
        } catch (IllegalStateException e) {
            // the node was removed (a test's node, or reset by the user): nothing to remember into
        }
    }

    // ---- theme, language, user

    public boolean dark() {
        return node.getBoolean("dark", false);
    }

    public void dark(boolean dark) {
        node.putBoolean("dark", dark);
    }

    public Locale locale(Locale fallback) {
        String tag = node.get("language", null);
        return tag == null ? fallback : Locale.forLanguageTag(tag);
    }

    public boolean hasLocale() {
        return node.get("language", null) != null;
    }

    public void saveLocale(Locale locale) {
        node.put("language", locale.toLanguageTag());
    }

    public String lastUser() {
        return node.get("lastUser", null);
    }

    public void lastUser(String userId) {
        node.put("lastUser", userId);
    }

    // ---- database

    /**
     * The database chosen last with "Open database…" (an H2 file's base path, or a team database's URL
     * with its user and never a password), opened at the next start without {@code --db}; null: none.
     */
    public String lastDatabase() {
        return node.get("lastDatabase", null);
    }

    public void lastDatabase(String target) {
        safely(() -> node.put("lastDatabase", target));
    }

    /** The remembered database could not be opened: the next start opens the default one again. */
    public void forgetDatabase() {
        safely(() -> node.remove("lastDatabase"));
    }

    // ---- table columns

    /**
     * Every {@link TableView} with an id under {@code root}: column widths restored from and saved
     * to keys {@code col.<screen>.<table id>.<column id or index>}. Safe to call again.
     */
    public void rememberColumns(String screen, Parent root) {
        for (TableView<?> table : tables(root, new java.util.LinkedHashSet<>())) {
            if (table.getId() != null && !table.getProperties().containsKey(COLUMNS_KEY)) {
                table.getProperties().put(COLUMNS_KEY, Boolean.TRUE);
                int i = 0;
                for (TableColumn<?, ?> col : table.getColumns()) {
                    remember("col." + screen + "." + table.getId() + "." + (col.getId() != null ? col.getId() : "c" + i), col);
                    i++;
                }
            }
        }
    }

    /**
     * The tables under {@code node}, those in a scroll pane's content too (a screen that scrolls as
     * a whole, as Sync does: before the scroll pane has its skin, its content is no child of it).
     */
    private static java.util.Set<TableView<?>> tables(Node node, java.util.Set<TableView<?>> into) {
        if (node instanceof TableView<?> table) {
            into.add(table);
            return into;
        }
        if (node instanceof javafx.scene.control.ScrollPane scroll && scroll.getContent() != null) {
            tables(scroll.getContent(), into);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                tables(child, into);
            }
        }
        return into;
    }

    private void remember(String key, TableColumn<?, ?> col) {
        String k = key.length() > Preferences.MAX_KEY_LENGTH ? key.substring(key.length() - Preferences.MAX_KEY_LENGTH) : key;
        double w = node.getDouble(k, Double.NaN);
        if (!Double.isNaN(w) && w > 10) {
            col.setPrefWidth(w);
        }
        col.widthProperty().addListener((o, a, b) -> {
            if (b.doubleValue() > 10) {
                safely(() -> node.putDouble(k, b.doubleValue()));
            }
        });
    }

    public double columnWidth(String screen, String table, String column) {
        return node.getDouble("col." + screen + "." + table + "." + column, Double.NaN);
    }

    public void flush() {
        try {
            node.flush();
        } catch (BackingStoreException | IllegalStateException e) {
            // preferences are a convenience: a read-only home folder must not stop the app
        }
    }
}
