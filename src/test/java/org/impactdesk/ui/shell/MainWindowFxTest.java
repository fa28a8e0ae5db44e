package org.impactdesk.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.impactdesk.App;
import org.impactdesk.domain.Period;
import org.impactdesk.service.Services;
import org.impactdesk.service.home.ExampleDatabase;
import org.impactdesk.store.Database;
import org.impactdesk.store.MigratedH2;
import org.impactdesk.ui.fx.WindowControls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
/**
 * The real window on a migrated H2 holding the stored worked example: sign in through the list,
 * Home tiles, navigation, scope, Settings validation, language switch, remembered bounds. The
 * Team screen is another helper's: a stand-in registered here records what Home asks of it.
 */
@MigratedH2
@ExtendWith(ApplicationExtension.class)
class MainWindowFxTest {
    static final Period Q1 = new Period.Quarter(2025, 1);
    Stage stage;
    Database db;
    WindowFixture fixture;
    Preferences prefsNode;
    MainWindow window;
    final List<NavigationRequest> teamRequests = new ArrayList<>();
    final List<Boolean> homeBuiltOnFxThread = new java.util.concurrent.CopyOnWriteArrayList<>();
    final List<Boolean> teamBuiltOnFxThread = new java.util.concurrent.CopyOnWriteArrayList<>();
    final List<Boolean> teamAttachedWhenLoaded = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void open(Database db) throws Exception {
        this.db = ExampleDatabase.fill(db);
        fixture = new WindowFixture(db);
        prefsNode = fixture.prefs;
        Services services = fixture.services;
        ScreenRegistry registry = App.screens(services);
        ScreenRegistry.ScreenFactory home = registry.find(ScreenId.HOME).orElseThrow().factory();
        registry.register(ScreenId.HOME, ctx -> {
            homeBuiltOnFxThread.add(javafx.application.Platform.isFxApplicationThread());
            return home.create(ctx);
        });
        registry.register(ScreenId.TEAM, registry.find(ScreenId.TEAM).orElseThrow().visibleTo(), ctx -> {
            teamBuiltOnFxThread.add(javafx.application.Platform.isFxApplicationThread());
            StackPane root = new StackPane(new Label("team stand-in"));
            // a screen starts its loads when first shown (attached): their results land on the FX
            // thread with the screen in the window (in the shell's scroll pane)
            return Screen.of(root).onFirstShow(() -> ctx.tasks().run("stand-in-load", p -> "rows",
                    org.impactdesk.ui.fx.TaskRunner.Callbacks.of(rows -> teamAttachedWhenLoaded.add(
                            javafx.application.Platform.isFxApplicationThread()
                                    && window.stage().getScene().getRoot().lookupAll(".screen-scroll").stream()
                                    .anyMatch(n -> ((javafx.scene.control.ScrollPane) n).getContent() == root)),
                            e -> { })))
                    .onShow(teamRequests::add).build();
        });
        window = fixture.open(stage, fixture.setup(registry));
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    void await(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        fixture.await(condition);
    }

    /** Signs in through the list, which shows the example's five users, the admin first. */
    void signInAs(String userId) throws Exception {
        assertThat(fixture.signInNames())
                .containsExactly("Ada Admin", "Kim Koordinator", "Jonas Prøvesen", "Mira Eksempel", "Sofie Demo");
        fixture.signIn(userId);
    }

    <T extends Node> T node(FxRobot robot, String query, Class<T> type) throws Exception {
        return fixture.node(query, type);
    }

    @SuppressWarnings("unchecked")
    void showQ1(FxRobot robot) throws Exception {
        ComboBox<Period> period = node(robot, "#homePeriod", ComboBox.class);
        await(() -> period.getItems().contains(Q1));
        robot.interact(() -> period.setValue(Q1));
        await(() -> "Overview, Q1 2025".equals(robot.lookup("#homeTitle").queryAs(Label.class).getText()));
    }

    String tile(FxRobot robot, String kind) {
        return robot.lookup("#tile-value-" + kind).queryAs(Label.class).getText();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCoordinatorSignsInSeesTheTeamFiguresAndOnlyTheirMentors(FxRobot robot) throws Exception {
        signInAs(ExampleDatabase.KIM.userId());
        assertThat(robot.lookup("#statusUser").queryAs(Label.class).getText())
                .isEqualTo("Signed in: Kim Koordinator (coordinator)");
        assertThat(robot.lookup("#statusDatabase").queryAs(Label.class).getText()).endsWith("db.mv.db");
        await(() -> robot.lookup("#statusLastSync").queryAs(Label.class).getText().equals("Last sync: never"));
        // a coordinator has no Settings
        assertThat(robot.lookup("#nav-settings").tryQuery()).isEmpty();

        showQ1(robot);
        assertThat(tile(robot, "hours")).isEqualTo("5.3");
        assertThat(tile(robot, "activities")).isEqualTo("6");
        assertThat(tile(robot, "active-mentors")).isEqualTo("2");
        assertThat(tile(robot, "underactive")).isEqualTo("1");
        assertThat(tile(robot, "overloaded")).isEqualTo("1");
        assertThat(tile(robot, "yoy")).isEqualTo("+500%");

        fixture.open(ScreenId.MENTOR);
        ComboBox<org.impactdesk.domain.MentorRef> mentors = node(robot, "#mentorPicker", ComboBox.class);
        await(() -> !mentors.getItems().isEmpty());
        // Kim's scope is la-2: Mira (member) and Sofie; not Jonas (la-1 only)
        assertThat(mentors.getItems()).extracting(org.impactdesk.domain.MentorRef::peerMentorId)
                .containsExactlyInAnyOrder("pm-1", "pm-3");
        assertThat(robot.lookup("#nav-mentor").queryAs(ToggleButton.class).isSelected()).isTrue();
    }

    @Test
    void theShellAndEachScreenAreBuiltOffTheFxThreadAndLoadOnceAttached(FxRobot robot) throws Exception {
        signInAs(ExampleDatabase.KIM.userId());
        showQ1(robot); // Home, built with the shell on a worker, in the live scene with its figures
        assertThat(tile(robot, "hours")).isEqualTo("5.3");
        Node homeRoot = robot.lookup("#homeScreen").query();
        assertThat(homeRoot.getScene()).isSameAs(window.stage().getScene());
        assertThat(homeBuiltOnFxThread).containsExactly(false);
        // the tiles' figures are sized in the window (not "...")
        Label hours = robot.lookup("#tile-value-hours").queryAs(Label.class);
        await(() -> hours.getWidth() >= hours.prefWidth(-1) - 0.5 && hours.getWidth() > 20
                && hours.localToScene(hours.getLayoutBounds()).getWidth() > 20);

        fixture.open(ScreenId.TEAM);
        node(robot, "team stand-in", Node.class);
        await(() -> !teamAttachedWhenLoaded.isEmpty());
        assertThat(teamBuiltOnFxThread).containsExactly(false);
        assertThat(teamAttachedWhenLoaded).containsExactly(true);
        assertThat(robot.lookup("#nav-team").queryAs(ToggleButton.class).isSelected()).isTrue();
        // built once per session: a second visit reuses it
        fixture.open(ScreenId.HOME);
        node(robot, "#homeTitle", Label.class);
        fixture.open(ScreenId.TEAM);
        await(() -> teamRequests.size() == 2);
        assertThat(teamBuiltOnFxThread).hasSize(1);
    }

    @Test
    void theUnderactiveTileOpensTeamFilteredToUnderactive(FxRobot robot) throws Exception {
        signInAs(ExampleDatabase.KIM.userId());
        showQ1(robot);
        robot.clickOn("#tile-underactive");
        await(() -> !teamRequests.isEmpty());
        assertThat(teamRequests).containsExactly(NavigationRequest.to(ScreenId.TEAM).withPeriod(Q1)
                .withStatus(NavigationRequest.StatusFilter.UNDERACTIVE));
        node(robot, "team stand-in", Node.class);
        assertThat(window.shell().viewModel().currentProperty().get()).isEqualTo(ScreenId.TEAM);

        fixture.open(ScreenId.HOME);
        await(() -> robot.lookup("#tile-overloaded").tryQuery().isPresent());
        robot.clickOn("#tile-overloaded");
        await(() -> teamRequests.size() == 2);
        assertThat(teamRequests.get(1).status()).isEqualTo(NavigationRequest.StatusFilter.OVERLOADED);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPeerMentorGetsTheirOwnScreensOnlyNoImportNoTeamTilesAndNoOutlierLabelsAboutThemself(FxRobot robot)
            throws Exception {
        signInAs("user-mira");
        assertThat(window.shell().viewModel().screens()).containsExactly(ScreenId.HOME, ScreenId.MENTOR, ScreenId.WRAPPED);
        assertThat(robot.lookup("#nav-sync").tryQuery()).isEmpty();
        assertThat(robot.lookup("#nav-team").tryQuery()).isEmpty();
        await(() -> robot.lookup("#tile-hours").tryQuery().isPresent());
        // their figures; none of the team's tiles nor the import's
        for (String kind : List.of("active-mentors", "underactive", "overloaded", "last-sync")) {
            assertThat(robot.lookup("#tile-" + kind).tryQuery()).as(kind).isEmpty();
        }
        assertThat(robot.lookup("#tile-activities").tryQuery()).isPresent();
        // no import command: Ctrl+O opens nothing, the menu has no import item
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.shell().viewModel().currentProperty().get()).isEqualTo(ScreenId.HOME);
        assertThat(robot.lookup("#syncScreen").tryQuery()).isEmpty();
        // the Mentor screen: their summaries, no Underactive/Normal/Overloaded about themself
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        javafx.scene.control.TableView<org.impactdesk.ui.mentor.MentorViewModel.SummaryRow> summaries =
                node(robot, "#summariesTable", javafx.scene.control.TableView.class);
        await(() -> summaries.getItems().stream().anyMatch(r -> r.period().contains("Q")));
        assertThat(summaries.getItems()).extracting(org.impactdesk.ui.mentor.MentorViewModel.SummaryRow::status)
                .doesNotContain("Underactive", "Normal", "Overloaded");
    }

    @Test
    void shortcutsNavigateAndTheMenuSwitchesLanguageKeepingTheUser(FxRobot robot) throws Exception {
        signInAs(ExampleDatabase.KIM.userId());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        await(() -> window.shell().viewModel().currentProperty().get() == ScreenId.SYNC);
        node(robot, "#syncScreen", Node.class);
        // Sync has no export: the status bar says so
        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#statusMessage").queryAs(Label.class).getText()).isEqualTo("Sync has no Export.");

        Node syncBefore = robot.lookup("#syncScreen").query();
        ShellView before = window.shell();
        robot.interact(() -> window.switchLanguage(WindowControls.NORWEGIAN));
        // the new shell is built off the FX thread and swapped in whole: until then the old one stays
        await(() -> window.shell() != before && robot.lookup("#nav-home").tryQuery().isPresent());
        assertThat(robot.lookup("#nav-home").queryAs(ToggleButton.class).getText()).isEqualTo("Hjem");
        assertThat(robot.lookup("#statusUser").queryAs(Label.class).getText())
                .isEqualTo("Innlogget: Kim Koordinator (koordinator)");
        assertThat(prefsNode.get("language", null)).isEqualTo("nb-NO");
        // the screen shown stays: Sync again, rebuilt with the Norwegian texts
        assertThat(window.shell().viewModel().currentProperty().get()).isEqualTo(ScreenId.SYNC);
        Button chooseFolder = node(robot, "#chooseFolder", Button.class);
        assertThat(chooseFolder.getText()).isEqualTo("Velg mappe ...");
        Node syncAfter = robot.lookup("#syncScreen").query();
        assertThat(syncAfter).isNotSameAs(syncBefore);
        assertThat(robot.lookup("#nav-sync").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#nav-sync").queryAs(ToggleButton.class).getText()).isEqualTo("Synkronisering");
        // the old shell's nodes are gone from the scene
        assertThat(robot.lookup("#nav-home").queryAll()).hasSize(1);

        fixture.open(ScreenId.HOME);
        await(() -> robot.lookup("#homeTitle").tryQuery().isPresent()
                && robot.lookup("#homeTitle").queryAs(Label.class).getText().startsWith("Oversikt, "));
    }

    @Test
    void anAdminsInvalidThresholdIsRejectedBesideTheField(FxRobot robot) throws Exception {
        signInAs(ExampleDatabase.ADA.userId());
        fixture.open(ScreenId.SETTINGS);
        TextField over = node(robot, "#quarterlyOverloaded", TextField.class);
        await(() -> "8".equals(over.getText()));
        Button save = robot.lookup("#settingsSave").queryAs(Button.class);
        assertThat(save.isDisabled()).isTrue();

        robot.doubleClickOn(over).eraseText(2).write("3");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#quarterlyOverloadedError").queryAs(Label.class).getText())
                .isEqualTo("Must be more than the underactive threshold (4)");
        assertThat(over.getStyleClass()).contains("invalid");
        assertThat(save.isDisabled()).isTrue();

        robot.doubleClickOn(over).eraseText(2).write("12");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#quarterlyOverloadedError").queryAs(Label.class).getText()).isEmpty();
        assertThat(save.isDisabled()).isFalse();
        robot.clickOn(save);
        await(() -> robot.lookup("#settingsMessage").queryAs(Label.class).getText().startsWith("Settings of"));
        assertThat(new Services(db).organizations.find("org-1").orElseThrow().quarterlyOverloadedSessions()).isEqualTo(12);
        assertThat(robot.lookup("#settingsDatabase").queryAs(Label.class).getText()).endsWith("db.mv.db");
    }

    /** The View menu's "Dark theme" item of the shell shown now. */
    javafx.scene.control.CheckMenuItem menuDark(FxRobot robot) {
        return robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class).getMenus().stream()
                .flatMap(m -> m.getItems().stream()).filter(i -> "menuDark".equals(i.getId()))
                .map(javafx.scene.control.CheckMenuItem.class::cast).findFirst().orElseThrow();
    }

    @Test
    void theSignInBoxAndTheMenuItemShowTheOneThemeHoweverItWasSet(FxRobot robot) throws Exception {
        javafx.scene.control.CheckBox box = node(robot, "#signInDark", javafx.scene.control.CheckBox.class);
        assertThat(box.isSelected()).isFalse();

        // set elsewhere (a tool, the screenshot tour, the shell's menu): the box follows
        robot.interact(() -> window.setDark(true));
        assertThat(box.isSelected()).isTrue();
        assertThat(window.stage().getScene().getRoot().getStyleClass()).contains("dark");

        // and the box sets the one state: theme, remembered preference
        robot.clickOn(box);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.isDark()).isFalse();
        assertThat(window.stage().getScene().getRoot().getStyleClass()).doesNotContain("dark");
        assertThat(prefsNode.getBoolean("dark", true)).isFalse();
        robot.clickOn(box);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.isDark()).isTrue();

        signInAs(ExampleDatabase.KIM.userId());
        javafx.scene.control.CheckMenuItem item = menuDark(robot);
        assertThat(item.isSelected()).isTrue();
        robot.interact(() -> window.setDark(false));
        assertThat(item.isSelected()).isFalse();
        robot.interact(() -> item.setSelected(true));
        assertThat(window.isDark()).isTrue();
        assertThat(window.stage().getScene().getRoot().getStyleClass()).contains("dark");

        // back on the sign-in screen (signed out), a new box shows the theme as it is now
        javafx.scene.control.MenuItem signOut = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class)
                .getMenus().stream().flatMap(m -> m.getItems().stream()).filter(i -> "menuSignOut".equals(i.getId()))
                .findFirst().orElseThrow();
        robot.interact(signOut::fire);
        await(() -> robot.lookup("#signInDark").tryQuery().filter(b -> b != box).isPresent());
        javafx.scene.control.CheckBox again = node(robot, "#signInDark", javafx.scene.control.CheckBox.class);
        assertThat(again.isSelected()).isTrue();
        robot.interact(() -> window.setDark(false));
        assertThat(again.isSelected()).isFalse();
    }

    @Test
    void themeAndWindowBoundsAreRemembered(FxRobot robot) throws Exception {
        signInAs(ExampleDatabase.KIM.userId());
        robot.interact(() -> window.setDark(true));
        Node root = window.stage().getScene().getRoot();
        assertThat(root.getStyleClass()).contains("dark");
        assertThat(prefsNode.getBoolean("dark", false)).isTrue();
        robot.interact(() -> window.stage().setWidth(1111));
        assertThat(prefsNode.getDouble("width", 0)).isEqualTo(1111);

        // table column widths: resized on Sync, restored after signing out and in again
        fixture.open(ScreenId.SYNC);
        javafx.scene.control.TableView<?> files = node(robot, "#filesTable", javafx.scene.control.TableView.class);
        robot.interact(() -> files.getColumns().get(0).setPrefWidth(222));
        WaitForAsyncUtils.waitForFxEvents();
        double stored = prefsNode.getDouble("col.sync.filesTable.fileColumn", 0);
        assertThat(stored).isEqualTo(files.getColumns().get(0).getWidth()).isGreaterThan(150);
        ShellView first = window.shell();
        robot.interact(() -> window.signIn(window.shell().viewModel().actor()));
        await(() -> window.shell() != first && robot.lookup("#nav-sync").tryQuery().isPresent());
        fixture.open(ScreenId.SYNC);
        await(() -> robot.lookup("#filesTable").tryQuery().filter(t -> t != files).isPresent());
        javafx.scene.control.TableView<?> again = robot.lookup("#filesTable").queryAs(javafx.scene.control.TableView.class);
        assertThat(again).isNotSameAs(files);
        assertThat(again.getColumns().get(0).getPrefWidth()).isEqualTo(stored);
    }
}
