package org.impactdesk.ui.fx;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;

/**
 * Scroll panes that draw their content directly. JavaFX's scroll pane skin caches its viewport as
 * a bitmap ({@code setCache(true)}), so under the software renderer every change inside it, a
 * typed letter or a spinning progress indicator, redraws the whole content into that bitmap and
 * then the bitmap to the screen: the probe found the render thread 100-150 ms per frame in
 * {@code CacheFilter.renderCacheToScreen} for a screen in the shell's scroll pane, with the FX
 * thread waiting for it. Without the cache only the changed region is drawn.
 */
public final class Viewports {
    private Viewports() {
    }

    /** {@code pane}'s viewport is not cached, now and whenever it gets a new skin. */
    public static void uncached(ScrollPane pane) {
        if (pane.getProperties().putIfAbsent(Viewports.class, Boolean.TRUE) != null) {
            return;
        }
        pane.skinProperty().addListener((o, was, now) -> uncacheViewport(pane));
        uncacheViewport(pane);
    }

    /** Every scroll pane in {@code root} (itself included) as {@link #uncached(ScrollPane)}. */
    public static void uncachedWithin(Parent root) {
        for (Node n : root.lookupAll(".scroll-pane")) {
            if (n instanceof ScrollPane pane) {
                uncached(pane);
            }
        }
    }

    private static void uncacheViewport(ScrollPane pane) {
        // the skin's viewport is its direct child with the "viewport" style class
        for (Node child : pane.getChildrenUnmodifiable()) {
            if (child.getStyleClass().contains("viewport")) {
                child.setCache(false);
            }
        }
    }
}
