package org.impactdesk.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.impactdesk.domain.ActivityTypeName;
import org.impactdesk.domain.FunderCategory;
import org.impactdesk.domain.FunderSettings;
import org.impactdesk.domain.FunderType;
import org.impactdesk.domain.OrganizationSettings;
import org.impactdesk.service.funder.FunderSettingsService;
import org.impactdesk.ui.fx.Formats;
import org.impactdesk.ui.fx.SameThreadTaskRunner;
import org.impactdesk.ui.fx.ViewLoader;
import org.impactdesk.ui.settings.SettingsViewModel.Field;
import org.junit.jupiter.api.Test;

/** The funder part of the Settings form: the four rule values validated live, category choices, one save with the rest. */
class SettingsFunderViewModelTest {
    static final Actor ADA = new Actor("user-ada", "Ada Admin", "org-1", Set.of(Role.ORG_ADMIN), null);
    final FakeSettingsService service = new FakeSettingsService();
    final List<FunderSettings> saved = new ArrayList<>();
    FunderSettings stored = new FunderSettings("org-1", Map.of("stand", FunderCategory.GROUP), null, 60, null, null);

    final FunderSettingsService funder = new FunderSettingsService() {
        @Override
        public List<FunderType> types(Actor actor, String organizationId) {
            return List.of(
                    new FunderType(new ActivityTypeName("home_visit", "Home visit", "Hjemmebesøk"), null,
                            FunderCategory.INDIVIDUAL, FunderCategory.INDIVIDUAL),
                    new FunderType(new ActivityTypeName("memory_cafe", "Memory café", "Minnekafé"), null, null, null),
                    new FunderType(new ActivityTypeName("stand", "Information stand", "Informasjonsstand"),
                            FunderCategory.NOT_COUNTED, FunderCategory.NOT_COUNTED, FunderCategory.GROUP));
        }

        @Override
        public FunderSettings settings(Actor actor, String organizationId) {
            return stored;
        }

        @Override
        public void save(Actor actor, FunderSettings settings) {
            saved.add(settings);
            stored = settings;
        }
    };

    SettingsFunderViewModelTest() {
        service.add(new OrganizationSettings("org-1", "Example Peer Network (demo)", ZoneId.of("Europe/Oslo"),
                new BigDecimal("380.00"), null, null, null, 4, 8, null, null, true));
    }

    SettingsViewModel vm(Locale locale) {
        SettingsViewModel vm = new SettingsViewModel(service, funder, ADA, new SameThreadTaskRunner(),
                ResourceBundle.getBundle(ViewLoader.BUNDLE, locale), new Formats(locale));
        vm.load();
        return vm;
    }

    @Test
    void showsTheStoredValuesDefaultsAndChoices() {
        SettingsViewModel vm = vm(Locale.ENGLISH);
        assertThat(vm.offersFunder()).isTrue();
        assertThat(vm.valueProperty(Field.FUNDER_GROUP_MIN_MINUTES).get()).isEqualTo("60");
        assertThat(vm.valueProperty(Field.FUNDER_GROUP_MIN_PARTICIPANTS).get()).isEmpty();
        assertThat(vm.promptProperty(Field.FUNDER_GROUP_MIN_PARTICIPANTS).get()).isEqualTo("default 3");
        assertThat(vm.promptProperty(Field.FUNDER_COURSE_MIN_MINUTES).get()).isEqualTo("default 90");
        assertThat(vm.funderTypes()).extracting(SettingsViewModel.FunderTypeRow::key)
                .containsExactly("home_visit", "memory_cafe", "stand");
        SettingsViewModel.FunderTypeRow stand = vm.funderTypes().get(2);
        assertThat(stand.choiceProperty().get()).isEqualTo(FunderCategory.GROUP);
        assertThat(vm.categoryText(null, stand)).isEqualTo("Default (Not counted)");
        assertThat(vm.categoryText(null, vm.funderTypes().get(1))).isEqualTo("Default (no category: not counted)");
        assertThat(vm.categoryText(FunderCategory.CONTACT_SERVICE, stand)).isEqualTo("Contact service");
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(vm(Locale.forLanguageTag("nb-NO")).funderTypes().get(1).name()).isEqualTo("Minnekafé");
    }

    @Test
    void badRuleValuesAreMarkedAsTypedAndBlockSaving() {
        SettingsViewModel vm = vm(Locale.ENGLISH);
        vm.valueProperty(Field.FUNDER_GROUP_MIN_PARTICIPANTS).set("0");
        assertThat(vm.errorProperty(Field.FUNDER_GROUP_MIN_PARTICIPANTS).get()).isEqualTo("Must be 1 or more");
        vm.valueProperty(Field.FUNDER_COURSE_MIN_MINUTES).set("2000");
        assertThat(vm.errorProperty(Field.FUNDER_COURSE_MIN_MINUTES).get()).isEqualTo("At most 1,440");
        vm.valueProperty(Field.FUNDER_GROUP_MIN_MINUTES).set("4x");
        assertThat(vm.errorProperty(Field.FUNDER_GROUP_MIN_MINUTES).get()).isEqualTo("“4x” is not a whole number");
        assertThat(vm.canSaveProperty().get()).isFalse();
        vm.save();
        assertThat(service.saves).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("Fix the fields marked in red before saving.");
    }

    @Test
    void savesValuesAndChoicesWithTheOrganisationsSettings() {
        SettingsViewModel vm = vm(Locale.ENGLISH);
        vm.valueProperty(Field.FUNDER_GROUP_MIN_PARTICIPANTS).set("4");
        vm.valueProperty(Field.FUNDER_GROUP_MIN_MINUTES).set("");
        vm.funderTypes().get(1).choiceProperty().set(FunderCategory.INDIVIDUAL);
        vm.funderTypes().get(2).choiceProperty().set(null);
        assertThat(vm.dirtyProperty().get()).isTrue();
        assertThat(vm.canSaveProperty().get()).isTrue();
        vm.save();
        assertThat(saved).as("not saved on its own, in a transaction of its own").isEmpty();
        assertThat(service.saves).singleElement().extracting(FakeSettingsService.Save::funder).satisfies(s -> {
            assertThat(s.organizationId()).isEqualTo("org-1");
            assertThat(s.groupMinParticipants()).isEqualTo(4);
            assertThat(s.groupMinMinutes()).isNull();
            assertThat(s.choices()).containsExactlyEntriesOf(Map.of("memory_cafe", FunderCategory.INDIVIDUAL));
        });
        assertThat(vm.dirtyProperty().get()).isFalse();
    }
}
