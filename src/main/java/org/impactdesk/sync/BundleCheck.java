package org.impactdesk.sync;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.function.Predicate;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.ImportMessage;
import org.impactdesk.domain.ImportOptions;
import org.impactdesk.domain.SyncGateway;
/**
 * What the checks of one import (or preview) know: the stored rows of the small tables (handed
 * in), the bundle's valid rows so far, the rows skipped as outside the importer's rights, the
 * problems found, the sorted activity runs; and the lookups every file's checks share
 * (references in the bundle first, then the database). Pure: no SQL; the one question that needs
 * the database (does a stored activity of mine name this contact?) is a predicate handed in.
 */
public final class BundleCheck {
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Oslo");

    public final BundleSource source;
    public final ImportOptions options;
    public final Actor actor;
    public final SyncGateway.Progress progress;
    public final Problems problems;
    public final ActivityRuns acts;
    public final ImportRights rights;
    private final Predicate<String> contactNamedByMine;
    private final java.util.function.BiPredicate<String, String> summariesOfMentorUser;

    // current database rows of the small tables
    public final Map<BundleTable, Map<String, Object[]>> existing;
    // valid bundle rows of the small tables, in file order
    public final Map<BundleTable, LinkedHashMap<String, Pending>> bundleRows = new EnumMap<>(BundleTable.class);
    // keys of rows skipped as outside the importer's rights: a row naming one is skipped too
    final Map<BundleTable, Set<String>> skippedKeys = new EnumMap<>(BundleTable.class);
    // activity ids whose stored row lies outside the importer's rights (left as stored)
    public final Set<String> foreignActivities = new HashSet<>();
    // references created from activities.csv
    public final Map<String, String> newContacts = new LinkedHashMap<>();
    public final Set<String> newTypes = new TreeSet<>();
    final Map<String, ZoneId> zones = new HashMap<>();
    final Map<String, String> mentorOfUserInBundle = new HashMap<>();
    Map<String, String> mentorOfUserInDb;

    public String manifestOrg;
    public java.time.LocalDate snapshotFrom;
    public java.time.LocalDate snapshotTo;
    public boolean dupsChecked;

    /**
     * {@code existing}: every stored row of each small table; {@code contactNamedByMine}: whether a
     * stored activity of the coordinator's associations names a contact; {@code summariesOfMentorUser}:
     * whether summaries are stored for a peer mentor (first argument) as a user (second).
     */
    public BundleCheck(BundleSource source, ImportOptions options, Actor actor, SyncGateway.Progress progress, Problems problems,
                ActivityRuns acts, Map<BundleTable, Map<String, Object[]>> existing, Predicate<String> contactNamedByMine,
                java.util.function.BiPredicate<String, String> summariesOfMentorUser) {
        this.source = source;
        this.options = options;
        this.actor = actor;
        this.progress = progress;
        this.problems = problems;
        this.acts = acts;
        this.existing = existing;
        this.contactNamedByMine = contactNamedByMine;
        this.summariesOfMentorUser = summariesOfMentorUser;
        for (BundleTable t : BundleTable.values()) {
            bundleRows.put(t, new LinkedHashMap<>());
            skippedKeys.put(t, new HashSet<>());
        }
        Object[] self = actor.userId() == null ? null : existing.get(BundleTable.USERS).get(actor.userId());
        @SuppressWarnings("unchecked")
        List<String> scopes = self == null ? List.of() : (List<String>) self[4];
        this.rights = ImportRights.of(actor, scopes, who());
    }

    public void checkCancelled() {
        if (progress.isCancelled()) {
            throw new CancellationException("Import cancelled: nothing was written.");
        }
    }

    /** Who imports, as a message says it: their name, or "this user". */
    ImportMessage who() {
        return actor.displayName() == null ? ImportMessage.of("import.thisUser")
                : ImportMessage.plain(actor.displayName());
    }

    // ---- references: the bundle's valid rows first, then the database

    public Object[] ref(BundleTable t, String key) {
        Pending p = bundleRows.get(t).get(key);
        if (p != null) {
            return p.values();
        }
        return existing.get(t).get(key);
    }

    public ZoneId zone(String orgId) {
        if (orgId == null) {
            return null;
        }
        return zones.computeIfAbsent(orgId, id -> {
            Object[] o = ref(BundleTable.ORGANIZATIONS, id);
            if (o == null) {
                return null;
            }
            try {
                return o[1] == null ? DEFAULT_ZONE : ZoneId.of((String) o[1]);
            } catch (DateTimeException e) {
                return DEFAULT_ZONE;
            }
        });
    }

    /**
     * Whether {@code id} is a row of {@code t} (of organisation {@code orgId}, at value index
     * {@code orgIndex}, when given); if not, a row error: {@code unknownKey} (e.g.
     * import.error.unknownUser) when it is nowhere, else that it belongs to another organisation.
     */
    boolean checkRef(RowCheck r, int c, String id, BundleTable t, String unknownKey, String orgId, int orgIndex) {
        if (id == null) {
            return false;
        }
        Object[] v = ref(t, id);
        if (v == null) {
            if (!r.skipRef(skippedRef(t, id, r.cols.get(c)))) {
                r.error(r.cols.get(c), unknownKey, Values.shown(id));
            }
            return false;
        }
        if (orgId != null && orgIndex >= 0 && !orgId.equals(v[orgIndex])) {
            r.error(r.cols.get(c), "import.error.otherOrganisationsRow", Values.shown(id), v[orgIndex], orgId);
            return false;
        }
        return true;
    }

    void checkOrg(RowCheck r, int c, String orgId) {
        if (orgId != null && zone(orgId) == null && !r.skipRef(skippedRef(BundleTable.ORGANIZATIONS, orgId, r.cols.get(c)))) {
            r.error(r.cols.get(c), "import.error.unknownOrganisation", Values.shown(orgId));
        }
    }

    /** The rule of a row that names a row skipped above (null when {@code id} was not skipped). */
    ImportMessage skippedRef(BundleTable t, String id, String column) {
        return skippedKeys.get(t).contains(id)
                ? ImportMessage.of("import.rule.namesSkipped", column, Values.shown(id)) : null;
    }

    /** The stored row of {@code t} (null: not in the database). */
    Object[] stored(BundleTable t, String key) {
        return existing.get(t).get(key);
    }

    /** Whether the bundle row would change the stored one (a new row changes). */
    boolean changes(BundleTable t, String key, Object[] values) {
        Object[] before = stored(t, key);
        return before == null || !java.util.Arrays.equals(before, values);
    }

    /** A peer mentor of one of the coordinator's associations (as the bundle's valid rows or the database have it). */
    @SuppressWarnings("unchecked")
    boolean mentorInScope(String mentor) {
        Object[] v = mentor == null ? null : ref(BundleTable.PEER_MENTORS, mentor);
        return v != null && rights.anyOfMine((List<String>) v[5]);
    }

    /** Whether a stored activity of the coordinator's associations names the contact. */
    boolean contactNamedByMine(String contact) {
        return contactNamedByMine.test(contact);
    }

    /** Whether summaries are stored for peer mentor {@code mentor} as user {@code user} (issue 14: a mentor with them does not move). */
    boolean summariesOf(String mentor, String user) {
        return summariesOfMentorUser.test(mentor, user);
    }

    /** The coordinator themself, or the user of one of their mentors. */
    boolean userInScope(String user) {
        return user != null && (user.equals(rights.userId()) || mentorInScope(mentorOfUser(user)));
    }


    public void reportDuplicates(List<ActivityRuns.Act> group, String shown) {
        if (group.size() > 1) {
            String lines = String.join(", ", group.stream().map(g -> Long.toString(g.line)).toList());
            for (ActivityRuns.Act g : group) {
                problems.rowError(shown, g.line, g.span, "id", ImportMessage.of("import.error.activityRepeated",
                        Values.shown(g.id), group.size(), shown, lines));
            }
        }
    }

    /**
     * An importer limited to some rows: a bundle activity whose id is stored as a row outside
     * their rights (another organisation's or association's) is skipped and the stored row left

    /** Equal ids are neighbours in the sorted runs: every row of a repeated id is an error naming all its lines. */
    public void findDuplicateActivities() {
        dupsChecked = true;
        if (acts.count() == 0) {
            return;
        }
        String shown = source.displayName("activities.csv");
        try (ActivityRuns.Merge m = acts.merge()) {
            List<ActivityRuns.Act> group = new ArrayList<>();
            ActivityRuns.Act a;
            while (true) {
                a = m.next();
                if (a != null && !group.isEmpty() && a.id.equals(group.get(0).id)) {
                    group.add(a);
                    continue;
                }
                reportDuplicates(group, shown);
                group.clear();
                if (a == null) {
                    break;
                }
                group.add(a);
            }
        }
    }

    public String mentorOfUser(String userId) {
        String m = mentorOfUserInBundle.get(userId);
        if (m == null) {
            if (mentorOfUserInDb == null) {
                mentorOfUserInDb = new HashMap<>();
                existing.get(BundleTable.PEER_MENTORS).forEach((k, v) -> mentorOfUserInDb.put((String) v[0], k));
            }
            m = mentorOfUserInDb.get(userId);
        }
        return m;
    }

    public String orgOfMentor(String mentor) {
        Object[] v = ref(BundleTable.PEER_MENTORS, mentor);
        return v == null ? null : (String) v[1];
    }}
