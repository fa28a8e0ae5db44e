package org.impactdesk.funder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactdesk.funder.Rows.count;
import static org.impactdesk.funder.Rows.inAssociation;
import static org.impactdesk.funder.Rows.notCounted;
import static org.impactdesk.funder.Rows.reasons;
import static org.impactdesk.funder.Rows.row;
import static org.impactdesk.funder.Rows.startedOn;
import static org.impactdesk.funder.Rows.withEvent;
import static org.impactdesk.funder.Rows.withStatus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.impactdesk.domain.FunderActivity;
import org.impactdesk.domain.FunderCategory;
import org.impactdesk.domain.FunderFigures;
import org.impactdesk.domain.FunderReason;
import org.impactdesk.domain.FunderReport;
import org.impactdesk.domain.FunderRules;
import org.junit.jupiter.api.Test;

/** Hand-computed cases for every rule and reason of FUNDER_REPORT.md. */
class FunderCounterTest {

    private static List<FunderActivity> group(String event, int contacts, int minutes) {
        List<FunderActivity> rows = new java.util.ArrayList<>();
        for (int i = 1; i <= contacts; i++) {
            rows.add(withEvent(row(event + "-" + i, "pm-1", "support_group", "2025-03-04T18:00", minutes, "c-" + i), event));
        }
        return rows;
    }

    @Test
    void aGroupOfTwoContactsHasTooFewParticipantsAndOfThreeCounts() {
        FunderReport two = count(group("ev-2", 2, 60));
        assertThat(reasons(two).values()).containsOnly(FunderReason.TOO_FEW_PARTICIPANTS);
        assertThat(two.totals().groupSessions()).isZero();
        assertThat(notCounted(two, FunderReason.TOO_FEW_PARTICIPANTS)).isEqualTo(2);

        FunderReport three = count(group("ev-3", 3, 60));
        assertThat(reasons(three).values()).containsOnlyNulls();
        assertThat(three.totals().groupSessions()).isEqualTo(1);
        assertThat(three.totals().groupParticipants()).isEqualTo(3);
        assertThat(three.totals().countedHours()).isEqualByComparingTo("1.00"); // one session, its 60 minutes once
        assertThat(three.totals().activePeerMentors()).isEqualTo(1);
    }

    @Test
    void aGroupOf44MinutesIsTooShortAndOf45Counts() {
        assertThat(reasons(count(group("ev", 3, 44))).values()).containsOnly(FunderReason.TOO_SHORT);
        assertThat(reasons(count(group("ev", 3, 45))).values()).containsOnlyNulls();
        // too short comes before too few participants
        assertThat(reasons(count(group("ev", 2, 44))).values()).containsOnly(FunderReason.TOO_SHORT);
    }

    @Test
    void twoVisitsToOnePersonOnADayCountOnceAndToTwoPeopleTwice() {
        FunderReport samePerson = count(List.of(
                row("a", "pm-1", "home_visit", "2025-05-02T10:00", 30, "c-1"),
                row("b", "pm-1", "home_visit", "2025-05-02T15:00", 90, "c-1")));
        assertThat(reasons(samePerson)).containsEntry("a", null).containsEntry("b", FunderReason.SAME_DAY_DUPLICATE);
        assertThat(samePerson.totals().individualCount()).isEqualTo(1);
        assertThat(samePerson.totals().countedHours()).isEqualByComparingTo("0.50"); // the first row's 30 minutes
        assertThat(samePerson.notCounted().get(FunderReason.SAME_DAY_DUPLICATE.ordinal()).hours()).isEqualByComparingTo("1.50");

        FunderReport twoPeople = count(List.of(
                row("a", "pm-1", "home_visit", "2025-05-02T10:00", 30, "c-1"),
                row("b", "pm-1", "home_visit", "2025-05-02T15:00", 90, "c-2")));
        assertThat(reasons(twoPeople).values()).containsOnlyNulls();
        assertThat(twoPeople.totals().individualCount()).isEqualTo(2);
        assertThat(twoPeople.totals().countedHours()).isEqualByComparingTo("2.00");

        FunderReport nextDay = count(List.of(
                row("a", "pm-1", "home_visit", "2025-05-02T10:00", 30, "c-1"),
                row("b", "pm-1", "home_visit", "2025-05-03T10:00", 30, "c-1")));
        assertThat(nextDay.totals().individualCount()).isEqualTo(2);
    }

    @Test
    void individualRowsWithoutAContactCountOncePerMentorAndDay() {
        FunderReport r = count(List.of(
                row("a", "pm-1", "home_visit", "2025-05-02T10:00", 30, null),
                row("b", "pm-1", "home_visit", "2025-05-02T11:00", 30, null),
                row("c", "pm-1", "home_visit", "2025-05-02T12:00", 30, "c-1"),
                row("d", "pm-2", "home_visit", "2025-05-02T12:00", 30, null)));
        assertThat(reasons(r)).containsEntry("a", null).containsEntry("b", FunderReason.SAME_DAY_DUPLICATE)
                .containsEntry("c", null).containsEntry("d", null);
        assertThat(r.totals().individualCount()).isEqualTo(3);
    }

    @Test
    void theFirstRowOfTheDayIsTheOneCountedByStartThenId() {
        FunderReport r = count(List.of(
                row("z", "pm-1", "home_visit", "2025-05-02T09:00", 20, "c-1"),
                row("b", "pm-1", "home_visit", "2025-05-02T08:00", 40, "c-1"),
                row("a", "pm-1", "home_visit", "2025-05-02T08:00", 10, "c-1")));
        assertThat(reasons(r)).containsEntry("a", null).containsEntry("b", FunderReason.SAME_DAY_DUPLICATE)
                .containsEntry("z", FunderReason.SAME_DAY_DUPLICATE);
        assertThat(r.totals().countedHours()).isEqualByComparingTo("0.17"); // 10 / 60 = 0.1666.. half-up
    }

    @Test
    void aSessionByEventIdSpansTwoPeerMentors() {
        FunderReport r = count(List.of(
                withEvent(row("a", "pm-1", "support_group", "2025-06-10T18:00", 60, "c-1"), "ev-9"),
                withEvent(row("b", "pm-1", "support_group", "2025-06-10T18:00", 60, "c-2"), "ev-9"),
                withEvent(row("c", "pm-2", "support_group", "2025-06-10T18:05", 75, "c-3"), "ev-9"),
                withEvent(row("d", "pm-2", "support_group", "2025-06-10T18:05", 75, "c-1"), "ev-9")));
        assertThat(reasons(r).values()).containsOnlyNulls();
        assertThat(r.totals().groupSessions()).isEqualTo(1);
        assertThat(r.totals().groupParticipants()).isEqualTo(3); // distinct contacts
        assertThat(r.totals().countedHours()).isEqualByComparingTo("1.25"); // the longest, once
        assertThat(r.totals().activePeerMentors()).isEqualTo(2);

        // the same rows without the event id are two sessions of 2 contacts each: neither counts
        FunderReport apart = count(List.of(
                row("a", "pm-1", "support_group", "2025-06-10T18:00", 60, "c-1"),
                row("b", "pm-1", "support_group", "2025-06-10T18:00", 60, "c-2"),
                row("c", "pm-2", "support_group", "2025-06-10T18:05", 75, "c-3"),
                row("d", "pm-2", "support_group", "2025-06-10T18:05", 75, "c-1")));
        assertThat(reasons(apart).values()).containsOnly(FunderReason.TOO_FEW_PARTICIPANTS);
    }

    @Test
    void aCourseOfFourContactsAndOneLeaderCountsAndOfThreeDoesNot() {
        List<FunderActivity> course = new java.util.ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            course.add(withEvent(row("k" + i, "pm-1", "course", "2025-09-20T10:00", 120, "c-" + i), "course-1"));
        }
        FunderReport r = count(course);
        assertThat(reasons(r).values()).containsOnlyNulls();
        assertThat(r.totals().courseDays()).isEqualTo(1);
        assertThat(r.totals().courseParticipants()).isEqualTo(4);
        assertThat(r.totals().countedHours()).isEqualByComparingTo("2.00");

        FunderReport short3 = count(course.subList(0, 3));
        assertThat(reasons(short3).values()).containsOnly(FunderReason.TOO_FEW_PARTICIPANTS);

        // two course days of one event are two days; 89 minutes is too short for a course
        List<FunderActivity> twoDays = new java.util.ArrayList<>(course);
        for (int i = 1; i <= 4; i++) {
            twoDays.add(withEvent(row("m" + i, "pm-1", "course", "2025-09-21T10:00", 89, "c-" + i), "course-1"));
        }
        FunderReport days = count(twoDays);
        assertThat(days.totals().courseDays()).isEqualTo(1);
        assertThat(reasons(days)).containsEntry("m1", FunderReason.TOO_SHORT).containsEntry("k1", null);
    }

    @Test
    void aRowBeforeThePeerMentorsStartIsSetAsideAndOnTheDayCounts() {
        LocalDate start = LocalDate.of(2025, 4, 1);
        FunderReport r = count(List.of(
                startedOn(row("a", "pm-1", "home_visit", "2025-03-31T23:30", 30, "c-1"), start),
                startedOn(row("b", "pm-1", "home_visit", "2025-04-01T00:30", 30, "c-2"), start)));
        assertThat(reasons(r)).containsEntry("a", FunderReason.BEFORE_START).containsEntry("b", null);
    }

    @Test
    void aTypeWithNoCategoryIsNotCountedAndNamedInTheWarnings() {
        FunderReport r = count(List.of(
                row("a", "pm-1", "knitting_club", "2025-02-02T10:00", 60, "c-1"),
                row("b", "pm-1", "board_meeting", "2025-02-02T12:00", 60, null),
                row("c", "pm-1", "phone_support", "2025-02-02T14:00", 20, "c-1")));
        assertThat(reasons(r)).containsEntry("a", FunderReason.UNCATEGORISED_TYPE)
                .containsEntry("b", FunderReason.CATEGORY_NOT_COUNTED).containsEntry("c", FunderReason.CONTACT_SERVICE);
        assertThat(r.uncategorisedTypes()).containsExactly("knitting_club");
        assertThat(r.totals().contactServiceCount()).isEqualTo(1);
        assertThat(r.totals().contactServiceHours()).isEqualByComparingTo("0.33");
        assertThat(r.totals().activePeerMentors()).isZero();
        // the association is listed for its contact-service conversation
        assertThat(r.associations()).extracting(FunderReport.AssociationFigures::localAssociationId).containsExactly("la-1");
    }

    @Test
    void theYearEndsAtOsloMidnight() {
        FunderActivity lastEvening = row("a", "pm-1", "home_visit", "2025-12-31T23:30", 30, "c-1"); // 22:30Z
        FunderActivity newYear = row("b", "pm-1", "home_visit", "2026-01-01T00:10", 30, "c-1");     // 2025-12-31T23:10Z
        FunderActivity firstMorning = row("c", "pm-1", "home_visit", "2025-01-01T00:05", 30, "c-1"); // 2024-12-31T23:05Z
        FunderReport y2025 = count(List.of(lastEvening, newYear, firstMorning));
        assertThat(reasons(y2025).keySet()).containsExactlyInAnyOrder("a", "c");
        assertThat(y2025.totals().individualCount()).isEqualTo(2);
        FunderReport y2026 = count(2026, Rows.DEFAULTS, List.of(lastEvening, newYear, firstMorning));
        assertThat(reasons(y2026).keySet()).containsExactly("b");
    }

    @Test
    void oneReasonPerActivityTheFirstThatApplies() {
        LocalDate start = LocalDate.of(2025, 6, 1);
        FunderReport r = count(List.of(
                startedOn(withStatus(row("pending-before", "pm-1", "knitting", "2025-01-05T10:00", 5, null), "pending"), start),
                startedOn(row("before-uncategorised", "pm-1", "knitting", "2025-01-05T10:00", 5, null), start),
                row("uncategorised-anyway", "pm-2", "knitting", "2025-01-05T10:00", 5, null),
                withStatus(row("flagged-visit", "pm-2", "home_visit", "2025-01-06T10:00", 60, "c-1"), "flagged"),
                withStatus(row("rejected-visit", "pm-2", "home_visit", "2025-01-06T10:00", 60, "c-1"), "rejected")));
        assertThat(reasons(r)).containsEntry("pending-before", FunderReason.NOT_APPROVED)
                .containsEntry("before-uncategorised", FunderReason.BEFORE_START)
                .containsEntry("uncategorised-anyway", FunderReason.UNCATEGORISED_TYPE)
                .containsEntry("flagged-visit", FunderReason.NOT_APPROVED)
                .containsEntry("rejected-visit", FunderReason.NOT_APPROVED);
    }

    @Test
    void rowsSetAsideEarlierDoNotJoinASession() {
        List<FunderActivity> rows = new java.util.ArrayList<>(group("ev", 2, 60));
        rows.add(withStatus(withEvent(row("pending", "pm-1", "support_group", "2025-03-04T18:00", 60, "c-9"), "ev"), "pending"));
        rows.add(startedOn(withEvent(row("early", "pm-3", "support_group", "2025-03-04T18:00", 60, "c-8"), "ev"),
                LocalDate.of(2025, 12, 1)));
        FunderReport r = count(rows);
        assertThat(reasons(r)).containsEntry("pending", FunderReason.NOT_APPROVED).containsEntry("early", FunderReason.BEFORE_START)
                .containsEntry("ev-1", FunderReason.TOO_FEW_PARTICIPANTS).containsEntry("ev-2", FunderReason.TOO_FEW_PARTICIPANTS);
    }

    @Test
    void aSessionWithoutEventIdIsMentorTypeAndStart() {
        List<FunderActivity> rows = List.of(
                row("a", "pm-1", "support_group", "2025-03-04T18:00", 50, "c-1"),
                row("b", "pm-1", "support_group", "2025-03-04T18:00", 45, "c-2"),
                row("c", "pm-1", "support_group", "2025-03-04T18:00", 30, "c-3"),
                row("d", "pm-1", "support_group", "2025-03-04T18:01", 60, "c-4"));
        FunderReport r = count(rows);
        assertThat(reasons(r)).containsEntry("a", null).containsEntry("b", null).containsEntry("c", null)
                .containsEntry("d", FunderReason.TOO_FEW_PARTICIPANTS);
        assertThat(r.totals().countedHours()).isEqualByComparingTo("0.83"); // 50 minutes
    }

    @Test
    void theRuleValuesAreSettings() {
        FunderRules strict = new FunderRules(Rows.DEFAULTS.categories(), 4, 60, 6, 120);
        assertThat(reasons(count(2025, strict, group("ev", 3, 60))).values()).containsOnly(FunderReason.TOO_FEW_PARTICIPANTS);
        assertThat(reasons(count(2025, strict, group("ev", 4, 59))).values()).containsOnly(FunderReason.TOO_SHORT);
        assertThat(reasons(count(2025, strict, group("ev", 4, 60))).values()).containsOnlyNulls();
        Map<String, FunderCategory> remapped = new HashMap<>(Rows.DEFAULTS.categories());
        remapped.put("phone_support", FunderCategory.INDIVIDUAL);
        FunderReport phoneCounts = count(2025, FunderRules.withDefaults(remapped),
                List.of(row("a", "pm-1", "phone_support", "2025-02-02T14:00", 20, "c-1")));
        assertThat(phoneCounts.totals().individualCount()).isEqualTo(1);
    }

    @Test
    void aCountBelongsToTheAssociationOfItsFirstRowAndAMentorIsActiveInEachOfTheirs() {
        List<FunderActivity> rows = List.of(
                inAssociation(withEvent(row("a", "pm-1", "support_group", "2025-03-04T18:00", 60, "c-1"), "ev"), "la-2"),
                inAssociation(withEvent(row("b", "pm-2", "support_group", "2025-03-04T18:10", 60, "c-2"), "ev"), "la-1"),
                inAssociation(withEvent(row("c", "pm-2", "support_group", "2025-03-04T18:10", 60, "c-3"), "ev"), "la-1"),
                inAssociation(row("d", "pm-1", "home_visit", "2025-03-05T10:00", 60, "c-1"), "la-1"));
        FunderReport r = count(rows);
        Map<String, FunderFigures> by = new HashMap<>();
        r.associations().forEach(a -> by.put(a.localAssociationId(), a.figures()));
        assertThat(by.get("la-2").groupSessions()).isEqualTo(1);
        assertThat(by.get("la-2").groupParticipants()).isEqualTo(3);
        assertThat(by.get("la-2").activePeerMentors()).isEqualTo(1);
        assertThat(by.get("la-1").groupSessions()).isZero();
        assertThat(by.get("la-1").individualCount()).isEqualTo(1);
        assertThat(by.get("la-1").activePeerMentors()).isEqualTo(2);
        assertThat(r.totals().activePeerMentors()).isEqualTo(2);
        assertThat(r.activeMentors()).extracting(FunderReport.ActiveMentor::peerMentorId).containsExactly("pm-1", "pm-2");
        assertThat(r.activeMentors().get(0).localAssociationIds()).containsExactly("la-1", "la-2");
    }

    @Test
    void notCountedListsEveryReasonInTheSpecsOrderWithTheRowsOwnHours() {
        FunderReport r = count(List.of(withStatus(row("a", "pm-1", "home_visit", "2025-02-02T10:00", 1, "c-1"), "pending"),
                withStatus(row("b", "pm-1", "home_visit", "2025-02-02T11:00", 1, "c-1"), "pending")));
        assertThat(r.notCounted()).extracting(FunderReport.NotCounted::reason).containsExactly(FunderReason.values());
        assertThat(r.notCounted().get(0).activities()).isEqualTo(2);
        assertThat(r.notCounted().get(0).hours()).isEqualByComparingTo(new BigDecimal("0.03")); // 2 / 60 = 0.0333..
        assertThat(r.totals().countedHours()).isEqualByComparingTo("0.00");
    }

    @Test
    void theCategoryComesFromTheOrganisationThenThePlatformThenTheKey() {
        assertThat(FunderDefaults.resolve("home_visit", FunderCategory.GROUP, FunderCategory.COURSE)).contains(FunderCategory.GROUP);
        assertThat(FunderDefaults.resolve("home_visit", null, FunderCategory.COURSE)).contains(FunderCategory.COURSE);
        assertThat(FunderDefaults.resolve("home_visit", null, null)).contains(FunderCategory.INDIVIDUAL);
        assertThat(FunderDefaults.resolve("chat_support", null, null)).contains(FunderCategory.CONTACT_SERVICE);
        assertThat(FunderDefaults.resolve("stand", null, null)).contains(FunderCategory.NOT_COUNTED);
        assertThat(FunderDefaults.resolve("knitting", null, null)).isEmpty();
    }
}
