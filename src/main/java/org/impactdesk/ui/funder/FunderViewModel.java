package org.impactdesk.ui.funder;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
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
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.BundleText;
import org.impactdesk.domain.FunderExport;
import org.impactdesk.domain.FunderFigures;
import org.impactdesk.domain.FunderOrganization;
import org.impactdesk.domain.FunderOutcome;
import org.impactdesk.domain.FunderReason;
import org.impactdesk.domain.FunderReport;
import org.impactdesk.domain.FunderReportData;
import org.impactdesk.domain.ReportYears;
import org.impactdesk.service.funder.FunderReportService;
import org.impactdesk.ui.fx.DialogService;
import org.impactdesk.ui.fx.Formats;
import org.impactdesk.ui.fx.TaskRunner;

/**
 * The Funder report screen's state: the organisations the user may report on, a year (validated
 * as typed), the report of that organisation and year loaded off the FX thread, its summary rows
 * (per association and the total), the not-counted lines by reason, the activities of the chosen
 * reason (date, peer mentor, type, reason: never a contact), the open year's activities at risk,
 * the warnings, and the two exports.
 */
public final class FunderViewModel {

    /** A line of the summary table: an association's figures or the total. */
    public record FigureRow(String name, FunderFigures figures, boolean total) {
    }

    /** A not-counted line; {@code atRisk} when it can still be corrected in the source system. */
    public record ReasonRow(FunderReason reason, String label, int activities, BigDecimal hours) {
    }

    /** An activity in a reason's list: no contact, ever. */
    public record ActivityRow(LocalDate date, String mentor, String type, String reason) {
    }

    private final FunderReportService service;
    private final Actor actor;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ResourceBundle bundle;
    private final Formats formats;
    private final Runnable openSettings;
    private final int currentYear;
    private final Collator collator;

    private final ObservableList<FunderOrganization> organizations = FXCollections.observableArrayList();
    private final ObjectProperty<FunderOrganization> organization = new SimpleObjectProperty<>(this, "organization");
    private final StringProperty yearText = new SimpleStringProperty(this, "yearText", "");
    private final ReadOnlyStringWrapper yearError = new ReadOnlyStringWrapper(this, "yearError", "");
    private final ReadOnlyObjectWrapper<FunderReportData> data = new ReadOnlyObjectWrapper<>(this, "data");
    private final ObservableList<FigureRow> figureRows = FXCollections.observableArrayList();
    private final ObservableList<ReasonRow> reasonRows = FXCollections.observableArrayList();
    private final ObjectProperty<FunderReason> selectedReason = new SimpleObjectProperty<>(this, "selectedReason");
    private final ObservableList<ActivityRow> activityRows = FXCollections.observableArrayList();
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(this, "heading", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper atRisk = new ReadOnlyStringWrapper(this, "atRisk", "");
    private final ReadOnlyStringWrapper listTitle = new ReadOnlyStringWrapper(this, "listTitle", "");
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper(this, "placeholder", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyBooleanWrapper mayOpenSettings = new ReadOnlyBooleanWrapper(this, "mayOpenSettings", false);
    private final BooleanBinding canExport;
    private long loadSequence;
    private boolean applying;

    public FunderViewModel(FunderReportService service, Actor actor, TaskRunner tasks, DialogService dialogs,
                           ResourceBundle bundle, Formats formats, int currentYear, Runnable openSettings) {
        this.service = service;
        this.actor = actor;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.bundle = bundle;
        this.formats = formats;
        this.currentYear = currentYear;
        this.openSettings = openSettings;
        this.collator = org.impactdesk.ui.fx.Names.collator(formats.locale());
        mayOpenSettings.set(actor.isAdmin());
        yearText.set(Integer.toString(currentYear - 1));
        canExport = Bindings.createBooleanBinding(() -> data.get() != null && !busy.get(), data, busy);
        yearText.addListener((o, a, b) -> {
            if (!applying) {
                reload();
            }
        });
        organization.addListener((o, a, b) -> {
            if (!applying) {
                reload();
            }
        });
        selectedReason.addListener((o, a, b) -> fillActivities());
    }

    /** How the lists' name columns sort when a header is clicked: the chosen language's collation. */
    public Comparator<String> nameOrder() {
        return Comparator.nullsFirst(collator::compare);
    }

    String text(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : BundleText.pattern(pattern, formats.locale(), args);
    }

    /** The first visit: the organisations in scope (off the FX thread), then the first report. */
    public void load() {
        busy.set(true);
        placeholder.set(text("funder.placeholder.loading"));
        tasks.run("funder-organisations", progress -> service.organizations(actor), TaskRunner.Callbacks.of(list -> {
            busy.set(false);
            applying = true;
            organizations.setAll(list);
            organization.set(list.isEmpty() ? null : list.stream()
                    .filter(o -> o.id().equals(actor.organizationId())).findFirst().orElse(list.get(0)));
            applying = false;
            if (list.isEmpty()) {
                placeholder.set(text("funder.placeholder.none"));
            } else {
                reload();
            }
        }, this::failed));
    }

    /** The year typed, when valid; sets or clears the error beside the field. */
    Optional<Integer> year() {
        String t = yearText.get() == null ? "" : yearText.get().trim();
        Optional<Integer> y = formats.parseInteger(t).filter(ReportYears::contains);
        yearError.set(y.isPresent() ? "" : text("funder.error.year", t, ReportYears.FIRST + "", ReportYears.LAST + ""));
        return y;
    }

    /** Loads the report of the chosen organisation and year, off the FX thread; a later load wins. */
    public void reload() {
        FunderOrganization org = organization.get();
        Optional<Integer> y = year();
        if (org == null || y.isEmpty()) {
            return;
        }
        long seq = ++loadSequence;
        busy.set(true);
        error.set("");
        message.set("");
        tasks.run("funder-report", progress -> service.report(actor, org.id(), y.get()), TaskRunner.Callbacks.of(d -> {
            if (seq != loadSequence) {
                return;
            }
            busy.set(false);
            show(d);
        }, failure -> {
            if (seq == loadSequence) {
                failed(failure);
            }
        }));
    }

    private void failed(Throwable failure) {
        busy.set(false);
        error.set(text("funder.error.load", failure.getMessage() == null ? failure.toString() : failure.getMessage()));
    }

    private void show(FunderReportData d) {
        FunderReport r = d.report();
        data.set(d);
        placeholder.set("");
        heading.set(text("funder.heading", d.organizationName(), r.year()));
        status.set((r.finalYear() ? text("funder.final") : text("funder.forecast", r.year(), formats.date(d.madeOn())))
                + (d.scopedToAssociations() ? " " + text("funder.scoped") : ""));
        List<FigureRow> rows = new ArrayList<>();
        for (FunderReport.AssociationFigures a : r.associations()) {
            rows.add(new FigureRow(d.associationName(a.localAssociationId()), a.figures(), false));
        }
        rows.sort(Comparator.comparing(FigureRow::name, collator));
        rows.add(new FigureRow(text("funder.total"), r.totals(), true));
        figureRows.setAll(rows);
        reasonRows.setAll(r.notCounted().stream()
                .map(n -> new ReasonRow(n.reason(), text("funder.reason." + n.reason().code()), n.activities(), n.hours()))
                .toList());
        long risky = r.finalYear() ? 0 : r.outcomes().stream().filter(o -> !o.counted() && o.reason().atRisk()).count();
        atRisk.set(r.finalYear() ? "" : text("funder.atRisk", risky));
        if (selectedReason.get() == null) {
            // open the first list that can still be acted on, so the screen shows activities at once
            r.notCounted().stream().filter(n -> n.reason().atRisk() && n.activities() > 0).findFirst()
                    .ifPresent(n -> selectedReason.set(n.reason()));
        }
        warnings.setAll(r.uncategorisedTypes().stream()
                .map(k -> text("funder.warning.uncategorised", d.typeName(k, formats.locale()), k)).toList());
        fillActivities();
    }

    private void fillActivities() {
        FunderReportData d = data.get();
        FunderReason reason = selectedReason.get();
        if (d == null || reason == null) {
            activityRows.clear();
            listTitle.set(text("funder.list.none"));
            return;
        }
        Locale locale = formats.locale();
        List<ActivityRow> rows = new ArrayList<>();
        for (FunderOutcome o : d.report().outcomes()) {
            if (o.reason() == reason) {
                rows.add(new ActivityRow(o.localDate(), d.mentorName(o.activity().peerMentorId()),
                        d.typeName(o.activity().activityType(), locale), text("funder.reason." + reason.code())));
            }
        }
        activityRows.setAll(rows);
        listTitle.set(text("funder.list.title", text("funder.reason." + reason.code()), rows.size()));
    }

    public void exportXlsx() {
        export("xlsx");
    }

    public void exportPdf() {
        export("pdf");
    }

    public String suggestedFileName(String extension) {
        FunderReportData d = data.get();
        return d == null ? "funder-report." + extension
                : "funder-report-" + d.report().organizationId() + "-" + d.report().year() + "." + extension;
    }

    private void export(String extension) {
        FunderReportData d = data.get();
        if (!canExport.get() || d == null) {
            return;
        }
        Optional<Path> target = dialogs.chooseFileToSave(text("funder.export.title"), suggestedFileName(extension),
                List.of("*." + extension));
        if (target.isEmpty()) {
            return;
        }
        Path file = target.get();
        Locale locale = formats.locale();
        message.set("");
        busy.set(true);
        tasks.run("funder-export", progress -> "xlsx".equals(extension)
                ? service.exportXlsx(actor, d, file, locale) : service.exportPdf(actor, d, file, locale),
                TaskRunner.Callbacks.of((FunderExport e) -> {
                    busy.set(false);
                    message.set(text("funder.export.done", file.getFileName().toString(), e.sha256().substring(0, 12) + "…"));
                }, failure -> {
                    busy.set(false);
                    dialogs.showError(text("funder.export.title"), text("funder.export.failed", file.toString(),
                            failure.getMessage() == null ? failure.toString() : failure.getMessage()));
                }));
    }

    public void openSettings() {
        if (mayOpenSettings.get()) {
            openSettings.run();
        }
    }

    public ObservableList<FunderOrganization> organizations() {
        return organizations;
    }

    public ObjectProperty<FunderOrganization> organizationProperty() {
        return organization;
    }

    public StringProperty yearTextProperty() {
        return yearText;
    }

    public ReadOnlyStringProperty yearErrorProperty() {
        return yearError.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<FunderReportData> dataProperty() {
        return data.getReadOnlyProperty();
    }

    public ObservableList<FigureRow> figureRows() {
        return figureRows;
    }

    public ObservableList<ReasonRow> reasonRows() {
        return reasonRows;
    }

    public ObjectProperty<FunderReason> selectedReasonProperty() {
        return selectedReason;
    }

    public ObservableList<ActivityRow> activityRows() {
        return activityRows;
    }

    public ObservableList<String> warnings() {
        return warnings;
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty atRiskProperty() {
        return atRisk.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty listTitleProperty() {
        return listTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty mayOpenSettingsProperty() {
        return mayOpenSettings.getReadOnlyProperty();
    }

    public BooleanBinding canExportProperty() {
        return canExport;
    }

    public Formats formats() {
        return formats;
    }

    public int currentYear() {
        return currentYear;
    }
}
