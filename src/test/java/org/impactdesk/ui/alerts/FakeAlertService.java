package org.impactdesk.ui.alerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.GenerationFailure;
import org.impactdesk.service.alerts.AlertService;
import org.impactdesk.service.alerts.AlertsRefusedException;

/**
 * An {@link AlertService} in memory for ViewModel tests: a list of failures; a retry "regenerates"
 * the summaries named in {@link #fixed} (they leave the list, their alert closed) and fails the
 * others again (one more attempt); it records what it was asked.
 */
public class FakeAlertService implements AlertService {
    public final List<GenerationFailure> failures = new ArrayList<>();
    public final List<UUID> fixed = new ArrayList<>();
    public final List<String> calls = new ArrayList<>();
    public final List<Actor> actors = new ArrayList<>();
    public Instant next;

    private void check(Actor actor, String call) {
        actors.add(actor);
        calls.add(call);
        if (!actor.isAdmin()) {
            throw new AlertsRefusedException("Only an administrator sees and retries failed summary generations");
        }
    }

    @Override
    public List<GenerationFailure> failures(Actor actor) {
        check(actor, "failures");
        return List.copyOf(failures);
    }

    @Override
    public Overview overview(Actor actor) {
        check(actor, "overview");
        int open = (int) failures.stream().filter(f -> f.alertId() != null).count();
        return new Overview(open, failures.size() - open);
    }

    @Override
    public RetryResult retryNow(Actor actor, UUID summaryId) {
        check(actor, "retryNow " + summaryId);
        List<GenerationFailure> due = failures.stream()
                .filter(f -> f.summaryId() != null && (summaryId == null || f.summaryId().equals(summaryId))).toList();
        List<String> errors = new ArrayList<>();
        for (GenerationFailure f : due) {
            failures.remove(f);
            if (!fixed.contains(f.summaryId())) {
                errors.add(f.peerMentorId() + ": " + f.error());
                failures.add(new GenerationFailure(f.alertId(), f.organisationId(), f.summaryTable(), f.summaryId(),
                        f.peerMentorId(), f.mentorName(), f.period(), f.error(), f.attempts() + 1, f.nextRetryAt(), f.since()));
            }
        }
        return new RetryResult(due.isEmpty() ? 0 : 1, due.size(), errors, overview(actor), Optional.ofNullable(next));
    }

    @Override
    public RetryResult retryDue(Actor actor, String organisationId, Integer year) {
        check(actor, "retryDue");
        return new RetryResult(0, 0, List.of(), overview(actor), Optional.ofNullable(next));
    }

    @Override
    public boolean close(Actor actor, long alertId) {
        check(actor, "close " + alertId);
        return failures.removeIf(f -> f.alertId() != null && f.alertId() == alertId);
    }

    @Override
    public Optional<Instant> nextRetry(Actor actor) {
        check(actor, "nextRetry");
        return Optional.ofNullable(next);
    }
}
