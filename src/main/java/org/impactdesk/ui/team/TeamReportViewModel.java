package org.impactdesk.ui.team;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.FollowUp;
import org.impactdesk.domain.OutlierStatus;
import org.impactdesk.domain.Period;
import org.impactdesk.domain.PrivateFiles;
import org.impactdesk.domain.TeamLine;
import org.impactdesk.domain.TeamReport;
import org.impactdesk.service.followup.TeamReports;
import org.impactdesk.ui.fx.DialogService;
import org.impactdesk.ui.fx.Formats;
import org.impactdesk.ui.fx.TaskRunner;
import org.impactdesk.ui.team.TeamViewModel.Column;

/**
 * The Team report to bring to a meeting: the rows shown (filters and sort applied) of the period as
 * an A4 PDF with sparklines, the stored team row, the counts, the thresholds used, the date and who
 * made it; optionally the user's follow-up marks, and their note texts only when chosen (off by
 * default). Every text is the screen's own (nothing is computed here).
 */
public final class TeamReportViewModel {
    private static final List<Column> COLUMNS = List.of(Column.NAME, Column.ASSOCIATIONS, Column.SESSIONS, Column.HOURS,
            Column.YOY_SESSIONS, Column.YOY_HOURS, Column.YOY_PERCENT, Column.PRIOR_SESSIONS, Column.STATUS);

    private final TeamViewModel team;
    private final TeamSidePanelViewModel panel;
    private final Actor actor;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Supplier<LocalDate> today;
    private final TeamFormat format;
    private final BooleanProperty includeMarks = new SimpleBooleanProperty(this, "includeMarks", true);
    private final BooleanProperty includeNotes = new SimpleBooleanProperty(this, "includeNotes", false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    public TeamReportViewModel(TeamViewModel team, TeamSidePanelViewModel panel, Actor actor, TaskRunner tasks,
                               DialogService dialogs, Supplier<LocalDate> today) {
        this.team = team;
        this.panel = panel;
        this.actor = actor;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.today = today;
        this.format = team.format();
    }

    /** The report of the rows shown now, as {@link #export()} writes it. */
    public TeamReport report(LocalDate date) {
        Period p = team.periodProperty().get();
        Formats formats = new Formats(format.locale());
        boolean marks = includeMarks.get() && panel.canFollowUpProperty().get();
        boolean notes = marks && includeNotes.get();
        List<String> headers = new ArrayList<>();
        for (Column c : COLUMNS) {
            headers.add(format.text(header(c)));
        }
        if (marks) {
            headers.add(format.text("team.column.followUp"));
        }
        List<TeamReport.Row> rows = new ArrayList<>();
        Set<String> thresholds = new LinkedHashSet<>();
        List<String> noteLines = new ArrayList<>();
        for (TeamLine line : team.rows()) {
            List<String> cells = new ArrayList<>();
            for (Column c : COLUMNS) {
                cells.add(team.text(c, line));
            }
            if (marks) {
                cells.add(panel.markText(line));
            }
            rows.add(new TeamReport.Row(cells, panel.sparkline(line), line.isTeam()));
            if (!line.isTeam()) {
                thresholds.add(format.text("team.report.thresholds", line.underactiveThreshold(), line.overloadedThreshold(),
                        format.text(p instanceof Period.Quarter ? "team.panel.kind.quarter" : "team.panel.kind.half")));
            }
            Optional<FollowUp> f = panel.markNow(line);
            if (notes && f.isPresent() && !f.get().note().isBlank()) {
                noteLines.add(format.text("team.report.noteLine", line.name(), formats.date(f.get().followedUpOn()),
                        f.get().note()));
            }
        }
        long mentors = team.rows().stream().filter(l -> !l.isTeam()).count();
        long under = team.rows().stream().filter(l -> !l.paused() && l.status() == OutlierStatus.UNDERACTIVE && !l.isTeam()).count();
        long over = team.rows().stream().filter(l -> !l.paused() && l.status() == OutlierStatus.OVERLOADED && !l.isTeam()).count();
        long paused = team.rows().stream().filter(TeamLine::paused).count();
        String summary = format.text("team.report.summary", mentors, under, over, paused)
                + (team.onlyProperty().get() != null ? " · " + team.onlyText() : "")
                + filters();
        return new TeamReport(format.text("team.report.title"), format.period(p),
                format.text("team.report.madeBy", actor.displayName() == null ? "" : actor.displayName(), formats.date(date)),
                summary, List.copyOf(thresholds), headers, rows, format.text("team.column.trend"), panel.highlighted(),
                noteLines, format.text("team.report.notes"), format.text("team.report.page"));
    }

    private String filters() {
        List<String> parts = new ArrayList<>();
        if (team.statusFilterProperty().get() != null && team.statusFilterProperty().get() != TeamViewModel.StatusFilter.ALL) {
            parts.add(team.statusText(team.statusFilterProperty().get()));
        }
        if (team.associationProperty().get() != null && !team.associationProperty().get().isAll()) {
            parts.add(team.associationText(team.associationProperty().get()));
        }
        String q = team.searchProperty().get() == null ? "" : team.searchProperty().get().strip();
        if (!q.isEmpty()) {
            parts.add("“" + q + "”");
        }
        return parts.isEmpty() ? "" : " · " + format.text("team.report.filters", String.join(", ", parts));
    }

    private static String header(Column c) {
        return switch (c) {
            case YOY_SESSIONS -> "team.report.col.yoySessions";
            case YOY_HOURS -> "team.report.col.yoyHours";
            case YOY_PERCENT -> "team.report.col.yoyPercent";
            case PRIOR_SESSIONS -> "team.report.col.priorSessions";
            case PRIOR_HOURS -> "team.csv.priorHours";
            case UNDERACTIVE_THRESHOLD -> "team.csv.underactiveThreshold";
            case OVERLOADED_THRESHOLD -> "team.csv.overloadedThreshold";
            default -> "team.column." + switch (c) {
                case NAME -> "name";
                case ASSOCIATIONS -> "associations";
                case SESSIONS -> "sessions";
                case HOURS -> "hours";
                default -> "status";
            };
        };
    }

    /** Writes the report of the rows shown to {@code out} (does not close it). */
    public void write(OutputStream out, LocalDate date) throws IOException {
        TeamReports.writePdf(report(date), out);
    }

    /** Asks where to save, then writes the PDF off the FX thread. */
    public void export() {
        if (team.periodProperty().get() == null || team.rows().isEmpty()) {
            return;
        }
        Period p = team.periodProperty().get();
        Optional<Path> target = dialogs.chooseFileToSave(format.text("team.report.save"), "team-" + p + ".pdf",
                List.of("*.pdf"));
        if (target.isEmpty()) {
            return;
        }
        Path file = target.get();
        TeamReport report = report(today.get());
        message.set("");
        tasks.run("team-report", progress -> {
            try (OutputStream out = PrivateFiles.newOutputStream(file)) {
                TeamReports.writePdf(report, out);
            }
            return file;
        }, TaskRunner.Callbacks.of(f -> message.set(format.text("team.report.done", f.getFileName().toString())),
                failure -> dialogs.showError(format.text("team.report.save"), format.text("team.export.failed",
                        file.toString(), failure.getMessage() == null ? failure.toString() : failure.getMessage()))));
    }

    public BooleanProperty includeMarksProperty() {
        return includeMarks;
    }

    public BooleanProperty includeNotesProperty() {
        return includeNotes;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public BooleanBinding canExportProperty() {
        return team.canExportProperty();
    }
}
