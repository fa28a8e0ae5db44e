package org.impactdesk.service.generation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.impactdesk.access.Actor;
import org.impactdesk.store.Database;
import org.impactdesk.store.MigratedH2;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The user stops a generation (the window's regeneration after an import): the organisation being
 * written is rolled back as a whole, even across chunk boundaries, the ones done before stay, and
 * the report says which is which. A rerun completes the work.
 */
@MigratedH2
class GenerationCancelTest {
    static final GenerationRequest ALL_2025 = new GenerationRequest(Set.of(2025), GenerationRequest.Selection.ALL, null,
            LocalDate.of(2026, 1, 10), false);
    RuleDb t;
    final AtomicBoolean stop = new AtomicBoolean();

    @BeforeEach
    void open(Database db) {
        t = new RuleDb(db);
        t.org("o1", null).org("o2", null);
        for (String pm : new String[] {"pm-a", "pm-b"}) {
            t.mentor(pm, "o1", "la-o1", "active", null);
            t.daily(pm, "o1", "2025-03-01", 12);
        }
        for (String pm : new String[] {"pm-c", "pm-d", "pm-e"}) {
            t.mentor(pm, "o2", "la-o2", "active", null);
            t.daily(pm, "o2", "2025-05-01", 12);
        }
        t.service.setChunkSize(1); // without a cancel, every mentor would be a commit of its own
    }

    long summariesOf(String org) {
        return t.count("SELECT COUNT(*) FROM annual_summaries WHERE organization_id = ?", org)
                + t.count("SELECT COUNT(*) FROM periodic_summaries WHERE organisation_id = ?", org)
                + t.count("SELECT COUNT(*) FROM impact_summaries WHERE organization_id = ?", org);
    }

    @Test
    void aStopInTheMiddleOfAnOrganisationRollsAllOfItBackAndKeepsTheOnesDone() {
        t.service.setBeforeCompute(m -> {
            if (m.id().equals("pm-d")) {
                stop.set(true); // the second mentor of o2: pm-c has been written (not committed) already
            }
        });
        GenerationReport report = t.service.generate(ALL_2025, Actor.localOperator(), stop::get);

        assertThat(report.cancelled()).isTrue();
        assertThat(report.organizationsDone()).containsExactly("Org o1");
        assertThat(report.organizationsLeft()).containsExactly("Org o2");
        assertThat(summariesOf("o1")).isPositive();
        assertThat(summariesOf("o2")).as("nothing of o2 is half-written").isZero();
        assertThat(t.count("SELECT COUNT(*) FROM annual_summaries WHERE peer_mentor_id = 'pm-c'")).isZero();
        // the report counts what was written: o1's rows only
        assertThat((long) report.created()).isEqualTo(summariesOf("o1"));

        stop.set(false);
        t.service.setBeforeCompute(m -> { });
        GenerationReport rerun = t.service.generate(ALL_2025, Actor.localOperator(), stop::get);
        assertThat(rerun.cancelled()).isFalse();
        assertThat(rerun.organizationsDone()).containsExactly("Org o1", "Org o2");
        assertThat(t.count("SELECT COUNT(*) FROM annual_summaries WHERE organization_id = 'o2'")).isEqualTo(3);
    }

    @Test
    void aStopBeforeTheFirstOrganisationChangesNothing() {
        stop.set(true);
        GenerationReport report = t.service.generate(ALL_2025, Actor.localOperator(), stop::get);
        assertThat(report.cancelled()).isTrue();
        assertThat(report.organizationsDone()).isEmpty();
        assertThat(report.organizationsLeft()).containsExactly("Org o1", "Org o2");
        assertThat(report.created()).isZero();
        assertThat(summariesOf("o1") + summariesOf("o2")).isZero();
    }
}
