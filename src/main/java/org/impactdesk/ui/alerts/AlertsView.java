package org.impactdesk.ui.alerts;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.impactdesk.domain.GenerationFailure;
import org.impactdesk.ui.alerts.AlertsViewModel.Row;
import org.impactdesk.ui.fx.Loading;

/**
 * The Alerts list: a table bound to {@link AlertsViewModel}, with Retry (and Close for an open alert)
 * per row, and the chosen row's whole error below it.
 */
public final class AlertsView {
    public static final String FXML = "/fxml/alerts/AlertsView.fxml";
    public static final String STATE_ALERT = "state-alert";
    public static final String STATE_RETRYING = "state-retrying";
    public static final String ROW_ACTIONS = "row-actions";

    private final AlertsViewModel viewModel;

    @FXML private BorderPane root;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Button retryAllButton;
    @FXML private Label noteLabel;
    @FXML private Label messageLabel;
    @FXML private Label detailLabel;
    @FXML private TableView<Row> table;
    @FXML private TableColumn<Row, Row> stateColumn;
    @FXML private TableColumn<Row, Row> mentorColumn;
    @FXML private TableColumn<Row, Row> summaryColumn;
    @FXML private TableColumn<Row, Row> errorColumn;
    @FXML private TableColumn<Row, Row> attemptsColumn;
    @FXML private TableColumn<Row, Row> nextRetryColumn;
    @FXML private TableColumn<Row, Row> actionsColumn;
    @FXML private java.util.ResourceBundle resources;

    public AlertsView(AlertsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        Loading.busy(busyIndicator, viewModel.busyProperty());
        noteLabel.textProperty().bind(viewModel.noteProperty());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        retryAllButton.disableProperty().bind(viewModel.canRetryAllProperty().not());
        table.setItems(viewModel.rows());
        // the columns share the width (the error column gives most), so the row's buttons stay in view:
        // their least widths add up to less than the table's at 1024x700, and the texts wrap to two lines
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        viewModel.selectedProperty().bind(table.getSelectionModel().selectedItemProperty());
        detailLabel.textProperty().bind(viewModel.detailProperty());
        detailLabel.managedProperty().bind(detailLabel.textProperty().isNotEmpty());
        detailLabel.visibleProperty().bind(detailLabel.managedProperty());
        text(stateColumn, Row::state);
        text(mentorColumn, Row::mentor);
        // the summary over its period: "Annual (Wrapped)" / "2025"
        text(summaryColumn, r -> r.summary() + "\n" + r.period());
        text(errorColumn, Row::error);
        text(attemptsColumn, Row::attempts);
        text(nextRetryColumn, Row::nextRetry);
        actionsColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        actionsColumn.setCellFactory(c -> new ActionsCell());
    }

    /** A text column; the state column is coloured by state, the error column shows the whole error as a tooltip. */
    private void text(TableColumn<Row, Row> column, Function<Row, String> text) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Row row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll(STATE_ALERT, STATE_RETRYING);
                if (empty || row == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                setText(text.apply(row));
                setWrapText(true);
                if (column == stateColumn) {
                    getStyleClass().add(row.failure().state() == GenerationFailure.State.ALERT ? STATE_ALERT : STATE_RETRYING);
                }
                setTooltip(column == errorColumn && !row.error().isEmpty() ? new Tooltip(row.error()) : null);
            }
        });
    }

    /**
     * Retry, and Close for an open alert: short words that fit the column at 1024x700, with the
     * whole action and its row as tooltip and as what a screen reader says.
     */
    private final class ActionsCell extends TableCell<Row, Row> {
        private final Button retry = new Button(resources.getString("alerts.retry.short"));
        private final Button close = new Button(resources.getString("alerts.close.short"));
        private final Tooltip retryTip = new Tooltip();
        private final Tooltip closeTip = new Tooltip();
        private final HBox box = new HBox(6, retry, close);

        ActionsCell() {
            box.getStyleClass().add(ROW_ACTIONS);
            retry.getStyleClass().add("alerts-retry");
            close.getStyleClass().add("alerts-close");
            retry.disableProperty().bind(viewModel.busyProperty());
            close.disableProperty().bind(viewModel.busyProperty());
            retry.setOnAction(e -> viewModel.retry(getItem()));
            close.setOnAction(e -> viewModel.close(getItem()));
            retry.setMinWidth(Button.USE_PREF_SIZE);
            close.setMinWidth(Button.USE_PREF_SIZE);
            retry.setTooltip(retryTip);
            close.setTooltip(closeTip);
            box.setAlignment(javafx.geometry.Pos.TOP_LEFT); // at the top of a two-line row, as the texts
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(Row row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            retryTip.setText(viewModel.retryText(row));
            closeTip.setText(viewModel.closeText(row));
            retry.setAccessibleText(retryTip.getText());
            close.setAccessibleText(closeTip.getText());
            retry.setVisible(row.retryable());
            retry.setManaged(row.retryable());
            close.setVisible(row.closable());
            close.setManaged(row.closable());
            setGraphic(box);
        }
    }

    @FXML
    private void retryAll() {
        viewModel.retryAll();
    }

    public BorderPane root() {
        return root;
    }

    public TableView<Row> table() {
        return table;
    }
}
