package org.impactdesk.ui.fx;

import java.util.concurrent.atomic.AtomicBoolean;

/** Runs work at once on the calling thread: for ViewModel tests without the toolkit. */
public final class SameThreadTaskRunner implements TaskRunner {

    @Override
    public <T> Handle run(String name, Work<T> work, Callbacks<T> callbacks) {
        AtomicBoolean cancelled = new AtomicBoolean();
        Progress progress = new Progress() {
            @Override
            public void update(long done, long total, String message) {
                callbacks.onProgress().progress(total > 0 ? (double) done / total : -1, message);
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }
        };
        T result;
        try {
            result = work.run(progress);
        } catch (Exception | Error e) {
            callbacks.onFailure().accept(e);
            return inert(cancelled);
        }
        callbacks.onSuccess().accept(result);
        return inert(cancelled);
    }

    private static Handle inert(AtomicBoolean cancelled) {
        return new Handle() {
            @Override
            public void cancel() {
                cancelled.set(true);
            }

            @Override
            public boolean isRunning() {
                return false;
            }
        };
    }
}
