package org.impactdesk.ui.fx;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

    /** An action waiting for {@link #fireScheduled()}, with the delay it was given. */
    public record Scheduled(String name, Duration delay, Runnable action, AtomicBoolean cancelled) {
    }

    private final List<Scheduled> scheduled = new ArrayList<>();

    @Override
    public Handle schedule(String name, Duration delay, Runnable action) {
        AtomicBoolean cancelled = new AtomicBoolean();
        scheduled.add(new Scheduled(name, delay, action, cancelled));
        return new Handle() {
            @Override
            public void cancel() {
                cancelled.set(true);
            }

            @Override
            public boolean isRunning() {
                return !cancelled.get() && scheduled.stream().anyMatch(s -> s.cancelled() == cancelled);
            }
        };
    }

    /** The actions scheduled and neither fired nor cancelled, in the order they were scheduled. */
    public List<Scheduled> pending() {
        return scheduled.stream().filter(s -> !s.cancelled().get()).toList();
    }

    /** Fires the pending actions (as if their delays had passed); returns how many ran. */
    public int fireScheduled() {
        List<Scheduled> due = pending();
        scheduled.clear();
        due.forEach(s -> s.action().run());
        return due.size();
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
