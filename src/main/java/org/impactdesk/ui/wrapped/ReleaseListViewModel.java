package org.impactdesk.ui.wrapped;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.BundleText;
import org.impactdesk.domain.ReleaseLine;
import org.impactdesk.service.delivery.DeliveryService;
import org.impactdesk.service.release.ReleaseService;
import org.impactdesk.ui.delivery.QueueText;
import org.impactdesk.ui.fx.Names;
import org.impactdesk.ui.fx.TaskRunner;

/**
 * The Wrapped previewer's release list (issue 19): the year's summaries by state (waiting,
 * previewed, held back, released) with counts, releasing one, the previewed ones or all, holding
 * one back with a reason, and the e-mail queue (how many wait and why).
 */
public final class ReleaseListViewModel {

    /** One summary in the list, as shown. */
    public record Row(String peerMentorId, String name, String status, ReleaseLine.State state, String stateText,
                      String reason) {
    }

    private final ReleaseService releases;
    private final DeliveryService delivery;
    private final Actor actor;
    private final TaskRunner tasks;
    private final ResourceBundle messages;
    private final Locale locale;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObjectProperty<Row> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty holdReason = new SimpleStringProperty(this, "holdReason", "");
    private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper(this, "counts", "");
    private final ReadOnlyStringWrapper queue = new ReadOnlyStringWrapper(this, "queue", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private Integer year;
    /** The number of the latest load: only its result is shown (loads overlap while previews and releases land). */
    private long loads;

    public ReleaseListViewModel(ReleaseService releases, DeliveryService delivery, Actor actor, TaskRunner tasks,
                                ResourceBundle messages, Locale locale) {
        this.releases = releases;
        this.delivery = delivery;
        this.actor = actor;
        this.tasks = tasks;
        this.messages = messages;
        this.locale = locale;
    }

    /** Reads the year's list and the queue (admins; others see nothing). */
    public void load(Integer year) {
        this.year = year;
        if (year == null || !actor.isAdmin()) {
            rows.clear();
            return;
        }
        busy.set(true);
        long seq = ++loads;
        record Loaded(List<ReleaseLine> lines, DeliveryService.Status status) {
        }
        tasks.run("release-list", p -> new Loaded(releases.lines(year, null, actor),
                actor.organizationId() == null ? null : delivery.status(actor.organizationId(), actor)),
                TaskRunner.Callbacks.of(l -> {
                    if (seq != loads) {
                        return; // a later load (a preview just marked, a release) is on its way: this one is stale
                    }
                    busy.set(false);
                    show(l.lines(), l.status());
                }, this::failed));
    }

    public void releasePreviewed() {
        release(ReleaseService.Selection.PREVIEWED, null);
    }

    public void releaseAll() {
        release(ReleaseService.Selection.ALL, null);
    }

    public void releaseSelected() {
        Row r = selected.get();
        if (r == null) {
            say(messages.getString("wrapped.release.pickOne"));
            return;
        }
        release(ReleaseService.Selection.MENTOR, r.peerMentorId());
    }

    public void holdSelected() {
        Row r = selected.get();
        if (r == null) {
            say(messages.getString("wrapped.release.pickOne"));
            return;
        }
        String reason = holdReason.get() == null ? "" : holdReason.get().strip();
        if (reason.isEmpty()) {
            say(messages.getString("wrapped.release.reasonNeeded"));
            return;
        }
        int y = year;
        busy.set(true);
        tasks.run("release-hold", p -> {
            releases.hold(r.peerMentorId(), y, reason, actor);
            return r;
        }, TaskRunner.Callbacks.of(done -> {
            holdReason.set("");
            say(fmt("wrapped.release.heldDone", done.name()));
            load(y);
        }, this::failed));
    }

    private void release(ReleaseService.Selection selection, String peerMentorId) {
        if (year == null) {
            return;
        }
        int y = year;
        busy.set(true);
        tasks.run("release", p -> releases.release(y, null, selection, peerMentorId, actor),
                TaskRunner.Callbacks.of(o -> {
                    say(fmt("wrapped.release.done", o.released(), o.notificationsSent()));
                    load(y);
                }, this::failed));
    }

    private void show(List<ReleaseLine> lines, DeliveryService.Status status) {
        // names in the chosen language's order; two mentors of the same name told apart by id
        Names names = new Names(messages);
        java.util.Map<String, String> shown = names.labels(lines, ReleaseLine::displayName, l -> null,
                ReleaseLine::peerMentorId);
        rows.setAll(names.sorted(lines, ReleaseLine::displayName, ReleaseLine::peerMentorId).stream()
                .map(l -> new Row(l.peerMentorId(), shown.get(l.peerMentorId()), l.status(), l.state(),
                        messages.getString("wrapped.release.state." + l.state().json()),
                        l.heldReason() == null ? "" : l.heldReason()))
                .toList());
        long ready = lines.stream().filter(ReleaseLine::ready).count();
        long previewed = lines.stream().filter(l -> l.ready() && l.previewedAt() != null).count();
        long released = lines.stream().filter(l -> l.ready() && l.state() == ReleaseLine.State.RELEASED).count();
        long held = lines.stream().filter(l -> l.state() == ReleaseLine.State.HELD).count();
        counts.set(fmt("wrapped.release.counts", previewed, ready, released, held));
        queue.set(status == null ? "" : QueueText.describe(status, messages, locale, false));
    }

    private void failed(Throwable t) {
        busy.set(false);
        say(t.getMessage() == null ? t.toString() : t.getMessage());
    }

    private void say(String text) {
        message.set(text);
    }

    private String fmt(String key, Object... args) {
        return BundleText.format(messages, locale, key, args);
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObjectProperty<Row> selectedProperty() {
        return selected;
    }

    public StringProperty holdReasonProperty() {
        return holdReason;
    }

    public ReadOnlyStringProperty countsProperty() {
        return counts.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty queueProperty() {
        return queue.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
