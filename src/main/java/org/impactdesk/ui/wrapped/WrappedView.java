package org.impactdesk.ui.wrapped;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.impactdesk.domain.SlidePayload;
import org.impactdesk.service.wrapped.WrappedSource;
import org.impactdesk.ui.fx.Loading;
import org.impactdesk.ui.fx.ViewLoader;

/**
 * The Wrapped player: a phone-shaped 9:16 frame that draws the ViewModel's current slide and
 * animates its entrance per the payload's hint. A thin controller: state and commands live in
 * {@link WrappedViewModel}; this class binds, builds the slide's nodes and runs the frame clock.
 */
public final class WrappedView {
    public static final String FXML = "/fxml/wrapped/WrappedView.fxml";
    public static final double PHONE_WIDTH = 360;
    public static final double PHONE_HEIGHT = 640;
    private static final double BAR_AREA_HEIGHT = 150;
    /** The big figure's font size (styles/wrapped.css), shrunk per slide when its text is wide. */
    static final double FIGURE_SIZE = 64;

    private final WrappedViewModel vm;

    @FXML private BorderPane root;
    @FXML private ComboBox<WrappedSource.MentorChoice> mentorBox;
    @FXML private ComboBox<Integer> yearBox;
    @FXML private Button loadButton;
    @FXML private ToggleButton darkToggle;
    @FXML private ComboBox<java.util.Locale> langBox;
    @FXML private Label statusLabel;
    @FXML private Label lookerLabel;
    @FXML private StackPane phone;
    @FXML private javafx.scene.Group phoneHolder;
    @FXML private StackPane phoneStage;
    /** The smallest the phone is scaled to in a short window (the page scrolls below that). */
    static final double MIN_PHONE_SCALE = 0.6;
    @FXML private VBox slideBox;
    @FXML private Label titleLabel;
    @FXML private Label figureLabel;
    @FXML private StackPane visual;
    @FXML private Label bodyLabel;
    @FXML private VBox emptyBox;
    @FXML private Label emptyLabel;
    @FXML private HBox segmentsBox;
    @FXML private Label previewBadge;
    @FXML private Button previousButton;
    @FXML private Button playButton;
    @FXML private Button nextButton;
    @FXML private Button restartButton;
    @FXML private ComboBox<WrappedViewModel.Speed> speedBox;
    @FXML private Button exportPngButton;
    @FXML private Button exportPdfButton;
    @FXML private Label noteLabel;
    @FXML private Label messageLabel;

    /** Nodes of the current slide that animate, in their entrance order. */
    private final List<Region> growing = new ArrayList<>();
    private final List<Node> appearing = new ArrayList<>();
    private final List<javafx.beans.property.DoubleProperty> segmentFills = new ArrayList<>();
    private final AnimationTimer clock = new AnimationTimer() {
        private long last = -1;

        @Override
        public void handle(long now) {
            if (last > 0) {
                vm.tick((now - last) / 1e9);
            }
            last = now;
        }

        @Override
        public void stop() {
            super.stop();
            last = -1;
        }
    };

    public WrappedView(WrappedViewModel vm) {
        this.vm = vm;
    }

    /** Loads the FXML with this View as its controller and returns the screen's root. */
    public static Parent load(ViewLoader loader, WrappedViewModel vm) {
        return loader.load(FXML, new WrappedView(vm));
    }

    @FXML
    private void initialize() {
        mentorBox.setItems(vm.mentors());
        mentorBox.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(WrappedSource.MentorChoice m) {
                return vm.label(m);
            }

            @Override
            public WrappedSource.MentorChoice fromString(String s) {
                return null;
            }
        });
        mentorBox.valueProperty().bindBidirectional(vm.mentorProperty());
        org.impactdesk.ui.fx.TypeAhead.install(mentorBox, vm.locale(), vm.typeAheadHint());
        yearBox.setItems(vm.years());
        yearBox.valueProperty().bindBidirectional(vm.yearProperty());
        langBox.getItems().setAll(WrappedViewModel.slideLanguages());
        langBox.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(java.util.Locale l) {
                if (l == null) {
                    return "";
                }
                String name = l.getDisplayLanguage(l);
                return name.isEmpty() ? l.toLanguageTag() : name.substring(0, 1).toUpperCase(l) + name.substring(1);
            }

            @Override
            public java.util.Locale fromString(String s) {
                return java.util.Locale.forLanguageTag(s);
            }
        });
        java.util.Locale appLocale = vm.slideLocaleProperty().get();
        langBox.setValue(langBox.getItems().stream().filter(l -> l.getLanguage().equals(appLocale.getLanguage()))
                .findFirst().orElse(appLocale));
        langBox.valueProperty().addListener((obs, old, now) -> vm.slideLocaleProperty().set(now));
        speedBox.getItems().setAll(WrappedViewModel.Speed.values());
        speedBox.valueProperty().bindBidirectional(vm.speedProperty());
        statusLabel.textProperty().bind(vm.statusTextProperty());
        lookerLabel.textProperty().bind(vm.lookerTextProperty());
        loadButton.disableProperty().bind(vm.busyProperty());
        noteLabel.textProperty().bind(Bindings.createStringBinding(() -> vm.previewProperty().get()
                        ? vm.text("wrapped.player.previewNote")
                        : vm.encouragementProperty().get() ? vm.text("wrapped.player.encouragementNote") : "",
                vm.previewProperty(), vm.encouragementProperty()));
        vm.previewProperty().addListener((obs, old, isPreview) -> markPreview(isPreview));
        markPreview(vm.previewProperty().get());
        previewBadge.visibleProperty().bind(vm.previewProperty());
        Loading.text(messageLabel, vm.messageProperty());
        playButton.textProperty().bind(Bindings.when(vm.playingProperty())
                .then(vm.text("wrapped.player.pause")).otherwise(vm.text("wrapped.player.play")));
        playButton.disableProperty().bind(vm.slideProperty().isNull());
        restartButton.disableProperty().bind(vm.slideProperty().isNull());
        nextButton.disableProperty().bind(vm.canNextProperty().not());
        previousButton.disableProperty().bind(vm.canPreviousProperty().not());
        exportPngButton.disableProperty().bind(vm.shareableProperty().not().or(vm.busyProperty()));
        exportPdfButton.disableProperty().bind(vm.shareableProperty().not().or(vm.busyProperty()));
        darkToggle.selectedProperty().addListener((obs, old, dark) -> {
            if (dark) {
                root.getStyleClass().add("dark");
            } else {
                root.getStyleClass().remove("dark");
            }
        });

        // a short window (1024x700) scales the phone down so the player's controls under it stay in view
        phoneStage.setMinSize(PHONE_WIDTH * MIN_PHONE_SCALE + 4, PHONE_HEIGHT * MIN_PHONE_SCALE + 4);
        phoneStage.heightProperty().addListener((obs, old, h) -> fitPhone());
        phoneStage.widthProperty().addListener((obs, old, w) -> fitPhone());
        phone.setMinSize(PHONE_WIDTH, PHONE_HEIGHT);
        phone.setPrefSize(PHONE_WIDTH, PHONE_HEIGHT);
        phone.setMaxSize(PHONE_WIDTH, PHONE_HEIGHT);
        titleLabel.setMaxWidth(PHONE_WIDTH - 56);
        bodyLabel.setMaxWidth(PHONE_WIDTH - 56);
        emptyLabel.setMaxWidth(PHONE_WIDTH - 48);
        figureLabel.textProperty().bind(vm.figureTextProperty());
        emptyLabel.textProperty().bind(Bindings.createStringBinding(() -> vm.messageProperty().get().isEmpty()
                ? vm.text("wrapped.player.choose") : vm.messageProperty().get(), vm.messageProperty()));
        slideBox.visibleProperty().bind(vm.slideProperty().isNotNull());
        emptyBox.visibleProperty().bind(vm.slideProperty().isNull());

        vm.slides().addListener((ListChangeListener<SlideContent>) c -> buildSegments());
        vm.slideProperty().addListener((obs, old, now) -> showSlide(now));
        vm.slideIndexProperty().addListener((obs, old, now) -> updateSegments());
        vm.slideProgressProperty().addListener((obs, old, now) -> updateSegments());
        vm.animationProgressProperty().addListener((obs, old, now) -> animate(now.doubleValue()));

        phone.setOnMouseClicked(e -> {
            if (e.getButton() != MouseButton.PRIMARY || vm.slideProperty().get() == null) {
                return;
            }
            phone.requestFocus();
            if (e.getX() < phone.getWidth() / 3) {
                vm.previous();
            } else {
                vm.next();
            }
        });
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                clock.stop();
            } else {
                clock.start();
            }
        });
        buildSegments();
        showSlide(vm.slideProperty().get());
    }

    private void onKey(KeyEvent e) {
        if (e.getTarget() instanceof ComboBoxBase<?> || vm.slideProperty().get() == null) {
            return;
        }
        if (e.getCode() == KeyCode.SPACE) {
            vm.togglePlay();
            e.consume();
        } else if (e.getCode() == KeyCode.RIGHT) {
            vm.next();
            e.consume();
        } else if (e.getCode() == KeyCode.LEFT) {
            vm.previous();
            e.consume();
        } else if (e.getCode() == KeyCode.R || e.getCode() == KeyCode.HOME) {
            vm.restart();
            e.consume();
        } else if (e.getCode() == KeyCode.PLUS || e.getCode() == KeyCode.ADD || e.getCode() == KeyCode.EQUALS) {
            vm.faster();
            e.consume();
        } else if (e.getCode() == KeyCode.MINUS || e.getCode() == KeyCode.SUBTRACT) {
            vm.slower();
            e.consume();
        }
    }

    /** A preview of an open period is marked on the phone (badge) and beside the status, in the preview colour. */
    private void markPreview(boolean isPreview) {
        phone.getStyleClass().remove("preview");
        noteLabel.getStyleClass().remove("preview");
        if (isPreview) {
            phone.getStyleClass().add("preview");
            noteLabel.getStyleClass().add("preview");
        }
    }

    @FXML
    private void onLoad() {
        vm.load();
    }

    @FXML
    private void onPlay() {
        vm.togglePlay();
    }

    @FXML
    private void onNext() {
        vm.next();
    }

    @FXML
    private void onPrevious() {
        vm.previous();
    }

    @FXML
    private void onRestart() {
        vm.restart();
    }

    @FXML
    private void onExportPng() {
        vm.exportPng();
    }

    @FXML
    private void onExportPdf() {
        vm.exportPdf();
    }

    // ---- progress segments ----------------------------------------------------------------------

    private void buildSegments() {
        segmentsBox.getChildren().clear();
        segmentFills.clear();
        for (int i = 0; i < vm.slides().size(); i++) {
            int index = i;
            StackPane track = new StackPane();
            track.getStyleClass().add("wrapped-segment");
            track.setMinHeight(4);
            track.setPrefHeight(4);
            track.setMaxHeight(4);
            Region fill = new Region();
            fill.getStyleClass().add("wrapped-segment-fill");
            javafx.beans.property.DoubleProperty fraction = new javafx.beans.property.SimpleDoubleProperty();
            // unmanaged and sized by hand: a fill's width must not feed back into its track's
            // preferred width (filled tracks grew and squeezed the rest), and moving it every
            // frame must not ask the whole phone for a new layout pass
            fill.setManaged(false);
            Runnable size = () -> {
                fill.resizeRelocate(0, 0, Math.round(track.getWidth() * fraction.get() * 2) / 2.0, track.getHeight());
            };
            fraction.addListener((o, a, b) -> size.run());
            track.widthProperty().addListener((o, a, b) -> size.run());
            track.heightProperty().addListener((o, a, b) -> size.run());
            track.getChildren().add(fill);
            track.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(track, Priority.ALWAYS);
            track.setOnMouseClicked(e -> {
                vm.goTo(index);
                e.consume();
            });
            segmentsBox.getChildren().add(track);
            segmentFills.add(fraction);
        }
        updateSegments();
    }

    private void updateSegments() {
        int current = vm.slideIndexProperty().get();
        for (int i = 0; i < segmentFills.size(); i++) {
            segmentFills.get(i).set(i < current ? 1 : i == current ? vm.slideProgressProperty().get() : 0);
        }
    }

    // ---- slides -----------------------------------------------------------------------------------

    private void showSlide(SlideContent s) {
        visual.getChildren().clear();
        growing.clear();
        appearing.clear();
        if (s == null) {
            return;
        }
        titleLabel.setText(s.title());
        bodyLabel.setText(s.body());
        boolean hasFigure = s.figure() != null || s.figureLabel() != null;
        figureLabel.setVisible(hasFigure);
        figureLabel.setManaged(hasFigure);
        fitFigure(vm.finalFigureText(s));
        Node content = switch (s.key()) {
            case "busiest_month" -> monthlyBars(s);
            case "progress" -> progressBars(s);
            case "activity_mix" -> mix(s);
            case "milestones" -> items(s, "wrapped-item");
            case "badges" -> items(s, "wrapped-badge");
            default -> null;
        };
        visual.setVisible(content != null);
        visual.setManaged(content != null);
        if (content != null) {
            visual.getChildren().add(content);
        }
        animate(vm.animationProgressProperty().get());
    }

    /**
     * Sizes the big figure once per slide so its final text (the widest the count-up reaches)
     * fits the phone: "6,049.60 NOK" at 64px would be clipped.
     */
    private void fitFigure(String finalText) {
        double available = PHONE_WIDTH - 56;
        javafx.scene.text.Text probe = new javafx.scene.text.Text(finalText);
        probe.setFont(javafx.scene.text.Font.font(figureLabel.getFont().getFamily(),
                javafx.scene.text.FontWeight.BOLD, FIGURE_SIZE));
        double width = probe.getLayoutBounds().getWidth();
        double size = width <= available || width <= 0 ? FIGURE_SIZE : Math.floor(FIGURE_SIZE * available / width);
        figureLabel.setStyle("-fx-font-size: " + size + "px;");
    }

    private Node monthlyBars(SlideContent s) {
        HBox row = new HBox(4);
        row.setAlignment(Pos.BOTTOM_CENTER);
        for (SlideContent.Bar b : s.bars()) {
            StackPane track = new StackPane();
            track.getStyleClass().add("wrapped-bar-track");
            track.setPrefSize(18, BAR_AREA_HEIGHT);
            track.setMaxSize(18, BAR_AREA_HEIGHT);
            Region bar = new Region();
            bar.getStyleClass().add("wrapped-bar");
            if (b.highlight()) {
                bar.getStyleClass().add("highlight");
            }
            bar.setUserData(b.fraction() * BAR_AREA_HEIGHT);
            bar.setMaxHeight(0);
            StackPane.setAlignment(bar, Pos.BOTTOM_CENTER);
            track.getChildren().add(bar);
            growing.add(bar);
            Label month = new Label(b.label());
            month.getStyleClass().add("wrapped-bar-label");
            Label count = new Label(b.valueText());
            count.getStyleClass().add("wrapped-bar-label");
            VBox column = new VBox(2, count, track, month);
            column.setAlignment(Pos.BOTTOM_CENTER);
            column.setMinWidth(22);
            row.getChildren().add(column);
        }
        return row;
    }

    private Node progressBars(SlideContent s) {
        VBox box = new VBox(12);
        box.setAlignment(Pos.CENTER);
        for (SlideContent.Bar b : s.bars()) {
            Label label = new Label(b.label() + ": " + b.valueText());
            StackPane track = new StackPane();
            track.getStyleClass().add("wrapped-bar-track");
            track.setPrefSize(260, 22);
            track.setMaxSize(260, 22);
            Region bar = new Region();
            bar.getStyleClass().add("wrapped-bar");
            bar.setUserData(b.fraction() * 260);
            bar.setMaxWidth(0);
            StackPane.setAlignment(bar, Pos.CENTER_LEFT);
            track.getChildren().add(bar);
            growing.add(bar);
            box.getChildren().addAll(label, track);
        }
        return box;
    }

    private Node mix(SlideContent s) {
        double width = PHONE_WIDTH - 80;
        HBox bar = new HBox();
        bar.setMaxWidth(width);
        bar.setPrefHeight(26);
        VBox legend = new VBox(6);
        for (int i = 0; i < s.segments().size(); i++) {
            SlideContent.Segment seg = s.segments().get(i);
            String colour = i < SlideContents.MIX_COLOURS ? "wrapped-seg-" + i : "wrapped-seg-other";
            Region part = new Region();
            part.getStyleClass().add(colour);
            part.setPrefHeight(26);
            part.setUserData(seg.fraction() * width);
            part.setPrefWidth(0);
            part.setMinWidth(0);
            bar.getChildren().add(part);
            growing.add(part);
            Region swatch = new Region();
            swatch.getStyleClass().addAll("wrapped-swatch", colour);
            // a long kind's name wraps; its count is never cut (it read "..." beside "Accompaniment to an appointm...")
            Label name = new Label(seg.label());
            name.setWrapText(true);
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            Label count = new Label(seg.countText());
            count.setStyle("-fx-font-weight: bold;");
            count.setMinWidth(Region.USE_PREF_SIZE);
            swatch.setMinWidth(Region.USE_PREF_SIZE);
            HBox line = new HBox(8, swatch, name, gap, count);
            line.setAlignment(Pos.CENTER_LEFT);
            line.setMaxWidth(width);
            legend.getChildren().add(line);
            appearing.add(line);
        }
        VBox box = new VBox(14, bar, legend);
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(width);
        return box;
    }

    private Node items(SlideContent s, String styleClass) {
        VBox box = new VBox(10);
        box.setAlignment(Pos.CENTER);
        for (String item : s.items()) {
            Label l = new Label(item);
            l.getStyleClass().add(styleClass);
            l.setWrapText(true);
            l.setMaxWidth(PHONE_WIDTH - 80);
            box.getChildren().add(l);
            appearing.add(l);
        }
        return box;
    }

    /** Applies the entrance animation at progress {@code a} (0..1) per the slide's hint. */
    private void animate(double a) {
        SlideContent s = vm.slideProperty().get();
        if (s == null) {
            return;
        }
        double e = WrappedViewModel.easeOut(a);
        SlidePayload.Animation hint = s.animation();
        slideBox.setOpacity(hint == SlidePayload.Animation.FADE ? e : Math.min(1, a * 4));
        slideBox.setTranslateY(hint == SlidePayload.Animation.FADE ? 24 * (1 - e) : 0);
        int n = growing.size();
        for (int i = 0; i < n; i++) {
            Region r = growing.get(i);
            double target = (double) r.getUserData();
            double local = staggered(a, i, n, hint == SlidePayload.Animation.GROW_BARS ? 0.5 : 0.0);
            double v = target * WrappedViewModel.easeOut(local);
            if (hint == SlidePayload.Animation.GROW_SEGMENTS) {
                r.setPrefWidth(v);
            } else if (s.key().equals("progress")) {
                r.setMaxWidth(v);
            } else {
                r.setMaxHeight(v);
            }
        }
        int m = appearing.size();
        for (int i = 0; i < m; i++) {
            Node node = appearing.get(i);
            double local = staggered(a, i, m, 0.6);
            if (hint == SlidePayload.Animation.POP) {
                double scale = pop(local);
                node.setScaleX(scale);
                node.setScaleY(scale);
                node.setOpacity(Math.min(1, local * 2));
            } else {
                node.setOpacity(WrappedViewModel.easeOut(local));
                node.setTranslateY(16 * (1 - WrappedViewModel.easeOut(local)));
            }
        }
    }

    /** Item i of n starts after a share {@code spread} of the animation is spent on the offsets. */
    private static double staggered(double a, int i, int n, double spread) {
        if (n <= 1 || spread <= 0) {
            return a;
        }
        double start = spread * i / (n - 1);
        return Math.max(0, Math.min(1, (a - start) / (1 - spread)));
    }

    /** A pop: grows past full size and settles (back-out easing). */
    private static double pop(double t) {
        double c1 = 1.70158;
        double c3 = c1 + 1;
        double u = Math.max(0, Math.min(1, t)) - 1;
        return 1 + c3 * u * u * u + c1 * u * u;
    }

    private void fitPhone() {
        double height = phoneStage.getHeight() - 4; // the stage's padding
        double width = phoneStage.getWidth() - 4;
        if (height <= 0 || width <= 0) {
            return;
        }
        double scale = Math.max(MIN_PHONE_SCALE, Math.min(1, Math.min(height / PHONE_HEIGHT, width / PHONE_WIDTH)));
        if (Math.abs(phone.getScaleX() - scale) > 0.005) {
            phone.setScaleX(scale);
            phone.setScaleY(scale);
        }
    }

    /** For tests and the benchmark: the player's root and the phone frame. */
    public Parent root() {
        return root;
    }

    public StackPane phone() {
        return phone;
    }

    /** Stops the frame clock (the screen is closed). */
    public void stop() {
        clock.stop();
    }
}
