package org.impactdesk.ui.fx;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javafx.scene.Scene;
import javafx.scene.layout.Background;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * Reads a colour token of the current theme (styles/tokens.css) for controls that take colours
 * in code (TilesFX tiles): colours stay defined only in the token sheet. The tokens are set on
 * the scene's root ({@code .root}, {@code .root.dark}), so a token is read from a one-node scene
 * with the live scene's style sheets and root classes, and kept: reading it inside the live
 * screen would apply CSS to the whole screen from its root (as {@code applyCss} does from the
 * topmost node that needs it), once per token, while the screen is being attached.
 */
public final class TokenColors {
    private record Key(List<String> sheets, List<String> rootClasses, String token) {
    }

    /** A token without a colour is kept too (empty), so it is not read again each time. */
    private static final Map<Key, Optional<Color>> READ = new ConcurrentHashMap<>();

    private TokenColors() {
    }

    /** The value of {@code token} (e.g. "-id-tile-bg") in the theme of the scene {@code within} is in. */
    public static Color resolve(Pane within, String token, Color fallback) {
        Scene live = within.getScene();
        if (live == null || live.getRoot() == null) {
            return fallback;
        }
        Key key = new Key(List.copyOf(live.getStylesheets()), List.copyOf(live.getRoot().getStyleClass()), token);
        return READ.computeIfAbsent(key, TokenColors::read).orElse(fallback);
    }

    private static Optional<Color> read(Key key) {
        Region probe = new Region();
        probe.setStyle("-fx-background-color: " + key.token() + ";");
        StackPane root = new StackPane(probe);
        root.getStyleClass().setAll(key.rootClasses());
        Scene scene = new Scene(root);
        scene.getStylesheets().setAll(key.sheets());
        probe.applyCss();
        Background bg = probe.getBackground();
        if (bg == null || bg.getFills().isEmpty()) {
            return Optional.empty();
        }
        Paint p = bg.getFills().get(0).getFill();
        return p instanceof Color c ? Optional.of(c) : Optional.empty();
    }
}
