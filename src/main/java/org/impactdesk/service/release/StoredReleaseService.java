package org.impactdesk.service.release;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.NotificationSender;
import org.impactdesk.domain.ReleaseLine;
import org.impactdesk.service.delivery.OutboxDispatcher;
import org.impactdesk.service.generation.SummaryNotFoundException;
import org.impactdesk.service.changes.StoredChangeWatch;
import org.impactdesk.store.DataChanges;
import org.impactdesk.store.Database;
import org.impactdesk.store.ReleaseDao;

/**
 * {@link ReleaseService} over the database; releases dispatch their notifications after the commit,
 * together with any notification of an earlier release of the same summaries still unsent.
 */
public final class StoredReleaseService implements ReleaseService {
    /** Who a release by the local operator (no --as) is recorded as. */
    public static final String LOCAL_OPERATOR = "local-operator";
    private static final int MAX_REASON = 1000;

    private final Database database;
    private final ReleaseDao dao;
    private final NotificationSender sender;
    private final Clock clock;
    /** Each first preview, hold and release is logged for the other desktops' "Changed elsewhere" (V105). */
    private final DataChanges changes;

    public StoredReleaseService(Database database, NotificationSender sender, Clock clock) {
        this(database, sender, clock, new DataChanges(database));
    }

    public StoredReleaseService(Database database, NotificationSender sender, Clock clock, DataChanges changes) {
        this.database = database;
        this.dao = new ReleaseDao(database.jdbi());
        this.sender = sender;
        this.clock = clock;
        this.changes = changes;
    }

    @Override
    public List<ReleaseLine> lines(int year, String organizationId, Actor actor) {
        requireListReader(actor);
        return dao.lines(year, organizationId, actor.scope());
    }

    @Override
    public List<Integer> years(Actor actor) {
        requireListReader(actor);
        return dao.years(actor.scope());
    }

    private static void requireListReader(Actor actor) {
        if (!actor.isAdmin() && !actor.roles().contains(org.impactdesk.access.Role.COORDINATOR)) {
            throw new ReleaseRefusedException("Only an administrator or a coordinator sees the release list.");
        }
    }

    @Override
    public void markPreviewed(String peerMentorId, int year, Actor actor) {
        if (!actor.isAdmin()) {
            return; // only an admin's preview counts as the review (a mentor's own view is viewed_at)
        }
        java.util.UUID summary = line(peerMentorId, year, actor).summaryId();
        Instant now = clock.instant();
        database.jdbi().useTransaction(h -> {
            if (ReleaseDao.markPreviewed(h, summary, who(actor), now)) { // the first preview only: later ones change nothing
                changes.recordIn(h, DataChanges.What.RELEASE, StoredChangeWatch.nameOf(actor), now);
            }
        });
    }

    @Override
    public void hold(String peerMentorId, int year, String reason, Actor actor) {
        requireAdmin(actor, "hold back");
        String r = reason == null ? "" : reason.strip();
        if (r.isEmpty()) {
            throw new IllegalArgumentException("Say why the Wrapped " + year + " of " + peerMentorId + " is held back.");
        }
        if (r.length() > MAX_REASON) {
            throw new IllegalArgumentException("The reason for holding back is " + r.length() + " characters long; at most "
                    + MAX_REASON + ".");
        }
        ReleaseLine l = line(peerMentorId, year, actor);
        Instant now = clock.instant();
        boolean held = database.jdbi().inTransaction(h -> {
            boolean changed = ReleaseDao.hold(h, l.summaryId(), who(actor), r, now);
            if (changed) {
                changes.recordIn(h, DataChanges.What.RELEASE, StoredChangeWatch.nameOf(actor), now);
            }
            return changed;
        });
        if (!held) {
            throw new ReleaseRefusedException("The Wrapped " + year + " of " + peerMentorId
                    + " is released already; a release is not taken back.");
        }
    }

    @Override
    public Outcome release(int year, String organizationId, Selection selection, String peerMentorId, Actor actor) {
        requireAdmin(actor, "release");
        List<ReleaseLine> lines;
        if (selection == Selection.MENTOR) {
            ReleaseLine l = line(peerMentorId, year, actor);
            if (organizationId != null && !organizationId.equals(l.organizationId())) {
                throw new SummaryNotFoundException("No annual summary " + year + " of peer mentor " + peerMentorId
                        + " in organisation " + organizationId + ".");
            }
            if (!l.ready()) {
                throw new ReleaseRefusedException("The Wrapped " + year + " of " + peerMentorId + " is '" + l.status()
                        + "'; only a ready summary is released.");
            }
            lines = List.of(l);
        } else {
            lines = dao.lines(year, organizationId, actor.scope());
        }
        int already = 0;
        int held = 0;
        int notReady = 0;
        List<ReleaseLine> take = new ArrayList<>();
        for (ReleaseLine l : lines) {
            if (!l.ready()) {
                notReady++;
            } else if (l.state() == ReleaseLine.State.RELEASED) {
                already++;
            } else if (selection != Selection.MENTOR && l.state() == ReleaseLine.State.HELD) {
                held++;
            } else if (selection != Selection.PREVIEWED || l.state() == ReleaseLine.State.PREVIEWED) {
                take.add(l);
            }
        }
        Instant now = clock.instant();
        String by = who(actor);
        List<NotificationSender.Notification> queued = new ArrayList<>();
        try (Database.Work work = database.beginWork()) {
            database.jdbi().useTransaction(h -> {
                for (ReleaseLine l : take) {
                    if (ReleaseDao.release(h, l, by, now)) {
                        queued.add(new NotificationSender.Notification(0, "annual_summaries", l.summaryId(), l.userId(),
                                "notification.annual_ready"));
                    }
                }
                if (!queued.isEmpty()) {
                    changes.recordIn(h, DataChanges.What.RELEASE, StoredChangeWatch.nameOf(actor), now);
                }
            });
            // and what an earlier release of these summaries queued but never sent (a kill after its
            // commit, a server that was down): sent now, once, with what this release queued
            List<NotificationSender.Notification> toSend = new ArrayList<>(queued);
            for (ReleaseLine l : lines) {
                if (l.ready() && l.state() == ReleaseLine.State.RELEASED && l.releasedAt() != null) {
                    toSend.add(new NotificationSender.Notification(0, "annual_summaries", l.summaryId(), l.userId(),
                            "notification.annual_ready"));
                }
            }
            int sent = new OutboxDispatcher(database, sender, clock).dispatchQueued(toSend);
            return new Outcome(queued.size(), already + take.size() - queued.size(), held, notReady, sent);
        }
    }

    private ReleaseLine line(String peerMentorId, int year, Actor actor) {
        return dao.lines(year, null, actor.scope()).stream().filter(l -> l.peerMentorId().equals(peerMentorId)).findFirst()
                .orElseThrow(() -> new SummaryNotFoundException("No annual summary " + year + " of peer mentor "
                        + peerMentorId + " in your scope."));
    }

    private static void requireAdmin(Actor actor, String what) {
        if (!actor.isAdmin()) {
            throw new ReleaseRefusedException("Only an administrator may " + what + " a Wrapped.");
        }
    }

    private static String who(Actor actor) {
        return actor.isLocalOperator() ? LOCAL_OPERATOR : actor.userId();
    }
}
