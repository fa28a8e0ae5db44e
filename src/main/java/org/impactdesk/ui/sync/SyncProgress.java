package org.impactdesk.ui.sync;

import java.util.ResourceBundle;
import org.impactdesk.domain.ProgressText;
import org.impactdesk.domain.SyncGateway;
import org.impactdesk.ui.fx.TaskRunner;

/** A task's progress as the sync sees it: its steps said with a screen's bundle. */
public final class SyncProgress {
    private SyncProgress() {
    }

    public static SyncGateway.Progress of(TaskRunner.Progress p, ResourceBundle messages) {
        return of(p, messages, () -> false);
    }

    /** Also cancelled once {@code stop} says so (the user's stop of work whose result must still land). */
    public static SyncGateway.Progress of(TaskRunner.Progress p, ResourceBundle messages, java.util.function.BooleanSupplier stop) {
        return new SyncGateway.Progress() {
            @Override
            public void update(long done, long total, String text) {
                p.update(done, total, text);
            }

            @Override
            public void step(long done, long total, String key, Object... args) {
                p.update(done, total, ProgressText.say(messages, key, args)); // in the screen's language
            }

            @Override
            public boolean isCancelled() {
                return stop.getAsBoolean() || p.isCancelled();
            }
        };
    }
}
