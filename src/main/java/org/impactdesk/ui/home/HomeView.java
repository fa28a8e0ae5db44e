package org.impactdesk.ui.home;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import java.util.EnumMap;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.AccessibleRole;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.paint.Color;
import javafx.util.StringConverter;
import org.impactdesk.domain.Period;
import org.impactdesk.service.home.HomeService.PeriodKind;
import org.impactdesk.ui.fx.Loading;
import org.impactdesk.ui.fx.TokenColors;
import org.impactdesk.ui.home.HomeViewModel.TileKind;

/** Home: TilesFX tiles bound to {@link HomeViewModel}; each tile opens its view on click or Enter. */
public final class HomeView {
    public static final String FXML = "/fxml/home/HomeView.fxml";
    public static final String TILE_CLASS = "home-tile";

    private final HomeViewModel viewModel;
    private final Map<TileKind, Tile> tiles = new EnumMap<>(TileKind.class);
    private final Map<TileKind, Label> values = new EnumMap<>(TileKind.class);
    public static final String VALUE_CLASS = "tile-value";

    @FXML private BorderPane root;
    @FXML private Label titleLabel;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private ToggleGroup kindGroup;
    @FXML private ToggleButton quarterToggle;
    @FXML private ToggleButton halfToggle;
    @FXML private ComboBox<Period> periodPicker;
    @FXML private Label noteLabel;
    @FXML private TileGrid tilePane;
    @FXML private javafx.scene.layout.VBox changesBox;
    @FXML private Label changesTitle;
    @FXML private javafx.scene.layout.VBox changesList;

    @FXML private javafx.scene.control.CheckBox digestOptIn;
    @FXML private Label digestMessage;
    @FXML private javafx.scene.layout.VBox queueBox;
    @FXML private Label queueLabel;
    /** The digest opt-in and the e-mail queue (issue 19); null: neither is shown. */
    private final HomeDeliveryViewModel delivery;

    public HomeView(HomeViewModel viewModel) {
        this(viewModel, null);
    }

    public HomeView(HomeViewModel viewModel, HomeDeliveryViewModel delivery) {
        this.viewModel = viewModel;
        this.delivery = delivery;
    }

    /** A coordinator's opt-in beside "Since the last sync"; an admin's e-mail queue below it. */
    private void bindDelivery() {
        if (delivery == null) {
            return;
        }
        digestOptIn.visibleProperty().bind(delivery.optInShownProperty());
        digestOptIn.managedProperty().bind(delivery.optInShownProperty());
        digestOptIn.selectedProperty().bindBidirectional(delivery.optedInProperty());
        digestMessage.textProperty().bind(delivery.optInMessageProperty());
        queueBox.visibleProperty().bind(delivery.queueShownProperty());
        queueBox.managedProperty().bind(delivery.queueShownProperty());
        queueLabel.textProperty().bind(delivery.queueProperty());
    }

    public HomeViewModel viewModel() {
        return viewModel;
    }

    /** One line per "since the last sync" list: a link with the count (opens Team filtered to them) and the first names. */
    private void fillChanges() {
        changesList.getChildren().clear();
        for (HomeViewModel.ChangeGroup g : viewModel.changes()) {
            javafx.scene.control.Hyperlink link = new javafx.scene.control.Hyperlink(g.title());
            link.setDisable(g.count() == 0);
            link.setOnAction(e -> viewModel.open(g));
            link.getStyleClass().add("change-link");
            Label names = new Label(g.names());
            names.setWrapText(true);
            names.getStyleClass().add("change-names");
            javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(8, link, names);
            row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            changesList.getChildren().add(row);
        }
    }

    public BorderPane root() {
        return root;
    }

    @FXML
    private void initialize() {
        titleLabel.textProperty().bind(viewModel.titleProperty());
        Loading.busy(busyIndicator, viewModel.busyProperty());
        noteLabel.textProperty().bind(viewModel.noteProperty());
        changesTitle.textProperty().bind(viewModel.changesTitleProperty());
        changesBox.visibleProperty().bind(viewModel.changesTitleProperty().isNotEmpty());
        changesBox.managedProperty().bind(changesBox.visibleProperty());
        digestMessage.managedProperty().bind(digestMessage.textProperty().isNotEmpty());
        bindDelivery();
        viewModel.changes().addListener((javafx.collections.ListChangeListener<HomeViewModel.ChangeGroup>) c -> fillChanges());
        quarterToggle.setUserData(PeriodKind.QUARTER);
        halfToggle.setUserData(PeriodKind.HALF);
        kindGroup.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one stays pressed
            } else {
                viewModel.kindProperty().set((PeriodKind) now.getUserData());
            }
        });
        viewModel.kindProperty().addListener((obs, old, now) ->
                (now == PeriodKind.QUARTER ? quarterToggle : halfToggle).setSelected(true));
        periodPicker.setItems(viewModel.periods());
        periodPicker.setConverter(new StringConverter<>() {
            @Override
            public String toString(Period p) {
                return p == null ? "" : viewModel.periodName(p);
            }

            @Override
            public Period fromString(String s) {
                return null;
            }
        });
        periodPicker.valueProperty().bindBidirectional(viewModel.periodProperty());
        viewModel.periods().addListener((ListChangeListener<Period>) c -> periodPicker.setValue(viewModel.periodProperty().get()));

        for (TileKind k : viewModel.tileKinds()) {
            Label value = new Label("–");
            value.getStyleClass().addAll(VALUE_CLASS, switch (k) {
                case UNDERACTIVE -> "warning";
                case OVERLOADED -> "danger";
                case LAST_SYNC -> "small";
                default -> "accent";
            });
            value.setId("tile-value-" + k.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            values.put(k, value);
            Tile tile = newTile(title(k), value);
            tile.setId("tile-" + k.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            tile.getStyleClass().add(TILE_CLASS);
            tile.setFocusTraversable(true);
            tile.accessibleRoleProperty().set(AccessibleRole.BUTTON);
            tile.setOnMouseClicked(e -> viewModel.open(k));
            tile.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                    viewModel.open(k);
                    e.consume();
                }
            });
            viewModel.tileProperty(k).addListener((obs, old, now) -> apply(tile, value, now));
            apply(tile, value, viewModel.tileProperty(k).get());
            // TilesFX sizes a tile's content only while it is showing: a tile built and laid out off the
            // FX thread (in a throwaway scene) is sized again once it is in the window
            tile.sceneProperty().addListener((obs, was, scene) -> {
                if (scene != null && scene.getWindow() != null && scene.getWindow().isShowing()) {
                    tile.fireTileEvt(new eu.hansolo.tilesfx.events.TileEvt(tile, eu.hansolo.tilesfx.events.TileEvt.RESIZE));
                }
            });
            keepTileFonts(tile);
            if (k == TileKind.ALERTS) { // administrators only; red while an alert is open
                tile.visibleProperty().bind(viewModel.alertsShownProperty());
                tile.managedProperty().bind(viewModel.alertsShownProperty());
                viewModel.alertOverviewProperty().addListener((obs, old, now) -> {
                    boolean open = now != null && now.openAlerts() > 0;
                    value.getStyleClass().removeAll("accent", "danger");
                    value.getStyleClass().add(open ? "danger" : "accent");
                });
            }
            tiles.put(k, tile);
            tilePane.getChildren().add(tile);
        }
        tilePane.setOnLaidOut(HomeView::resizeIfRestyled);
        // the theme is the scene root's class: recolour when the screen enters a scene and when
        // that root's classes change (one listener per root, removed when the screen leaves it)
        ListChangeListener<String> themeChanged = c -> recolor();
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null && old.getRoot() != null) {
                old.getRoot().getStyleClass().removeListener(themeChanged);
            }
            if (scene != null) {
                recolor();
                scene.getRoot().getStyleClass().addListener(themeChanged);
            }
        });
    }

    /**
     * TilesFX gives a tile's texts their fonts in code, sized to the tile; a CSS pass over the tile
     * (its border changing on hover or focus, a theme switch) gives them the window's font instead,
     * as the stylesheet's inherited font outranks a value set in code (the title grew and the
     * footnote ran out of the tile once the pointer had passed over it). A font change of one of
     * the tile's own texts asks the tile grid for a layout, which runs in the same pulse after the
     * CSS pass; there {@link #resizeIfRestyled} has TilesFX size the texts of a tile again when a
     * stylesheet set one of their fonts, before the frame is drawn (no timer). Our value label is
     * left alone: its font is the theme's.
     */
    void keepTileFonts(Tile tile) {
        javafx.beans.InvalidationListener restyled = o -> tilePane.requestLayout();
        java.util.function.Consumer<javafx.scene.control.Skin<?>> watch = skin -> {
            if (skin != null) {
                tileTexts(tile).forEach(t -> t.fontProperty().addListener(restyled));
            }
        };
        tile.skinProperty().addListener((obs, old, skin) -> watch.accept(skin));
        watch.accept(tile.getSkin());
    }

    /** In the tile grid's layout pass: TilesFX sizes {@code node}'s texts again if a stylesheet gave one of them its font. */
    static void resizeIfRestyled(javafx.scene.Node node) {
        if (node instanceof Tile tile && tileTexts(tile).stream().anyMatch(t -> {
            javafx.css.StyleOrigin origin = ((javafx.css.StyleableProperty<?>) t.fontProperty()).getStyleOrigin();
            return origin == javafx.css.StyleOrigin.AUTHOR || origin == javafx.css.StyleOrigin.INLINE;
        })) {
            tile.fireTileEvt(new eu.hansolo.tilesfx.events.TileEvt(tile, eu.hansolo.tilesfx.events.TileEvt.RESIZE));
        }
    }

    /** The texts TilesFX draws in {@code tile} (not those inside a label of ours). */
    static java.util.List<javafx.scene.text.Text> tileTexts(javafx.scene.Parent tile) {
        java.util.List<javafx.scene.text.Text> texts = new java.util.ArrayList<>();
        for (javafx.scene.Node n : tile.getChildrenUnmodifiable()) {
            if (n instanceof javafx.scene.text.Text t) {
                texts.add(t);
            } else if (n instanceof javafx.scene.Parent p && !(n instanceof javafx.scene.control.Labeled)) {
                texts.addAll(tileTexts(p));
            }
        }
        return texts;
    }

    private static Tile newTile(String title, Label value) {
        return TileBuilder.create()
                .skinType(Tile.SkinType.CUSTOM)
                .prefSize(TileGrid.MIN_TILE_WIDTH, TileGrid.TILE_HEIGHT)
                .title(title)
                .graphic(value)
                .text("")
                .textVisible(true)
                .roundedCorners(true)
                .build();
    }

    private String title(TileKind k) {
        return switch (k) {
            case HOURS -> bundleText("home.tile.hours");
            case ACTIVITIES -> bundleText("home.tile.activities");
            case ACTIVE_MENTORS -> bundleText("home.tile.active");
            case UNDERACTIVE -> bundleText("home.tile.underactive");
            case OVERLOADED -> bundleText("home.tile.overloaded");
            case YOY -> bundleText("home.tile.yoy");
            case LAST_SYNC -> bundleText("home.tile.sync");
            case ALERTS -> bundleText("home.tile.alerts");
        };
    }

    /** The bundle FXMLLoader was given (through the resources field it injects). */
    @FXML private java.util.ResourceBundle resources;

    private String bundleText(String key) {
        return resources.getString(key);
    }

    private static void apply(Tile tile, Label value, HomeViewModel.TileText text) {
        value.setText(text.value());
        tile.setText(text.detail());
        tile.accessibleTextProperty().set(tile.getTitle() + ": " + text.value() + ". " + text.detail());
    }

    /** Tile colours from the theme's tokens (TilesFX takes colours in code). */
    private void recolor() {
        if (root.getScene() == null) {
            return;
        }
        Color bg = TokenColors.resolve(root, "-id-tile-bg", Color.WHITE);
        Color fg = TokenColors.resolve(root, "-id-fg", Color.BLACK);
        Color muted = TokenColors.resolve(root, "-id-muted", Color.GRAY);
        // only what changed: each setter redraws the tile, and attaching the screen recolours it
        for (Tile t : tiles.values()) {
            if (!bg.equals(t.getBackgroundColor())) {
                t.setBackgroundColor(bg);
            }
            if (!fg.equals(t.getTitleColor())) {
                t.setTitleColor(fg);
            }
            if (!muted.equals(t.getTextColor())) {
                t.setTextColor(muted);
            }
            if (!fg.equals(t.getForegroundColor())) {
                t.setForegroundColor(fg);
            }
        }
    }

    /** The big figure of a tile (a label styled by the theme). */
    public Label value(TileKind k) {
        return values.get(k);
    }

    public Tile tile(TileKind k) {
        return tiles.get(k);
    }
}
