package org.impactdesk.sync;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

/**
 * The checks of the files of what happened: activity types, events, attendance, assignments and
 * activities (the valid activities go to the sorted runs). Pure: no SQL.
 */
final class ActivityRows {
    static final Set<String> APPROVAL = Set.of("approved", "pending", "flagged", "rejected");
    static final Set<String> ASSIGNMENT_STATUSES = Set.of("open", "completed", "cancelled");

    private final BundleCheck check;

    ActivityRows(BundleCheck check) {
        this.check = check;
    }

    private static final java.util.Set<String> FUNDER_CATEGORIES = java.util.Set.of(
            "individual", "group", "course", "contact_service", "not_counted");

    void activityType(RowCheck r, Map<String, Long> first) {
        String id = r.id(0, true);
        String name = r.text(1, 200, true);
        String nb = r.text(2, 200, false);
        // funder_category is optional (FUNDER_REPORT.md): a bundle without the column keeps the stored default
        Object[] before = id == null ? null : check.stored(BundleTable.ACTIVITY_TYPES, id);
        String funderCategory = r.t.hasColumn(3) ? r.oneOf(3, FUNDER_CATEGORIES, false)
                : before == null ? null : (String) before[2];
        Object[] values = {name, nb, funderCategory};
        if (id != null) {
            r.skip(check.rights.activityType(before != null, check.changes(BundleTable.ACTIVITY_TYPES, id, values)));
        }
        if (r.firstTime(first, id, BundleTable.ACTIVITY_TYPES, "import.row.activityType", id)) {
            r.keep(BundleTable.ACTIVITY_TYPES, new String[] {id}, values);
        }
    }

    void event(RowCheck r, Map<String, Long> first) {
        String id = r.id(0, true);
        String org = r.id(1, true);
        String title = r.text(2, 500, true);
        check.checkOrg(r, 1, org);
        Instant starts = r.instant(3, check.zone(org), true);
        String organizer = r.id(4, false);
        check.checkRef(r, 4, organizer, BundleTable.USERS, "import.error.unknownUser", null, -1);
        Object[] values = {org, title, starts, organizer};
        if (id != null) {
            Object[] before = check.stored(BundleTable.EVENTS, id);
            r.skip(check.rights.event(org, before == null ? null : (String) before[0], check.changes(BundleTable.EVENTS, id, values),
                    check.rights.coordinator() && check.userInScope(organizer),
                    before == null || (check.rights.coordinator() && check.userInScope((String) before[3]))));
        }
        if (r.firstTime(first, id, BundleTable.EVENTS, "import.row.event", id)) {
            r.keep(BundleTable.EVENTS, new String[] {id}, values);
        }
    }

    void attendance(RowCheck r, Map<String, Long> first) {
        String event = r.id(0, true);
        String user = r.id(1, true);
        Boolean registered = r.bool(2, false);
        Boolean attended = r.bool(3, true);
        boolean eventKnown = check.checkRef(r, 0, event, BundleTable.EVENTS, "import.error.unknownEvent", null, -1);
        boolean userKnown = check.checkRef(r, 1, user, BundleTable.USERS, "import.error.unknownUser", null, -1);
        if (eventKnown && userKnown) {
            r.skip(check.rights.attendance((String) check.ref(BundleTable.EVENTS, event)[0], (String) check.ref(BundleTable.USERS, user)[0],
                    check.rights.coordinator() && check.userInScope(user)));
        }
        String key = event == null || user == null ? null : BundleTable.key(event, user);
        if (r.firstTime(first, key, BundleTable.EVENT_ATTENDANCE, "import.row.attendance", user, event)) {
            r.keep(BundleTable.EVENT_ATTENDANCE, new String[] {event, user},
                    new Object[] {registered == null ? Boolean.TRUE : registered, attended});
        }
    }

    void assignment(RowCheck r, Map<String, Long> first) {
        String id = r.id(0, true);
        String mentor = r.id(1, true);
        String status = r.oneOf(2, ASSIGNMENT_STATUSES, true);
        ZoneId zone = null;
        if (check.checkRef(r, 1, mentor, BundleTable.PEER_MENTORS, "import.error.unknownPeerMentor", null, -1)) {
            String org = (String) check.ref(BundleTable.PEER_MENTORS, mentor)[1];
            zone = check.zone(org);
            Object[] before = id == null ? null : check.stored(BundleTable.ASSIGNMENTS, id);
            String storedMentor = before == null ? null : (String) before[0];
            Object[] storedMentorRow = storedMentor == null ? null : check.ref(BundleTable.PEER_MENTORS, storedMentor);
            r.skip(check.rights.assignment(org, storedMentorRow == null ? null : (String) storedMentorRow[1],
                    check.rights.coordinator() && check.mentorInScope(mentor),
                    before == null || (check.rights.coordinator() && check.mentorInScope(storedMentor))));
        }
        Instant completed = r.instant(3, zone, false);
        BigDecimal amount = r.decimal(4, 10);
        if (r.firstTime(first, id, BundleTable.ASSIGNMENTS, "import.row.assignment", id)) {
            r.keep(BundleTable.ASSIGNMENTS, new String[] {id}, new Object[] {mentor, status, completed, amount});
        }
    }

    void activity(RowCheck r) {
        String id = r.id(0, true);
        String org = r.id(1, true);
        String la = r.id(2, true);
        String pm = r.id(3, true);
        String type = r.id(4, true);
        check.checkOrg(r, 1, org);
        ZoneId zone = check.zone(org);
        check.checkRef(r, 2, la, BundleTable.LOCAL_ASSOCIATIONS, "import.error.unknownLocalAssociation", zone == null ? null : org, 0);
        check.checkRef(r, 3, pm, BundleTable.PEER_MENTORS, "import.error.unknownPeerMentor", zone == null ? null : org, 1);
        Instant at = r.instant(5, zone, true);
        Integer minutes = r.whole(6, "import.error.notWholeMinutes", 1, 1440, true);
        String contact = r.id(7, false);
        String status = r.oneOf(8, APPROVAL, true);
        BigDecimal km = r.decimal(9, 8);
        String event = r.id(10, false);
        check.checkRef(r, 10, event, BundleTable.EVENTS, "import.error.unknownEvent", zone == null ? null : org, 0);
        if (org != null) {
            r.skip(check.rights.activity(org, la, check.rights.coordinator() && check.mentorInScope(pm)));
        }
        if (r.skipped()) {
            return;
        }
        if (r.bad) {
            if (id != null) {
                check.acts.add(check.acts.rejected(id, r.line, r.span()));
            }
            return;
        }
        if (type != null && check.ref(BundleTable.ACTIVITY_TYPES, type) == null) {
            check.newTypes.add(type);
        }
        if (contact != null && check.ref(BundleTable.CONTACTS, contact) == null) {
            check.newContacts.putIfAbsent(contact, org);
        }
        long micros = at.getEpochSecond() * 1_000_000L + at.getNano() / 1000;
        check.acts.add(check.acts.act(id, r.line, r.span(), org, la, pm, type, micros, minutes, contact, status,
                km == null ? -1 : km.unscaledValue().longValueExact(), event));
    }
}
