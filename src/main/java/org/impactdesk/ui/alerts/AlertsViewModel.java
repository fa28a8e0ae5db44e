package org.impactdesk.ui.alerts;

import java.time.ZoneId;
import java.util.List;
import java.util.ResourceBundle;
import java.util.UUID;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.BundleText;
import org.impactdesk.domain.GenerationFailure;
import org.impactdesk.domain.PeriodNames;
import org.impactdesk.service.alerts.AlertService;
import org.impactdesk.ui.fx.Formats;
import org.impactdesk.ui.fx.TaskRunner;

/**
 * The admin's list of failed summary generations (issue 14 item 3): the open alerts, then the
 * failures waiting for an automatic retry, each with mentor, period, error, attempts and next
 * retry; "retry now" per row and for all, and closing an alert. Loads and actions run on a
 * worker through {@link AlertService}; the list reloads after each action.
 */
public final class AlertsViewModel {

    /** A row as shown: the failure and its texts in the chosen language. */
    public record Row(GenerationFailure failure, String state, String mentor, String period, String summary,
                      String error, String attempts, String nextRetry) {
        /** Only an open alert can be closed; a failure still being retried has none yet. */
        public boolean closable() {
            return failure.alertId() != null;
        }

        /** An alert raised before alerts named their summary has nothing to retry. */
        public boolean retryable() {
            return failure.summaryId() != null;
        }
    }

    private final AlertService service;
    private final Actor actor;
    private final TaskRunner tasks;
    private final ResourceBundle messages;
    private final Formats formats;
    private final ZoneId zone;

    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final BooleanBinding canRetryAll;
    /** The row chosen in the list; its whole error is said below the list (the column may cut it). */
    private final ObjectProperty<Row> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper(this, "detail", "");
    private long sequence;

    public AlertsViewModel(AlertService service, Actor actor, TaskRunner tasks, ResourceBundle messages, Formats formats,
                           ZoneId zone) {
        this.service = service;
        this.actor = actor;
        this.tasks = tasks;
        this.messages = messages;
        this.formats = formats;
        this.zone = zone;
        this.canRetryAll = Bindings.createBooleanBinding(
                () -> !busy.get() && rows.stream().anyMatch(Row::retryable), busy, rows);
        selected.addListener((obs, old, now) -> detail.set(detail(now)));
        rows.addListener((javafx.collections.ListChangeListener<Row>) c -> detail.set(detail(selected.get())));
        detail.set(detail(null));
    }

    /** "Mira Eksempel (pm-1), Annual (Wrapped) 2025: IllegalStateException: disk on fire. Next retry: ..." */
    String detail(Row row) {
        if (row == null || !rows.contains(row)) {
            return rows.isEmpty() ? "" : messages.getString("alerts.detail.none");
        }
        return fmt("alerts.detail", row.mentor(), row.summary(), row.period(),
                row.error().isEmpty() ? "–" : row.error(), row.nextRetry());
    }

    /** What a screen reader says for the row's Retry button (the button itself says "Retry"). */
    public String retryText(Row row) {
        return fmt("alerts.retry.row", row.mentor(), row.summary(), row.period());
    }

    /** What a screen reader says for the row's Close button. */
    public String closeText(Row row) {
        return fmt("alerts.close.row", row.mentor(), row.summary(), row.period());
    }

    /** Reads the failures in the admin's scope. */
    public void load() {
        long seq = ++sequence;
        busy.set(true);
        tasks.run("alerts-load", p -> service.failures(actor), TaskRunner.Callbacks.of(list -> {
            if (seq == sequence) {
                busy.set(false);
                present(list);
            }
        }, this::failed));
    }

    private void present(List<GenerationFailure> list) {
        rows.setAll(list.stream().map(this::row).toList());
        long alerts = list.stream().filter(f -> f.state() == GenerationFailure.State.ALERT).count();
        note.set(list.isEmpty() ? messages.getString("alerts.note.none")
                : fmt("alerts.note", formats.integer(alerts), formats.integer(list.size() - alerts)));
    }

    Row row(GenerationFailure f) {
        String state = messages.getString(f.state() == GenerationFailure.State.ALERT ? "alerts.state.alert"
                : "alerts.state.retrying");
        String mentor = f.peerMentorId() == null ? "–"
                : fmt("alerts.mentor", f.mentorName() == null ? f.peerMentorId() : f.mentorName(), f.peerMentorId());
        String summary = f.summaryKind() == null ? "–" : messages.getString("alerts.summary." + f.summaryKind());
        String next = f.nextRetryAt() == null ? messages.getString("alerts.nextRetry.none")
                : formats.dateTime(f.nextRetryAt(), zone);
        return new Row(f, state, mentor, periodName(f.period()), summary, f.error() == null ? "" : f.error(),
                formats.integer(f.attempts()), next);
    }

    /** "2025", "H1 2025" / "1. halvår 2025", "Q3 2025" / "3. kvartal 2025". */
    String periodName(String period) {
        return period == null ? "–" : PeriodNames.shown(period, messages);
    }

    /** Retries the row's summary now. */
    public void retry(Row row) {
        if (row.retryable()) {
            retry(row.failure().summaryId());
        }
    }

    /** Retries every failed summary in scope now. */
    public void retryAll() {
        retry((UUID) null);
    }

    private void retry(UUID summaryId) {
        busy.set(true);
        message.set("");
        tasks.run("alerts-retry", p -> service.retryNow(actor, summaryId), TaskRunner.Callbacks.of(r -> {
            busy.set(false);
            if (r.summariesDue() == 0) {
                message.set(messages.getString("alerts.nothingToRetry"));
            } else if (r.errors().isEmpty()) {
                message.set(fmt("alerts.retried", formats.integer(r.summariesDue())));
            } else {
                message.set(fmt("alerts.retriedFailed", formats.integer(r.summariesDue()), formats.integer(r.errors().size()),
                        r.errors().get(0)));
            }
            load();
        }, this::failed));
    }

    /** Closes the row's alert (as closed by the signed-in admin, now). */
    public void close(Row row) {
        if (!row.closable()) {
            return;
        }
        busy.set(true);
        message.set("");
        tasks.run("alerts-close", p -> service.close(actor, row.failure().alertId()), TaskRunner.Callbacks.of(closed -> {
            busy.set(false);
            message.set(messages.getString(closed ? "alerts.closed" : "alerts.closedAlready"));
            load();
        }, this::failed));
    }

    private void failed(Throwable t) {
        busy.set(false);
        message.set(fmt("alerts.error", t.getMessage() == null ? t.toString() : t.getMessage()));
    }

    private String fmt(String key, Object... args) {
        return BundleText.format(messages, formats.locale(), key, args);
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public BooleanBinding canRetryAllProperty() {
        return canRetryAll;
    }

    public ObjectProperty<Row> selectedProperty() {
        return selected;
    }

    /** The chosen row's mentor, summary, whole error and next retry; a hint while no row is chosen. */
    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }
}
