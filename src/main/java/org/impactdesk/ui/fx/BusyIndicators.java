package org.impactdesk.ui.fx;

import javafx.animation.PauseTransition;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.util.Duration;

/**
 * Busy indicators that appear only when the work lasts: an indeterminate {@code ProgressIndicator}
 * spins at every frame, and under the software renderer every frame it spins is a redraw and an
 * upload of the window's pixels on the FX thread (the probe saw a quarter of the FX thread's time
 * in {@code GtkView._uploadPixelsDirect} while a screen loaded). A load that lands within
 * {@link #DELAY} shows no spinner at all (no flicker either); a longer one shows it until it lands.
 */
public final class BusyIndicators {
    /** How long work runs before its indicator appears. */
    public static final Duration DELAY = Duration.millis(400);

    private BusyIndicators() {
    }

    /**
     * Shows {@code indicator} while {@code busy} holds, from {@link #DELAY} after it became true;
     * hides it at once when it becomes false. With {@code managed}, the indicator takes room in its
     * layout only while shown.
     */
    public static void showWhile(Node indicator, ObservableValue<Boolean> busy, boolean managed) {
        PauseTransition wait = new PauseTransition(DELAY);
        wait.setOnFinished(e -> indicator.setVisible(Boolean.TRUE.equals(busy.getValue())));
        indicator.setVisible(false);
        if (managed) {
            indicator.managedProperty().bind(indicator.visibleProperty());
        }
        busy.addListener((o, was, now) -> {
            if (Boolean.TRUE.equals(now)) {
                wait.playFromStart();
            } else {
                wait.stop();
                indicator.setVisible(false);
            }
        });
        if (Boolean.TRUE.equals(busy.getValue())) {
            wait.playFromStart();
        }
    }

    /** Shows {@code indicator} from {@link #DELAY} on (a placeholder that is replaced when the work lands). */
    public static void showAfterDelay(Node indicator) {
        indicator.setVisible(false);
        PauseTransition wait = new PauseTransition(DELAY);
        wait.setOnFinished(e -> indicator.setVisible(true));
        wait.play();
    }
}
