package org.impactdesk;

import java.util.concurrent.atomic.AtomicBoolean;
import org.impactdesk.service.demo.DemoLoader;
import org.impactdesk.ui.fx.TaskRunner;
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
        DemoLoader.Outcome outcome = loader.loadIfEmpty(org.impactdesk.ui.sync.SyncProgress.of(progress, messages));
        return outcome.loaded() ? "" : outcome.reason();
    }
}
