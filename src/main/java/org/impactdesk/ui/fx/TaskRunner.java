package org.impactdesk.ui.fx;

import java.util.function.Consumer;

/**
 * Runs work off the FX thread and lands results on it. The app uses {@link FxTaskRunner};
 * ViewModel tests use {@link SameThreadTaskRunner}, so they run without the toolkit.
 */
public interface TaskRunner {

    /** Work that reports progress and honours cancellation. */
    @FunctionalInterface
    interface Work<T> {
        T run(Progress progress) throws Exception;
    }

    /** What work sees of its progress bar and cancel button. */
    interface Progress {
        void update(long done, long total, String message);

        boolean isCancelled();
    }

    /** A started piece of work. */
    interface Handle {
        void cancel();

        boolean isRunning();
    }

    /** Callbacks run on the FX thread (on the calling thread for the same-thread runner). */
    record Callbacks<T>(Consumer<T> onSuccess, Consumer<Throwable> onFailure, ProgressListener onProgress) {
        public static <T> Callbacks<T> of(Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            return new Callbacks<>(onSuccess, onFailure, (fraction, message) -> { });
        }
    }

    /** Progress as the UI sees it: fraction 0..1 (or -1 when unknown) and a message. */
    @FunctionalInterface
    interface ProgressListener {
        void progress(double fraction, String message);
    }

    <T> Handle run(String name, Work<T> work, Callbacks<T> callbacks);

    /**
     * Runs {@code action} on the FX thread once {@code delay} has passed (a timer: the action
     * itself should only start work through {@link #run}); cancelling the handle before then
     * drops it. The same-thread runner keeps it until a test fires it; a runner without a timer
     * refuses.
     */
    default Handle schedule(String name, java.time.Duration delay, Runnable action) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no timer: cannot schedule " + name);
    }
}
