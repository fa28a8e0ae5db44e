package org.impactdesk.ui.funder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.impactdesk.domain.ImportOptions;
import org.impactdesk.service.funder.StoredFunderReportService;
import org.impactdesk.service.importing.BundleImporter;
import org.impactdesk.store.Database;
import org.impactdesk.store.FunderDao;
import org.impactdesk.store.OrganizationDao;
import org.impactdesk.ui.fx.CutTexts;
import org.impactdesk.ui.fx.Formats;
import org.impactdesk.ui.fx.FxTaskRunner;
import org.impactdesk.ui.fx.ScriptedDialogs;
import org.impactdesk.ui.fx.Themes;
import org.impactdesk.ui.fx.ViewLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Funder report screen on the demo data (long association, mentor and activity type names,
 * four-digit figures) with the app's theme, at the size it has in a 1024x700 window (854x646:
 * beside the navigation, between the menu and the status bar) and in a 1280x800 one, in
 * Norwegian and English, as the org admin and as a coordinator: no header and no value of its
 * tables is cut short with an ellipsis, none lies outside the window, and every table's
 * placeholder is in the chosen language.
 */
@ExtendWith(ApplicationExtension.class)
class FunderLayoutFxTest {
    static final Actor ADMIN = new Actor("u-fjordlys-admin-1", "Knut Liabø", "org-fjordlys", Set.of(Role.ORG_ADMIN), null);
    static final Actor COORDINATOR = new Actor("u-fjordlys-coord-02", "Halvard Tindvoll", "org-fjordlys",
            Set.of(Role.COORDINATOR), null);
    static final Locale NB = Locale.forLanguageTag("nb");
    static Path dir;
    static Database db;

    Stage stage;
    FxTaskRunner tasks;
    FunderViewModel viewModel;
    ResourceBundle bundle;

    @BeforeAll
    static void demo() throws Exception {
        dir = Files.createTempDirectory("funder-layout");
        db = Database.open(dir.resolve("db"));
        Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
        assertThat(new BundleImporter(db, clock).importBundle(Path.of("data/demo"), ImportOptions.allOrNothing(),
                Actor.localOperator(), null).written()).isTrue();
    }

    @AfterAll
    static void closeDemo() {
        db.close();
        org.impactdesk.TestFiles.deleteTree(dir);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        if (tasks != null) {
            tasks.close();
        }
    }

    static Stream<Arguments> windows() {
        return Stream.of(
                Arguments.of(NB, ADMIN, 854, 646, false),
                Arguments.of(NB, COORDINATOR, 854, 646, false),
                Arguments.of(Locale.ENGLISH, ADMIN, 854, 646, false),
                Arguments.of(Locale.ENGLISH, COORDINATOR, 854, 646, false),
                // switched to the dark theme once loaded, as the View menu does
                Arguments.of(NB, ADMIN, 854, 646, true),
                Arguments.of(Locale.ENGLISH, ADMIN, 854, 646, true),
                // the headless screen is 1280x800: a window of that size
                Arguments.of(NB, ADMIN, 1110, 746, false),
                Arguments.of(Locale.ENGLISH, ADMIN, 1110, 746, false));
    }

    /**
     * Shows the screen at {@code width} x {@code height} in the app's light theme, switched to the dark one once
     * loaded when {@code dark}; the placeholders the tables show while it loads.
     */
    List<String> open(Locale locale, Actor actor, double width, double height, boolean dark, FxRobot robot) throws Exception {
        List<String> loading = new ArrayList<>();
        robot.interact(() -> {
            ViewLoader loader = new ViewLoader(locale);
            bundle = loader.bundle();
            tasks = new FxTaskRunner();
            StoredFunderReportService service = new StoredFunderReportService(new OrganizationDao(db.jdbi()),
                    new FunderDao(db.jdbi()), Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));
            viewModel = new FunderViewModel(service, actor, tasks, new ScriptedDialogs(), bundle, new Formats(locale), 2026, () -> { });
            Scene scene = new Scene(loader.load(FunderView.FXML, new FunderView(viewModel)), width, height);
            Themes.apply(scene, false);
            stage.setScene(scene);
            stage.setMaximized(false);
            stage.sizeToScene();
            stage.show();
            viewModel.load();
            for (String id : List.of("#funderSummary", "#funderReasons")) {
                Node placeholder = ((TableView<?>) scene.lookup(id)).getPlaceholder();
                loading.add(placeholder instanceof Labeled l ? l.getText() : null);
            }
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !viewModel.busyProperty().get() && viewModel.dataProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        if (dark) {
            robot.interact(() -> Themes.setDark(stage.getScene(), true));
            WaitForAsyncUtils.waitForFxEvents();
        }
        settle(robot);
        return loading;
    }

    /** The header rows' heights and the tables' fitted widths and heights settle over a few pulses. */
    void settle(FxRobot robot) {
        for (int i = 0; i < 3; i++) {
            robot.interact(() -> stage.getScene().getRoot().layout());
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    @ParameterizedTest(name = "{0} {1} {2}x{3} dark {4}")
    @MethodSource("windows")
    void everyHeaderAndValueShowsWhole(Locale locale, Actor actor, int width, int height, boolean dark, FxRobot robot)
            throws Exception {
        List<String> loading = open(locale, actor, width, height, dark, robot);
        assertThat(loading).as("the tables' placeholders while the report loads").containsOnly(bundle.getString("funder.placeholder.loading"));
        assertThat(((Labeled) table("#funderActivities").getPlaceholder()).getText()).isEqualTo(bundle.getString("funder.list.empty"));
        TableView<?> summary = table("#funderSummary");
        assertThat(summary.getItems()).hasSizeGreaterThan(2);
        assertThat(summary.lookupAll(".table-row-cell").stream()
                .filter(r -> r instanceof javafx.scene.control.TableRow<?> row && !row.isEmpty() && visible(row)
                        && row.localToScene(row.getLayoutBounds()).getMaxY() <= summary.localToScene(summary.getLayoutBounds()).getMaxY())
                .count()).as("the summary shows all its rows").isEqualTo(summary.getItems().size());
        assertThat(table("#funderActivities").getItems()).isNotEmpty();

        assertWhole();
        // another year's figures, then this one's again: the columns follow their new widest texts both ways
        for (String year : List.of("2026", "2025")) {
            robot.interact(() -> viewModel.yearTextProperty().set(year));
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !viewModel.busyProperty().get()
                    && viewModel.dataProperty().get() != null && viewModel.dataProperty().get().report().year() == Integer.parseInt(year));
            settle(robot);
            assertWhole();
        }
    }

    /** No text cut short in the tables, none outside the body's view, the body scrolling down to the activity list. */
    void assertWhole() {
        ScrollPane body = (ScrollPane) stage.getScene().lookup("#funderBody");
        assertThat(bar(body, javafx.geometry.Orientation.HORIZONTAL)).as("the body never scrolls sideways").isFalse();
        List<String> cut = new ArrayList<>();
        for (String id : List.of("#funderSummary", "#funderReasons", "#funderActivities")) {
            TableView<?> table = table(id);
            assertThat(bar(table, javafx.geometry.Orientation.HORIZONTAL)).as(id + " never scrolls sideways").isFalse();
            cut.addAll(CutTexts.within(table));
            cut.addAll(narrowColumns(table));
            double columns = table.getVisibleLeafColumns().stream().mapToDouble(TableColumn::getWidth).sum();
            assertThat(columns).as(id + "'s columns within it").isLessThanOrEqualTo(table.getWidth() + 0.5);
            Bounds shown = table.localToScene(table.getLayoutBounds());
            Bounds viewport = body.localToScene(body.getLayoutBounds());
            double right = viewport.getMaxX() - (bar(body, javafx.geometry.Orientation.VERTICAL) ? scrollBar(body).getWidth() : 0);
            assertThat(shown.getMaxX()).as(id + " within the body, left of its scroll bar").isLessThanOrEqualTo(right + 0.5);
            // below the window's edge only where the body scrolls to it, and never squeezed under its minimum
            Bounds inBody = body.getContent().sceneToLocal(shown);
            assertThat(inBody.getMaxY()).as(id + " within the body").isLessThanOrEqualTo(body.getContent().getLayoutBounds().getHeight() + 0.5);
            assertThat(table.getHeight()).as(id + " height").isGreaterThanOrEqualTo(table.minHeight(-1) - 0.5);
        }
        if (body.getContent().getLayoutBounds().getHeight() > body.getViewportBounds().getHeight() + 0.5) {
            assertThat(bar(body, javafx.geometry.Orientation.VERTICAL)).as("the body scrolls down to the activity list").isTrue();
        }
        assertThat(cut).as("texts cut short").isEmpty();
    }

    /**
     * Every row's text in every visible column, measured in the cells' font, wider than the column
     * leaves it: the rows a list has not drawn (scrolled away) count too.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    List<String> narrowColumns(TableView<?> table) {
        Set<String> cut = new LinkedHashSet<>();
        Font regular = ((Labeled) stage.getScene().lookup("#funderStatus")).getFont();
        Text measure = new Text();
        measure.setFont(regular);
        for (TableColumn column : table.getVisibleLeafColumns()) {
            // a cell's padding and border: 0.166667em each side, 1 px
            double room = column.getWidth() - 2 * regular.getSize() / 6 - 1;
            for (Object row : table.getItems()) {
                Object value = column.getCellData(row);
                if (value instanceof FunderViewModel.FigureRow) {
                    continue; // the summary's figures: every row of it is drawn, and CutTexts reads them
                }
                String text = value instanceof java.time.LocalDate d ? viewModel.formats().date(d) : String.valueOf(value);
                measure.setText(text);
                if (measure.getLayoutBounds().getWidth() > room) {
                    cut.add("'" + text + "' in a " + column.getWidth() + " px column of " + table.getId());
                }
            }
        }
        return new ArrayList<>(cut);
    }

    static boolean visible(Node n) {
        for (Node x = n; x != null; x = x.getParent()) {
            if (!x.isVisible()) {
                return false;
            }
        }
        return true;
    }

    static boolean bar(Parent control, javafx.geometry.Orientation orientation) {
        return control.lookupAll(".scroll-bar").stream().anyMatch(n -> n instanceof ScrollBar b
                && b.getOrientation() == orientation && visible(b) && b.getParent() != null
                && isOwn(control, b));
    }

    static ScrollBar scrollBar(ScrollPane pane) {
        return (ScrollBar) pane.lookupAll(".scroll-bar").stream()
                .filter(n -> n instanceof ScrollBar b && b.getOrientation() == javafx.geometry.Orientation.VERTICAL && isOwn(pane, b))
                .findFirst().orElseThrow();
    }

    /** The scroll bar belongs to {@code control} itself, not to a table inside it. */
    static boolean isOwn(Parent control, ScrollBar bar) {
        for (Node x = bar.getParent(); x != null && x != control; x = x.getParent()) {
            if (x instanceof TableView<?> || x instanceof ScrollPane) {
                return false;
            }
        }
        return true;
    }

    TableView<?> table(String id) {
        return (TableView<?>) stage.getScene().lookup(id);
    }
}
