package org.impactdesk.ui.settings;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.BundleText;
import org.impactdesk.domain.FunderCategory;
import org.impactdesk.domain.FunderRules;
import org.impactdesk.domain.FunderSettings;
import org.impactdesk.domain.FunderType;
import org.impactdesk.domain.OrganizationSettings;
import org.impactdesk.service.funder.FunderSettingsService;
import org.impactdesk.service.settings.SettingsService;
import org.impactdesk.ui.fx.Formats;
import org.impactdesk.ui.fx.TaskRunner;

/**
 * The Settings screen's state: one organisation's settings as text fields in the chosen locale,
 * validated here (errors beside the field block saving; an empty field means the platform
 * default, shown as the prompt), the impact-summary switch, the enabled modules, and the
 * database file in use. Admins only: others see a refusal and no fields.
 */
public final class SettingsViewModel {

    public enum Field {
        HOURLY_RATE, SOCIAL_VALUE_MULTIPLIER, COST_SAVING_PER_CONTACT, CURRENCY,
        QUARTERLY_UNDERACTIVE, QUARTERLY_OVERLOADED, HALF_YEAR_UNDERACTIVE, HALF_YEAR_OVERLOADED,
        FUNDER_GROUP_MIN_PARTICIPANTS, FUNDER_GROUP_MIN_MINUTES, FUNDER_COURSE_MIN_PEOPLE, FUNDER_COURSE_MIN_MINUTES
    }

    /**
     * An activity type's funder category as the organisation chose it ({@code choice} null: the
     * default, which is the platform's from activity_types.csv or the default by key, named in
     * {@code defaultText}).
     */
    public static final class FunderTypeRow {
        private final String key;
        private final String name;
        private final FunderCategory fallback;
        private final ObjectProperty<FunderCategory> choice;

        FunderTypeRow(String key, String name, FunderCategory fallback, FunderCategory choice) {
            this.key = key;
            this.name = name;
            this.fallback = fallback;
            this.choice = new SimpleObjectProperty<>(this, "choice", choice);
        }

        public String key() {
            return key;
        }

        public String name() {
            return name;
        }

        /** The category without the organisation's choice (null: none, not counted). */
        public FunderCategory fallback() {
            return fallback;
        }

        public ObjectProperty<FunderCategory> choiceProperty() {
            return choice;
        }
    }

    /** An organisation to pick. */
    public record OrgChoice(String id, String name) {
        @Override
        public String toString() {
            return name + " (" + id + ")";
        }
    }

    /** A module and whether it is enabled for the organisation. */
    public static final class ModuleRow {
        private final String module;
        private final BooleanProperty enabled;

        ModuleRow(String module, boolean enabled) {
            this.module = module;
            this.enabled = new SimpleBooleanProperty(this, "enabled", enabled);
        }

        public String module() {
            return module;
        }

        public BooleanProperty enabledProperty() {
            return enabled;
        }
    }

    static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    static final Pattern MODULE = Pattern.compile("[a-z][a-z0-9_-]{1,99}");
    static final BigDecimal MAX_MONEY = new BigDecimal("9999999999.99");
    static final BigDecimal MAX_MULTIPLIER = new BigDecimal("999999.99");

    private final SettingsService service;
    private final FunderSettingsService funder;
    private final Actor actor;
    private final TaskRunner tasks;
    private final ResourceBundle messages;
    private final Formats formats;

    private final ObservableList<OrgChoice> organizations = FXCollections.observableArrayList();
    private final ObjectProperty<OrgChoice> selected = new SimpleObjectProperty<>(this, "selected");
    private final Map<Field, StringProperty> values = new EnumMap<>(Field.class);
    private final Map<Field, ReadOnlyStringWrapper> errors = new EnumMap<>(Field.class);
    private final Map<Field, ReadOnlyStringWrapper> prompts = new EnumMap<>(Field.class);
    private final BooleanProperty impactSummaries = new SimpleBooleanProperty(this, "impactSummaries", true);
    private final ObservableList<ModuleRow> modules = FXCollections.observableArrayList();
    private final ObservableList<FunderTypeRow> funderTypes = FXCollections.observableArrayList();
    private final StringProperty newModule = new SimpleStringProperty(this, "newModule", "");
    private final ReadOnlyStringWrapper newModuleError = new ReadOnlyStringWrapper(this, "newModuleError", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(this, "messageIsError", false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty", false);
    private final ReadOnlyBooleanWrapper allowed;
    private final ReadOnlyStringWrapper databaseFile = new ReadOnlyStringWrapper(this, "databaseFile", "");
    private final BooleanBinding valid;
    private final BooleanBinding canSave;
    private OrganizationSettings loaded;
    private boolean applying;

    public SettingsViewModel(SettingsService service, Actor actor, TaskRunner tasks, ResourceBundle messages,
                             Formats formats) {
        this(service, null, actor, tasks, messages, formats);
    }

    /** {@code funder}: the funder report's settings, edited in the same form (null: not offered). */
    public SettingsViewModel(SettingsService service, FunderSettingsService funder, Actor actor, TaskRunner tasks,
                             ResourceBundle messages, Formats formats) {
        this.service = service;
        this.funder = funder;
        this.actor = actor;
        this.tasks = tasks;
        this.messages = messages;
        this.formats = formats;
        this.allowed = new ReadOnlyBooleanWrapper(this, "allowed", actor.isAdmin());
        for (Field f : Field.values()) {
            StringProperty p = new SimpleStringProperty(this, f.name(), "");
            values.put(f, p);
            errors.put(f, new ReadOnlyStringWrapper(this, f.name() + "Error", ""));
            prompts.put(f, new ReadOnlyStringWrapper(this, f.name() + "Prompt", ""));
            p.addListener((obs, old, now) -> changed());
        }
        impactSummaries.addListener((obs, old, now) -> changed());
        valid = Bindings.createBooleanBinding(() -> errors.values().stream().allMatch(e -> e.get().isEmpty()),
                errors.values().toArray(ReadOnlyStringWrapper[]::new));
        canSave = Bindings.createBooleanBinding(() -> allowed.get() && loaded != null && valid.get() && dirty.get()
                && !busy.get(), allowed, valid, dirty, busy);
        selected.addListener((obs, old, now) -> {
            if (now != null && !applying) {
                open(now.id());
            }
        });
        databaseFile.set(service.database().text());
        prompts();
    }

    // ---------------------------------------------------------------- commands

    /** Loads the organisations the actor may edit and opens the first (or their own). */
    public void load() {
        if (!actor.isAdmin()) {
            say(messages.getString("settings.adminsOnly"), true);
            return;
        }
        busy.set(true);
        tasks.run("settings-orgs", p -> service.editable(actor), TaskRunner.Callbacks.of(list -> {
            busy.set(false);
            organizations.setAll(list.stream().map(o -> new OrgChoice(o.id(), o.name())).toList());
            if (list.isEmpty()) {
                say(messages.getString("settings.noOrganisations"), false);
                return;
            }
            OrgChoice first = organizations.stream().filter(o -> o.id().equals(actor.organizationId())).findFirst()
                    .orElse(organizations.get(0));
            if (first.equals(selected.get())) {
                open(first.id());
            } else {
                selected.set(first);
            }
        }, this::failed));
    }

    private void open(String organizationId) {
        busy.set(true);
        record Loaded(OrganizationSettings settings, List<String> enabled, List<String> known, FunderSettings funderSettings,
                      List<FunderType> types) {
        }
        tasks.run("settings-open", p -> {
            OrganizationSettings s = service.editable(actor).stream().filter(o -> o.id().equals(organizationId))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("No organisation " + organizationId));
            return new Loaded(s, service.enabledModules(actor, organizationId), service.knownModules(),
                    funder == null ? null : funder.settings(actor, organizationId),
                    funder == null ? List.of() : funder.types(actor, organizationId));
        }, TaskRunner.Callbacks.of(l -> {
            busy.set(false);
            show(l.settings(), l.enabled(), l.known());
            showFunder(l.funderSettings(), l.types());
        }, this::failed));
    }

    /** Validated settings to the store; refused while any field has an error. */
    public void save() {
        validate();
        if (!canSave.get()) {
            if (!valid.get()) {
                say(messages.getString("settings.fixErrors"), true);
            }
            return;
        }
        OrganizationSettings s = toSettings();
        Set<String> enabled = new TreeSet<>();
        modules.stream().filter(m -> m.enabledProperty().get()).forEach(m -> enabled.add(m.module()));
        FunderSettings funderSettings = funder == null || !funderLoaded ? null : toFunderSettings(s.id());
        busy.set(true);
        tasks.run("settings-save", p -> {
            service.save(actor, s, enabled, funderSettings); // one transaction: all of the form or nothing
            return s;
        }, TaskRunner.Callbacks.of(saved -> {
            busy.set(false);
            loaded = saved;
            dirty.set(false);
            say(fmt("settings.saved", saved.name()), false);
        }, this::failed));
    }

    /** Back to what is stored. */
    public void revert() {
        if (selected.get() != null) {
            open(selected.get().id());
        }
    }

    /** Adds a module id typed by the admin to the list (enabled). */
    public void addModule() {
        String m = newModule.get() == null ? "" : newModule.get().strip();
        if (!MODULE.matcher(m).matches()) {
            newModuleError.set(fmt("settings.error.module", m));
            return;
        }
        newModuleError.set("");
        Optional<ModuleRow> existing = modules.stream().filter(r -> r.module().equals(m)).findFirst();
        if (existing.isPresent()) {
            existing.get().enabledProperty().set(true);
        } else {
            ModuleRow row = new ModuleRow(m, true);
            row.enabledProperty().addListener((obs, old, now) -> changed());
            modules.add(row);
        }
        newModule.set("");
        changed();
    }

    // ---------------------------------------------------------------- state

    private void show(OrganizationSettings s, List<String> enabled, List<String> known) {
        applying = true;
        try {
            loaded = s;
            set(Field.HOURLY_RATE, s.hourlyRate() == null ? "" : formats.decimal(s.hourlyRate(), 2, 2));
            set(Field.SOCIAL_VALUE_MULTIPLIER, s.socialValueMultiplier() == null ? ""
                    : formats.decimal(s.socialValueMultiplier(), 2, 2));
            set(Field.COST_SAVING_PER_CONTACT, s.costSavingPerContact() == null ? ""
                    : formats.decimal(s.costSavingPerContact(), 2, 2));
            set(Field.CURRENCY, s.currency() == null ? "" : s.currency());
            set(Field.QUARTERLY_UNDERACTIVE, integer(s.quarterlyUnderactiveSessions()));
            set(Field.QUARTERLY_OVERLOADED, integer(s.quarterlyOverloadedSessions()));
            set(Field.HALF_YEAR_UNDERACTIVE, integer(s.halfYearUnderactiveSessions()));
            set(Field.HALF_YEAR_OVERLOADED, integer(s.halfYearOverloadedSessions()));
            impactSummaries.set(s.impactSummariesEnabled());
            Set<String> all = new TreeSet<>(known);
            all.addAll(enabled);
            modules.setAll(all.stream().map(m -> {
                ModuleRow row = new ModuleRow(m, enabled.contains(m));
                row.enabledProperty().addListener((obs, old, now) -> changed());
                return row;
            }).toList());
            OrgChoice choice = organizations.stream().filter(o -> o.id().equals(s.id())).findFirst().orElse(null);
            if (choice != null) {
                selected.set(choice);
            }
        } finally {
            applying = false;
        }
        validate();
        dirty.set(false);
        say("", false);
    }

    private boolean funderLoaded;

    private void showFunder(FunderSettings s, List<FunderType> types) {
        applying = true;
        try {
            funderLoaded = s != null;
            set(Field.FUNDER_GROUP_MIN_PARTICIPANTS, s == null ? "" : integer(s.groupMinParticipants()));
            set(Field.FUNDER_GROUP_MIN_MINUTES, s == null ? "" : integer(s.groupMinMinutes()));
            set(Field.FUNDER_COURSE_MIN_PEOPLE, s == null ? "" : integer(s.courseMinPeople()));
            set(Field.FUNDER_COURSE_MIN_MINUTES, s == null ? "" : integer(s.courseMinMinutes()));
            funderTypes.setAll(types.stream().map(t -> {
                FunderCategory chosen = s == null ? null : s.choices().get(t.key());
                FunderTypeRow row = new FunderTypeRow(t.key(), t.name().nameFor(formats.locale()), t.fallback(), chosen);
                row.choiceProperty().addListener((obs, old, now) -> changed());
                return row;
            }).toList());
        } finally {
            applying = false;
        }
        validate();
        dirty.set(false);
    }

    private FunderSettings toFunderSettings(String organizationId) {
        java.util.Map<String, FunderCategory> choices = new java.util.TreeMap<>();
        for (FunderTypeRow row : funderTypes) {
            if (row.choiceProperty().get() != null) {
                choices.put(row.key(), row.choiceProperty().get());
            }
        }
        return new FunderSettings(organizationId, choices, intOrNull(Field.FUNDER_GROUP_MIN_PARTICIPANTS),
                intOrNull(Field.FUNDER_GROUP_MIN_MINUTES), intOrNull(Field.FUNDER_COURSE_MIN_PEOPLE),
                intOrNull(Field.FUNDER_COURSE_MIN_MINUTES));
    }

    /** The text of a category choice: the category, or the default it falls back on. */
    public String categoryText(FunderCategory c, FunderTypeRow row) {
        if (c != null) {
            return messages.getString("funder.category." + c.code());
        }
        return row == null || row.fallback() == null ? messages.getString("settings.funder.noDefault")
                : fmt("settings.funder.default", messages.getString("funder.category." + row.fallback().code()));
    }

    private String integer(Integer n) {
        return n == null ? "" : Integer.toString(n);
    }

    private void set(Field f, String text) {
        values.get(f).set(text);
    }

    private void changed() {
        if (applying) {
            return;
        }
        validate();
        dirty.set(loaded != null);
    }

    private void prompts() {
        prompts.get(Field.HOURLY_RATE).set(defaultText(OrganizationSettings.DEFAULT_HOURLY_RATE));
        prompts.get(Field.SOCIAL_VALUE_MULTIPLIER).set(defaultText(OrganizationSettings.DEFAULT_SOCIAL_VALUE_MULTIPLIER));
        prompts.get(Field.COST_SAVING_PER_CONTACT).set(defaultText(OrganizationSettings.DEFAULT_COST_SAVING_PER_CONTACT));
        prompts.get(Field.CURRENCY).set(fmt("settings.default", OrganizationSettings.DEFAULT_CURRENCY));
        prompts.get(Field.QUARTERLY_UNDERACTIVE).set(fmt("settings.default", OrganizationSettings.DEFAULT_QUARTERLY.underactive()));
        prompts.get(Field.QUARTERLY_OVERLOADED).set(fmt("settings.default", OrganizationSettings.DEFAULT_QUARTERLY.overloaded()));
        prompts.get(Field.HALF_YEAR_UNDERACTIVE).set(fmt("settings.default", OrganizationSettings.DEFAULT_HALF_YEAR.underactive()));
        prompts.get(Field.HALF_YEAR_OVERLOADED).set(fmt("settings.default", OrganizationSettings.DEFAULT_HALF_YEAR.overloaded()));
        prompts.get(Field.FUNDER_GROUP_MIN_PARTICIPANTS).set(fmt("settings.default", FunderRules.DEFAULT_GROUP_MIN_PARTICIPANTS));
        prompts.get(Field.FUNDER_GROUP_MIN_MINUTES).set(fmt("settings.default", FunderRules.DEFAULT_GROUP_MIN_MINUTES));
        prompts.get(Field.FUNDER_COURSE_MIN_PEOPLE).set(fmt("settings.default", FunderRules.DEFAULT_COURSE_MIN_PEOPLE));
        prompts.get(Field.FUNDER_COURSE_MIN_MINUTES).set(fmt("settings.default", FunderRules.DEFAULT_COURSE_MIN_MINUTES));
    }

    private String defaultText(BigDecimal d) {
        return fmt("settings.default", formats.decimal(d, 2, 2));
    }

    /** Sets every field's error text (empty: fine). */
    void validate() {
        money(Field.HOURLY_RATE, MAX_MONEY);
        money(Field.SOCIAL_VALUE_MULTIPLIER, MAX_MULTIPLIER);
        money(Field.COST_SAVING_PER_CONTACT, MAX_MONEY);
        String currency = text(Field.CURRENCY);
        errors.get(Field.CURRENCY).set(currency.isEmpty() || CURRENCY.matcher(currency).matches() ? ""
                : fmt("settings.error.currency", currency));
        thresholds(Field.QUARTERLY_UNDERACTIVE, Field.QUARTERLY_OVERLOADED, OrganizationSettings.DEFAULT_QUARTERLY);
        thresholds(Field.HALF_YEAR_UNDERACTIVE, Field.HALF_YEAR_OVERLOADED, OrganizationSettings.DEFAULT_HALF_YEAR);
        funderRule(Field.FUNDER_GROUP_MIN_PARTICIPANTS, 1000);
        funderRule(Field.FUNDER_GROUP_MIN_MINUTES, 1440);
        funderRule(Field.FUNDER_COURSE_MIN_PEOPLE, 1000);
        funderRule(Field.FUNDER_COURSE_MIN_MINUTES, 1440);
    }

    /** A funder rule value: empty (the default) or a whole number from 1 to {@code max}. */
    private void funderRule(Field f, int max) {
        Integer n = wholeNumber(f);
        if (n == null) {
            return;
        }
        if (n < 1) {
            errors.get(f).set(messages.getString("settings.error.atLeastOne"));
        } else if (n > max) {
            errors.get(f).set(fmt("settings.error.tooLarge", formats.integer(max)));
        }
    }

    private void money(Field f, BigDecimal max) {
        String t = text(f);
        String error = "";
        if (!t.isEmpty()) {
            Optional<BigDecimal> n = formats.parseDecimal(t);
            if (n.isEmpty()) {
                error = fmt("settings.error.number", t);
            } else if (n.get().signum() < 0) {
                error = messages.getString("settings.error.negative");
            } else if (n.get().stripTrailingZeros().scale() > 2) {
                error = messages.getString("settings.error.decimals");
            } else if (n.get().compareTo(max) > 0) {
                error = fmt("settings.error.tooLarge", formats.decimal(max, 0, 2));
            }
        }
        errors.get(f).set(error);
    }

    private void thresholds(Field underField, Field overField, OrganizationSettings.OutlierThresholds defaults) {
        Integer under = wholeNumber(underField);
        Integer over = wholeNumber(overField);
        if (!errors.get(underField).get().isEmpty() || !errors.get(overField).get().isEmpty()) {
            return;
        }
        int u = under != null ? under : defaults.underactive();
        int o = over != null ? over : defaults.overloaded();
        if (o <= u) {
            errors.get(overField).set(fmt("settings.error.overloadedNotAbove", formats.integer(u)));
        }
    }

    /** Parses a threshold and sets its error; null when empty or invalid. */
    private Integer wholeNumber(Field f) {
        String t = text(f);
        if (t.isEmpty()) {
            errors.get(f).set("");
            return null;
        }
        Optional<Integer> n = formats.parseInteger(t);
        if (n.isEmpty()) {
            errors.get(f).set(fmt("settings.error.wholeNumber", t));
            return null;
        }
        if (n.get() < 0) {
            errors.get(f).set(messages.getString("settings.error.negative"));
            return null;
        }
        errors.get(f).set("");
        return n.get();
    }

    private OrganizationSettings toSettings() {
        return new OrganizationSettings(loaded.id(), loaded.name(), loaded.zone(),
                decimalOrNull(Field.HOURLY_RATE), text(Field.CURRENCY).isEmpty() ? null : text(Field.CURRENCY),
                decimalOrNull(Field.SOCIAL_VALUE_MULTIPLIER), decimalOrNull(Field.COST_SAVING_PER_CONTACT),
                intOrNull(Field.QUARTERLY_UNDERACTIVE), intOrNull(Field.QUARTERLY_OVERLOADED),
                intOrNull(Field.HALF_YEAR_UNDERACTIVE), intOrNull(Field.HALF_YEAR_OVERLOADED),
                impactSummaries.get());
    }

    private BigDecimal decimalOrNull(Field f) {
        return text(f).isEmpty() ? null : formats.parseDecimal(text(f)).orElseThrow().setScale(2);
    }

    private Integer intOrNull(Field f) {
        return text(f).isEmpty() ? null : formats.parseInteger(text(f)).orElseThrow();
    }

    private String text(Field f) {
        String t = values.get(f).get();
        return t == null ? "" : t.strip();
    }

    private void failed(Throwable t) {
        busy.set(false);
        say(fmt("settings.error.failed", t.getMessage() == null ? t.toString() : t.getMessage()), true);
    }

    private void say(String text, boolean isError) {
        message.set(text);
        messageIsError.set(isError);
    }

    /** A bundle text, for the View's lines built in code. */
    public String text(String key) {
        return messages.getString(key);
    }

    private String fmt(String key, Object... args) {
        return BundleText.format(messages, formats.locale(), key, args);
    }

    // ---------------------------------------------------------------- properties

    public ObservableList<OrgChoice> organizations() {
        return organizations;
    }

    public ObjectProperty<OrgChoice> selectedProperty() {
        return selected;
    }

    public StringProperty valueProperty(Field f) {
        return values.get(f);
    }

    public ReadOnlyStringProperty errorProperty(Field f) {
        return errors.get(f).getReadOnlyProperty();
    }

    public ReadOnlyStringProperty promptProperty(Field f) {
        return prompts.get(f).getReadOnlyProperty();
    }

    public BooleanProperty impactSummariesProperty() {
        return impactSummaries;
    }

    public ObservableList<ModuleRow> modules() {
        return modules;
    }

    /** The activity types and their funder category choices (empty when the funder settings are not offered). */
    public ObservableList<FunderTypeRow> funderTypes() {
        return funderTypes;
    }

    public boolean offersFunder() {
        return funder != null;
    }

    public StringProperty newModuleProperty() {
        return newModule;
    }

    public ReadOnlyStringProperty newModuleErrorProperty() {
        return newModuleError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty allowedProperty() {
        return allowed.getReadOnlyProperty();
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }

    public ReadOnlyStringProperty databaseFileProperty() {
        return databaseFile.getReadOnlyProperty();
    }

    /** Modules enabled in the form (not yet saved). */
    public Set<String> enabledModules() {
        Set<String> s = new LinkedHashSet<>();
        modules.stream().filter(m -> m.enabledProperty().get()).forEach(m -> s.add(m.module()));
        return s;
    }
}
