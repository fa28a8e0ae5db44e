package org.impactdesk.ui.achievements;

import java.text.Collator;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
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
import org.impactdesk.achievement.Achievement;
import org.impactdesk.achievement.AchievementDraft;
import org.impactdesk.achievement.AchievementRefusedException;
import org.impactdesk.achievement.AchievementRules;
import org.impactdesk.achievement.AchievementService;
import org.impactdesk.achievement.AchievementService.Catalog;
import org.impactdesk.achievement.AchievementService.Change;
import org.impactdesk.achievement.AchievementService.Preview;
import org.impactdesk.achievement.Category;
import org.impactdesk.achievement.MentorChoice;
import org.impactdesk.achievement.Problem;
import org.impactdesk.achievement.Problem.Field;
import org.impactdesk.achievement.Problem.Severity;
import org.impactdesk.achievement.RepeatPeriod;
import org.impactdesk.achievement.TriggerType;
import org.impactdesk.ui.TaskRunner;

/**
 * The Achievements screen's state: one tenant's catalog grouped by category in sort order, with
 * search; the edit form with live validation per field (errors block saving, warnings do not);
 * create, duplicate, deactivate/reactivate, reorder, undo of the last change, manual awards; the
 * icon preview, the modules a badge needs and who has them; and the preview "who would earn this if
 * saved now", computed off the FX thread through the {@link TaskRunner}. Talks only to the
 * {@link AchievementService}, on behalf of the signed-in {@link Actor}.
 */
public final class AchievementsViewModel {

    /** Whose catalog is shown: {@code organizationId} null = the platform badges alone. */
    public record Tenant(String organizationId, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** One line of the catalog list: a category heading or a badge. */
    public record Entry(String category, String title, Achievement badge, String detail, boolean editable) {
        public boolean isHeader() {
            return badge == null;
        }
    }

    /** A choice of a code (category, trigger, repeat period) with its localised label. */
    public record Choice(String code, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    private final AchievementService service;
    private final Actor actor;
    private final TaskRunner tasks;
    private final ResourceBundle messages;
    private final Locale locale;

    private final ObservableList<Tenant> tenants = FXCollections.observableArrayList();
    private final ObjectProperty<Tenant> tenant = new SimpleObjectProperty<>(this, "tenant");
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Achievement> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyObjectWrapper<Catalog> catalog = new ReadOnlyObjectWrapper<>(this, "catalog");

    // the form
    private final StringProperty key = new SimpleStringProperty(this, "key", "");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
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
    private final ObservableList<Choice> repeatPeriods = FXCollections.observableArrayList();

    private final ReadOnlyStringWrapper owner = new ReadOnlyStringWrapper(this, "owner", "");
    private final ReadOnlyStringWrapper formTitle = new ReadOnlyStringWrapper(this, "formTitle", "");
    private final ReadOnlyBooleanWrapper readOnly = new ReadOnlyBooleanWrapper(this, "readOnly", true);
    private final ReadOnlyStringWrapper readOnlyReason = new ReadOnlyStringWrapper(this, "readOnlyReason", "");
    private final Map<Field, ReadOnlyStringWrapper> fieldMessages = new EnumMap<>(Field.class);
    private final Map<Field, ReadOnlyObjectWrapper<Severity>> fieldSeverities = new EnumMap<>(Field.class);
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper hasErrors = new ReadOnlyBooleanWrapper(this, "hasErrors", false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyObjectWrapper<Change> lastChange = new ReadOnlyObjectWrapper<>(this, "lastChange");
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper(this, "undoText", "");
    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper(this, "editing", false);
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active", true);
    private final ReadOnlyStringWrapper activeToggleText = new ReadOnlyStringWrapper(this, "activeToggleText", "");

    // preview, icon, modules, manual award
    private final ReadOnlyObjectWrapper<Preview> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private final ReadOnlyStringWrapper previewText = new ReadOnlyStringWrapper(this, "previewText", "");
    private final ReadOnlyStringWrapper previewSample = new ReadOnlyStringWrapper(this, "previewSample", "");
    private final ReadOnlyBooleanWrapper previewBusy = new ReadOnlyBooleanWrapper(this, "previewBusy", false);
    private final ReadOnlyStringWrapper iconAsset = new ReadOnlyStringWrapper(this, "iconAsset");
    private final ReadOnlyStringWrapper iconInitials = new ReadOnlyStringWrapper(this, "iconInitials", "");
    private final ReadOnlyStringWrapper iconNote = new ReadOnlyStringWrapper(this, "iconNote", "");
    private final ReadOnlyStringWrapper modulesText = new ReadOnlyStringWrapper(this, "modulesText", "");
    private final ReadOnlyStringWrapper awardsText = new ReadOnlyStringWrapper(this, "awardsText", "");
    private final ObservableList<MentorChoice> mentors = FXCollections.observableArrayList();
    private final ObjectProperty<MentorChoice> awardTo = new SimpleObjectProperty<>(this, "awardTo");
    private final ReadOnlyBooleanWrapper manualAwardShown = new ReadOnlyBooleanWrapper(this, "manualAwardShown", false);

    private final BooleanBinding canSave;
    private final BooleanBinding canReorder;
    private final BooleanBinding canAward;

    /** The draft id being edited (null for a new badge) and its owner. */
    private UUID draftId;
    private String draftOwner;
    private boolean filling;
    private long previewSequence;
    private String lastPreviewSignature = "";
    private TaskRunner.Handle previewHandle;

    public AchievementsViewModel(AchievementService service, Actor actor, TaskRunner tasks, ResourceBundle messages) {
        this.service = service;
        this.actor = actor;
        this.tasks = tasks;
        this.messages = messages;
        this.locale = messages.getLocale() == null || messages.getLocale().getLanguage().isEmpty()
                ? Locale.ENGLISH : messages.getLocale();
        for (Field f : Field.values()) {
            fieldMessages.put(f, new ReadOnlyStringWrapper(this, "message" + f, ""));
            fieldSeverities.put(f, new ReadOnlyObjectWrapper<>(this, "severity" + f));
        }
        for (Category c : Category.values()) {
            categories.add(new Choice(c.code(), categoryLabel(c.code())));
        }
        for (TriggerType t : TriggerType.values()) {
            triggerTypes.add(new Choice(t.code(), text("achievements.trigger." + t.code())));
        }
        repeatPeriods.add(new Choice("", text("achievements.repeat.none")));
        for (RepeatPeriod p : RepeatPeriod.values()) {
            repeatPeriods.add(new Choice(p.code(), text("achievements.repeat." + p.code())));
        }
        canSave = Bindings.createBooleanBinding(() -> editing.get() && !readOnly.get() && !hasErrors.get() && !busy.get(),
                editing, readOnly, hasErrors, busy);
        canReorder = Bindings.createBooleanBinding(() -> selected.get() != null && !readOnly.get() && !busy.get()
                && search.get().isBlank(), selected, readOnly, busy, search);
        canAward = Bindings.createBooleanBinding(() -> manualAwardShown.get() && awardTo.get() != null && !busy.get(),
                manualAwardShown, awardTo, busy);

        List<ObservableValue<?>> formFields = List.of(key, name, description, iconUrl, category, triggerType, threshold,
                metadata, points, repeatable, repeatPeriod, requiresModule, sortOrder);
        for (ObservableValue<?> v : formFields) {
            v.addListener((obs, old, now) -> {
                if (!filling) {
                    formChanged();
                }
            });
        }
        repeatable.addListener((obs, old, now) -> {
            if (!filling && !now) {
                repeatPeriod.set(repeatPeriods.get(0)); // a one-time badge has no repeat period
            }
        });
        search.addListener((obs, old, now) -> rebuildEntries());
        tenant.addListener((obs, old, now) -> {
            if (!filling && now != null && !Objects.equals(old, now)) {
                load(null);
            }
        });
    }

    // ------------------------------------------------------------------ loading

    /** Loads the tenants, the catalog and the people in scope, then selects the first badge. */
    public void load() {
        if (tenants.isEmpty()) {
            fillTenants();
        }
        load(null);
    }

    private void fillTenants() {
        busy.set(true);
        tasks.run("achievement-tenants", p -> service.catalog(actor, actor.isGlobalAdmin() ? null : actor.organizationId()),
                TaskRunner.Callbacks.of(c -> {
                    List<Tenant> list = new ArrayList<>();
                    if (actor.isGlobalAdmin()) {
                        list.add(new Tenant(null, text("achievements.tenant.platform")));
                    }
                    for (AchievementService.Organization o : c.organizations()) {
                        list.add(new Tenant(o.id(), actor.isGlobalAdmin()
                                ? MessageFormat.format(text("achievements.tenant.organization"), o.name()) : o.name()));
                    }
                    filling = true;
                    try {
                        tenants.setAll(list);
                        tenant.set(list.isEmpty() ? null : list.get(0));
                    } finally {
                        filling = false;
                    }
                    busy.set(false);
                }, this::failed));
    }

    /** Reloads the catalog of the chosen tenant and selects {@code select} (or the first badge). */
    private void load(UUID select) {
        busy.set(true);
        String org = tenant.get() == null ? (actor.isGlobalAdmin() ? null : actor.organizationId()) : tenant.get().organizationId();
        tasks.run("achievement-catalog", p -> new Loaded(service.catalog(actor, org), service.mentorsInScope(actor)),
                TaskRunner.Callbacks.of(loaded -> {
                    busy.set(false);
                    catalog.set(loaded.catalog());
                    mentors.setAll(loaded.mentors());
                    rebuildEntries();
                    Achievement target = select == null ? null : loaded.catalog().badge(select).orElse(null);
                    if (target == null && select == null && selected.get() != null) {
                        target = loaded.catalog().badge(selected.get().id()).orElse(null);
                    }
                    if (target == null) {
                        target = entries.stream().filter(e -> !e.isHeader()).map(Entry::badge).findFirst().orElse(null);
                    }
                    if (target != null) {
                        select(target);
                    } else {
                        newBadge();
                    }
                }, this::failed));
    }

    private record Loaded(Catalog catalog, List<MentorChoice> mentors) {
    }

    private void rebuildEntries() {
        Catalog c = catalog.get();
        if (c == null) {
            entries.clear();
            return;
        }
        String q = search.get() == null ? "" : search.get().trim().toLowerCase(locale);
        Map<String, List<Achievement>> byCategory = new LinkedHashMap<>();
        for (Category cat : Category.values()) {
            byCategory.put(cat.code(), new ArrayList<>());
        }
        for (Achievement b : c.badges()) { // known categories in their order, then any other stored ones
            byCategory.computeIfAbsent(b.category(), k -> new ArrayList<>()).add(b);
        }
        List<Entry> out = new ArrayList<>();
        for (Map.Entry<String, List<Achievement>> e : byCategory.entrySet()) {
            List<Achievement> shown = e.getValue().stream().filter(b -> matches(b, q))
                    .sorted(AchievementService.DISPLAY_ORDER).toList();
            if (shown.isEmpty()) {
                continue;
            }
            out.add(new Entry(e.getKey(), categoryLabel(e.getKey()) + " (" + shown.size() + ")", null, "", false));
            for (Achievement b : shown) {
                out.add(new Entry(e.getKey(), b.name(), b, detail(b, c), AchievementRules.editRefusal(actor, b.organizationId()).isEmpty()));
            }
        }
        entries.setAll(out);
    }

    private boolean matches(Achievement b, String q) {
        if (q.isEmpty()) {
            return true;
        }
        return b.key().toLowerCase(locale).contains(q) || b.name().toLowerCase(locale).contains(q)
                || b.description().toLowerCase(locale).contains(q)
                || text("achievements.trigger." + b.triggerType().code()).toLowerCase(locale).contains(q)
                || (b.requiresModule() != null && b.requiresModule().toLowerCase(locale).contains(q));
    }

    private String detail(Achievement b, Catalog c) {
        List<String> parts = new ArrayList<>();
        parts.add(b.key());
        parts.add(triggerSummary(b));
        parts.add(MessageFormat.format(text("achievements.list.points"), b.points()));
        if (b.isPlatform()) {
            parts.add(text("achievements.list.platform"));
        }
        if (!b.active()) {
            parts.add(text("achievements.list.inactive"));
        }
        if (b.requiresModule() != null) {
            parts.add(MessageFormat.format(text("achievements.list.module"), b.requiresModule()));
        }
        int held = c.awardCounts().getOrDefault(b.id(), 0);
        if (held > 0) {
            parts.add(MessageFormat.format(text("achievements.list.awarded"), held));
        }
        return String.join(" · ", parts);
    }

    private String triggerSummary(Achievement b) {
        String t = text("achievements.trigger." + b.triggerType().code());
        if (b.threshold() != null) {
            t += " " + b.threshold();
        }
        if (b.metadata().activityType() != null) {
            t += " (" + b.metadata().activityType() + ")";
        }
        if (b.repeatable() && b.repeatPeriod() != null) {
            t += ", " + text("achievements.repeat." + b.repeatPeriod().code()).toLowerCase(locale);
        }
        return t;
    }

    // ------------------------------------------------------------------ selection and form

    /** Shows a badge in the form (read-only with the reason when the actor may not change it). */
    public void select(Achievement badge) {
        if (badge == null) {
            return;
        }
        selected.set(badge);
        fill(AchievementDraft.of(badge), badge.organizationId(), badge.id());
        active.set(badge.active());
        activeToggleText.set(text(badge.active() ? "achievements.deactivate" : "achievements.reactivate"));
        formTitle.set(MessageFormat.format(text("achievements.form.editing"), badge.name()));
        String refusal = AchievementRules.editRefusal(actor, badge.organizationId()).orElse(null);
        readOnly.set(refusal != null);
        readOnlyReason.set(refusal == null ? "" : text("achievements.readOnly." + refusal));
        Catalog c = catalog.get();
        int held = c == null ? 0 : c.awardCounts().getOrDefault(badge.id(), 0);
        awardsText.set(MessageFormat.format(text("achievements.form.awards"), held));
        manualAwardShown.set(badge.triggerType() == TriggerType.MANUAL && badge.active());
        afterFill();
    }

    /** Selects the badge with this id (after a reload, or from a test). */
    public void select(UUID id) {
        Catalog c = catalog.get();
        if (c != null) {
            c.badge(id).ifPresent(this::select);
        }
    }

    /** A new, empty badge of the current tenant (the platform when a global admin shows the platform alone). */
    public void newBadge() {
        String org = tenant.get() == null ? (actor.isGlobalAdmin() ? null : actor.organizationId()) : tenant.get().organizationId();
        Category cat = selected.get() != null ? categoryOf(selected.get()) : Category.GETTING_STARTED;
        startDraft(AchievementDraft.blank(org, cat, nextSortOrder(cat.code())), text("achievements.form.new"));
    }

    /** A copy of the selected badge, new and owned by the current tenant (so an org admin can adapt a platform badge). */
    public void duplicate() {
        Achievement b = selected.get();
        if (b == null) {
            return;
        }
        String org = actor.isGlobalAdmin()
                ? (tenant.get() == null ? b.organizationId() : tenant.get().organizationId())
                : actor.organizationId();
        String copyKey = uniqueKey(b.key(), org);
        AchievementDraft d = AchievementDraft.of(b).withId(null).withOwner(org).withKey(copyKey);
        d = new AchievementDraft(null, org, copyKey, MessageFormat.format(text("achievements.copyName"), b.name()),
                d.description(), d.iconUrl(), d.category(), d.triggerType(), d.threshold(), d.metadata(), d.points(),
                d.repeatable(), d.repeatPeriod(), true, d.requiresModule(), Integer.toString(nextSortOrder(b.category())));
        startDraft(d, MessageFormat.format(text("achievements.form.duplicate"), b.name()));
    }

    private void startDraft(AchievementDraft d, String title) {
        selected.set(null);
        fill(d, d.organizationId(), null);
        active.set(true);
        activeToggleText.set(text("achievements.deactivate"));
        formTitle.set(title);
        String refusal = AchievementRules.editRefusal(actor, d.organizationId()).orElse(null);
        readOnly.set(refusal != null);
        readOnlyReason.set(refusal == null ? "" : text("achievements.readOnly." + refusal));
        awardsText.set(text("achievements.form.notSaved"));
        manualAwardShown.set(false);
        afterFill();
    }

    private String uniqueKey(String base, String org) {
        Catalog c = catalog.get();
        java.util.Set<String> taken = c == null ? java.util.Set.of() : c.badges().stream()
                .filter(x -> Objects.equals(x.organizationId(), org)).map(Achievement::key).collect(Collectors.toSet());
        String stem = base.length() > 58 ? base.substring(0, 58) : base;
        String k = stem + "_copy";
        for (int i = 2; taken.contains(k); i++) {
            k = stem + "_copy" + i;
        }
        return k;
    }

    private int nextSortOrder(String cat) {
        Catalog c = catalog.get();
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
            description.set(d.description());
            iconUrl.set(d.iconUrl());
            category.set(choice(categories, d.category()));
            triggerType.set(choice(triggerTypes, d.triggerType()));
            threshold.set(d.threshold());
            metadata.set(d.metadata());
            points.set(d.points());
            repeatable.set(d.repeatable());
            repeatPeriod.set(choice(repeatPeriods, d.repeatPeriod()));
            requiresModule.set(d.requiresModule());
            sortOrder.set(d.sortOrder());
            editing.set(true);
            owner.set(org == null ? text("achievements.owner.platform") : MessageFormat.format(
                    text("achievements.owner.organization"), organizationName(org)));
        } finally {
            filling = false;
        }
    }

    private Choice choice(ObservableList<Choice> list, String code) {
        String c = code == null ? "" : code;
        return list.stream().filter(x -> x.code().equals(c)).findFirst().orElseGet(() -> {
            Choice unknown = new Choice(c, c);
            list.add(unknown);
            return unknown;
        });
    }

    private void afterFill() {
        error.set("");
        validate();
        refreshIcon();
        refreshModules();
        refreshPreview();
    }

    private void formChanged() {
        validate();
        refreshIcon();
        refreshModules();
        if (!previewSignature().equals(lastPreviewSignature)) { // typing a name or description changes no award
            refreshPreview();
        }
    }

    /** What the preview depends on: the trigger, its window, the gate, the owner and whether the draft is valid. */
    private String previewSignature() {
        AchievementDraft d = draft();
        return String.join("|", String.valueOf(d.id()), String.valueOf(d.organizationId()), d.triggerType(),
                d.threshold(), d.metadata(), String.valueOf(d.repeatable()), d.repeatPeriod(), d.requiresModule(),
                String.valueOf(d.active()), String.valueOf(hasErrors.get()));
    }

    /** The form as a draft. */
    public AchievementDraft draft() {
        return new AchievementDraft(draftId, draftOwner, key.get(), name.get(), description.get(), iconUrl.get(),
                code(category.get()), code(triggerType.get()), threshold.get(), metadata.get(), points.get(),
                repeatable.get(), code(repeatPeriod.get()), active.get(), requiresModule.get(), sortOrder.get());
    }

    private static String code(Choice c) {
        return c == null ? "" : c.code();
    }

    /** Live validation: every problem, shown beside its field (errors before warnings). */
    private void validate() {
        Catalog c = catalog.get();
        List<Problem> found = c == null ? AchievementRules.validate(draft(), AchievementRules.Context.none())
                : service.validate(actor, draft(), c);
        problems.setAll(found);
        for (Field f : Field.values()) {
            List<Problem> mine = found.stream().filter(p -> p.field() == f)
                    .sorted(java.util.Comparator.comparing(Problem::severity)).toList();
            fieldMessages.get(f).set(mine.stream().map(this::message).collect(Collectors.joining("\n")));
            fieldSeverities.get(f).set(mine.isEmpty() ? null : mine.get(0).severity());
        }
        hasErrors.set(AchievementRules.hasErrors(found));
    }

    /** A problem in the chosen language. */
    public String message(Problem p) {
        String pattern = text("achievements.problem." + p.code());
        return MessageFormat.format(pattern.replace("'", "''"), p.args().toArray());
    }

    private void refreshIcon() {
        String icon = iconUrl.get() == null ? "" : iconUrl.get().trim();
        String n = name.get() == null ? "" : name.get().trim();
        iconInitials.set(initials(n.isEmpty() ? key.get() : n));
        if (icon.isEmpty()) {
            iconAsset.set(null);
            iconNote.set(text("achievements.icon.placeholder"));
        } else if (AchievementRules.ICON_ASSET.matcher(icon).matches()) {
            if (icon.endsWith(".png") && AchievementsViewModel.class.getResource("/" + icon) != null) {
                iconAsset.set("/" + icon);
                iconNote.set(MessageFormat.format(text("achievements.icon.asset"), icon));
            } else {
                iconAsset.set(null);
                iconNote.set(MessageFormat.format(text(icon.endsWith(".svg") ? "achievements.icon.svg"
                        : "achievements.icon.missing"), icon));
            }
        } else if (AchievementRules.ICON_HTTPS.matcher(icon).matches()) {
            iconAsset.set(null);
            iconNote.set(text("achievements.icon.web"));
        } else {
            iconAsset.set(null);
            iconNote.set(text("achievements.icon.invalid"));
        }
    }

    static String initials(String s) {
        if (s == null || s.isBlank()) {
            return "?";
        }
        String[] words = s.trim().split("[\\s_]+");
        StringBuilder b = new StringBuilder();
        for (String w : words) {
            if (!w.isEmpty() && b.length() < 2) {
                b.appendCodePoint(Character.toUpperCase(w.codePointAt(0)));
            }
        }
        return b.toString();
    }

    private void refreshModules() {
        String module = requiresModule.get() == null ? "" : requiresModule.get().trim();
        Catalog c = catalog.get();
        if (module.isEmpty()) {
            modulesText.set(text("achievements.modules.none"));
            return;
        }
        if (c == null) {
            modulesText.set("");
            return;
        }
        List<String> with = c.organizationsWith(module);
        if (draftOwner != null) {
            String ownName = organizationName(draftOwner);
            with = with.stream().filter(n -> n.equals(ownName)).toList();
        }
        modulesText.set(with.isEmpty()
                ? MessageFormat.format(text("achievements.modules.nobody"), module)
                : MessageFormat.format(text("achievements.modules.enabled"), module, String.join(", ", with)));
    }

    private String organizationName(String org) {
        Catalog c = catalog.get();
        if (c == null) {
            return org;
        }
        return c.organizations().stream().filter(o -> o.id().equals(org)).map(AchievementService.Organization::name)
                .findFirst().orElse(org);
    }

    /** Recomputes "who would earn this if saved now" off the FX thread; a newer request wins. */
    public void refreshPreview() {
        Catalog c = catalog.get();
        if (c == null || !editing.get()) {
            return;
        }
        AchievementDraft d = draft();
        lastPreviewSignature = previewSignature();
        long seq = ++previewSequence;
        if (previewHandle != null) {
            previewHandle.cancel();
        }
        previewBusy.set(true);
        previewText.set(text("achievements.preview.computing"));
        previewSample.set("");
        previewHandle = tasks.run("achievement-preview", p -> service.preview(actor, d, c), TaskRunner.Callbacks.of(result -> {
            if (seq != previewSequence) {
                return;
            }
            previewBusy.set(false);
            preview.set(result);
            previewText.set(previewText(result));
            previewSample.set(result.sample().isEmpty() ? "" : MessageFormat.format(text("achievements.preview.sample"),
                    String.join(", ", result.sample()) + (result.earners() > result.sample().size() ? ", …" : "")));
        }, t -> {
            if (seq == previewSequence) {
                previewBusy.set(false);
                if (!(t instanceof java.util.concurrent.CancellationException)) {
                    previewText.set(MessageFormat.format(text("achievements.preview.failed"), t.getMessage()));
                }
            }
        }));
    }

    private String previewText(Preview p) {
        return switch (p.status()) {
            case INVALID -> text("achievements.preview.invalid");
            case INACTIVE -> text("achievements.preview.inactive");
            case MANUAL -> text("achievements.preview.manual");
            case COMPUTED -> {
                String s = MessageFormat.format(text("achievements.preview.result"), p.earners(), p.mentorsInScope());
                if (p.alreadyHolding() > 0) {
                    s += " " + MessageFormat.format(text("achievements.preview.holding"), p.alreadyHolding(), p.newAwards());
                }
                if (!p.gatedOrganizations().isEmpty()) {
                    s += " " + MessageFormat.format(text("achievements.preview.gated"), String.join(", ", p.gatedOrganizations()));
                }
                yield s;
            }
        };
    }

    // ------------------------------------------------------------------ commands

    /** Saves the form (refused while an error shows); awards what the badge earns at once. */
    public void save() {
        if (!canSave.get()) {
            return;
        }
        AchievementDraft d = draft();
        busy.set(true);
        tasks.run("achievement-save", p -> service.save(actor, d), TaskRunner.Callbacks.of(saved -> {
            busy.set(false);
            remember(saved.undo());
            status.set(MessageFormat.format(text("achievements.saved"), saved.achievement().name(), saved.awarded()));
            load(saved.achievement().id());
        }, this::failed));
    }

    /** Deactivates (awards kept) or reactivates the selected badge. */
    public void toggleActive() {
        Achievement b = selected.get();
        if (b == null || readOnly.get()) {
            return;
        }
        boolean to = !b.active();
        busy.set(true);
        tasks.run("achievement-active", p -> service.setActive(actor, b.id(), to), TaskRunner.Callbacks.of(change -> {
            busy.set(false);
            remember(change);
            status.set(MessageFormat.format(text(to ? "achievements.reactivated" : "achievements.deactivated"), b.name(),
                    change.deleteAwards().size()));
            load(b.id());
        }, this::failed));
    }

    /** Moves the selected badge one place up in its category (Alt+Up). */
    public void moveUp() {
        moveBy(-1);
    }

    /** Moves the selected badge one place down in its category (Alt+Down). */
    public void moveDown() {
        moveBy(1);
    }

    private void moveBy(int delta) {
        Achievement b = selected.get();
        if (b == null || !canReorder.get()) {
            return;
        }
        int index = categoryIndex(b);
        moveTo(b.id(), index + delta);
    }

    /** The position of a badge within its category as the (unfiltered) catalog shows it. */
    public int categoryIndex(Achievement b) {
        return categoryList(b.category()).indexOf(b);
    }

    private List<Achievement> categoryList(String cat) {
        Catalog c = catalog.get();
        return c == null ? List.of() : c.badges().stream().filter(x -> x.category().equals(cat))
                .sorted(AchievementService.DISPLAY_ORDER).toList();
    }

    /** Moves a badge to {@code targetIndex} within its category (drag and drop). */
    public void moveTo(UUID id, int targetIndex) {
        Catalog c = catalog.get();
        if (c == null) {
            return;
        }
        Achievement b = c.badge(id).orElse(null);
        if (b == null) {
            return;
        }
        int size = categoryList(b.category()).size();
        if (targetIndex < 0 || targetIndex >= size || targetIndex == categoryIndex(b)) {
            return;
        }
        String org = c.tenantOrganizationId();
        busy.set(true);
        tasks.run("achievement-move", p -> service.move(actor, org, id, targetIndex), TaskRunner.Callbacks.of(change -> {
            busy.set(false);
            if (change != null) {
                remember(change);
                status.set(MessageFormat.format(text("achievements.moved"), b.name(), targetIndex + 1));
            }
            load(id);
        }, this::failed));
    }

    /** Whether {@code dragged} may be dropped at {@code target}'s place: the same category and editable. */
    public boolean canDrop(Achievement dragged, Achievement target) {
        return dragged != null && target != null && !dragged.id().equals(target.id())
                && dragged.category().equals(target.category())
                && AchievementRules.editRefusal(actor, dragged.organizationId()).isEmpty() && search.get().isBlank();
    }

    /** Awards the selected manual badge to the chosen peer mentor. */
    public void award() {
        Achievement b = selected.get();
        MentorChoice m = awardTo.get();
        if (b == null || m == null || !canAward.get()) {
            return;
        }
        busy.set(true);
        tasks.run("achievement-award", p -> service.awardManually(actor, b.id(), m.userId()), TaskRunner.Callbacks.of(change -> {
            busy.set(false);
            remember(change);
            status.set(MessageFormat.format(text("achievements.awardedTo"), b.name(), m.displayName()));
            load(b.id());
        }, this::failed));
    }

    /** Undoes the last change (one step). */
    public void undo() {
        Change change = lastChange.get();
        if (change == null) {
            return;
        }
        UUID keep = selected.get() == null ? null : selected.get().id();
        busy.set(true);
        tasks.run("achievement-undo", p -> {
            service.undo(actor, change);
            return change;
        }, TaskRunner.Callbacks.of(done -> {
            busy.set(false);
            lastChange.set(null);
            undoText.set("");
            status.set(MessageFormat.format(text("achievements.undone"), undoLabel(done)));
            load(done.deleteBadge() != null && Objects.equals(done.deleteBadge(), keep) ? null : keep);
        }, this::failed));
    }

    /** Puts back the selected badge's stored values (or empties a new draft). */
    public void revert() {
        if (selected.get() != null) {
            select(selected.get());
        } else {
            newBadge();
        }
    }

    private void remember(Change change) {
        lastChange.set(change);
        undoText.set(change == null ? "" : MessageFormat.format(text("achievements.undo.of"), undoLabel(change)));
        error.set("");
    }

    private String undoLabel(Change c) {
        return MessageFormat.format(text("achievements.change." + c.kind().name().toLowerCase(Locale.ROOT)), c.badgeKey());
    }

    private void failed(Throwable t) {
        busy.set(false);
        if (t instanceof AchievementRefusedException r && !r.problems().isEmpty()) {
            error.set(r.problems().stream().map(this::message).collect(Collectors.joining("\n")));
        } else {
            error.set(MessageFormat.format(text("achievements.failed"), t.getMessage() == null ? t.toString() : t.getMessage()));
        }
    }

    // ------------------------------------------------------------------ texts

    private String categoryLabel(String code) {
        try {
            return messages.getString("achievements.category." + code);
        } catch (MissingResourceException e) {
            return code;
        }
    }

    private String text(String k) {
        try {
            return messages.getString(k);
        } catch (MissingResourceException e) {
            return k;
        }
    }

    // ------------------------------------------------------------------ properties

    public ObservableList<Tenant> tenants() { return tenants; }
    public ObjectProperty<Tenant> tenantProperty() { return tenant; }
    public StringProperty searchProperty() { return search; }
    public ObservableList<Entry> entries() { return entries; }
    public ReadOnlyObjectProperty<Achievement> selectedProperty() { return selected.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Catalog> catalogProperty() { return catalog.getReadOnlyProperty(); }
    public StringProperty keyProperty() { return key; }
    public StringProperty nameProperty() { return name; }
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
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Change> lastChangeProperty() { return lastChange.getReadOnlyProperty(); }
    public ReadOnlyStringProperty undoTextProperty() { return undoText.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty activeProperty() { return active.getReadOnlyProperty(); }
    public ReadOnlyStringProperty activeToggleTextProperty() { return activeToggleText.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Preview> previewProperty() { return preview.getReadOnlyProperty(); }
    public ReadOnlyStringProperty previewTextProperty() { return previewText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty previewSampleProperty() { return previewSample.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty previewBusyProperty() { return previewBusy.getReadOnlyProperty(); }
    public ReadOnlyStringProperty iconAssetProperty() { return iconAsset.getReadOnlyProperty(); }
    public ReadOnlyStringProperty iconInitialsProperty() { return iconInitials.getReadOnlyProperty(); }
    public ReadOnlyStringProperty iconNoteProperty() { return iconNote.getReadOnlyProperty(); }
    public ReadOnlyStringProperty modulesTextProperty() { return modulesText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty awardsTextProperty() { return awardsText.getReadOnlyProperty(); }
    public ObservableList<MentorChoice> mentors() { return mentors; }
    public ObjectProperty<MentorChoice> awardToProperty() { return awardTo; }
    public ReadOnlyBooleanProperty manualAwardShownProperty() { return manualAwardShown.getReadOnlyProperty(); }
    public BooleanBinding canSaveProperty() { return canSave; }
    public BooleanBinding canReorderProperty() { return canReorder; }
    public BooleanBinding canAwardProperty() { return canAward; }
    public Actor actor() { return actor; }
}
