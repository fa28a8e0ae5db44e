package org.impactdesk.ui.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.impactdesk.access.Actor;
import org.impactdesk.service.alerts.AlertService;
import org.impactdesk.ui.fx.SameThreadTaskRunner;
import org.junit.jupiter.api.Test;

/**
 * The window's retries without the toolkit: the loop looks through the task runner's timer, runs
 * the due retries as work (the same-thread runner), and waits for the next retry time, at most a
 * minute; stopped, it schedules nothing more.
 */
class RetryLoopTest {
    static final Instant NOW = Instant.parse("2026-01-10T08:00:00Z");
    final FakeAlertService service = new FakeAlertService();
    final SameThreadTaskRunner tasks = new SameThreadTaskRunner();
    final RetryLoop loop = new RetryLoop(service, tasks, Actor.localOperator(), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void looksAfterTheWindowOpensThenAtTheNextRetryTimeAsTheLocalOperator() {
        loop.start();
        assertThat(tasks.pending()).singleElement().satisfies(s -> assertThat(s.delay()).isEqualTo(RetryLoop.FIRST));
        assertThat(service.calls).isEmpty();
        service.next = NOW.plus(Duration.ofSeconds(42));
        assertThat(tasks.fireScheduled()).isOne();
        assertThat(service.calls).containsExactly("retryDue", "overview");
        assertThat(service.actors).allSatisfy(a -> assertThat(a.isLocalOperator()).isTrue());
        assertThat(tasks.pending()).singleElement().satisfies(s -> assertThat(s.delay()).isEqualTo(Duration.ofSeconds(42)));
        service.next = null;
        tasks.fireScheduled();
        assertThat(tasks.pending()).singleElement().satisfies(s -> assertThat(s.delay()).isEqualTo(RetryLoop.MAX_WAIT));
    }

    @Test
    void listenersHearOfRetriesAndAStoppedLoopSchedulesNothing() {
        List<AlertService.RetryResult> heard = new ArrayList<>();
        AlertService busy = new FakeAlertService() {
            @Override
            public RetryResult retryDue(Actor actor, String organisationId, Integer year) {
                return new RetryResult(1, 2, List.of("pm-1: boom"), new Overview(1, 0), Optional.empty());
            }
        };
        RetryLoop l = new RetryLoop(busy, tasks, Actor.localOperator(), Clock.fixed(NOW, ZoneOffset.UTC));
        l.onRetried(heard::add);
        l.start();
        tasks.fireScheduled();
        assertThat(heard).singleElement().satisfies(r -> assertThat(r.errors()).containsExactly("pm-1: boom"));
        l.stop();
        assertThat(tasks.pending()).isEmpty();
        l.look();
        assertThat(heard).hasSize(1);
    }

    @Test
    void waitsBetweenASecondAndAMinuteAndNeverLoopsOnARetryTimeThatStaysPast() {
        assertThat(RetryLoop.waitFor(Optional.of(NOW.plusMillis(200)), NOW)).isEqualTo(RetryLoop.MIN_WAIT);
        assertThat(RetryLoop.waitFor(Optional.of(NOW.plus(Duration.ofMinutes(20))), NOW)).isEqualTo(RetryLoop.MAX_WAIT);
        assertThat(RetryLoop.waitFor(Optional.of(NOW.minusSeconds(5)), NOW)).isEqualTo(RetryLoop.MAX_WAIT);
        assertThat(RetryLoop.waitFor(Optional.empty(), NOW)).isEqualTo(RetryLoop.MAX_WAIT);
    }
}
