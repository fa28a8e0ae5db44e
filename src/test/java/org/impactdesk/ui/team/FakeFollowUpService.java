package org.impactdesk.ui.team;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.FollowUp;
import org.impactdesk.domain.MentorTrail;
import org.impactdesk.domain.MonthlySessions;
import org.impactdesk.domain.Period;
import org.impactdesk.domain.PeriodRow;
import org.impactdesk.service.followup.FollowUpDraft;
import org.impactdesk.service.followup.FollowUpRefusedException;
import org.impactdesk.service.followup.FollowUpService;

/**
 * An in-memory {@link FollowUpService} for the side panel's tests: notes kept per author (so one
 * coordinator never reads another's), stored rows and profile statuses given per mentor. What the
 * SQL scoping does is {@code StoredFollowUpServiceTest}'s.
 */
final class FakeFollowUpService implements FollowUpService {
    record Kept(String author, FollowUp followUp) {
    }

    final List<Kept> kept = new ArrayList<>();
    final Map<String, List<PeriodRow>> rows = new HashMap<>();
    final Map<String, String> status = new HashMap<>();
    final Map<String, LocalDate> started = new HashMap<>();
    final List<String> asked = new ArrayList<>();
    /** Twelve months per mentor, whatever the period asked. */
    final Map<String, int[]> months = new HashMap<>();
    LocalDate today = LocalDate.of(2025, 4, 10);
    private int ids;

    @Override
    public boolean canFollowUp(Actor actor) {
        return actor.userId() != null && actor.peerMentorId() == null;
    }

    @Override
    public List<FollowUp> marks(Actor actor, Period period) {
        asked.add("marks " + period);
        Period before = FollowUpService.previous(period);
        return kept.stream().filter(k -> k.author().equals(actor.userId()))
                .map(Kept::followUp).filter(f -> f.period().equals(period) || f.period().equals(before)).toList();
    }

    @Override
    public MentorTrail trail(Actor actor, String peerMentorId, Period period) {
        asked.add("trail " + peerMentorId + " " + period);
        List<FollowUp> mine = kept.stream().filter(k -> k.author().equals(actor.userId())).map(Kept::followUp)
                .filter(f -> f.peerMentorId().equals(peerMentorId) && f.period().getClass() == period.getClass())
                .sorted(Comparator.comparing((FollowUp f) -> f.period().firstDate()).reversed()).toList();
        List<PeriodRow> of = rows.getOrDefault(peerMentorId, List.of()).stream()
                .filter(r -> r.period().getClass() == period.getClass()).toList();
        return new MentorTrail(peerMentorId, status.getOrDefault(peerMentorId, "active"), started.get(peerMentorId), of, mine);
    }

    @Override
    public MonthlySessions monthlySessions(Actor actor, Period period) {
        asked.add("months " + period);
        return new MonthlySessions(MonthlySessions.firstMonthFor(period), months, !months.isEmpty());
    }

    @Override
    public org.impactdesk.domain.TeamChanges changes(Actor actor, Period period) {
        throw new UnsupportedOperationException("the Team tests do not ask for Home's changes");
    }

    @Override
    public FollowUp save(Actor actor, String peerMentorId, Period period, LocalDate followedUpOn, String note) {
        List<String> problems = FollowUpDraft.problems(followedUpOn, note, today);
        if (!problems.isEmpty()) {
            throw new FollowUpRefusedException(String.join("; ", problems));
        }
        kept.removeIf(k -> k.author().equals(actor.userId()) && k.followUp().peerMentorId().equals(peerMentorId)
                && k.followUp().period().equals(period));
        FollowUp f = new FollowUp("note-" + (++ids), peerMentorId, period, followedUpOn, note, Instant.EPOCH, Instant.EPOCH);
        kept.add(new Kept(actor.userId(), f));
        return f;
    }

    @Override
    public void delete(Actor actor, String followUpId) {
        if (!kept.removeIf(k -> k.author().equals(actor.userId()) && k.followUp().id().equals(followUpId))) {
            throw new FollowUpRefusedException("No follow-up " + followUpId + " of yours to delete");
        }
    }
}
