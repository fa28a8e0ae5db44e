package org.impactdesk.ui.fx;

import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/** Shows a screen on TestFX's stage, from a test thread, at a given size. */
public final class TestStages {
    private TestStages() {
    }

    /**
     * On the FX thread: {@code root} as the stage's scene at {@code width} x {@code height}, shown and
     * focused. The primary stage is shared by every TestFX class: a window test may have resized or
     * maximised it.
     */
    public static Scene show(Stage stage, Parent root, double width, double height) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Scene scene = new Scene(root, width, height);
            stage.setScene(scene);
            stage.setMaximized(false);
            stage.sizeToScene();
            stage.show();
            stage.requestFocus();
            return scene;
        }).get(30, TimeUnit.SECONDS);
    }
}
