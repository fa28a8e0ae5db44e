package org.impactdesk.service.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.AnnualSummary;
import org.impactdesk.domain.OrganizationSettings;
import org.impactdesk.domain.Period;
import org.impactdesk.domain.PeriodicSummary;
import org.impactdesk.service.Services;
import org.impactdesk.service.generation.GenerationRequest;
import org.impactdesk.service.home.ExampleDatabase;
import org.impactdesk.store.Database;
import org.impactdesk.store.MigratedH2;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Settings saved through the Settings service: stored rows keep the snapshot they were generated
 * with until a generation runs; later generations use the new settings; a ready annual summary
 * stays frozen.
 */
@MigratedH2
class SettingsSnapshotTest {
    Database db;
    Services services;

    @BeforeEach
    void open(Database db) {
        this.db = ExampleDatabase.fill(db);
        services = new Services(db);
    }

    PeriodicSummary miraQ1() {
        return services.summaries.periodic(ExampleDatabase.ADA.scope(), "pm-1", new Period.Quarter(2025, 1)).orElseThrow();
    }

    AnnualSummary miraYear() {
        return services.summaries.annual(ExampleDatabase.ADA.scope(), "pm-1", 2025).orElseThrow();
    }

    @Test
    void storedRowsKeepTheirSnapshotAndLaterGenerationsUseTheNewSettings() {
        // the example's org-1: quarterly thresholds 4 / 8, hourly rate 380.00; Mira has 9 sessions in Q1 2025
        assertThat(miraQ1().underactiveThresholdSessions()).isEqualTo(4);
        assertThat(miraQ1().overloadedThresholdSessions()).isEqualTo(8);
        assertThat(miraQ1().outlierStatus()).isEqualTo("overloaded");
        String impactBefore = miraYear().impactMetrics();
        assertThat(miraYear().status()).isEqualTo("ready");

        OrganizationSettings org = services.organizations.find("org-1").orElseThrow();
        OrganizationSettings changed = new OrganizationSettings(org.id(), org.name(), org.zone(),
                new java.math.BigDecimal("500.00"), org.currency(), org.socialValueMultiplier(), org.costSavingPerContact(),
                2, 10, org.halfYearUnderactiveSessions(), org.halfYearOverloadedSessions(), org.impactSummaryEnabled());
        services.settings.save(ExampleDatabase.ADA, changed, Set.of("certification-training"));

        assertThat(services.organizations.find("org-1").orElseThrow().quarterlyOverloadedSessions()).isEqualTo(10);
        assertThat(services.organizations.enabledModules("org-1")).containsExactly("certification-training");
        // nothing regenerated yet: the stored row still shows the thresholds it was computed with
        assertThat(miraQ1().overloadedThresholdSessions()).isEqualTo(8);
        assertThat(miraQ1().outlierStatus()).isEqualTo("overloaded");

        // an ordinary generation leaves stored rows alone (no input changed): they keep their snapshot
        ExampleDatabase.generate(db);
        assertThat(miraQ1().overloadedThresholdSessions()).isEqualTo(8);

        // a later generation of periods not stored yet uses the new settings: 2024 under 2 / 10
        services.generation.generate(new GenerationRequest(Set.of(2024), GenerationRequest.Selection.QUARTER, null,
                ExampleDatabase.AS_OF, false), Actor.localOperator());
        PeriodicSummary mira2024 = services.summaries.periodic(ExampleDatabase.ADA.scope(), "pm-1",
                new Period.Quarter(2024, 1)).orElseThrow();
        assertThat(mira2024.underactiveThresholdSessions()).isEqualTo(2);
        assertThat(mira2024.overloadedThresholdSessions()).isEqualTo(10);

        // the ready annual summary is frozen: it keeps the impact of the old hourly rate
        assertThat(miraYear().impactMetrics()).isEqualTo(impactBefore);
        assertThat(impactBefore).contains("\"monetary_equivalent\":6049.60"); // 15.92 h x 380.00
        // while the engine computing the year afresh (the previewer) uses the new rate: 15.92 h x 500.00
        assertThat(services.generation.previewAnnual("pm-1", 2025, ExampleDatabase.ADA).summary().impactMetrics())
                .contains("\"monetary_equivalent\":7960.00");
    }

    @Test
    void onlyAdminsOfTheOrganisationMaySave() {
        OrganizationSettings org = services.organizations.find("org-1").orElseThrow();
        assertThatThrownBy(() -> services.settings.save(ExampleDatabase.KIM, org, Set.of()))
                .isInstanceOf(SettingsRefusedException.class);
        assertThat(services.settings.editable(ExampleDatabase.KIM)).isEmpty();
        assertThat(services.settings.editable(ExampleDatabase.ADA)).extracting(OrganizationSettings::id).containsExactly("org-1");
    }

    @Test
    void theSchemaStillRefusesThresholdsInTheWrongOrder() {
        OrganizationSettings org = services.organizations.find("org-1").orElseThrow();
        OrganizationSettings wrong = new OrganizationSettings(org.id(), org.name(), org.zone(), org.hourlyRate(),
                org.currency(), org.socialValueMultiplier(), org.costSavingPerContact(), 8, 8, null, null, null);
        assertThatThrownBy(() -> services.settings.save(ExampleDatabase.ADA, wrong, Set.of()))
                .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("org_quarterly_thresholds_order")); // H2 names it in capitals, PostgreSQL as written
        assertThat(services.organizations.find("org-1").orElseThrow().quarterlyOverloadedSessions()).isEqualTo(8);
    }
}
