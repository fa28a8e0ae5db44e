package org.impactdesk.service.followup;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Scope;
import org.impactdesk.domain.FollowUp;
import org.impactdesk.domain.MentorStanding;
import org.impactdesk.domain.MentorTrail;
import org.impactdesk.domain.MonthlySessions;
import org.impactdesk.domain.Period;
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
    public FollowUp save(Actor actor, String peerMentorId, Period period, LocalDate followedUpOn, String note) {
        if (!canFollowUp(actor)) {
            throw new FollowUpRefusedException("Only a coordinator or an admin signed in as themselves keeps follow-ups");
        }
        String text = note == null ? "" : note.strip();
        List<String> problems = FollowUpDraft.problems(followedUpOn, text, LocalDate.now(clock));
        if (!problems.isEmpty()) {
            throw new FollowUpRefusedException(String.join("; ", problems));
        }
        return dao.save(actor.userId(), actor.scope(), peerMentorId, period, followedUpOn, text, clock.instant())
                .orElseThrow(() -> new FollowUpRefusedException("No peer mentor " + peerMentorId + " in your scope"));
    }

    @Override
    public void delete(Actor actor, String followUpId) {
        if (!canFollowUp(actor) || !dao.delete(actor.userId(), followUpId)) {
            throw new FollowUpRefusedException("No follow-up " + followUpId + " of yours to delete");
        }
    }
}
