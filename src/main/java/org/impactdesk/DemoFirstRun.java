package org.impactdesk;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.impactdesk.access.Actor;
import org.impactdesk.store.ImportLogDao;
import org.impactdesk.sync.SyncGateway;
import org.impactdesk.ui.TaskRunner;
import org.impactdesk.ui.signin.SignInViewModel;

/**
 * Opening the app on an empty database imports the demo bundle and generates its summaries, as
 * the local operator, once (a second sign-in screen during the import does not start another).
 */
final class DemoFirstRun implements SignInViewModel.FirstRun {
    private final SyncGateway sync;
    private final ImportLogDao log;
    private final Path bundle;
    private final AtomicBoolean started = new AtomicBoolean();

    DemoFirstRun(SyncGateway sync, ImportLogDao log, Path bundle) {
        this.sync = sync;
        this.log = log;
        this.bundle = bundle;
    }

    @Override
    public boolean needed() {
        return !started.get() && log.databaseEmpty();
    }

    @Override
    public synchronized String run(TaskRunner.Progress progress) throws Exception {
        if (!started.compareAndSet(false, true)) {
            return "";
        }
        SyncGateway.Progress p = new SyncGateway.Progress() {
            @Override
            public void update(long done, long total, String message) {
                progress.update(done, total, message);
            }

            @Override
            public boolean isCancelled() {
                return progress.isCancelled();
            }
        };
        SyncGateway.Outcome outcome = sync.importBundle(bundle, SyncGateway.Mode.ALL_OR_NOTHING, Actor.localOperator(), p);
        if (!outcome.written()) {
            throw new IllegalStateException("The demo bundle " + bundle + " was refused: " + outcome.errors().stream()
                    .limit(3).map(e -> e.file() + ":" + e.line() + " " + e.message()).toList());
        }
        progress.update(-1, -1, "summaries");
        sync.regenerate(Actor.localOperator(), p);
        return "";
    }
}
