package org.impactdesk.ui.team;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.impactdesk.domain.FollowUp;
import org.impactdesk.domain.MentorTrail;
import org.impactdesk.domain.MonthlySessions;
import org.impactdesk.domain.OutlierStatus;
import org.impactdesk.domain.Period;
import org.impactdesk.domain.PeriodRow;
import org.impactdesk.domain.TeamLine;
import org.impactdesk.domain.TeamTable;
import org.impactdesk.service.followup.FollowUpDraft;
import org.impactdesk.service.followup.FollowUpService;
import org.impactdesk.service.followup.TeamSpread;
import org.impactdesk.ui.fx.DateInput;
import org.impactdesk.ui.fx.Formats;
import org.impactdesk.ui.fx.TaskRunner;

/**
 * The Team screen's side panel: why the selected mentor has their status (the rule in words with
 * the thresholds stored when the period was generated, the value against the team's median and
 * middle half, the last four periods, profile status and start date) and the signed-in user's
 * private follow-ups (this period's to create, edit or delete; earlier ones with the next period's
 * stored status beside them, so the coordinator sees whether it helped). It also keeps the period's
 * follow-up marks for the table (and the "flagged, not followed up" filter). Reads only stored
 * rows: nothing here computes a metric.
 */
public final class TeamSidePanelViewModel {

    /** One of the last four periods: "Q3 2026", "2 sessions", "Underactive" (blank texts when none is stored). */
    public record RecentPeriod(String period, String sessions, String status, boolean shown) {
    }

    /** An earlier or this period's follow-up as the panel lists it. */
    public record NoteItem(FollowUp followUp, String heading, String note, String outcome, boolean current) {
    }

    private final TeamViewModel team;
    private final FollowUpService service;
    private final Actor actor;
    private final TaskRunner tasks;
    private final TeamFormat format;
    private final Formats formats;
    /** The follow-up date as typed: the language's short numeric form (dd.MM.yyyy in nb). */
    private final DateInput dateInput;
    /** What was wrong with the date last typed (blank when it was a date, or when a date was picked since). */
    private String typedDateError = "";
    /** Today in the organisation's zone: read on a worker with the mentor's trail (the supplier may ask the database). */
    private final java.util.function.Supplier<LocalDate> todaySource;
    private LocalDate today = LocalDate.now();

    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(this, "open", false);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper rule = new ReadOnlyStringWrapper(this, "rule", "");
    private final ReadOnlyStringWrapper spread = new ReadOnlyStringWrapper(this, "spread", "");
    private final ReadOnlyStringWrapper profile = new ReadOnlyStringWrapper(this, "profile", "");
    private final ObservableList<RecentPeriod> recent = FXCollections.observableArrayList();
    private final ObservableList<NoteItem> notes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper editorTitle = new ReadOnlyStringWrapper(this, "editorTitle", "");
    private final ObjectProperty<LocalDate> draftDate = new SimpleObjectProperty<>(this, "draftDate");
    private final StringProperty draftNote = new SimpleStringProperty(this, "draftNote", "");
    private final ReadOnlyStringWrapper draftError = new ReadOnlyStringWrapper(this, "draftError", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<FollowUp> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyBooleanWrapper canFollowUp = new ReadOnlyBooleanWrapper(this, "canFollowUp", false);
    private final BooleanBinding canSave;
    private final BooleanBinding canDelete;

    /** The period's follow-up marks: this period's and the one before, by peer mentor id. */
    private final Map<String, FollowUp> marksNow = new HashMap<>();
    private final Map<String, FollowUp> marksBefore = new HashMap<>();
    private final ReadOnlyObjectWrapper<Object> marksVersion = new ReadOnlyObjectWrapper<>(this, "marksVersion", 0);
    private final ReadOnlyObjectWrapper<MonthlySessions> months = new ReadOnlyObjectWrapper<>(this, "months");
    private final ReadOnlyStringWrapper trend = new ReadOnlyStringWrapper(this, "trend", "");
    private Period marksPeriod;
    private MentorTrail trail;
    private TeamLine shown;
    private long sequence;

    public TeamSidePanelViewModel(TeamViewModel team, FollowUpService service, Actor actor, TaskRunner tasks,
                                  java.util.function.Supplier<LocalDate> today) {
        this.team = team;
        this.service = service;
        this.actor = actor;
        this.tasks = tasks;
        this.format = team.format();
        this.formats = new Formats(format.locale());
        this.dateInput = new DateInput(format.locale());
        this.todaySource = today;
        canFollowUp.set(service.canFollowUp(actor));
        canSave = Bindings.createBooleanBinding(() -> canFollowUp.get() && shown != null && !busy.get()
                && draftError.get().isEmpty() && draftDate.get() != null, canFollowUp, busy, draftError, draftDate, open);
        canDelete = Bindings.createBooleanBinding(() -> canFollowUp.get() && current.get() != null && !busy.get(),
                canFollowUp, current, busy);
        draftDate.addListener((obs, old, now) -> {
            typedDateError = "";
            validate();
        });
        draftNote.addListener((obs, old, now) -> validate());
        team.tableProperty().addListener((obs, old, now) -> loadMarks(now));
        // the months are read beside the table (one read per period), not after it lands
        team.loadingPeriodProperty().addListener((obs, old, now) -> loadMonths(now));
        team.selectedProperty().addListener((obs, old, now) -> select(now));
        if (team.tableProperty().get() != null) {
            loadMarks(team.tableProperty().get());
        }
    }

    // ---- marks for the table

    private void loadMarks(TeamTable table) {
        loadMonths(table == null ? null : table.period());
        marksNow.clear();
        marksBefore.clear();
        marksPeriod = table == null ? null : table.period();
        if (table == null || !canFollowUp.get()) {
            publishMarks();
            return;
        }
        Period p = table.period();
        tasks.run("team-follow-up-marks", progress -> service.marks(actor, p), TaskRunner.Callbacks.of(list -> {
            if (!p.equals(marksPeriod)) {
                return;
            }
            marksNow.clear();
            marksBefore.clear();
            for (FollowUp f : list) {
                (f.period().equals(p) ? marksNow : marksBefore).put(f.peerMentorId(), f);
            }
            publishMarks();
        }, failure -> message.set(format.text("team.panel.error", reason(failure)))));
    }

    /**
     * The sparklines' data: one read per period shown (never one per row), started when the table's
     * read starts and asked again (a no-op then) when the table lands.
     */
    private void loadMonths(Period p) {
        if (p == null) {
            return;
        }
        if (p.equals(monthsPeriod)) { // read, or being read
            return;
        }
        monthsPeriod = p;
        tasks.run("team-sparklines", progress -> service.monthlySessions(actor, p), TaskRunner.Callbacks.of(m -> {
            if (p.equals(monthsPeriod)) {
                months.set(m);
                if (shown != null) {
                    trend.set(trendText(shown));
                }
            }
        }, failure -> {
            if (p.equals(monthsPeriod)) {
                monthsPeriod = null; // the next table of this period asks again
            }
            message.set(format.text("team.panel.error", reason(failure)));
        }));
    }

    private Period monthsPeriod;

    /** A mentor line's twelve months, oldest first; null for a team row or before the data is in. */
    public int[] sparkline(TeamLine line) {
        MonthlySessions m = months.get();
        return m == null || line == null || line.isTeam() || !m.stored() ? null : m.of(line.peerMentorId());
    }

    /** The mentor the panel shows (null: none). */
    public TeamLine selected() {
        return shown;
    }

    /** How many of the twelve months (the last ones) belong to the shown period: 3 for a quarter, 6 for a half. */
    public int highlighted() {
        return team.periodProperty().get() instanceof Period.Half ? 6 : 3;
    }

    /** The sparkline in words: "Sessions by month, Oct 2025 to Sep 2026: 4, 2, 0, …". */
    String trendText(TeamLine line) {
        MonthlySessions m = months.get();
        if (m == null) {
            return "";
        }
        if (!m.stored()) {
            return format.text("team.panel.trend.none");
        }
        int[] v = m.of(line.peerMentorId());
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            values.append(i == 0 ? "" : ", ").append(v[i]);
        }
        java.time.format.DateTimeFormatter month = java.time.format.DateTimeFormatter.ofPattern("MMM yyyy", format.locale());
        return format.text("team.panel.trend", month.format(m.firstMonth()),
                month.format(m.firstMonth().plusMonths(MonthlySessions.MONTHS - 1)), values.toString());
    }

    public ReadOnlyObjectProperty<MonthlySessions> monthsProperty() {
        return months.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty trendProperty() {
        return trend.getReadOnlyProperty();
    }

    private void publishMarks() {
        team.setFollowedUp(line -> line.peerMentorId() != null && marksNow.containsKey(line.peerMentorId()));
        marksVersion.set(new Object());
    }

    /** The user's follow-up of this line's mentor in the shown period, if any. */
    public Optional<FollowUp> markNow(TeamLine line) {
        return line == null || line.isTeam() ? Optional.empty() : Optional.ofNullable(marksNow.get(line.peerMentorId()));
    }

    /** The follow-up column: "12.10.2026" this period, "from Q2 2026" carried from the one before, else blank. */
    public String markText(TeamLine line) {
        if (line == null || line.isTeam()) {
            return "";
        }
        FollowUp now = marksNow.get(line.peerMentorId());
        if (now != null) {
            return format.text("team.mark.now", formats.date(now.followedUpOn()));
        }
        FollowUp before = marksBefore.get(line.peerMentorId());
        return before == null ? "" : format.text("team.mark.before", format.period(before.period()));
    }

    /** Changes whenever the marks do (the table redraws its follow-up cells). */
    public ReadOnlyObjectProperty<Object> marksVersionProperty() {
        return marksVersion.getReadOnlyProperty();
    }

    // ---- the selected mentor

    private void select(TeamLine line) {
        if (line != null && line == shown && open.get()) {
            return; // the same row again (a re-laid-out table): keep the panel and its message
        }
        long seq = ++sequence;
        busy.set(false); // a read for the row before is superseded: its result is dropped
        shown = line == null || line.isTeam() ? null : line;
        trail = null;
        recent.clear();
        notes.clear();
        current.set(null);
        message.set("");
        Period p = team.periodProperty().get();
        if (shown == null || p == null) {
            open.set(false);
            title.set("");
            rule.set("");
            trend.set("");
            spread.set("");
            profile.set("");
            return;
        }
        open.set(true);
        title.set(shown.name());
        rule.set(ruleText(shown, p));
        trend.set(trendText(shown));
        spread.set(spreadText(shown, p));
        profile.set("");
        editorTitle.set(format.text("team.panel.editor", format.period(p)));
        resetDraft(null);
        busy.set(true);
        String pm = shown.peerMentorId();
        tasks.run("team-side-panel", progress -> new Loaded(service.trail(actor, pm, p), todaySource.get()),
                TaskRunner.Callbacks.of(loaded -> {
            if (seq != sequence) {
                return;
            }
            busy.set(false);
            today = loaded.today();
            trail = loaded.trail();
            present(p);
        }, failure -> {
            if (seq == sequence) {
                busy.set(false);
                message.set(format.text("team.panel.error", reason(failure)));
            }
        }));
    }

    private record Loaded(MentorTrail trail, LocalDate today) {
    }

    private void present(Period p) {
        profile.set(format.text("team.panel.profile", format.text("team.panel.profile." + trail.status()),
                trail.startedOn() == null ? format.text("team.panel.started.unknown")
                        : format.text("team.panel.started", formats.date(trail.startedOn()))));
        Map<Period, PeriodRow> byPeriod = new HashMap<>();
        trail.rows().forEach(r -> byPeriod.put(r.period(), r));
        List<RecentPeriod> last = new ArrayList<>();
        Period q = p;
        for (int i = 0; i < 4; i++) {
            PeriodRow r = byPeriod.get(q);
            last.add(r == null ? new RecentPeriod(format.period(q), format.text("team.panel.recent.none"), "", false)
                    : new RecentPeriod(format.period(q), format.text("team.panel.recent.sessions", r.sessions()),
                    statusText(r.status(), i == 0 && trail.paused()), true));
            q = FollowUpService.previous(q);
        }
        recent.setAll(last);
        List<NoteItem> items = new ArrayList<>();
        FollowUp now = null;
        for (FollowUp f : trail.followUps()) {
            boolean isNow = f.period().equals(p);
            if (isNow) {
                now = f;
            }
            Period next = FollowUpService.next(f.period());
            PeriodRow after = byPeriod.get(next);
            String outcome = after == null
                    ? format.text("team.panel.note.nextNone", format.period(next))
                    : format.text("team.panel.note.next", format.period(next), statusText(after.status(), false),
                    after.sessions());
            items.add(new NoteItem(f, format.text("team.panel.note.heading", format.period(f.period()),
                    formats.date(f.followedUpOn())), f.note(), outcome, isNow));
        }
        notes.setAll(items);
        current.set(now);
        resetDraft(now);
    }

    private String statusText(OutlierStatus status, boolean paused) {
        return paused ? format.text("team.status.paused") : format.status(status);
    }

    /** The rule that gave the selected line its status, with the thresholds stored with the row. */
    String ruleText(TeamLine line, Period p) {
        String kind = format.text(p instanceof Period.Quarter ? "team.panel.kind.quarter" : "team.panel.kind.half");
        String period = format.period(p);
        if (line.paused()) {
            return format.text("team.panel.rule.paused", line.sessions(), period, format.status(line.status()));
        }
        return switch (line.status()) {
            case UNDERACTIVE -> format.text("team.panel.rule.underactive", line.sessions(), period,
                    line.underactiveThreshold(), kind);
            case OVERLOADED -> format.text("team.panel.rule.overloaded", line.sessions(), period,
                    line.overloadedThreshold(), kind);
            case NORMAL -> format.text("team.panel.rule.normal", line.sessions(), period, line.underactiveThreshold(),
                    line.overloadedThreshold(), kind);
        };
    }

    /** The value against the median and middle half of the period's stored mentor rows. */
    String spreadText(TeamLine line, Period p) {
        TeamTable t = team.tableProperty().get();
        if (t == null || t.mentorLines().isEmpty()) {
            return "";
        }
        TeamSpread s = TeamSpread.of(t.mentorLines().stream().map(TeamLine::sessions).toList());
        String where = switch (s.position(line.sessions())) {
            case -1 -> "team.panel.spread.below";
            case 1 -> "team.panel.spread.above";
            default -> "team.panel.spread.within";
        };
        return format.text("team.panel.spread", line.sessions(), formats.decimal(s.median(), 0, 1),
                formats.decimal(s.lowerQuartile(), 0, 1), formats.decimal(s.upperQuartile(), 0, 1), s.mentors(),
                format.text(where));
    }

    // ---- the follow-up editor

    private void resetDraft(FollowUp f) {
        typedDateError = "";
        draftDate.set(f == null ? today : f.followedUpOn());
        draftNote.set(f == null ? "" : f.note());
        validate();
    }

    private void validate() {
        String note = draftNote.get() == null ? "" : draftNote.get().strip();
        LocalDate d = draftDate.get();
        List<String> problems = new ArrayList<>();
        if (!typedDateError.isEmpty()) {
            problems.add(typedDateError);
        } else if (d == null) {
            problems.add(format.text("team.panel.draft.noDate"));
        } else if (d.isAfter(today)) {
            problems.add(format.text("team.panel.draft.future", formats.date(d)));
        }
        if (note.length() > FollowUpService.MAX_NOTE_LENGTH) {
            problems.add(format.text("team.panel.draft.tooLong", note.length(), FollowUpService.MAX_NOTE_LENGTH));
        }
        if (FollowUpDraft.hasControl(note)) {
            problems.add(format.text("team.panel.draft.control"));
        }
        draftError.set(String.join(" ", problems));
    }

    /** Closes the panel: clears the table's selection. */
    public void close() {
        team.selectedProperty().set(null);
    }

    /** Saves the draft as the user's follow-up of the selected mentor in the shown period. */
    public void save() {
        if (!canSave.get()) {
            return;
        }
        TeamLine line = shown;
        Period p = team.periodProperty().get();
        LocalDate d = draftDate.get();
        String note = draftNote.get() == null ? "" : draftNote.get().strip();
        busy.set(true);
        long seq = sequence;
        tasks.run("team-follow-up-save", progress -> {
            FollowUp saved = service.save(actor, line.peerMentorId(), p, d, note);
            return new Saved(saved, service.trail(actor, line.peerMentorId(), p));
        }, TaskRunner.Callbacks.of(r -> {
            busy.set(false);
            if (p.equals(marksPeriod)) {
                marksNow.put(line.peerMentorId(), r.followUp());
                publishMarks();
            }
            if (seq == sequence) {
                trail = r.trail();
                present(p);
                message.set(format.text("team.panel.saved", line.name()));
            }
        }, failure -> {
            busy.set(false);
            message.set(format.text("team.panel.saveFailed", reason(failure)));
        }));
    }

    private record Saved(FollowUp followUp, MentorTrail trail) {
    }

    /** Deletes this period's follow-up of the selected mentor. */
    public void delete() {
        FollowUp f = current.get();
        if (!canDelete.get() || f == null) {
            return;
        }
        TeamLine line = shown;
        Period p = team.periodProperty().get();
        busy.set(true);
        long seq = sequence;
        tasks.run("team-follow-up-delete", progress -> {
            service.delete(actor, f.id());
            return service.trail(actor, line.peerMentorId(), p);
        }, TaskRunner.Callbacks.of(t -> {
            busy.set(false);
            if (f.period().equals(marksPeriod)) {
                marksNow.remove(line.peerMentorId());
                publishMarks();
            }
            if (seq == sequence) {
                trail = t;
                present(p);
                message.set(format.text("team.panel.deleted", line.name()));
            }
        }, failure -> {
            busy.set(false);
            message.set(format.text("team.panel.deleteFailed", reason(failure)));
        }));
    }

    private static String reason(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    // ---- properties

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ruleProperty() {
        return rule.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty spreadProperty() {
        return spread.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty profileProperty() {
        return profile.getReadOnlyProperty();
    }

    public ObservableList<RecentPeriod> recentPeriods() {
        return recent;
    }

    public ObservableList<NoteItem> notes() {
        return notes;
    }

    public ReadOnlyStringProperty editorTitleProperty() {
        return editorTitle.getReadOnlyProperty();
    }

    public ObjectProperty<LocalDate> draftDateProperty() {
        return draftDate;
    }

    /**
     * The date field's text: the draft date in the language's short form (dd.MM.yyyy in nb, M/d/yyyy
     * in en) and back. Text that is no date keeps the draft date, says beside the field what was
     * typed and how to write it, and blocks saving until a date is typed or picked.
     */
    public javafx.util.StringConverter<LocalDate> dateConverter() {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                return dateInput.format(date);
            }

            @Override
            public LocalDate fromString(String text) {
                if (text == null || text.isBlank()) {
                    typedDateError = "";
                    return null;
                }
                Optional<LocalDate> parsed = dateInput.parse(text);
                typedDateError = parsed.isPresent() ? ""
                        : format.text("team.panel.draft.badDate", text.strip(), format.text("team.panel.date.hint"),
                                dateInput.format(today));
                validate();
                return parsed.orElse(draftDate.get());
            }
        };
    }

    /** The date field's prompt: how to write a date (dd.mm.åååå in nb). */
    public String datePrompt() {
        return format.text("team.panel.date.hint");
    }

    public StringProperty draftNoteProperty() {
        return draftNote;
    }

    public ReadOnlyStringProperty draftErrorProperty() {
        return draftError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** This period's follow-up of the selected mentor (null: none yet). */
    public ReadOnlyObjectProperty<FollowUp> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canFollowUpProperty() {
        return canFollowUp.getReadOnlyProperty();
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }

    public BooleanBinding canDeleteProperty() {
        return canDelete;
    }

    public TeamFormat format() {
        return format;
    }
}
