package org.impactdesk.service.mentor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.impactdesk.domain.MentorOverview.Source;
import org.impactdesk.domain.MentorOverview.YoyPoint;
import org.impactdesk.domain.MentorOverview;
import org.impactdesk.domain.MentorRef;
import org.impactdesk.domain.StoredSummaries;
import org.impactdesk.store.Database;
import org.impactdesk.store.MentorSummaryDao;
import org.impactdesk.store.MigratedH2;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
/** The Mentor screen's service on a migrated H2 with stored summaries: scoped, stored figures only. */
@MigratedH2
class MentorServiceTest {
    static final Actor KIM = new Actor(MentorFixture.KIM, "Kim Coordinator", "org-1", Set.of(Role.COORDINATOR), null);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    Database db;
    MentorService service;

    @BeforeEach
    void open(Database db) {
        this.db = db;
        MentorFixture.write(db);
        service = new StoredMentorService(new MentorSummaryDao(db.jdbi()), OpenYearPreview.unavailable());
    }

    @Test
    void aCoordinatorSeesOnlyTheMentorsOfTheirAssociations() {
        assertThat(service.mentorsInScope(KIM)).extracting(MentorRef::peerMentorId).containsExactly(MentorFixture.MIRA);
        assertThat(service.mentorsInScope(Actor.localOperator())).extracting(MentorRef::displayName)
                .containsExactly("Mira Hansen", "Ola Berg");
        assertThatThrownBy(() -> service.overview(KIM, MentorFixture.OLA, 2025, TODAY))
                .isInstanceOf(MentorService.MentorNotFoundException.class);
    }

    @Test
    void monthsPutBothStoredYearsSideBySide() {
        MentorOverview o = service.overview(KIM, MentorFixture.MIRA, 2025, TODAY);

        assertThat(o.thisYearSource()).isEqualTo(Source.STORED);
        assertThat(o.lastYearStored()).isTrue();
        assertThat(o.months()).hasSize(12);
        for (int m = 0; m < 12; m++) {
            YoyPoint p = o.months().get(m);
            assertThat(p.index()).isEqualTo(m + 1);
            assertThat(p.thisYearSessions()).isEqualTo(MentorFixture.SESSIONS_2025[m]);
            assertThat(p.lastYearSessions()).isEqualTo(MentorFixture.SESSIONS_2024[m]);
            assertThat(p.thisYearHours()).isEqualByComparingTo(MentorFixture.HOURS_2025[m]);
            assertThat(p.lastYearHours()).isEqualByComparingTo(MentorFixture.HOURS_2024[m]);
        }
    }

    @Test
    void quartersComeFromStoredPeriodicRowsAndTheirPriorYearFigures() {
        MentorOverview o = service.overview(KIM, MentorFixture.MIRA, 2025, TODAY);

        assertThat(o.quarters()).containsExactly(
                new YoyPoint(1, 9, 4, new BigDecimal("7.83"), new BigDecimal("3.83")),
                new YoyPoint(2, 4, 3, new BigDecimal("4.25"), new BigDecimal("1234.50")),
                // no 2025 Q3 row: last year's own row gives the prior figure
                new YoyPoint(3, null, 3, null, new BigDecimal("2.50")),
                // nothing stored: blank, never 0
                new YoyPoint(4, null, null, null, null));
    }

    @Test
    void summariesMilestonesAndBadgesAreTheStoredOnes() {
        MentorOverview o = service.overview(KIM, MentorFixture.MIRA, 2025, TODAY);

        assertThat(o.summaries()).extracting(MentorOverview.SummaryEntry::period, MentorOverview.SummaryEntry::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("2025", "ready"),
                        org.assertj.core.groups.Tuple.tuple("2025-Q1", "overloaded"),
                        org.assertj.core.groups.Tuple.tuple("2025-Q2", "normal"),
                        org.assertj.core.groups.Tuple.tuple("2024", "ready"),
                        org.assertj.core.groups.Tuple.tuple("2024-Q3", "normal"));
        assertThat(o.milestones()).extracting(StoredSummaries.MilestoneItem::key)
                .containsExactly("10_activities", "10_hours");
        assertThat(o.awards()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("Ten sessions");
            assertThat(a.key()).isEqualTo("ten_sessions");
        });
        assertThat(o.availableYears()).containsExactly(2026, 2025, 2024);
    }

    @Test
    void theDefaultYearIsTheLatestWithStoredSummaries() {
        assertThat(service.defaultYear(KIM, MentorFixture.MIRA, TODAY)).isEqualTo(2025);
    }

    @Test
    void anOpenYearWithoutPreviewShowsWhatIsStoredAndSaysSo() {
        MentorOverview o = service.overview(KIM, MentorFixture.MIRA, 2026, TODAY);

        assertThat(o.yearOpen()).isTrue();
        assertThat(o.thisYearSource()).isEqualTo(Source.STORED_OPEN_YEAR);
        assertThat(o.months()).allSatisfy(p -> assertThat(p.thisYearSessions()).isNull());
        assertThat(o.months().get(0).lastYearSessions()).isEqualTo(3);
    }

    @Test
    void theEnginesPreviewOfTheOpenYearIsComputedFromActivitiesAndNotStored() {
        var generation = new org.impactdesk.service.generation.GenerationService(db, new org.impactdesk.service.generation.LogNotificationSender(),
                List.of(), java.time.Clock.systemUTC(), java.util.Locale.ENGLISH);
        MentorService withEngine = new StoredMentorService(new MentorSummaryDao(db.jdbi()), new EnginePreview(generation));

        MentorOverview o = withEngine.overview(KIM, MentorFixture.MIRA, 2026, TODAY);

        assertThat(o.thisYearSource()).isEqualTo(Source.PREVIEW);
        assertThat(o.months().get(0).thisYearSessions()).isEqualTo(2);
        assertThat(o.months().get(0).thisYearHours()).isEqualByComparingTo("1.75");
        assertThat(o.months().get(1).thisYearSessions()).isZero();
        assertThat(o.months().get(0).lastYearSessions()).isEqualTo(3);
        Integer stored = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM annual_summaries WHERE year = 2026").mapTo(Integer.class).one());
        assertThat(stored).isZero();
    }

    @Test
    void anOpenYearUsesTheEnginePreviewWhenOffered() {
        var previewed = new StoredSummaries.Annual(2026, "pending", true, 5, new BigDecimal("6.00"),
                List.of(new StoredSummaries.MonthFigure(1, 5, new BigDecimal("6.00"))), List.of(), List.of(), null);
        MentorService withPreview = new StoredMentorService(new MentorSummaryDao(db.jdbi()),
                (actor, mentor, year) -> Optional.of(previewed));

        MentorOverview o = withPreview.overview(KIM, MentorFixture.MIRA, 2026, TODAY);

        assertThat(o.thisYearSource()).isEqualTo(Source.PREVIEW);
        assertThat(o.months().get(0).thisYearSessions()).isEqualTo(5);
        assertThat(o.months().get(1).thisYearSessions()).isNull();
    }

    @Test
    void theOpenQuarterIsItsMonthsSoFarSummedAndMarkedPartialLikeTheOpenMonth() {
        // today is 2026-11-22: October is closed, November open, Q4 open without a periodic row
        var previewed = new StoredSummaries.Annual(2026, "pending", true, 9, new BigDecimal("8.25"),
                List.of(new StoredSummaries.MonthFigure(1, 2, new BigDecimal("1.75")),
                        new StoredSummaries.MonthFigure(10, 4, new BigDecimal("3.50")),
                        new StoredSummaries.MonthFigure(11, 3, new BigDecimal("3.00"))),
                List.of(), List.of(), null);
        MentorService withPreview = new StoredMentorService(new MentorSummaryDao(db.jdbi()),
                (actor, mentor, year) -> Optional.of(previewed));

        MentorOverview o = withPreview.overview(KIM, MentorFixture.MIRA, 2026, TODAY);

        YoyPoint q4 = o.quarters().get(3);
        assertThat(q4.thisYearSessions()).isEqualTo(7);
        assertThat(q4.thisYearHours()).isEqualByComparingTo("6.50");
        assertThat(q4.partial()).isTrue();
        // the closed quarters of the open year keep their (missing) stored figure and are not partial
        assertThat(o.quarters().subList(0, 3)).allSatisfy(p -> {
            assertThat(p.partial()).isFalse();
            assertThat(p.thisYearSessions()).isNull();
        });
        assertThat(o.months()).filteredOn(YoyPoint::partial).extracting(YoyPoint::index).containsExactly(11);
        assertThat(o.months().get(10).thisYearSessions()).isEqualTo(3);
        // last year's bar beside it: the same months (October and November 2025), not the whole quarter
        int sameMonths = java.util.stream.Stream.of(o.months().get(9), o.months().get(10))
                .mapToInt(m -> m.lastYearSessions() == null ? 0 : m.lastYearSessions()).sum();
        assertThat(q4.lastYearSessions()).isEqualTo(sameMonths);
        assertThat(o.months().get(11).lastYearSessions()).as("December 2025 held sessions, left out of Q4 so far")
                .isPositive();
    }

    @Test
    void aClosedYearHasNoPartialPeriodAndAnOpenQuarterWithoutMonthsStaysBlank() {
        MentorOverview closed = service.overview(KIM, MentorFixture.MIRA, 2025, TODAY);
        assertThat(closed.months()).noneMatch(YoyPoint::partial);
        assertThat(closed.quarters()).noneMatch(YoyPoint::partial);

        // 2026 without a preview: no annual row, so no months to sum; blank, never 0, yet marked open
        MentorOverview open = service.overview(KIM, MentorFixture.MIRA, 2026, TODAY);
        YoyPoint q4 = open.quarters().get(3);
        assertThat(q4.thisYearSessions()).isNull();
        assertThat(q4.thisYearHours()).isNull();
        assertThat(q4.partial()).isTrue();
    }

    @Test
    void aPreviewsBadgesGetTheirCatalogNamesAndAnUnknownOneKeepsItsKey() {
        var badge = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT CAST(id AS VARCHAR) AS id, key, name FROM achievements ORDER BY key LIMIT 1")
                .map((rs, ctx) -> List.of(rs.getString("id"), rs.getString("key"), rs.getString("name"))).one());
        java.time.Instant at = java.time.Instant.parse("2026-03-01T10:00:00Z");
        var previewed = new StoredSummaries.Annual(2026, "pending", true, 5, new BigDecimal("6.00"), List.of(), List.of(),
                List.of(new StoredSummaries.AwardItem(badge.get(0), badge.get(1), null, at),
                        new StoredSummaries.AwardItem("00000000-0000-0000-0000-000000000000", "gone_badge", null, at)),
                null);
        MentorService withPreview = new StoredMentorService(new MentorSummaryDao(db.jdbi()),
                (actor, mentor, year) -> Optional.of(previewed));

        MentorOverview o = withPreview.overview(KIM, MentorFixture.MIRA, 2026, TODAY);

        assertThat(o.awards()).extracting(StoredSummaries.AwardItem::name).containsExactly(badge.get(2), null);
        assertThat(o.awards()).extracting(StoredSummaries.AwardItem::key).containsExactly(badge.get(1), "gone_badge");
    }
}
