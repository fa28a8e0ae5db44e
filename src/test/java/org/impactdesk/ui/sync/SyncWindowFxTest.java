package org.impactdesk.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.impactdesk.App;
import org.impactdesk.service.home.ExampleDatabase;
import org.impactdesk.store.Database;
import org.impactdesk.store.MigratedH2;
import org.impactdesk.ui.fx.ScriptedDialogs;
import org.impactdesk.ui.shell.MainWindow;
import org.impactdesk.ui.shell.ScreenContext;
import org.impactdesk.ui.shell.ScreenId;
import org.impactdesk.ui.shell.ScreenRegistry;
import org.impactdesk.ui.shell.WindowFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real Sync screen in the real window on a migrated H2 holding the worked example: an admin
 * signs in, opens Sync, picks (through the screen's own "Choose folder..." button; only the OS
 * folder chooser is answered by a fake) a copy of the example bundle with one bad
 * {@code duration_minutes}, sees the error by file, physical line and column, cannot import all
 * (nothing written), then imports the valid rows and sees the reject file and the history row.
 */
@MigratedH2
@ExtendWith(ApplicationExtension.class)
class SyncWindowFxTest {
    @TempDir
    Path dir;
    Path bundle;
    Stage stage;
    Database db;
    WindowFixture fixture;
    MainWindow window;
    final ScriptedDialogs dialogs = new ScriptedDialogs();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void open(Database db) throws Exception {
        this.db = ExampleDatabase.fill(db);
        bundle = badBundle(dir.resolve("bundle"));
        fixture = new WindowFixture(db);
        ScreenRegistry registry = App.screens(fixture.services);
        ScreenRegistry.ScreenFactory realSync = registry.find(ScreenId.SYNC).orElseThrow().factory();
        dialogs.folder = bundle;
        dialogs.confirmAnswer = false;
        registry.register(ScreenId.SYNC, ctx -> realSync.create(new ScreenContext(ctx.actor(), ctx.loader(),
                ctx.tasks(), dialogs, ctx.navigator(), ctx.dataChanged())));
        window = fixture.open(stage, fixture.setup(registry));
    }

    /** The example bundle, with act-102's duration (physical line 3 of activities.csv) made unreadable. */
    static Path badBundle(Path target) throws IOException {
        Path source = Path.of("src/test/resources/example/bundle");
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        }
        Path activities = target.resolve("activities.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(activities));
        assertThat(lines.get(2)).startsWith("act-102;").contains(";90;");
        lines.set(2, lines.get(2).replace(";90;", ";90 min;"));
        Files.write(activities, lines);
        return target;
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    /** Waits for {@code condition} (read on the FX thread); a timeout says what the screen says. */
    void await(Callable<Boolean> condition) throws Exception {
        fixture.await(condition);
    }

    long activities() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM activities").mapTo(Long.class).one());
    }

    /** What the table shows in its column headed {@code header}, for every filled row, top to bottom. */
    static List<String> shown(FxRobot robot, TableView<?> table, String header) {
        return robot.from(table).lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getTableColumn() != null && header.equals(c.getTableColumn().getText()))
                .filter(c -> !c.isEmpty() && c.getIndex() >= 0 && c.getIndex() < table.getItems().size())
                .sorted(java.util.Comparator.comparingInt(TableCell::getIndex))
                .map(TableCell::getText).toList();
    }

    String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAdminPreviewsABadBundleCannotImportAllAndImportsTheValidRows(FxRobot robot) throws Exception {
        assertThat(fixture.signInNames()).contains("Ada Admin");
        fixture.signIn(ExampleDatabase.ADA.userId());

        fixture.open(ScreenId.SYNC);
        await(() -> robot.lookup("#chooseFolder").tryQuery().isPresent());
        TableView<SyncViewModel.HistoryRow> history = robot.lookup("#historyTable").queryAs(TableView.class);
        long before = activities();
        assertThat(before).isPositive();

        robot.clickOn("#chooseFolder");
        assertThat(dialogs.folderTitles).containsExactly("Choose an export bundle folder");
        TableView<SyncViewModel.ErrorRow> errors = robot.lookup("#errorsTable").queryAs(TableView.class);
        await(() -> !text(robot, "#bundleLabel").isEmpty() && !text(robot, "#syncMessage").startsWith("Reading"));
        assertThat(text(robot, "#syncMessage"))
                .isEqualTo("The bundle has 1 row with errors (listed below). Nothing was written.");
        assertThat(text(robot, "#bundleLabel")).isEqualTo(bundle.toAbsolutePath().toString());
        assertThat(shown(robot, errors, "File")).containsExactly("activities.csv");
        assertThat(shown(robot, errors, "Line")).containsExactly("3");
        assertThat(shown(robot, errors, "Column")).containsExactly("duration_minutes");
        assertThat(shown(robot, errors, "What is wrong")).singleElement().asString().isNotBlank();
        // a long reason is cut at the column's edge: the selected error (the first at first) is said in full below
        assertThat(errors.getSelectionModel().getSelectedIndex()).isZero();
        assertThat(text(robot, "#errorDetail")).isEqualTo(errors.getItems().get(0).message()).isNotBlank();
        robot.interact(() -> errors.getSelectionModel().clearSelection());
        assertThat(text(robot, "#errorDetail")).isEqualTo("Select an error to read all of it here.");
        robot.interact(() -> errors.getSelectionModel().selectFirst());
        // the explanation under the tables wraps instead of being cut to one line
        Label blocked = robot.lookup("#importAllBlocked").queryAs(Label.class);
        assertThat(blocked.getHeight()).isGreaterThanOrEqualTo(blocked.prefHeight(blocked.getWidth()) - 0.5);
        TableView<SyncViewModel.FileRow> files = robot.lookup("#filesTable").queryAs(TableView.class);
        // the window fits the (headless) screen: activities.csv, the last file, may be below the table's fold
        robot.interact(() -> files.scrollTo(files.getItems().size() - 1));
        int activitiesRow = shown(robot, files, "File").indexOf("activities.csv");
        assertThat(activitiesRow).isNotNegative();
        assertThat(shown(robot, files, "With errors").get(activitiesRow)).isEqualTo("1");
        assertThat(text(robot, "#previewSummary")).endsWith("rows with errors: 1.");
        assertThat(text(robot, "#syncMessage"))
                .isEqualTo("The bundle has 1 row with errors (listed below). Nothing was written.");

        // Import all is refused: the button is off, the reason is shown, and a click writes nothing
        Button importAll = robot.lookup("#importAll").queryAs(Button.class);
        assertThat(importAll.isDisabled()).isTrue();
        assertThat(text(robot, "#importAllBlocked")).startsWith("Import all is off: 1 row has errors");
        assertThat(robot.lookup("#importAllBlocked").queryAs(Label.class).isVisible()).isTrue();
        robot.clickOn("#importAll");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(activities()).isEqualTo(before);
        assertThat(history.getItems()).isEmpty();

        robot.clickOn("#importValid");
        await(() -> text(robot, "#syncMessage").contains("Summaries brought up to date"));
        String done = text(robot, "#syncMessage");
        assertThat(done).startsWith("Imported: ");
        assertThat(done).contains("1 row with errors was left out; they are saved with their reasons in ");
        String rejects = done.substring(done.indexOf(" in ") + 4, done.indexOf(" Summaries brought")).replaceAll("\\.$", "");
        Path rejectFile = Path.of(rejects);
        assertThat(rejectFile).exists();
        assertThat(Files.readString(rejectFile)).contains("act-102").contains("90 min");

        await(() -> !history.getItems().isEmpty());
        assertThat(shown(robot, history, "File")).containsExactly(bundle.getFileName().toString());
        // the log keeps who ran it by user id; the screen shows that user's name
        assertThat(shown(robot, history, "Who")).containsExactly("Ada Admin");
        assertThat(shown(robot, history, "Counts")).singleElement().asString().contains(", 1 rejected").doesNotContain(" 0 ");
        assertThat(shown(robot, history, "Outcome")).containsExactly("Imported");
        assertThat(importAll.isDisabled()).isTrue();
        // everything was said on the screen: no error dialog, and only the folder chooser was used
        assertThat(dialogs.errors).isEmpty();
        assertThat(dialogs.openExtensions).isEmpty();
        assertThat(dialogs.suggestedName).isNull();
    }

    /** The cut texts among {@code table}'s headers and the cells of its filled rows, but for the column headed {@code except}. */
    static List<String> cut(FxRobot robot, TableView<?> table, String except) {
        List<String> cut = new ArrayList<>();
        robot.interact(() -> {
            cut.addAll(org.impactdesk.ui.fx.CutTexts.headers(table));
            for (TableCell<?, ?> c : robot.from(table).lookup(".table-cell").queryAllAs(TableCell.class)) {
                if (c.getTableColumn() != null && !c.getTableColumn().getText().equals(except) && !c.isEmpty()
                        && c.getIndex() >= 0 && c.getIndex() < table.getItems().size()) {
                    org.impactdesk.ui.fx.CutTexts.within(c).forEach(t -> cut.add(c.getTableColumn().getText() + ": " + t));
                }
            }
        });
        return cut;
    }

    @Test
    @SuppressWarnings("unchecked")
    void at1024x700TheErrorsAndHistoryTablesShowTheirHeadersFileLineColumnAndCountsWhole(FxRobot robot) throws Exception {
        fixture.signIn(ExampleDatabase.ADA.userId());
        // the stage is shared by the tests of this class: its size is put back after this one
        fixture.atSize(1024, 700, () -> smallWindow(robot));
    }

    @SuppressWarnings("unchecked")
    void smallWindow(FxRobot robot) throws Exception {
        fixture.open(ScreenId.SYNC);
        await(() -> robot.lookup("#chooseFolder").tryQuery().isPresent());
        robot.clickOn("#chooseFolder");
        TableView<SyncViewModel.ErrorRow> errors = robot.lookup("#errorsTable").queryAs(TableView.class);
        await(() -> errors.getItems().size() == 1 && !text(robot, "#syncMessage").startsWith("Reading"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getScene().getWidth()).isLessThanOrEqualTo(1024);
        // the message takes what is left and may be cut: the chosen error's message is said whole below
        assertThat(cut(robot, errors, "What is wrong")).as("cut in the errors table").isEmpty();
        assertThat(shown(robot, errors, "Column")).containsExactly("duration_minutes");

        robot.clickOn("#importValid");
        await(() -> text(robot, "#syncMessage").contains("Summaries brought up to date"));
        TableView<SyncViewModel.HistoryRow> history = robot.lookup("#historyTable").queryAs(TableView.class);
        await(() -> !history.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cut(robot, history, "")).as("cut in the history table").isEmpty();

        // the same in Norwegian ("Antall" was cut there)
        robot.interact(() -> window.switchLanguage(Locale.forLanguageTag("nb")));
        fixture.open(ScreenId.SYNC);
        await(() -> robot.lookup("#historyTable").tryQuery().isPresent()
                && !robot.lookup("#historyTable").queryAs(TableView.class).getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        TableView<SyncViewModel.HistoryRow> historyNb = robot.lookup("#historyTable").queryAs(TableView.class);
        assertThat(historyNb.getColumns().get(4).getText()).isEqualTo("Antall");
        assertThat(cut(robot, historyNb, "")).as("cut in the Norwegian history table").isEmpty();
    }

    /**
     * Issue 13: at 1024x700 the errors table shows several rows (it was about one row high) in
     * English and Norwegian, and the preview's notes, the buttons and the import history stay
     * reachable: the screen scrolls as a whole, never sideways.
     */
    @Test
    @SuppressWarnings("unchecked")
    void at1024x700TheErrorsTableShowsSeveralRowsAndTheScreenScrollsToTheHistory(FxRobot robot) throws Exception {
        fixture.signIn(ExampleDatabase.ADA.userId());
        fixture.atSize(1024, 700, () -> {
            errorsTableHasRoom(robot);
            robot.interact(() -> window.switchLanguage(Locale.forLanguageTag("nb")));
            errorsTableHasRoom(robot);
        });
    }

    /** At least this many rows of the errors table are in view at 1024x700. */
    static final int ERROR_ROWS_SHOWN = 5;

    @SuppressWarnings("unchecked")
    void errorsTableHasRoom(FxRobot robot) throws Exception {
        fixture.open(ScreenId.SYNC);
        await(() -> robot.lookup("#chooseFolder").tryQuery().isPresent());
        robot.clickOn("#chooseFolder");
        TableView<SyncViewModel.ErrorRow> errors = robot.lookup("#errorsTable").queryAs(TableView.class);
        await(() -> errors.getItems().size() == 1 && !text(robot, "#syncMessage").isEmpty()
                && !robot.lookup("#syncMessage").queryAs(Label.class).getText().startsWith("Reading")
                && !robot.lookup("#syncMessage").queryAs(Label.class).getText().startsWith("Leser"));
        assertThat(stage.getScene().getWidth()).isLessThanOrEqualTo(1024);
        await(() -> {
            javafx.scene.Node header = errors.lookup(".column-header-background");
            javafx.scene.Node row = errors.lookup(".table-row-cell");
            double rows = (errors.getHeight() - header.getBoundsInParent().getHeight()) / row.getBoundsInLocal().getHeight();
            assertThat(rows).as("rows of the errors table in view (%s px high)", errors.getHeight())
                    .isGreaterThanOrEqualTo(ERROR_ROWS_SHOWN);
            javafx.scene.control.ScrollPane scroll = robot.lookup("#syncScroll").queryAs(javafx.scene.control.ScrollPane.class);
            for (javafx.scene.Node n : scroll.lookupAll(".scroll-bar")) {
                if (n instanceof javafx.scene.control.ScrollBar bar && bar.getParent() == scroll.lookup(".scroll-pane")
                        && bar.getOrientation() == javafx.geometry.Orientation.HORIZONTAL) {
                    assertThat(bar.isVisible()).as("a sideways scroll bar on the screen").isFalse();
                }
            }
            return true;
        });
        // the preview's notes, the buttons and the history: in view, or brought in by scrolling the screen down
        for (String part : List.of("#previewSummary", "#previewNotes", "#importValid", "#historyTable")) {
            javafx.scene.Node node = robot.lookup(part).query();
            if (!node.isManaged()) {
                continue; // the notes take room only when the preview has some
            }
            robot.interact(() -> scrollTo(robot, node));
            await(() -> {
                javafx.geometry.Bounds b = node.localToScene(node.getLayoutBounds());
                javafx.scene.control.ScrollPane scroll = robot.lookup("#syncScroll").queryAs(javafx.scene.control.ScrollPane.class);
                javafx.geometry.Bounds view = scroll.localToScene(scroll.getLayoutBounds());
                assertThat(b.getMinY()).as(part + " top").isGreaterThanOrEqualTo(view.getMinY() - 0.5);
                assertThat(b.getMaxY()).as(part + " bottom").isLessThanOrEqualTo(view.getMaxY() + 0.5);
                assertThat(b.getMaxX()).as(part + " right edge").isLessThanOrEqualTo(view.getMaxX() + 0.5);
                assertThat(b.getHeight()).as(part + " height").isGreaterThan(15);
                return true;
            });
        }
        javafx.scene.control.TableView<?> history = robot.lookup("#historyTable").queryAs(TableView.class);
        assertThat(history.getHeight()).as("the history table's height").isGreaterThanOrEqualTo(120);
    }

    /** Scrolls the screen's scroll pane so that {@code node} is in its viewport (as a person scrolls down). */
    static void scrollTo(FxRobot robot, javafx.scene.Node node) {
        javafx.scene.control.ScrollPane scroll = robot.lookup("#syncScroll").queryAs(javafx.scene.control.ScrollPane.class);
        double contentHeight = scroll.getContent().getLayoutBounds().getHeight();
        double viewHeight = scroll.getViewportBounds().getHeight();
        if (contentHeight <= viewHeight) {
            return;
        }
        javafx.geometry.Bounds b = scroll.getContent().sceneToLocal(node.localToScene(node.getLayoutBounds()));
        scroll.setVvalue(Math.min(b.getMinY(), contentHeight - viewHeight) / (contentHeight - viewHeight));
        scroll.layout();
    }
}
