package org.impactdesk.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.impactdesk.ui.Themes;
import org.impactdesk.ui.ViewLoader;
import org.impactdesk.ui.achievements.AchievementsView;
import org.impactdesk.ui.home.HomeView;
import org.impactdesk.ui.mentor.MentorView;
import org.impactdesk.ui.settings.SettingsView;
import org.impactdesk.ui.sync.SyncView;
import org.impactdesk.ui.team.TeamView;
import org.impactdesk.ui.wrapped.WrappedView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The background warm-up: every screen's FXML loads without its controller (so the warm-up covers
 * each screen), with the chosen language's texts, and the whole warm-up runs off the FX thread
 * without failing on any view or sample.
 */
@ExtendWith(ApplicationExtension.class)
class WarmUpFxTest {
    static final List<String> VIEWS = List.of(ShellView.FXML, HomeView.FXML, SyncView.FXML, TeamView.FXML,
            MentorView.FXML, WrappedView.FXML, AchievementsView.FXML, SettingsView.FXML);
    Scene live;

    @Start
    void start(Stage stage) {
        live = new Scene(new StackPane(new Label("live")), 400, 300);
        Themes.apply(live, false);
        stage.setScene(live);
        stage.show();
    }

    @Test
    void everyScreensFxmlLoadsWithoutItsControllerInTheChosenLanguage() {
        ResourceBundle nb = new ViewLoader(Locale.forLanguageTag("nb-NO")).bundle();
        Parent team = WarmUp.withoutController(TeamView.FXML, nb);
        assertThat(team.getId()).isEqualTo("teamScreen");
        assertThat(((javafx.scene.control.Labeled) team.lookup(".screen-title")).getText())
                .isEqualTo(nb.getString("team.title"));
        assertThat(team.lookup("#teamTable")).isInstanceOf(TableView.class);
        for (String view : VIEWS) {
            assertThat(WarmUp.withoutController(view, nb)).as(view).isNotNull();
        }
    }

    @Test
    void theWarmUpRunsOffTheFxThreadOverEveryViewAndSampleAndLeavesTheLiveSceneAlone() throws Exception {
        Prestyle.Look look = WaitForAsyncUtils.asyncFx(() -> Prestyle.Look.of(live, 1000, 700)).get(30, TimeUnit.SECONDS);
        List<Supplier<? extends Node>> samples = List.of(HomeView::warmUpSample, MentorView::warmUpSample,
                WarmUp::tableSample);
        int[] warmed = {-1};
        Thread worker = new Thread(() -> warmed[0] = WarmUp.run(VIEWS, samples,
                new ViewLoader(Locale.ENGLISH).bundle(), look), "warm-up-test");
        worker.start();
        worker.join(TimeUnit.MINUTES.toMillis(3));
        assertThat(warmed[0]).isEqualTo(VIEWS.size() + samples.size());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(((StackPane) live.getRoot()).getChildren()).hasSize(1);
    }
}
