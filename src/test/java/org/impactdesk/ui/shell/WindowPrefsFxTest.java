package org.impactdesk.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The window's remembered size never exceeds the screen it opens on. */
class WindowPrefsFxTest {
    Preferences node;

    @BeforeEach
    void open() throws Exception {
        FxToolkit.registerPrimaryStage();
        node = Preferences.userRoot().node("org/impactdesk-test/" + UUID.randomUUID());
    }

    @AfterEach
    void close() throws Exception {
        node.removeNode();
    }

    @Test
    void aSizeRememberedOnALargerScreenIsCutToThisOne() throws Exception {
        node.putDouble("width", 5000);
        node.putDouble("height", 4000);
        WindowPrefs prefs = new WindowPrefs(node);
        double[] size = WaitForAsyncUtils.asyncFx(() -> {
            Stage stage = new Stage();
            prefs.restore(stage);
            return new double[] {stage.getWidth(), stage.getHeight()};
        }).get(30, TimeUnit.SECONDS);
        Rectangle2D screen = WaitForAsyncUtils.asyncFx(() -> javafx.stage.Screen.getPrimary().getVisualBounds())
                .get(30, TimeUnit.SECONDS);
        assertThat(size[0]).isEqualTo(Math.max(800, screen.getWidth()));
        assertThat(size[1]).isEqualTo(Math.max(560, screen.getHeight()));
        assertThat(size[0]).isLessThan(5000);
    }

    @Test
    void aSmallerRememberedSizeIsKept() throws Exception {
        node.putDouble("width", 900);
        node.putDouble("height", 600);
        WindowPrefs prefs = new WindowPrefs(node);
        double[] size = WaitForAsyncUtils.asyncFx(() -> {
            Stage stage = new Stage();
            prefs.restore(stage);
            return new double[] {stage.getWidth(), stage.getHeight()};
        }).get(30, TimeUnit.SECONDS);
        assertThat(size).containsExactly(900, 600);
    }
}
