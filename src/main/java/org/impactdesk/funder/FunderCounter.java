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
import java.util.Objects;
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
    private static final Comparator<FunderActivity> FIRST = Comparator.comparing(FunderActivity::startedAt)
            .thenComparing(FunderActivity::id);

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
        List<FunderActivity> ordered = new ArrayList<>(rows.size());
        Map<String, LocalDate> dates = new HashMap<>(rows.size() * 2);
        for (FunderActivity a : rows) {
            LocalDate d = a.startedAt().atZone(zone).toLocalDate();
            if (d.getYear() == year) {
                ordered.add(a);
                dates.put(a.id(), d);
            }
        }
        ordered.sort(FIRST);

        Map<String, FunderReason> reasons = new HashMap<>(ordered.size() * 2);
        Map<Object, List<FunderActivity>> sessions = new LinkedHashMap<>();
        Map<List<Object>, FunderActivity> individualFirst = new HashMap<>();
        List<Count> counts = new ArrayList<>();
        for (FunderActivity a : ordered) {
            FunderCategory c = rules.categoryOf(a.activityType());
            FunderReason r = null;
            if (!a.approved()) {
                r = FunderReason.NOT_APPROVED;
            } else if (a.mentorStartedOn() != null && dates.get(a.id()).isBefore(a.mentorStartedOn())) {
                r = FunderReason.BEFORE_START;
            } else if (c == null) {
                r = FunderReason.UNCATEGORISED_TYPE;
            } else if (c == FunderCategory.NOT_COUNTED) {
                r = FunderReason.CATEGORY_NOT_COUNTED;
            } else if (c == FunderCategory.CONTACT_SERVICE) {
                r = FunderReason.CONTACT_SERVICE;
            } else if (c == FunderCategory.INDIVIDUAL) {
                List<Object> key = List.of(a.peerMentorId(), Objects.requireNonNullElse(a.contactId(), ""),
                        a.contactId() == null ? "no-contact" : "contact", dates.get(a.id()));
                if (individualFirst.putIfAbsent(key, a) != null) {
                    r = FunderReason.SAME_DAY_DUPLICATE;
                } else {
                    counts.add(new Count(FunderCategory.INDIVIDUAL, a, a.durationMinutes(), 0));
                }
            } else {
                sessions.computeIfAbsent(sessionKey(c, a, dates.get(a.id())), k -> new ArrayList<>()).add(a);
            }
            if (r != null) {
                reasons.put(a.id(), r);
            }
        }
        for (Map.Entry<Object, List<FunderActivity>> s : sessions.entrySet()) {
            List<FunderActivity> members = s.getValue();
            FunderCategory c = ((SessionKey) s.getKey()).category();
            Set<String> contacts = new HashSet<>();
            Set<String> leaders = new HashSet<>();
            int minutes = 0;
            for (FunderActivity a : members) {
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
                counts.add(new Count(c, members.get(0), minutes, contacts.size()));
            } else {
                for (FunderActivity a : members) {
                    reasons.put(a.id(), r);
                }
            }
        }

        List<FunderOutcome> outcomes = new ArrayList<>(ordered.size());
        Set<String> uncategorisedInScope = new TreeSet<>();
        for (FunderActivity a : ordered) {
            if (associationInScope.test(a.localAssociationId())) {
                FunderCategory c = rules.categoryOf(a.activityType());
                outcomes.add(new FunderOutcome(a, dates.get(a.id()), c, reasons.get(a.id())));
                if (c == null) {
                    uncategorisedInScope.add(a.activityType());
                }
            }
        }
        counts.removeIf(c -> !associationInScope.test(c.first().localAssociationId()));
        return summarise(organizationId, year, finalYear, rules, outcomes, counts, new ArrayList<>(uncategorisedInScope));
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
