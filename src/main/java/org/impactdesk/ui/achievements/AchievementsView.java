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
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.impactdesk.achievement.Achievement;
import org.impactdesk.achievement.Problem.Field;
import org.impactdesk.achievement.Problem.Severity;
import org.impactdesk.ui.achievements.AchievementsViewModel.Entry;

/**
 * The Achievements screen's thin controller: binds {@code AchievementsView.fxml} to its
 * {@link AchievementsViewModel}; list cells with drag and drop, Alt+Up/Down to reorder,
 * Ctrl+S to save, Ctrl+Z to undo.
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

    @FXML private BorderPane root;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label statusLabel;
    @FXML private Label errorLabel;
    @FXML private ComboBox<AchievementsViewModel.Tenant> tenantPicker;
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
    @FXML private TextArea descriptionField;
    @FXML private ComboBox<AchievementsViewModel.Choice> categoryField;
    @FXML private ComboBox<AchievementsViewModel.Choice> triggerField;
    @FXML private TextField thresholdField;
    @FXML private TextField metadataField;
    @FXML private TextField pointsField;
    @FXML private CheckBox repeatableField;
    @FXML private ComboBox<AchievementsViewModel.Choice> repeatPeriodField;
    @FXML private TextField moduleField;
    @FXML private TextField iconField;
    @FXML private TextField sortField;
    @FXML private Label keyMessage;
    @FXML private Label nameMessage;
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
    @FXML private ComboBox<org.impactdesk.achievement.MentorChoice> awardTo;
    @FXML private Button awardButton;

    private boolean syncingSelection;

    public AchievementsView(AchievementsViewModel viewModel) {
        this.viewModel = viewModel;
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
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        shown(statusLabel, viewModel.statusProperty());
        shown(errorLabel, viewModel.errorProperty());
        shown(undoLabel, viewModel.undoTextProperty());
        tenantPicker.setItems(viewModel.tenants());
        tenantPicker.valueProperty().bindBidirectional(viewModel.tenantProperty());
        tenantPicker.disableProperty().bind(javafx.beans.binding.Bindings.size(viewModel.tenants()).lessThan(2));
        searchField.textProperty().bindBidirectional(viewModel.searchProperty());

        catalogList.setItems(viewModel.entries());
        catalogList.setCellFactory(list -> new EntryCell());
        catalogList.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (syncingSelection || now == null) {
                return;
            }
            if (now.isHeader()) {
                syncSelection(); // headings are not selectable: keep the current badge
            } else if (viewModel.selectedProperty().get() == null || !now.badge().equals(viewModel.selectedProperty().get())) {
                viewModel.select(now.badge());
            }
        });
        viewModel.selectedProperty().addListener((obs, old, now) -> syncSelection());
        viewModel.entries().addListener((javafx.collections.ListChangeListener<Entry>) c -> syncSelection());
        catalogList.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isAltDown() && e.getCode() == KeyCode.UP) {
                viewModel.moveUp();
                e.consume();
            } else if (e.isAltDown() && e.getCode() == KeyCode.DOWN) {
                viewModel.moveDown();
                e.consume();
            }
        });
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.Z && !(e.getTarget() instanceof TextInputControl)) {
                viewModel.undo();
                e.consume();
            } else if (e.isShortcutDown() && e.getCode() == KeyCode.S) {
                viewModel.save();
                e.consume();
            } else if (e.isShortcutDown() && e.getCode() == KeyCode.N) {
                viewModel.newBadge();
                e.consume();
            }
        });

        duplicateButton.disableProperty().bind(viewModel.selectedProperty().isNull().or(viewModel.busyProperty()));
        upButton.disableProperty().bind(viewModel.canReorderProperty().not());
        downButton.disableProperty().bind(viewModel.canReorderProperty().not());
        undoButton.disableProperty().bind(viewModel.lastChangeProperty().isNull().or(viewModel.busyProperty()));
        newButton.disableProperty().bind(viewModel.busyProperty());

        formTitle.textProperty().bind(viewModel.formTitleProperty());
        ownerLabel.textProperty().bind(viewModel.ownerProperty());
        shown(readOnlyLabel, viewModel.readOnlyReasonProperty());

        keyField.textProperty().bindBidirectional(viewModel.keyProperty());
        nameField.textProperty().bindBidirectional(viewModel.nameProperty());
        descriptionField.textProperty().bindBidirectional(viewModel.descriptionProperty());
        thresholdField.textProperty().bindBidirectional(viewModel.thresholdProperty());
        metadataField.textProperty().bindBidirectional(viewModel.metadataProperty());
        pointsField.textProperty().bindBidirectional(viewModel.pointsProperty());
        moduleField.textProperty().bindBidirectional(viewModel.requiresModuleProperty());
        iconField.textProperty().bindBidirectional(viewModel.iconUrlProperty());
        sortField.textProperty().bindBidirectional(viewModel.sortOrderProperty());
        categoryField.setItems(viewModel.categories());
        categoryField.valueProperty().bindBidirectional(viewModel.categoryProperty());
        triggerField.setItems(viewModel.triggerTypes());
        triggerField.valueProperty().bindBidirectional(viewModel.triggerTypeProperty());
        repeatPeriodField.setItems(viewModel.repeatPeriods());
        repeatPeriodField.valueProperty().bindBidirectional(viewModel.repeatPeriodProperty());
        repeatableField.selectedProperty().bindBidirectional(viewModel.repeatableProperty());
        for (TextInputControl t : List.of(keyField, nameField, descriptionField, thresholdField, metadataField, pointsField,
                moduleField, iconField, sortField)) {
            t.editableProperty().bind(viewModel.readOnlyProperty().not());
        }
        for (javafx.scene.control.Control c : List.<javafx.scene.control.Control>of(categoryField, triggerField,
                repeatPeriodField, repeatableField)) {
            c.disableProperty().bind(viewModel.readOnlyProperty());
        }
        Map<Field, Label> messages = Map.ofEntries(Map.entry(Field.KEY, keyMessage), Map.entry(Field.NAME, nameMessage),
                Map.entry(Field.DESCRIPTION, descriptionMessage), Map.entry(Field.CATEGORY, categoryMessage),
                Map.entry(Field.TRIGGER_TYPE, triggerMessage), Map.entry(Field.THRESHOLD, thresholdMessage),
                Map.entry(Field.METADATA, metadataMessage), Map.entry(Field.POINTS, pointsMessage),
                Map.entry(Field.REPEAT_PERIOD, repeatMessage), Map.entry(Field.REQUIRES_MODULE, moduleMessage),
                Map.entry(Field.ICON_URL, iconMessage), Map.entry(Field.SORT_ORDER, sortMessage),
                Map.entry(Field.OWNER, ownerMessage));
        Map<Field, javafx.scene.Node> inputs = Map.ofEntries(Map.entry(Field.KEY, keyField), Map.entry(Field.NAME, nameField),
                Map.entry(Field.DESCRIPTION, descriptionField), Map.entry(Field.CATEGORY, categoryField),
                Map.entry(Field.TRIGGER_TYPE, triggerField), Map.entry(Field.THRESHOLD, thresholdField),
                Map.entry(Field.METADATA, metadataField), Map.entry(Field.POINTS, pointsField),
                Map.entry(Field.REPEAT_PERIOD, repeatPeriodField), Map.entry(Field.REQUIRES_MODULE, moduleField),
                Map.entry(Field.ICON_URL, iconField), Map.entry(Field.SORT_ORDER, sortField));
        messages.forEach((field, label) -> {
            label.textProperty().bind(viewModel.messageProperty(field));
            label.visibleProperty().bind(viewModel.messageProperty(field).isNotEmpty());
            javafx.scene.Node input = inputs.get(field);
            viewModel.severityProperty(field).addListener((obs, old, now) -> decorate(label, input, now));
            decorate(label, input, viewModel.severityProperty(field).get());
        });
        // read-only: the banner says why, the owner error beside the buttons would only repeat it
        ownerMessage.visibleProperty().unbind();
        ownerMessage.visibleProperty().bind(viewModel.messageProperty(Field.OWNER).isNotEmpty()
                .and(viewModel.readOnlyProperty().not()));
        ownerMessage.managedProperty().bind(ownerMessage.visibleProperty());

        saveButton.disableProperty().bind(viewModel.canSaveProperty().not());
        revertButton.disableProperty().bind(viewModel.readOnlyProperty().or(viewModel.busyProperty()));
        activeButton.textProperty().bind(viewModel.activeToggleTextProperty());
        activeButton.disableProperty().bind(viewModel.selectedProperty().isNull().or(viewModel.readOnlyProperty())
                .or(viewModel.busyProperty()));

        iconInitials.textProperty().bind(viewModel.iconInitialsProperty());
        iconNote.textProperty().bind(viewModel.iconNoteProperty());
        viewModel.iconAssetProperty().addListener((obs, old, now) -> showIcon(now));
        showIcon(viewModel.iconAssetProperty().get());

        previewBusy.visibleProperty().bind(viewModel.previewBusyProperty());
        previewText.textProperty().bind(viewModel.previewTextProperty());
        shown(previewSample, viewModel.previewSampleProperty());
        modulesText.textProperty().bind(viewModel.modulesTextProperty());
        awardsText.textProperty().bind(viewModel.awardsTextProperty());
        manualBox.visibleProperty().bind(viewModel.manualAwardShownProperty());
        manualBox.managedProperty().bind(manualBox.visibleProperty());
        awardTo.setItems(viewModel.mentors());
        awardTo.valueProperty().bindBidirectional(viewModel.awardToProperty());
        awardButton.disableProperty().bind(viewModel.canAwardProperty().not());
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
        Achievement sel = viewModel.selectedProperty().get();
        syncingSelection = true;
        try {
            if (sel == null) {
                catalogList.getSelectionModel().clearSelection();
                return;
            }
            for (int i = 0; i < viewModel.entries().size(); i++) {
                Entry e = viewModel.entries().get(i);
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

    @FXML private void newBadge() { viewModel.newBadge(); keyField.requestFocus(); }
    @FXML private void duplicate() { viewModel.duplicate(); keyField.requestFocus(); }
    @FXML private void moveUp() { viewModel.moveUp(); }
    @FXML private void moveDown() { viewModel.moveDown(); }
    @FXML private void undo() { viewModel.undo(); }
    @FXML private void save() { viewModel.save(); }
    @FXML private void revert() { viewModel.revert(); }
    @FXML private void toggleActive() { viewModel.toggleActive(); }
    @FXML private void refreshPreview() { viewModel.refreshPreview(); }
    @FXML private void award() { viewModel.award(); }

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
                    viewModel.moveTo(id, viewModel.categoryIndex(getItem().badge()));
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
            return viewModel.canDrop(dragged, target.badge());
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
            Label initials = new Label(AchievementsViewModel.initials(item.badge().name()));
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
            title.setMinWidth(0);
            detail.setMinWidth(0);
            VBox text = new VBox(1, title, detail);
            text.setMinWidth(0);
            HBox.setHgrow(text, javafx.scene.layout.Priority.ALWAYS);
            HBox box = new HBox(8, icon, text);
            box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            box.setMinWidth(0);
            box.setPrefWidth(0); // fit the list's width: long details end in an ellipsis, the tooltip has all
            setTooltip(new javafx.scene.control.Tooltip(item.title() + "\n" + item.detail()));
            setText(null);
            setGraphic(box);
        }
    }
}
