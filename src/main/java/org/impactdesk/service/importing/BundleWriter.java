package org.impactdesk.service.importing;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.impactdesk.domain.ImportMessage;
import org.impactdesk.store.ActivityKeys;
import org.impactdesk.store.SyncStore;
import org.impactdesk.sync.ActivityRuns;
import org.impactdesk.sync.BundleCheck;
import org.impactdesk.sync.BundleTable;
import org.impactdesk.sync.Pending;
/**
 * Writes what the checks kept, on the import's connection: the small tables upserted by
 * comparison with their stored rows, the activities merged in id order with the stored ones
 * (insert, update, unchanged, and the removals of a {@code full_snapshot}), and the stale marks
 * of every summary whose inputs changed. Touches the store.
 */
final class BundleWriter {
    private final BundleCheck check;
    private final SyncStore store;
    private final Connection c;
    private final Clock clock;
    private final long bulkThreshold;
    final Map<String, Set<Integer>> stale = new HashMap<>();
    final Set<String> staleAllYears = new HashSet<>();

    BundleWriter(BundleCheck check, SyncStore store, Connection c, Clock clock, long bulkThreshold) {
        this.check = check;
        this.store = store;
        this.c = c;
        this.clock = clock;
        this.bulkThreshold = bulkThreshold;
    }

    /** The store's table of a bundle table. */
    static SyncStore.Table table(BundleTable t) {
        return switch (t) {
            case ORGANIZATIONS -> SyncStore.ORGANIZATIONS;
            case LOCAL_ASSOCIATIONS -> SyncStore.LOCAL_ASSOCIATIONS;
            case USERS -> SyncStore.USERS;
            case PEER_MENTORS -> SyncStore.PEER_MENTORS;
            case CONTACTS -> SyncStore.CONTACTS;
            case ACTIVITY_TYPES -> SyncStore.ACTIVITY_TYPES;
            case EVENTS -> SyncStore.EVENTS;
            case EVENT_ATTENDANCE -> SyncStore.EVENT_ATTENDANCE;
            case ASSIGNMENTS -> SyncStore.ASSIGNMENTS;
        };
    }

    boolean emptyAtStart;
    boolean keysDropped;

    /**
     * Writes the valid rows in one transaction (not committed here): the small tables, the
     * activities merged with the stored ones, the stale marks. Counts per file (inserted, updated,
     * unchanged, removed), or null when the merge found repeated activity ids and the import is
     * all or nothing (nothing of it may stay).
     */
    Map<String, long[]> write() throws SQLException {
        emptyAtStart = store.countActivities() == 0;
        if (emptyAtStart && check.acts.count() >= bulkThreshold) {
            // nothing is written yet: the DDL's commit commits nothing of the import
            check.progress.step(0, check.acts.count(), "preparingBulk", check.acts.count());
            keysDropped = store.dropActivityKeys(); // H2 only: PostgreSQL loads by COPY with its keys in place
        }
        Map<String, long[]> counts = new LinkedHashMap<>();
        String[] order = {"organizations.csv", "local_associations.csv", "users.csv", "peer_mentors.csv", "contacts.csv",
                "activity_types.csv", "events.csv", "event_attendance.csv", "assignments.csv"};
        BundleTable[] tables = {BundleTable.ORGANIZATIONS, BundleTable.LOCAL_ASSOCIATIONS, BundleTable.USERS, BundleTable.PEER_MENTORS,
                BundleTable.CONTACTS, BundleTable.ACTIVITY_TYPES, BundleTable.EVENTS, BundleTable.EVENT_ATTENDANCE,
                BundleTable.ASSIGNMENTS};
        for (int i = 0; i < order.length; i++) {
            check.checkCancelled();
            BundleTable t = tables[i];
            if (t == BundleTable.CONTACTS) {
                addCreated(t, check.newContacts.entrySet().stream()
                        .map(e -> new Pending(0, 1, new String[] {e.getKey()}, new Object[] {e.getValue(), null})).toList(),
                        "import.warning.contactsCreated");
            }
            if (t == BundleTable.ACTIVITY_TYPES) {
                addCreated(t, check.newTypes.stream().map(k -> new Pending(0, 1, new String[] {k}, new Object[] {k, null, null})).toList(),
                        "import.warning.typesCreated");
            }
            long[] n = writeTable(t);
            if (check.source.has(order[i])) {
                counts.put(check.source.displayName(order[i]), n);
            }
        }
        if (check.source.has("activities.csv")) {
            counts.put(check.source.displayName("activities.csv"), writeActivities());
            if (check.problems.any() && !check.options.skipInvalid()) {
                return null; // repeated activity ids found while merging: nothing of it stays
            }
        }
        resolveAllYears();
        store.markStale(stale, clock.instant());
        return counts;
    }

    /** Rows a file referred to that exist nowhere: created (counted in no file; one warning). */
    void addCreated(BundleTable t, List<Pending> created, String warningKey) {
        Map<String, Pending> rows = check.bundleRows.get(t);
        int n = 0;
        for (Pending p : created) {
            if (!rows.containsKey(p.key()[0]) && !check.existing.get(t).containsKey(p.key()[0])) {
                n++;
            }
        }
        if (n > 0) {
            check.problems.warn(ImportMessage.of(warningKey, n));
            createdRows.put(t, created);
        }
    }

    final Map<BundleTable, List<Pending>> createdRows = new java.util.IdentityHashMap<>();

    long[] writeTable(BundleTable t) throws SQLException {
        Map<String, Object[]> old = check.existing.get(t);
        List<SyncStore.Row> inserts = new ArrayList<>();
        List<SyncStore.Row> updates = new ArrayList<>();
        long unchanged = 0;
        for (Pending p : check.bundleRows.get(t).values()) {
            Object[] before = old.get(BundleTable.key(p.key()));
            if (before == null) {
                inserts.add(new SyncStore.Row(p.key(), p.values()));
                staleOnInsert(t, p, null);
            } else if (java.util.Arrays.equals(before, p.values())) {
                unchanged++;
            } else {
                updates.add(new SyncStore.Row(p.key(), p.values()));
                staleOnInsert(t, p, before);
            }
        }
        long counted = inserts.size();
        for (Pending p : createdRows.getOrDefault(t, List.of())) {
            String k = p.key()[0];
            if (!check.bundleRows.get(t).containsKey(k) && !old.containsKey(k)) {
                inserts.add(new SyncStore.Row(p.key(), p.values()));
            }
        }
        store.insert(table(t), inserts);
        store.update(table(t), updates);
        return new long[] {counted, updates.size(), unchanged, 0};
    }

    // ---- stale marks of what changed

    void mark(String mentor, Instant at, String orgId) {
        if (mentor == null || at == null) {
            return;
        }
        ZoneId z = check.zone(orgId);
        stale.computeIfAbsent(mentor, k -> new TreeSet<>()).add(at.atZone(z == null ? BundleCheck.DEFAULT_ZONE : z).getYear());
    }


    final Set<String> changedTypes = new HashSet<>();
    final Set<String> changedOrgs = new HashSet<>();

    /** A row inserted ({@code before} null) or changed: which mentors' summaries read it. */
    void staleOnInsert(BundleTable t, Pending p, Object[] before) {
        if (t == BundleTable.ASSIGNMENTS) {
            String m = (String) p.values()[0];
            mark(m, (Instant) p.values()[2], check.orgOfMentor(m));
            if (before != null) {
                String om = (String) before[0];
                mark(om, (Instant) before[2], check.orgOfMentor(om));
            }
        } else if (t == BundleTable.EVENT_ATTENDANCE) {
            String m = check.mentorOfUser(p.key()[1]);
            Object[] ev = check.ref(BundleTable.EVENTS, p.key()[0]);
            if (m != null && ev != null) {
                mark(m, (Instant) ev[2], (String) ev[0]);
            }
        } else if (before == null) {
            return; // a new row of another table: its activities mark their mentors
        } else if (t == BundleTable.PEER_MENTORS) {
            staleAllYears.add(p.key()[0]);
        } else if (t == BundleTable.USERS) {
            String m = check.mentorOfUser(p.key()[0]);
            if (m != null) {
                staleAllYears.add(m);
            }
        } else if (t == BundleTable.ORGANIZATIONS) {
            changedOrgs.add(p.key()[0]);
        } else if (t == BundleTable.ACTIVITY_TYPES) {
            changedTypes.add(p.key()[0]);
        } else if (t == BundleTable.EVENTS) {
            changedEvents.add(p.key()[0]);
            Object[] v = p.values();
            String organizer = (String) v[3];
            String oldOrganizer = (String) before[3];
            for (String u : new String[] {organizer, oldOrganizer}) {
                String m = u == null ? null : check.mentorOfUser(u);
                if (m != null) {
                    mark(m, (Instant) v[2], (String) v[0]);
                    mark(m, (Instant) before[2], (String) before[0]);
                }
            }
        }
    }

    final Set<String> changedEvents = new HashSet<>();

    /** Mentors whose every year is stale (their own row, their user, their organisation or a type changed). */
    void resolveAllYears() throws SQLException {
        if (!changedOrgs.isEmpty()) {
            for (SyncStore.MentorRef m : store.mentors()) {
                if (changedOrgs.contains(m.organizationId())) {
                    staleAllYears.add(m.id());
                }
            }
        }
        if (!changedTypes.isEmpty()) {
            staleAllYears.addAll(store.mentorsWithTypes(changedTypes));
        }
        if (!changedEvents.isEmpty()) {
            for (Map.Entry<String, Object[]> e : check.existing.get(BundleTable.EVENT_ATTENDANCE).entrySet()) {
                String[] k = e.getKey().split("\u0000");
                if (changedEvents.contains(k[0])) {
                    String m = check.mentorOfUser(k[1]);
                    Object[] ev = check.ref(BundleTable.EVENTS, k[0]);
                    Object[] evOld = check.existing.get(BundleTable.EVENTS).get(k[0]);
                    if (m != null) {
                        mark(m, (Instant) ev[2], (String) ev[0]);
                        if (evOld != null) {
                            mark(m, (Instant) evOld[2], (String) evOld[0]);
                        }
                    }
                }
            }
        }
        if (!staleAllYears.isEmpty()) {
            store.activityTimesOf(staleAllYears, (m, at) -> mark(m, at, check.orgOfMentor(m)));
        }
    }

    // ---- activities: merge join with the stored rows in id order

    long[] writeActivities() throws SQLException {
        long inserted = 0;
        long updated = 0;
        long unchanged = 0;
        long removed = 0;
        long total = check.acts.count();
        long done = 0;
        String snapshotOrg = check.snapshotFrom == null ? null : check.manifestOrg;
        long fromMicros = 0;
        long toMicros = 0;
        if (snapshotOrg != null) {
            ZoneId z = check.zone(snapshotOrg) == null ? BundleCheck.DEFAULT_ZONE : check.zone(snapshotOrg);
            fromMicros = check.snapshotFrom.atStartOfDay(z).toInstant().getEpochSecond() * 1_000_000L;
            toMicros = check.snapshotTo.plusDays(1).atStartOfDay(z).toInstant().getEpochSecond() * 1_000_000L;
        }
        boolean empty = emptyAtStart;
        String shown = check.source.displayName("activities.csv");
        try (SyncStore.ActivityWriter w = store.activityWriter();
             ActivityRuns.Merge m = check.acts.merge();
             SyncStore.ActivityCursor cursor = empty ? null : store.activitiesById()) {
            SyncStore.StoredActivity db = cursor == null ? null : cursor.next();
            String lastDbId = null;
            ActivityRuns.Act a = m.next();
            while (a != null || db != null) {
                if (a != null) {
                    ActivityRuns.Act next = m.next();
                    if ((next != null && next.id.equals(a.id)) || a.isRejected() || check.foreignActivities.contains(a.id)) {
                        // a repeated id: every row of it is rejected (see findDuplicateActivities)
                        String id = a.id;
                        List<ActivityRuns.Act> group = new ArrayList<>();
                        group.add(a);
                        while (next != null && next.id.equals(id)) {
                            group.add(next);
                            next = m.next();
                        }
                        if (!check.dupsChecked && !check.foreignActivities.contains(id)) {
                            check.reportDuplicates(group, shown);
                        }
                        // the stored row of this id stays as it is
                        while (db != null && db.id().compareTo(id) <= 0) {
                            if (db.id().compareTo(id) < 0) {
                                removed += removeIfSnapshot(w, db, snapshotOrg, fromMicros, toMicros);
                            }
                            lastDbId = checkOrder(lastDbId, db.id());
                            db = cursor.next();
                        }
                        a = next;
                        continue;
                    }
                    // stored rows before this id: not in the bundle
                    while (db != null && db.id().compareTo(a.id) < 0) {
                        removed += removeIfSnapshot(w, db, snapshotOrg, fromMicros, toMicros);
                        lastDbId = checkOrder(lastDbId, db.id());
                        db = cursor.next();
                    }
                    if (db != null && db.id().equals(a.id)) {
                        if (a.sameValues(db)) {
                            unchanged++;
                        } else {
                            w.update(a);
                            updated++;
                            mark(a.peerMentorId(), instant(a.micros), a.organizationId());
                            mark(db.peerMentorId(), instant(db.startedAtMicros()), db.organizationId());
                        }
                        lastDbId = checkOrder(lastDbId, db.id());
                        db = cursor.next();
                    } else {
                        w.insert(a);
                        inserted++;
                        mark(a.peerMentorId(), instant(a.micros), a.organizationId());
                    }
                    a = next;
                    if ((++done & 1023) == 0) {
                        check.checkCancelled();
                        if ((done & 16383) == 0) {
                            check.progress.step(done, total, "writing", shown, done, total);
                        }
                    }
                } else {
                    removed += removeIfSnapshot(w, db, snapshotOrg, fromMicros, toMicros);
                    lastDbId = checkOrder(lastDbId, db.id());
                    db = cursor.next();
                }
            }
        }
        return new long[] {inserted, updated, unchanged, removed};
    }

    String checkOrder(String last, String id) {
        if (last != null && last.compareTo(id) >= 0) {
            throw new IllegalStateException("The database returned activities out of id order (" + last + ", " + id
                    + "); the sync's merge needs H2's binary string order.");
        }
        return id;
    }

    Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
    }

    int removeIfSnapshot(SyncStore.ActivityWriter w, SyncStore.StoredActivity db, String org, long from, long to)
            throws SQLException {
        if (org == null || !org.equals(db.organizationId()) || db.startedAtMicros() < from || db.startedAtMicros() >= to
                || check.rights.storedActivity(db.organizationId(), db.localAssociationId()) != null) {
            return 0; // a coordinator's snapshot removes only activities of their associations
        }
        w.delete(db.id());
        mark(db.peerMentorId(), instant(db.startedAtMicros()), db.organizationId());
        return 1;
    }

    /** After the bulk load (committed or rolled back): the primary key and index of activities back. */
    void restoreKeys() throws SQLException {
        if (keysDropped) {
            keysDropped = false;
            check.progress.step(0, -1, "indexing");
            ActivityKeys.restore(c);
        }
    }
}
