package org.impactdesk.ui.shell;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import javafx.fxml.FXML;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.impactdesk.domain.BundleText;
import org.impactdesk.ui.fx.WindowControls;
/**
 * The main window: menus with shortcuts (Shortcut+O import, Shortcut+F search, Shortcut+E export,
 * F5 refresh, Shortcut+1..8 the screens), the navigation bar, the current screen and the status
 * bar. Screens are built once per session, on their first visit, through the {@link ScreenRegistry}.
 */
public final class ShellView {
    public static final String FXML = "/fxml/shell/ShellView.fxml";
    public static final String NAV_SELECTED = "selected";

    private final ShellViewModel viewModel;
    private final ScreenRegistry registry;
    private final ScreenContext context;
    private final WindowControls window;
    private final WindowPrefs prefs;
    private final Runnable signOut;
    private final Runnable quit;
    private final Map<ScreenId, Screen> screens = new EnumMap<>(ScreenId.class);
    private final Map<ScreenId, ToggleButton> navButtons = new EnumMap<>(ScreenId.class);
    private final ToggleGroup navGroup = new ToggleGroup();
    private final java.util.Set<ScreenId> stale = java.util.EnumSet.noneOf(ScreenId.class);
    /** Signed out, language changed or window closed: a screen that lands now is dropped. */
    private boolean disposed;

    @FXML private BorderPane root;
    @FXML private MenuItem importItem;
    @FXML private MenuItem exportItem;
    @FXML private MenuItem signOutItem;
    @FXML private MenuItem quitItem;
    @FXML private MenuItem searchItem;
    @FXML private MenuItem refreshItem;
    @FXML private CheckMenuItem darkItem;
    @FXML private RadioMenuItem englishItem;
    @FXML private RadioMenuItem norwegianItem;
    @FXML private Menu goMenu;
    @FXML private VBox nav;
    @FXML private StackPane content;
    @FXML private Label userLabel;
    @FXML private Label lastSyncLabel;
    @FXML private Label messageLabel;
    @FXML private Label databaseLabel;
    @FXML private javafx.scene.layout.HBox changedBanner;
    @FXML private Label changedLabel;
    @FXML private ResourceBundle resources;

    public ShellView(ShellViewModel viewModel, ScreenRegistry registry, ScreenContext context, WindowControls window,
                     WindowPrefs prefs, Runnable signOut, Runnable quit) {
        this.viewModel = viewModel;
        this.registry = registry;
        this.context = context;
        this.window = window;
        this.prefs = prefs;
        this.signOut = signOut;
        this.quit = quit;
    }

    @FXML
    private void initialize() {
        importItem.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        exportItem.setAccelerator(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));
        searchItem.setAccelerator(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN));
        refreshItem.setAccelerator(new KeyCodeCombination(KeyCode.F5));
        quitItem.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        // no Sync for this user (a peer mentor): no import command in the menu either, and Ctrl+O does nothing
        importItem.setDisable(!viewModel.screens().contains(ScreenId.SYNC));
        importItem.setVisible(viewModel.screens().contains(ScreenId.SYNC));
        darkItem.selectedProperty().bindBidirectional(window.darkProperty());
        boolean nb = "nb".equals(window.locale().getLanguage());
        (nb ? norwegianItem : englishItem).setSelected(true);
        englishItem.setOnAction(e -> window.switchLanguage(Locale.ENGLISH));
        norwegianItem.setOnAction(e -> window.switchLanguage(WindowControls.NORWEGIAN));

        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
                KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};
        int i = 0;
        for (ScreenId id : viewModel.screens()) {
            String label = resources.getString(id.messageKey());
            ToggleButton b = new ToggleButton(label);
            b.setId("nav-" + id.name().toLowerCase(Locale.ROOT));
            b.getStyleClass().add("nav-button");
            b.setToggleGroup(navGroup);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setOnAction(e -> viewModel.navigate(NavigationRequest.to(id)));
            navButtons.put(id, b);
            nav.getChildren().add(b);
            MenuItem item = new MenuItem(label);
            item.setId("menu-go-" + id.name().toLowerCase(Locale.ROOT));
            if (i < digits.length) {
                item.setAccelerator(new KeyCodeCombination(digits[i], KeyCombination.SHORTCUT_DOWN));
            }
            item.setOnAction(e -> viewModel.navigate(NavigationRequest.to(id)));
            goMenu.getItems().add(item);
            i++;
        }
        viewModel.currentProperty().addListener((o, a, now) -> {
            navButtons.forEach((id, b) -> b.setSelected(id == now));
        });

        userLabel.textProperty().bind(viewModel.userTextProperty());
        lastSyncLabel.textProperty().bind(viewModel.lastSyncTextProperty());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        databaseLabel.textProperty().bind(viewModel.databaseTextProperty());
        changedBanner.visibleProperty().bind(viewModel.changedElsewhereProperty());
        changedBanner.managedProperty().bind(viewModel.changedElsewhereProperty());
        changedLabel.textProperty().bind(viewModel.changedTextProperty());
        viewModel.setPresenter(this::present);
        viewModel.setReloader(this::reloadAfterChangeElsewhere);
    }

    /**
     * Shows the requested screen. On its first visit the screen is built (its ViewModel, and its
     * FXML loaded into a detached node) on a worker while the content area shows a progress
     * indicator; the FX thread then attaches it, styles and lays it out, and shows it, which starts
     * its loads. A request arriving during a build wins when it lands.
     */
    private void present(NavigationRequest request) {
        Screen screen = screens.get(request.screen());
        if (screen != null) {
            attach(request, screen);
            return;
        }
        pending = request;
        if (building != null) {
            return;
        }
        ScreenId id = request.screen();
        building = id;
        javafx.scene.control.ProgressIndicator busy = new javafx.scene.control.ProgressIndicator();
        busy.setMaxSize(48, 48);
        busy.setId("screenLoading");
        org.impactdesk.ui.fx.BusyIndicators.showAfterDelay(busy);
        content.getChildren().setAll(busy);
        context.tasks().run("build-screen-" + id, p -> registry.find(id).orElseThrow().factory().create(context),
                org.impactdesk.ui.fx.TaskRunner.Callbacks.of(built -> landed(id, built), failure -> {
                    if (failure instanceof IllegalStateException && String.valueOf(failure.getMessage()).contains("thread")) {
                        // a control that insists on being made on the FX thread: build it here instead
                        try {
                            landed(id, registry.find(id).orElseThrow().factory().create(context));
                        } catch (RuntimeException e) {
                            failed(id, e);
                        }
                    } else {
                        failed(id, failure);
                    }
                }));
    }

    private ScreenId building;
    private NavigationRequest pending;

    private void landed(ScreenId id, Screen built) {
        if (disposed) {
            built.dispose();
            return;
        }
        screens.put(id, built);
        building = null;
        NavigationRequest r = pending;
        pending = null;
        if (r == null || r.screen() == id) {
            attach(r == null ? NavigationRequest.to(id) : r, built);
        } else {
            present(r);
        }
    }

    private void failed(ScreenId id, Throwable e) {
        building = null;
        pending = null;
        content.getChildren().clear();
        viewModel.say(BundleText.format(resources, "shell.status.screenFailed",
                resources.getString(id.messageKey()), e.getMessage()));
    }

    private NavigationRequest shownRequest;

    /** The request of the screen shown now (null before the first): a language switch reopens it. */
    public NavigationRequest shownRequest() {
        return shownRequest;
    }

    private void attach(NavigationRequest request, Screen screen) {
        shownRequest = request;
        javafx.scene.control.ScrollPane holder = scrolling(request.screen(), screen.root());
        if (content.getChildren().size() != 1 || content.getChildren().get(0) != holder) {
            content.getChildren().setAll(holder);
        }
        prefs.rememberColumns(request.screen().name().toLowerCase(Locale.ROOT), screen.root());
        placeholders(screen.root());
        if (stale.remove(request.screen())) {
            screen.refresh();
        }
        screen.show(request);
    }

    /** The database changed (an import): the status bar re-reads, the other screens refresh when next shown. */
    public void dataChanged() {
        viewModel.refreshStatus();
        ScreenId now = viewModel.currentProperty().get();
        screens.keySet().stream().filter(id -> id != now).forEach(stale::add);
    }

    /** After a change made elsewhere: the screen shown reloads now, the others when next shown. */
    private void reloadAfterChangeElsewhere() {
        dataChanged();
        Screen s = current();
        if (s != null) {
            s.refresh();
        }
    }

    @FXML
    private void refreshChanged() {
        viewModel.refreshChanged();
    }

    /** Tables without a placeholder of their own say "nothing here" in the chosen language (JavaFX's own is English only). */
    private void placeholders(javafx.scene.Parent root) {
        for (javafx.scene.Node n : root.lookupAll(".table-view")) {
            if (n instanceof javafx.scene.control.TableView<?> t && t.getPlaceholder() == null) {
                t.setPlaceholder(new Label(resources.getString("shell.table.empty")));
            }
        }
    }

    /** A screen taller or wider than the window scrolls instead of pushing the status bar away. */
    private final Map<ScreenId, javafx.scene.control.ScrollPane> scrollers = new EnumMap<>(ScreenId.class);

    private javafx.scene.control.ScrollPane scrolling(ScreenId id, javafx.scene.Parent root) {
        return scrollers.computeIfAbsent(id, k -> {
            javafx.scene.control.ScrollPane sp = new javafx.scene.control.ScrollPane();
            // its skin before its content: the screen's nodes enter the skin's viewport once, instead of
            // being moved there (every node's scene set again) when the first CSS pass makes the skin
            // (a third of the FX thread's time on the way from sign-in to Home)
            sp.setSkin(new javafx.scene.control.skin.ScrollPaneSkin(sp));
            sp.setContent(root);
            sp.setFitToWidth(true);
            sp.setFitToHeight(true);
            sp.getStyleClass().add("screen-scroll");
            org.impactdesk.ui.fx.Viewports.uncached(sp);
            org.impactdesk.ui.fx.Viewports.uncachedWithin(root);
            return sp;
        });
    }

    public Screen current() {
        return viewModel.currentProperty().get() == null ? null : screens.get(viewModel.currentProperty().get());
    }

    /** Stops every screen's timers and animations (sign out, language change, close). */
    public void dispose() {
        disposed = true;
        viewModel.stopWatching();
        screens.values().forEach(Screen::dispose);
        screens.clear();
        scrollers.clear();
    }

    public BorderPane root() {
        return root;
    }

    public ShellViewModel viewModel() {
        return viewModel;
    }

    @FXML
    private void importBundle() {
        viewModel.navigate(NavigationRequest.to(ScreenId.SYNC).withIntent(NavigationRequest.Intent.IMPORT));
    }

    @FXML
    private void export() {
        Screen s = current();
        if (s == null || !s.export()) {
            viewModel.noSuchCommand("shell.command.export");
        }
    }

    @FXML
    private void focusSearch() {
        Screen s = current();
        if (s == null || !s.focusSearch()) {
            viewModel.noSuchCommand("shell.command.search");
        }
    }

    @FXML
    private void refresh() {
        Screen s = current();
        viewModel.refreshStatus();
        if (s == null || !s.refresh()) {
            viewModel.noSuchCommand("shell.command.refresh");
        }
    }

    @FXML
    private void signOut() {
        signOut.run();
    }

    @FXML
    private void quit() {
        quit.run();
    }
}
