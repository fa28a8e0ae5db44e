package org.impactdesk;

import java.util.concurrent.atomic.AtomicBoolean;
import org.impactdesk.demo.DemoLoader;
import org.impactdesk.sync.SyncGateway;
import org.impactdesk.ui.TaskRunner;
import org.impactdesk.ui.signin.SignInViewModel;

/**
 * Opening the app on an empty database imports the demo bundle (data/demo) and generates its
 * closed periods through the {@link DemoLoader}, once (a second sign-in screen during the import,
 * after a language switch, does not start another).
 */
final class DemoFirstRun implements SignInViewModel.FirstRun {
    private final DemoLoader loader;
    private final AtomicBoolean started = new AtomicBoolean();

    DemoFirstRun(DemoLoader loader) {
        this.loader = loader;
    }

    @Override
    public boolean needed() {
        return !started.get() && loader.databaseIsEmpty() && java.nio.file.Files.isDirectory(DemoLoader.demoBundle());
    }

    @Override
    public synchronized String run(TaskRunner.Progress progress, java.util.ResourceBundle messages) throws Exception {
        if (!started.compareAndSet(false, true)) {
            return "";
        }
        DemoLoader.Outcome outcome = loader.loadIfEmpty(new SyncGateway.Progress() {
            @Override
            public void update(long done, long total, String message) {
                progress.update(done, total, message);
            }

            @Override
            public void step(long done, long total, String key, Object... args) {
                progress.update(done, total, org.impactdesk.sync.ProgressText.say(messages, key, args)); // in the screen's language
            }

            @Override
            public boolean isCancelled() {
                return progress.isCancelled();
            }
        });
        return outcome.loaded() ? "" : outcome.reason();
    }
}
