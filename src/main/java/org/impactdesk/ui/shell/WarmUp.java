package org.impactdesk.ui.shell;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.MenuBar;
import javafx.scene.layout.StackPane;

/**
 * Warms what the first open of each screen needs, on a worker before the sign-in screen lands
 * (while the window's inert first screen is shown, so no pulse waits for it; see MainWindow):
 * the classes, the FXML loader's introspection, the feature style sheets and the controls' skins
 * and CSS code paths, by loading every screen's FXML <em>without</em> its controller (no
 * ViewModel, no data, no handlers) plus the few nodes the screens make in code, styling and laying
 * them out in throwaway scenes, and dropping them. Nothing here is shown or kept; the real screens
 * are built as before, only faster, so the FX thread spends less of a pulse on them.
 */
public final class WarmUp {
    private static final Logger LOG = Logger.getLogger(WarmUp.class.getName());
    private static final Pattern CONTROLLER = Pattern.compile("\\sfx:controller=\"[^\"]*\"");
    private static final Pattern HANDLER = Pattern.compile("\\son[A-Z][A-Za-z]*=\"#[^\"]*\"");

    /** Skins and classes the FX thread alone may create (the menu bar's): only loaded here. */
    private static final List<String> FX_THREAD_CLASSES = List.of(
            "javafx.scene.control.skin.MenuBarSkin", "javafx.scene.control.skin.MenuButtonSkinBase",
            "javafx.scene.control.skin.ContextMenuSkin", "javafx.scene.control.ContextMenu",
            "com.sun.javafx.scene.control.ContextMenuContent", "javafx.stage.PopupWindow",
            "javafx.scene.control.CheckMenuItem", "javafx.scene.control.RadioMenuItem");

    private WarmUp() {
    }

    /**
     * The scene of {@link #beforeWindow}, kept: the style manager keeps a parsed style sheet while a
     * scene uses it, so the window's first scene finds the app's sheets already parsed.
     */
    private static volatile javafx.scene.Scene sheetsHolder;

    /**
     * Runs the warm-up on the calling thread (a worker): {@code fxmlPaths} as in {@code
     * ViewLoader.load}, {@code samples} build nodes the screens make in code. Failures are logged
     * and skipped: a warm-up that cannot warm something changes nothing the user sees.
     */
    public static int run(List<String> fxmlPaths, List<Supplier<? extends Node>> samples, ResourceBundle bundle,
                          Prestyle.Look look) {
        int warmed = 0;
        for (String c : FX_THREAD_CLASSES) {
            try {
                Class.forName(c, true, WarmUp.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                LOG.log(Level.FINE, "warm-up: no class " + c, e);
            }
        }
        try {
            // the locale's number and date formats (CLDR data is loaded on first use)
            org.impactdesk.ui.Formats f = new org.impactdesk.ui.Formats(
                    bundle.getLocale() == null || bundle.getLocale().getLanguage().isEmpty() ? java.util.Locale.ENGLISH
                            : bundle.getLocale());
            f.dateTime(java.time.Instant.now(), java.time.ZoneId.systemDefault());
            f.date(java.time.LocalDate.now());
            f.integer(1234);
            f.decimal(new java.math.BigDecimal("1234.5"), 2, 2);
            f.signed(new java.math.BigDecimal("-12.5"), 2);
            f.parseDecimal("1 234,5");
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "warm-up of the formats skipped", e);
        }
        for (String path : fxmlPaths) {
            try {
                style(withoutController(path, bundle), look);
                warmed++;
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "warm-up of " + path + " skipped", e);
            }
        }
        for (Supplier<? extends Node> s : samples) {
            try {
                style(new StackPane(s.get()), look);
                warmed++;
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "warm-up sample skipped", e);
            }
        }
        return warmed;
    }

    /**
     * Before the window exists, on a thread that is not the FX thread (Application.init): fonts,
     * the text layout, the control classes with Modena (the user-agent style sheet, which JavaFX
     * parses on the FX thread), and one small snapshot that starts the renderer. Blocks until the
     * FX thread has done its part; nothing is on screen meanwhile, so no window waits for it.
     */
    public static void beforeWindow() {
        if (javafx.application.Platform.isFxApplicationThread()) {
            throw new IllegalStateException("WarmUp.beforeWindow runs off the FX thread, before the window");
        }
        try {
            javafx.scene.text.Text t = new javafx.scene.text.Text("Impact Desk 0123456789 æøå");
            t.setFont(javafx.scene.text.Font.getDefault());
            t.getLayoutBounds();
            Class.forName("javafx.scene.control.Control", true, WarmUp.class.getClassLoader());
        } catch (ClassNotFoundException | RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "warm-up before the window skipped", e);
        }
        // Modena is parsed on the FX thread (queued when the control classes loaded): wait for it
        // so the sample below is styled with it
        onFxThreadAndWait(() -> { });
        javafx.scene.Scene scratch = null;
        try {
            // what the first screens draw (text in the app's fonts, rounded borders, a list, a button,
            // a field), styled here off the FX thread, so that neither the skins and CSS nor the
            // renderer's one-time set-up are paid in the window's first frames
            javafx.scene.control.Label title = new javafx.scene.control.Label("Impact Desk 0123456789");
            title.getStyleClass().add("screen-title");
            javafx.scene.control.ListView<String> list = new javafx.scene.control.ListView<>(
                    javafx.collections.FXCollections.observableArrayList("Aa", "Bb", "Cc"));
            list.setPrefSize(160, 80);
            list.getSelectionModel().select(0);
            javafx.scene.control.Button button = new javafx.scene.control.Button("OK");
            button.setDefaultButton(true);
            javafx.scene.layout.VBox sample = new javafx.scene.layout.VBox(4, title, list,
                    new javafx.scene.control.TextField("æøå"), button, new javafx.scene.control.ProgressBar(0.5));
            scratch = new javafx.scene.Scene(new StackPane(sample), 240, 220);
            org.impactdesk.ui.Themes.apply(scratch, false); // the app's sheets parsed (and cached) now
            Parent root = scratch.getRoot();
            if (LayoutTurns.offFxThread(root::applyCss, Prestyle.TURN_WAIT_MS)) {
                LayoutTurns.offFxThread(root::layout, Prestyle.TURN_WAIT_MS);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "styling warm-up before the window skipped", e);
        }
        javafx.scene.Scene styled = scratch;
        onFxThreadAndWait(() -> {
            try {
                if (styled != null) {
                    // starts the renderer; a snapshot lays its scene out, so it takes the turn as any pass does
                    LayoutTurns.onFxThread(() -> styled.getRoot().snapshot(null, null));
                    sheetsHolder = styled;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "renderer warm-up skipped", e);
            }
        });
    }

    private static void onFxThreadAndWait(Runnable r) {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        javafx.application.Platform.runLater(() -> {
            try {
                r.run();
            } finally {
                done.countDown();
            }
        });
        try {
            done.await(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A table with rows and columns, as Team, Mentor and Sync show them: its row and cell skins. */
    public static Node tableSample() {
        javafx.scene.control.TableView<Integer> table = new javafx.scene.control.TableView<>();
        table.setFixedCellSize(26);
        for (int c = 0; c < 12; c++) {
            javafx.scene.control.TableColumn<Integer, String> col = new javafx.scene.control.TableColumn<>("c" + c);
            int k = c;
            col.setCellValueFactory(v -> new javafx.beans.property.ReadOnlyStringWrapper(v.getValue() + "." + k));
            col.getStyleClass().add(c % 2 == 0 ? "numeric" : "text");
            table.getColumns().add(col);
        }
        for (int r = 0; r < 40; r++) {
            table.getItems().add(r);
        }
        return table;
    }

    private static void style(Parent root, Prestyle.Look look) {
        // the menu bar's skin asks the platform about a system menu (FX thread only): left out
        for (Node menus : List.copyOf(root.lookupAll(".menu-bar"))) {
            if (menus instanceof MenuBar bar && bar.getParent() instanceof javafx.scene.layout.BorderPane b
                    && b.getTop() == bar) {
                b.setTop(null);
            }
        }
        Prestyle.inHolder(root, look);
    }

    /** {@code path}'s nodes, loaded with the bundle but without the fx:controller and its handlers. */
    static Parent withoutController(String path, ResourceBundle bundle) {
        URL url = WarmUp.class.getResource(path);
        if (url == null) {
            throw new IllegalArgumentException("No FXML at " + path);
        }
        try (InputStream in = url.openStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            text = HANDLER.matcher(CONTROLLER.matcher(text).replaceAll("")).replaceAll("");
            FXMLLoader loader = new FXMLLoader(url, bundle);
            return loader.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("warm-up cannot read " + path, e);
        }
    }
}
