package org.impactdesk.ui.sync;

import java.io.File;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.impactdesk.ui.fx.Loading;
import org.impactdesk.ui.fx.ColumnFit;
import org.impactdesk.ui.sync.SyncViewModel.ErrorRow;
import org.impactdesk.ui.sync.SyncViewModel.FileRow;
import org.impactdesk.ui.sync.SyncViewModel.HistoryRow;
import org.impactdesk.ui.sync.SyncViewModel.Tone;

/** The Sync screen's thin controller: binds {@code SyncView.fxml} to its {@link SyncViewModel}, and takes drops. */
public final class SyncView {
    public static final String FXML = "/fxml/sync/SyncView.fxml";
    private static final String DRAG_OVER = "drag-over";

    private final SyncViewModel viewModel;

    @FXML private BorderPane root;
    @FXML private StackPane dropZone;
    @FXML private Button chooseFileButton;
    @FXML private Button chooseFolderButton;
    @FXML private Label bundleLabel;
    @FXML private Label messageLabel;
    @FXML private HBox progressBox;
    @FXML private ProgressBar progressBar;
    @FXML private Label progressLabel;
    @FXML private Button cancelImportButton;
    @FXML private Label summaryLabel;
    @FXML private TextArea notesArea;
    @FXML private TableView<FileRow> filesTable;
    @FXML private TableColumn<FileRow, String> fileColumn;
    @FXML private TableColumn<FileRow, String> rowsColumn;
    @FXML private TableColumn<FileRow, String> errorRowsColumn;
    @FXML private TableColumn<FileRow, String> skippedRowsColumn;
    @FXML private TableView<ErrorRow> errorsTable;
    @FXML private TableColumn<ErrorRow, String> errorFileColumn;
    @FXML private TableColumn<ErrorRow, String> lineColumn;
    @FXML private TableColumn<ErrorRow, String> columnColumn;
    @FXML private TableColumn<ErrorRow, String> messageColumn;
    @FXML private Label blockedLabel;
    @FXML private Label errorDetailLabel;
    /** The bundle FXMLLoader was given. */
    @FXML private java.util.ResourceBundle resources;
    @FXML private Button importAllButton;
    @FXML private Button importValidButton;
    @FXML private Button discardButton;
    @FXML private TableView<HistoryRow> historyTable;
    @FXML private TableColumn<HistoryRow, String> timeColumn;
    @FXML private TableColumn<HistoryRow, String> historyFileColumn;
    @FXML private TableColumn<HistoryRow, String> whoColumn;
    @FXML private TableColumn<HistoryRow, String> outcomeColumn;
    @FXML private TableColumn<HistoryRow, String> countsColumn;

    public SyncView(SyncViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public SyncViewModel viewModel() {
        return viewModel;
    }

    @FXML
    private void initialize() {
        bundleLabel.textProperty().bind(viewModel.bundleTextProperty());
        chooseFileButton.disableProperty().bind(viewModel.canChooseProperty().not());
        chooseFolderButton.disableProperty().bind(viewModel.canChooseProperty().not());

        messageLabel.textProperty().bind(viewModel.messageProperty());
        viewModel.toneProperty().addListener((obs, old, now) -> tone(now));
        tone(viewModel.toneProperty().get());

        Loading.shownWhile(progressBox, viewModel.workingProperty());
        progressBar.progressProperty().bind(viewModel.progressProperty());
        progressLabel.textProperty().bind(viewModel.progressMessageProperty());
        cancelImportButton.visibleProperty().bind(viewModel.cancellableProperty());

        summaryLabel.textProperty().bind(viewModel.previewSummaryProperty());
        Loading.text(notesArea, viewModel.previewNotesProperty());
        column(fileColumn, FileRow::file);
        column(rowsColumn, FileRow::rows);
        column(errorRowsColumn, FileRow::errorRows);
        column(skippedRowsColumn, FileRow::skippedRows);
        filesTable.setItems(viewModel.files());
        ColumnFit.toContent(filesTable);
        column(errorFileColumn, ErrorRow::file);
        column(lineColumn, ErrorRow::line);
        column(columnColumn, ErrorRow::column);
        column(messageColumn, ErrorRow::message);
        // a long reason is cut at the column's edge: the selected error is said in full under the table
        Loading.shownWhile(errorDetailLabel, Bindings.isNotEmpty(viewModel.errors()));
        errorDetailLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            ErrorRow selected = errorsTable.getSelectionModel().getSelectedItem();
            return selected == null ? resources.getString("sync.errors.detail.hint") : selected.message();
        }, errorsTable.getSelectionModel().selectedItemProperty()));
        // a new preview's first error is said in full until another is picked
        // (after the table's own handling of the change, which would clear a selection made now)
        viewModel.errors().addListener((javafx.collections.ListChangeListener<ErrorRow>) c -> javafx.application.Platform.runLater(() -> {
            if (!viewModel.errors().isEmpty() && errorsTable.getSelectionModel().isEmpty()) {
                errorsTable.getSelectionModel().selectFirst();
            }
        }));
        errorsTable.setItems(viewModel.errors());
        // file, line and column whole, and every header; the message takes the rest (the chosen
        // error's message is also shown whole below the table)
        ColumnFit.toContent(errorsTable, List.of(messageColumn));

        Loading.text(blockedLabel, viewModel.importAllExplanationProperty());
        importAllButton.disableProperty().bind(viewModel.canImportAllProperty().not());
        importValidButton.disableProperty().bind(viewModel.canImportValidProperty().not());
        discardButton.disableProperty().bind(viewModel.canDiscardProperty().not());

        column(timeColumn, HistoryRow::time);
        column(historyFileColumn, HistoryRow::file);
        column(whoColumn, HistoryRow::who);
        column(outcomeColumn, HistoryRow::outcome);
        column(countsColumn, HistoryRow::counts);
        historyTable.setItems(viewModel.history());
        // time, file, who and outcome whole; the counts (only those that are not zero) take the rest
        ColumnFit.toContent(historyTable, List.of(countsColumn));

        root.setOnDragOver(this::dragOver);
        root.setOnDragExited(e -> dropZone.getStyleClass().remove(DRAG_OVER));
        root.setOnDragDropped(this::dropped);
    }

    private void tone(Tone tone) {
        messageLabel.getStyleClass().removeAll("neutral", "success", "warning", "error");
        messageLabel.getStyleClass().add(tone.name().toLowerCase(java.util.Locale.ROOT));
    }

    private void dragOver(DragEvent event) {
        Dragboard board = event.getDragboard();
        if (board.hasFiles() && board.getFiles().size() == 1 && viewModel.canChooseProperty().get()) {
            event.acceptTransferModes(TransferMode.COPY);
            if (!dropZone.getStyleClass().contains(DRAG_OVER)) {
                dropZone.getStyleClass().add(DRAG_OVER);
            }
        }
        event.consume();
    }

    private void dropped(DragEvent event) {
        List<File> dropped = event.getDragboard().hasFiles() ? event.getDragboard().getFiles() : List.of();
        boolean taken = dropped.size() == 1;
        if (taken) {
            viewModel.choose(dropped.get(0).toPath());
        }
        dropZone.getStyleClass().remove(DRAG_OVER);
        event.setDropCompleted(taken);
        event.consume();
    }

    private static <R> void column(TableColumn<R, String> column, Function<R, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    }

    @FXML
    private void chooseFile() {
        viewModel.chooseFile();
    }

    @FXML
    private void chooseFolder() {
        viewModel.chooseFolder();
    }

    @FXML
    private void importAll() {
        viewModel.importAll();
    }

    @FXML
    private void importValid() {
        viewModel.importValidOnly();
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }
}
