package org.impactdesk.ui.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.impactdesk.access.Actor;
import org.impactdesk.service.alerts.AlertService;
import org.impactdesk.ui.fx.TaskRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * While the window is open, failed summaries are retried when their {@code next_retry_at} comes
 * (METRICS.md: three retries with backoff, then an alert), as {@code generate --retry-due} does
 * for a scheduled job: a timer of the {@link TaskRunner} wakes at the next retry time (at least
 * every minute, so failures of a generation started elsewhere are seen too) and the retry runs on
 * a worker through {@link AlertService#retryDue}, never on the FX thread. It acts as the local
 * operator (the person at this machine, as the January batch job does), whoever is signed in.
 */
public final class RetryLoop {
    private static final Logger LOG = LoggerFactory.getLogger(RetryLoop.class);
    /** The first look, after the window opens (not while it starts). */
    static final Duration FIRST = Duration.ofSeconds(20);
    /** The longest wait between two looks. */
    static final Duration MAX_WAIT = Duration.ofMinutes(1);
    /** The shortest wait: a retry time a moment away is taken at once, within a second. */
    static final Duration MIN_WAIT = Duration.ofSeconds(1);

    private final AlertService service;
    private final TaskRunner tasks;
    private final Actor actor;
    private final Clock clock;
    private final List<Consumer<AlertService.RetryResult>> listeners = new CopyOnWriteArrayList<>();
    private TaskRunner.Handle timer;
    private boolean stopped;

    public RetryLoop(AlertService service, TaskRunner tasks, Actor actor, Clock clock) {
        this.service = service;
        this.tasks = tasks;
        this.actor = actor;
        this.clock = clock;
    }

    /** Told (on the FX thread) after each look that retried something. */
    public void onRetried(Consumer<AlertService.RetryResult> listener) {
        listeners.add(listener);
    }

    public void start() {
        schedule(FIRST);
    }

    /** No look after this one (the window closes). */
    public void stop() {
        stopped = true;
        if (timer != null) {
            timer.cancel();
        }
    }

    private void schedule(Duration wait) {
        if (!stopped) {
            timer = tasks.schedule("retry-due", wait, this::look);
        }
    }

    /** On the FX thread: starts the retry of what is due on a worker, then waits for the next retry time. */
    void look() {
        if (stopped) {
            return;
        }
        tasks.run("retry-due", p -> service.retryDue(actor, null, null), TaskRunner.Callbacks.of(r -> {
            if (r.runs() > 0) {
                for (Consumer<AlertService.RetryResult> l : listeners) {
                    l.accept(r);
                }
            }
            schedule(waitFor(r.nextRetry(), clock.instant()));
        }, failure -> {
            LOG.warn("Retrying the failed summaries that are due failed: {}", failure.toString());
            schedule(MAX_WAIT);
        }));
    }

    /**
     * How long to wait for {@code next} (the next retry time after a look): until then, within
     * {@link #MIN_WAIT} and {@link #MAX_WAIT}; a time that is still past after the look (the row
     * could not be retried, e.g. refused) waits the longest, so nothing is retried in a loop.
     */
    static Duration waitFor(Optional<Instant> next, Instant now) {
        if (next.isEmpty() || !next.get().isAfter(now)) {
            return MAX_WAIT;
        }
        Duration d = Duration.between(now, next.get());
        return d.compareTo(MIN_WAIT) < 0 ? MIN_WAIT : d.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : d;
    }
}
