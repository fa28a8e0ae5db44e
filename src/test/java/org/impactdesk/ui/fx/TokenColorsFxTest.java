package org.impactdesk.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A theme token is read from the token sheet of the scene's theme, without touching the screen it is read for. */
@ExtendWith(ApplicationExtension.class)
class TokenColorsFxTest {

    @Start
    void start(Stage stage) {
    }

    @Test
    void aTokenHasItsLightAndDarkValueAndTheScreenIsLeftAsItWas(FxRobot robot) {
        robot.interact(() -> {
            Label text = new Label("screen");
            StackPane screen = new StackPane(text);
            Scene scene = new Scene(new StackPane(screen));
            Themes.apply(scene, false);

            // styles/tokens.css: -id-tile-bg is #ffffff in .root and #262b33 in .root.dark
            assertThat(TokenColors.resolve(screen, "-id-tile-bg", Color.RED)).isEqualTo(Color.web("#ffffff"));
            assertThat(screen.getChildren()).containsExactly(text);
            assertThat(text.getSkin()).as("no CSS was applied to the screen").isNull();

            Themes.setDark(scene, true);
            assertThat(TokenColors.resolve(screen, "-id-tile-bg", Color.RED)).isEqualTo(Color.web("#262b33"));
            assertThat(TokenColors.resolve(screen, "-id-no-such-token", Color.RED)).isEqualTo(Color.RED);
            assertThat(TokenColors.resolve(new StackPane(), "-id-tile-bg", Color.RED)).as("not in a scene").isEqualTo(Color.RED);
        });
    }
}
