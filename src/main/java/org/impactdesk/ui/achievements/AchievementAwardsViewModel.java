package org.impactdesk.ui.achievements;

import java.util.concurrent.CancellationException;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.impactdesk.domain.Achievement;
import org.impactdesk.domain.AchievementDraft;
import org.impactdesk.domain.MentorChoice;
import org.impactdesk.domain.TriggerType;
import org.impactdesk.service.catalog.AchievementService.Catalog;
import org.impactdesk.service.catalog.AchievementService.Preview;
import org.impactdesk.ui.fx.Names;
import org.impactdesk.ui.fx.TaskRunner;

/**
 * The Achievements screen's awards: "who would earn this if saved now" for the form's draft,
 * computed off the FX thread (a newer request wins, and typing a name or description does not ask
 * again), how many hold the selected badge in the actor's scope, and manual awards of a manual badge
 * to a peer mentor in scope. Part of {@link AchievementsViewModel}.
 */
public final class AchievementAwardsViewModel {
    private final AchievementsViewModel screen;
    private final AchievementTexts texts;
    private final Names names;
    /** What the award picker shows for each mentor (by id): the name, told apart from the same name. */
    private java.util.Map<String, String> labels = java.util.Map.of();

    private final ReadOnlyObjectWrapper<Preview> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private final ReadOnlyStringWrapper previewText = new ReadOnlyStringWrapper(this, "previewText", "");
    private final ReadOnlyStringWrapper previewSample = new ReadOnlyStringWrapper(this, "previewSample", "");
    private final ReadOnlyBooleanWrapper previewBusy = new ReadOnlyBooleanWrapper(this, "previewBusy", false);
    private final ReadOnlyStringWrapper awardsText = new ReadOnlyStringWrapper(this, "awardsText", "");
    private final ObservableList<MentorChoice> mentors = FXCollections.observableArrayList();
    private final ObjectProperty<MentorChoice> awardTo = new SimpleObjectProperty<>(this, "awardTo");
    private final ReadOnlyBooleanWrapper manualAwardShown = new ReadOnlyBooleanWrapper(this, "manualAwardShown", false);
    private final BooleanBinding canAward;

    private long previewSequence;
    private String lastPreviewSignature = "";
    private TaskRunner.Handle previewHandle;

    AchievementAwardsViewModel(AchievementsViewModel screen) {
        this.screen = screen;
        this.texts = screen.texts();
        this.names = new Names(texts.messages());
        ReadOnlyBooleanProperty busy = screen.busyProperty();
        canAward = Bindings.createBooleanBinding(() -> manualAwardShown.get() && awardTo.get() != null && !busy.get(),
                manualAwardShown, awardTo, busy);
    }

    /** The selected stored badge: how many hold it in scope, and manual awards for an active manual badge. */
    void showHeld(Achievement badge) {
        Catalog c = screen.catalog();
        int held = c == null ? 0 : c.awardCounts().getOrDefault(badge.id(), 0);
        awardsText.set(texts.format("achievements.form.awards", held));
        manualAwardShown.set(badge.triggerType() == TriggerType.MANUAL && badge.active());
    }

    /** A draft not saved yet: nobody holds it, nothing to award by hand. */
    void showUnsaved() {
        awardsText.set(texts.text("achievements.form.notSaved"));
        manualAwardShown.set(false);
    }

    /** The form changed: asks again only when what the preview depends on changed. */
    void draftChanged() {
        if (!previewSignature(screen.form().draft()).equals(lastPreviewSignature)) {
            refreshPreview();
        }
    }

    /** What the preview depends on: the trigger, its window, the gate, the owner and whether the draft is valid. */
    private String previewSignature(AchievementDraft d) {
        return String.join("|", String.valueOf(d.id()), String.valueOf(d.organizationId()), d.triggerType(),
                d.threshold(), d.metadata(), String.valueOf(d.repeatable()), d.repeatPeriod(), d.requiresModule(),
                String.valueOf(d.active()), String.valueOf(screen.form().hasErrorsProperty().get()));
    }

    /** Recomputes "who would earn this if saved now" off the FX thread; a newer request wins. */
    public void refreshPreview() {
        Catalog c = screen.catalog();
        if (c == null || !screen.form().editingProperty().get()) {
            return;
        }
        AchievementDraft d = screen.form().draft();
        lastPreviewSignature = previewSignature(d);
        long seq = ++previewSequence;
        if (previewHandle != null) {
            previewHandle.cancel();
        }
        previewBusy.set(true);
        previewText.set(texts.text("achievements.preview.computing"));
        previewSample.set("");
        previewHandle = screen.tasks().run("achievement-preview", p -> screen.service().preview(screen.actor(), d, c, names.order()),
                TaskRunner.Callbacks.of(result -> {
                    if (seq != previewSequence) {
                        return;
                    }
                    previewBusy.set(false);
                    preview.set(result);
                    previewText.set(previewText(result));
                    previewSample.set(result.sample().isEmpty() ? "" : texts.format("achievements.preview.sample",
                            String.join(", ", result.sample().stream().sorted(names.order()).toList())
                                    + (result.earners() > result.sample().size() ? ", …" : "")));
                }, t -> {
                    if (seq == previewSequence) {
                        previewBusy.set(false);
                        if (!(t instanceof CancellationException)) {
                            previewText.set(texts.format("achievements.preview.failed", t.getMessage()));
                        }
                    }
                }));
    }

    private String previewText(Preview p) {
        return switch (p.status()) {
            case INVALID -> texts.text("achievements.preview.invalid");
            case INACTIVE -> texts.text("achievements.preview.inactive");
            case MANUAL -> texts.text("achievements.preview.manual");
            case COMPUTED -> {
                String s = texts.format("achievements.preview.result", p.earners(), p.mentorsInScope());
                if (p.alreadyHolding() > 0) {
                    s += " " + texts.format("achievements.preview.holding", p.alreadyHolding(), p.newAwards());
                }
                if (!p.gatedOrganizations().isEmpty()) {
                    s += " " + texts.format("achievements.preview.gated", String.join(", ", p.gatedOrganizations()));
                }
                yield s;
            }
        };
    }

    /** Awards the selected manual badge to the chosen peer mentor. */
    public void award() {
        Achievement b = screen.list().selectedProperty().get();
        MentorChoice m = awardTo.get();
        if (b == null || m == null || !canAward.get()) {
            return;
        }
        screen.change("achievement-award", p -> screen.service().awardManually(screen.actor(), b.id(), m.userId()), change -> {
            screen.remember(change);
            screen.say(texts.format("achievements.awardedTo", b.name(), label(m)));
            screen.reload(b.id());
        });
    }

    /** The award picker's people in the reader's name order, with their labels: made on a worker. */
    record MentorList(java.util.List<MentorChoice> sorted, java.util.Map<String, String> labels) {
    }

    /** Sorts {@code list} by name in the reader's language and labels namesakes apart; runs on a worker. */
    MentorList prepareMentors(java.util.List<MentorChoice> list) {
        java.util.List<MentorChoice> sorted = names.sorted(list, MentorChoice::displayName, MentorChoice::peerMentorId);
        return new MentorList(sorted, names.labels(sorted, MentorChoice::displayName, MentorChoice::associationName,
                MentorChoice::peerMentorId));
    }

    /** The peer mentors in scope for manual awards: sorted in the chosen language, same names told apart. */
    void setMentors(MentorList list) {
        labels = list.labels();
        MentorChoice keep = awardTo.get();
        mentors.setAll(list.sorted());
        if (keep != null) {
            awardTo.set(list.sorted().stream().filter(m -> m.peerMentorId().equals(keep.peerMentorId())).findFirst()
                    .orElse(null));
        }
    }

    /** What the award picker shows: the name, and where another has the same name, their association or id. */
    public String label(MentorChoice m) {
        return m == null ? "" : labels.getOrDefault(m.peerMentorId(), m.displayName());
    }

    public java.util.Locale locale() {
        return texts.locale();
    }

    /** The award picker's tooltip: typing a name jumps to it. */
    public String typeAheadHint() {
        return texts.text("names.typeAhead");
    }

    // ------------------------------------------------------------------ properties

    public ReadOnlyObjectProperty<Preview> previewProperty() { return preview.getReadOnlyProperty(); }
    public ReadOnlyStringProperty previewTextProperty() { return previewText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty previewSampleProperty() { return previewSample.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty previewBusyProperty() { return previewBusy.getReadOnlyProperty(); }
    public ReadOnlyStringProperty awardsTextProperty() { return awardsText.getReadOnlyProperty(); }
    public ObservableList<MentorChoice> mentors() { return mentors; }
    public ObjectProperty<MentorChoice> awardToProperty() { return awardTo; }
    public ReadOnlyBooleanProperty manualAwardShownProperty() { return manualAwardShown.getReadOnlyProperty(); }
    public BooleanBinding canAwardProperty() { return canAward; }
}
