package org.impactdesk.sync;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.impactdesk.domain.ImportMessage;
/**
 * The checks of the bundle's directory files: organisations, local associations, users, peer
 * mentors and contacts (values, references, duplicates and the importer's rights). Pure: the
 * database's rows come in through {@link BundleCheck}.
 */
final class DirectoryRows {
    static final Set<String> ROLES = Set.of("peer_mentor", "coordinator", "org_admin", "global_admin");
    static final Set<String> MENTOR_STATUSES = Set.of("active", "paused", "inactive");
    static final int MAX_ASSOCIATIONS = 5;

    private final BundleCheck check;

    DirectoryRows(BundleCheck check) {
        this.check = check;
    }

    void organization(RowCheck r, Map<String, Long> first) {
        String id = r.id(0, true);
        String name = r.text(1, 300, true);
        String zone = r.raw(2);
        if (zone != null) {
            try {
                ZoneId.of(zone);
            } catch (DateTimeException e) {
                r.error("time_zone", "import.error.timeZone", Values.shown(zone));
                zone = null;
            }
        }
        BigDecimal rate = r.decimal(3, 10);
        String currency = r.raw(4);
        if (currency != null && !currency.matches("[A-Za-z]{3}")) {
            r.error("currency", "import.error.currency", Values.shown(currency));
        }
        BigDecimal multiplier = r.decimal(5, 6);
        BigDecimal saving = r.decimal(6, 10);
        Integer qu = r.whole(7, "import.error.notWholeSessions", 0, 1_000_000, false);
        Integer qo = r.whole(8, "import.error.notWholeSessions", 0, 1_000_000, false);
        Integer hu = r.whole(9, "import.error.notWholeSessions", 0, 1_000_000, false);
        Integer ho = r.whole(10, "import.error.notWholeSessions", 0, 1_000_000, false);
        if (qu != null && qo != null && qo <= qu) {
            r.error("quarterly_overloaded_sessions", "import.error.overloadedNotAbove", qo.toString(),
                    "quarterly_underactive_sessions", qu.toString());
        }
        if (hu != null && ho != null && ho <= hu) {
            r.error("half_year_overloaded_sessions", "import.error.overloadedNotAbove", ho.toString(),
                    "half_year_underactive_sessions", hu.toString());
        }
        Boolean impact = r.bool(11, false);
        List<String> modules = new ArrayList<>(new TreeSet<>(r.list(12)));
        Object[] values = {name, zone == null ? BundleCheck.DEFAULT_ZONE.getId() : zone,
                rate, currency == null ? null : currency.toUpperCase(java.util.Locale.ROOT), multiplier, saving,
                qu, qo, hu, ho, impact, List.copyOf(modules)};
        if (id != null) {
            r.skip(check.rights.organisationRow(id, check.changes(BundleTable.ORGANIZATIONS, id, values)));
        }
        if (r.firstTime(first, id, BundleTable.ORGANIZATIONS, "import.row.organisation", id)) {
            r.keep(BundleTable.ORGANIZATIONS, new String[] {id}, values);
            check.zones.remove(id);
        }
    }

    void localAssociation(RowCheck r, Map<String, Long> first) {
        String id = r.id(0, true);
        String org = r.id(1, true);
        String name = r.text(2, 300, true);
        check.checkOrg(r, 1, org);
        Object[] before = id == null ? null : check.stored(BundleTable.LOCAL_ASSOCIATIONS, id);
        r.skip(check.rights.association(id, org, before == null ? null : (String) before[0]));
        if (r.firstTime(first, id, BundleTable.LOCAL_ASSOCIATIONS, "import.row.localAssociation", id)) {
            r.keep(BundleTable.LOCAL_ASSOCIATIONS, new String[] {id}, new Object[] {org, name});
        }
    }

    void user(RowCheck r, Map<String, Long> first) {
        String id = r.id(0, true);
        String org = r.id(1, false);
        String name = r.text(2, 300, true);
        String email = r.text(3, 320, false);
        List<String> roles = new ArrayList<>();
        String rawRoles = r.required(4);
        if (rawRoles != null) {
            for (String role : Values.list(rawRoles)) {
                String lower = role.toLowerCase(java.util.Locale.ROOT);
                if (!ROLES.contains(lower)) {
                    r.error("roles", "import.error.notRole", Values.shown(role));
                } else if (!roles.contains(lower)) {
                    roles.add(lower);
                }
            }
            if (roles.isEmpty() && !r.bad) {
                r.error("roles", "import.error.noRole");
            }
        }
        if (org == null) {
            if (!roles.contains("global_admin") && rawRoles != null) {
                r.error("organization_id", "import.error.noOrganisation");
            }
        } else {
            check.checkOrg(r, 1, org);
        }
        List<String> las = r.list(5);
        for (String la : las) {
            Object[] v = check.ref(BundleTable.LOCAL_ASSOCIATIONS, la);
            if (v == null) {
                r.error("local_association_ids", "import.error.unknownLocalAssociation", Values.shown(la));
            } else if (org != null && !org.equals(v[0])) {
                r.error("local_association_ids", "import.error.otherOrganisationsRow", Values.shown(la), v[0], org);
            }
        }
        List<String> sortedRoles = List.copyOf(new TreeSet<>(roles));
        List<String> sortedLas = List.copyOf(new TreeSet<>(las));
        if (id != null) {
            Object[] before = check.stored(BundleTable.USERS, id);
            @SuppressWarnings("unchecked")
            ImportMessage rule = check.rights.user(org, before == null ? null : (String) before[0], before != null, sortedRoles,
                    before == null ? null : (List<String>) before[3], sortedLas,
                    before == null ? null : (List<String>) before[4], check.userInScope(id));
            r.skip(rule);
        }
        if (r.firstTime(first, id, BundleTable.USERS, "import.row.user", id)) {
            r.keep(BundleTable.USERS, new String[] {id}, new Object[] {org, name, email, sortedRoles, sortedLas});
        }
    }

    void peerMentor(RowCheck r, Map<String, Long> first) {
        String id = r.id(0, true);
        String user = r.id(1, true);
        String org = r.id(2, true);
        String primary = r.id(3, true);
        List<String> las = new ArrayList<>(r.list(4));
        String status = r.oneOf(5, MENTOR_STATUSES, true);
        LocalDate started = r.date(6);
        check.checkOrg(r, 2, org);
        if (check.checkRef(r, 1, user, BundleTable.USERS, "import.error.unknownUser", org, 0)) {
            peerMentorRole(r, user);
        }
        check.checkRef(r, 3, primary, BundleTable.LOCAL_ASSOCIATIONS, "import.error.unknownLocalAssociation", org, 0);
        for (String la : las) {
            check.checkRef(r, 4, la, BundleTable.LOCAL_ASSOCIATIONS, "import.error.unknownLocalAssociation", org, 0);
        }
        if (primary != null && !las.contains(primary)) {
            las.add(primary);
        }
        if (las.size() > MAX_ASSOCIATIONS) {
            r.error("local_association_ids", "import.error.tooManyAssociations", las.size(), MAX_ASSOCIATIONS);
        }
        if (user != null && id != null) {
            if (check.mentorOfUserInDb == null) {
                check.mentorOfUserInDb = new HashMap<>();
                check.existing.get(BundleTable.PEER_MENTORS).forEach((k, v) -> check.mentorOfUserInDb.put((String) v[0], k));
            }
            String other = check.mentorOfUserInBundle.get(user);
            String otherDb = check.mentorOfUserInDb.get(user);
            if (other != null && !other.equals(id)) {
                r.error("user_id", "import.error.userMentorInFile", Values.shown(user), Values.shown(other));
            } else if (otherDb != null && !otherDb.equals(id) && !check.bundleRows.get(BundleTable.PEER_MENTORS).containsKey(otherDb)) {
                r.error("user_id", "import.error.userMentorInDatabase", Values.shown(user), Values.shown(otherDb));
            }
        }
        Object[] stored = id == null ? null : check.stored(BundleTable.PEER_MENTORS, id);
        if (stored != null && user != null && !user.equals(stored[0]) && check.summariesOf(id, (String) stored[0])) {
            r.error("user_id", "import.error.mentorMovesWithSummaries", Values.shown(id), Values.shown((String) stored[0]),
                    Values.shown(user));
        }
        if (id != null) {
            Object[] before = stored;
            @SuppressWarnings("unchecked")
            ImportMessage rule = check.rights.mentor(org, before == null ? null : (String) before[1], primary, las,
                    before == null ? null : (List<String>) before[5]);
            r.skip(rule);
        }
        if (r.firstTime(first, id, BundleTable.PEER_MENTORS, "import.row.peerMentor", id)) {
            if (!r.bad) {
                check.mentorOfUserInBundle.put(user, id);
            }
            r.keep(BundleTable.PEER_MENTORS, new String[] {id}, new Object[] {user, org, primary, status, started,
                    List.copyOf(new TreeSet<>(las))});
        }
    }

    /**
     * Issue 14 item 2: a peer mentor is a user with the peer_mentor role (seeds 002, 003), as the
     * bundle's users.csv or else the database gives the user. When the user's row of this bundle
     * was skipped (a role change outside the importer's rights), the mentor row is skipped with it.
     */
    @SuppressWarnings("unchecked")
    private void peerMentorRole(RowCheck r, String user) {
        Object[] u = check.ref(BundleTable.USERS, user);
        List<String> roles = u == null || u[3] == null ? List.of() : (List<String>) u[3];
        if (roles.contains("peer_mentor")
                || r.skipRef(check.skippedRef(BundleTable.USERS, user, r.cols.get(1)))) {
            return;
        }
        r.error("user_id", roles.isEmpty() ? ImportMessage.of("import.error.userNotPeerMentorNoRole", Values.shown(user))
                : ImportMessage.of("import.error.userNotPeerMentor", Values.shown(user), String.join(", ", roles)));
    }

    void contact(RowCheck r, Map<String, Long> first) {
        String id = r.id(0, true);
        String org = r.id(1, true);
        String name = r.text(2, 300, false);
        check.checkOrg(r, 1, org);
        Object[] values = {org, name};
        if (id != null) {
            Object[] before = check.stored(BundleTable.CONTACTS, id);
            boolean changes = check.changes(BundleTable.CONTACTS, id, values);
            r.skip(check.rights.contact(org, before == null ? null : (String) before[0], changes,
                    changes && before != null && check.rights.coordinator() && check.contactNamedByMine(id)));
        }
        if (r.firstTime(first, id, BundleTable.CONTACTS, "import.row.contact", id)) {
            r.keep(BundleTable.CONTACTS, new String[] {id}, values);
        }
    }}
