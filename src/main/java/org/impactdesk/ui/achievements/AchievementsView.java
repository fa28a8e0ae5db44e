package org.impactdesk.ui.achievements;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.impactdesk.domain.Achievement;
import org.impactdesk.domain.Problem.Field;
import org.impactdesk.domain.Problem.Severity;
import org.impactdesk.ui.achievements.AchievementListViewModel.Entry;
import org.impactdesk.ui.fx.Loading;

/**
 * The Achievements screen's thin controller: binds {@code AchievementsView.fxml} to its
 * {@link AchievementsViewModel}; list cells with drag and drop, Alt+Up/Down to reorder,
 * Ctrl+S to save, Ctrl+Z to undo. Enter never saves (Save is no default button): it is what people
 * press to close a drop-down or end a field, and a save may hand out awards.
 */
public final class AchievementsView {
    public static final String FXML = "/fxml/achievements/AchievementsView.fxml";
    /** Style classes. */
    public static final String HEADER = "category-header";
    public static final String BADGE = "badge-entry";
    public static final String INACTIVE = "inactive";
    public static final String READ_ONLY = "read-only";
    public static final String ERROR = "field-error";
    public static final String WARNING = "field-warning";
    public static final String DROP_TARGET = "drop-target";
    private static final DataFormat BADGE_ID = new DataFormat("application/x-impactdesk-badge-id");

    private final AchievementsViewModel viewModel;
    private final AchievementListViewModel listModel;
    private final AchievementFormViewModel formModel;
    private final AchievementAwardsViewModel awardsModel;

    @FXML private BorderPane root;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label statusLabel;
    @FXML private Label errorLabel;
    @FXML private ComboBox<AchievementListViewModel.Tenant> tenantPicker;
    @FXML private TextField searchField;
    @FXML private ListView<Entry> catalogList;
    @FXML private Button newButton;
    @FXML private Button duplicateButton;
    @FXML private Button upButton;
    @FXML private Button downButton;
    @FXML private Button undoButton;
    @FXML private Label undoLabel;
    @FXML private Label formTitle;
    @FXML private Label ownerLabel;
    @FXML private Label readOnlyLabel;
    @FXML private TextField keyField;
    @FXML private TextField nameField;
    @FXML private TextField nameNbField;
    @FXML private TextArea descriptionField;
    @FXML private ComboBox<AchievementFormViewModel.Choice> categoryField;
    @FXML private ComboBox<AchievementFormViewModel.Choice> triggerField;
    @FXML private TextField thresholdField;
    @FXML private TextField metadataField;
    @FXML private TextField pointsField;
    @FXML private CheckBox repeatableField;
    @FXML private ComboBox<AchievementFormViewModel.Choice> repeatPeriodField;
    @FXML private TextField moduleField;
    @FXML private TextField iconField;
    @FXML private TextField sortField;
    @FXML private Label keyMessage;
    @FXML private Label nameMessage;
    @FXML private Label nameNbMessage;
    @FXML private Label descriptionMessage;
    @FXML private Label categoryMessage;
    @FXML private Label triggerMessage;
    @FXML private Label thresholdMessage;
    @FXML private Label metadataMessage;
    @FXML private Label pointsMessage;
    @FXML private Label repeatMessage;
    @FXML private Label moduleMessage;
    @FXML private Label iconMessage;
    @FXML private Label sortMessage;
    @FXML private Label ownerMessage;
    @FXML private Button saveButton;
    @FXML private Button revertButton;
    @FXML private Button activeButton;
    @FXML private Circle iconCircle;
    @FXML private Label iconInitials;
    @FXML private ImageView iconImage;
    @FXML private Label iconNote;
    @FXML private ProgressIndicator previewBusy;
    @FXML private Label previewText;
    @FXML private Label previewSample;
    @FXML private Label modulesText;
    @FXML private Label awardsText;
    @FXML private VBox manualBox;
    @FXML private ComboBox<org.impactdesk.domain.MentorChoice> awardTo;
    @FXML private Button awardButton;
    @FXML private VBox formPane;
    @FXML private VBox sidePane;

    /** Below this width the side cards (icon, who would earn it, modules, awards) stack under the form. */
    public static final double STACK_SIDE_PANE_BELOW = 1100;

    private boolean syncingSelection;

    public AchievementsView(AchievementsViewModel viewModel) {
        this.viewModel = viewModel;
        this.listModel = viewModel.list();
        this.formModel = viewModel.form();
        this.awardsModel = viewModel.awards();
    }

    public AchievementsViewModel viewModel() {
        return viewModel;
    }

    /** The catalog search field (for the shell's search shortcut). */
    public TextField searchField() {
        return searchField;
    }

    @FXML
    private void initialize() {
        // a narrow window (1024x700) stacks the side cards under the form instead of crushing the form between panels
        root.widthProperty().addListener((obs, old, width) -> placeSidePane(width.doubleValue()));
        Loading.busy(busyIndicator, viewModel.busyProperty());
        shown(statusLabel, viewModel.statusProperty());
        // the error line keeps its place (reserved in achievements.css): the form does not jump when it appears
        errorLabel.textProperty().bind(viewModel.errorProperty());
        errorLabel.visibleProperty().bind(errorLabel.textProperty().isNotEmpty());
        shown(undoLabel, viewModel.undoTextProperty());
        tenantPicker.setItems(listModel.tenants());
        tenantPicker.valueProperty().bindBidirectional(listModel.tenantProperty());
        tenantPicker.disableProperty().bind(javafx.beans.binding.Bindings.size(listModel.tenants()).lessThan(2));
        searchField.textProperty().bindBidirectional(listModel.searchProperty());

        catalogList.setItems(listModel.entries());
        catalogList.setCellFactory(list -> new EntryCell());
        catalogList.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (syncingSelection || now == null) {
                return;
            }
            if (now.isHeader()) {
                syncSelection(); // headings are not selectable: keep the current badge
            } else if (listModel.selectedProperty().get() == null || !now.badge().equals(listModel.selectedProperty().get())) {
                listModel.select(now.badge());
            }
        });
        listModel.selectedProperty().addListener((obs, old, now) -> syncSelection());
        listModel.entries().addListener((javafx.collections.ListChangeListener<Entry>) c -> syncSelection());
        catalogList.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isAltDown() && e.getCode() == KeyCode.UP) {
                listModel.moveUp();
                e.consume();
            } else if (e.isAltDown() && e.getCode() == KeyCode.DOWN) {
                listModel.moveDown();
                e.consume();
            }
        });
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.Z && !(e.getTarget() instanceof TextInputControl)) {
                viewModel.undo();
                e.consume();
            } else if (e.isShortcutDown() && e.getCode() == KeyCode.S) {
                formModel.save();
                e.consume();
            } else if (e.isShortcutDown() && e.getCode() == KeyCode.N) {
                formModel.newBadge();
                e.consume();
            }
        });

        duplicateButton.disableProperty().bind(listModel.selectedProperty().isNull().or(viewModel.busyProperty()));
        upButton.disableProperty().bind(listModel.canReorderProperty().not());
        downButton.disableProperty().bind(listModel.canReorderProperty().not());
        undoButton.disableProperty().bind(viewModel.lastChangeProperty().isNull().or(viewModel.busyProperty()));
        newButton.disableProperty().bind(viewModel.busyProperty());

        formTitle.textProperty().bind(formModel.formTitleProperty());
        ownerLabel.textProperty().bind(formModel.ownerProperty());
        shown(readOnlyLabel, formModel.readOnlyReasonProperty());

        keyField.textProperty().bindBidirectional(formModel.keyProperty());
        nameField.textProperty().bindBidirectional(formModel.nameProperty());
        nameNbField.textProperty().bindBidirectional(formModel.nameNbProperty());
        descriptionField.textProperty().bindBidirectional(formModel.descriptionProperty());
        thresholdField.textProperty().bindBidirectional(formModel.thresholdProperty());
        metadataField.textProperty().bindBidirectional(formModel.metadataProperty());
        pointsField.textProperty().bindBidirectional(formModel.pointsProperty());
        moduleField.textProperty().bindBidirectional(formModel.requiresModuleProperty());
        iconField.textProperty().bindBidirectional(formModel.iconUrlProperty());
        sortField.textProperty().bindBidirectional(formModel.sortOrderProperty());
        categoryField.setItems(formModel.categories());
        categoryField.valueProperty().bindBidirectional(formModel.categoryProperty());
        triggerField.setItems(formModel.triggerTypes());
        triggerField.valueProperty().bindBidirectional(formModel.triggerTypeProperty());
        repeatPeriodField.setItems(formModel.repeatPeriods());
        repeatPeriodField.valueProperty().bindBidirectional(formModel.repeatPeriodProperty());
        repeatableField.selectedProperty().bindBidirectional(formModel.repeatableProperty());
        for (TextInputControl t : List.of(keyField, nameField, nameNbField, descriptionField, thresholdField, metadataField, pointsField,
                moduleField, iconField, sortField)) {
            t.editableProperty().bind(formModel.readOnlyProperty().not());
        }
        for (javafx.scene.control.Control c : List.<javafx.scene.control.Control>of(categoryField, triggerField,
                repeatPeriodField, repeatableField)) {
            c.disableProperty().bind(formModel.readOnlyProperty());
        }
        Map<Field, Label> messages = Map.ofEntries(Map.entry(Field.KEY, keyMessage), Map.entry(Field.NAME, nameMessage),
                Map.entry(Field.NAME_NB, nameNbMessage),
                Map.entry(Field.DESCRIPTION, descriptionMessage), Map.entry(Field.CATEGORY, categoryMessage),
                Map.entry(Field.TRIGGER_TYPE, triggerMessage), Map.entry(Field.THRESHOLD, thresholdMessage),
                Map.entry(Field.METADATA, metadataMessage), Map.entry(Field.POINTS, pointsMessage),
                Map.entry(Field.REPEAT_PERIOD, repeatMessage), Map.entry(Field.REQUIRES_MODULE, moduleMessage),
                Map.entry(Field.ICON_URL, iconMessage), Map.entry(Field.SORT_ORDER, sortMessage),
                Map.entry(Field.OWNER, ownerMessage));
        Map<Field, javafx.scene.Node> inputs = Map.ofEntries(Map.entry(Field.KEY, keyField), Map.entry(Field.NAME, nameField),
                Map.entry(Field.NAME_NB, nameNbField),
                Map.entry(Field.DESCRIPTION, descriptionField), Map.entry(Field.CATEGORY, categoryField),
                Map.entry(Field.TRIGGER_TYPE, triggerField), Map.entry(Field.THRESHOLD, thresholdField),
                Map.entry(Field.METADATA, metadataField), Map.entry(Field.POINTS, pointsField),
                Map.entry(Field.REPEAT_PERIOD, repeatPeriodField), Map.entry(Field.REQUIRES_MODULE, moduleField),
                Map.entry(Field.ICON_URL, iconField), Map.entry(Field.SORT_ORDER, sortField));
        messages.forEach((field, label) -> {
            // two lines are reserved for every message (achievements.css); the tooltip has a longer one whole
            label.textProperty().bind(formModel.messageProperty(field));
            label.visibleProperty().bind(formModel.messageProperty(field).isNotEmpty());
            label.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
            javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();
            whole.textProperty().bind(formModel.messageProperty(field));
            label.setTooltip(whole);
            javafx.scene.Node input = inputs.get(field);
            formModel.severityProperty(field).addListener((obs, old, now) -> decorate(label, input, now));
            decorate(label, input, formModel.severityProperty(field).get());
        });
        // read-only: the banner says why, the owner error beside the buttons would only repeat it
        ownerMessage.visibleProperty().unbind();
        ownerMessage.visibleProperty().bind(formModel.messageProperty(Field.OWNER).isNotEmpty()
                .and(formModel.readOnlyProperty().not()));
        // its place stays reserved too: Save and Revert do not move as it comes and goes

        saveButton.disableProperty().bind(formModel.canSaveProperty().not());
        revertButton.disableProperty().bind(formModel.readOnlyProperty().or(viewModel.busyProperty()));
        activeButton.textProperty().bind(formModel.activeToggleTextProperty());
        activeButton.disableProperty().bind(listModel.selectedProperty().isNull().or(formModel.readOnlyProperty())
                .or(viewModel.busyProperty()));

        iconInitials.textProperty().bind(formModel.iconInitialsProperty());
        iconNote.textProperty().bind(formModel.iconNoteProperty());
        formModel.iconAssetProperty().addListener((obs, old, now) -> showIcon(now));
        showIcon(formModel.iconAssetProperty().get());

        Loading.busy(previewBusy, awardsModel.previewBusyProperty());
        previewText.textProperty().bind(awardsModel.previewTextProperty());
        shown(previewSample, awardsModel.previewSampleProperty());
        modulesText.textProperty().bind(formModel.modulesTextProperty());
        awardsText.textProperty().bind(awardsModel.awardsTextProperty());
        manualBox.visibleProperty().bind(awardsModel.manualAwardShownProperty());
        manualBox.managedProperty().bind(manualBox.visibleProperty());
        awardTo.setItems(awardsModel.mentors());
        awardTo.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(org.impactdesk.domain.MentorChoice m) {
                return awardsModel.label(m);
            }

            @Override
            public org.impactdesk.domain.MentorChoice fromString(String s) {
                return null;
            }
        });
        awardTo.valueProperty().bindBidirectional(awardsModel.awardToProperty());
        org.impactdesk.ui.fx.TypeAhead.install(awardTo, awardsModel.locale(), awardsModel.typeAheadHint());
        awardButton.disableProperty().bind(awardsModel.canAwardProperty().not());
    }

    private static void shown(Label label, ObservableValue<String> text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    private static void decorate(Label label, javafx.scene.Node input, Severity s) {
        label.getStyleClass().removeAll(ERROR, WARNING);
        if (input != null) {
            input.getStyleClass().removeAll(ERROR, WARNING);
        }
        if (s != null) {
            String c = s == Severity.ERROR ? ERROR : WARNING;
            label.getStyleClass().add(c);
            if (input != null) {
                input.getStyleClass().add(c);
            }
        }
    }

    private void showIcon(String asset) {
        Image image = null;
        if (asset != null) {
            var url = AchievementsView.class.getResource(asset);
            if (url != null) {
                image = new Image(url.toExternalForm(), 68, 68, true, true);
            }
        }
        iconImage.setImage(image);
        iconImage.setVisible(image != null);
        iconCircle.setVisible(image == null);
        iconInitials.setVisible(image == null);
    }

    private void syncSelection() {
        Achievement sel = listModel.selectedProperty().get();
        syncingSelection = true;
        try {
            if (sel == null) {
                catalogList.getSelectionModel().clearSelection();
                return;
            }
            for (int i = 0; i < listModel.entries().size(); i++) {
                Entry e = listModel.entries().get(i);
                if (!e.isHeader() && e.badge().id().equals(sel.id())) {
                    if (catalogList.getSelectionModel().getSelectedIndex() != i) {
                        catalogList.getSelectionModel().select(i);
                        catalogList.scrollTo(Math.max(0, i - 3));
                    }
                    return;
                }
            }
            catalogList.getSelectionModel().clearSelection();
        } finally {
            syncingSelection = false;
        }
    }

    private void placeSidePane(double width) {
        boolean stack = width > 0 && width < STACK_SIDE_PANE_BELOW;
        if (stack == (root.getRight() == null)) {
            return;
        }
        if (stack) {
            root.setRight(null);
            formPane.getChildren().add(sidePane);
        } else {
            formPane.getChildren().remove(sidePane);
            root.setRight(sidePane);
        }
    }

    @FXML private void newBadge() { formModel.newBadge(); keyField.requestFocus(); }
    @FXML private void duplicate() { formModel.duplicate(); keyField.requestFocus(); }
    @FXML private void moveUp() { listModel.moveUp(); }
    @FXML private void moveDown() { listModel.moveDown(); }
    @FXML private void undo() { viewModel.undo(); }
    @FXML private void save() { formModel.save(); }
    @FXML private void revert() { formModel.revert(); }
    @FXML private void toggleActive() { formModel.toggleActive(); }
    @FXML private void refreshPreview() { awardsModel.refreshPreview(); }
    @FXML private void award() { awardsModel.award(); }

    /** A heading or a badge with its placeholder icon; badges drag within their category. */
    private final class EntryCell extends ListCell<Entry> {
        EntryCell() {
            setOnDragDetected(e -> {
                Entry entry = getItem();
                if (entry == null || entry.isHeader() || !entry.editable()) {
                    return;
                }
                var board = startDragAndDrop(TransferMode.MOVE);
                ClipboardContent content = new ClipboardContent();
                content.put(BADGE_ID, entry.badge().id().toString());
                board.setContent(content);
                e.consume();
            });
            setOnDragOver(e -> {
                if (accepts(e.getDragboard())) {
                    e.acceptTransferModes(TransferMode.MOVE);
                }
                e.consume();
            });
            setOnDragEntered(e -> {
                if (accepts(e.getDragboard())) {
                    getStyleClass().add(DROP_TARGET);
                }
            });
            setOnDragExited(e -> getStyleClass().remove(DROP_TARGET));
            setOnDragDropped(e -> {
                boolean done = false;
                if (accepts(e.getDragboard())) {
                    UUID id = UUID.fromString((String) e.getDragboard().getContent(BADGE_ID));
                    listModel.moveTo(id, listModel.categoryIndex(getItem().badge()));
                    done = true;
                }
                e.setDropCompleted(done);
                e.consume();
            });
        }

        private boolean accepts(javafx.scene.input.Dragboard board) {
            Entry target = getItem();
            if (target == null || target.isHeader() || !board.hasContent(BADGE_ID)) {
                return false;
            }
            UUID id = UUID.fromString((String) board.getContent(BADGE_ID));
            Achievement dragged = viewModel.catalogProperty().get() == null ? null
                    : viewModel.catalogProperty().get().badge(id).orElse(null);
            return listModel.canDrop(dragged, target.badge());
        }

        /**
         * As high as the badge's wrapped name and detail need at the cell's width (the skin asks its
         * graphic for its height without a width, which is one line of each).
         */
        @Override
        protected double computePrefHeight(double width) {
            javafx.scene.Node graphic = getGraphic();
            double w = width > 0 ? width : getWidth();
            if (graphic == null || getText() != null || w <= 0) {
                return super.computePrefHeight(width);
            }
            double inner = w - snappedLeftInset() - snappedRightInset();
            return Math.max(super.computePrefHeight(width),
                    snappedTopInset() + graphic.prefHeight(inner) + snappedBottomInset());
        }

        @Override
        protected void updateItem(Entry item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll(HEADER, BADGE, INACTIVE, READ_ONLY);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            if (item.isHeader()) {
                setTooltip(null);
                getStyleClass().add(HEADER);
                setText(item.title());
                setGraphic(null);
                return;
            }
            getStyleClass().add(BADGE);
            if (!item.badge().active()) {
                getStyleClass().add(INACTIVE);
            }
            if (!item.editable()) {
                getStyleClass().add(READ_ONLY);
            }
            Circle dot = new Circle(14);
            dot.getStyleClass().add("badge-circle");
            Label initials = new Label(BadgeHints.initials(item.badge().name()));
            initials.getStyleClass().add("badge-initials-small");
            StackPane icon = new StackPane(dot, initials);
            String asset = item.badge().iconUrl();
            if (asset != null && asset.startsWith("badges/") && asset.endsWith(".png")) {
                var url = AchievementsView.class.getResource("/" + asset);
                if (url != null) {
                    ImageView view = new ImageView(new Image(url.toExternalForm(), 28, 28, true, true));
                    icon = new StackPane(view);
                }
            }
            icon.setMinSize(30, 30);
            Label title = new Label(item.title());
            title.getStyleClass().add("badge-name");
            Label detail = new Label(item.detail());
            detail.getStyleClass().add("badge-detail");
            // the name and the detail line wrap within the list's width (they ended in "..." at 1024x700)
            title.setWrapText(true);
            detail.setWrapText(true);
            title.setMinWidth(0);
            detail.setMinWidth(0);
            title.setMinHeight(Region.USE_PREF_SIZE);
            detail.setMinHeight(Region.USE_PREF_SIZE);
            VBox text = new VBox(1, title, detail);
            text.setMinWidth(0);
            HBox.setHgrow(text, javafx.scene.layout.Priority.ALWAYS);
            HBox box = new HBox(8, icon, text);
            box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            box.setMinWidth(0);
            box.setPrefWidth(0); // fit the list's width, never widen it: the texts wrap instead
            setTooltip(new javafx.scene.control.Tooltip(item.title() + "\n" + item.detail()));
            setText(null);
            setGraphic(box);
        }
    }
}
