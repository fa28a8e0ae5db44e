package org.impactdesk.ui.mentor;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.BadgeNames;
import org.impactdesk.domain.BundleText;
import org.impactdesk.domain.PeriodNames;
import org.impactdesk.domain.MentorOverview.YoyPoint;
import org.impactdesk.domain.MentorOverview;
import org.impactdesk.domain.MentorRef;
import org.impactdesk.domain.StoredSummaries;
import org.impactdesk.service.mentor.MentorService;
import org.impactdesk.ui.fx.Formats;
import org.impactdesk.ui.fx.Names;
import org.impactdesk.ui.fx.TaskRunner;

/**
 * The Mentor screen's state: one mentor's stored summaries, this year against last, by month or
 * quarter, in sessions or hours, as a chart or as a table of the same numbers. Loads through the
 * {@link MentorService} (scoped to the signed-in user) off the FX thread.
 */
public final class MentorViewModel {

    public enum Granularity { MONTH, QUARTER }

    public enum Measure { SESSIONS, HOURS }

    /** Opens the Wrapped previewer (the shell's navigation). */
    @FunctionalInterface
    public interface WrappedOpener {
        void openWrapped(String peerMentorId, int year);
    }

    /**
     * One bar pair of the chart and one line of its table: {@code thisYear}/{@code lastYear} are the
     * stored figures ({@code null} when none is stored), the texts their localised form ("" when none).
     * {@code partial}: the open month or quarter, whose figure is what exists so far; its label says so.
     */
    public record YoyRow(String label, Number thisYear, Number lastYear, String thisYearText, String lastYearText,
                         boolean partial) {

        /** A closed period's row. */
        public YoyRow(String label, Number thisYear, Number lastYear, String thisYearText, String lastYearText) {
            this(label, thisYear, lastYear, thisYearText, lastYearText, false);
        }
    }

    /** One line of the summaries list, localised. */
    public record SummaryRow(String kind, String period, String status, String sessions, String hours,
                             String generated) {
    }

    private final MentorService service;
    private final Actor actor;
    private final TaskRunner tasks;
    private final ResourceBundle messages;
    private final Locale locale;
    private final ZoneId zone;
    private final Supplier<LocalDate> today;
    private final WrappedOpener wrappedOpener;
    private final Formats formats;
    private final DateTimeFormatter dateFormat;
    private final Names names;
    /** What the picker shows for each mentor (by id): the name, told apart from the same name by association or id. */
    private java.util.Map<String, String> labels = java.util.Map.of();

    private final ObservableList<MentorRef> mentors = FXCollections.observableArrayList();
    private final ObjectProperty<MentorRef> selectedMentor = new SimpleObjectProperty<>(this, "selectedMentor");
    private final ObservableList<Integer> years = FXCollections.observableArrayList();
    private final ObjectProperty<Integer> selectedYear = new SimpleObjectProperty<>(this, "selectedYear");
    private final ObjectProperty<Granularity> granularity = new SimpleObjectProperty<>(this, "granularity", Granularity.MONTH);
    private final ObjectProperty<Measure> measure = new SimpleObjectProperty<>(this, "measure", Measure.SESSIONS);
    private final BooleanProperty tableShown = new SimpleBooleanProperty(this, "tableShown", false);
    private final ObservableList<YoyRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper thisYearName = new ReadOnlyStringWrapper(this, "thisYearName", "");
    private final ReadOnlyStringWrapper lastYearName = new ReadOnlyStringWrapper(this, "lastYearName", "");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper valueAxisLabel = new ReadOnlyStringWrapper(this, "valueAxisLabel", "");
    /** Under the month or quarter axis: what its marked (open) period's tick means; "" when none is open. */
    private final ReadOnlyStringWrapper categoryAxisLabel = new ReadOnlyStringWrapper(this, "categoryAxisLabel", "");
    /** The chart's category (tick text) of each row's label: the open period's short form with its mark ("Dec*"). */
    private final java.util.Map<String, String> tickTexts = new java.util.HashMap<>();
    private final ReadOnlyObjectWrapper<ValueAxis> valueAxis = new ReadOnlyObjectWrapper<>(this, "valueAxis",
            ValueAxis.of(0, true));
    /** An overview is loading. */
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "overviewBusy", false);
    /** The mentor list is loading. */
    private final ReadOnlyBooleanWrapper listBusy = new ReadOnlyBooleanWrapper(this, "listBusy", false);
    /** Either: what the screen's progress indicator shows. */
    private final ReadOnlyBooleanWrapper anyBusy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyObjectWrapper<MentorOverview> overview = new ReadOnlyObjectWrapper<>(this, "overview");
    private final ObservableList<SummaryRow> summaries = FXCollections.observableArrayList();
    private final ObservableList<String> milestones = FXCollections.observableArrayList();
    private final ObservableList<String> badges = FXCollections.observableArrayList();
    private final BooleanBinding canOpenWrapped;

    /** Guards against re-loading while the ViewModel itself sets the selection. */
    private boolean applying;
    /** Bumped by every load of a mentor's overview (0: none was asked for yet). */
    private long loadSequence;
    /** The screen has been visited: the mentor list is loaded (or loading). */
    private boolean visited;

    public MentorViewModel(MentorService service, Actor actor, TaskRunner tasks, ResourceBundle messages,
                           ZoneId zone, Supplier<LocalDate> today, WrappedOpener wrappedOpener) {
        this.service = service;
        this.actor = actor;
        this.tasks = tasks;
        this.messages = messages;
        this.locale = BundleText.locale(messages);
        this.zone = zone;
        this.today = today;
        this.wrappedOpener = wrappedOpener;
        this.formats = new Formats(locale);
        this.dateFormat = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        this.names = new Names(messages);

        anyBusy.bind(busy.or(listBusy));
        canOpenWrapped = Bindings.createBooleanBinding(
                () -> overview.get() != null && !busy.get(), overview, busy);
        selectedMentor.addListener((obs, old, now) -> {
            if (!applying && now != null) {
                load(now.peerMentorId(), null);
            }
        });
        selectedYear.addListener((obs, old, now) -> {
            if (!applying && now != null && selectedMentor.get() != null) {
                load(selectedMentor.get().peerMentorId(), now);
            }
        });
        granularity.addListener((obs, old, now) -> refreshRows());
        measure.addListener((obs, old, now) -> refreshRows());
    }

    /**
     * A visit of the screen (the shell calls it every time the screen is shown). The first one
     * loads the mentor list. {@code peerMentorId} (null: keep what is shown) opens that mentor, at
     * {@code year} or their latest year with summaries; a first visit without one shows the
     * signed-in peer mentor's own figures, or the first mentor in scope, once the list is in.
     */
    public void visit(String peerMentorId, Integer year) {
        if (peerMentorId != null) {
            load(peerMentorId, year);
        }
        if (!visited) {
            visited = true;
            loadMentors();
        }
    }

    /**
     * Fills the mentor picker with everyone in the user's scope. When no mentor has been asked for
     * yet (no overview loaded or loading), it then opens the signed-in peer mentor or the first in
     * the list; a mentor asked for meanwhile (opened from Team) is never replaced.
     */
    public void loadMentors() {
        listBusy.set(true);
        // nobody asked for yet: the mentor the list will open is read in the same task, not a second one after it lands
        boolean opens = loadSequence == 0 && selectedMentor.get() == null;
        record Loaded(List<MentorRef> list, MentorOverview first) {
        }
        tasks.run("mentor-list", progress -> {
            List<MentorRef> list = names.sorted(service.mentorsInScope(actor), MentorRef::displayName,
                    MentorRef::peerMentorId);
            MentorOverview first = null;
            if (opens && !list.isEmpty()) {
                String pm = firstToOpen(list).peerMentorId();
                LocalDate now = today.get();
                try {
                    first = service.overview(actor, pm, service.defaultYear(actor, pm, now), now);
                } catch (RuntimeException e) {
                    first = null; // opened the usual way below, which shows its own failure
                }
            }
            return new Loaded(list, first);
        }, TaskRunner.Callbacks.of(loaded -> {
            List<MentorRef> list = loaded.list();
            listBusy.set(false);
            MentorRef keep = selectedMentor.get();
            applying = true;
            try {
                relabel(list);
                mentors.setAll(list);
                if (keep != null) {
                    selectedMentor.set(list.stream().filter(m -> m.peerMentorId().equals(keep.peerMentorId()))
                            .findFirst().orElse(keep));
                }
            } finally {
                applying = false;
            }
            if (loadSequence == 0 && selectedMentor.get() == null && !list.isEmpty()) {
                if (loaded.first() != null) {
                    ++loadSequence;
                    busy.set(false);
                    apply(loaded.first());
                } else {
                    selectedMentor.set(firstToOpen(list));
                }
            }
        }, failure -> {
            listBusy.set(false);
            if (loadSequence == 0) {
                failed(failure);
            } else {
                // an overview is loading: its own outcome decides what the screen says
                error.set(BundleText.format(messages, locale, "mentor.error.load", reason(failure)));
            }
        }));
    }

    /** Whom a first visit opens: the signed-in peer mentor when in the list, else the first in it. */
    private MentorRef firstToOpen(List<MentorRef> list) {
        return list.stream().filter(m -> m.peerMentorId().equals(actor.peerMentorId())).findFirst().orElse(list.get(0));
    }

    /** Opens one mentor (from the Team table): their latest year with summaries. */
    public void openMentor(String peerMentorId) {
        load(peerMentorId, null);
    }

    /** Opens one mentor at a given year. */
    public void openMentor(String peerMentorId, int year) {
        load(peerMentorId, year);
    }

    public void reload() {
        MentorOverview shown = overview.get();
        if (shown != null) {
            load(shown.mentor().peerMentorId(), shown.year());
        }
    }

    public void openWrapped() {
        MentorOverview shown = overview.get();
        if (shown != null) {
            wrappedOpener.openWrapped(shown.mentor().peerMentorId(), shown.year());
        }
    }

    private void load(String peerMentorId, Integer year) {
        long sequence = ++loadSequence;
        busy.set(true);
        error.set("");
        tasks.run("mentor-overview", progress -> {
            LocalDate now = today.get();
            int chosen = year != null ? year : service.defaultYear(actor, peerMentorId, now);
            return service.overview(actor, peerMentorId, chosen, now);
        }, TaskRunner.Callbacks.of(result -> {
            if (sequence == loadSequence) {
                busy.set(false);
                apply(result);
            }
        }, failure -> {
            if (sequence == loadSequence) {
                failed(failure);
            }
        }));
    }

    private void failed(Throwable failure) {
        busy.set(false);
        if (failure instanceof MentorService.MentorNotFoundException) {
            error.set(messages.getString("mentor.error.notFound"));
        } else {
            error.set(BundleText.format(messages, locale, "mentor.error.load", reason(failure)));
        }
    }

    private static String reason(Throwable failure) {
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }

    private void apply(MentorOverview result) {
        applying = true;
        try {
            overview.set(result);
            MentorRef mentor = result.mentor();
            if (mentors.stream().noneMatch(m -> m.peerMentorId().equals(mentor.peerMentorId()))) {
                List<MentorRef> all = new ArrayList<>(mentors);
                all.add(mentor);
                all.sort(names.order(MentorRef::displayName, MentorRef::peerMentorId));
                relabel(all);
                mentors.setAll(all);
            }
            selectedMentor.set(mentors.stream().filter(m -> m.peerMentorId().equals(mentor.peerMentorId()))
                    .findFirst().orElse(mentor));
            years.setAll(result.availableYears());
            selectedYear.set(result.year());
        } finally {
            applying = false;
        }
        retitle();
        thisYearName.set(Integer.toString(result.year()));
        lastYearName.set(Integer.toString(result.year() - 1));
        note.set(noteFor(result));
        summaries.setAll(result.summaries().stream().map(this::summaryRow).toList());
        milestones.setAll(result.milestones().stream().map(this::milestoneText).toList());
        badges.setAll(result.awards().stream().map(this::badgeText).toList());
        refreshRows();
    }

    private String mentor(MentorOverview result) {
        return label(result.mentor());
    }

    private void relabel(List<MentorRef> list) {
        labels = names.labels(list, MentorRef::displayName, MentorRef::associationName, MentorRef::peerMentorId);
        retitle(); // the list may land after the overview: the title tells the shown mentor apart too
    }

    private void retitle() {
        MentorOverview shown = overview.get();
        if (shown != null) {
            title.set(BundleText.format(messages, locale, "mentor.title.for", mentor(shown),
                    Integer.toString(shown.year())));
        }
    }

    /**
     * What the picker and the title show for a mentor: the name, and where another mentor in the list
     * has the same name, their local association (or id, where that is the same too).
     */
    public String label(MentorRef m) {
        return m == null ? "" : labels.getOrDefault(m.peerMentorId(), m.displayName());
    }

    public java.util.Locale locale() {
        return locale;
    }

    /** The picker's tooltip: typing a name jumps to it. */
    public String typeAheadHint() {
        return messages.getString("names.typeAhead");
    }

    private void refreshRows() {
        MentorOverview shown = overview.get();
        boolean hours = measure.get() == Measure.HOURS;
        valueAxisLabel.set(messages.getString(hours ? "mentor.measure.hours" : "mentor.measure.sessions"));
        if (shown == null) {
            rows.clear();
            tickTexts.clear();
            categoryAxisLabel.set("");
            updateAxis(List.of(), !hours);
            return;
        }
        boolean byMonth = granularity.get() == Granularity.MONTH;
        List<YoyPoint> points = byMonth ? shown.months() : shown.quarters();
        List<YoyRow> out = new ArrayList<>(points.size());
        tickTexts.clear();
        String axisNote = "";
        for (YoyPoint p : points) {
            String label = byMonth
                    ? java.time.Month.of(p.index()).getDisplayName(TextStyle.SHORT_STANDALONE, locale)
                    : BundleText.format(messages, locale, "mentor.quarter.label", p.index());
            if (p.partial()) {
                // the axis has about 24 px a month beside the side panel at 1024 px: "Dec (so far)"
                // there hid November's tick; the tick says "Dec*" and the axis's label what * means
                String base = label;
                label = BundleText.format(messages, locale, "mentor.period.soFar", base);
                tickTexts.put(label, BundleText.format(messages, locale, "mentor.period.soFar.tick", base));
                // a quarter so far stands beside the same months of last year (the service sums them)
                axisNote = BundleText.format(messages, locale,
                        byMonth ? "mentor.period.soFar.axis" : "mentor.period.soFar.axis.quarter", base);
            }
            Number thisYear = hours ? p.thisYearHours() : p.thisYearSessions();
            Number lastYear = hours ? p.lastYearHours() : p.lastYearSessions();
            out.add(new YoyRow(label, thisYear, lastYear, format(thisYear), format(lastYear), p.partial()));
        }
        updateAxis(out, !hours); // before the rows: the chart rebuilt on their change reads the new axis
        categoryAxisLabel.set(axisNote);
        rows.setAll(out);
    }

    private String format(Number value) {
        if (value == null) {
            return "";
        }
        return value instanceof BigDecimal d ? formats.hours(d) : formats.count(value.longValue());
    }

    /**
     * The chart's value axis: from 0 to {@code upper} in steps of {@code tickUnit}; a count's steps
     * are whole numbers (never a tick at 0.25 sessions), hours' steps 0.5, 1, 2, 5, 10 and so on.
     */
    public record ValueAxis(double upper, double tickUnit, boolean count) {
        static ValueAxis of(double max, boolean count) {
            double raw = Math.max(max, count ? 1 : 0.5) / 5;
            double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
            double residual = raw / magnitude;
            double step = (residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10) * magnitude;
            if (count) {
                step = Math.max(1, Math.round(step));
            }
            double upper = Math.max(step, Math.ceil(max / step - 1e-9) * step);
            return new ValueAxis(upper, step, count);
        }
    }

    private void updateAxis(List<YoyRow> shown, boolean count) {
        double max = 0;
        for (YoyRow r : shown) {
            max = Math.max(max, Math.max(r.thisYear() == null ? 0 : r.thisYear().doubleValue(),
                    r.lastYear() == null ? 0 : r.lastYear().doubleValue()));
        }
        valueAxis.set(ValueAxis.of(max, count));
    }

    /** The chart's category (its tick) for a row's {@code label}: the label, or the open period's short marked form ("Dec*"). */
    public String categoryTickText(String label) {
        return tickTexts.getOrDefault(label, label);
    }

    public ReadOnlyStringProperty categoryAxisLabelProperty() {
        return categoryAxisLabel.getReadOnlyProperty();
    }

    /** A tick label of the value axis, in the chosen language: whole numbers for sessions. */
    public String tickText(Number value) {
        ValueAxis axis = valueAxis.get();
        return formats.tick(value, axis == null || axis.count());
    }

    public ReadOnlyObjectProperty<ValueAxis> valueAxisProperty() {
        return valueAxis.getReadOnlyProperty();
    }

    private String date(Instant instant) {
        return instant == null ? "" : dateFormat.format(instant.atZone(zone));
    }

    private String noteFor(MentorOverview result) {
        List<String> notes = new ArrayList<>();
        switch (result.thisYearSource()) {
            case PREVIEW -> notes.add(BundleText.format(messages, locale, "mentor.note.preview",
                    Integer.toString(result.year())));
            case STORED_OPEN_YEAR -> notes.add(BundleText.format(messages, locale, "mentor.note.openStored",
                    Integer.toString(result.year())));
            case MISSING -> notes.add(BundleText.format(messages, locale, "mentor.note.missing",
                    Integer.toString(result.year())));
            case STORED -> { }
        }
        if (!result.lastYearStored()) {
            notes.add(BundleText.format(messages, locale, "mentor.note.noLastYear",
                    Integer.toString(result.year() - 1)));
        }
        return String.join(" ", notes);
    }

    private SummaryRow summaryRow(MentorOverview.SummaryEntry e) {
        String kind = messages.getString("mentor.kind." + e.kind().name().toLowerCase(Locale.ROOT));
        String statusKey = (e.kind() == MentorOverview.Kind.PERIODIC ? "mentor.outlier." : "mentor.status.") + e.status();
        // an outlier label (underactive, overloaded) is for the coordinator: a peer mentor never sees one about themself
        String status = e.kind() == MentorOverview.Kind.PERIODIC && actor.isPeerMentorOnly() ? "" : text(statusKey, e.status());
        return new SummaryRow(kind, PeriodNames.shown(e.period(), messages), status, format(e.sessions()), format(e.hours()),
                date(e.generatedAt()));
    }

    private String milestoneText(StoredSummaries.MilestoneItem m) {
        String label = text("mentor.milestone." + m.key(), m.key());
        return m.achievedAt() == null ? label
                : BundleText.format(messages, locale, "mentor.dated", label, date(m.achievedAt()));
    }

    private String badgeText(StoredSummaries.AwardItem a) {
        String label = a.name() != null ? BadgeNames.shown(a.name(), a.nameNb(), messages)
                : a.key() != null ? a.key() : a.achievementId();
        if (a.forYear() != null) { // "Year in review 2025": the year it is for says more than the day it was dated
            return BundleText.format(messages, locale, "mentor.badge.forYear", label, Integer.toString(a.forYear()));
        }
        return a.awardedAt() == null ? label
                : BundleText.format(messages, locale, "mentor.dated", label, date(a.awardedAt()));
    }

    private String text(String key, String fallback) {
        try {
            return messages.getString(key);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }

    public ObservableList<MentorRef> mentors() {
        return mentors;
    }

    public ObjectProperty<MentorRef> selectedMentorProperty() {
        return selectedMentor;
    }

    public ObservableList<Integer> years() {
        return years;
    }

    public ObjectProperty<Integer> selectedYearProperty() {
        return selectedYear;
    }

    public ObjectProperty<Granularity> granularityProperty() {
        return granularity;
    }

    public ObjectProperty<Measure> measureProperty() {
        return measure;
    }

    public BooleanProperty tableShownProperty() {
        return tableShown;
    }

    /** The chart's bars and the table's lines: the same numbers. */
    public ObservableList<YoyRow> rows() {
        return rows;
    }

    public ReadOnlyStringProperty thisYearNameProperty() {
        return thisYearName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastYearNameProperty() {
        return lastYearName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty valueAxisLabelProperty() {
        return valueAxisLabel.getReadOnlyProperty();
    }

    /** The mentor list or an overview is loading. */
    public ReadOnlyBooleanProperty busyProperty() {
        return anyBusy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MentorOverview> overviewProperty() {
        return overview.getReadOnlyProperty();
    }

    public ObservableList<SummaryRow> summaries() {
        return summaries;
    }

    public ObservableList<String> milestones() {
        return milestones;
    }

    public ObservableList<String> badges() {
        return badges;
    }

    public BooleanBinding canOpenWrappedProperty() {
        return canOpenWrapped;
    }
}
