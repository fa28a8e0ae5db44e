package org.impactdesk.ui.achievements;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.Achievement;
import org.impactdesk.domain.Category;
import org.impactdesk.service.catalog.AchievementService.Catalog;
import org.impactdesk.service.catalog.AchievementService;

/**
 * The Achievements screen's list: whose catalog is shown (the tenant), the catalog grouped by
 * category in display order with search, the selected badge, and reordering within a category
 * (Alt+Up/Down and drag and drop). Part of {@link AchievementsViewModel}, which loads the catalog.
 */
public final class AchievementListViewModel {

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

    private final AchievementsViewModel screen;
    private final Actor actor;
    private final AchievementTexts texts;
    private final Locale locale;

    private final ObservableList<Tenant> tenants = FXCollections.observableArrayList();
    private final ObjectProperty<Tenant> tenant = new SimpleObjectProperty<>(this, "tenant");
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Achievement> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final BooleanBinding canReorder;
    private boolean fillingTenants;

    AchievementListViewModel(AchievementsViewModel screen) {
        this.screen = screen;
        this.actor = screen.actor();
        this.texts = screen.texts();
        this.locale = texts.locale();
        var readOnly = screen.form().readOnlyProperty();
        canReorder = Bindings.createBooleanBinding(() -> selected.get() != null && !readOnly.get()
                && !screen.busyProperty().get() && search.get().isBlank(), selected, readOnly, screen.busyProperty(), search);
        search.addListener((obs, old, now) -> rebuildEntries());
        tenant.addListener((obs, old, now) -> {
            if (!fillingTenants && now != null && !Objects.equals(old, now)) {
                screen.reload(null);
            }
        });
    }

    /**
     * Fills the tenant choice from the first catalog loaded (it lists the organisations in scope):
     * a global admin picks the platform alone or an organisation; others see their own.
     */
    void fillTenants(Catalog c) {
        List<Tenant> list = new ArrayList<>();
        if (actor.isGlobalAdmin()) {
            list.add(new Tenant(null, texts.text("achievements.tenant.platform")));
        }
        for (AchievementService.Organization o : c.organizations()) {
            list.add(new Tenant(o.id(), actor.isGlobalAdmin()
                    ? texts.format("achievements.tenant.organization", o.name()) : o.name()));
        }
        fillingTenants = true;
        try {
            tenants.setAll(list);
            tenant.set(list.isEmpty() ? null : list.get(0));
        } finally {
            fillingTenants = false;
        }
    }

    /** Groups the loaded catalog by category (known categories in their order, then any other stored ones), filtered by the search. */
    void rebuildEntries() {
        Catalog c = screen.catalog();
        if (c == null) {
            entries.clear();
            return;
        }
        String q = search.get() == null ? "" : search.get().trim().toLowerCase(locale);
        Map<String, List<Achievement>> byCategory = new LinkedHashMap<>();
        for (Category cat : Category.values()) {
            byCategory.put(cat.code(), new ArrayList<>());
        }
        for (Achievement b : c.badges()) {
            byCategory.computeIfAbsent(b.category(), k -> new ArrayList<>()).add(b);
        }
        List<Entry> out = new ArrayList<>();
        for (Map.Entry<String, List<Achievement>> e : byCategory.entrySet()) {
            List<Achievement> shown = e.getValue().stream().filter(b -> matches(b, q))
                    .sorted(AchievementService.DISPLAY_ORDER).toList();
            if (shown.isEmpty()) {
                continue;
            }
            out.add(new Entry(e.getKey(), texts.category(e.getKey()) + " (" + shown.size() + ")", null, "", false));
            for (Achievement b : shown) {
                out.add(new Entry(e.getKey(), texts.badgeName(b), b, detail(b, c), screen.service().editRefusal(actor, b).isEmpty()));
            }
        }
        entries.setAll(out);
    }

    /** The first badge the list shows, or null. */
    Achievement firstBadge() {
        return entries.stream().filter(e -> !e.isHeader()).map(Entry::badge).findFirst().orElse(null);
    }

    private boolean matches(Achievement b, String q) {
        if (q.isEmpty()) {
            return true;
        }
        return b.key().toLowerCase(locale).contains(q) || b.name().toLowerCase(locale).contains(q)
                || texts.badgeName(b).toLowerCase(locale).contains(q)
                || b.description().toLowerCase(locale).contains(q)
                || texts.trigger(b.triggerType().code()).toLowerCase(locale).contains(q)
                || (b.requiresModule() != null && b.requiresModule().toLowerCase(locale).contains(q));
    }

    private String detail(Achievement b, Catalog c) {
        List<String> parts = new ArrayList<>();
        parts.add(b.key());
        parts.add(triggerSummary(b));
        parts.add(texts.format("achievements.list.points", b.points()));
        if (b.isPlatform()) {
            parts.add(texts.text("achievements.list.platform"));
        }
        if (!b.active()) {
            parts.add(texts.text("achievements.list.inactive"));
        }
        if (b.requiresModule() != null) {
            parts.add(texts.format("achievements.list.module", b.requiresModule()));
        }
        int held = c.awardCounts().getOrDefault(b.id(), 0);
        if (held > 0) {
            parts.add(texts.format("achievements.list.awarded", held));
        }
        return String.join(" · ", parts);
    }

    private String triggerSummary(Achievement b) {
        String t = texts.trigger(b.triggerType().code());
        if (b.threshold() != null) {
            t += " " + b.threshold();
        }
        if (b.metadata().activityType() != null) {
            t += " (" + b.metadata().activityType() + ")";
        }
        if (b.repeatable() && b.repeatPeriod() != null) {
            t += ", " + texts.text("achievements.repeat." + b.repeatPeriod().code()).toLowerCase(locale);
        }
        return t;
    }

    // ------------------------------------------------------------------ selection

    /** Shows a badge in the form (read-only with the reason when the actor may not change it). */
    public void select(Achievement badge) {
        if (badge == null) {
            return;
        }
        selected.set(badge);
        screen.awards().showHeld(badge);
        screen.form().show(badge);
    }

    /** Selects the badge with this id (after a reload, or from a test). */
    public void select(UUID id) {
        Catalog c = screen.catalog();
        if (c != null) {
            c.badge(id).ifPresent(this::select);
        }
    }

    /** No badge selected: the form holds a new draft. */
    void clearSelection() {
        selected.set(null);
    }

    // ------------------------------------------------------------------ reordering

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
        moveTo(b.id(), categoryIndex(b) + delta);
    }

    /** The position of a badge within its category as the (unfiltered) catalog shows it. */
    public int categoryIndex(Achievement b) {
        return categoryList(b.category()).indexOf(b);
    }

    private List<Achievement> categoryList(String cat) {
        Catalog c = screen.catalog();
        return c == null ? List.of() : c.badges().stream().filter(x -> x.category().equals(cat))
                .sorted(AchievementService.DISPLAY_ORDER).toList();
    }

    /** Moves a badge to {@code targetIndex} within its category (drag and drop). */
    public void moveTo(UUID id, int targetIndex) {
        Catalog c = screen.catalog();
        Achievement b = c == null ? null : c.badge(id).orElse(null);
        if (b == null) {
            return;
        }
        int size = categoryList(b.category()).size();
        if (targetIndex < 0 || targetIndex >= size || targetIndex == categoryIndex(b)) {
            return;
        }
        String org = c.tenantOrganizationId();
        screen.change("achievement-move", p -> screen.service().move(actor, org, id, targetIndex), change -> {
            if (change != null) {
                screen.remember(change);
                screen.say(texts.format("achievements.moved", b.name(), targetIndex + 1));
            }
            screen.reload(id);
        });
    }

    /** Whether {@code dragged} may be dropped at {@code target}'s place: the same category and editable. */
    public boolean canDrop(Achievement dragged, Achievement target) {
        return dragged != null && target != null && !dragged.id().equals(target.id())
                && dragged.category().equals(target.category())
                && screen.service().editRefusal(actor, dragged).isEmpty() && search.get().isBlank();
    }

    // ------------------------------------------------------------------ properties

    public ObservableList<Tenant> tenants() { return tenants; }
    public ObjectProperty<Tenant> tenantProperty() { return tenant; }
    public StringProperty searchProperty() { return search; }
    public ObservableList<Entry> entries() { return entries; }
    public ReadOnlyObjectProperty<Achievement> selectedProperty() { return selected.getReadOnlyProperty(); }
    public BooleanBinding canReorderProperty() { return canReorder; }
}
