package org.impactdesk.service.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.impactdesk.service.generation.GenerationRequest.Selection.ALL;
import static org.impactdesk.service.generation.GenerationRequest.Selection.ANNUAL;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.impactdesk.domain.OrganizationSettings;
import org.impactdesk.domain.Period;
import org.impactdesk.store.Database;
import org.impactdesk.store.MigratedH2;
import org.impactdesk.store.OrganizationDao;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 1: no official summary of an open period, ever. The date a request takes as today
 * ({@code --as-of}) may not lie after the organisation's real today (its zone, by the service's
 * clock), and every stored summary passes one check that its period is closed by that clock.
 */
@MigratedH2
class OpenPeriodGenerationTest {
    RuleDb t;

    @BeforeEach
    void open(Database db) {
        t = new RuleDb(db); // the real clock of these tests: 2026-01-10T08:00Z
        t.org("o1", null);
        t.mentor("pm-a", "o1", "la-o1", "active", "2024-01-01");
        t.daily("pm-a", "o1", "2025-03-01", 6);
        t.daily("pm-a", "o1", "2025-12-01", 6);
    }

    long storedSummaries() {
        return t.count("SELECT (SELECT COUNT(*) FROM annual_summaries) + (SELECT COUNT(*) FROM impact_summaries)"
                + " + (SELECT COUNT(*) FROM periodic_summaries)");
    }

    @Test
    void anAsOfAfterTheRealTodayIsRefusedSayingWhyAndStoresNothing() {
        // the run: on a day of 2026, --year 2026 --as-of 2027-01-01 stored a ready 2026
        assertThatThrownBy(() -> t.generate(2026, ALL, "2027-01-01"))
                .isInstanceOf(AsOfAfterTodayException.class)
                .hasMessageContaining("--as-of 2027-01-01")
                .hasMessageContaining("2026-01-10")
                .hasMessageContaining("Europe/Oslo")
                .hasMessageContaining("o1");
        // also for a closed year: the date itself is refused, one day after today is enough
        assertThatThrownBy(() -> t.generate(2025, ANNUAL, "2026-01-11")).isInstanceOf(AsOfAfterTodayException.class);
        assertThat(storedSummaries()).isZero();
        assertThat(t.sent).isEmpty();
        // today itself and earlier dates are accepted
        t.generate(2025, ALL, "2026-01-10");
        assertThat(t.annual("pm-a", 2025).get("status")).isEqualTo("ready");
        assertThat(t.count("SELECT COUNT(*) FROM annual_summaries WHERE year = 2026")).isZero();
    }

    @Test
    void theRealTodayIsTheOrganisationsInItsOwnZone() {
        t.db.jdbi().useHandle(h -> h.execute("UPDATE organizations SET time_zone = 'America/New_York' WHERE id = 'o1'"));
        // 2026-01-01T03:00Z: already 1 January in Oslo, still 31 December 2025 in New York
        t.clock.set(Instant.parse("2026-01-01T03:00:00Z"));
        assertThatThrownBy(() -> t.generate(2025, ANNUAL, "2026-01-01"))
                .isInstanceOf(AsOfAfterTodayException.class)
                .hasMessageContaining("2025-12-31 in America/New_York");
        // and without --as-of, 2025 is still open there
        assertThatThrownBy(() -> t.generate(2025, ANNUAL, null)).isInstanceOf(GenerationRefusedException.class)
                .hasMessageContaining("not closed yet");
        assertThat(storedSummaries()).isZero();
        t.clock.set(Instant.parse("2026-01-01T06:00:00Z")); // 1 January in New York too
        t.generate(2025, ANNUAL, "2026-01-01");
        assertThat(t.annual("pm-a", 2025).get("status")).isEqualTo("ready");
    }

    @Test
    void theOneCheckBeforeAnyStoredSummaryRefusesAPeriodOpenByTheRealClock() {
        OrganizationSettings org = new OrganizationDao(t.db.jdbi()).find("o1").orElseThrow();
        Clock december = Clock.fixed(Instant.parse("2026-12-07T09:00:00Z"), ZoneOffset.UTC);
        for (Period open : new Period[] {new Period.Year(2026), new Period.Half(2026, 2), new Period.Quarter(2026, 4)}) {
            assertThatThrownBy(() -> GenerationService.requireClosedByRealClock(open, org, december, "annual summary of pm-a"))
                    .isInstanceOf(GenerationRefusedException.class)
                    .hasMessageContaining("annual summary of pm-a")
                    .hasMessageContaining(open.toString())
                    .hasMessageContaining("2026-12-07");
        }
        for (Period closed : new Period[] {new Period.Year(2025), new Period.Half(2026, 1), new Period.Quarter(2026, 3)}) {
            GenerationService.requireClosedByRealClock(closed, org, december, "summary");
        }
        assertThat(GenerationService.realToday(org, Clock.fixed(Instant.parse("2026-12-31T23:30:00Z"), ZoneId.of("UTC"))))
                .as("Oslo is an hour ahead").hasToString("2027-01-01");
    }

    @Test
    void aRetryOrRecomputeNeverStoresAnOpenPeriodEither() {
        t.generate(2025, ALL, "2026-01-10");
        Map<String, Object> before = t.annual("pm-a", 2025);
        assertThatThrownBy(() -> t.force(2026, ALL, "2026-12-31")).isInstanceOf(AsOfAfterTodayException.class);
        assertThat(t.count("SELECT COUNT(*) FROM annual_summaries")).isOne();
        assertThat(t.annual("pm-a", 2025).get("updated_at")).isEqualTo(before.get("updated_at"));
        assertThat(t.count("SELECT COUNT(*) FROM impact_summaries WHERE year = 2026")).isZero();
        assertThat(t.count("SELECT COUNT(*) FROM periodic_summaries WHERE year = 2026")).isZero();
    }
}
