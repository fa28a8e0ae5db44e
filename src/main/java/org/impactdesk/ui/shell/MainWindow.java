package org.impactdesk.ui.shell;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.impactdesk.access.Actor;
import org.impactdesk.ui.DialogService;
import org.impactdesk.ui.FxDialogService;
import org.impactdesk.ui.Formats;
import org.impactdesk.ui.TaskRunner;
import org.impactdesk.ui.Themes;
import org.impactdesk.ui.ViewLoader;
import org.impactdesk.ui.signin.SignInView;
import org.impactdesk.ui.signin.SignInViewModel;

/**
 * The one window: sign in first (importing the demo bundle into an empty database), then the
 * shell with the screens of the {@link ScreenRegistry}. A language change rebuilds the scene
 * (the signed-in user stays); the theme switches in place.
 */
public final class MainWindow implements WindowControls {

    /** What the window is built from (assembled in App). */
    public record Setup(ScreenRegistry registry, SignInViewModel.Directory directory, SignInViewModel.FirstRun firstRun,
                        String databaseFile, Supplier<Optional<Instant>> lastSync, Function<Actor, ZoneId> zones,
                        WindowPrefs prefs, TaskRunner tasks) {
    }

    private final Stage stage;
    private final Setup setup;
    private final DialogService dialogs;
    private Locale locale;
    private boolean dark;
    private Actor actor;
    private String autoSignIn;
    private ScreenId startScreen;
    private ShellView shell;
    private SignInView signIn;

    public MainWindow(Stage stage, Setup setup, Locale locale, boolean dark) {
        this.stage = stage;
        this.setup = setup;
        this.locale = locale;
        this.dark = dark;
        this.dialogs = new FxDialogService(() -> stage);
    }

    /** The screen shown after sign-in instead of Home (the screenshot and benchmark tools). */
    public MainWindow startScreen(ScreenId screen) {
        this.startScreen = screen;
        return this;
    }

    /** Signs this user in as soon as the list of users is loaded (--as on the command line). */
    public MainWindow autoSignIn(String userId) {
        this.autoSignIn = userId;
        return this;
    }

    public void show() {
        setup.prefs().restore(stage);
        setup.prefs().watch(stage);
        stage.setTitle(new ViewLoader(locale).bundle().getString("app.title"));
        stage.setOnHidden(e -> {
            if (shell != null) {
                shell.dispose();
            }
            setup.prefs().flush();
        });
        showSignIn();
        stage.show();
    }

    private void showSignIn() {
        actor = null;
        if (shell != null) {
            shell.dispose();
            shell = null;
        }
        ViewLoader loader = new ViewLoader(locale);
        String remembered = autoSignIn != null ? autoSignIn : setup.prefs().lastUser();
        SignInViewModel vm = new SignInViewModel(setup.directory(), setup.firstRun(), setup.tasks(), loader.bundle(),
                remembered, this::signIn);
        signIn = new SignInView(vm, this);
        setRoot(loader.load(SignInView.FXML, signIn));
        if (autoSignIn != null) {
            String wanted = autoSignIn;
            vm.stateProperty().addListener((o, a, now) -> {
                if (now == SignInViewModel.State.READY && vm.selectedProperty().get() != null
                        && vm.selectedProperty().get().actor().userId().equals(wanted)) {
                    autoSignIn = null;
                    vm.signIn();
                }
            });
        }
        vm.start();
    }

    /** Opens the shell for {@code who}: every screen built from here on carries this actor. */
    public void signIn(Actor who) {
        this.actor = who;
        if (who.userId() != null) {
            setup.prefs().lastUser(who.userId());
        }
        showShell();
    }

    private void showShell() {
        if (shell != null) {
            shell.dispose();
        }
        ViewLoader loader = new ViewLoader(locale);
        ShellViewModel vm = new ShellViewModel(setup.registry(), actor, setup.tasks(), loader.bundle(),
                new Formats(locale), setup.zones().apply(actor), setup.databaseFile(), setup.lastSync());
        ShellView[] self = new ShellView[1];
        ScreenContext context = new ScreenContext(actor, loader, setup.tasks(), dialogs, vm, () -> {
            if (self[0] != null) {
                self[0].dataChanged();
            }
        });
        shell = self[0] = new ShellView(vm, setup.registry(), context, this, setup.prefs(), this::showSignIn, stage::close);
        setRoot(loader.load(ShellView.FXML, shell));
        vm.start();
        if (startScreen != null) {
            vm.navigate(NavigationRequest.to(startScreen));
            startScreen = null;
        }
    }

    private void setRoot(Parent root) {
        Scene scene = stage.getScene();
        if (scene == null) {
            scene = new Scene(root);
            stage.setScene(scene);
        } else {
            scene.setRoot(root);
        }
        Themes.apply(scene, dark);
    }

    @Override
    public Locale locale() {
        return locale;
    }

    @Override
    public void switchLanguage(Locale newLocale) {
        if (newLocale.getLanguage().equals(locale.getLanguage())) {
            return;
        }
        locale = newLocale;
        setup.prefs().saveLocale(newLocale);
        stage.setTitle(new ViewLoader(locale).bundle().getString("app.title"));
        if (actor != null) {
            showShell();
        } else {
            showSignIn();
        }
    }

    @Override
    public boolean isDark() {
        return dark;
    }

    @Override
    public void setDark(boolean dark) {
        this.dark = dark;
        setup.prefs().dark(dark);
        if (stage.getScene() != null) {
            Themes.setDark(stage.getScene(), dark);
        }
    }

    public ShellView shell() {
        return shell;
    }

    public SignInView signInView() {
        return signIn;
    }

    public Stage stage() {
        return stage;
    }
}
