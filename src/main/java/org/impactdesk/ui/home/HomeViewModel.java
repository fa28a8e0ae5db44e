package org.impactdesk.ui.home;

import java.math.BigDecimal;
import java.text.MessageFormat;
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
import org.impactdesk.domain.HomeFigures;
import org.impactdesk.domain.Period;
import org.impactdesk.service.home.HomeService.PeriodKind;
import org.impactdesk.service.home.HomeService;
import org.impactdesk.ui.fx.Formats;
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

    public enum TileKind { HOURS, ACTIVITIES, ACTIVE_MENTORS, UNDERACTIVE, OVERLOADED, YOY, LAST_SYNC }

    /** A tile's big figure and the line under it. */
    public record TileText(String value, String detail) {
    }

    private final HomeService service;
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
    private boolean applying;
    private long sequence;

    public HomeViewModel(HomeService service, Actor actor, TaskRunner tasks, ResourceBundle messages, Formats formats,
                         ZoneId zone, Navigator navigator) {
        this.service = service;
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

    /** Lists the stored periods of the kind and shows the last closed one (or {@code wanted}). */
    public void load() {
        loadPeriods(null);
    }

    /** Shows {@code wanted} (a navigation request's period). */
    public void show(Period wanted) {
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
        }
    }

    /**
     * Lists the stored periods of the kind and reads the figures of the one shown ({@code wanted}, or
     * the last closed one) in the same task: the figures do not wait for the list to land first.
     */
    private void loadPeriods(Period wanted) {
        PeriodKind k = kind.get();
        long seq = ++sequence;
        busy.set(true);
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
        tasks.run("home-figures", x -> service.figures(actor, p), TaskRunner.Callbacks.of(f -> {
            if (seq == sequence) {
                busy.set(false);
                present(f);
            }
        }, this::failed));
    }

    private void present(HomeFigures f) {
        figures.set(f);
        String periodName = periodName(f.period());
        title.set(fmt("home.title", periodName));
        tile(TileKind.HOURS, formats.decimal(f.hours(), 0, 2), fmt("home.tile.hours.detail", periodName));
        tile(TileKind.ACTIVITIES, formats.integer(f.sessions()), fmt("home.tile.activities.detail", periodName));
        tile(TileKind.ACTIVE_MENTORS, formats.integer(f.activeMentors()),
                fmt("home.tile.active.detail", formats.integer(f.mentorsInScope())));
        tile(TileKind.UNDERACTIVE, formats.integer(f.underactive()), messages.getString("home.tile.underactive.detail"));
        tile(TileKind.OVERLOADED, formats.integer(f.overloaded()), messages.getString("home.tile.overloaded.detail"));
        if (f.yoyPercent() != null) {
            tile(TileKind.YOY, fmt("home.percent", formats.signed(f.yoyPercent(), 2)),
                    fmt("home.tile.yoy.detail", periodName(f.period().priorYear()),
                            f.yoyDeltaSessions() == null ? "" : formats.signed(BigDecimal.valueOf(f.yoyDeltaSessions()), 0)));
        } else {
            tile(TileKind.YOY, "–", f.yoyDeltaSessions() == null ? messages.getString("home.tile.yoy.none")
                    : fmt("home.tile.yoy.zeroPrior", formats.signed(BigDecimal.valueOf(f.yoyDeltaSessions()), 0)));
        }
        tile(TileKind.LAST_SYNC, f.lastSync() == null ? messages.getString("home.tile.sync.never")
                : formats.dateTime(f.lastSync(), zone), messages.getString("home.tile.sync.detail"));
        if (f.empty()) {
            note.set(fmt("home.note.empty", periodName));
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
        return switch (p) {
            case Period.Quarter q -> fmt("period.quarter", q.quarter(), Integer.toString(q.year()));
            case Period.Half h -> fmt("period.half", h.half(), Integer.toString(h.year()));
            case Period.Year y -> Integer.toString(y.year());
        };
    }

    /** What a click (or Enter) on a tile opens. */
    public NavigationRequest requestFor(TileKind k) {
        Period p = period.get();
        boolean self = actor.scope().kind() == Scope.Kind.SELF;
        return switch (k) {
            case LAST_SYNC -> NavigationRequest.to(ScreenId.SYNC);
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
        return new MessageFormat(messages.getString(key), formats.locale()).format(args);
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

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
