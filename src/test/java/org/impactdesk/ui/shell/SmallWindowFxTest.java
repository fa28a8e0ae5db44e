package org.impactdesk.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.impactdesk.service.home.ExampleDatabase;
import org.impactdesk.store.Database;
import org.impactdesk.store.MigratedH2;
import org.impactdesk.ui.fx.CutTexts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The real window at 1024x700, the smallest size it supports, signed in as an org admin (who sees
 * every screen): on each screen every button, field and drop-down is wide enough to use (not
 * crushed to "fi"), lies within the window or within a scroll pane that can scroll down to it (never
 * sideways), and overlaps no other.
 */
@MigratedH2
@ExtendWith(ApplicationExtension.class)
class SmallWindowFxTest {
    static final double WIDTH = 1024;
    static final double HEIGHT = 700;
    /** A field or drop-down narrower than this shows a letter or two of its value. */
    static final double MIN_FIELD_WIDTH = 60;

    Stage stage;
    WindowFixture fixture;
    MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void open(Database db) throws Exception {
        fixture = new WindowFixture(ExampleDatabase.fill(db));
        window = fixture.openAt(stage, WIDTH, HEIGHT);
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    void await(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        fixture.await(condition);
    }

    @Test
    void everyScreenOfAnAdminFitsA1024x700WindowWithUsableControlsThatDoNotOverlap(FxRobot robot) throws Exception {
        fixture.signIn(ExampleDatabase.ADA.userId());
        assertThat(window.stage().getScene().getWidth()).isLessThanOrEqualTo(WIDTH);
        List<ScreenId> screens = List.copyOf(window.shell().viewModel().screens());
        assertThat(screens).contains(ScreenId.ACHIEVEMENTS, ScreenId.WRAPPED, ScreenId.SYNC, ScreenId.SETTINGS);
        List<String> problems = new ArrayList<>();
        for (ScreenId id : screens) {
            fixture.open(NavigationRequest.to(id));
            fixture.waitForData();
            await(() -> {
                problems.addAll(problems(id, window.shell().current().root()));
                problems.addAll(cutTexts(id, window.shell().current().root()));
                // their tables fit their columns to what they show (ColumnFit): no header cut, nor
                // a value of the Mentor side panel's summaries
                Parent root = window.shell().current().root();
                if (id == ScreenId.SYNC) {
                    CutTexts.headers(root).forEach(c -> problems.add(id + " " + c));
                } else if (id == ScreenId.MENTOR) {
                    CutTexts.within((Parent) root.lookup("#summariesTable")).forEach(c -> problems.add(id + " " + c));
                }
                return true;
            });
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void teamsStatusColumnIsInViewWithoutScrollingSideways(FxRobot robot) throws Exception {
        fixture.signIn(ExampleDatabase.ADA.userId());
        // a quarter with stored rows (the default is the last closed quarter, which depends on today)
        fixture.open(NavigationRequest.to(ScreenId.TEAM).withPeriod(new org.impactdesk.domain.Period.Quarter(2025, 1)));
        fixture.waitForData();
        statusInView();
        // with a mentor selected the side panel takes part of the width: the status stays in view
        await(() -> {
            @SuppressWarnings("unchecked")
            javafx.scene.control.TableView<org.impactdesk.domain.TeamLine> table =
                    (javafx.scene.control.TableView<org.impactdesk.domain.TeamLine>) window.shell().current().root()
                            .lookup("#teamTable");
            // a mentor's row (the first is the team's own)
            return table.getItems().stream().filter(l -> l.kind() == org.impactdesk.domain.TeamLine.Kind.MENTOR).findFirst()
                    .map(l -> {
                        table.getSelectionModel().select(l);
                        return true;
                    }).orElse(false);
        });
        fixture.waitForData();
        await(() -> window.shell().current().root().lookup("#teamSidePanel") != null
                && window.shell().current().root().lookup("#teamSidePanel").isVisible());
        statusInView();
    }

    void statusInView() throws Exception {
        await(() -> {
            Parent root = window.shell().current().root();
            javafx.scene.control.TableView<?> table = (javafx.scene.control.TableView<?>) root.lookup("#teamTable");
            Node status = table.lookup("#colStatus");
            assertThat(status).as("the status column's header").isNotNull();
            Bounds tableBounds = table.localToScene(table.getLayoutBounds());
            Bounds statusBounds = status.localToScene(status.getLayoutBounds());
            assertThat(statusBounds.getMaxX()).as("the status column ends inside the table's visible width")
                    .isLessThanOrEqualTo(tableBounds.getMaxX() + 0.5);
            assertThat(statusBounds.getMaxX()).isLessThanOrEqualTo(root.getScene().getWidth());
            return true;
        });
    }

    /**
     * Wrapped texts (notes, counts, the release queue line) that do not get the height their text
     * needs, so their last line is cut or shown as "...": as laid out now, on the FX thread.
     */
    static List<String> cutTexts(ScreenId screen, Parent root) {
        List<String> problems = new ArrayList<>();
        for (Node n : root.lookupAll(".label")) {
            if (n instanceof javafx.scene.control.Label l && l.isWrapText() && l.getText() != null && !l.getText().isBlank()
                    && visible(l) && l.getWidth() > 0 && !inTable(l)) {
                double needed = l.prefHeight(l.getWidth());
                if (l.getHeight() + 0.5 < needed) {
                    problems.add(screen + " " + describe(l) + " is cut: " + Math.round(l.getHeight()) + " of "
                            + Math.round(needed) + " px high");
                }
            }
        }
        return problems;
    }

    /** A table's column headers wrap within the header's height by design; cells are virtualised. */
    static boolean inTable(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.TableView<?> || p instanceof ListView<?>) {
                return true;
            }
        }
        return false;
    }

    static boolean visible(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** What is wrong with the controls of {@code screen} as laid out now (run on the FX thread). */
    static List<String> problems(ScreenId screen, Parent root) {
        List<Control> controls = new ArrayList<>();
        collect(root, controls);
        Bounds window = root.getScene().getRoot().localToScene(root.getScene().getRoot().getLayoutBounds());
        List<String> problems = new ArrayList<>();
        for (Control c : controls) {
            Bounds b = c.localToScene(c.getLayoutBounds());
            String name = screen + " " + describe(c);
            if ((c instanceof TextInputControl || c instanceof ComboBoxBase<?>) && b.getWidth() < MIN_FIELD_WIDTH) {
                problems.add(name + " is crushed to " + Math.round(b.getWidth()) + " px wide");
            }
            if (c instanceof ButtonBase && b.getWidth() + 0.5 < Math.min(c.prefWidth(-1), c.minWidth(-1) > 0 ? c.minWidth(-1) : 1e9)) {
                problems.add(name + " is narrower than its text (" + Math.round(b.getWidth()) + " px)");
            }
            if (!contains(window, b) && !reachableByScrolling(c)) {
                problems.add(name + " lies outside the window at " + b + " with no scroll pane to bring it in");
            }
        }
        for (int i = 0; i < controls.size(); i++) {
            for (int j = i + 1; j < controls.size(); j++) {
                Control a = controls.get(i);
                Control b = controls.get(j);
                Bounds ab = a.localToScene(a.getLayoutBounds());
                Bounds bb = b.localToScene(b.getLayoutBounds());
                double w = Math.min(ab.getMaxX(), bb.getMaxX()) - Math.max(ab.getMinX(), bb.getMinX());
                double h = Math.min(ab.getMaxY(), bb.getMaxY()) - Math.max(ab.getMinY(), bb.getMinY());
                if (w > 2 && h > 2) {
                    problems.add(screen + " " + describe(a) + " overlaps " + describe(b));
                }
            }
        }
        return problems;
    }

    /** The visible buttons, fields and drop-downs, not those inside list or table cells (virtualised) or others. */
    static void collect(Node node, List<Control> into) {
        if (!node.isVisible() || node instanceof IndexedCell<?>) {
            return;
        }
        if (node instanceof ButtonBase || node instanceof TextInputControl || node instanceof ComboBoxBase<?>) {
            if (!insideAnotherControlsSkin(node)) {
                into.add((Control) node);
            }
            return;
        }
        if (node instanceof ListView<?> || node instanceof javafx.scene.control.TableView<?>) {
            return;
        }
        if (node instanceof ScrollPane sp) {
            if (sp.getContent() != null) {
                collect(sp.getContent(), into);
            }
            return;
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, into);
            }
        }
    }

    /** A spinner's arrow buttons, a combo box's editor: part of their control, not separate controls. */
    static boolean insideAnotherControlsSkin(Node node) {
        for (Node p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ComboBoxBase<?> || p instanceof javafx.scene.control.Spinner<?>) {
                return true;
            }
        }
        return false;
    }

    static boolean contains(Bounds outer, Bounds inner) {
        return inner.getMinX() >= outer.getMinX() - 0.5 && inner.getMinY() >= outer.getMinY() - 0.5
                && inner.getMaxX() <= outer.getMaxX() + 0.5 && inner.getMaxY() <= outer.getMaxY() + 0.5;
    }

    /** Inside a scroll pane whose content is larger than its viewport in the direction it lies out of view. */
    static boolean reachableByScrolling(Node node) {
        for (Node p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane sp && sp.getContent() != null) {
                Bounds content = sp.getContent().getLayoutBounds();
                Bounds viewport = sp.getViewportBounds();
                Bounds inViewport = sp.localToScene(sp.getLayoutBounds());
                Bounds b = node.localToScene(node.getLayoutBounds());
                boolean verticalOk = (b.getMinY() >= inViewport.getMinY() - 0.5 && b.getMaxY() <= inViewport.getMaxY() + 0.5)
                        || (content.getHeight() > viewport.getHeight() + 0.5 && sp.getVbarPolicy() != ScrollPane.ScrollBarPolicy.NEVER);
                // sideways scrolling to reach a field is not a layout: across, it must be in view
                boolean horizontalOk = b.getMinX() >= inViewport.getMinX() - 0.5 && b.getMaxX() <= inViewport.getMaxX() + 0.5;
                if (verticalOk && horizontalOk) {
                    return true;
                }
            }
        }
        return false;
    }

    static String describe(Node n) {
        String text = n instanceof javafx.scene.control.Labeled l ? " \"" + l.getText() + "\"" : "";
        return n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId()) + text;
    }
}
