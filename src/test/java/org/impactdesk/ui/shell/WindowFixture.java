package org.impactdesk.ui.shell;

import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.impactdesk.App;
import org.impactdesk.service.Services;
import org.impactdesk.store.Database;
import org.impactdesk.ui.fx.FxTaskRunner;
import org.impactdesk.ui.signin.SignInViewModel;

/**
 * What the window tests share: the services over the test's database, a task runner, a
 * throw-away preferences node, and the window's parts as {@link App} makes them, without the
 * first-run demo import.
 */
public final class WindowFixture implements AutoCloseable {
    public final Services services;
    public final FxTaskRunner tasks = new FxTaskRunner();
    public final Preferences prefs = Preferences.userRoot().node("org/impactdesk-test/" + UUID.randomUUID());

    public WindowFixture(Database db) {
        this(new Services(db));
    }

    /** Over services the test built (its own mail settings, say). */
    public WindowFixture(Services services) {
        this.services = services;
    }

    /** The window with the app's screens. */
    public MainWindow.Setup setup() {
        return setup(App.screens(services));
    }

    /** The window with the screens given (a test may replace one). */
    public MainWindow.Setup setup(ScreenRegistry screens) {
        return setup(screens, App.directory(services));
    }

    public MainWindow.Setup setup(ScreenRegistry screens, SignInViewModel.Directory users) {
        return App.window(services, screens, users, SignInViewModel.FirstRun.NONE, new WindowPrefs(prefs), tasks);
    }

    @Override
    public void close() throws BackingStoreException {
        tasks.close();
        prefs.removeNode();
    }
}
