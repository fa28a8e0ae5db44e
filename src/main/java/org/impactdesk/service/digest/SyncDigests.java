package org.impactdesk.service.digest;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.impactdesk.domain.NotificationSender;
import org.impactdesk.domain.Period;
import org.impactdesk.domain.SyncDigest;
import org.impactdesk.domain.Uuid7;
import org.impactdesk.service.delivery.OutboxDispatcher;
import org.impactdesk.service.followup.TeamChangesSource;
import org.impactdesk.service.home.HomeService;
import org.impactdesk.service.importing.AfterImport;
import org.impactdesk.store.Database;
import org.impactdesk.store.DigestDao;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coordinators' digest after each sync (issue 19 item 5). In the import's transaction, for
 * each coordinator who opted in (of the importer's organisation; every organisation's for a
 * global import), it reads what Home's "Since the last sync" shows that coordinator (the
 * follow-up service's {@link TeamChangesSource}, in their own scope, for the last closed quarter
 * in their organisation's zone), freezes it as a {@link SyncDigest} (display names of their own
 * mentors, nothing of contacts) and queues it in the notification outbox; after the commit it
 * sends what it queued through the same dispatcher as every notification. Nothing in any list,
 * or the same lists as that coordinator's previous digest (no summary changed since): no digest.
 */
public final class SyncDigests implements AfterImport {
    private static final Logger LOG = LoggerFactory.getLogger(SyncDigests.class);

    private final Database database;
    private final Function<String, Optional<Actor>> actors;
    private final TeamChangesSource changes;
    private final Function<Actor, ZoneId> zones;
    private final NotificationSender sender;
    private final Clock clock;

    public SyncDigests(Database database, Function<String, Optional<Actor>> actors, TeamChangesSource changes,
                       Function<Actor, ZoneId> zones, NotificationSender sender, Clock clock) {
        this.database = database;
        this.actors = actors;
        this.changes = changes;
        this.zones = zones;
        this.sender = sender;
        this.clock = clock;
    }

    @Override
    public Runnable beforeCommit(Connection c, Actor importer, Instant finishedAt) throws SQLException {
        List<NotificationSender.Notification> queued = queue(c, importer, finishedAt);
        if (queued.isEmpty()) {
            return null;
        }
        return () -> new OutboxDispatcher(database, sender, clock).dispatchQueued(queued);
    }

    /** Queues the digests of this sync on its connection; returns their notifications (sent after the commit). */
    List<NotificationSender.Notification> queue(Connection c, Actor importer, Instant syncedAt) throws SQLException {
        String organization = importer.isGlobalAdmin() ? null : importer.organizationId();
        List<NotificationSender.Notification> out = new ArrayList<>();
        for (String userId : DigestDao.subscribers(c, organization)) {
            Optional<Actor> coordinator = actors.apply(userId).filter(a -> a.has(Role.COORDINATOR));
            if (coordinator.isEmpty()) {
                continue;
            }
            SyncDigest digest;
            try {
                digest = digestOf(coordinator.get());
            } catch (RuntimeException e) {
                // one coordinator's unreadable figures cost their digest, not the import
                LOG.warn("No digest for {} after this sync: {}", userId, e.toString());
                continue;
            }
            String json = digest.toJson();
            if (digest.isEmpty() || DigestDao.lastContent(c, userId).filter(json::equals).isPresent()) {
                continue;
            }
            java.util.UUID id = Uuid7.next();
            DigestDao.queue(c, id, userId, syncedAt, json);
            out.add(new NotificationSender.Notification(0, DigestDao.TABLE, id, userId, DigestDao.MESSAGE_KEY));
        }
        return out;
    }

    /** What Home's "Since the last sync" shows the coordinator for the last closed quarter. */
    SyncDigest digestOf(Actor coordinator) {
        LocalDate today = LocalDate.now(clock.withZone(zones.apply(coordinator)));
        Period quarter = HomeService.lastClosed(HomeService.PeriodKind.QUARTER, today);
        return SyncDigest.of(changes.changes(coordinator, quarter));
    }
}
