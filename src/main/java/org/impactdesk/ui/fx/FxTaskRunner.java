package org.impactdesk.ui.fx;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.concurrent.Task;

/** Runs work on background daemon threads; callbacks and progress land on the FX thread. */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {
    private final AtomicInteger threadCount = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "impact-desk-worker-" + threadCount.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    @Override
    public <T> Handle run(String name, Work<T> work, Callbacks<T> callbacks) {
        WorkTask<T> task = new WorkTask<>(work);
        // progress and message land on the FX thread separately (each coalesced): a new message
        // with the same fraction ("Generating summaries" after "Imported 32719 rows", both at 0)
        // must reach the screen too, and the last call carries the last of both
        task.progressProperty().addListener((obs, old, now) ->
                callbacks.onProgress().progress(now.doubleValue(), task.getMessage()));
        task.messageProperty().addListener((obs, old, now) ->
                callbacks.onProgress().progress(task.getProgress(), now));
        task.setOnSucceeded(e -> {
            running.decrementAndGet();
            callbacks.onSuccess().accept(task.getValue());
        });
        task.setOnFailed(e -> {
            running.decrementAndGet();
            callbacks.onFailure().accept(task.getException());
        });
        task.setOnCancelled(e -> {
            running.decrementAndGet();
            callbacks.onFailure().accept(new CancellationException(name + " cancelled"));
        });
        running.incrementAndGet();
        executor.execute(task);
        return new Handle() {
            @Override
            public void cancel() {
                task.cancel(false);
            }

            @Override
            public boolean isRunning() {
                return task.isRunning();
            }
        };
    }

    /** One daemon timer thread: it only hands each due action to the FX thread. */
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "impact-desk-timer");
        t.setDaemon(true);
        return t;
    });

    @Override
    public Handle schedule(String name, Duration delay, Runnable action) {
        AtomicBoolean cancelled = new AtomicBoolean();
        ScheduledFuture<?> f = timer.schedule(() -> Platform.runLater(() -> {
            // not after close(): the timer fired, then the runner closed before this ran
            if (!cancelled.get() && !timer.isShutdown()) {
                action.run();
            }
        }), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
        return new Handle() {
            @Override
            public void cancel() {
                cancelled.set(true);
                f.cancel(false);
            }

            @Override
            public boolean isRunning() {
                return !cancelled.get() && !f.isDone();
            }
        };
    }

    /** A Task whose progress and cancellation the work sees through {@link Progress}. */
    private static final class WorkTask<T> extends Task<T> implements Progress {
        private final Work<T> work;

        WorkTask(Work<T> work) {
            this.work = work;
        }

        @Override
        protected T call() throws Exception {
            return work.run(this);
        }

        @Override
        public void update(long done, long total, String message) {
            updateProgress(done, total);
            updateMessage(message);
        }
    }

    /** Work started and not yet landed on the FX thread (benchmark and screenshot tools wait for 0). */
    public int running() {
        return running.get();
    }

    /** For code already off the FX thread that must touch the UI. */
    public static void onFxThread(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        executor.shutdownNow();
    }
}
