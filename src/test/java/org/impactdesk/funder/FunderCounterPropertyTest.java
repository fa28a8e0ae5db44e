package org.impactdesk.funder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.impactdesk.domain.FunderActivity;
import org.impactdesk.domain.FunderCategory;
import org.impactdesk.domain.FunderOutcome;
import org.impactdesk.domain.FunderReport;

/** Properties of the funder rules over random rows around one year. */
class FunderCounterPropertyTest {
    static final Instant BASE = Instant.parse("2024-12-20T00:00:00Z");

    @Provide
    Arbitrary<List<FunderActivity>> rows() {
        Arbitrary<FunderActivity> one = Combinators.combine(
                Arbitraries.longs().between(0, 400L * 24 * 60),
                Arbitraries.integers().between(1, 180),
                Arbitraries.of("home_visit", "support_group", "course", "phone_support", "board_meeting", "knitting"),
                Arbitraries.of("c-1", "c-2", "c-3", "c-4", "c-5", null),
                Arbitraries.of("pm-1", "pm-2", "pm-3"),
                Arbitraries.of("approved", "approved", "approved", "pending", "rejected"),
                Arbitraries.of("ev-1", "ev-2", null, null),
                Arbitraries.of(LocalDate.of(2025, 3, 1), null, null))
                .as((minute, minutes, type, contact, mentor, status, event, start) -> new FunderActivity(
                        null, "la-" + mentor.charAt(3), mentor, type, BASE.plusSeconds(minute * 60),
                        minutes, contact, status, event, start));
        return one.list().ofMaxSize(120).map(list -> {
            List<FunderActivity> withIds = new java.util.ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                FunderActivity a = list.get(i);
                withIds.add(new FunderActivity("a-" + i, a.localAssociationId(), a.peerMentorId(), a.activityType(),
                        // starts on the half hour so that rows share started_at and make sessions
                        Instant.ofEpochSecond(a.startedAt().getEpochSecond() / 1800 * 1800), a.durationMinutes(),
                        a.contactId(), a.approvalStatus(), a.eventId(), a.mentorStartedOn()));
            }
            return withIds;
        });
    }

    @Property(tries = 300)
    void countedAndNotCountedAreExactlyTheYearsRows(@ForAll("rows") List<FunderActivity> rows) {
        FunderReport r = Rows.count(rows);
        Set<String> yearIds = rows.stream()
                .filter(a -> a.startedAt().atZone(Rows.OSLO).getYear() == 2025).map(FunderActivity::id).collect(Collectors.toSet());
        List<String> outcomeIds = r.outcomes().stream().map(o -> o.activity().id()).toList();
        assertThat(new HashSet<>(outcomeIds)).isEqualTo(yearIds);
        assertThat(outcomeIds).doesNotHaveDuplicates();
        long counted = r.outcomes().stream().filter(FunderOutcome::counted).count();
        int notCounted = r.notCounted().stream().mapToInt(FunderReport.NotCounted::activities).sum();
        assertThat(counted + notCounted).isEqualTo(yearIds.size());
    }

    @Property(tries = 300)
    void countedSessionsNeverFallUnderAThreshold(@ForAll("rows") List<FunderActivity> rows) {
        FunderReport r = Rows.count(rows);
        Map<Object, List<FunderOutcome>> sessions = new HashMap<>();
        for (FunderOutcome o : r.outcomes()) {
            if (o.counted() && (o.category() == FunderCategory.GROUP || o.category() == FunderCategory.COURSE)) {
                FunderActivity a = o.activity();
                Object key = a.eventId() != null
                        ? (o.category() == FunderCategory.COURSE ? List.of(o.category(), a.eventId(), o.localDate()) : List.of(o.category(), a.eventId()))
                        : List.of(o.category(), a.peerMentorId(), a.activityType(), a.startedAt());
                sessions.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(o);
            }
        }
        for (List<FunderOutcome> s : sessions.values()) {
            long contacts = s.stream().map(o -> o.activity().contactId()).filter(java.util.Objects::nonNull).distinct().count();
            long leaders = s.stream().map(o -> o.activity().peerMentorId()).distinct().count();
            int minutes = s.stream().mapToInt(o -> o.activity().durationMinutes()).max().orElseThrow();
            if (s.get(0).category() == FunderCategory.GROUP) {
                assertThat(contacts).isGreaterThanOrEqualTo(3);
                assertThat(minutes).isGreaterThanOrEqualTo(45);
            } else {
                assertThat(contacts + leaders).isGreaterThanOrEqualTo(5);
                assertThat(minutes).isGreaterThanOrEqualTo(90);
            }
        }
        int sessionCount = r.totals().groupSessions() + r.totals().courseDays();
        assertThat(sessionCount).isEqualTo(sessions.size());
    }

    @Property(tries = 300)
    void noCountedIndividualRepeatsAPersonOnADayAndEveryCountedRowIsApprovedAndStarted(@ForAll("rows") List<FunderActivity> rows) {
        FunderReport r = Rows.count(rows);
        Set<List<Object>> seen = new HashSet<>();
        for (FunderOutcome o : r.outcomes()) {
            if (!o.counted()) {
                continue;
            }
            FunderActivity a = o.activity();
            assertThat(a.approved()).isTrue();
            assertThat(a.mentorStartedOn() == null || !o.localDate().isBefore(a.mentorStartedOn())).isTrue();
            if (o.category() == FunderCategory.INDIVIDUAL) {
                assertThat(seen.add(java.util.Arrays.asList(a.peerMentorId(), a.contactId(), o.localDate()))).isTrue();
            }
        }
        assertThat(r.totals().individualCount()).isEqualTo(seen.size());
        assertThat(r.uncategorisedTypes().isEmpty()).isEqualTo(
                r.outcomes().stream().noneMatch(o -> o.category() == null));
    }
}
