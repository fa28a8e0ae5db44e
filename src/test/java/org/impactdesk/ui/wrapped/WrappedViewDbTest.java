package org.impactdesk.ui.wrapped;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.impactdesk.access.Scope;
import org.impactdesk.service.Services;
import org.impactdesk.service.sharing.WrappedFixtures;
import org.impactdesk.store.Database;
import org.impactdesk.store.MigratedH2;
import org.impactdesk.store.ShareDao;
import org.impactdesk.ui.fx.SameThreadTaskRunner;
import org.impactdesk.ui.fx.ScriptedDialogs;
import org.impactdesk.ui.fx.TestStages;
import org.impactdesk.ui.fx.ViewLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real player screen on a real migrated database, wired as the app wires it
 * ({@link Services#wrapped}): an admin's look leaves {@code viewed_at} NULL and counts no
 * share; the admin's export is a proof that counts nothing either; a preview of the open year comes from the engine, is
 * marked, and stores nothing.
 */
@MigratedH2
@ExtendWith(ApplicationExtension.class)
class WrappedViewDbTest {
    static final Actor ADMIN = new Actor("user-ada", "Ada Admin", "org-1", Set.of(Role.ORG_ADMIN), null);
    @TempDir
    Path tmp;
    Stage stage;
    Database db;
    ShareDao shareDao;
    ScriptedDialogs dialogs;
    WrappedViewModel vm;
    int currentYear = 2026;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void open(Database db) throws Exception {
        this.db = db;
        WrappedFixtures.people(db);
        WrappedFixtures.summary(db, WrappedFixtures.MENTOR, 2025, "ready", WrappedFixtures.resource("payload-wrapped-2025.json"));
        shareDao = new ShareDao(db.jdbi());
        dialogs = new ScriptedDialogs();
        Locale locale = Locale.ENGLISH;
        vm = new WrappedViewModel(new Services(db).wrapped, new SameThreadTaskRunner(), dialogs, ADMIN, locale,
                ResourceBundle.getBundle("i18n.messages", locale), () -> currentYear);
        TestStages.show(stage, WrappedView.load(new ViewLoader(locale), vm), 1200, 790);
    }

    private ShareDao.AnnualSummaryRow row() {
        return shareDao.findAnnual(WrappedFixtures.MENTOR, 2025, Scope.everything()).orElseThrow();
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void anAdminPlaysTheWholeWrappedWithoutSettingViewedAtAndTheirExportIsAProofThatCountsNothing(FxRobot robot) throws Exception {
        robot.interact(vm::loadMentors);
        assertThat(vm.mentorProperty().get().peerMentorId()).isEqualTo(WrappedFixtures.MENTOR);
        assertThat(vm.yearProperty().get()).isEqualTo(2025);
        robot.clickOn("#wrapped-load");
        robot.interact(vm::pause);
        assertThat(vm.slides()).hasSize(12);
        assertThat(text(robot, "#wrapped-status")).startsWith("Ready · generated ").endsWith(" · frozen");
        for (int i = 1; i < vm.slides().size(); i++) {
            robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(vm.slideProperty().get().key()).isEqualTo("closing");
        robot.clickOn("#wrapped-restart");
        robot.interact(vm::pause);
        robot.clickOn("#wrapped-load");
        robot.interact(vm::pause);
        assertThat(row().viewedAt()).as("an admin's preview is not the mentor's first view").isNull();
        assertThat(row().sharedCount()).as("looking is not sharing").isZero();

        String name = "admin-card-" + System.nanoTime();
        dialogs.saveAs = tmp.resolve(name + ".png");
        robot.clickOn("#wrapped-export-png");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs.suggestedName).isEqualTo("wrapped-2025-proof.png");
        assertThat(row().sharedCount()).as("an admin's export is a proof, not a share").isZero();
        assertThat(row().shareImageKey()).isNull();
        assertThat(row().viewedAt()).isNull();
        assertThat(text(robot, "#wrapped-status")).endsWith(" · frozen");
        assertThat(text(robot, "#wrapped-message")).contains("Saved the proof " + name + "-proof.png")
                .contains("nothing was counted");
        Path png = tmp.resolve(name + "-proof.png");
        assertThat(tmp.resolve(name + ".png")).doesNotExist();
        BufferedImage card = ImageIO.read(Files.newInputStream(png));
        assertThat(card.getWidth()).isEqualTo(1080);
        assertThat(card.getHeight()).isEqualTo(1920);
    }

    @Test
    void theExportSuggestsTheMentorsFirstNameOnlyOnceTheyAllowItOnCards(FxRobot robot) {
        robot.interact(vm::loadMentors);
        robot.clickOn("#wrapped-load");
        robot.interact(vm::pause);
        robot.clickOn("#wrapped-export-png"); // no file chosen: nothing written
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs.suggestedName).isEqualTo("wrapped-2025-proof.png");

        shareDao.setShareFirstName(WrappedFixtures.MENTOR, true);
        robot.clickOn("#wrapped-load");
        robot.interact(vm::pause);
        robot.clickOn("#wrapped-export-png");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs.suggestedName).isEqualTo("wrapped-2025-Mira-proof.png");
        assertThat(row().sharedCount()).isZero();
    }

    @Test
    void theEnginesPreviewOfTheOpenYearIsMarkedAndStoresNothing(FxRobot robot) {
        currentYear = 2025;
        String before = row().payloadJson();
        int rows = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM annual_summaries").mapTo(Integer.class).one());
        robot.interact(() -> {
            vm.loadMentors();
            vm.yearProperty().set(2025);
        });
        robot.clickOn("#wrapped-load");
        robot.interact(vm::pause);
        // three one-hour activities in March 2025: too little data, so the engine's preview is the encouragement
        assertThat(vm.previewProperty().get()).isTrue();
        assertThat(vm.encouragementProperty().get()).isTrue();
        assertThat(robot.lookup("#wrapped-preview-badge").query().isVisible()).isTrue();
        assertThat(text(robot, "#wrapped-status")).isEqualTo("Preview of 2025, computed now");
        robot.interact(() -> {
            vm.goTo(1);
            vm.skipAnimation();
        });
        // the hours goal is met: not "3.00 of 3.00 so far"
        assertThat(text(robot, "#wrapped-slide-body")).isEqualTo("3 of 5 activities so far; your 3 hours already reach the 3 needed.");
        assertThat(robot.lookup("#wrapped-export-png").queryAs(Button.class).isDisabled()).isTrue();
        int after = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM annual_summaries").mapTo(Integer.class).one());
        assertThat(after).isEqualTo(rows);
        assertThat(row().payloadJson()).isEqualTo(before);
        assertThat(row().viewedAt()).isNull();
        assertThat(row().sharedCount()).isZero();
    }
}
