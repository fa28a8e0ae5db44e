package org.impactdesk.ui.funder;

import java.math.BigDecimal;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.impactdesk.domain.FunderFigures;
import org.impactdesk.domain.FunderOrganization;
import org.impactdesk.domain.FunderReason;
import org.impactdesk.ui.fx.Formats;
import org.impactdesk.ui.funder.FunderViewModel.ActivityRow;
import org.impactdesk.ui.funder.FunderViewModel.FigureRow;
import org.impactdesk.ui.funder.FunderViewModel.ReasonRow;
import org.impactdesk.ui.fx.Loading;

/**
 * The Funder report screen's thin controller: binds {@code FunderView.fxml} to its
 * {@link FunderViewModel}. Choosing a not-counted reason opens its activities in the list beside it.
 */
public final class FunderView {
    public static final String FXML = "/fxml/funder/FunderView.fxml";
    /** Pseudo-class of the summary's total row. */
    public static final PseudoClass TOTAL_ROW = PseudoClass.getPseudoClass("total");
    /** Style class of one warning line. */
    public static final String WARNING = "funder-warning";
    /** Style class of a column header's own label (the text that wraps between words). */
    public static final String COLUMN_HEADER = "funder-column-header";
    /** A column header's padding and borders beside its text (modena: 0.166667em each side, and a border). */
    private static final double HEADER_INSETS = 6;
    /** The room a column keeps beside its header's longest word. */
    private static final double HEADER_SLACK = 8;

    private final FunderViewModel viewModel;

    @FXML private BorderPane root;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Button xlsxButton;
    @FXML private Button pdfButton;
    @FXML private ComboBox<FunderOrganization> organisationPicker;
    @FXML private TextField yearField;
    @FXML private Label yearErrorLabel;
    @FXML private Label headingLabel;
    @FXML private Label statusLabel;
    @FXML private Label atRiskLabel;
    @FXML private VBox warningBox;
    @FXML private VBox warningList;
    @FXML private Hyperlink settingsLink;
    @FXML private Label messageLabel;
    @FXML private Label errorLabel;
    @FXML private TableView<FigureRow> summaryTable;
    @FXML private TableColumn<FigureRow, String> nameColumn;
    @FXML private TableColumn<FigureRow, FigureRow> mentorsColumn;
    @FXML private TableColumn<FigureRow, FigureRow> individualColumn;
    @FXML private TableColumn<FigureRow, FigureRow> groupColumn;
    @FXML private TableColumn<FigureRow, FigureRow> groupParticipantsColumn;
    @FXML private TableColumn<FigureRow, FigureRow> courseColumn;
    @FXML private TableColumn<FigureRow, FigureRow> courseParticipantsColumn;
    @FXML private TableColumn<FigureRow, FigureRow> hoursColumn;
    @FXML private TableColumn<FigureRow, FigureRow> contactColumn;
    @FXML private TableColumn<FigureRow, FigureRow> contactHoursColumn;
    @FXML private TableView<ReasonRow> reasonTable;
    @FXML private TableColumn<ReasonRow, String> reasonColumn;
    @FXML private TableColumn<ReasonRow, String> reasonActivitiesColumn;
    @FXML private TableColumn<ReasonRow, String> reasonHoursColumn;
    @FXML private Label listTitleLabel;
    @FXML private TableView<ActivityRow> activityTable;
    @FXML private TableColumn<ActivityRow, String> dateColumn;
    @FXML private TableColumn<ActivityRow, String> mentorColumn;
    @FXML private TableColumn<ActivityRow, String> typeColumn;
    @FXML private TableColumn<ActivityRow, String> activityReasonColumn;

    public FunderView(FunderViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public FunderViewModel viewModel() {
        return viewModel;
    }

    @FXML
    private void initialize() {
        FunderViewModel vm = viewModel;
        Formats f = vm.formats();
        Loading.busy(busyIndicator, vm.busyProperty());
        xlsxButton.disableProperty().bind(vm.canExportProperty().not());
        pdfButton.disableProperty().bind(vm.canExportProperty().not());

        organisationPicker.setItems(vm.organizations());
        organisationPicker.valueProperty().bindBidirectional(vm.organizationProperty());
        organisationPicker.setCellFactory(l -> new OrganisationCell());
        organisationPicker.setButtonCell(new OrganisationCell());
        yearField.textProperty().bindBidirectional(vm.yearTextProperty());
        Loading.text(yearErrorLabel, vm.yearErrorProperty());
        headingLabel.textProperty().bind(vm.headingProperty());
        statusLabel.textProperty().bind(vm.statusProperty());
        Loading.text(atRiskLabel, vm.atRiskProperty());
        Loading.text(messageLabel, vm.messageProperty());
        Loading.text(errorLabel, vm.errorProperty());
        settingsLink.visibleProperty().bind(vm.mayOpenSettingsProperty());
        settingsLink.managedProperty().bind(vm.mayOpenSettingsProperty());
        vm.warnings().addListener((ListChangeListener<String>) c -> fillWarnings());
        fillWarnings();

        summaryTable.setItems(vm.figureRows());
        Loading.placeholder(summaryTable, vm.placeholderProperty());
        nameColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().name()));
        figure(mentorsColumn, x -> f.integer(x.activePeerMentors()));
        figure(individualColumn, x -> f.integer(x.individualCount()));
        figure(groupColumn, x -> f.integer(x.groupSessions()));
        figure(groupParticipantsColumn, x -> f.integer(x.groupParticipants()));
        figure(courseColumn, x -> f.integer(x.courseDays()));
        figure(courseParticipantsColumn, x -> f.integer(x.courseParticipants()));
        figure(hoursColumn, x -> hours(f, x.countedHours()));
        figure(contactColumn, x -> f.integer(x.contactServiceCount()));
        figure(contactHoursColumn, x -> hours(f, x.contactServiceHours()));
        header(nameColumn, vm.text("funder.column.association"));
        header(mentorsColumn, vm.text("funder.column.activeMentors"));
        header(individualColumn, vm.text("funder.column.individual"));
        header(groupColumn, vm.text("funder.column.groupSessions"));
        header(groupParticipantsColumn, vm.text("funder.column.groupParticipants"));
        header(courseColumn, vm.text("funder.column.courseDays"));
        header(courseParticipantsColumn, vm.text("funder.column.courseParticipants"));
        header(hoursColumn, vm.text("funder.column.countedHours"));
        header(contactColumn, vm.text("funder.column.contactService"));
        header(contactHoursColumn, vm.text("funder.column.contactServiceHours"));
        summaryTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(FigureRow item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(TOTAL_ROW, !empty && item != null && item.total());
            }
        });

        reasonTable.setItems(vm.reasonRows());
        reasonColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().label()));
        reasonActivitiesColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(f.integer(c.getValue().activities())));
        reasonHoursColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(hours(f, c.getValue().hours())));
        header(reasonActivitiesColumn, null);
        header(reasonHoursColumn, null);
        reasonTable.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedReasonProperty().set(b.reason());
            }
        });
        vm.selectedReasonProperty().addListener((o, a, b) -> selectReason());
        vm.reasonRows().addListener((ListChangeListener<ReasonRow>) c -> selectReason());

        listTitleLabel.textProperty().bind(vm.listTitleProperty());
        activityTable.setItems(vm.activityRows());
        activityTable.setPlaceholder(new Label(vm.text("funder.list.empty")));
        dateColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(f.date(c.getValue().date())));
        mentorColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().mentor()));
        mentorColumn.setComparator(vm.nameOrder());
        typeColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().type()));
        typeColumn.setComparator(vm.nameOrder());
        activityReasonColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().reason()));
    }

    /** The table shows the ViewModel's chosen reason as its selection. */
    private void selectReason() {
        FunderReason r = viewModel.selectedReasonProperty().get();
        ReasonRow current = reasonTable.getSelectionModel().getSelectedItem();
        if (r == null || (current != null && current.reason() == r)) {
            return;
        }
        reasonTable.getItems().stream().filter(x -> x.reason() == r).findFirst()
                .ifPresent(x -> reasonTable.getSelectionModel().select(x));
    }

    private static String hours(Formats f, BigDecimal h) {
        return f.decimal(h, 2, 2);
    }

    /**
     * A column header that wraps between words only: its text as a label as wide as the column,
     * and the column never narrower than the text's longest word (JavaFX would break a word that
     * does not fit anywhere in it). {@code fullName}, when the header is a shorter form of it, is
     * the label's tooltip, made on the first hover (a Tooltip is a popup window; the screen is
     * built on a worker) and its accessible text.
     */
    private static void header(TableColumn<?, ?> column, String fullName) {
        Label label = new Label(column.getText());
        label.getStyleClass().add(COLUMN_HEADER);
        label.setWrapText(true);
        label.setTextAlignment(TextAlignment.CENTER);
        label.setMinWidth(0);
        label.prefWidthProperty().bind(column.widthProperty().subtract(HEADER_INSETS));
        // the header lays its graphic out at the graphic's unwrapped height: ask for the wrapped one
        Text wrapped = new Text();
        DoubleBinding height = Bindings.createDoubleBinding(() -> {
            wrapped.setFont(label.getFont());
            wrapped.setText(label.getText());
            // a little narrower than the label: a line that only just fits there goes to the next one here,
            // so the header is never a line short (a line short is cut with an ellipsis)
            wrapped.setWrappingWidth(Math.max(1, column.getWidth() - HEADER_INSETS - 4));
            return Math.ceil(wrapped.getLayoutBounds().getHeight()) + 2;
        }, column.widthProperty(), label.fontProperty(), label.textProperty());
        label.minHeightProperty().bind(height);
        label.prefHeightProperty().bind(height);
        if (fullName != null && !fullName.equals(label.getText())) {
            label.setAccessibleText(fullName);
            label.setOnMouseEntered(e -> {
                if (label.getTooltip() == null) {
                    label.setTooltip(new Tooltip(fullName));
                }
            });
        }
        column.setText(null);
        column.setGraphic(label);
        double minimum = column.getMinWidth();
        // the header is bold (modena); its font arrives with the CSS, and the width follows it
        Font start = Font.font(label.getFont().getFamily(), FontWeight.BOLD, label.getFont().getSize());
        column.setMinWidth(Math.max(minimum, Math.ceil(longestWord(label.getText(), start)) + HEADER_SLACK));
        label.fontProperty().addListener((o, was, font) ->
                column.setMinWidth(Math.max(minimum, Math.ceil(longestWord(label.getText(), font)) + HEADER_SLACK)));
    }

    static double longestWord(String text, Font font) {
        Text measure = new Text();
        measure.setFont(font);
        double widest = 0;
        for (String word : text.split("\\s+")) {
            measure.setText(word);
            widest = Math.max(widest, measure.getLayoutBounds().getWidth());
        }
        return widest;
    }

    private static void figure(TableColumn<FigureRow, FigureRow> column, Function<FunderFigures, String> text) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(FigureRow item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item.figures()));
            }
        });
    }

    private void fillWarnings() {
        warningList.getChildren().setAll(viewModel.warnings().stream().map(w -> {
            Label l = new Label(w);
            l.setWrapText(true);
            l.getStyleClass().add(WARNING);
            return l;
        }).toList());
        warningBox.setVisible(!viewModel.warnings().isEmpty());
        warningBox.setManaged(!viewModel.warnings().isEmpty());
    }

    private static final class OrganisationCell extends ListCell<FunderOrganization> {
        @Override
        protected void updateItem(FunderOrganization item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.name());
        }
    }

    @FXML
    private void exportXlsx() {
        viewModel.exportXlsx();
    }

    @FXML
    private void exportPdf() {
        viewModel.exportPdf();
    }

    @FXML
    private void openSettings() {
        viewModel.openSettings();
    }

    /** The year field, for Shortcut+F. */
    public TextField yearField() {
        return yearField;
    }
}
