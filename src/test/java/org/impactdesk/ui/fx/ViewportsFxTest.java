package org.impactdesk.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.skin.ScrollPaneSkin;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The shell's scroll panes draw their content directly instead of through a cached bitmap. */
@ExtendWith(ApplicationExtension.class)
class ViewportsFxTest {

    @Start
    void start(Stage stage) {
    }

    static Node viewport(ScrollPane pane) {
        return pane.getChildrenUnmodifiable().stream().filter(n -> n.getStyleClass().contains("viewport"))
                .findFirst().orElseThrow();
    }

    @Test
    void javaFxCachesAScrollPanesViewportAndUncachedTurnsThatOffForEverySkin(FxRobot robot) {
        robot.interact(() -> {
            ScrollPane plain = new ScrollPane(new Label("plain"));
            new Scene(plain).getRoot().applyCss();
            assertThat(viewport(plain).isCache()).as("JavaFX's own skin: the reason for Viewports").isTrue();

            ScrollPane inner = new ScrollPane(new Label("inner"));
            ScrollPane outer = new ScrollPane(new VBox(inner));
            Viewports.uncached(outer);
            Viewports.uncachedWithin((VBox) outer.getContent());
            new Scene(outer).getRoot().applyCss();
            outer.layout();
            assertThat(viewport(outer).isCache()).isFalse();
            assertThat(viewport(inner).isCache()).as("a scroll pane inside the content").isFalse();

            outer.setSkin(new ScrollPaneSkin(outer));
            assertThat(viewport(outer).isCache()).as("after a new skin").isFalse();
        });
    }
}
