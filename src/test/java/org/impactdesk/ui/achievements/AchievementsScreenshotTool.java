package org.impactdesk.ui.achievements;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.AchievementDraft;
import org.impactdesk.service.catalog.AchievementEvaluation;
import org.impactdesk.service.catalog.AchievementFixture;
import org.impactdesk.service.catalog.AchievementService;
import org.impactdesk.service.catalog.StoredAchievementService;
import org.impactdesk.store.ActorDao;
import org.impactdesk.store.Database;
import org.impactdesk.tools.FxTools;
import org.impactdesk.ui.fx.SameThreadTaskRunner;
import org.impactdesk.ui.fx.ViewLoader;

/**
 * A test-scope tool around the real Achievements screen, for the screenshots in docs/screenshots
 * (run with target/classes, target/test-classes and target/classpath.txt on the class path):
 * <pre>
 *   AchievementsScreenshotTool [--db PATH] [--as USER] [--lang en|nb] [--dark] [--tenant ORG_ID]
 *                              [--select KEY] [--key TEXT] [--shot FILE] [--seconds N]
 * </pre>
 * Without {@code --db} it writes {@link AchievementFixture} plus a few organisation badges (one
 * gated by a module, one inactive) into a new database and evaluates them first.
 * Opens the screen in a window of the app's size (1280 x 800) for the user (default: the local
 * operator), optionally selects a badge, or starts a new one with {@code --key} typed in (to show
 * validation), and writes a snapshot to {@code --shot}; without it the window stays open for
 * {@code --seconds} (default 60).
 */
public final class AchievementsScreenshotTool {
    private AchievementsScreenshotTool() {
    }

    public static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        Locale locale = Locale.forLanguageTag(FxTools.option(a, "--lang").orElse("en"));
        ResourceBundle bundle = ResourceBundle.getBundle(ViewLoader.BUNDLE, locale);
        Path dbPath = FxTools.option(a, "--db").map(Path::of).orElse(null);
        if (dbPath == null) {
            dbPath = Files.createTempDirectory("achievements-shot").resolve("db");
            try (Database fresh = Database.open(dbPath)) {
                demo(fresh);
            }
        }
        Database db = Database.open(dbPath);
        Actor actor = FxTools.option(a, "--as").map(id -> new ActorDao(db.jdbi()).find(id)
                .orElseThrow(() -> new IllegalArgumentException("no user " + id))).orElse(Actor.localOperator());
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Platform.startup(() -> {
            try {
                Stage stage = new Stage();
                AchievementsViewModel vm = new AchievementsViewModel(new StoredAchievementService(db.jdbi(), Clock.systemUTC()),
                        actor, new SameThreadTaskRunner(), new org.impactdesk.ui.fx.ScriptedDialogs(), bundle);
                Parent root = new ViewLoader(locale).load(AchievementsView.FXML, new AchievementsView(vm));
                if (a.contains("--dark")) {
                    root.getStyleClass().add("dark");
                }
                Scene scene = new Scene(root, 1280, 800);
                stage.setScene(scene);
                stage.setTitle("Impact Desk: " + bundle.getString("achievements.title"));
                stage.show();
                vm.load();
                FxTools.option(a, "--tenant").ifPresent(t -> vm.list().tenants().stream().filter(x -> t.equals(x.organizationId()))
                        .findFirst().ifPresent(vm.list().tenantProperty()::set));
                FxTools.option(a, "--select").ifPresent(k -> vm.catalogProperty().get().badges().stream()
                        .filter(b -> b.key().equals(k)).findFirst().ifPresent(vm.list()::select));
                FxTools.option(a, "--key").ifPresent(k -> {
                    vm.form().newBadge();
                    vm.form().keyProperty().set(k);
                    vm.form().nameProperty().set(FxTools.option(a, "--name").orElse("Home visitor"));
                    vm.form().descriptionProperty().set("Ten home visits.");
                    vm.form().thresholdProperty().set("10");
                    vm.form().metadataProperty().set("{\"activity_type\": \"home_visit\"}");
                    vm.form().iconUrlProperty().set("http://example.org/visit.png");
                });
                Optional<String> shot = FxTools.option(a, "--shot");
                FxTools.afterFrames(shot.isPresent() ? 6 : Integer.parseInt(FxTools.option(a, "--seconds").orElse("60")) * 60, () -> {
                    if (shot.isPresent()) {
                        FxTools.savePng(scene, Path.of(shot.get()));
                    }
                    stage.close();
                    done.countDown();
                });
            } catch (Throwable t) {
                failure.set(t);
                done.countDown();
            }
        });
        done.await();
        Platform.exit();
        db.close();
        if (failure.get() != null) {
            failure.get().printStackTrace();
            System.exit(1);
        }
    }

    /** The fixture, a few more badges and a first evaluation. */
    static void demo(Database db) {
        AchievementFixture.write(db);
        AchievementService s = new StoredAchievementService(db.jdbi(), Clock.systemUTC());
        s.save(AchievementFixture.ADA, new AchievementDraft(null, "org-1", "nordby_home_visits", "Nordby home visitor",
                "Four home visits in Nordby.", "", "activities", "activity_count", "4", "{\"activity_type\": \"home_visit\"}",
                "15", false, "", true, "", "25"));
        s.save(AchievementFixture.ADA, new AchievementDraft(null, "org-1", "helper_of_the_month", "Helper of the month",
                "Chosen by the coordinators.", "", "special", "manual", "", "", "20", true, "monthly", true, "", "10"));
        s.save(AchievementFixture.GINA, new AchievementDraft(null, null, "gamified_explorer", "Explorer",
                "Three activities with the gamification module on.", "badges/explorer.svg", "special", "activity_count", "3",
                "", "10", false, "", true, AchievementFixture.MODULE, "20"));
        var retired = s.save(AchievementFixture.GINA, new AchievementDraft(null, null, "legacy_pioneer", "Pioneer (retired)",
                "Joined in the first year.", "", "special", "manual", "", "", "5", false, "", true, "", "30"));
        s.setActive(AchievementFixture.GINA, retired.achievement().id(), false);
        new AchievementEvaluation(db.jdbi()).evaluate(Actor.localOperator(), null);
    }

}
