package org.impactdesk.ui.sync;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.BundleText;
import org.impactdesk.domain.SyncGateway.Mode;
import org.impactdesk.domain.SyncGateway.Outcome;
import org.impactdesk.domain.SyncGateway.Preview;
import org.impactdesk.domain.SyncGateway;
import org.impactdesk.ui.fx.DialogService;
import org.impactdesk.ui.fx.TaskRunner;

/**
 * The Sync screen's state: a bundle chosen (or dropped), its preview (counts per file and every
 * error by file and line, nothing written), then an import (all or nothing, or valid rows only)
 * with progress and cancel, the regeneration of summaries afterwards, and the import log. All
 * work runs through the {@link TaskRunner}, off the FX thread.
 */
public final class SyncViewModel {

    public enum State { EMPTY, PREVIEWING, PREVIEWED, IMPORTING, REGENERATING, DONE, FAILED }

    public enum Tone { NEUTRAL, SUCCESS, WARNING, ERROR }

    public record FileRow(String file, String rows, String errorRows, String skippedRows) {
    }

    public record ErrorRow(String file, String line, String column, String message) {
    }

    public record HistoryRow(String time, String file, String who, String outcome, String counts) {
    }

    static final int HISTORY_LIMIT = 50;

    private final SyncGateway gateway;
    private final Actor actor;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ResourceBundle messages;
    private final Locale locale;
    private final ZoneId zone;
    private final Runnable onSynced;
    private final NumberFormat integers;
    private final DateTimeFormatter dateTimes;

    private final ReadOnlyObjectWrapper<Path> bundle = new ReadOnlyObjectWrapper<>(this, "bundle");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.EMPTY);
    private final ReadOnlyObjectWrapper<Preview> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private final ObservableList<FileRow> files = FXCollections.observableArrayList();
    private final ObservableList<ErrorRow> errors = FXCollections.observableArrayList();
    private final ObservableList<HistoryRow> history = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper bundleText = new ReadOnlyStringWrapper(this, "bundleText", "");
    private final ReadOnlyStringWrapper previewSummary = new ReadOnlyStringWrapper(this, "previewSummary", "");
    /** The preview's notes (skipped rows and why, files ignored, dialects), one a line; apart from the summary so they scroll. */
    private final ReadOnlyStringWrapper previewNotes = new ReadOnlyStringWrapper(this, "previewNotes", "");
    private final ReadOnlyStringWrapper importAllExplanation = new ReadOnlyStringWrapper(this, "importAllExplanation", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<Tone> tone = new ReadOnlyObjectWrapper<>(this, "tone", Tone.NEUTRAL);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper progressMessage = new ReadOnlyStringWrapper(this, "progressMessage", "");
    private final ReadOnlyBooleanWrapper cancellable = new ReadOnlyBooleanWrapper(this, "cancellable", false);
    private final BooleanBinding working;
    private final BooleanBinding canImportAll;
    private final BooleanBinding canImportValid;
    private final BooleanBinding canChoose;
    private final BooleanBinding canDiscard;

    private TaskRunner.Handle running;
    /**
     * The user's stop of the regeneration: the work asks it between mentors and returns what it
     * kept (the task is not cancelled, so its result still lands and says so).
     */
    private java.util.concurrent.atomic.AtomicBoolean stopRegeneration = new java.util.concurrent.atomic.AtomicBoolean();

    public SyncViewModel(SyncGateway gateway, Actor actor, TaskRunner tasks, DialogService dialogs,
                         ResourceBundle messages, ZoneId zone, Runnable onSynced) {
        this.gateway = gateway;
        this.actor = actor;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.messages = messages;
        this.locale = BundleText.locale(messages);
        this.zone = zone;
        this.onSynced = onSynced;
        this.integers = NumberFormat.getIntegerInstance(locale);
        this.dateTimes = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale);

        working = Bindings.createBooleanBinding(() -> switch (state.get()) {
            case PREVIEWING, IMPORTING, REGENERATING -> true;
            default -> false;
        }, state);
        canImportAll = Bindings.createBooleanBinding(() -> state.get() == State.PREVIEWED
                && preview.get() != null && !preview.get().hasErrors() && preview.get().totalRows() > 0, state, preview);
        canImportValid = Bindings.createBooleanBinding(() -> state.get() == State.PREVIEWED
                && preview.get() != null && preview.get().totalRows() > 0, state, preview);
        canChoose = working.not();
        canDiscard = Bindings.createBooleanBinding(() -> state.get() == State.PREVIEWED, state);
    }

    // ---------------------------------------------------------------- commands

    /**
     * A visit of the screen (every time the shell shows it). The first reads the import history.
     * {@code chooseFile}: the visit came from Import (Shortcut+O), so the file chooser opens;
     * otherwise a bundle given to {@link #previewOnFirstVisit} is previewed, once.
     */
    public void visit(boolean chooseFile) {
        if (!visited) {
            visited = true;
            refreshHistory();
        }
        if (chooseFile) {
            chooseFile();
        } else if (firstPreview != null) {
            Path path = firstPreview;
            firstPreview = null;
            choose(path);
        }
    }

    /** A bundle the first visit previews (nothing is written until an import is chosen); for the screenshots. */
    public void previewOnFirstVisit(Path bundle) {
        firstPreview = bundle;
    }

    private boolean visited;
    private Path firstPreview;

    public void chooseFile() {
        dialogs.chooseFileToOpen(messages.getString("sync.choose.file.title"), List.of("*.zip", "*.csv"))
                .ifPresent(this::choose);
    }

    public void chooseFolder() {
        dialogs.chooseFolder(messages.getString("sync.choose.folder.title")).ifPresent(this::choose);
    }

    /** A bundle picked or dropped: a folder, a .zip or a .csv. Previews it off the FX thread. */
    public void choose(Path path) {
        if (working.get()) {
            return;
        }
        clearPreview();
        if (!isBundle(path)) {
            bundle.set(null);
            bundleText.set("");
            state.set(State.EMPTY);
            say(Tone.ERROR, fmt("sync.error.notBundle", path.getFileName() == null ? path : path.getFileName()));
            return;
        }
        bundle.set(path);
        bundleText.set(path.toAbsolutePath().toString());
        state.set(State.PREVIEWING);
        say(Tone.NEUTRAL, messages.getString("sync.previewing"));
        progress.set(-1);
        keep(State.PREVIEWING, tasks.run("sync-preview", p -> gateway.preview(path, actor), TaskRunner.Callbacks.of(result -> {
            running = null;
            progress.set(0);
            showPreview(result);
        }, failure -> {
            running = null;
            progress.set(0);
            state.set(State.FAILED);
            say(Tone.ERROR, fmt("sync.error.preview", reason(failure)));
        })));
    }

    /** All or nothing: refused (with the reason) when the preview found errors. */
    public void importAll() {
        Preview shown = preview.get();
        if (state.get() != State.PREVIEWED || shown == null) {
            return;
        }
        if (shown.hasErrors()) {
            say(Tone.WARNING, importAllExplanation.get());
            return;
        }
        startImport(Mode.ALL_OR_NOTHING);
    }

    /** Writes the valid rows; the rejected ones go to a reject file (shown afterwards). */
    public void importValidOnly() {
        if (state.get() != State.PREVIEWED || preview.get() == null) {
            return;
        }
        startImport(Mode.VALID_ROWS_ONLY);
    }

    /**
     * Cancels the running import (rolled back), stops the regeneration after it (the organisation
     * being written is rolled back, the ones done stay, the screen says which), or discards the preview.
     */
    public void cancel() {
        if (state.get() == State.REGENERATING && cancellable.get()) {
            cancellable.set(false);
            stopRegeneration.set(true);
            progressMessage.set(messages.getString("sync.regenerate.stopping"));
            return;
        }
        if (running != null && cancellable.get()) {
            progressMessage.set(messages.getString("sync.cancelling"));
            running.cancel();
            return;
        }
        if (state.get() == State.PREVIEWED || state.get() == State.FAILED) {
            clearPreview();
            bundle.set(null);
            bundleText.set("");
            state.set(State.EMPTY);
            say(Tone.NEUTRAL, messages.getString("sync.discarded"));
        }
    }

    public void refreshHistory() {
        tasks.run("sync-history", p -> gateway.history(HISTORY_LIMIT), TaskRunner.Callbacks.of(
                entries -> history.setAll(entries.stream().map(this::historyRow).toList()),
                failure -> say(Tone.ERROR, fmt("sync.error.history", reason(failure)))));
    }

    // ---------------------------------------------------------------- flow

    private void startImport(Mode mode) {
        Path path = bundle.get();
        state.set(State.IMPORTING);
        cancellable.set(true);
        progress.set(-1);
        progressMessage.set(messages.getString("sync.importing"));
        say(Tone.NEUTRAL, messages.getString("sync.importing"));
        keep(State.IMPORTING, tasks.run("sync-import", p -> gateway.importBundle(path, mode, actor, adapt(p)),
                new TaskRunner.Callbacks<>(outcome -> {
                    running = null;
                    cancellable.set(false);
                    imported(outcome, mode);
                }, failure -> {
                    running = null;
                    cancellable.set(false);
                    progress.set(0);
                    progressMessage.set("");
                    state.set(State.PREVIEWED);
                    if (failure instanceof CancellationException) {
                        say(Tone.WARNING, messages.getString("sync.result.cancelled"));
                    } else {
                        say(Tone.ERROR, fmt("sync.result.failed", reason(failure)));
                    }
                    refreshHistory();
                }, this::onProgress)));
    }

    private void imported(Outcome outcome, Mode mode) {
        refreshHistory();
        if (!outcome.written()) {
            progress.set(0);
            progressMessage.set("");
            state.set(State.PREVIEWED);
            errors.setAll(outcome.errors().stream().map(this::errorRow).toList());
            say(Tone.ERROR, fmt("sync.result.refused", outcome.rejected()));
            return;
        }
        String done = fmt("sync.result.imported", outcome.inserted(), outcome.updated(), outcome.unchanged(),
                outcome.removed());
        if (mode == Mode.VALID_ROWS_ONLY && outcome.rejected() > 0) {
            done += " " + (outcome.rejectFile() == null
                    ? fmt("sync.result.rejectedNoFile", outcome.rejected())
                    : fmt("sync.result.rejected", outcome.rejected(), outcome.rejectFile().toAbsolutePath()));
        }
        if (outcome.skipped() > 0) {
            // rows beyond the importer's rights: how many, and why per file (the notes)
            done += " " + fmt(outcome.inserted() + outcome.updated() + outcome.removed() == 0
                    ? "sync.result.skippedAll" : "sync.result.skipped", outcome.skipped());
            previewNotes.set(outcome.notes().stream().map(w -> w.in(messages)).collect(Collectors.joining("\n")));
        }
        String importedText = done;
        state.set(State.REGENERATING);
        progress.set(-1);
        progressMessage.set(messages.getString("sync.regenerating"));
        say(Tone.SUCCESS, importedText + " " + messages.getString("sync.regenerating"));
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        stopRegeneration = stop;
        cancellable.set(true);
        keep(State.REGENERATING, tasks.run("sync-regenerate", p -> gateway.regenerate(actor, SyncProgress.of(p, messages, stop::get)),
                new TaskRunner.Callbacks<>(regeneration -> {
                    running = null;
                    cancellable.set(false);
                    finish();
                    if (regeneration.cancelled()) {
                        say(Tone.WARNING, importedText + " " + regenerationCancelled(regeneration));
                    } else {
                        say(Tone.SUCCESS, importedText + " " + fmt("sync.regenerated", regeneration.summariesWritten()));
                    }
                }, failure -> {
                    running = null;
                    cancellable.set(false);
                    finish();
                    say(Tone.WARNING, importedText + " " + fmt("sync.regenerate.failed", reason(failure)));
                }, this::onProgress)));
    }

    /** Holds the handle of work still running in {@code during} (a same-thread runner has finished already). */
    private void keep(State during, TaskRunner.Handle handle) {
        if (state.get() == during) {
            running = handle;
        }
    }

    private void finish() {
        progress.set(1);
        progressMessage.set("");
        state.set(State.DONE);
        onSynced.run();
    }

    private void onProgress(double fraction, String text) {
        progress.set(fraction);
        if (text != null && !text.isBlank()) {
            progressMessage.set(text);
        }
    }

    /** What a stopped regeneration kept and what it left as it was. */
    private String regenerationCancelled(SyncGateway.Regeneration r) {
        String left = String.join(", ", r.organizationsLeft());
        return r.organizationsDone().isEmpty()
                ? fmt("sync.regenerate.cancelledNone", left)
                : fmt("sync.regenerate.cancelled", r.summariesWritten(), String.join(", ", r.organizationsDone()), left);
    }

    private SyncGateway.Progress adapt(TaskRunner.Progress p) {
        return SyncProgress.of(p, messages);
    }

    private void showPreview(Preview result) {
        preview.set(result);
        files.setAll(result.files().stream()
                .map(f -> new FileRow(f.file(), integers.format(f.rows()), integers.format(f.errorRows()),
                        integers.format(f.skippedRows()))).toList());
        errors.setAll(result.errors().stream().map(this::errorRow).toList());
        String summary = fmt("sync.preview.summary", result.totalRows(), result.files().size(), result.errorCount());
        if (result.moreErrors() > 0) {
            summary += " " + fmt("sync.preview.moreErrors", result.moreErrors());
        }
        if (result.skippedRows() > 0) {
            summary += " " + fmt("sync.preview.skipped", result.skippedRows());
        }
        previewSummary.set(summary);
        previewNotes.set(result.warnings().stream().map(w -> w.in(messages)).collect(Collectors.joining("\n")));
        importAllExplanation.set(result.hasErrors() ? fmt("sync.importAll.blocked", result.errorCount()) : "");
        state.set(State.PREVIEWED);
        if (result.totalRows() == 0) {
            say(Tone.WARNING, messages.getString("sync.preview.empty"));
        } else if (result.hasErrors()) {
            say(Tone.WARNING, fmt("sync.preview.withErrors", result.errorCount()));
        } else {
            say(Tone.SUCCESS, messages.getString("sync.preview.clean"));
        }
    }

    private void clearPreview() {
        preview.set(null);
        files.clear();
        errors.clear();
        previewSummary.set("");
        previewNotes.set("");
        importAllExplanation.set("");
        progress.set(0);
        progressMessage.set("");
    }

    /** A problem as the table shows it, its reason in the screen's language. */
    private ErrorRow errorRow(SyncGateway.Problem p) {
        return new ErrorRow(p.file(), p.line() == null ? "" : integers.format(p.line()),
                p.column() == null ? "" : p.column(), p.reason().in(messages));
    }

    private HistoryRow historyRow(SyncGateway.HistoryEntry e) {
        String time = e.startedAt() == null ? "" : dateTimes.format(e.startedAt().atZone(zone));
        String who = e.runBy() == null ? messages.getString("sync.history.localOperator")
                : e.runByName() != null ? e.runByName() : e.runBy();
        String outcome = text("sync.history.outcome." + e.outcome(), e.outcome());
        // only the counts that are not zero, so the line fits the table at 1024 px ("20 read: 19 new, 1 rejected")
        List<String> parts = new ArrayList<>();
        long[] values = {e.inserted(), e.updated(), e.unchanged(), e.rejected(), e.removed()};
        String[] keys = {"inserted", "updated", "unchanged", "rejected", "removed"};
        for (int i = 0; i < values.length; i++) {
            if (values[i] != 0) {
                parts.add(fmt("sync.history.counts." + keys[i], values[i]));
            }
        }
        String counts = parts.isEmpty() ? fmt("sync.history.counts.read", e.rowsRead())
                : fmt("sync.history.counts", e.rowsRead(), String.join(", ", parts));
        return new HistoryRow(time, Path.of(e.fileName()).getFileName().toString(), who, outcome, counts);
    }

    private static boolean isBundle(Path path) {
        if (Files.isDirectory(path)) {
            return true;
        }
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(path) && (name.endsWith(".zip") || name.endsWith(".csv"));
    }

    private static String reason(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && (t.getMessage() == null || t instanceof java.util.concurrent.ExecutionException
                || t instanceof java.lang.reflect.InvocationTargetException)) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private void say(Tone kind, String text) {
        tone.set(kind);
        message.set(text);
    }

    private String fmt(String key, Object... args) {
        return BundleText.format(messages, locale, key, args);
    }

    private String text(String key, String fallback) {
        try {
            return messages.getString(key);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }

    // ---------------------------------------------------------------- properties

    public ReadOnlyObjectProperty<Path> bundleProperty() {
        return bundle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bundleTextProperty() {
        return bundleText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Preview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ObservableList<FileRow> files() {
        return files;
    }

    public ObservableList<ErrorRow> errors() {
        return errors;
    }

    public ObservableList<HistoryRow> history() {
        return history;
    }

    public ReadOnlyStringProperty previewNotesProperty() {
        return previewNotes.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty previewSummaryProperty() {
        return previewSummary.getReadOnlyProperty();
    }

    /** Why "import all" is off ("" when it is not). */
    public ReadOnlyStringProperty importAllExplanationProperty() {
        return importAllExplanation.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Tone> toneProperty() {
        return tone.getReadOnlyProperty();
    }

    /** 0..1, or -1 while the amount of work is unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressMessageProperty() {
        return progressMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cancellableProperty() {
        return cancellable.getReadOnlyProperty();
    }

    public BooleanBinding workingProperty() {
        return working;
    }

    public BooleanBinding canImportAllProperty() {
        return canImportAll;
    }

    public BooleanBinding canImportValidProperty() {
        return canImportValid;
    }

    public BooleanBinding canChooseProperty() {
        return canChoose;
    }

    public BooleanBinding canDiscardProperty() {
        return canDiscard;
    }
}
