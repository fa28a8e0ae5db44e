package org.impactdesk.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.impactdesk.domain.FunderCategory;
import org.impactdesk.domain.FunderSettings;
import org.impactdesk.domain.OrganizationSettings;
import org.impactdesk.service.funder.StoredFunderSettingsService;
import org.impactdesk.service.generation.ExampleBundleFixture;
import org.impactdesk.service.settings.StoredSettingsService;
import org.impactdesk.store.Database;
import org.impactdesk.store.FunderDao;
import org.impactdesk.store.MigratedH2;
import org.impactdesk.store.OrganizationDao;
import org.impactdesk.ui.fx.Formats;
import org.impactdesk.ui.fx.SameThreadTaskRunner;
import org.impactdesk.ui.fx.ViewLoader;
import org.impactdesk.ui.settings.SettingsViewModel.Field;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Settings form saved over the real services: the organisation's settings and the funder
 * section go to the database together or not at all.
 */
@MigratedH2
class SettingsSaveTransactionTest {
    static final Actor ADA = new Actor("user-ada", "Ada Admin", "org-1", Set.of(Role.ORG_ADMIN), null);

    Database db;
    OrganizationDao organizations;
    FunderDao funder;
    SettingsViewModel vm;

    @BeforeEach
    void open(Database db) {
        this.db = db;
        ExampleBundleFixture.load(db);
        db.jdbi().useHandle(h -> h.execute("INSERT INTO activity_types (id, name, name_nb) VALUES ('memory_cafe', 'Memory café', 'Minnekafé')"));
        organizations = new OrganizationDao(db.jdbi());
        funder = new FunderDao(db.jdbi());
        vm = new SettingsViewModel(new StoredSettingsService(organizations, funder, db.location()),
                new StoredFunderSettingsService(funder), ADA, new SameThreadTaskRunner(),
                ResourceBundle.getBundle(ViewLoader.BUNDLE, Locale.ENGLISH), new Formats(Locale.ENGLISH));
        vm.load();
    }

    private SettingsViewModel.FunderTypeRow row(String key) {
        return vm.funderTypes().stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void oneSaveWritesBothParts() {
        vm.valueProperty(Field.HOURLY_RATE).set("500");
        vm.valueProperty(Field.FUNDER_GROUP_MIN_MINUTES).set("60");
        row("memory_cafe").choiceProperty().set(FunderCategory.GROUP);
        vm.save();

        assertThat(vm.messageIsErrorProperty().get()).as(vm.messageProperty().get()).isFalse();
        assertThat(organizations.find("org-1").orElseThrow().hourlyRate()).isEqualByComparingTo("500");
        FunderSettings stored = funder.settings("org-1").orElseThrow();
        assertThat(stored.groupMinMinutes()).isEqualTo(60);
        assertThat(stored.choices()).containsEntry("memory_cafe", FunderCategory.GROUP);
    }

    @Test
    void whenTheFunderPartFailsTheOrganisationsSettingsAreNotSavedEither() {
        OrganizationSettings before = organizations.find("org-1").orElseThrow();
        FunderSettings funderBefore = funder.settings("org-1").orElseThrow();
        vm.valueProperty(Field.HOURLY_RATE).set("500");
        vm.valueProperty(Field.FUNDER_GROUP_MIN_MINUTES).set("60");
        row("memory_cafe").choiceProperty().set(FunderCategory.GROUP);
        // the activity type goes away while the form is open (another admin, a re-import)
        db.jdbi().useHandle(h -> h.execute("DELETE FROM activity_types WHERE id = 'memory_cafe'"));

        vm.save();

        assertThat(vm.messageIsErrorProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).contains("memory_cafe");
        assertThat(organizations.find("org-1").orElseThrow()).as("nothing half-saved").isEqualTo(before);
        assertThat(funder.settings("org-1").orElseThrow()).isEqualTo(funderBefore);
        assertThat(vm.dirtyProperty().get()).as("the form keeps what was typed").isTrue();
        assertThat(vm.valueProperty(Field.HOURLY_RATE).get()).isEqualTo("500");
    }
}
