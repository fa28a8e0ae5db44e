package org.impactdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.impactdesk.engine.Acts.local;
import static org.impactdesk.engine.Acts.withId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.impactdesk.domain.CountedActivity;
import org.impactdesk.domain.MentorHistory;
import org.impactdesk.domain.Period;
import org.junit.jupiter.api.Test;
/** Milestones over all time: cumulative crossings (>=), ordered by started_at then id. */
class MilestoneTest {
    final SummaryEngine engine = new SummaryEngine(Acts.OSLO);

    static List<CountedActivity> daily(int n, int minutes, LocalDate from, boolean newContactEach) {
        List<CountedActivity> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            CountedActivity a = local(from.plusDays(i) + "T10:00", minutes, "a", newContactEach ? "c-" + i : "c-same");
            out.add(withId(a, String.format("act-%04d", i)));
        }
        return out;
    }

    @Test
    void crossingsAreAtTheActivityThatReachesTheThreshold() {
        // 60 min each, a new contact each: 10th activity = 10 hours = 10 contacts, all on day 10
        List<CountedActivity> acts = daily(12, 60, LocalDate.of(2025, 1, 1), true);
        List<Milestone> ms = Milestone.allTime(Acts.history(acts), Acts.OSLO);
        assertThat(ms).extracting(Milestone::key, Milestone::localDate, Milestone::thresholdValue).containsExactly(
                tuple("first_activity", LocalDate.of(2025, 1, 1), 1),
                tuple("10_activities", LocalDate.of(2025, 1, 10), 10),
                tuple("10_hours", LocalDate.of(2025, 1, 10), 10),
                tuple("10_contacts", LocalDate.of(2025, 1, 10), 10));
        assertThat(ms.get(1).achievedAt()).isEqualTo(acts.get(9).startedAt());
    }

    @Test
    void oneLongActivityCrossesSeveralHourThresholdsAtOnce() {
        // 10 x 1440 min = 240 h: crosses 10, 50, 100 at activities 1, 3, 5 (24 h, 72 h, 120 h), 250 not reached
        List<CountedActivity> acts = daily(10, 1440, LocalDate.of(2025, 3, 1), false);
        List<Milestone> ms = Milestone.allTime(Acts.history(acts), Acts.OSLO);
        assertThat(ms).extracting(Milestone::key, Milestone::localDate).containsExactly(
                tuple("first_activity", LocalDate.of(2025, 3, 1)),
                tuple("10_hours", LocalDate.of(2025, 3, 1)),
                tuple("50_hours", LocalDate.of(2025, 3, 3)),
                tuple("100_hours", LocalDate.of(2025, 3, 5)),
                tuple("10_activities", LocalDate.of(2025, 3, 10)));
    }

    @Test
    void hourThresholdIsReachedExactlyAtSixHundredMinutes() {
        List<CountedActivity> acts = daily(2, 299, LocalDate.of(2025, 3, 1), false);
        acts.add(withId(local("2025-03-05T10:00", 1, "a", null), "act-x")); // 599 min
        assertThat(Milestone.allTime(Acts.history(acts), Acts.OSLO)).extracting(Milestone::key).containsExactly("first_activity");
        acts.add(withId(local("2025-03-06T10:00", 1, "a", null), "act-y")); // 600 min = 10 h
        assertThat(Milestone.allTime(Acts.history(acts), Acts.OSLO)).extracting(Milestone::key)
                .containsExactly("first_activity", "10_hours");
    }

    @Test
    void contactsAreCumulativeDistinct() {
        List<CountedActivity> acts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            acts.add(withId(local(LocalDate.of(2024, 1, 1).plusDays(i) + "T10:00", 10, "a", "c-" + (i % 25)),
                    String.format("act-%04d", i)));
        }
        List<Milestone> ms = Milestone.allTime(Acts.history(acts), Acts.OSLO);
        assertThat(ms).filteredOn(m -> m.key().endsWith("_contacts")).extracting(Milestone::key, Milestone::localDate)
                .containsExactly(tuple("10_contacts", LocalDate.of(2024, 1, 10)), tuple("25_contacts", LocalDate.of(2024, 1, 25)));
    }

    @Test
    void chronologicalOrderIsStartedAtThenId() {
        // two activities at the same instant: the smaller id counts first (plain string order: "A" < "a")
        CountedActivity a = withId(local("2025-01-05T10:00", 30, "a", null), "a-1");
        CountedActivity b = withId(local("2025-01-05T10:00", 30, "a", null), "A-2");
        List<Milestone> ms = Milestone.allTime(Acts.history(List.of(a, b)), Acts.OSLO);
        assertThat(ms.get(0).key()).isEqualTo("first_activity");
        assertThat(ms.get(0).achievedAt()).isEqualTo(b.startedAt());
    }

    @Test
    void eventMilestonesUseTheEarliestEventAndItsStartsAt() {
        Instant e1 = Instant.parse("2025-03-20T16:00:00Z");
        List<MentorHistory.EventRef> attended = List.of(new MentorHistory.EventRef("ev-b", e1),
                new MentorHistory.EventRef("ev-a", e1), new MentorHistory.EventRef("ev-0", Instant.parse("2025-05-01T10:00:00Z")));
        List<MentorHistory.EventRef> organized = List.of(new MentorHistory.EventRef("ev-9", Instant.parse("2024-12-31T23:30:00Z")));
        CountedActivity act = withId(local("2025-02-01T10:00", 30, "a", null), "act-1");
        MentorHistory h = new MentorHistory(Acts.mentor(), List.of(act), attended, organized, List.of(), List.of());
        List<Milestone> ms = Milestone.allTime(h, Acts.OSLO);
        assertThat(ms).extracting(Milestone::key, Milestone::achievedAt).containsExactly(
                tuple("first_event_organized", Instant.parse("2024-12-31T23:30:00Z")),
                tuple("first_activity", act.startedAt()),
                tuple("first_event_attended", e1));
        // the organised event is a 2025 milestone in Oslo
        assertThat(engine.compute(h, new Period.Year(2025)).milestones()).hasSize(3);
        assertThat(engine.compute(h, new Period.Year(2024)).milestones()).isEmpty();
    }

    @Test
    void milestonesOnTheSameInstantAreOrderedByTheirSourceId() {
        Instant t = Instant.parse("2025-02-01T09:00:00Z");
        CountedActivity act = new CountedActivity("zz-act", "la-1", "a", t, LocalDate.of(2025, 2, 1), 30, null, null);
        MentorHistory h = new MentorHistory(Acts.mentor(), List.of(act),
                List.of(new MentorHistory.EventRef("ev-1", t)), List.of(), List.of(), List.of());
        // same started_at: "ev-1" < "zz-act"
        assertThat(Milestone.allTime(h, Acts.OSLO)).extracting(Milestone::key)
                .containsExactly("first_event_attended", "first_activity");
    }

    @Test
    void aMilestoneBelongsToThePeriodOfItsLocalDate() {
        List<CountedActivity> acts = daily(15, 60, LocalDate.of(2024, 12, 25), false);
        SummaryEngine.Prepared p = engine.prepare(Acts.history(acts));
        // first on 2024-12-25; 10th activity (and 10 hours) on 2025-01-03
        assertThat(engine.compute(p, new Period.Year(2024)).milestones()).extracting(Milestone::key).containsExactly("first_activity");
        assertThat(engine.compute(p, new Period.Year(2025)).milestones()).extracting(Milestone::key)
                .containsExactly("10_activities", "10_hours");
        assertThat(engine.compute(p, new Period.Half(2025, 2)).milestones()).isEmpty();
    }
}
