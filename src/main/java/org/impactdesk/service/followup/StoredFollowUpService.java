package org.impactdesk.service.followup;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Scope;
import org.impactdesk.domain.FollowUp;
import org.impactdesk.domain.MentorPeriodStatus;
import org.impactdesk.domain.MentorRef;
import org.impactdesk.domain.MentorStanding;
import org.impactdesk.domain.MentorTrail;
import org.impactdesk.domain.MonthlySessions;
import org.impactdesk.domain.OutlierStatus;
import org.impactdesk.domain.Period;
import org.impactdesk.domain.TeamChanges;
import org.impactdesk.store.FollowUpDao;

/** {@link FollowUpService} over {@link FollowUpDao}: the author is always the signed-in user. */
public final class StoredFollowUpService implements FollowUpService {
    private final FollowUpDao dao;
    private final Clock clock;

    public StoredFollowUpService(FollowUpDao dao, Clock clock) {
        this.dao = dao;
        this.clock = clock;
    }

    @Override
    public boolean canFollowUp(Actor actor) {
        return actor.userId() != null && actor.scope().kind() != Scope.Kind.SELF;
    }

    @Override
    public List<FollowUp> marks(Actor actor, Period period) {
        if (!canFollowUp(actor)) {
            return List.of();
        }
        return dao.notesOf(actor.userId(), actor.scope(), List.of(FollowUpService.previous(period), period));
    }

    @Override
    public MentorTrail trail(Actor actor, String peerMentorId, Period period) {
        String type = FollowUpDao.type(period);
        MentorStanding standing = dao.standing(actor.scope(), peerMentorId)
                .orElseThrow(() -> new FollowUpRefusedException("No peer mentor " + peerMentorId + " in your scope"));
        List<FollowUp> notes = canFollowUp(actor)
                ? dao.notesOfMentor(actor.userId(), actor.scope(), peerMentorId, type) : List.of();
        return new MentorTrail(peerMentorId, standing.status(), standing.startedOn(),
                dao.rows(actor.scope(), peerMentorId, type), notes);
    }

    @Override
    public MonthlySessions monthlySessions(Actor actor, Period period) {
        return dao.monthlySessions(actor.scope(), MonthlySessions.firstMonthFor(period));
    }

    @Override
    public TeamChanges changes(Actor actor, Period period) {
        Period before = FollowUpService.previous(period);
        Map<String, MentorPeriodStatus> now = new LinkedHashMap<>();
        Map<String, MentorPeriodStatus> then = new HashMap<>();
        for (MentorPeriodStatus s : dao.statuses(actor.scope(), period, before)) {
            (s.period().equals(period) ? now : then).put(s.mentor().peerMentorId(), s);
        }
        List<MentorRef> under = new ArrayList<>();
        List<MentorRef> over = new ArrayList<>();
        List<MentorRef> normal = new ArrayList<>();
        List<MentorRef> fresh = new ArrayList<>();
        for (MentorPeriodStatus s : now.values()) {
            MentorPeriodStatus b = then.get(s.mentor().peerMentorId());
            if (b == null) {
                fresh.add(s.mentor());
            }
            if (!s.flagged() && s.status() == OutlierStatus.NORMAL && b != null && b.flagged()) {
                normal.add(s.mentor());
            } else if (s.flagged() && (b == null || b.status() != s.status())) {
                (s.status() == OutlierStatus.UNDERACTIVE ? under : over).add(s.mentor());
            }
        }
        List<MentorRef> still = new ArrayList<>();
        if (canFollowUp(actor)) {
            for (FollowUp f : dao.notesOf(actor.userId(), actor.scope(), List.of(before))) {
                MentorPeriodStatus s = now.get(f.peerMentorId());
                if (s != null && s.flagged()) {
                    still.add(s.mentor());
                }
            }
            still.sort(java.util.Comparator.comparing(MentorRef::displayName));
        }
        return new TeamChanges(period, before, dao.lastImport().orElse(null), under, over, normal, fresh, still);
    }

    @Override
    public FollowUp save(Actor actor, String peerMentorId, Period period, LocalDate followedUpOn, String note) {
        if (!canFollowUp(actor)) {
            throw new FollowUpRefusedException("Only a coordinator or an admin signed in as themselves keeps follow-ups");
        }
        String text = note == null ? "" : note.strip();
        List<String> problems = FollowUpDraft.problems(followedUpOn, text, LocalDate.now(clock));
        if (!problems.isEmpty()) {
            throw new FollowUpRefusedException(String.join("; ", problems));
        }
        return dao.save(actor.userId(), org.impactdesk.service.changes.StoredChangeWatch.nameOf(actor), actor.scope(), peerMentorId,
                        period, followedUpOn, text, clock.instant())
                .orElseThrow(() -> new FollowUpRefusedException("No peer mentor " + peerMentorId + " in your scope"));
    }

    @Override
    public void delete(Actor actor, String followUpId) {
        if (!canFollowUp(actor) || !dao.delete(actor.userId(), org.impactdesk.service.changes.StoredChangeWatch.nameOf(actor),
                followUpId, clock.instant())) {
            throw new FollowUpRefusedException("No follow-up " + followUpId + " of yours to delete");
        }
    }
}
