package org.impactdesk.funder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.impactdesk.domain.FunderActivity;
import org.impactdesk.domain.FunderCategory;
import org.impactdesk.domain.FunderOutcome;
import org.impactdesk.domain.FunderReason;
import org.impactdesk.domain.FunderReport;
import org.impactdesk.domain.FunderRules;

/** Builders for funder rows: Oslo local times, approved, no event, no start date unless said. */
final class Rows {
    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    static final FunderRules DEFAULTS = FunderRules.withDefaults(Map.of(
            "home_visit", FunderCategory.INDIVIDUAL, "support_group", FunderCategory.GROUP,
            "course", FunderCategory.COURSE, "phone_support", FunderCategory.CONTACT_SERVICE,
            "board_meeting", FunderCategory.NOT_COUNTED));

    private Rows() {
    }

    static Instant oslo(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(OSLO).toInstant();
    }

    static FunderActivity row(String id, String mentor, String type, String localDateTime, int minutes, String contact) {
        return new FunderActivity(id, "la-1", mentor, type, oslo(localDateTime), minutes, contact, "approved", null, null);
    }

    static FunderActivity inAssociation(FunderActivity a, String association) {
        return new FunderActivity(a.id(), association, a.peerMentorId(), a.activityType(), a.startedAt(),
                a.durationMinutes(), a.contactId(), a.approvalStatus(), a.eventId(), a.mentorStartedOn());
    }

    static FunderActivity withEvent(FunderActivity a, String eventId) {
        return new FunderActivity(a.id(), a.localAssociationId(), a.peerMentorId(), a.activityType(), a.startedAt(),
                a.durationMinutes(), a.contactId(), a.approvalStatus(), eventId, a.mentorStartedOn());
    }

    static FunderActivity withStatus(FunderActivity a, String status) {
        return new FunderActivity(a.id(), a.localAssociationId(), a.peerMentorId(), a.activityType(), a.startedAt(),
                a.durationMinutes(), a.contactId(), status, a.eventId(), a.mentorStartedOn());
    }

    static FunderActivity startedOn(FunderActivity a, LocalDate startedOn) {
        return new FunderActivity(a.id(), a.localAssociationId(), a.peerMentorId(), a.activityType(), a.startedAt(),
                a.durationMinutes(), a.contactId(), a.approvalStatus(), a.eventId(), startedOn);
    }

    static FunderReport count(int year, FunderRules rules, List<FunderActivity> rows) {
        return FunderCounter.count("org-1", year, true, OSLO, rules, rows);
    }

    static FunderReport count(List<FunderActivity> rows) {
        return count(2025, DEFAULTS, rows);
    }

    /** Each row's reason by id ({@code null} = counted). */
    static Map<String, FunderReason> reasons(FunderReport r) {
        Map<String, FunderReason> m = new HashMap<>();
        for (FunderOutcome o : r.outcomes()) {
            m.put(o.activity().id(), o.reason());
        }
        return m;
    }

    static int notCounted(FunderReport r, FunderReason reason) {
        return r.notCounted().stream().filter(n -> n.reason() == reason).findFirst().orElseThrow().activities();
    }
}
