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
 *
 * <p>An org admin's list is their organisation's. A global admin (or the local operator)
 * administers every organisation: they pick one of the organisations with a Wrapped of the year
 * (the first with some still to review, unless they picked one before), and the list, its counts,
 * its releases and its e-mail queue are that organisation's.
 */
public final class ReleaseListViewModel {

    /** One summary in the list, as shown. */
    public record Row(String peerMentorId, String name, String status, ReleaseLine.State state, String stateText,
                      String reason) {
    }

    /** An organisation in a global admin's picker: its id, name, and how many of its ready Wrapped wait for a release. */
    public record OrgChoice(String id, String name, long toReview, String label) {
        @Override
        public String toString() {
            return label;
        }
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
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper(this, "placeholder", "");
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(this, "heading", "");
    private final ObservableList<OrgChoice> organizations = FXCollections.observableArrayList();
    private final ObjectProperty<OrgChoice> organization = new SimpleObjectProperty<>(this, "organization");
    /** The year's lines of every organisation in scope (a global admin's list shows the chosen one's). */
    private List<ReleaseLine> all = List.of();
    /** True while the ViewModel itself sets the picker (a new year's list), not the admin. */
    private boolean choosing;
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
        placeholder.set(messages.getString("shell.table.empty"));
        organization.addListener((obs, old, now) -> {
            if (!choosing && now != null && (old == null || !old.id().equals(now.id()))) {
                showOrganization(now.id());
            }
        });
    }

    /** Whether the list belongs to an organisation the actor picks (a global admin) rather than to their own. */
    public boolean choosesOrganization() {
        return actor.isGlobalAdmin();
    }

    /** Reads the year's list and the queue (admins; others see nothing). */
    public void load(Integer year) {
        this.year = year;
        if (year == null || !actor.isAdmin()) {
            rows.clear();
            heading.set("");
            return;
        }
        busy.set(true);
        long seq = ++loads;
        // a global admin keeps the organisation they look at while its list is read again (after a
        // release, a preview); a new year picks again where none of its lines is that organisation's
        String keep = organization.get() == null ? null : organization.get().id();
        record Loaded(int year, List<ReleaseLine> lines, String organizationId, DeliveryService.Status status) {
        }
        tasks.run("release-list", p -> {
            int shown = year;
            List<ReleaseLine> lines = releases.lines(year, null, actor);
            if (lines.isEmpty()) {
                // the previewer shows a year without Wrapped (the open year): the latest earlier one with
                // some is what waits for review, said as such in the heading
                Integer earlier = releases.years(actor).stream().filter(y -> y < year).findFirst().orElse(null);
                if (earlier != null) {
                    shown = earlier;
                    lines = releases.lines(earlier, null, actor);
                }
            }
            String org = choosesOrganization() ? pick(lines, keep) : actor.organizationId();
            return new Loaded(shown, lines, org, org == null ? null : delivery.status(org, actor));
        }, TaskRunner.Callbacks.of(l -> {
            if (seq != loads) {
                return; // a later load (a preview just marked, a release) is on its way: this one is stale
            }
            busy.set(false);
            this.year = l.year();
            heading.set(l.year() == year ? fmt("wrapped.release.year", year)
                    : fmt("wrapped.release.yearInstead", l.year(), year));
            all = l.lines();
            if (choosesOrganization()) {
                choose(l.organizationId());
            }
            show(l.organizationId(), l.status());
        }, this::failed));
    }

    /**
     * The organisation a global admin's list opens on: the one they looked at when it still has a
     * Wrapped of the year, else the first (by name) with a ready Wrapped still to review, else the
     * first; null when the year has none.
     */
    private String pick(List<ReleaseLine> lines, String keep) {
        if (keep != null && lines.stream().anyMatch(l -> keep.equals(l.organizationId()))) {
            return keep;
        }
        List<OrgChoice> choices = choices(lines);
        return choices.stream().filter(c -> c.toReview() > 0).findFirst().or(() -> choices.stream().findFirst())
                .map(OrgChoice::id).orElse(null);
    }

    /** The organisations with a Wrapped of the year, by name in the chosen language's order. */
    private List<OrgChoice> choices(List<ReleaseLine> lines) {
        java.util.Map<String, List<ReleaseLine>> byOrg = new java.util.LinkedHashMap<>();
        for (ReleaseLine l : lines) {
            byOrg.computeIfAbsent(l.organizationId(), k -> new java.util.ArrayList<>()).add(l);
        }
        java.text.Collator order = Names.collator(locale);
        return byOrg.values().stream().map(ls -> {
            ReleaseLine first = ls.get(0);
            String name = first.organizationName() == null ? first.organizationId() : first.organizationName();
            long toReview = ls.stream().filter(ReleaseLine::toReview).count();
            return new OrgChoice(first.organizationId(), name, toReview, fmt("wrapped.release.org.choice", name, toReview));
        }).sorted(java.util.Comparator.comparing(OrgChoice::name, order).thenComparing(OrgChoice::id)).toList();
    }

    private void choose(String organizationId) {
        choosing = true;
        try {
            List<OrgChoice> choices = choices(all);
            organizations.setAll(choices);
            organization.set(choices.stream().filter(c -> c.id().equals(organizationId)).findFirst().orElse(null));
        } finally {
            choosing = false;
        }
    }

    /** A global admin picked another organisation: its lines at once, its e-mail queue when read. */
    private void showOrganization(String organizationId) {
        long seq = ++loads;
        show(organizationId, null);
        busy.set(true);
        tasks.run("release-queue", p -> delivery.status(organizationId, actor), TaskRunner.Callbacks.of(status -> {
            if (seq != loads) {
                return;
            }
            busy.set(false);
            show(organizationId, status);
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
        // a global admin releases in the organisation shown, never in every organisation at once
        String org = choosesOrganization() ? shownOrganization() : null;
        if (choosesOrganization() && org == null) {
            say(fmt("wrapped.release.none", y));
            return;
        }
        busy.set(true);
        tasks.run("release", p -> releases.release(y, org, selection, peerMentorId, actor),
                TaskRunner.Callbacks.of(o -> {
                    say(fmt("wrapped.release.done", o.released(), o.notificationsSent()));
                    load(y);
                }, this::failed));
    }

    private String shownOrganization() {
        return organization.get() == null ? null : organization.get().id();
    }

    /** Shows the lines of the organisation (all lines when null: an org admin's scope is theirs already). */
    private void show(String organizationId, DeliveryService.Status status) {
        List<ReleaseLine> lines = !choosesOrganization() ? all
                : all.stream().filter(l -> l.organizationId().equals(organizationId)).toList();
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
        placeholder.set(fmt("wrapped.release.none", year));
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

    /** Which year's Wrapped the list shows (and releases): the previewer's, or the latest earlier one with some. */
    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    /** A global admin's organisations with a Wrapped of the year (empty for anyone else). */
    public ObservableList<OrgChoice> organizations() {
        return organizations;
    }

    /** The organisation whose list a global admin sees. */
    public ObjectProperty<OrgChoice> organizationProperty() {
        return organization;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
