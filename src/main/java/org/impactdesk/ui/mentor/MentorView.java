package org.impactdesk.ui.mentor;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.impactdesk.domain.MentorRef;
import org.impactdesk.ui.fx.Loading;
import org.impactdesk.ui.mentor.MentorViewModel.Granularity;
import org.impactdesk.ui.mentor.MentorViewModel.Measure;
import org.impactdesk.ui.mentor.MentorViewModel.SummaryRow;
import org.impactdesk.ui.mentor.MentorViewModel.YoyRow;
import org.impactdesk.ui.fx.ColumnFit;
import org.impactdesk.ui.fx.TypeAhead;

/** The Mentor screen's thin controller: binds {@code MentorView.fxml} to its {@link MentorViewModel}. */
public final class MentorView {
    public static final String FXML = "/fxml/mentor/MentorView.fxml";

    private final MentorViewModel viewModel;

    @FXML private BorderPane root;
    @FXML private Label titleLabel;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Button openWrappedButton;
    @FXML private ComboBox<MentorRef> mentorPicker;
    @FXML private ComboBox<Integer> yearPicker;
    @FXML private ToggleGroup granularityGroup;
    @FXML private ToggleButton byMonth;
    @FXML private ToggleButton byQuarter;
    @FXML private ToggleGroup measureGroup;
    @FXML private ToggleButton bySessions;
    @FXML private ToggleButton byHours;
    @FXML private CheckBox showTable;
    @FXML private Label noteLabel;
    @FXML private Label errorLabel;
    @FXML private BarChart<String, Number> chart;
    @FXML private VBox chartBox;
    @FXML private Label chartNote;
    @FXML private NumberAxis valueAxis;
    @FXML private CategoryAxis categoryAxis;
    @FXML private TableView<YoyRow> yoyTable;
    @FXML private TableColumn<YoyRow, String> periodColumn;
    @FXML private TableColumn<YoyRow, String> thisYearColumn;
    @FXML private TableColumn<YoyRow, String> lastYearColumn;
    @FXML private TableView<SummaryRow> summariesTable;
    @FXML private TableColumn<SummaryRow, String> kindColumn;
    @FXML private TableColumn<SummaryRow, String> summaryPeriodColumn;
    @FXML private TableColumn<SummaryRow, String> statusColumn;
    @FXML private TableColumn<SummaryRow, String> sessionsColumn;
    @FXML private TableColumn<SummaryRow, String> hoursColumn;
    @FXML private ListView<String> milestoneList;
    @FXML private ListView<String> badgeList;

    public MentorView(MentorViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public MentorViewModel viewModel() {
        return viewModel;
    }

    @FXML
    private void initialize() {
        titleLabel.textProperty().bind(viewModel.titleProperty());
        Loading.busy(busyIndicator, viewModel.busyProperty());
        openWrappedButton.disableProperty().bind(viewModel.canOpenWrappedProperty().not());
        Loading.text(noteLabel, viewModel.noteProperty());
        Loading.text(errorLabel, viewModel.errorProperty());

        mentorPicker.setItems(viewModel.mentors());
        mentorPicker.setConverter(shownAs(viewModel::label));
        mentorPicker.valueProperty().bindBidirectional(viewModel.selectedMentorProperty());
        TypeAhead.install(mentorPicker, viewModel.locale(), viewModel.typeAheadHint());
        yearPicker.setItems(viewModel.years());
        yearPicker.valueProperty().bindBidirectional(viewModel.selectedYearProperty());

        byMonth.setUserData(Granularity.MONTH);
        byQuarter.setUserData(Granularity.QUARTER);
        bySessions.setUserData(Measure.SESSIONS);
        byHours.setUserData(Measure.HOURS);
        // a segmented pair always has one selected: clicking the selected one keeps it
        granularityGroup.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            } else {
                viewModel.granularityProperty().set((Granularity) now.getUserData());
            }
        });
        measureGroup.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            } else {
                viewModel.measureProperty().set((Measure) now.getUserData());
            }
        });
        (viewModel.granularityProperty().get() == Granularity.QUARTER ? byQuarter : byMonth).setSelected(true);
        (viewModel.measureProperty().get() == Measure.HOURS ? byHours : bySessions).setSelected(true);

        showTable.selectedProperty().bindBidirectional(viewModel.tableShownProperty());
        yoyTable.visibleProperty().bind(viewModel.tableShownProperty());
        chart.visibleProperty().bind(viewModel.tableShownProperty().not());
        chartBox.visibleProperty().bind(chart.visibleProperty());
        // the hidden one of the two is left out of layout: a hidden but managed table still made and
        // styled its cells on the FX thread whenever the data changed
        yoyTable.managedProperty().bind(yoyTable.visibleProperty());
        chart.managedProperty().bind(chart.visibleProperty());
        chartBox.managedProperty().bind(chart.visibleProperty());

        periodColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().label()));
        thisYearColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().thisYearText()));
        lastYearColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().lastYearText()));
        thisYearColumn.textProperty().bind(viewModel.thisYearNameProperty());
        lastYearColumn.textProperty().bind(viewModel.lastYearNameProperty());
        yoyTable.setItems(viewModel.rows());

        // the open period's tick short and marked ("Dec*", rebuildChart), its meaning under the axis
        chartNote.textProperty().bind(viewModel.categoryAxisLabelProperty());
        chartNote.managedProperty().bind(chartNote.textProperty().isNotEmpty());
        // too narrow for the ticks side by side (about 24 px a month beside the side panel at 1024 px,
        // where JavaFX hid every other one): they stand upright instead
        categoryAxis.widthProperty().addListener((obs, old, now) -> fitTicks());
        categoryAxis.tickLabelFontProperty().addListener((obs, old, now) -> fitTicks());
        valueAxis.labelProperty().bind(viewModel.valueAxisLabelProperty());
        // the ViewModel's scale (whole steps for sessions) and its tick texts in the chosen language
        valueAxis.setAutoRanging(false);
        valueAxis.setLowerBound(0);
        valueAxis.setTickLabelFormatter(shownAs(viewModel::tickText));
        viewModel.valueAxisProperty().addListener((obs, old, now) -> scale(now));
        scale(viewModel.valueAxisProperty().get());
        viewModel.rows().addListener((ListChangeListener<YoyRow>) change -> rebuildChart());
        rebuildChart();

        kindColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().kind()));
        summaryPeriodColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().period()));
        statusColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().status()));
        sessionsColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().sessions()));
        hoursColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().hours()));
        summariesTable.setItems(viewModel.summaries());
        ColumnFit.toContent(summariesTable);
        milestoneList.setItems(viewModel.milestones());
        badgeList.setItems(viewModel.badges());
    }

    /** A converter that only shows (nothing is typed into these). */
    private static <T> StringConverter<T> shownAs(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return text.apply(value);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    private void scale(MentorViewModel.ValueAxis axis) {
        valueAxis.setUpperBound(axis.upper());
        valueAxis.setTickUnit(axis.tickUnit());
        valueAxis.setMinorTickVisible(!axis.count());
    }

    @FXML
    private void openWrapped() {
        viewModel.openWrapped();
    }

    /** The least room between two ticks side by side; with less they stand upright. */
    static final double TICK_GAP = 6;

    private void fitTicks() {
        List<String> categories = categoryAxis.getCategories();
        if (categories.isEmpty() || categoryAxis.getWidth() <= 0) {
            return;
        }
        javafx.scene.text.Text measure = new javafx.scene.text.Text();
        measure.setFont(categoryAxis.getTickLabelFont());
        double widest = 0;
        for (String category : categories) {
            measure.setText(category);
            widest = Math.max(widest, measure.getLayoutBounds().getWidth());
        }
        double rotation = categoryAxis.getWidth() / categories.size() < widest + TICK_GAP ? 90 : 0;
        if (categoryAxis.getTickLabelRotation() != rotation) {
            categoryAxis.setTickLabelRotation(rotation);
            // the axis grows with upright ticks: the chart gives it that height on the next pulse (a
            // request made during this layout pass was lost, and its label lay on the ticks)
            javafx.application.Platform.runLater(() -> {
                categoryAxis.requestAxisLayout();
                chart.requestLayout();
            });
        }
    }

    /** The style class of the open period's bar (its figure is what exists so far). */
    static final String PARTIAL_BAR = "partial-bar";

    /** Two series, this year and last, with a bar only where a figure is stored; the open period's bar is marked. */
    private void rebuildChart() {
        XYChart.Series<String, Number> thisYear = new XYChart.Series<>();
        XYChart.Series<String, Number> lastYear = new XYChart.Series<>();
        thisYear.setName(viewModel.thisYearNameProperty().get());
        lastYear.setName(viewModel.lastYearNameProperty().get());
        List<XYChart.Data<String, Number>> partial = new ArrayList<>(1);
        for (YoyRow row : viewModel.rows()) {
            // the chart's category is the tick's text: the open period's short marked form ("Dec*"), as
            // "Dec (so far)" hid November's tick in the narrow chart; the table keeps the whole label
            String category = viewModel.categoryTickText(row.label());
            if (row.thisYear() != null) {
                XYChart.Data<String, Number> bar = new XYChart.Data<>(category, row.thisYear());
                if (row.partial()) {
                    partial.add(bar);
                }
                thisYear.getData().add(bar);
            }
            if (row.lastYear() != null) {
                lastYear.getData().add(new XYChart.Data<>(category, row.lastYear()));
            }
        }
        chart.getData().clear();
        categoryAxis.setCategories(FXCollections.observableArrayList(
                viewModel.rows().stream().map(r -> viewModel.categoryTickText(r.label())).toList()));
        chart.getData().setAll(List.of(thisYear, lastYear));
        fitTicks();
        // the chart sets its bars' style classes as it makes them: the mark goes on after
        for (XYChart.Data<String, Number> bar : partial) {
            if (bar.getNode() != null) {
                bar.getNode().getStyleClass().add(PARTIAL_BAR);
            }
        }
    }
}
