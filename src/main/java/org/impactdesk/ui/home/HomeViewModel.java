package org.impactdesk.ui.home;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
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
import org.impactdesk.access.Actor;
import org.impactdesk.access.Scope;
import org.impactdesk.domain.BundleText;
import org.impactdesk.domain.HomeFigures;
import org.impactdesk.domain.MentorRef;
import org.impactdesk.domain.Period;
import org.impactdesk.domain.PeriodNames;
import org.impactdesk.service.alerts.AlertService;
import org.impactdesk.domain.TeamChanges;
import org.impactdesk.service.followup.TeamChangesSource;
import org.impactdesk.service.home.HomeService.PeriodKind;
import org.impactdesk.service.home.HomeService;
import org.impactdesk.ui.fx.Formats;
import org.impactdesk.ui.fx.Names;
import org.impactdesk.ui.fx.TaskRunner;
import org.impactdesk.ui.shell.NavigationRequest.StatusFilter;
import org.impactdesk.ui.shell.NavigationRequest;
import org.impactdesk.ui.shell.Navigator;
import org.impactdesk.ui.shell.ScreenId;

/**
 * Home: the stored figures of the chosen quarter or half (default: the last closed one) as
 * tiles, each opening the matching view. Figures come from {@link HomeService}, scoped to the
 * signed-in user; this class only formats them.
 */
public final class HomeViewModel {

    /** {@link #ALERTS}: admins only (open generation alerts), see {@link #alertsShownProperty()}. */
    public enum TileKind { HOURS, ACTIVITIES, ACTIVE_MENTORS, UNDERACTIVE, OVERLOADED, YOY, LAST_SYNC, ALERTS }

    /** One list of Home's "since the last sync": its heading with the count, the first names, and what it opens. */
    public record ChangeGroup(String title, String names, int count, NavigationRequest request) {
    }

    /** A tile's big figure and the line under it. */
    public record TileText(String value, String detail) {
    }

    private final HomeService service;
    /** Failed generations (the Alerts tile); null: no tile. */
    private final AlertService alerts;
    private final Actor actor;
    private final TaskRunner tasks;
    private final ResourceBundle messages;
    private final Formats formats;
    private final ZoneId zone;
    private final Navigator navigator;

    private final ObjectProperty<PeriodKind> kind = new SimpleObjectProperty<>(this, "kind", PeriodKind.QUARTER);
    private final ObservableList<Period> periods = FXCollections.observableArrayList();
    private final ObjectProperty<Period> period = new SimpleObjectProperty<>(this, "period");
    private final Map<TileKind, ReadOnlyObjectWrapper<TileText>> tiles = new EnumMap<>(TileKind.class);
    private final ReadOnlyObjectWrapper<HomeFigures> figures = new ReadOnlyObjectWrapper<>(this, "figures");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyBooleanWrapper alertsShown = new ReadOnlyBooleanWrapper(this, "alertsShown", false);
    private final ReadOnlyObjectWrapper<AlertService.Overview> alertOverview = new ReadOnlyObjectWrapper<>(this, "alertOverview");
    private final ObservableList<ChangeGroup> changes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper changesTitle = new ReadOnlyStringWrapper(this, "changesTitle", "");
    private final TeamChangesSource changesSource;
    private boolean applying;
    private long sequence;

    /** Home without the Alerts tile and the "since the last sync" lists. */
    public HomeViewModel(HomeService service, Actor actor, TaskRunner tasks, ResourceBundle messages, Formats formats,
                         ZoneId zone, Navigator navigator) {
        this(service, null, null, actor, tasks, messages, formats, zone, navigator);
    }

    /**
     * Home with the Alerts tile's source ({@code alerts}: shown to administrators only) and the "since
     * the last sync" lists ({@code changes}); either null: not shown.
     */
    public HomeViewModel(HomeService service, AlertService alerts, TeamChangesSource changes, Actor actor, TaskRunner tasks,
                         ResourceBundle messages, Formats formats, ZoneId zone, Navigator navigator) {
        this.changesSource = changes;
        this.service = service;
        this.alerts = alerts;
        this.alertsShown.set(alerts != null && actor.isAdmin());
        this.actor = actor;
        this.tasks = tasks;
        this.messages = messages;
        this.formats = formats;
        this.zone = zone;
        this.navigator = navigator;
        for (TileKind k : TileKind.values()) {
            tiles.put(k, new ReadOnlyObjectWrapper<>(this, k.name(), new TileText("–", "")));
        }
        kind.addListener((obs, old, now) -> {
            if (!applying) {
                loadPeriods(null);
            }
        });
        period.addListener((obs, old, now) -> {
            if (!applying && now != null) {
                loadFigures(now);
            }
        });
    }

    /**
     * The tiles this user gets, in order: a peer mentor their own figures (hours, sessions, against
     * the year before), none of the team's (mentor counts, outliers) nor the import's.
     */
    public List<TileKind> tileKinds() {
        return actor.isPeerMentorOnly() ? List.of(TileKind.HOURS, TileKind.ACTIVITIES, TileKind.YOY)
                : List.of(TileKind.values());
    }

    /** Lists the stored periods of the kind and shows the last closed one (or {@code wanted}). */
    public void load() {
        loadPeriods(null);
        loadAlerts();
    }

    /** Shows {@code wanted} (a navigation request's period). */
    public void show(Period wanted) {
        if (wanted != null || period.get() != null) {
            loadAlerts(); // load() does it otherwise
        }
        if (wanted == null) {
            if (period.get() == null) {
                load();
            } else {
                loadFigures(period.get());
            }
            return;
        }
        applying = true;
        kind.set(wanted instanceof Period.Quarter ? PeriodKind.QUARTER : PeriodKind.HALF);
        applying = false;
        loadPeriods(wanted);
    }

    public void refresh() {
        if (period.get() == null) {
            load();
        } else {
            loadPeriods(period.get());
            loadAlerts();
        }
    }

    /** The Alerts tile: open alerts in the admin's scope, and the failures waiting for a retry. */
    private void loadAlerts() {
        if (!alertsShown.get()) {
            return;
        }
        tasks.run("home-alerts", p -> alerts.overview(actor), TaskRunner.Callbacks.of(o -> {
            alertOverview.set(o);
            tile(TileKind.ALERTS, formats.integer(o.openAlerts()), o.openAlerts() == 0 && o.retrying() == 0
                    ? messages.getString("home.tile.alerts.none") : fmt("home.tile.alerts.detail", formats.integer(o.retrying())));
        }, this::failed));
    }

    /**
     * Lists the stored periods of the kind and reads the figures of the one shown ({@code wanted}, or
     * the last closed one) in the same task: the figures do not wait for the list to land first, nor
     * "since the last sync" for the figures (read beside them).
     */
    private void loadPeriods(Period wanted) {
        PeriodKind k = kind.get();
        long seq = ++sequence;
        busy.set(true);
        loadChanges(seq, () -> wanted != null ? wanted : HomeService.lastClosed(k, service.today(actor)));
        record Loaded(List<Period> stored, LocalDate today, Period chosen, HomeFigures figures) {
        }
        tasks.run("home-periods", p -> {
            List<Period> stored = service.storedPeriods(actor, k);
            LocalDate today = service.today(actor);
            Period chosen = wanted != null ? wanted : HomeService.lastClosed(k, today);
            return new Loaded(stored, today, chosen, service.figures(actor, chosen));
        }, TaskRunner.Callbacks.of(l -> {
            Period lastClosed = HomeService.lastClosed(k, l.today());
            List<Period> list = new ArrayList<>(l.stored());
            if (!list.contains(lastClosed)) {
                list.add(0, lastClosed);
            }
            if (wanted != null && !list.contains(wanted)) {
                list.add(0, wanted);
            }
            // a period chosen while this loaded (its own figures are on the way) stays chosen
            boolean current = seq == sequence;
            Period shown = current ? l.chosen() : period.get();
            if (shown != null && !list.contains(shown)) {
                list.add(shown);
            }
            list.sort((a, b) -> b.firstDate().compareTo(a.firstDate()));
            applying = true;
            periods.setAll(list);
            period.set(shown);
            applying = false;
            if (current) {
                busy.set(false);
                present(l.figures());
            }
        }, this::failed));
    }

    private void loadFigures(Period p) {
        long seq = ++sequence;
        busy.set(true);
        loadChanges(seq, () -> p);
        tasks.run("home-figures", x -> service.figures(actor, p), TaskRunner.Callbacks.of(f -> {
            if (seq == sequence) {
                busy.set(false);
                present(f);
            }
        }, this::failed));
    }

    /** "Since the last sync" of the period {@code period} tells (on the worker), read beside the figures. */
    private void loadChanges(long seq, java.util.function.Supplier<Period> period) {
        if (changesSource == null || actor.scope().kind() == Scope.Kind.SELF) {
            changes.clear();
            changesTitle.set("");
            return;
        }
        tasks.run("home-changes", x -> changesSource.changes(actor, period.get()), TaskRunner.Callbacks.of(c -> {
            if (seq == sequence) {
                presentChanges(c);
            }
        }, this::failed));
    }

    private void presentChanges(TeamChanges c) {
        changesTitle.set(c.lastSync() == null
                ? fmt("home.changes.never", periodName(c.period()), periodName(c.before()))
                : fmt("home.changes.title", formats.dateTime(c.lastSync(), zone), periodName(c.period()),
                periodName(c.before())));
        List<ChangeGroup> groups = new ArrayList<>();
        group(groups, messages.getString("home.changes.newlyUnderactive"), c.newlyUnderactive(), c.period());
        group(groups, messages.getString("home.changes.newlyOverloaded"), c.newlyOverloaded(), c.period());
        group(groups, messages.getString("home.changes.backToNormal"), c.backToNormal(), c.period());
        group(groups, messages.getString("home.changes.newMentors"), c.newMentors(), c.period());
        group(groups, fmt("home.changes.stillFlagged", periodName(c.before())), c.stillFlagged(), c.period());
        changes.setAll(groups);
    }

    /**
     * One list, its mentors by name in the chosen language (Collator), two of one name told apart by
     * their association (and by it in that order; then by id), so the first names shown do not change from one visit to the next.
     */
    private void group(List<ChangeGroup> out, String title, List<MentorRef> mentors, Period p) {
        Names byName = new Names(messages);
        Map<String, String> labels = byName.labels(mentors, MentorRef::displayName, MentorRef::associationName,
                MentorRef::peerMentorId);
        List<String> names = byName.sorted(mentors, m -> labels.get(m.peerMentorId()), MentorRef::peerMentorId).stream()
                .map(m -> labels.get(m.peerMentorId())).toList();
        String shown = names.isEmpty() ? messages.getString("home.changes.nobody")
                : names.size() <= 3 ? String.join(", ", names)
                : fmt("home.changes.more", String.join(", ", names.subList(0, 3)), names.size() - 3);
        NavigationRequest request = NavigationRequest.to(ScreenId.TEAM).withPeriod(p).withMentors(
                new NavigationRequest.MentorSet(title, mentors.stream().map(MentorRef::peerMentorId)
                        .collect(java.util.stream.Collectors.toSet())));
        out.add(new ChangeGroup(fmt("home.changes.group", title, mentors.size()), shown, mentors.size(), request));
    }

    /** Opens Team filtered to the mentors of one "since the last sync" list. */
    public void open(ChangeGroup group) {
        if (group.count() > 0) {
            navigator.navigate(group.request());
        }
    }

    public ObservableList<ChangeGroup> changes() {
        return changes;
    }

    public ReadOnlyStringProperty changesTitleProperty() {
        return changesTitle.getReadOnlyProperty();
    }

    private void present(HomeFigures f) {
        figures.set(f);
        String periodName = periodName(f.period());
        title.set(fmt("home.title", periodName));
        tile(TileKind.HOURS, formats.hours(f.hours()), fmt("home.tile.hours.detail", periodName));
        tile(TileKind.ACTIVITIES, formats.integer(f.sessions()), fmt("home.tile.activities.detail", periodName));
        tile(TileKind.ACTIVE_MENTORS, formats.integer(f.activeMentors()),
                fmt("home.tile.active.detail", formats.integer(f.mentorsInScope())));
        tile(TileKind.UNDERACTIVE, formats.integer(f.underactive()), f.pausedUnderactive() == 0
                ? messages.getString("home.tile.underactive.detail")
                : fmt("home.tile.underactive.paused", f.pausedUnderactive()));
        tile(TileKind.OVERLOADED, formats.integer(f.overloaded()), messages.getString("home.tile.overloaded.detail"));
        if (f.yoyPercent() != null) {
            tile(TileKind.YOY, formats.percentDelta(f.yoyPercent()),
                    fmt("home.tile.yoy.detail", periodName(f.period().priorYear()),
                            f.yoyDeltaSessions() == null ? "" : formats.countDelta(f.yoyDeltaSessions())));
        } else {
            tile(TileKind.YOY, "–", f.yoyDeltaSessions() == null ? messages.getString("home.tile.yoy.none")
                    : fmt("home.tile.yoy.zeroPrior", formats.countDelta(f.yoyDeltaSessions())));
        }
        tile(TileKind.LAST_SYNC, f.lastSync() == null ? messages.getString("home.tile.sync.never")
                : formats.dateTime(f.lastSync(), zone), messages.getString("home.tile.sync.detail"));
        if (f.empty()) {
            note.set(fmt(actor.isPeerMentorOnly() ? "home.note.emptySelf" : "home.note.empty", periodName));
        } else if (f.source() == HomeFigures.Source.TEAM_ROW) {
            note.set(messages.getString("home.note.teamRow"));
        } else if (actor.scope().kind() == Scope.Kind.SELF) {
            note.set(messages.getString("home.note.self"));
        } else {
            note.set(fmt("home.note.mentors", formats.integer(f.mentorsInScope())));
        }
    }

    private void tile(TileKind k, String value, String detail) {
        tiles.get(k).set(new TileText(value, detail));
    }

    /** "Q1 2025" / "1. kvartal 2025", "H1 2025" / "1. halvår 2025". */
    public String periodName(Period p) {
        return PeriodNames.shown(p, messages);
    }

    /** What a click (or Enter) on a tile opens. */
    public NavigationRequest requestFor(TileKind k) {
        Period p = period.get();
        boolean self = actor.scope().kind() == Scope.Kind.SELF;
        return switch (k) {
            case LAST_SYNC -> NavigationRequest.to(ScreenId.SYNC);
            case ALERTS -> NavigationRequest.to(ScreenId.ALERTS);
            case UNDERACTIVE -> NavigationRequest.to(ScreenId.TEAM).withPeriod(p).withStatus(StatusFilter.UNDERACTIVE);
            case OVERLOADED -> NavigationRequest.to(ScreenId.TEAM).withPeriod(p).withStatus(StatusFilter.OVERLOADED);
            default -> self
                    ? NavigationRequest.to(ScreenId.MENTOR).withMentor(actor.peerMentorId(), p == null ? null : p.year())
                    : NavigationRequest.to(ScreenId.TEAM).withPeriod(p).withStatus(StatusFilter.ALL);
        };
    }

    public void open(TileKind k) {
        navigator.navigate(requestFor(k));
    }

    private void failed(Throwable t) {
        busy.set(false);
        note.set(fmt("home.error", t.getMessage() == null ? t.toString() : t.getMessage()));
    }

    private String fmt(String key, Object... args) {
        return BundleText.format(messages, formats.locale(), key, args);
    }

    public ObjectProperty<PeriodKind> kindProperty() {
        return kind;
    }

    public ObservableList<Period> periods() {
        return periods;
    }

    public ObjectProperty<Period> periodProperty() {
        return period;
    }

    public ReadOnlyObjectProperty<TileText> tileProperty(TileKind k) {
        return tiles.get(k).getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<HomeFigures> figuresProperty() {
        return figures.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Whether the Alerts tile is shown (administrators, with an alert source). */
    public ReadOnlyBooleanProperty alertsShownProperty() {
        return alertsShown.getReadOnlyProperty();
    }

    /** The Alerts tile's figures once read (null before). */
    public ReadOnlyObjectProperty<AlertService.Overview> alertOverviewProperty() {
        return alertOverview.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
