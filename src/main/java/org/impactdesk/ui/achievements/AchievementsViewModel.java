package org.impactdesk.ui.achievements;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.Achievement;
import org.impactdesk.domain.MentorChoice;
import org.impactdesk.service.catalog.AchievementRefusedException;
import org.impactdesk.service.catalog.AchievementService.Catalog;
import org.impactdesk.service.catalog.AchievementService.Change;
import org.impactdesk.service.catalog.AchievementService;
import org.impactdesk.ui.fx.DialogService;
import org.impactdesk.ui.fx.TaskRunner;

/**
 * The Achievements screen's state, in three parts that share one catalog: the {@link #list()}
 * (tenants, the catalog grouped by category with search, selection and reordering), the
 * {@link #form()} (the edit form with live validation, create, duplicate, save,
 * deactivate/reactivate, the icon and the modules a badge needs) and the {@link #awards()} (who
 * would earn the badge if saved now, who holds it, manual awards). This class loads the catalog,
 * runs the changes off the FX thread through the {@link TaskRunner}, and keeps what they share:
 * busy, the status and error lines, the one-step undo, and the {@link DialogService} that asks
 * before a save hands out awards. Talks only to the
 * {@link AchievementService}, on behalf of the signed-in {@link Actor}.
 */
public final class AchievementsViewModel {
    private final AchievementService service;
    private final Actor actor;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final AchievementTexts texts;

    private final ReadOnlyObjectWrapper<Catalog> catalog = new ReadOnlyObjectWrapper<>(this, "catalog");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyObjectWrapper<Change> lastChange = new ReadOnlyObjectWrapper<>(this, "lastChange");
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper(this, "undoText", "");

    private final AchievementListViewModel list;
    private final AchievementFormViewModel form;
    private final AchievementAwardsViewModel awards;

    public AchievementsViewModel(AchievementService service, Actor actor, TaskRunner tasks, DialogService dialogs,
                                 ResourceBundle messages) {
        this.service = service;
        this.actor = actor;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.texts = new AchievementTexts(messages);
        this.form = new AchievementFormViewModel(this);
        this.list = new AchievementListViewModel(this); // binds to the form's read-only state
        this.awards = new AchievementAwardsViewModel(this);
    }

    /** Loads the tenants, the catalog and the people in scope, then selects the first badge. */
    public void load() {
        // the award picker's people (thousands for an org admin, sorted by name on the worker) are
        // read beside the catalog: the first badge and its preview wait for the catalog only; a badge
        // saved or a tenant chosen changes none of them, so only a first show or a refresh reads them
        tasks.run("achievement-mentors", p -> awards.prepareMentors(service.mentorsInScope(actor)),
                TaskRunner.Callbacks.of(awards::setMentors, this::failed));
        reload(null); // the first catalog also fills the tenant choice: one read of the catalog, not two
    }

    /** Reloads the catalog of the chosen tenant and selects {@code select} (or the one selected, or the first badge). */
    void reload(UUID select) {
        busy.set(true);
        String org = tenantOrganization();
        tasks.run("achievement-catalog", p -> service.catalog(actor, org),
                TaskRunner.Callbacks.of(loaded -> {
                    busy.set(false);
                    catalog.set(loaded);
                    if (list.tenants().isEmpty()) {
                        list.fillTenants(loaded);
                    }
                    list.rebuildEntries();
                    Achievement target = select == null ? null : loaded.badge(select).orElse(null);
                    Achievement shown = list.selectedProperty().get();
                    if (target == null && select == null && shown != null) {
                        target = loaded.badge(shown.id()).orElse(null);
                    }
                    if (target == null) {
                        target = list.firstBadge();
                    }
                    if (target != null) {
                        list.select(target);
                    } else {
                        form.newBadge();
                    }
                }, this::failed));
    }

    /** The organisation whose catalog is shown: the chosen tenant's, else the actor's own (null = platform). */
    String tenantOrganization() {
        AchievementListViewModel.Tenant t = list.tenantProperty().get();
        if (t != null) {
            return t.organizationId();
        }
        return actor.isGlobalAdmin() ? null : actor.organizationId();
    }

    /**
     * Runs a change off the FX thread with the screen busy; {@code done} gets its result on the FX
     * thread, a failure shows in the error line.
     */
    <T> void change(String name, TaskRunner.Work<T> work, Consumer<T> done) {
        busy.set(true);
        tasks.run(name, work, TaskRunner.Callbacks.of(result -> {
            busy.set(false);
            done.accept(result);
        }, this::failed));
    }

    /** Undoes the last change (one step). */
    public void undo() {
        Change last = lastChange.get();
        if (last == null) {
            return;
        }
        Achievement selected = list.selectedProperty().get();
        UUID keep = selected == null ? null : selected.id();
        change("achievement-undo", p -> {
            service.undo(actor, last);
            return last;
        }, done -> {
            lastChange.set(null);
            undoText.set("");
            status.set(texts.format("achievements.undone", undoLabel(done)));
            reload(done.deleteBadge() != null && Objects.equals(done.deleteBadge(), keep) ? null : keep);
        });
    }

    /** Keeps {@code change} as the one that Undo takes back, and says so. */
    void remember(Change change) {
        lastChange.set(change);
        undoText.set(change == null ? "" : texts.format("achievements.undo.of", undoLabel(change)));
        error.set("");
    }

    private String undoLabel(Change c) {
        return texts.format("achievements.change." + c.kind().name().toLowerCase(Locale.ROOT), c.badgeKey());
    }

    /** A change that went through, said in the status line. */
    void say(String statusText) {
        status.set(statusText);
    }

    void clearError() {
        error.set("");
    }

    void failed(Throwable t) {
        busy.set(false);
        if (t instanceof AchievementRefusedException r && !r.problems().isEmpty()) {
            error.set(r.problems().stream().map(texts::problem).collect(Collectors.joining("\n")));
        } else {
            error.set(texts.format("achievements.failed", t.getMessage() == null ? t.toString() : t.getMessage()));
        }
    }

    AchievementService service() { return service; }
    TaskRunner tasks() { return tasks; }
    DialogService dialogs() { return dialogs; }
    AchievementTexts texts() { return texts; }
    Catalog catalog() { return catalog.get(); }

    // ------------------------------------------------------------------ parts and properties

    /** Tenants, the catalog list, search, selection and reordering. */
    public AchievementListViewModel list() { return list; }
    /** The edit form of the selected or new badge. */
    public AchievementFormViewModel form() { return form; }
    /** Who would earn the badge, who holds it, manual awards. */
    public AchievementAwardsViewModel awards() { return awards; }

    public ReadOnlyObjectProperty<Catalog> catalogProperty() { return catalog.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Change> lastChangeProperty() { return lastChange.getReadOnlyProperty(); }
    public ReadOnlyStringProperty undoTextProperty() { return undoText.getReadOnlyProperty(); }
    public Actor actor() { return actor; }
}
