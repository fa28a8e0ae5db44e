package org.impactdesk.ui.achievements;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.Achievement;
import org.impactdesk.domain.AchievementDraft;
import org.impactdesk.domain.Category;
import org.impactdesk.domain.Problem.Field;
import org.impactdesk.domain.Problem.Severity;
import org.impactdesk.domain.Problem;
import org.impactdesk.domain.RepeatPeriod;
import org.impactdesk.domain.TriggerType;
import org.impactdesk.service.catalog.AchievementService.Catalog;
import org.impactdesk.service.catalog.AchievementService.Preview;

/**
 * The Achievements screen's edit form: the selected badge, or a new or duplicated draft, with live
 * validation shown beside each field (errors block saving, warnings do not), read-only with the
 * reason when the actor may not change the badge; save, deactivate/reactivate and revert; the icon
 * preview and the organisations that have the module the badge needs. Part of
 * {@link AchievementsViewModel}.
 */
public final class AchievementFormViewModel {

    /** A choice of a code (category, trigger, repeat period) with its localised label. */
    public record Choice(String code, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    private final AchievementsViewModel screen;
    private final Actor actor;
    private final AchievementTexts texts;

    private final StringProperty key = new SimpleStringProperty(this, "key", "");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    /** The Norwegian name (name_nb): optional; Norwegian screens show the English name without it. */
    private final StringProperty nameNb = new SimpleStringProperty(this, "nameNb", "");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final StringProperty iconUrl = new SimpleStringProperty(this, "iconUrl", "");
    private final ObjectProperty<Choice> category = new SimpleObjectProperty<>(this, "category");
    private final ObjectProperty<Choice> triggerType = new SimpleObjectProperty<>(this, "triggerType");
    private final StringProperty threshold = new SimpleStringProperty(this, "threshold", "");
    private final StringProperty metadata = new SimpleStringProperty(this, "metadata", "");
    private final StringProperty points = new SimpleStringProperty(this, "points", "");
    private final BooleanProperty repeatable = new SimpleBooleanProperty(this, "repeatable", false);
    private final ObjectProperty<Choice> repeatPeriod = new SimpleObjectProperty<>(this, "repeatPeriod");
    private final StringProperty requiresModule = new SimpleStringProperty(this, "requiresModule", "");
    private final StringProperty sortOrder = new SimpleStringProperty(this, "sortOrder", "");
    private final ObservableList<Choice> categories = FXCollections.observableArrayList();
    private final ObservableList<Choice> triggerTypes = FXCollections.observableArrayList();
    /** What the repeat drop-down offers: "Once only" for a one-time badge, the periods for a repeatable one. */
    private final ObservableList<Choice> repeatPeriods = FXCollections.observableArrayList();
    private final List<Choice> allRepeatPeriods = new java.util.ArrayList<>();

    private final ReadOnlyStringWrapper owner = new ReadOnlyStringWrapper(this, "owner", "");
    private final ReadOnlyStringWrapper formTitle = new ReadOnlyStringWrapper(this, "formTitle", "");
    private final ReadOnlyBooleanWrapper readOnly = new ReadOnlyBooleanWrapper(this, "readOnly", true);
    private final ReadOnlyStringWrapper readOnlyReason = new ReadOnlyStringWrapper(this, "readOnlyReason", "");
    private final Map<Field, ReadOnlyStringWrapper> fieldMessages = new EnumMap<>(Field.class);
    private final Map<Field, ReadOnlyObjectWrapper<Severity>> fieldSeverities = new EnumMap<>(Field.class);
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper hasErrors = new ReadOnlyBooleanWrapper(this, "hasErrors", false);
    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper(this, "editing", false);
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active", true);
    private final ReadOnlyStringWrapper activeToggleText = new ReadOnlyStringWrapper(this, "activeToggleText", "");
    private final ReadOnlyStringWrapper iconAsset = new ReadOnlyStringWrapper(this, "iconAsset");
    private final ReadOnlyStringWrapper iconInitials = new ReadOnlyStringWrapper(this, "iconInitials", "");
    private final ReadOnlyStringWrapper iconNote = new ReadOnlyStringWrapper(this, "iconNote", "");
    private final ReadOnlyStringWrapper modulesText = new ReadOnlyStringWrapper(this, "modulesText", "");
    private final BooleanBinding canSave;

    /** The draft id being edited (null for a new badge) and its owner. */
    private UUID draftId;
    private String draftOwner;
    private boolean filling;

    AchievementFormViewModel(AchievementsViewModel screen) {
        this.screen = screen;
        this.actor = screen.actor();
        this.texts = screen.texts();
        for (Field f : Field.values()) {
            fieldMessages.put(f, new ReadOnlyStringWrapper(this, "message" + f, ""));
            fieldSeverities.put(f, new ReadOnlyObjectWrapper<>(this, "severity" + f));
        }
        for (Category c : Category.values()) {
            categories.add(new Choice(c.code(), texts.category(c.code())));
        }
        for (TriggerType t : TriggerType.values()) {
            triggerTypes.add(new Choice(t.code(), texts.trigger(t.code())));
        }
        allRepeatPeriods.add(new Choice("", texts.text("achievements.repeat.none")));
        for (RepeatPeriod p : RepeatPeriod.values()) {
            allRepeatPeriods.add(new Choice(p.code(), texts.text("achievements.repeat." + p.code())));
        }
        offerRepeatPeriods(false);
        ReadOnlyBooleanProperty busy = screen.busyProperty();
        canSave = Bindings.createBooleanBinding(() -> editing.get() && !readOnly.get() && !hasErrors.get() && !busy.get(),
                editing, readOnly, hasErrors, busy);
        List<ObservableValue<?>> formFields = List.of(key, name, nameNb, description, iconUrl, category, triggerType, threshold,
                metadata, points, repeatable, repeatPeriod, requiresModule, sortOrder);
        for (ObservableValue<?> v : formFields) {
            v.addListener((obs, old, now) -> {
                if (!filling) {
                    formChanged();
                }
            });
        }
        repeatable.addListener((obs, old, now) -> {
            offerRepeatPeriods(now);
            if (!filling && !now) {
                repeatPeriod.set(allRepeatPeriods.get(0)); // a one-time badge has no repeat period
            }
        });
    }

    // ------------------------------------------------------------------ what the form shows

    /** Fills the form with a stored badge (the list selected it). */
    void show(Achievement badge) {
        fill(AchievementDraft.of(badge), badge.organizationId(), badge.id());
        active.set(badge.active());
        activeToggleText.set(texts.text(badge.active() ? "achievements.deactivate" : "achievements.reactivate"));
        showOwnerRights(badge.organizationId(), texts.format("achievements.form.editing", texts.badgeName(badge)));
    }

    /** A new, empty badge of the current tenant (the platform when a global admin shows the platform alone). */
    public void newBadge() {
        Achievement selected = screen.list().selectedProperty().get();
        Category cat = selected != null ? categoryOf(selected) : Category.GETTING_STARTED;
        startDraft(AchievementDraft.blank(screen.tenantOrganization(), cat, nextSortOrder(cat.code())),
                texts.text("achievements.form.new"));
    }

    /** A copy of the selected badge, new and owned by the current tenant (so an org admin can adapt a platform badge). */
    public void duplicate() {
        Achievement b = screen.list().selectedProperty().get();
        if (b == null) {
            return;
        }
        var tenant = screen.list().tenantProperty().get();
        String org = actor.isGlobalAdmin()
                ? (tenant == null ? b.organizationId() : tenant.organizationId())
                : actor.organizationId();
        String copyKey = uniqueKey(b.key(), org);
        AchievementDraft d = AchievementDraft.of(b).withId(null).withOwner(org).withKey(copyKey);
        d = new AchievementDraft(null, org, copyKey, texts.format("achievements.copyName", b.name()), d.nameNb(),
                d.description(), d.iconUrl(), d.category(), d.triggerType(), d.threshold(), d.metadata(), d.points(),
                d.repeatable(), d.repeatPeriod(), true, d.requiresModule(), Integer.toString(nextSortOrder(b.category())));
        startDraft(d, texts.format("achievements.form.duplicate", texts.badgeName(b)));
    }

    private void startDraft(AchievementDraft d, String title) {
        screen.list().clearSelection();
        screen.awards().showUnsaved();
        fill(d, d.organizationId(), null);
        active.set(true);
        activeToggleText.set(texts.text("achievements.deactivate"));
        showOwnerRights(d.organizationId(), title);
    }

    private void showOwnerRights(String organizationId, String title) {
        formTitle.set(title);
        String refusal = screen.service().editRefusal(actor, organizationId).orElse(null);
        readOnly.set(refusal != null);
        readOnlyReason.set(refusal == null ? "" : texts.text("achievements.readOnly." + refusal));
        screen.clearError();
        validate();
        refreshIcon();
        refreshModules();
        screen.awards().refreshPreview();
    }

    private String uniqueKey(String base, String org) {
        Catalog c = screen.catalog();
        Set<String> taken = c == null ? Set.of() : c.badges().stream()
                .filter(x -> Objects.equals(x.organizationId(), org)).map(Achievement::key).collect(Collectors.toSet());
        String stem = base.length() > 58 ? base.substring(0, 58) : base;
        String k = stem + "_copy";
        for (int i = 2; taken.contains(k); i++) {
            k = stem + "_copy" + i;
        }
        return k;
    }

    private int nextSortOrder(String cat) {
        Catalog c = screen.catalog();
        int max = c == null ? 0 : c.badges().stream().filter(b -> b.category().equals(cat))
                .mapToInt(Achievement::sortOrder).max().orElse(0);
        return (max / 10 + 1) * 10;
    }

    private static Category categoryOf(Achievement b) {
        try {
            return Category.fromCode(b.category());
        } catch (IllegalArgumentException e) {
            return Category.SPECIAL;
        }
    }

    private void fill(AchievementDraft d, String org, UUID id) {
        filling = true;
        try {
            draftId = id;
            draftOwner = org;
            key.set(d.key());
            name.set(d.name());
            nameNb.set(d.nameNb());
            description.set(d.description());
            iconUrl.set(d.iconUrl());
            category.set(choice(categories, d.category()));
            triggerType.set(choice(triggerTypes, d.triggerType()));
            threshold.set(d.threshold());
            metadata.set(d.metadata());
            points.set(d.points());
            repeatable.set(d.repeatable());
            repeatPeriod.set(choice(allRepeatPeriods, d.repeatPeriod()));
            offerRepeatPeriods(d.repeatable());
            requiresModule.set(d.requiresModule());
            sortOrder.set(d.sortOrder());
            editing.set(true);
            owner.set(org == null ? texts.text("achievements.owner.platform")
                    : texts.format("achievements.owner.organization", BadgeHints.organizationName(screen.catalog(), org)));
        } finally {
            filling = false;
        }
    }

    /** "Once only" is no choice for a repeatable badge, nor a period for a one-time one. */
    private void offerRepeatPeriods(boolean isRepeatable) {
        Choice shown = repeatPeriod.get();
        List<Choice> offered = new java.util.ArrayList<>(isRepeatable
                ? allRepeatPeriods.subList(1, allRepeatPeriods.size()) : allRepeatPeriods.subList(0, 1));
        if (shown != null && !offered.contains(shown)) {
            if (filling) {
                offered.add(shown); // a stored value the rules refuse stays listed, so the error beside it makes sense
            } else if (isRepeatable) {
                shown = null; // ticking Repeatable asks how often
            }
        }
        repeatPeriods.setAll(offered);
        if (repeatPeriod.get() != shown) {
            repeatPeriod.set(shown);
        }
    }

    private static Choice choice(List<Choice> list, String code) {
        String c = code == null ? "" : code;
        return list.stream().filter(x -> x.code().equals(c)).findFirst().orElseGet(() -> {
            Choice unknown = new Choice(c, c);
            list.add(unknown);
            return unknown;
        });
    }

    private void formChanged() {
        validate();
        refreshIcon();
        refreshModules();
        screen.awards().draftChanged();
    }

    /** The form as a draft. */
    public AchievementDraft draft() {
        return new AchievementDraft(draftId, draftOwner, key.get(), name.get(), nameNb.get(), description.get(), iconUrl.get(),
                code(category.get()), code(triggerType.get()), threshold.get(), metadata.get(), points.get(),
                repeatable.get(), code(repeatPeriod.get()), active.get(), requiresModule.get(), sortOrder.get());
    }

    private static String code(Choice c) {
        return c == null ? "" : c.code();
    }

    /** Live validation: every problem, shown beside its field (errors before warnings). */
    private void validate() {
        Catalog c = screen.catalog();
        List<Problem> found = c == null ? screen.service().validateAlone(draft())
                : screen.service().validate(actor, draft(), c);
        problems.setAll(found);
        for (Field f : Field.values()) {
            List<Problem> mine = found.stream().filter(p -> p.field() == f)
                    .sorted(Comparator.comparing(Problem::severity)).toList();
            fieldMessages.get(f).set(mine.stream().map(texts::problem).collect(Collectors.joining("\n")));
            fieldSeverities.get(f).set(mine.isEmpty() ? null : mine.get(0).severity());
        }
        hasErrors.set(screen.service().hasErrors(found));
    }

    private void refreshIcon() {
        BadgeHints.Icon icon = BadgeHints.icon(iconUrl.get(), name.get(), key.get(), texts);
        iconAsset.set(icon.asset());
        iconInitials.set(icon.initials());
        iconNote.set(icon.note());
    }

    private void refreshModules() {
        modulesText.set(BadgeHints.modules(requiresModule.get(), draftOwner, screen.catalog(), texts));
    }

    // ------------------------------------------------------------------ commands

    /**
     * Saves the form (refused while an error shows); awards what the badge earns at once. A save
     * that would hand out awards first says how many and asks (through the screen's
     * {@link org.impactdesk.ui.fx.DialogService}); declined, nothing is saved or awarded.
     */
    public void save() {
        if (!canSave.get()) {
            return;
        }
        AchievementDraft d = draft();
        askBeforeAwarding(d, "achievements.confirmAwards", "achievements.saveDeclined", () -> store(d));
    }

    /**
     * Runs {@code go} at once when {@code d} would award nothing now; otherwise says how many
     * awards it would make to how many mentors (the side panel's preview, computed afresh off the
     * FX thread) and runs it only when the user agrees. Declined, nothing changes.
     */
    private void askBeforeAwarding(AchievementDraft d, String questionKey, String declinedKey, Runnable go) {
        Catalog c = screen.catalog();
        if (c == null) {
            go.run();
            return;
        }
        screen.change("achievement-award-check", p -> screen.service().preview(actor, d, c), preview -> {
            int awards = preview.status() == Preview.Status.COMPUTED ? preview.newAwards() : 0;
            if (awards > 0 && !screen.dialogs().confirm(texts.text("achievements.confirmAwards.title"),
                    texts.format(questionKey, d.name(), awards, preview.earners()))) {
                screen.say(texts.format(declinedKey, d.name()));
                return;
            }
            go.run();
        });
    }

    private void store(AchievementDraft d) {
        screen.change("achievement-save", p -> screen.service().save(actor, d), saved -> {
            screen.remember(saved.undo());
            screen.say(texts.format("achievements.saved", saved.achievement().name(), saved.awarded()));
            screen.reload(saved.achievement().id());
        });
    }

    /**
     * Deactivates (awards kept) or reactivates the selected badge; a reactivation that would award
     * asks first, as a save does.
     */
    public void toggleActive() {
        Achievement b = screen.list().selectedProperty().get();
        if (b == null || readOnly.get()) {
            return;
        }
        boolean to = !b.active();
        Runnable go = () -> screen.change("achievement-active", p -> screen.service().setActive(actor, b.id(), to), change -> {
            screen.remember(change);
            screen.say(texts.format(to ? "achievements.reactivated" : "achievements.deactivated", b.name(),
                    change.deleteAwards().size()));
            screen.reload(b.id());
        });
        if (to) { // reactivating awards what the badge earns, as a save does: ask first
            askBeforeAwarding(AchievementDraft.of(b.withActive(true)), "achievements.confirmReactivate",
                    "achievements.reactivateDeclined", go);
        } else {
            go.run();
        }
    }

    /** Puts back the selected badge's stored values (or empties a new draft). */
    public void revert() {
        Achievement selected = screen.list().selectedProperty().get();
        if (selected != null) {
            screen.list().select(selected);
        } else {
            newBadge();
        }
    }

    // ------------------------------------------------------------------ properties

    public StringProperty keyProperty() { return key; }
    public StringProperty nameProperty() { return name; }
    public StringProperty nameNbProperty() { return nameNb; }
    public StringProperty descriptionProperty() { return description; }
    public StringProperty iconUrlProperty() { return iconUrl; }
    public ObjectProperty<Choice> categoryProperty() { return category; }
    public ObjectProperty<Choice> triggerTypeProperty() { return triggerType; }
    public StringProperty thresholdProperty() { return threshold; }
    public StringProperty metadataProperty() { return metadata; }
    public StringProperty pointsProperty() { return points; }
    public BooleanProperty repeatableProperty() { return repeatable; }
    public ObjectProperty<Choice> repeatPeriodProperty() { return repeatPeriod; }
    public StringProperty requiresModuleProperty() { return requiresModule; }
    public StringProperty sortOrderProperty() { return sortOrder; }
    public ObservableList<Choice> categories() { return categories; }
    public ObservableList<Choice> triggerTypes() { return triggerTypes; }
    public ObservableList<Choice> repeatPeriods() { return repeatPeriods; }
    public ReadOnlyStringProperty ownerProperty() { return owner.getReadOnlyProperty(); }
    public ReadOnlyStringProperty formTitleProperty() { return formTitle.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty readOnlyProperty() { return readOnly.getReadOnlyProperty(); }
    public ReadOnlyStringProperty readOnlyReasonProperty() { return readOnlyReason.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty(Field f) { return fieldMessages.get(f).getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Severity> severityProperty(Field f) { return fieldSeverities.get(f).getReadOnlyProperty(); }
    public ObservableList<Problem> problems() { return problems; }
    public ReadOnlyBooleanProperty hasErrorsProperty() { return hasErrors.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty editingProperty() { return editing.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty activeProperty() { return active.getReadOnlyProperty(); }
    public ReadOnlyStringProperty activeToggleTextProperty() { return activeToggleText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty iconAssetProperty() { return iconAsset.getReadOnlyProperty(); }
    public ReadOnlyStringProperty iconInitialsProperty() { return iconInitials.getReadOnlyProperty(); }
    public ReadOnlyStringProperty iconNoteProperty() { return iconNote.getReadOnlyProperty(); }
    public ReadOnlyStringProperty modulesTextProperty() { return modulesText.getReadOnlyProperty(); }
    public BooleanBinding canSaveProperty() { return canSave; }
}
