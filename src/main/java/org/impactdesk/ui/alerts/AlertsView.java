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

/** The Alerts list: a table bound to {@link AlertsViewModel}, with Retry now (and Close alert) per row. */
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
    @FXML private TableView<Row> table;
    @FXML private TableColumn<Row, Row> stateColumn;
    @FXML private TableColumn<Row, Row> mentorColumn;
    @FXML private TableColumn<Row, Row> periodColumn;
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
        // the columns share the width (the error column gives most), so the row's buttons stay in view
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        text(stateColumn, Row::state);
        text(mentorColumn, Row::mentor);
        text(periodColumn, Row::period);
        text(summaryColumn, Row::summary);
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
                if (column == stateColumn) {
                    getStyleClass().add(row.failure().state() == GenerationFailure.State.ALERT ? STATE_ALERT : STATE_RETRYING);
                }
                setTooltip(column == errorColumn && !row.error().isEmpty() ? new Tooltip(row.error()) : null);
            }
        });
    }

    /** Retry now, and Close alert for an open alert. */
    private final class ActionsCell extends TableCell<Row, Row> {
        private final Button retry = new Button(resources.getString("alerts.retry"));
        private final Button close = new Button(resources.getString("alerts.close"));
        private final HBox box = new HBox(6, retry, close);

        ActionsCell() {
            box.getStyleClass().add(ROW_ACTIONS);
            retry.getStyleClass().add("alerts-retry");
            close.getStyleClass().add("alerts-close");
            retry.disableProperty().bind(viewModel.busyProperty());
            close.disableProperty().bind(viewModel.busyProperty());
            retry.setOnAction(e -> viewModel.retry(getItem()));
            close.setOnAction(e -> viewModel.close(getItem()));
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(Row row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
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
