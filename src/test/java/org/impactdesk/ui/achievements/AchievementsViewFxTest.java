package org.impactdesk.ui.achievements;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.Achievement;
import org.impactdesk.service.catalog.AchievementFixture;
import org.impactdesk.service.catalog.AchievementService;
import org.impactdesk.service.catalog.StoredAchievementService;
import org.impactdesk.store.AchievementDao;
import org.impactdesk.store.Database;
import org.impactdesk.store.FreshDatabases;
import org.impactdesk.store.MigratedH2;
import org.impactdesk.ui.fx.FxTaskRunner;
import org.impactdesk.ui.fx.ScriptedDialogs;
import org.impactdesk.ui.fx.TestStages;
import org.impactdesk.ui.fx.ViewLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real Achievements screen on a migrated H2 file database (the V30 catalog plus a fixture). */
@MigratedH2
@ExtendWith(ApplicationExtension.class)
class AchievementsViewFxTest {
    Stage stage;
    /** The database file, reopened by the restart test. */
    Path file;
    Database db;
    FxTaskRunner tasks;
    AchievementsViewModel viewModel;
    ScriptedDialogs dialogs;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void open(FreshDatabases databases) throws Exception {
        file = databases.file("achievements");
        db = Database.open(file);
        AchievementFixture.write(db);
        tasks = new FxTaskRunner();
        TestStages.show(stage, new javafx.scene.layout.StackPane(), 1240, 780);
    }

    @AfterEach
    void close() {
        tasks.close();
        db.close();
    }

    void open(FxRobot robot, Actor actor) throws Exception {
        robot.interact(() -> {
            ViewLoader loader = new ViewLoader(Locale.ENGLISH);
            dialogs = new ScriptedDialogs();
            viewModel = new AchievementsViewModel(new StoredAchievementService(db.jdbi(), Clock.systemUTC()), actor, tasks,
                    dialogs, loader.bundle());
            stage.setScene(new Scene(loader.load(AchievementsView.FXML, new AchievementsView(viewModel)), 1240, 780));
            viewModel.load();
        });
        settle();
    }

    void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                () -> viewModel.catalogProperty().get() != null && !viewModel.busyProperty().get()
                        && !viewModel.awards().previewBusyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    Achievement badge(String key) {
        return viewModel.catalogProperty().get().badges().stream().filter(b -> b.key().equals(key)).findFirst().orElseThrow();
    }

    void clickBadge(FxRobot robot, String key) throws Exception {
        Achievement b = badge(key);
        @SuppressWarnings("unchecked")
        ListView<AchievementListViewModel.Entry> list = robot.lookup("#catalogList").queryAs(ListView.class);
        int index = -1;
        for (int i = 0; i < list.getItems().size(); i++) {
            if (!list.getItems().get(i).isHeader() && list.getItems().get(i).badge().id().equals(b.id())) {
                index = i;
            }
        }
        int at = index;
        robot.interact(() -> list.scrollTo(at));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup(".badge-entry").lookup((Label l) -> l.getText().equals(b.name())).queryAs(Label.class));
        settle();
    }

    List<String> order(AchievementsViewModel vm, String category) {
        return vm.list().entries().stream().filter(e -> !e.isHeader() && e.category().equals(category)).map(e -> e.badge().key()).toList();
    }

    @Test
    void anOrgAdminSeesAPlatformBadgeReadOnlyWithTheReason(FxRobot robot) throws Exception {
        open(robot, AchievementFixture.ADA);
        clickBadge(robot, "first_activity");
        Label reason = robot.lookup("#readOnlyReason").queryAs(Label.class);
        assertThat(reason.isVisible()).isTrue();
        assertThat(reason.getText()).contains("platform badge", "only a global administrator");
        TextField name = robot.lookup("#nameField").queryAs(TextField.class);
        assertThat(name.isEditable()).isFalse();
        robot.clickOn(name).write("Changed");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(name.getText()).isEqualTo("First step");
        assertThat(robot.lookup("#save").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#toggleActive").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#moveUp").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#categoryField").queryAs(javafx.scene.control.ComboBox.class).isDisabled()).isTrue();
        // duplicating gives an editable copy owned by the organisation
        robot.clickOn("#duplicate");
        settle();
        assertThat(reason.isVisible()).isFalse();
        assertThat(name.isEditable()).isTrue();
        assertThat(robot.lookup("#keyField").queryAs(TextField.class).getText()).isEqualTo("first_activity_copy");
        assertThat(robot.lookup("#owner").queryAs(Label.class).getText()).isEqualTo("Badge of Nordby Network");
        assertThat(robot.lookup("#save").queryAs(Button.class).isDisabled()).isFalse();
    }

    @Test
    void anInvalidKeyShowsItsErrorBesideTheFieldAndBlocksSaving(FxRobot robot) throws Exception {
        open(robot, AchievementFixture.ADA);
        robot.clickOn("#newBadge");
        settle();
        robot.clickOn("#keyField").write("Bad Key");
        robot.clickOn("#nameField").write("Bad key badge");
        robot.clickOn("#descriptionField").write("Shows an error.");
        WaitForAsyncUtils.waitForFxEvents();
        Label message = robot.lookup("#keyMessage").queryAs(Label.class);
        assertThat(message.isVisible()).isTrue();
        assertThat(message.getText()).startsWith("Error: the key must be 2-64 characters");
        assertThat(message.getStyleClass()).contains(AchievementsView.ERROR);
        assertThat(robot.lookup("#keyField").queryAs(TextField.class).getStyleClass()).contains(AchievementsView.ERROR);
        Button save = robot.lookup("#save").queryAs(Button.class);
        assertThat(save.isDisabled()).isTrue();
        robot.press(KeyCode.CONTROL).press(KeyCode.S).release(KeyCode.S).release(KeyCode.CONTROL);
        settle();
        assertThat(db.jdbi().onDemand(AchievementDao.class).all()).noneMatch(a -> a.name().equals("Bad key badge"));
        // a warning does not block: an http icon
        robot.doubleClickOn("#keyField").eraseText(7).write("good_key");
        robot.clickOn("#iconField").write("http://example.org/x.png");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(message.isVisible()).isFalse();
        Label icon = robot.lookup("#iconMessage").queryAs(Label.class);
        assertThat(icon.getText()).startsWith("Warning:");
        assertThat(icon.getStyleClass()).contains(AchievementsView.WARNING);
        assertThat(save.isDisabled()).isFalse();
        robot.clickOn(save);
        settle();
        assertThat(db.jdbi().onDemand(AchievementDao.class).all()).anyMatch(a -> a.key().equals("good_key")
                && "org-1".equals(a.organizationId()));
    }

    @Test
    void enterNeverSavesNotEvenInAClosedDropDownCtrlSDoesAndAsksFirst(FxRobot robot) throws Exception {
        open(robot, AchievementFixture.ADA);
        robot.clickOn("#newBadge");
        settle();
        Button save = robot.lookup("#save").queryAs(Button.class);
        double saveY = save.localToScene(0, 0).getY();
        robot.clickOn("#keyField").write("Bad Key");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#keyMessage").queryAs(Label.class).getText()).startsWith("Error:");
        assertThat(save.localToScene(0, 0).getY()).as("the form does not jump as the error appears").isEqualTo(saveY);
        robot.doubleClickOn("#keyField").eraseText(7).write("enter_proof");
        robot.clickOn("#nameField").write("Enter proof");
        robot.clickOn("#descriptionField").write("Saved by Ctrl+S only.");
        robot.doubleClickOn("#thresholdField").write("1");
        settle();
        assertThat(save.isDisabled()).as("the form is valid").isFalse();
        assertThat(save.isDefaultButton()).isFalse();
        robot.clickOn("#nameField").type(KeyCode.ENTER);
        robot.clickOn("#thresholdField").type(KeyCode.ENTER);
        // a closed drop-down: choose with the arrow keys, then Enter
        robot.clickOn("#repeatableField");
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<AchievementFormViewModel.Choice> period =
                robot.lookup("#repeatPeriodField").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(period::requestFocus);
        robot.type(KeyCode.DOWN).type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(period.isShowing()).isFalse();
        String chosen = period.getValue().code();
        assertThat(chosen).isNotEmpty();
        robot.type(KeyCode.ENTER);
        settle();
        AchievementDao dao = db.jdbi().onDemand(AchievementDao.class);
        assertThat(dao.all()).as("Enter saved nothing").noneMatch(a -> a.key().equals("enter_proof"));
        assertThat(dialogs.confirmations).isEmpty();
        assertThat(period.getWidth()).as("the drop-down is wide enough for its value")
                .isGreaterThanOrEqualTo(period.prefWidth(-1) - 0.5);

        int wouldAward = viewModel.awards().previewProperty().get().newAwards();
        assertThat(wouldAward).isPositive();
        robot.press(KeyCode.CONTROL).press(KeyCode.S).release(KeyCode.S).release(KeyCode.CONTROL);
        settle();
        assertThat(dialogs.confirmations).singleElement().asString()
                .startsWith("Saving Enter proof awards it now: " + wouldAward + " new award");
        Achievement saved = dao.all().stream().filter(a -> a.key().equals("enter_proof")).findFirst().orElseThrow();
        assertThat(saved.repeatPeriod().code()).isEqualTo(chosen);
        assertThat(dao.awardsOf(saved.id(), Actor.localOperator().scope())).hasSize(wouldAward);
    }

    @Test
    void aReorderByKeyboardSurvivesARestart(FxRobot robot) throws Exception {
        open(robot, AchievementFixture.GINA);
        assertThat(order(viewModel, "activities")).containsExactly("ten_activities", "fifty_activities",
                "hundred_activities", "monthly_regular");
        clickBadge(robot, "hundred_activities");
        robot.press(KeyCode.ALT).press(KeyCode.UP).release(KeyCode.UP).release(KeyCode.ALT);
        settle();
        assertThat(order(viewModel, "activities")).containsExactly("ten_activities", "hundred_activities",
                "fifty_activities", "monthly_regular");
        assertThat(viewModel.list().selectedProperty().get().key()).isEqualTo("hundred_activities");
        assertThat(robot.lookup("#undo").queryAs(Button.class).isDisabled()).isFalse();
        // restart: close the database, open it again, a new ViewModel and View
        robot.interact(() -> {
            db.close();
            db = Database.open(file);
        });
        open(robot, AchievementFixture.GINA);
        assertThat(order(viewModel, "activities")).containsExactly("ten_activities", "hundred_activities",
                "fifty_activities", "monthly_regular");
        assertThat(robot.lookup("#undo").queryAs(Button.class).isDisabled()).isTrue();
    }

    @Test
    void dragAndDropReordersWithinTheCategory(FxRobot robot) throws Exception {
        open(robot, AchievementFixture.GINA);
        Label hundred = robot.lookup(".badge-name").lookup((Label l) -> l.getText().equals("100 activities")).queryAs(Label.class);
        Label ten = robot.lookup(".badge-name").lookup((Label l) -> l.getText().equals("10 activities")).queryAs(Label.class);
        robot.drag(hundred).dropTo(ten);
        settle();
        assertThat(order(viewModel, "activities")).containsExactly("hundred_activities", "ten_activities",
                "fifty_activities", "monthly_regular");
    }

    @Test
    void undoPutsTheLastChangeBack(FxRobot robot) throws Exception {
        open(robot, AchievementFixture.GINA);
        clickBadge(robot, "fifty_activities");
        robot.clickOn("#moveDown");
        settle();
        assertThat(order(viewModel, "activities")).containsExactly("ten_activities", "hundred_activities",
                "fifty_activities", "monthly_regular");
        robot.clickOn("#undo");
        settle();
        assertThat(order(viewModel, "activities")).containsExactly("ten_activities", "fifty_activities",
                "hundred_activities", "monthly_regular");
    }

    @Test
    void thePreviewCountMatchesTheAwardsAfterSaving(FxRobot robot) throws Exception {
        open(robot, AchievementFixture.ADA);
        robot.clickOn("#newBadge");
        settle();
        robot.clickOn("#keyField").write("home_visitor");
        robot.clickOn("#nameField").write("Home visitor");
        robot.clickOn("#descriptionField").write("Two home visits.");
        robot.doubleClickOn("#thresholdField").write("2");
        robot.clickOn("#metadataField").write("{\"activity_type\": \"home_visit\"}");
        settle();
        var preview = viewModel.awards().previewProperty().get();
        assertThat(preview.status()).isEqualTo(AchievementService.Preview.Status.COMPUTED);
        assertThat(preview.earners()).isEqualTo(2);
        Label text = robot.lookup("#previewText").queryAs(Label.class);
        assertThat(text.getText()).startsWith("2 people of 2 peer mentors in your scope would earn it.");
        assertThat(robot.lookup("#previewSample").queryAs(Label.class).getText())
                .isEqualTo("For example: Jonas Prøvesen, Mira Eksempel");
        robot.clickOn("#save");
        settle();
        assertThat(dialogs.confirmations).singleElement().asString().contains(": 2 new awards to 2 peer mentors.");
        AchievementDao dao = db.jdbi().onDemand(AchievementDao.class);
        Achievement saved = dao.all().stream().filter(a -> a.key().equals("home_visitor")).findFirst().orElseThrow();
        List<AchievementDao.StoredAward> awards = dao.awardsOf(saved.id(), Actor.localOperator().scope());
        assertThat(awards).hasSize(preview.newAwards());
        assertThat(awards.stream().map(a -> a.award().userId()).distinct().count()).isEqualTo(preview.earners());
        assertThat(robot.lookup("#achievementsStatus").queryAs(Label.class).getText()).isEqualTo("Saved Home visitor; 2 awards made.");
    }

    @Test
    void searchNarrowsTheCatalogAndHeadingsCountWhatIsShown(FxRobot robot) throws Exception {
        open(robot, AchievementFixture.ADA);
        robot.clickOn("#search").write("streak");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(viewModel.list().entries()).extracting(e -> e.isHeader() ? "# " + e.title() : e.badge().key())
                .containsExactly("# Streaks (2)", "three_day_streak", "seven_day_streak");
    }
}
