package org.impactdesk.ui.funder;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import javafx.application.Platform;
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
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import org.impactdesk.domain.FunderFigures;
import org.impactdesk.domain.FunderOrganization;
import org.impactdesk.domain.FunderReason;
import org.impactdesk.ui.fx.Formats;
import org.impactdesk.ui.funder.FunderColumns.Fitted;
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
    /** At most this many summary rows show at once (more scroll in the table). */
    static final int SUMMARY_ROWS = 9;
    /** The activity list shows at least this many rows (the body scrolls when the window is lower). */
    private static final int LIST_ROWS = 4;
    /** Style class of a table's header row (modena). */
    private static final String HEADER_ROW = ".column-header-background";

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
    @FXML private TableColumn<FigureRow, ?> groupColumn;
    @FXML private TableColumn<FigureRow, FigureRow> groupSessionsColumn;
    @FXML private TableColumn<FigureRow, FigureRow> groupParticipantsColumn;
    @FXML private TableColumn<FigureRow, ?> courseColumn;
    @FXML private TableColumn<FigureRow, FigureRow> courseDaysColumn;
    @FXML private TableColumn<FigureRow, FigureRow> courseParticipantsColumn;
    @FXML private TableColumn<FigureRow, FigureRow> hoursColumn;
    @FXML private TableColumn<FigureRow, ?> contactColumn;
    @FXML private TableColumn<FigureRow, FigureRow> contactCountColumn;
    @FXML private TableColumn<FigureRow, FigureRow> contactHoursColumn;
    @FXML private VBox reasonPane;
    @FXML private VBox activityPane;
    @FXML private TableView<ReasonRow> reasonTable;
    @FXML private TableColumn<ReasonRow, String> reasonColumn;
    @FXML private TableColumn<ReasonRow, String> reasonActivitiesColumn;
    @FXML private TableColumn<ReasonRow, String> reasonHoursColumn;
    @FXML private Label listTitleLabel;
    @FXML private TableView<ActivityRow> activityTable;
    @FXML private TableColumn<ActivityRow, LocalDate> dateColumn;
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
        List<Fitted<FigureRow>> figures = List.of(
                new Fitted<>(nameColumn, FigureRow::name),
                figure(mentorsColumn, x -> f.integer(x.activePeerMentors())),
                figure(individualColumn, x -> f.integer(x.individualCount())),
                figure(groupSessionsColumn, x -> f.integer(x.groupSessions())),
                figure(groupParticipantsColumn, x -> f.integer(x.groupParticipants())),
                figure(courseDaysColumn, x -> f.integer(x.courseDays())),
                figure(courseParticipantsColumn, x -> f.integer(x.courseParticipants())),
                figure(hoursColumn, x -> hours(f, x.countedHours())),
                figure(contactCountColumn, x -> f.integer(x.contactServiceCount())),
                figure(contactHoursColumn, x -> hours(f, x.contactServiceHours())));
        List<FunderColumns.HeaderLabel> headers = List.of(
                FunderColumns.header(nameColumn, vm.text("funder.column.association")),
                FunderColumns.header(mentorsColumn, vm.text("funder.column.activeMentors")),
                FunderColumns.header(individualColumn, vm.text("funder.column.individual")),
                FunderColumns.header(groupColumn, null),
                FunderColumns.header(groupSessionsColumn, vm.text("funder.column.groupSessions")),
                FunderColumns.header(groupParticipantsColumn, vm.text("funder.column.groupParticipants")),
                FunderColumns.header(courseColumn, null),
                FunderColumns.header(courseDaysColumn, vm.text("funder.column.courseDays")),
                FunderColumns.header(courseParticipantsColumn, vm.text("funder.column.courseParticipants")),
                FunderColumns.header(hoursColumn, vm.text("funder.column.countedHours")),
                FunderColumns.header(contactColumn, null),
                FunderColumns.header(contactCountColumn, vm.text("funder.column.contactService")),
                FunderColumns.header(contactHoursColumn, vm.text("funder.column.contactServiceHours")));
        summaryTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(FigureRow item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(TOTAL_ROW, !empty && item != null && item.total());
            }
        });

        reasonTable.setItems(vm.reasonRows());
        Loading.placeholder(reasonTable, vm.placeholderProperty());
        List<Fitted<ReasonRow>> reasons = List.of(
                text(reasonColumn, ReasonRow::label),
                text(reasonActivitiesColumn, r -> f.integer(r.activities())),
                text(reasonHoursColumn, r -> hours(f, r.hours())));
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
        dateColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().date()));
        dateColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(LocalDate item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : f.date(item));
            }
        });
        List<Fitted<ActivityRow>> activities = List.of(
                new Fitted<>(dateColumn, r -> f.date(r.date())),
                text(mentorColumn, ActivityRow::mentor),
                text(typeColumn, ActivityRow::type),
                text(activityReasonColumn, ActivityRow::reason));
        mentorColumn.setComparator(vm.nameOrder());
        typeColumn.setComparator(vm.nameOrder());

        fitToContent(figures, headers, reasons, activities);
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
     * Keeps the tables' columns at their contents' widths (again when the rows, or the fonts with the
     * theme's CSS, change), the panes beside each other at their tables' widths, the summary and the
     * not-counted table as tall as their rows (the summary up to {@link #SUMMARY_ROWS}), and the
     * activity list's reason column (the same on every row, named in the list's title) shown only
     * where the list has room for it beside the other three.
     */
    private void fitToContent(List<Fitted<FigureRow>> figures, List<FunderColumns.HeaderLabel> headers,
                              List<Fitted<ReasonRow>> reasons, List<Fitted<ActivityRow>> activities) {
        Runnable fit = () -> {
            Font font = statusLabel.getFont();
            double summaryColumns = FunderColumns.fit(summaryTable, figures, font, FigureRow::total);
            boolean scrolls = summaryTable.getItems().size() > SUMMARY_ROWS;
            summaryTable.setMinWidth(summaryColumns + chrome(summaryTable) + (scrolls ? FunderColumns.SCROLL_BAR : 0));

            double reasonWidth = FunderColumns.fit(reasonTable, reasons, font, r -> false) + chrome(reasonTable)
                    + FunderColumns.SCROLL_BAR;
            reasonTable.setMinWidth(reasonWidth);
            reasonTable.setPrefWidth(reasonWidth);
            reasonPane.setMinWidth(reasonWidth);
            reasonPane.setMaxWidth(reasonWidth);

            FunderColumns.fit(activityTable, activities, font, r -> false);
            double three = FunderColumns.minimum(List.of(dateColumn, mentorColumn, typeColumn));
            activityPane.setMinWidth(three + chrome(activityTable) + FunderColumns.SCROLL_BAR);
            showReasonWhenRoom();

            int rows = Math.min(SUMMARY_ROWS, summaryTable.getItems().size());
            fitHeight(summaryTable, rows, rows);
            fitHeight(reasonTable, reasonTable.getItems().size(), 3);
            activityTable.setMinHeight(headerHeight(activityTable) + LIST_ROWS * activityTable.getFixedCellSize()
                    + insets(activityTable));
            // new minimums leave the columns as wide as before or wider: share the table's width out again
            for (TableView<?> t : List.of(summaryTable, reasonTable, activityTable)) {
                FunderColumns.shareOut(t);
            }
        };
        // once for what changed in a pulse (the CSS sets the fonts of a dozen headers one by one), after it
        Runnable later = new Runnable() {
            private boolean pending;

            @Override
            public void run() {
                if (!pending) {
                    pending = true;
                    Platform.runLater(() -> {
                        pending = false;
                        fit.run();
                    });
                }
            }
        };
        summaryTable.getItems().addListener((ListChangeListener<FigureRow>) c -> later.run());
        reasonTable.getItems().addListener((ListChangeListener<ReasonRow>) c -> later.run());
        activityTable.getItems().addListener((ListChangeListener<ActivityRow>) c -> later.run());
        activityTable.widthProperty().addListener((o, a, b) -> showReasonWhenRoom());
        // the fonts arrive with the CSS, once the screen is in the window; the header rows' heights after their layout
        statusLabel.fontProperty().addListener((o, a, b) -> later.run());
        for (FunderColumns.HeaderLabel h : headers) {
            h.fontProperty().addListener((o, a, b) -> later.run());
        }
        for (TableView<?> t : List.of(summaryTable, reasonTable, activityTable)) {
            // a new width (the window's, or the body's scroll bar coming or going) shares out from the laid-out one
            t.widthProperty().addListener((o, a, b) -> later.run());
            t.skinProperty().addListener((o, a, b) -> {
                if (t.lookup(HEADER_ROW) instanceof Region row) {
                    row.heightProperty().addListener((x, y, z) -> later.run());
                }
                later.run();
            });
        }
        fit.run();
    }

    /**
     * The table as tall as its header and {@code rows} rows, and no lower than its header and {@code least} rows
     * (the body's VBox takes room from each of its children alike when the window is low).
     */
    private static void fitHeight(TableView<?> table, int rows, int least) {
        double row = table.getFixedCellSize();
        double fixed = headerHeight(table) + insets(table);
        // an empty table shows its placeholder in two rows' room
        double height = fixed + Math.max(2, rows) * row;
        table.setPrefHeight(height);
        table.setMaxHeight(height);
        table.setMinHeight(fixed + Math.min(Math.max(2, rows), least) * row);
    }

    private static double headerHeight(TableView<?> table) {
        // the header row's height once laid out; before that, one line's
        return table.lookup(HEADER_ROW) instanceof Region row && row.getHeight() > 0 ? row.getHeight() : 26;
    }

    private static double insets(TableView<?> table) {
        return table.snappedTopInset() + table.snappedBottomInset();
    }

    private static double chrome(TableView<?> table) {
        return table.snappedLeftInset() + table.snappedRightInset() + 2;
    }

    private void showReasonWhenRoom() {
        double all = FunderColumns.minimum(activityTable.getColumns()) + chrome(activityTable) + FunderColumns.SCROLL_BAR;
        activityReasonColumn.setVisible(activityTable.getWidth() <= 0 || activityTable.getWidth() >= all);
    }

    private static <S> Fitted<S> text(TableColumn<S, String> column, Function<S, String> text) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(text.apply(c.getValue())));
        return new Fitted<>(column, text);
    }

    private static Fitted<FigureRow> figure(TableColumn<FigureRow, FigureRow> column, Function<FunderFigures, String> text) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(FigureRow item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item.figures()));
            }
        });
        return new Fitted<>(column, r -> text.apply(r.figures()));
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
