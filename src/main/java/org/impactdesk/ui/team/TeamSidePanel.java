package org.impactdesk.ui.team;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.impactdesk.domain.TeamLine;
import org.impactdesk.ui.team.TeamSidePanelViewModel.NoteItem;
import org.impactdesk.ui.team.TeamSidePanelViewModel.RecentPeriod;

/**
 * The Team side panel's thin controller ({@code TeamSidePanel.fxml}): binds the panel to its
 * {@link TeamSidePanelViewModel}; shown beside the table while a mentor is selected.
 */
public final class TeamSidePanel {
    public static final String FXML = "/fxml/team/TeamSidePanel.fxml";
    public static final String NOTE = "panel-note";
    public static final String NOTE_CURRENT = "current";

    private final TeamSidePanelViewModel viewModel;

    @FXML private ScrollPane root;
    @FXML private Label titleLabel;
    @FXML private Button closeButton;
    @FXML private StackPane sparkHolder;
    @FXML private Label trendLabel;
    @FXML private Label ruleLabel;
    @FXML private Label spreadLabel;
    @FXML private Label profileLabel;
    @FXML private VBox recentBox;
    @FXML private VBox editorBox;
    @FXML private Label editorTitle;
    @FXML private DatePicker datePicker;
    @FXML private TextArea noteArea;
    @FXML private Label draftErrorLabel;
    @FXML private Button saveButton;
    @FXML private Button deleteButton;
    @FXML private Label readOnlyLabel;
    @FXML private Label messageLabel;
    @FXML private VBox notesBox;

    public TeamSidePanel(TeamSidePanelViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public TeamSidePanelViewModel viewModel() {
        return viewModel;
    }

    /** Where a larger sparkline of the selected mentor goes (empty without one). */
    public StackPane sparklineHolder() {
        return sparkHolder;
    }

    @FXML
    private void initialize() {
        root.visibleProperty().bind(viewModel.openProperty());
        root.managedProperty().bind(viewModel.openProperty());
        titleLabel.textProperty().bind(viewModel.titleProperty());
        ruleLabel.textProperty().bind(viewModel.ruleProperty());
        trendLabel.textProperty().bind(viewModel.trendProperty());
        Canvas big = new Canvas(288, 48);
        sparkHolder.getChildren().add(big);
        Runnable redraw = () -> {
            int[] v = viewModel.sparkline(viewModel.selected());
            big.setVisible(v != null);
            if (v != null) {
                SparklineCell.paint(big.getGraphicsContext2D(), v, viewModel.highlighted(),
                        ruleLabel.getTextFill() instanceof Color c ? c : Color.GRAY, big.getWidth(), big.getHeight());
            }
        };
        viewModel.trendProperty().addListener((obs, old, now) -> redraw.run());
        ruleLabel.textFillProperty().addListener((obs, old, now) -> redraw.run());
        spreadLabel.textProperty().bind(viewModel.spreadProperty());
        profileLabel.textProperty().bind(viewModel.profileProperty());
        editorTitle.textProperty().bind(viewModel.editorTitleProperty());
        datePicker.setConverter(viewModel.dateConverter());
        datePicker.setPromptText(viewModel.datePrompt());
        calendarInLanguage(datePicker, viewModel.format().locale());
        datePicker.valueProperty().bindBidirectional(viewModel.draftDateProperty());
        noteArea.textProperty().bindBidirectional(viewModel.draftNoteProperty());
        draftErrorLabel.textProperty().bind(viewModel.draftErrorProperty());
        draftErrorLabel.visibleProperty().bind(viewModel.draftErrorProperty().isNotEmpty());
        draftErrorLabel.managedProperty().bind(draftErrorLabel.visibleProperty());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        messageLabel.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        messageLabel.managedProperty().bind(messageLabel.visibleProperty());
        saveButton.disableProperty().bind(viewModel.canSaveProperty().not());
        deleteButton.disableProperty().bind(viewModel.canDeleteProperty().not());
        editorBox.visibleProperty().bind(viewModel.canFollowUpProperty());
        editorBox.managedProperty().bind(viewModel.canFollowUpProperty());
        readOnlyLabel.visibleProperty().bind(viewModel.canFollowUpProperty().not());
        readOnlyLabel.managedProperty().bind(readOnlyLabel.visibleProperty());
        viewModel.recentPeriods().addListener((ListChangeListener<RecentPeriod>) c -> fillRecent());
        viewModel.notes().addListener((ListChangeListener<NoteItem>) c -> fillNotes());
        fillRecent();
        fillNotes();
    }

    /**
     * The date picker's calendar names months and weekdays, and starts weeks, by the JVM's default
     * format locale, read while it is shown: that locale is the window's language for as long as the
     * calendar is open (on the FX thread), and what it was before once it closes.
     */
    static void calendarInLanguage(DatePicker picker, java.util.Locale language) {
        java.util.Locale[] before = new java.util.Locale[1];
        picker.addEventHandler(javafx.scene.control.ComboBoxBase.ON_SHOWING, e -> {
            before[0] = java.util.Locale.getDefault(java.util.Locale.Category.FORMAT);
            java.util.Locale.setDefault(java.util.Locale.Category.FORMAT, language);
        });
        picker.addEventHandler(javafx.scene.control.ComboBoxBase.ON_HIDDEN, e -> {
            if (before[0] != null) {
                java.util.Locale.setDefault(java.util.Locale.Category.FORMAT, before[0]);
                before[0] = null;
            }
        });
    }

    private void fillRecent() {
        recentBox.getChildren().clear();
        for (RecentPeriod r : viewModel.recentPeriods()) {
            Label period = new Label(r.period());
            period.setMinWidth(76);
            Label sessions = new Label(r.sessions());
            sessions.setMinWidth(86);
            Label status = new Label(r.status());
            HBox row = new HBox(8, period, sessions, status);
            row.getStyleClass().add("panel-recent-row");
            if (!r.shown()) {
                row.getStyleClass().add("muted");
            }
            recentBox.getChildren().add(row);
        }
    }

    private void fillNotes() {
        notesBox.getChildren().clear();
        if (viewModel.notes().isEmpty() && viewModel.canFollowUpProperty().get()) {
            Label none = new Label(viewModel.format().text("team.panel.notes.none"));
            none.setWrapText(true);
            none.getStyleClass().add("muted");
            notesBox.getChildren().add(none);
            return;
        }
        for (NoteItem n : viewModel.notes()) {
            Label heading = new Label(n.heading());
            heading.getStyleClass().add("panel-note-heading");
            VBox box = new VBox(2, heading);
            if (!n.note().isEmpty()) {
                Label text = new Label(n.note());
                text.setWrapText(true);
                box.getChildren().add(text);
            }
            Label outcome = new Label(n.outcome());
            outcome.setWrapText(true);
            outcome.getStyleClass().add("panel-note-outcome");
            box.getChildren().add(outcome);
            box.getStyleClass().add(NOTE);
            if (n.current()) {
                box.getStyleClass().add(NOTE_CURRENT);
            }
            notesBox.getChildren().add(box);
        }
    }

    @FXML
    private void save() {
        viewModel.save();
    }

    @FXML
    private void delete() {
        viewModel.delete();
    }

    @FXML
    private void close() {
        viewModel.close();
    }

    /** The table's follow-up column: this period's mark, or the one carried from the period before. */
    public static TableColumn<TeamLine, TeamLine> markColumn(TeamSidePanelViewModel vm) {
        TableColumn<TeamLine, TeamLine> column = new TableColumn<>(vm.format().text("team.column.followUp"));
        column.setId("colFollowUp");
        column.setPrefWidth(150);
        column.setMinWidth(90);
        column.setSortable(false);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> new MarkCell(vm));
        return column;
    }

    /** A follow-up mark; new marks (a save, another period) update the cell in place, no table refresh. */
    private static final class MarkCell extends TableCell<TeamLine, TeamLine> {
        private final TeamSidePanelViewModel vm;
        private final javafx.beans.value.ChangeListener<Object> marksChanged = (obs, old, now) -> show();

        MarkCell(TeamSidePanelViewModel vm) {
            this.vm = vm;
            vm.marksVersionProperty().addListener(new javafx.beans.value.WeakChangeListener<>(marksChanged));
        }

        @Override
        protected void updateItem(TeamLine item, boolean empty) {
            super.updateItem(item, empty);
            show();
        }

        private void show() {
            TeamLine item = getItem();
            boolean none = isEmpty() || item == null;
            setText(none ? null : vm.markText(item));
            // a style class changed makes the cell's CSS be applied again: only when the mark's kind changes
            boolean now = !none && vm.markNow(item).isPresent();
            if (now != getStyleClass().contains("follow-up-now")) {
                if (now) {
                    getStyleClass().add("follow-up-now");
                } else {
                    getStyleClass().remove("follow-up-now");
                }
            }
        }
    }
}
