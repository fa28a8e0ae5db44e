package org.impactdesk.ui.shell;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.impactdesk.domain.BundleText;
import org.impactdesk.domain.DataChange;
import org.impactdesk.service.changes.ChangeWatch;
import org.impactdesk.ui.fx.Formats;
import org.impactdesk.ui.fx.TaskRunner;

/**
 * The main window's state: which screens the signed-in actor may visit and which one is shown,
 * and the status bar (database file in use, last sync from the import log, who is signed in,
 * a transient message). Navigation requests go through {@link #navigate}; the View presents them.
 *
 * <p>Changes made elsewhere (another desktop or command on the same team database): the View asks
 * {@link #checkForChanges()} when the window gets the focus and every half minute; one small read on
 * a worker. When another one wrote since this shell loaded, {@link #changedElsewhereProperty()} is
 * true and {@link #changedTextProperty()} says when and by whom, until {@link #refreshChanged()}
 * reloads the screen shown (and marks the others to reload when next shown).
 */
public final class ShellViewModel implements Navigator {

    private final ScreenRegistry registry;
    private final Actor actor;
    private final TaskRunner tasks;
    private final ResourceBundle messages;
    private final Formats formats;
    private final ZoneId zone;
    private final Supplier<Optional<Instant>> lastSync;

    private final ObservableList<ScreenId> screens = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ScreenId> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final ReadOnlyStringWrapper databaseText = new ReadOnlyStringWrapper(this, "databaseText", "");
    private final ReadOnlyStringWrapper lastSyncText = new ReadOnlyStringWrapper(this, "lastSyncText", "");
    private final ReadOnlyStringWrapper userText = new ReadOnlyStringWrapper(this, "userText", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper changedElsewhere = new ReadOnlyBooleanWrapper(this, "changedElsewhere");
    private final ReadOnlyStringWrapper changedText = new ReadOnlyStringWrapper(this, "changedText", "");
    private Consumer<NavigationRequest> presenter = r -> { };
    /** Reloads what the window shows after a change elsewhere (the View: the screen shown, the others when next shown). */
    private Runnable reloader = () -> { };
    private final ChangeWatch changes;
    /** The newest change this shell's data includes; -1 until known. */
    private long seen = -1;
    private DataChange pendingChange;
    private boolean checking;

    public ShellViewModel(ScreenRegistry registry, Actor actor, TaskRunner tasks, ResourceBundle messages,
                          Formats formats, ZoneId zone, String databaseFile, Supplier<Optional<Instant>> lastSync) {
        this(registry, actor, tasks, messages, formats, zone, databaseFile, lastSync, null);
    }

    /** {@code changes}: where changes made elsewhere are looked for (null: not looked for). */
    public ShellViewModel(ScreenRegistry registry, Actor actor, TaskRunner tasks, ResourceBundle messages,
                          Formats formats, ZoneId zone, String databaseFile, Supplier<Optional<Instant>> lastSync,
                          ChangeWatch changes) {
        this.changes = changes;
        this.registry = registry;
        this.actor = actor;
        this.tasks = tasks;
        this.messages = messages;
        this.formats = formats;
        this.zone = zone;
        this.lastSync = lastSync;
        screens.setAll(registry.visibleTo(actor));
        databaseText.set(fmt("shell.status.database", databaseFile));
        userText.set(fmt("shell.status.user", actor.displayName(), roleText(actor)));
        lastSyncText.set(fmt("shell.status.lastSync", messages.getString("shell.status.loading")));
    }

    /** The View shows the screen of each accepted request. */
    public void setPresenter(Consumer<NavigationRequest> presenter) {
        this.presenter = presenter;
    }

    @Override
    public void navigate(NavigationRequest request) {
        if (!registry.isVisible(request.screen(), actor)) {
            message.set(fmt("shell.status.notAvailable", messages.getString(request.screen().messageKey())));
            return;
        }
        message.set("");
        current.set(request.screen());
        presenter.accept(request);
    }

    /** Home, or the first screen the actor may see. */
    public void start() {
        start(null);
    }

    /** Opens {@code first} when the actor may see it, else Home or the first screen they may see. */
    public void start(NavigationRequest first) {
        ScreenId id = firstScreen(first);
        if (id != null) {
            navigate(first != null && first.screen() == id ? first : NavigationRequest.to(id));
        }
        refreshStatus();
        if (changes != null) {
            // what the screens are about to load includes every change so far
            tasks.run("shell-changes-seen", p -> changes.newest(), TaskRunner.Callbacks.of(n -> seen = Math.max(seen, n), e -> { }));
        }
    }

    /** How often the window looks for changes made elsewhere besides on focus. */
    static final java.time.Duration CHECK_EVERY = java.time.Duration.ofSeconds(30);
    private TaskRunner.Handle timer;
    private boolean watching;

    /** Looks for changes elsewhere every {@link #CHECK_EVERY} until {@link #stopWatching()} (a runner without a timer: on focus only). */
    public void startWatching() {
        watching = changes != null;
        scheduleNextCheck();
    }

    public void stopWatching() {
        watching = false;
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    private void scheduleNextCheck() {
        if (!watching) {
            return;
        }
        try {
            timer = tasks.schedule("shell-changes-timer", CHECK_EVERY, () -> {
                checkForChanges();
                scheduleNextCheck();
            });
        } catch (UnsupportedOperationException e) {
            watching = false;
        }
    }

    /** The View reloads the screens with this after a change elsewhere. */
    public void setReloader(Runnable reloader) {
        this.reloader = reloader;
    }

    /**
     * Looks (on a worker) for a change made elsewhere since this shell's data was loaded; one at a
     * time, and none before that point is known. A failure to look is not shown: the next look retries.
     */
    public void checkForChanges() {
        if (changes == null || checking || seen < 0) {
            return;
        }
        checking = true;
        long since = seen;
        tasks.run("shell-changes", p -> changes.changedElsewhereAfter(since, actor.userId()), TaskRunner.Callbacks.of(found -> {
            checking = false;
            found.ifPresent(this::changedElsewhere);
        }, e -> checking = false));
    }

    private void changedElsewhere(DataChange change) {
        if (change.id() <= seen) {
            return; // refreshed meanwhile
        }
        pendingChange = change;
        String what = messages.containsKey("shell.changed.what." + change.what())
                ? messages.getString("shell.changed.what." + change.what()) : change.what();
        changedText.set(fmt("shell.changed.banner", CHANGE_TIME.withZone(zone).format(change.at()), change.by(), what));
        changedElsewhere.set(true);
    }

    private static final java.time.format.DateTimeFormatter CHANGE_TIME = java.time.format.DateTimeFormatter.ofPattern("HH:mm");

    /** Refresh on the banner: the screen shown reloads, the others reload when next shown, the banner goes. */
    public void refreshChanged() {
        if (pendingChange != null) {
            seen = Math.max(seen, pendingChange.id());
            pendingChange = null;
        }
        changedElsewhere.set(false);
        changedText.set("");
        refreshStatus();
        reloader.run();
    }

    public ReadOnlyBooleanProperty changedElsewhereProperty() {
        return changedElsewhere.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty changedTextProperty() {
        return changedText.getReadOnlyProperty();
    }

    /** The screen {@link #start(NavigationRequest)} opens (null when the actor may see none). */
    public ScreenId firstScreen(NavigationRequest first) {
        if (first != null && screens.contains(first.screen())) {
            return first.screen();
        }
        return screens.isEmpty() ? null : screens.contains(ScreenId.HOME) ? ScreenId.HOME : screens.get(0);
    }

    /** Re-reads the last sync time (after an import, on F5). */
    public void refreshStatus() {
        tasks.run("shell-last-sync", p -> lastSync.get(), TaskRunner.Callbacks.of(
                t -> lastSyncText.set(fmt("shell.status.lastSync", t.map(i -> formats.dateTime(i, zone))
                        .orElse(messages.getString("shell.status.never")))),
                e -> lastSyncText.set(fmt("shell.status.lastSync", messages.getString("shell.status.unknown")))));
    }

    /** A menu command the current screen does not have. */
    public void noSuchCommand(String commandKey) {
        ScreenId s = current.get();
        message.set(fmt("shell.status.noCommand", messages.getString(commandKey),
                s == null ? "" : messages.getString(s.messageKey())));
    }

    public void say(String text) {
        message.set(text);
    }

    private String roleText(Actor a) {
        Role widest = a.isGlobalAdmin() ? Role.GLOBAL_ADMIN : a.has(Role.ORG_ADMIN) ? Role.ORG_ADMIN
                : a.has(Role.COORDINATOR) ? Role.COORDINATOR : Role.PEER_MENTOR;
        return messages.getString("role." + widest.code());
    }

    private String fmt(String key, Object... args) {
        return BundleText.format(messages, formats.locale(), key, args);
    }

    public Actor actor() {
        return actor;
    }

    public ObservableList<ScreenId> screens() {
        return screens;
    }

    public ReadOnlyObjectProperty<ScreenId> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty databaseTextProperty() {
        return databaseText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastSyncTextProperty() {
        return lastSyncText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty userTextProperty() {
        return userText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
