package org.impactdesk.service.digest;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.impactdesk.domain.NotificationSender;
import org.impactdesk.domain.Period;
import org.impactdesk.domain.SyncDigest;
import org.impactdesk.domain.Uuid7;
import org.impactdesk.service.delivery.OutboxDispatcher;
import org.impactdesk.service.followup.FollowUpService;
import org.impactdesk.service.followup.TeamChangesSource;
import org.impactdesk.service.home.HomeService;
import org.impactdesk.service.importing.AfterImport;
import org.impactdesk.store.Database;
import org.impactdesk.store.DatabaseException;
import org.impactdesk.store.DigestDao;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coordinators' digest after each sync (issue 19 item 5): for each coordinator who opted in, Home's
 * "Since the last sync" for their own scope (the follow-up service's {@link TeamChangesSource}, for
 * the last closed quarter in their organisation's zone), frozen as a {@link SyncDigest} (display
 * names of their own mentors, nothing of contacts), queued in the notification outbox and sent
 * after the commit through the same dispatcher as every notification. Nothing in any list, or the
 * same lists as that coordinator's previous digest: no digest.
 *
 * <p>A sync is an import and the regeneration of the summaries it made stale, and the digest shows
 * the state after both (a mentor only the regeneration flags is in that sync's digest):
 * <ul>
 * <li>the import, in its transaction, marks the digest due for each organisation in its scope with
 *     an opted-in coordinator ({@code sync_digests_due}); a kill after its commit keeps the mark;</li>
 * <li>after its commit, an organisation whose compared quarters the import left with nothing
 *     stale (nothing there for a regeneration to change) gets its digests at once;</li>
 * <li>the window's regeneration after the import ({@link #afterRegeneration}) queues the rest, in a
 *     transaction after the regeneration's commits, whatever its outcome: a stopped, failed or
 *     refused regeneration sends what the import and the organisations brought up to date changed;
 *     the organisations it left are in the next sync's digest;</li>
 * <li>on the command line, the {@code generate} that follows the import
 *     ({@link #afterGeneration}) queues them for the organisations it brought up to date.</li>
 * </ul>
 * Taking a mark deletes it in the transaction that queues the digests, so a sync's digest is queued
 * once, and dispatched after that commit (what a kill leaves queued goes with the next dispatch).
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

    /** Marks this sync's digest due in the import's transaction; after the commit, sends those nothing stale holds back. */
    @Override
    public Runnable beforeCommit(Connection c, Actor importer, Instant finishedAt) throws SQLException {
        List<String> organizations = DigestDao.subscribedOrganizations(c, scopeOf(importer));
        for (String organization : organizations) {
            DigestDao.markDue(c, organization, finishedAt);
        }
        return organizations.isEmpty() ? null : () -> sendDue(organizations, true);
    }

    /** The window's regeneration after {@code importer}'s import has ended, however: the digests of its scope. */
    @Override
    public void afterRegeneration(Actor importer) {
        String organization = scopeOf(importer);
        sendDue(organization == null ? null : List.of(organization), false);
    }

    /**
     * A {@code generate} run brought these organisations' summaries up to date: the digests of the
     * syncs that waited for it. Returns how many digests were sent.
     */
    public int afterGeneration(Collection<String> organizationIds) {
        return organizationIds.isEmpty() ? 0 : sendDue(organizationIds, false);
    }

    /**
     * Queues the due digests of these organisations (all when null) in one transaction, taking
     * their marks, and sends them after its commit; {@code unlessStale}: leaves the mark of an
     * organisation with stale summaries for the regeneration. Returns how many were sent.
     */
    int sendDue(Collection<String> organizations, boolean unlessStale) {
        List<NotificationSender.Notification> queued = new ArrayList<>();
        try (Database.Work work = database.beginWork(); Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                for (Map.Entry<String, Instant> due : DigestDao.due(c, organizations).entrySet()) {
                    if (unlessStale && comparedStale(c, due.getKey())) {
                        continue; // the regeneration (or generate) that follows sends it, with what it changes
                    }
                    if (DigestDao.takeDue(c, due.getKey(), due.getValue())) {
                        queued.addAll(queue(c, due.getKey(), due.getValue()));
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (CancellationException stopping) {
            LOG.info("Stopping: the coordinators' digests stay due for the next sync");
            return 0;
        } catch (SQLException e) {
            throw new DatabaseException("Cannot queue the coordinators' digests: " + e.getMessage(), e);
        }
        return new OutboxDispatcher(database, sender, clock).dispatchQueued(queued);
    }

    /**
     * Whether summaries the organisation's digests compare (the last closed quarter and the one
     * before it, in the organisation's zone) wait for a regeneration: a digest now would show them
     * as they were before the sync.
     */
    private boolean comparedStale(Connection c, String organization) throws SQLException {
        Set<Integer> years = new TreeSet<>();
        for (String userId : DigestDao.subscribers(c, organization)) {
            actors.apply(userId).ifPresent(coordinator -> {
                Period quarter = quarterOf(coordinator);
                years.add(quarter.year());
                years.add(FollowUpService.previous(quarter).year());
            });
        }
        return DigestDao.anyStale(c, organization, years);
    }

    /** The organisation an import by this user covers, or null: every organisation. */
    private static String scopeOf(Actor importer) {
        return importer.isGlobalAdmin() ? null : importer.organizationId();
    }

    /** Queues the digests of one organisation's opted-in coordinators on the connection; returns their notifications. */
    List<NotificationSender.Notification> queue(Connection c, String organization, Instant syncedAt) throws SQLException {
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
                // one coordinator's unreadable figures cost their digest, not the others'
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
        return SyncDigest.of(changes.changes(coordinator, quarterOf(coordinator)));
    }

    /** The last closed quarter in the coordinator's organisation's zone: the one Home's lists compare with the one before. */
    private Period quarterOf(Actor coordinator) {
        LocalDate today = LocalDate.now(clock.withZone(zones.apply(coordinator)));
        return HomeService.lastClosed(HomeService.PeriodKind.QUARTER, today);
    }
}
