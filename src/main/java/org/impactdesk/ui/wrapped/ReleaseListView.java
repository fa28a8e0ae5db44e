package org.impactdesk.ui.wrapped;

import javafx.beans.property.SimpleStringProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/** The release list beside the Wrapped previewer: binds {@link ReleaseListViewModel}. */
public final class ReleaseListView {
    public static final String FXML = "/fxml/wrapped/ReleaseListView.fxml";

    private final ReleaseListViewModel viewModel;

    @FXML private VBox root;
    @FXML private Label headingLabel;
    @FXML private VBox orgRow;
    @FXML private Label orgLabel;
    @FXML private ComboBox<ReleaseListViewModel.OrgChoice> orgBox;
    @FXML private Label countsLabel;
    @FXML private TableView<ReleaseListViewModel.Row> table;
    @FXML private TableColumn<ReleaseListViewModel.Row, String> nameColumn;
    @FXML private TableColumn<ReleaseListViewModel.Row, String> stateColumn;
    @FXML private TableColumn<ReleaseListViewModel.Row, String> reasonColumn;
    @FXML private Button releaseOneButton;
    @FXML private Button releasePreviewedButton;
    @FXML private Button releaseAllButton;
    @FXML private TextField reasonField;
    @FXML private Button holdButton;
    @FXML private Label queueLabel;
    @FXML private Label messageLabel;

    public ReleaseListView(ReleaseListViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        boolean chooses = viewModel.choosesOrganization();
        orgRow.setVisible(chooses);
        orgRow.setManaged(chooses);
        orgLabel.setLabelFor(orgBox);
        orgBox.setItems(viewModel.organizations());
        // the box shows the name (a long one fits the panel); the open list each one's count to review too
        orgBox.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(ReleaseListViewModel.OrgChoice choice, boolean empty) {
                super.updateItem(choice, empty);
                setText(empty || choice == null ? null : choice.name());
            }
        });
        orgBox.valueProperty().bindBidirectional(viewModel.organizationProperty());
        table.setItems(viewModel.rows());
        Label empty = new Label();
        empty.setWrapText(true);
        empty.textProperty().bind(viewModel.placeholderProperty());
        table.setPlaceholder(empty);
        nameColumn.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().name()));
        stateColumn.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().stateText()));
        reasonColumn.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().reason()));
        reasonColumn.setCellFactory(c -> new ReasonCell());
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> viewModel.selectedProperty().set(now));
        headingLabel.textProperty().bind(viewModel.headingProperty());
        countsLabel.textProperty().bind(viewModel.countsProperty());
        queueLabel.textProperty().bind(viewModel.queueProperty());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        reasonField.textProperty().bindBidirectional(viewModel.holdReasonProperty());
        for (Button b : new Button[] {releaseOneButton, releasePreviewedButton, releaseAllButton, holdButton}) {
            b.disableProperty().bind(viewModel.busyProperty());
        }
    }

    @FXML
    private void onReleaseOne() {
        viewModel.releaseSelected();
    }

    @FXML
    private void onReleasePreviewed() {
        viewModel.releasePreviewed();
    }

    @FXML
    private void onReleaseAll() {
        viewModel.releaseAll();
    }

    @FXML
    private void onHold() {
        viewModel.holdSelected();
    }

    /** A held-back reason, cut to the column's width as any text is, and whole in its tooltip. */
    private static final class ReasonCell extends TableCell<ReleaseListViewModel.Row, String> {
        private final Tooltip whole = new Tooltip();

        @Override
        protected void updateItem(String reason, boolean empty) {
            super.updateItem(reason, empty);
            boolean none = empty || reason == null || reason.isBlank();
            setText(none ? null : reason);
            whole.setText(none ? "" : reason);
            setTooltip(none ? null : whole);
        }
    }
}
