package org.impactdesk.funder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.impactdesk.domain.FunderActivity;
import org.impactdesk.domain.FunderCategory;
import org.impactdesk.domain.FunderFigures;
import org.impactdesk.domain.FunderOutcome;
import org.impactdesk.domain.FunderReason;
import org.impactdesk.domain.FunderReport;
import org.impactdesk.domain.FunderRules;

/**
 * The funder counting rules (FUNDER_REPORT.md, Rules) as a function: an organisation's activity
 * rows, its time zone, the year and the rules in; the report out. Rows dated (local date) outside
 * the year are ignored, so the caller may hand a wider window.
 *
 * <p>Sessions: a {@code group} session is the group rows sharing an {@code event_id}, a
 * {@code course} day the course rows sharing an {@code event_id} and a local date; rows without an
 * event id share (peer mentor, activity type, started_at).
 */
public final class FunderCounter {
    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);
    /** A count's first row: by started_at, then id. */
    private static final Comparator<Dated> FIRST_DATED = (x, y) -> {
        int c = x.activity().startedAt().compareTo(y.activity().startedAt());
        return c != 0 ? c : x.activity().id().compareTo(y.activity().id());
    };

    private FunderCounter() {
    }

    /** Exact minutes as hours, half-up to 2 decimals. */
    public static BigDecimal hours(long minutes) {
        return BigDecimal.valueOf(minutes).divide(SIXTY, 2, RoundingMode.HALF_UP);
    }

    public static FunderReport count(String organizationId, int year, boolean finalYear, ZoneId zone, FunderRules rules,
                                     List<FunderActivity> rows) {
        return count(organizationId, year, finalYear, zone, rules, rows, association -> true);
    }

    /**
     * The report restricted to some local associations (a coordinator's): sessions are formed
     * from every row of the organisation, as the rules say, but the figures, the outcomes and the
     * not-counted lines hold only the rows, and the counts attributed to, the associations in scope.
     */
    public static FunderReport count(String organizationId, int year, boolean finalYear, ZoneId zone, FunderRules rules,
                                     List<FunderActivity> rows, Predicate<String> associationInScope) {
        // one pass over the rows with their local dates beside them; outcomes by position, not by id
        List<Dated> ordered = new ArrayList<>(rows.size());
        for (FunderActivity a : rows) {
            LocalDate d = LocalDate.ofInstant(a.startedAt(), zone);
            if (d.getYear() == year) {
                ordered.add(new Dated(a, d));
            }
        }
        ordered.sort(FIRST_DATED);
        Map<String, Optional<FunderCategory>> categories = new HashMap<>();
        FunderCategory[] category = new FunderCategory[ordered.size()];
        FunderReason[] reasons = new FunderReason[ordered.size()];

        Map<Object, List<Integer>> sessions = new LinkedHashMap<>();
        Set<IndividualKey> individualSeen = new HashSet<>();
        List<Count> counts = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            FunderActivity a = ordered.get(i).activity();
            LocalDate date = ordered.get(i).date();
            FunderCategory c = categories.computeIfAbsent(a.activityType(), t -> Optional.ofNullable(rules.categoryOf(t))).orElse(null);
            category[i] = c;
            if (!a.approved()) {
                reasons[i] = FunderReason.NOT_APPROVED;
            } else if (a.mentorStartedOn() != null && date.isBefore(a.mentorStartedOn())) {
                reasons[i] = FunderReason.BEFORE_START;
            } else if (c == null) {
                reasons[i] = FunderReason.UNCATEGORISED_TYPE;
            } else if (c == FunderCategory.NOT_COUNTED) {
                reasons[i] = FunderReason.CATEGORY_NOT_COUNTED;
            } else if (c == FunderCategory.CONTACT_SERVICE) {
                reasons[i] = FunderReason.CONTACT_SERVICE;
            } else if (c == FunderCategory.INDIVIDUAL) {
                // one per (peer mentor, contact, local date); a row without a contact once per (peer mentor, local date)
                if (!individualSeen.add(new IndividualKey(a.peerMentorId(), a.contactId(), date))) {
                    reasons[i] = FunderReason.SAME_DAY_DUPLICATE;
                } else {
                    counts.add(new Count(FunderCategory.INDIVIDUAL, a, a.durationMinutes(), 0));
                }
            } else {
                sessions.computeIfAbsent(sessionKey(c, a, date), k -> new ArrayList<>()).add(i);
            }
        }
        for (Map.Entry<Object, List<Integer>> s : sessions.entrySet()) {
            List<Integer> members = s.getValue();
            FunderCategory c = ((SessionKey) s.getKey()).category();
            Set<String> contacts = new HashSet<>();
            Set<String> leaders = new HashSet<>();
            int minutes = 0;
            for (int i : members) {
                FunderActivity a = ordered.get(i).activity();
                if (a.contactId() != null) {
                    contacts.add(a.contactId());
                }
                leaders.add(a.peerMentorId());
                minutes = Math.max(minutes, a.durationMinutes());
            }
            FunderReason r;
            if (c == FunderCategory.GROUP) {
                r = minutes < rules.groupMinMinutes() ? FunderReason.TOO_SHORT
                        : contacts.size() < rules.groupMinParticipants() ? FunderReason.TOO_FEW_PARTICIPANTS : null;
            } else {
                r = minutes < rules.courseMinMinutes() ? FunderReason.TOO_SHORT
                        : contacts.size() + leaders.size() < rules.courseMinPeople() ? FunderReason.TOO_FEW_PARTICIPANTS : null;
            }
            if (r == null) {
                counts.add(new Count(c, ordered.get(members.get(0)).activity(), minutes, contacts.size()));
            } else {
                for (int i : members) {
                    reasons[i] = r;
                }
            }
        }

        List<FunderOutcome> outcomes = new ArrayList<>(ordered.size());
        Set<String> uncategorisedInScope = new TreeSet<>();
        Map<String, Boolean> scope = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            FunderActivity a = ordered.get(i).activity();
            if (scope.computeIfAbsent(a.localAssociationId(), associationInScope::test)) {
                outcomes.add(new FunderOutcome(a, ordered.get(i).date(), category[i], reasons[i]));
                if (category[i] == null) {
                    uncategorisedInScope.add(a.activityType());
                }
            }
        }
        counts.removeIf(c -> !scope.computeIfAbsent(c.first().localAssociationId(), associationInScope::test));
        return summarise(organizationId, year, finalYear, rules, outcomes, counts, new ArrayList<>(uncategorisedInScope));
    }

    /** A row of the year with its local date. */
    private record Dated(FunderActivity activity, LocalDate date) {
    }

    /** The key of the per-day rule: a null contact is a key of its own (the row without a contact). */
    private record IndividualKey(String peerMentorId, String contactId, LocalDate date) {
    }

    private record SessionKey(FunderCategory category, Object key) {
    }

    private static SessionKey sessionKey(FunderCategory c, FunderActivity a, LocalDate date) {
        if (a.eventId() != null) {
            return new SessionKey(c, c == FunderCategory.COURSE ? List.of("event", a.eventId(), date) : List.of("event", a.eventId()));
        }
        return new SessionKey(c, List.of("row", a.peerMentorId(), a.activityType(), a.startedAt()));
    }

    /** One counted unit: an individual conversation, a group session or a course day; {@code first} attributes it. */
    private record Count(FunderCategory category, FunderActivity first, int minutes, int participants) {
    }

    /** Running figures of an association or the total. */
    private static final class Tally {
        final Set<String> mentors = new HashSet<>();
        int individual;
        int groupSessions;
        int groupParticipants;
        int courseDays;
        int courseParticipants;
        long countedMinutes;
        int contactService;
        long contactServiceMinutes;

        void add(Count c) {
            switch (c.category()) {
                case INDIVIDUAL -> individual++;
                case GROUP -> {
                    groupSessions++;
                    groupParticipants += c.participants();
                }
                case COURSE -> {
                    courseDays++;
                    courseParticipants += c.participants();
                }
                default -> throw new IllegalStateException("not a counted category: " + c.category());
            }
            countedMinutes += c.minutes();
        }

        boolean listed() {
            return individual + groupSessions + courseDays + contactService > 0 || !mentors.isEmpty();
        }

        FunderFigures figures() {
            return new FunderFigures(mentors.size(), individual, groupSessions, groupParticipants, courseDays,
                    courseParticipants, hours(countedMinutes), contactService, hours(contactServiceMinutes));
        }
    }

    private static FunderReport summarise(String organizationId, int year, boolean finalYear, FunderRules rules,
                                          List<FunderOutcome> outcomes, List<Count> counts, List<String> uncategorised) {
        Tally total = new Tally();
        Map<String, Tally> byAssociation = new TreeMap<>();
        for (Count c : counts) {
            total.add(c);
            byAssociation.computeIfAbsent(c.first().localAssociationId(), k -> new Tally()).add(c);
        }
        Map<FunderReason, int[]> reasonRows = new EnumMap<>(FunderReason.class);
        Map<FunderReason, long[]> reasonMinutes = new EnumMap<>(FunderReason.class);
        for (FunderReason r : FunderReason.values()) {
            reasonRows.put(r, new int[1]);
            reasonMinutes.put(r, new long[1]);
        }
        Map<String, int[]> mentorCounted = new TreeMap<>();
        Map<String, Set<String>> mentorAssociations = new HashMap<>();
        for (FunderOutcome o : outcomes) {
            FunderActivity a = o.activity();
            if (o.counted()) {
                total.mentors.add(a.peerMentorId());
                byAssociation.computeIfAbsent(a.localAssociationId(), k -> new Tally()).mentors.add(a.peerMentorId());
                mentorCounted.computeIfAbsent(a.peerMentorId(), k -> new int[1])[0]++;
                mentorAssociations.computeIfAbsent(a.peerMentorId(), k -> new TreeSet<>()).add(a.localAssociationId());
            } else {
                reasonRows.get(o.reason())[0]++;
                reasonMinutes.get(o.reason())[0] += a.durationMinutes();
                if (o.reason() == FunderReason.CONTACT_SERVICE) {
                    total.contactService++;
                    total.contactServiceMinutes += a.durationMinutes();
                    Tally t = byAssociation.computeIfAbsent(a.localAssociationId(), k -> new Tally());
                    t.contactService++;
                    t.contactServiceMinutes += a.durationMinutes();
                }
            }
        }
        List<FunderReport.AssociationFigures> associations = new ArrayList<>();
        byAssociation.forEach((id, t) -> {
            if (t.listed()) {
                associations.add(new FunderReport.AssociationFigures(id, t.figures()));
            }
        });
        List<FunderReport.NotCounted> notCounted = new ArrayList<>();
        for (FunderReason r : FunderReason.values()) {
            notCounted.add(new FunderReport.NotCounted(r, reasonRows.get(r)[0], hours(reasonMinutes.get(r)[0])));
        }
        List<FunderReport.ActiveMentor> mentors = new ArrayList<>();
        mentorCounted.forEach((id, n) -> mentors.add(new FunderReport.ActiveMentor(id, n[0],
                new ArrayList<>(mentorAssociations.get(id)))));
        return new FunderReport(organizationId, year, finalYear, rules, total.figures(), associations, notCounted,
                mentors, uncategorised, outcomes);
    }
}
