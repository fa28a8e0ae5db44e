package org.impactdesk.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.impactdesk.domain.CountedActivity;
import org.impactdesk.domain.MentorHistory;
import org.impactdesk.domain.PeerMentor;
/** Builders for engine unit tests: activities at Oslo local times, mentors, histories. */
final class Acts {
    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static int seq = 0;

    private Acts() {
    }

    static PeerMentor mentor(String id, LocalDate startedOn) {
        return new PeerMentor(id, "user-" + id, "org-1", "la-1", "active", startedOn, Set.of("la-1"));
    }

    static PeerMentor mentor() {
        return mentor("pm-1", null);
    }

    /** An activity at an instant (ISO with offset or Z). */
    static CountedActivity at(String instant, int minutes, String type, String contact) {
        Instant i = Instant.parse(instant);
        return new CountedActivity("a-" + String.format("%05d", ++seq), "la-1", type, i, LocalDate.ofInstant(i, OSLO),
                minutes, contact, null);
    }

    /** An activity at a local Oslo date-time "2025-03-04T10:00". */
    static CountedActivity local(String localDateTime, int minutes, String type, String contact) {
        Instant i = LocalDateTime.parse(localDateTime).atZone(OSLO).toInstant();
        return new CountedActivity("a-" + String.format("%05d", ++seq), "la-1", type, i, LocalDate.ofInstant(i, OSLO),
                minutes, contact, null);
    }

    static CountedActivity withId(CountedActivity a, String id) {
        return new CountedActivity(id, a.localAssociationId(), a.typeKey(), a.startedAt(), a.localDate(), a.minutes(),
                a.contactId(), a.travelKm());
    }

    static CountedActivity withKm(CountedActivity a, String km) {
        return new CountedActivity(a.id(), a.localAssociationId(), a.typeKey(), a.startedAt(), a.localDate(), a.minutes(),
                a.contactId(), km == null ? null : new BigDecimal(km));
    }

    static CountedActivity withAssociation(CountedActivity a, String la) {
        return new CountedActivity(a.id(), la, a.typeKey(), a.startedAt(), a.localDate(), a.minutes(), a.contactId(),
                a.travelKm());
    }

    /** One activity of 60 minutes at 12:00 local on each given date. */
    static List<CountedActivity> onDates(String... dates) {
        List<CountedActivity> out = new ArrayList<>();
        for (String d : dates) {
            out.add(local(d + "T12:00", 60, "cafe_meeting", null));
        }
        return out;
    }

    static MentorHistory history(List<CountedActivity> acts) {
        return MentorHistory.of(mentor(), acts);
    }

    static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }
}
