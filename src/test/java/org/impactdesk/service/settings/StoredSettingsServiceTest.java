package org.impactdesk.service.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.impactdesk.domain.FunderCategory;
import org.impactdesk.domain.FunderSettings;
import org.impactdesk.domain.OrganizationSettings;
import org.impactdesk.service.generation.ExampleBundleFixture;
import org.impactdesk.store.Database;
import org.impactdesk.store.FunderDao;
import org.impactdesk.store.MigratedH2;
import org.impactdesk.store.OrganizationDao;
import org.impactdesk.store.TestEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Settings service over a migrated H2 with the example organisation: what it reads and what a
 * save writes (the Settings ViewModel's tests run on a fake; refusals and snapshots are also in
 * {@code SettingsSnapshotTest}).
 */
@MigratedH2
class StoredSettingsServiceTest {
    static final Actor ADA = new Actor("user-ada", "Ada Admin", "org-1", Set.of(Role.ORG_ADMIN), null);
    static final Actor GINA = new Actor("user-gina", "Gina Global", null, Set.of(Role.GLOBAL_ADMIN), null);
    static final Actor OTTO = new Actor("user-otto", "Otto Other", "org-2", Set.of(Role.ORG_ADMIN), null);

    Database db;
    OrganizationDao organizations;
    FunderDao funder;
    SettingsService service;

    @BeforeEach
    void open(Database db) {
        this.db = db;
        ExampleBundleFixture.load(db);
        organizations = new OrganizationDao(db.jdbi());
        funder = new FunderDao(db.jdbi());
        service = new StoredSettingsService(organizations, funder, db.location());
    }

    @Test
    void readsTheStoredSettingsWithNullsForThePlatformDefaults() {
        OrganizationSettings org = service.editable(ADA).get(0);
        assertThat(org.id()).isEqualTo("org-1");
        assertThat(org.hourlyRate()).isEqualByComparingTo("380.00");
        assertThat(org.quarterlyUnderactiveSessions()).isEqualTo(4);
        assertThat(org.quarterlyOverloadedSessions()).isEqualTo(8);
        assertThat(org.halfYearUnderactiveSessions()).isNull();
        assertThat(org.currency()).isNull();
        assertThat(service.enabledModules(ADA, "org-1")).isEmpty();
        assertThat(service.editable(GINA)).extracting(OrganizationSettings::id).containsExactly("org-1");
        if (TestEngine.postgres()) {
            // a team database is named by its server and database, never by a file (nor a password)
            assertThat(service.database().text()).startsWith("postgresql://").doesNotContain("password");
        } else {
            assertThat(service.database().text()).isEqualTo(Path.of(db.path() + ".mv.db").toAbsolutePath().toString());
        }
    }

    @Test
    void aSaveWritesEveryFieldAndExactlyTheGivenModules() {
        OrganizationSettings before = service.editable(ADA).get(0);
        OrganizationSettings changed = new OrganizationSettings(before.id(), before.name(), before.zone(),
                new BigDecimal("1000.00"), null, null, new BigDecimal("1500.50"), 4, 8, null, 90, false);
        service.save(ADA, changed, Set.of("certification-training"));

        OrganizationSettings saved = organizations.find("org-1").orElseThrow();
        assertThat(saved.costSavingPerContact()).isEqualByComparingTo("1500.50");
        assertThat(saved.hourlyRate()).isEqualByComparingTo("1000.00");
        assertThat(saved.halfYearOverloadedSessions()).isEqualTo(90);
        assertThat(saved.halfYearUnderactiveSessions()).isNull();
        assertThat(saved.impactSummaryEnabled()).isFalse();
        assertThat(service.enabledModules(ADA, "org-1")).containsExactly("certification-training");
        assertThat(service.knownModules()).contains("certification-training");

        service.save(ADA, saved, Set.of());
        assertThat(service.enabledModules(ADA, "org-1")).as("a module unticked is disabled").isEmpty();
    }

    @Test
    void anAdminOfAnotherOrganisationMayNeitherReadNorSave() {
        assertThat(service.editable(OTTO)).isEmpty();
        assertThatThrownBy(() -> service.enabledModules(OTTO, "org-1")).isInstanceOf(SettingsRefusedException.class)
                .hasMessageContaining("org-1");
        OrganizationSettings org = organizations.find("org-1").orElseThrow();
        assertThatThrownBy(() -> service.save(OTTO, org, Set.of())).isInstanceOf(SettingsRefusedException.class);
        assertThat(organizations.find("org-1").orElseThrow()).isEqualTo(org);
    }

    @Test
    void theFunderSettingsAreSavedWithTheRest() {
        OrganizationSettings before = service.editable(ADA).get(0);
        OrganizationSettings changed = new OrganizationSettings(before.id(), before.name(), before.zone(),
                new BigDecimal("500.00"), null, null, null, 4, 8, null, null, true);
        service.save(ADA, changed, Set.of("certification-training"),
                new FunderSettings("org-1", Map.of("cafe_meeting", FunderCategory.GROUP), 4, null, null, 120));

        assertThat(organizations.find("org-1").orElseThrow().hourlyRate()).isEqualByComparingTo("500.00");
        assertThat(service.enabledModules(ADA, "org-1")).containsExactly("certification-training");
        FunderSettings stored = funder.settings("org-1").orElseThrow();
        assertThat(stored.choices()).containsExactlyEntriesOf(Map.of("cafe_meeting", FunderCategory.GROUP));
        assertThat(stored.groupMinParticipants()).isEqualTo(4);
        assertThat(stored.groupMinMinutes()).isNull();
        assertThat(stored.courseMinMinutes()).isEqualTo(120);
    }

    @Test
    void aFunderValueOutOfBoundsOrAnUnknownTypeIsRefusedBeforeAnythingIsWritten() {
        OrganizationSettings before = organizations.find("org-1").orElseThrow();
        OrganizationSettings changed = new OrganizationSettings(before.id(), before.name(), before.zone(),
                new BigDecimal("500.00"), null, null, null, 4, 8, null, null, true);
        assertThatThrownBy(() -> service.save(ADA, changed, Set.of("certification-training"),
                new FunderSettings("org-1", Map.of("no_such_type", FunderCategory.GROUP), null, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("No activity type with key no_such_type.");
        assertThatThrownBy(() -> service.save(ADA, changed, Set.of(),
                new FunderSettings("org-1", Map.of(), null, 0, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("group_min_minutes");
        assertThat(organizations.find("org-1").orElseThrow()).isEqualTo(before);
        assertThat(service.enabledModules(ADA, "org-1")).isEmpty();
    }

    @Test
    void aFailureInTheFunderPartLeavesEverySettingAsItWas() {
        // the choice passes no check before the write; the database's foreign key refuses it after the
        // organisation's row and modules were written in the same transaction
        service.save(ADA, organizations.find("org-1").orElseThrow(), Set.of("certification-training"),
                new FunderSettings("org-1", Map.of("cafe_meeting", FunderCategory.GROUP), 4, null, null, null));
        OrganizationSettings before = organizations.find("org-1").orElseThrow();
        FunderSettings funderBefore = funder.settings("org-1").orElseThrow();
        OrganizationSettings changed = new OrganizationSettings(before.id(), before.name(), before.zone(),
                new BigDecimal("999.00"), null, null, null, 2, 3, null, null, false);

        assertThatThrownBy(() -> organizations.updateSettings(changed, Set.of(),
                new FunderSettings("org-1", Map.of("gone_type", FunderCategory.INDIVIDUAL), 9, 9, 9, 9)))
                .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("funder_category_choices"));

        assertThat(organizations.find("org-1").orElseThrow()).isEqualTo(before);
        assertThat(service.enabledModules(ADA, "org-1")).containsExactly("certification-training");
        assertThat(funder.settings("org-1").orElseThrow()).isEqualTo(funderBefore);
    }

    @Test
    void funderSettingsOfAnotherOrganisationAreNotSavedWithTheseSettings() {
        OrganizationSettings org = organizations.find("org-1").orElseThrow();
        assertThatThrownBy(() -> service.save(GINA, org, Set.of(), new FunderSettings("org-2", Map.of(), 4, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("org-2").hasMessageContaining("org-1");
    }

    @Test
    void savingAnUnknownOrganisationSaysWhich() {
        assertThatThrownBy(() -> service.save(GINA, OrganizationSettings.defaults("org-9", "Nowhere"), Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("No organisation with id org-9");
    }
}
