package org.impactdesk.ui.team;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import java.util.function.Predicate;
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
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.Association;
import org.impactdesk.domain.OutlierStatus;
import org.impactdesk.domain.Period;
import org.impactdesk.domain.PrivateFiles;
import org.impactdesk.domain.TeamLine;
import org.impactdesk.domain.TeamTable;
import org.impactdesk.service.team.TeamService;
import org.impactdesk.ui.fx.DialogService;
import org.impactdesk.ui.fx.Names;
import org.impactdesk.ui.fx.TaskRunner;

/**
 * The Team screen's state: the stored outlier rows of one quarter or half for everyone in the
 * signed-in user's scope, loaded once per period off the FX thread through the
 * {@link TeamService}; filtered by status, association and name and sorted in memory
 * ({@link FilteredList} / {@link SortedList}: typing in the search box changes a predicate, it
 * never asks the database). Coordinator team rows stay pinned at the top through every filter and
 * sort. Exports exactly the rows shown, in their order.
 */
public final class TeamViewModel {

    /**
     * The status filter: everyone, one outlier status, or the paused mentors. A paused mentor is
     * never underactive, normal or overloaded here (whatever the stored status says): only PAUSED
     * and ALL show them.
     */
    public enum StatusFilter {
        ALL, UNDERACTIVE, NORMAL, OVERLOADED, PAUSED,
        /** Underactive or overloaded, not paused, and not followed up by the signed-in user this period. */
        FLAGGED_NOT_FOLLOWED_UP;

        public boolean matches(OutlierStatus status) {
            return this == ALL || name().equals(status.name());
        }

        /** Whether a mentor's line passes: paused mentors only under ALL and PAUSED. */
        public boolean matches(TeamLine line) {
            if (this == ALL) {
                return true;
            }
            if (line.paused()) {
                return this == PAUSED;
            }
            if (this == FLAGGED_NOT_FOLLOWED_UP) {
                return line.flagged();
            }
            return this != PAUSED && matches(line.status());
        }

        public static StatusFilter of(OutlierStatus status) {
            return valueOf(status.name());
        }
    }

    /** A named set of peer mentors the table is limited to (e.g. "Newly underactive"). */
    public record MentorSet(String label, java.util.Set<String> peerMentorIds) {
        public MentorSet {
            peerMentorIds = java.util.Set.copyOf(peerMentorIds);
        }
    }

    /** The association filter's choices: {@link #ALL} or one local association. */
    public record AssociationChoice(String id, String name) {
        public static final AssociationChoice ALL = new AssociationChoice(null, null);

        public boolean isAll() {
            return id == null;
        }
    }

    /** Opens the Mentor screen on one peer mentor at a year (the shell's navigation). */
    @FunctionalInterface
    public interface MentorOpener {
        void openMentor(String peerMentorId, int year);
    }

    /** The table's columns: what each sorts by and shows. */
    public enum Column {
        NAME, ASSOCIATIONS, SESSIONS, HOURS, YOY_SESSIONS, YOY_HOURS, YOY_PERCENT, PRIOR_SESSIONS, PRIOR_HOURS,
        STATUS, UNDERACTIVE_THRESHOLD, OVERLOADED_THRESHOLD
    }

    /** Team rows before mentor rows, whatever the sort. */
    private static final Comparator<TeamLine> PINNED = Comparator.comparing((TeamLine l) -> !l.isTeam());

    private final TeamService service;
    private final Actor actor;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final MentorOpener mentorOpener;
    private final TeamFormat format;
    private final Collator collator;
    private final Names names;
    /** The name column's text of mentors whose name and association another mentor shares (by id): the name and id. */
    private java.util.Map<String, String> apart = java.util.Map.of();

    private final ObservableList<Period> periods = FXCollections.observableArrayList();
    private final ObjectProperty<Period> period = new SimpleObjectProperty<>(this, "period");
    private final ObjectProperty<StatusFilter> statusFilter = new SimpleObjectProperty<>(this, "statusFilter", StatusFilter.ALL);
    private final ObservableList<AssociationChoice> associations = FXCollections.observableArrayList(AssociationChoice.ALL);
    private final ObjectProperty<AssociationChoice> association = new SimpleObjectProperty<>(this, "association", AssociationChoice.ALL);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObjectProperty<Comparator<TeamLine>> order = new SimpleObjectProperty<>(this, "order");
    private final ObjectProperty<TeamLine> selected = new SimpleObjectProperty<>(this, "selected");
    /** Only these mentors (Home's "since the last sync" lists), or null for no such limit. */
    private final ObjectProperty<MentorSet> only = new SimpleObjectProperty<>(this, "only");

    // sorted first, filtered on top: a new predicate (a keystroke) is one O(n) pass of the
    // FilteredList; a SortedList over a FilteredList would re-place every added or removed row
    // one by one (O(n^2): 300+ ms a keystroke at 5,000 rows)
    private final ObservableList<TeamLine> lines = FXCollections.observableArrayList();
    private final SortedList<TeamLine> sorted = new SortedList<>(lines);
    private final FilteredList<TeamLine> filtered = new FilteredList<>(sorted, l -> true);

    private final ReadOnlyObjectWrapper<TeamTable> table = new ReadOnlyObjectWrapper<>(this, "table");
    /** The period whose lines are being read (or were read last): known before they land. */
    private final ReadOnlyObjectWrapper<Period> loadingPeriod = new ReadOnlyObjectWrapper<>(this, "loadingPeriod");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper(this, "placeholder", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final BooleanBinding canOpen;
    private final BooleanBinding canExport;

    /** Which lines the signed-in user has followed up this period (the side panel's marks). */
    private Predicate<TeamLine> followedUp = line -> false;

    /** Guards against re-loading while the ViewModel itself sets the period. */
    private boolean applying;
    private boolean started;
    private long loadSequence;

    public TeamViewModel(TeamService service, Actor actor, TaskRunner tasks, java.util.ResourceBundle messages,
                         DialogService dialogs, MentorOpener mentorOpener) {
        this.service = service;
        this.actor = actor;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.mentorOpener = Objects.requireNonNull(mentorOpener, "mentorOpener");
        this.format = new TeamFormat(messages);
        this.collator = Names.collator(format.locale());
        this.names = new Names(messages);

        sorted.setComparator(PINNED.thenComparing(byName()));
        // an invalidation listener: a table's comparator after a sort-direction flip equals the old one
        // (same columns), so a change listener would miss it
        order.addListener(obs -> {
            Comparator<TeamLine> now = order.get();
            sorted.setComparator(PINNED.thenComparing(now != null ? now : byName()));
        });
        statusFilter.addListener((obs, old, now) -> refilter());
        association.addListener((obs, old, now) -> refilter());
        search.addListener((obs, old, now) -> refilter());
        only.addListener((obs, old, now) -> refilter());
        period.addListener((obs, old, now) -> {
            if (!applying && now != null) {
                load(now);
            }
        });
        busy.addListener((obs, old, now) -> updatePlaceholder());
        canOpen = Bindings.createBooleanBinding(() -> selected.get() != null && !selected.get().isTeam(), selected);
        canExport = Bindings.createBooleanBinding(() -> !filtered.isEmpty() && !busy.get(), filtered, busy);
        updatePlaceholder();
    }

    // ---- commands

    /**
     * First show: the periods to pick from and the default (last closed) quarter, unless one was
     * asked for. The periods, the table and (through {@link #loadingPeriodProperty()}) the side
     * panel's months are read side by side: a whole organisation's periods take as long to read as
     * a coordinator's whole table.
     */
    public void start() {
        started = true;
        Period asked = period.get();
        long sequence = ++loadSequence;
        busy.set(true);
        error.set("");
        Comparator<TeamLine> order = workerOrder();
        // the periods to pick from, and the default period (it needs the organisation's zone, a read):
        // the months start once that period is known; the table's worker reads the zone too rather
        // than wait for this to land
        tasks.run("team-periods", progress -> new Choices(service.periods(actor),
                asked != null ? asked : service.defaultPeriod(actor)), TaskRunner.Callbacks.of(choices -> {
            if (sequence == loadSequence) {
                loadingPeriod.set(choices.chosen());
            }
            Period shown = period.get() != null ? period.get() : choices.chosen();
            // the table may have landed first: its period stays chosen while the picker's list fills
            applying = true;
            try {
                periods.setAll(withPeriod(choices.periods(), shown));
                if (!shown.equals(period.get())) {
                    period.set(shown);
                }
            } finally {
                applying = false;
            }
        }, failure -> failed(sequence, failure)));
        if (asked != null) {
            loadingPeriod.set(asked); // known now: the months need not wait for the periods
        }
        tasks.run("team-start", progress -> prepare(service.table(actor, asked != null ? asked : service.defaultPeriod(actor)),
                order), TaskRunner.Callbacks.of(result -> {
                    if (sequence == loadSequence) {
                        apply(result);
                    }
                }, failure -> failed(sequence, failure)));
    }

    /** The periods to pick from and the one the screen opens on. */
    private record Choices(List<Period> periods, Period chosen) {
    }

    /**
     * A table as the screen shows it, made on the worker: the name column's labels of mentors who
     * share a name, and every line in the default order when the table shows it (the SortedList then
     * finds them sorted: one pass instead of sorting some thousands of names by collation on the FX
     * thread).
     */
    private record Prepared(TeamTable table, java.util.Map<String, String> apart, List<TeamLine> lines) {
    }

    /**
     * The order a worker may sort the lines in: the default one (team rows first, then by name), a
     * plain comparator; null when the table is sorted by a column, whose comparator reads the
     * table's columns and so stays on the FX thread (the SortedList sorts those lines there).
     */
    private Comparator<TeamLine> workerOrder() {
        return order.get() == null ? PINNED.thenComparing(byName()) : null;
    }

    /** Runs on the worker: {@code order} from {@link #workerOrder()} when the load began (null: left to the SortedList). */
    private Prepared prepare(TeamTable t, Comparator<TeamLine> order) {
        java.util.Map<String, String> labels = names.labelsBesidePlace(t.mentorLines(), TeamLine::name,
                TeamLine::associationNames, TeamLine::peerMentorId);
        List<TeamLine> all = new ArrayList<>(t.teamLines().size() + t.mentorLines().size());
        all.addAll(t.teamLines());
        all.addAll(t.mentorLines());
        if (order != null) {
            all.sort(order);
        }
        return new Prepared(t, labels, all);
    }

    /**
     * A visit of the screen (every time the shell shows it) with what the request carries:
     * {@code p} a period (Home's tiles), {@code filter} an outlier filter; null keeps what is
     * shown. A first plain visit starts the screen; a later one changes nothing.
     */
    public void visit(Period p, StatusFilter filter) {
        if (p != null) {
            show(p, filter == null ? StatusFilter.ALL : filter);
        } else if (filter != null) {
            show(filter);
        } else if (!started) {
            start();
        }
    }

    /** Opens the screen on a period limited to some mentors (Home's "since the last sync" lists). */
    public void showOnly(Period p, MentorSet mentors) {
        show(p, StatusFilter.ALL);
        only.set(mentors);
    }

    /** Opens the screen filtered to one status (the Home screen's tiles): keeps the period, or starts. */
    public void show(StatusFilter filter) {
        only.set(null);
        statusFilter.set(filter);
        association.set(AssociationChoice.ALL);
        search.set("");
        if (!started) {
            start();
        }
    }

    /** Opens the screen on a period (e.g. the one Home shows) filtered to one status. */
    public void show(Period p, StatusFilter filter) {
        only.set(null);
        statusFilter.set(filter);
        association.set(AssociationChoice.ALL);
        search.set("");
        if (!started) {
            applying = true;
            try {
                period.set(p);
            } finally {
                applying = false;
            }
            start();
        } else if (!p.equals(period.get())) {
            period.set(p);
        } else {
            reload();
        }
    }

    /** Reads the shown period again (after a sync, or F5). */
    public void reload() {
        if (!started) {
            start();
        } else if (period.get() != null) {
            load(period.get());
        }
    }

    private void load(Period p) {
        long sequence = ++loadSequence;
        busy.set(true);
        error.set("");
        loadingPeriod.set(p);
        Comparator<TeamLine> order = workerOrder();
        tasks.run("team-table", progress -> prepare(service.table(actor, p), order), TaskRunner.Callbacks.of(result -> {
            if (sequence == loadSequence) {
                apply(result);
            }
        }, failure -> failed(sequence, failure)));
    }

    private static List<Period> withPeriod(List<Period> list, Period p) {
        if (list.contains(p)) {
            return list;
        }
        List<Period> out = new ArrayList<>(list);
        out.add(p);
        out.sort(TeamService.NEWEST_FIRST);
        return out;
    }

    private void apply(Prepared prepared) {
        TeamTable result = prepared.table();
        applying = true;
        try {
            if (!periods.contains(result.period())) {
                periods.setAll(withPeriod(periods, result.period()));
            }
            period.set(result.period());
        } finally {
            applying = false;
        }
        AssociationChoice keep = association.get();
        List<AssociationChoice> choices = new ArrayList<>();
        choices.add(AssociationChoice.ALL);
        for (Association a : result.associations()) {
            choices.add(new AssociationChoice(a.id(), a.name()));
        }
        if (!associations.equals(choices)) { // the same choices (most period changes): the picker keeps its list
            associations.setAll(choices);
        }
        association.set(choices.stream().filter(c -> Objects.equals(c.id(), keep == null ? null : keep.id()))
                .findFirst().orElse(AssociationChoice.ALL));
        // the association has a column of its own: the same name in the same association gets the id
        apart = prepared.apart();
        table.set(result);
        selected.set(null);
        // the filter's predicate is current (every input to it refilters when it changes), so the new
        // lines pass through it once: no second refill of the table with the same rows
        lines.setAll(prepared.lines());
        updatePlaceholder();
        updateSummary();
        busy.set(false);
    }

    private void failed(long sequence, Throwable failure) {
        if (sequence != loadSequence) {
            return;
        }
        busy.set(false);
        if (failure instanceof CancellationException) {
            return;
        }
        error.set(format.text("team.error.load",
                failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage()));
        updatePlaceholder();
    }

    /** Opens the selected mentor on the Mentor screen, at the shown period's year. */
    public void openSelected() {
        open(selected.get());
    }

    public void open(TeamLine line) {
        if (line != null && !line.isTeam() && period.get() != null) {
            mentorOpener.openMentor(line.peerMentorId(), period.get().year());
        }
    }

    /** Asks where to save, then writes the rows shown (current filter and sort) as CSV, off the FX thread. */
    public void export() {
        if (!canExport.get()) {
            return;
        }
        Optional<Path> target = dialogs.chooseFileToSave(format.text("team.export.title"), suggestedFileName(),
                List.of("*.csv"));
        if (target.isEmpty()) {
            return;
        }
        Path file = target.get();
        List<TeamLine> shown = List.copyOf(filtered);
        message.set("");
        tasks.run("team-export", progress -> {
            try (OutputStream out = PrivateFiles.newOutputStream(file)) {
                new TeamCsv(format).write(shown, out);
            }
            return shown.size();
        }, TaskRunner.Callbacks.of(
                count -> message.set(format.text("team.export.done", count, file.getFileName().toString())),
                failure -> dialogs.showError(format.text("team.export.title"), format.text("team.export.failed",
                        file.toString(), failure.getMessage() == null ? failure.toString() : failure.getMessage()))));
    }

    /** The CSV of the rows shown, as {@link #export()} writes it. */
    public void writeCsv(OutputStream out) throws IOException {
        new TeamCsv(format).write(List.copyOf(filtered), out);
    }

    public String suggestedFileName() {
        Period p = period.get();
        return "team-" + (p == null ? "table" : p.toString()) + ".csv";
    }

    // ---- filtering and sorting

    private void refilter() {
        filtered.setPredicate(predicate());
        updatePlaceholder();
        updateSummary();
        if (selected.get() != null && !filtered.contains(selected.get())) {
            selected.set(null);
        }
    }

    /** Which lines are followed up this period (for the "flagged, not followed up" filter); refilters. */
    public void setFollowedUp(Predicate<TeamLine> followedUp) {
        this.followedUp = Objects.requireNonNull(followedUp, "followedUp");
        if (statusFilter.get() == StatusFilter.FLAGGED_NOT_FOLLOWED_UP) {
            refilter(); // only this filter reads the marks: no other filter re-lays the rows (or the selection) out
        }
    }

    private Predicate<TeamLine> predicate() {
        StatusFilter status = statusFilter.get() == null ? StatusFilter.ALL : statusFilter.get();
        Predicate<TeamLine> followed = followedUp;
        MentorSet limit = only.get();
        AssociationChoice in = association.get() == null ? AssociationChoice.ALL : association.get();
        String query = search.get() == null ? "" : search.get().strip().toLowerCase(format.locale());
        return line -> line.isTeam()
                || (status.matches(line) && (status != StatusFilter.FLAGGED_NOT_FOLLOWED_UP || !followed.test(line))
                    && (limit == null || limit.peerMentorIds().contains(line.peerMentorId()))
                    && (in.isAll() || line.belongsTo(in.id()))
                    && (query.isEmpty() || line.name().toLowerCase(format.locale()).contains(query)));
    }

    private void updateSummary() {
        TeamTable t = table.get();
        if (t == null) {
            summary.set("");
            return;
        }
        long shown = filtered.stream().filter(l -> !l.isTeam()).count();
        long under = t.mentorLines().stream().filter(l -> !l.paused() && l.status() == OutlierStatus.UNDERACTIVE).count();
        long over = t.mentorLines().stream().filter(l -> !l.paused() && l.status() == OutlierStatus.OVERLOADED).count();
        long paused = t.mentorLines().stream().filter(TeamLine::paused).count();
        String text = format.text("team.summary", shown, t.mentorLines().size(), under, over);
        summary.set(paused == 0 ? text : text + format.text("team.summary.paused", paused));
    }

    private void updatePlaceholder() {
        TeamTable t = table.get();
        if (t == null) {
            placeholder.set(format.text(busy.get() ? "team.placeholder.loading" : "team.placeholder.none"));
        } else if (t.mentorLines().isEmpty() && t.teamLines().isEmpty()) {
            placeholder.set(format.text("team.placeholder.empty", format.period(t.period())));
        } else {
            placeholder.set(format.text("team.placeholder.filtered"));
        }
    }

    private Comparator<TeamLine> byName() {
        // equal names keep one order, by id, whatever order the rows were read in
        return Comparator.comparing(TeamLine::name, collator)
                .thenComparing(TeamLine::peerMentorId, Comparator.nullsFirst(Comparator.naturalOrder()));
    }

    /** What a column sorts by: the stored number (null when there is none), the status's rank, or the text. */
    public static Function<TeamLine, Object> value(Column column) {
        return switch (column) {
            case NAME -> TeamLine::name;
            case ASSOCIATIONS -> TeamLine::associationNames;
            case SESSIONS -> TeamLine::sessions;
            case HOURS -> TeamLine::hours;
            case YOY_SESSIONS -> TeamLine::yoyDeltaSessions;
            case YOY_HOURS -> TeamLine::yoyDeltaHours;
            case YOY_PERCENT -> TeamLine::yoyDeltaPercent;
            case PRIOR_SESSIONS -> TeamLine::priorYearSessions;
            case PRIOR_HOURS -> TeamLine::priorYearHours;
            case STATUS -> TeamViewModel::badge;
            case UNDERACTIVE_THRESHOLD -> TeamLine::underactiveThreshold;
            case OVERLOADED_THRESHOLD -> TeamLine::overloadedThreshold;
        };
    }

    /** A column's comparator on its values: numbers by value, texts by the locale's collation, blanks (no prior data) first. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Comparator<Object> valueComparator(Column column) {
        Comparator<Object> nonNull = switch (column) {
            case NAME, ASSOCIATIONS -> (a, b) -> collator.compare((String) a, (String) b);
            default -> (a, b) -> ((Comparable) a).compareTo(b);
        };
        return Comparator.nullsFirst(nonNull);
    }

    /** A comparator over whole lines for one column (for tests and callers without a table). */
    public Comparator<TeamLine> comparator(Column column, boolean ascending) {
        Function<TeamLine, Object> v = value(column);
        Comparator<TeamLine> c = (a, b) -> valueComparator(column).compare(v.apply(a), v.apply(b));
        return ascending ? c : c.reversed();
    }

    /** The text a cell shows for a column's value: locale-formatted, blank for a missing figure. */
    public String text(Column column, TeamLine line) {
        return switch (column) {
            case NAME -> line.isTeam() ? format.name(line) : apart.getOrDefault(line.peerMentorId(), line.name());
            case ASSOCIATIONS -> line.associationNames();
            case SESSIONS -> format.count(line.sessions());
            case HOURS -> format.hours(line.hours());
            case YOY_SESSIONS -> format.countDelta(line.yoyDeltaSessions());
            case YOY_HOURS -> format.hoursDelta(line.yoyDeltaHours());
            case YOY_PERCENT -> format.percentDelta(line.yoyDeltaPercent());
            case PRIOR_SESSIONS -> format.count(line.priorYearSessions());
            case PRIOR_HOURS -> format.hours(line.priorYearHours());
            case STATUS -> format.status(line);
            case UNDERACTIVE_THRESHOLD -> format.count(line.underactiveThreshold());
            case OVERLOADED_THRESHOLD -> format.count(line.overloadedThreshold());
        };
    }

    /** What the status column shows: the stored outlier status, or PAUSED for a paused mentor. */
    public static Badge badge(TeamLine line) {
        return line.paused() ? Badge.PAUSED : Badge.valueOf(line.status().name());
    }

    /** The status column's badges, in their sort order; {@link #code()} is the badge's style class. */
    public enum Badge {
        UNDERACTIVE, NORMAL, OVERLOADED, PAUSED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public String statusText(StatusFilter filter) {
        return format.text("team.filter." + filter.name().toLowerCase(Locale.ROOT));
    }

    public String associationText(AssociationChoice choice) {
        return choice == null || choice.isAll() ? format.text("team.filter.allAssociations") : choice.name();
    }

    public String periodText(Period p) {
        return p == null ? "" : format.period(p);
    }

    public TeamFormat format() {
        return format;
    }

    // ---- properties

    public ObservableList<Period> periods() {
        return periods;
    }

    public ObjectProperty<Period> periodProperty() {
        return period;
    }

    public ObjectProperty<StatusFilter> statusFilterProperty() {
        return statusFilter;
    }

    public ObservableList<AssociationChoice> associations() {
        return associations;
    }

    public ObjectProperty<AssociationChoice> associationProperty() {
        return association;
    }

    public StringProperty searchProperty() {
        return search;
    }

    /** The user's sort (the table's comparator); team rows stay first whatever it is. Null: by name. */
    public ObjectProperty<Comparator<TeamLine>> orderProperty() {
        return order;
    }

    /** "Only: Newly underactive (3) · show everyone", or blank without a limit. */
    public String onlyText() {
        MentorSet m = only.get();
        return m == null ? "" : format.text("team.only", m.label(), m.peerMentorIds().size());
    }

    /** The mentor set the table is limited to (null: none); set it to null to show everyone again. */
    public ObjectProperty<MentorSet> onlyProperty() {
        return only;
    }

    public ObjectProperty<TeamLine> selectedProperty() {
        return selected;
    }

    /** The rows shown: sorted and filtered, team rows first. */
    public ObservableList<TeamLine> rows() {
        return filtered;
    }

    /**
     * The period whose lines are being read, set as a read begins (for the first default period,
     * once its zone is read): the side panel reads its months beside the table, not after it.
     */
    public ReadOnlyObjectProperty<Period> loadingPeriodProperty() {
        return loadingPeriod.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TeamTable> tableProperty() {
        return table.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public BooleanBinding canOpenProperty() {
        return canOpen;
    }

    public BooleanBinding canExportProperty() {
        return canExport;
    }
}
