package org.impactdesk.ui;

import javafx.scene.layout.Background;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * Reads a colour token of the current theme (styles/tokens.css) for controls that take colours
 * in code (TilesFX tiles): colours stay defined only in the token sheet.
 */
public final class TokenColors {
    private TokenColors() {
    }

    /** The value of {@code token} (e.g. "-id-tile-bg") as seen from inside {@code within}. */
    public static Color resolve(Pane within, String token, Color fallback) {
        if (within.getScene() == null) {
            return fallback;
        }
        Region probe = new Region();
        probe.setManaged(false);
        probe.setVisible(false);
        probe.setStyle("-fx-background-color: " + token + ";");
        within.getChildren().add(probe);
        try {
            probe.applyCss();
            Background bg = probe.getBackground();
            if (bg == null || bg.getFills().isEmpty()) {
                return fallback;
            }
            Paint p = bg.getFills().get(0).getFill();
            return p instanceof Color c ? c : fallback;
        } finally {
            within.getChildren().remove(probe);
        }
    }
}
