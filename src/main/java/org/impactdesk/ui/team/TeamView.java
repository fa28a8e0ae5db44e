package org.impactdesk.ui.team;

import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.util.Callback;
import javafx.util.StringConverter;
import org.impactdesk.domain.Period;
import org.impactdesk.domain.TeamLine;
import org.impactdesk.ui.fx.ColumnFit;
import org.impactdesk.ui.fx.Loading;
import org.impactdesk.ui.team.TeamViewModel.AssociationChoice;
import org.impactdesk.ui.team.TeamViewModel.Column;
import org.impactdesk.ui.team.TeamViewModel.StatusFilter;

/**
 * The Team screen's thin controller: binds {@code TeamView.fxml} to its {@link TeamViewModel}.
 * The table shows the ViewModel's filtered, sorted rows; its sort order becomes the ViewModel's
 * comparator (team rows stay pinned first); double-click or Enter opens a mentor.
 */
public final class TeamView {
    public static final String FXML = "/fxml/team/TeamView.fxml";
    /** Style class of an outlier badge; with the status code as a second class (e.g. "underactive"). */
    public static final String BADGE = "team-badge";
    public static final String BADGE_ICON = "team-badge-icon";
    /** Pseudo-class of a coordinator's pinned team row. */
    public static final PseudoClass TEAM_ROW = PseudoClass.getPseudoClass("team");

    private final TeamViewModel viewModel;

    @FXML private BorderPane root;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Button openButton;
    @FXML private Button exportButton;
    @FXML private ComboBox<Period> periodPicker;
    @FXML private ComboBox<StatusFilter> statusPicker;
    @FXML private ComboBox<AssociationChoice> associationPicker;
    @FXML private TextField searchField;
    @FXML private Label summaryLabel;
    @FXML private Label messageLabel;
    /** How long a message stays before it fades. */
    static final double MESSAGE_SECONDS = 8;
    @FXML private Label errorLabel;
    @FXML private TableView<TeamLine> table;
    @FXML private TableColumn<TeamLine, TeamLine> nameColumn;
    @FXML private TableColumn<TeamLine, TeamLine> associationsColumn;
    @FXML private TableColumn<TeamLine, TeamLine> sessionsColumn;
    @FXML private TableColumn<TeamLine, TeamLine> hoursColumn;
    @FXML private TableColumn<TeamLine, TeamLine> yoySessionsColumn;
    @FXML private TableColumn<TeamLine, TeamLine> yoyHoursColumn;
    @FXML private TableColumn<TeamLine, TeamLine> yoyPercentColumn;
    @FXML private TableColumn<TeamLine, TeamLine> priorSessionsColumn;
    @FXML private TableColumn<TeamLine, TeamLine> priorHoursColumn;
    @FXML private TableColumn<TeamLine, TeamLine> statusColumn;
    @FXML private TableColumn<TeamLine, TeamLine> underactiveColumn;
    @FXML private TableColumn<TeamLine, TeamLine> overloadedColumn;

    public TeamView(TeamViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public TeamViewModel viewModel() {
        return viewModel;
    }

    /** The table, for the shell's remembered column widths and order. */
    public TableView<TeamLine> table() {
        return table;
    }

    /** Shows {@code panel} (the side panel) beside the table. */
    public void attachSidePanel(javafx.scene.Node panel) {
        BorderPane.setMargin(panel, new javafx.geometry.Insets(0, 16, 16, 0));
        root.setRight(panel);
    }

    /**
     * Puts the side panel beside the table when it first opens: until then its editor (a date picker,
     * a text area, a scroll pane) is not styled and skinned in the frame that first shows the screen.
     */
    public void attachSidePanelWhenOpen(javafx.scene.Node panel, javafx.beans.value.ObservableBooleanValue open) {
        if (open.get()) {
            attachSidePanel(panel);
            return;
        }
        open.addListener(new javafx.beans.value.ChangeListener<Boolean>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean was, Boolean now) {
                if (now) {
                    open.removeListener(this);
                    attachSidePanel(panel);
                }
            }
        });
    }

    /**
     * Keeps a column made outside the FXML as wide as the texts its rows show ({@code text}), which
     * change with the rows and with {@code refitOn}.
     */
    public void fitColumn(TableColumn<TeamLine, TeamLine> column, java.util.function.Function<TeamLine, String> text,
                          javafx.beans.Observable refitOn) {
        ColumnFit.column(table, column, text, refitOn);
    }

    /** Adds a column made outside the FXML (follow-up marks, sparklines) at {@code index} of the top-level columns. */
    public void addColumn(TableColumn<TeamLine, TeamLine> column, int index) {
        table.getColumns().add(Math.min(index, table.getColumns().size()), column);
    }

    /** Puts a control (the PDF report menu) in the header, just before the CSV export button. */
    public void addHeaderControl(javafx.scene.Node control) {
        if (exportButton.getParent() instanceof javafx.scene.layout.HBox header) {
            header.getChildren().add(header.getChildren().indexOf(exportButton), control);
        }
    }

    /** Shows a line beside the summary (e.g. the PDF report's "saved" message). */
    public void addSummaryLabel(javafx.beans.value.ObservableValue<String> text) {
        Label label = new Label();
        label.getStyleClass().add("message");
        label.textProperty().bind(text);
        if (summaryLabel.getParent() instanceof javafx.scene.layout.HBox line) {
            line.getChildren().add(label);
        }
    }

    /** For the shell's Shortcut+F. */
    public void focusSearch() {
        searchField.requestFocus();
        searchField.selectAll();
    }

    @FXML
    private void initialize() {
        Loading.busy(busyIndicator, viewModel.busyProperty(), true);
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        // Home's "since the last sync" opens Team limited to some mentors: a button says so and shows everyone again
        Button onlyChip = new Button();
        onlyChip.setId("teamOnly");
        onlyChip.getStyleClass().add("only-chip");
        onlyChip.textProperty().bind(Bindings.createStringBinding(viewModel::onlyText, viewModel.onlyProperty()));
        onlyChip.visibleProperty().bind(viewModel.onlyProperty().isNotNull());
        onlyChip.managedProperty().bind(onlyChip.visibleProperty());
        onlyChip.setOnAction(e -> viewModel.onlyProperty().set(null));
        if (summaryLabel.getParent() instanceof javafx.scene.layout.HBox line) {
            line.getChildren().add(0, onlyChip);
        }
        // a message ("Exported 12 rows to ...") fades after a while instead of staying for good
        messageLabel.textProperty().bind(viewModel.messageProperty());
        javafx.animation.FadeTransition fade = new javafx.animation.FadeTransition(javafx.util.Duration.millis(600), messageLabel);
        fade.setDelay(javafx.util.Duration.seconds(MESSAGE_SECONDS));
        fade.setToValue(0);
        viewModel.messageProperty().addListener((obs, old, now) -> {
            fade.stop();
            messageLabel.setOpacity(1);
            if (!now.isEmpty()) {
                fade.playFromStart();
            }
        });
        Loading.text(errorLabel, viewModel.errorProperty());
        openButton.disableProperty().bind(viewModel.canOpenProperty().not());
        exportButton.disableProperty().bind(viewModel.canExportProperty().not());

        periodPicker.setItems(viewModel.periods());
        periodPicker.setConverter(converter(viewModel::periodText));
        periodPicker.valueProperty().bindBidirectional(viewModel.periodProperty());
        statusPicker.getItems().setAll(StatusFilter.values());
        statusPicker.setConverter(converter(viewModel::statusText));
        statusPicker.setCellFactory(list -> new StatusFilterCell());
        statusPicker.setButtonCell(new StatusFilterCell());
        statusPicker.valueProperty().bindBidirectional(viewModel.statusFilterProperty());
        associationPicker.setItems(viewModel.associations());
        associationPicker.setConverter(converter(viewModel::associationText));
        associationPicker.valueProperty().bindBidirectional(viewModel.associationProperty());
        searchField.textProperty().bindBidirectional(viewModel.searchProperty());

        Map<TableColumn<TeamLine, TeamLine>, Column> columns = Map.ofEntries(
                Map.entry(nameColumn, Column.NAME), Map.entry(associationsColumn, Column.ASSOCIATIONS),
                Map.entry(sessionsColumn, Column.SESSIONS), Map.entry(hoursColumn, Column.HOURS),
                Map.entry(yoySessionsColumn, Column.YOY_SESSIONS), Map.entry(yoyHoursColumn, Column.YOY_HOURS),
                Map.entry(yoyPercentColumn, Column.YOY_PERCENT), Map.entry(priorSessionsColumn, Column.PRIOR_SESSIONS),
                Map.entry(priorHoursColumn, Column.PRIOR_HOURS), Map.entry(statusColumn, Column.STATUS),
                Map.entry(underactiveColumn, Column.UNDERACTIVE_THRESHOLD),
                Map.entry(overloadedColumn, Column.OVERLOADED_THRESHOLD));
        columns.forEach((tc, column) -> {
            tc.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
            tc.setComparator(viewModel.comparator(column, true));
            tc.setCellFactory(column == Column.STATUS ? c -> new StatusCell() : textCells(column));
        });

        table.setItems(viewModel.rows());
        // a mentor's or a team's local associations whole (the table scrolls sideways; nothing cut to "...")
        ColumnFit.column(table, associationsColumn, line -> viewModel.text(Column.ASSOCIATIONS, line));
        // the ViewModel's SortedList sorts (team rows pinned first); the table only says by what
        table.setSortPolicy(t -> true);
        viewModel.orderProperty().bind(table.comparatorProperty());
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> viewModel.selectedProperty().set(now));
        viewModel.selectedProperty().addListener((obs, old, now) -> {
            if (now == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
                table.scrollTo(now);
            }
        });
        table.setRowFactory(t -> new LineRow());
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                viewModel.openSelected();
                e.consume();
            }
        });
        Loading.placeholder(table, viewModel.placeholderProperty());
    }

    @FXML
    private void openMentor() {
        viewModel.openSelected();
    }

    @FXML
    private void export() {
        viewModel.export();
    }

    private Callback<TableColumn<TeamLine, TeamLine>, TableCell<TeamLine, TeamLine>> textCells(Column column) {
        return c -> new TableCell<>() {
            @Override
            protected void updateItem(TeamLine item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : viewModel.text(column, item));
            }
        };
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException("not editable");
            }
        };
    }

    private static Region icon(String statusCode) {
        Region icon = new Region();
        icon.getStyleClass().addAll(BADGE_ICON, statusCode);
        return icon;
    }

    /** The outlier status as a badge: a shape and the word, in the status's colours (never colour alone). */
    private final class StatusCell extends TableCell<TeamLine, TeamLine> {
        private final Label badge = new Label();
        private final Region badgeIcon = new Region();
        private String shown;

        StatusCell() {
            badge.getStyleClass().add(BADGE);
            badge.setGraphic(badgeIcon);
            setText(null);
        }

        @Override
        protected void updateItem(TeamLine item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            String code = TeamViewModel.badge(item).code();
            if (!code.equals(shown)) {
                // a new style class makes the badge's CSS be applied again: only when the badge changes
                // (a period change refills every visible row, most with the badge they had)
                shown = code;
                badge.getStyleClass().setAll(BADGE, code);
                badgeIcon.getStyleClass().setAll(BADGE_ICON, code);
            }
            badge.setText(viewModel.text(Column.STATUS, item));
            setGraphic(badge);
        }
    }

    /** The status filter's choices with the badge's shape beside the word. */
    private final class StatusFilterCell extends ListCell<StatusFilter> {
        @Override
        protected void updateItem(StatusFilter item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(viewModel.statusText(item));
            setGraphic(item == StatusFilter.ALL ? null : icon(item.name().toLowerCase(java.util.Locale.ROOT)));
        }
    }

    /**
     * One tooltip for every team row, made when the first one is shown: a Tooltip is a popup
     * window, and one per row was a sixth of the table's first fill on the FX thread.
     */
    private Tooltip teamTip;

    private Tooltip teamTip() {
        if (teamTip == null) {
            teamTip = new Tooltip(viewModel.format().text("team.row.team.tooltip"));
        }
        return teamTip;
    }

    /** A row: the team row pinned and marked; double-click opens a mentor. */
    private final class LineRow extends TableRow<TeamLine> {
        LineRow() {
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && getItem() != null) {
                    viewModel.open(getItem());
                }
            });
        }

        @Override
        protected void updateItem(TeamLine item, boolean empty) {
            super.updateItem(item, empty);
            boolean team = !empty && item != null && item.isTeam();
            pseudoClassStateChanged(TEAM_ROW, team);
            setTooltip(team ? teamTip() : null);
        }
    }
}
