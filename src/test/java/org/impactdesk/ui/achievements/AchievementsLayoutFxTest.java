package org.impactdesk.ui.achievements;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.impactdesk.access.Actor;
import org.impactdesk.service.catalog.AchievementFixture;
import org.impactdesk.service.catalog.StoredAchievementService;
import org.impactdesk.service.home.ExampleDatabase;
import org.impactdesk.store.Database;
import org.impactdesk.store.MigratedH2;
import org.impactdesk.ui.fx.CutTexts;
import org.impactdesk.ui.fx.FxTaskRunner;
import org.impactdesk.ui.fx.ScriptedDialogs;
import org.impactdesk.ui.fx.ViewLoader;
import org.impactdesk.ui.shell.MainWindow;
import org.impactdesk.ui.shell.ScreenId;
import org.impactdesk.ui.shell.WindowFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 13: Achievements at 1024x700, in English and Norwegian, for the two roles that see the
 * screen (an org admin in the real window; a global admin on the screen alone, at the size the
 * window gives it, as the example has no global admin to sign in): every badge's name and detail
 * line in the list is shown whole (wrapped, not ending in "..."), from the top of the list to its
 * end, and the hints of Name in Norwegian, Trigger metadata and Module are shown whole under their
 * fields; no field holds a prompt that does not fit it.
 */
@MigratedH2
@ExtendWith(ApplicationExtension.class)
class AchievementsLayoutFxTest {
    /** What a 1024x700 window leaves the screen (beside the navigation, between menu and status bar). */
    static final double SCREEN_WIDTH = 854;
    static final double SCREEN_HEIGHT = 646;

    Stage stage;
    WindowFixture fixture;
    FxTaskRunner tasks;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
        if (tasks != null) {
            tasks.close();
        }
    }

    @Test
    void anOrgAdminAt1024x700SeesEveryBadgeLineAndTheFieldHintsWholeInEnglishAndNorwegian(FxRobot robot, Database db)
            throws Exception {
        fixture = new WindowFixture(ExampleDatabase.fill(db));
        MainWindow window = fixture.openAt(stage, 1024, 700);
        fixture.signIn(ExampleDatabase.ADA.userId());
        for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("nb"))) {
            if (!locale.equals(Locale.ENGLISH)) {
                robot.interact(() -> window.switchLanguage(locale));
                fixture.awaitShell();
            }
            fixture.open(ScreenId.ACHIEVEMENTS);
            fixture.waitForData();
            assertThat(stage.getScene().getWidth()).isLessThanOrEqualTo(1024);
            wholeTexts(robot, window.shell().current().root(), locale);
        }
    }

    @Test
    void aGlobalAdminAtTheSizeOf1024x700SeesEveryBadgeLineAndTheFieldHintsWholeInEnglishAndNorwegian(FxRobot robot,
                                                                                                        Database db)
            throws Exception {
        AchievementFixture.write(db);
        tasks = new FxTaskRunner();
        for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("nb"))) {
            Parent[] root = new Parent[1];
            AchievementsViewModel[] vm = new AchievementsViewModel[1];
            robot.interact(() -> {
                ViewLoader loader = new ViewLoader(locale);
                vm[0] = new AchievementsViewModel(new StoredAchievementService(db.jdbi(), Clock.systemUTC()),
                        AchievementFixture.GINA, tasks, new ScriptedDialogs(), loader.bundle());
                root[0] = loader.load(AchievementsView.FXML, new AchievementsView(vm[0]));
                stage.setScene(new Scene(root[0], SCREEN_WIDTH, SCREEN_HEIGHT));
                stage.show();
                vm[0].load();
            });
            WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS,
                    () -> vm[0].catalogProperty().get() != null && !vm[0].busyProperty().get());
            WaitForAsyncUtils.waitForFxEvents();
            wholeTexts(robot, root[0], locale);
        }
    }

    @SuppressWarnings("unchecked")
    void wholeTexts(FxRobot robot, Parent root, Locale locale) throws Exception {
        ListView<AchievementListViewModel.Entry> list = (ListView<AchievementListViewModel.Entry>) root.lookup("#catalogList");
        List<String> problems = new ArrayList<>();
        int size = list.getItems().size();
        assertThat(size).as("entries in the list").isGreaterThan(5);
        // the top, the middle and the end of the list: every badge shown there, name and detail whole
        for (int at : new int[] {0, size / 3, 2 * size / 3, size - 1}) {
            robot.interact(() -> list.scrollTo(at));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                int badges = 0;
                for (Node cell : list.lookupAll("." + AchievementsView.BADGE)) {
                    if (!cell.isVisible() || !(cell instanceof javafx.scene.control.ListCell<?> c) || c.isEmpty()) {
                        continue;
                    }
                    badges++;
                    CutTexts.within((Parent) cell).forEach(t -> problems.add(locale + " list: " + t));
                    for (Node n : cell.lookupAll(".badge-detail")) {
                        Label detail = (Label) n;
                        if (detail.getHeight() + 0.5 < detail.prefHeight(detail.getWidth())) {
                            problems.add(locale + " list: \"" + detail.getText() + "\" is " + Math.round(detail.getHeight())
                                    + " of " + Math.round(detail.prefHeight(detail.getWidth())) + " px high");
                        }
                    }
                }
                if (badges == 0) {
                    problems.add(locale + " list: no badge shown at " + at);
                }
            });
        }
        robot.interact(() -> {
            java.util.ResourceBundle bundle = java.util.ResourceBundle.getBundle(ViewLoader.BUNDLE, locale);
            double sceneWidth = root.getScene().getWidth();
            for (String key : List.of("nameNb", "metadata", "module")) {
                Label hint = (Label) root.lookup("#" + key + "Hint");
                String whole = bundle.getString("achievements.field." + key + ".hint");
                if (hint == null) {
                    problems.add(locale + " no hint under the field " + key);
                    continue;
                }
                Bounds b = hint.localToScene(hint.getLayoutBounds());
                if (!hint.isVisible() || !whole.equals(hint.getText())) {
                    problems.add(locale + " hint " + key + " is not shown: " + hint.getText());
                } else if (hint.getHeight() + 0.5 < hint.prefHeight(hint.getWidth()) || !CutTexts.within(hint).isEmpty()
                        || b.getMaxX() > sceneWidth + 0.5) {
                    problems.add(locale + " hint \"" + whole + "\" is cut (" + b + ")");
                }
            }
            for (Node n : root.lookupAll(".text-field")) {
                if (n instanceof TextField field && field.getPromptText() != null && !field.getPromptText().isEmpty()
                        && field.isVisible()) {
                    Text measure = new Text(field.getPromptText());
                    measure.setFont(field.getFont());
                    double room = field.getWidth() - field.snappedLeftInset() - field.snappedRightInset();
                    if (measure.getLayoutBounds().getWidth() > room + 0.5) {
                        problems.add(locale + " the prompt \"" + field.getPromptText() + "\" of " + field.getId()
                                + " is cut: " + Math.round(measure.getLayoutBounds().getWidth()) + " px in " + Math.round(room));
                    }
                }
            }
        });
        assertThat(problems).isEmpty();
    }
}
