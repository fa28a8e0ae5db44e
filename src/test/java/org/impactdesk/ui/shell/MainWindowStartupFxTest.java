package org.impactdesk.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.impactdesk.App;
import org.impactdesk.service.home.ExampleDatabase;
import org.impactdesk.store.Database;
import org.impactdesk.store.MigratedH2;
import org.impactdesk.ui.signin.SignInViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A new window's start: the window opens on the sign-in screen itself (no interim screen), the
 * list of users is read on a worker, and it fills the list once read.
 */
@MigratedH2
class MainWindowStartupFxTest {
    WindowFixture fixture;
    MainWindow window;
    Stage stage;

    @BeforeEach
    void open(Database db) throws Exception {
        FxToolkit.registerPrimaryStage();
        fixture = new WindowFixture(ExampleDatabase.fill(db));
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void theWindowOpensOnTheSignInScreenAndReadsItsUsersOnAWorker() throws Exception {
        List<Boolean> readOnFxThread = new CopyOnWriteArrayList<>();
        SignInViewModel.Directory directory = () -> {
            readOnFxThread.add(Platform.isFxApplicationThread());
            return fixture.services.actors.signInCandidates();
        };
        MainWindow.Setup setup = fixture.setup(App.screens(fixture.services), directory);
        AtomicReference<Parent> first = new AtomicReference<>();
        AtomicReference<Boolean> showingAfterShow = new AtomicReference<>();
        stage = WaitForAsyncUtils.asyncFx(() -> new Stage()).get(30, TimeUnit.SECONDS);
        window = fixture.open(stage, setup, w -> { }, w -> {
            first.set(stage.getScene().getRoot());
            showingAfterShow.set(stage.isShowing());
        });

        assertThat(showingAfterShow.get()).isTrue();
        assertThat(first.get().getId()).as("the first scene is the sign-in screen").isEqualTo("signInScreen");
        assertThat(first.get()).isSameAs(window.signInView().root());

        fixture.signInNames(); // until the list is read
        ListView<?> list = (ListView<?>) WaitForAsyncUtils.asyncFx(() -> stage.getScene().lookup("#signInList")).get();
        assertThat(WaitForAsyncUtils.asyncFx(() -> list.getItems().size()).get()).isEqualTo(5);
        assertThat(readOnFxThread).as("the users were read once, on a worker").containsExactly(false);
        assertThat(stage.getScene().getRoot()).as("the same screen, filled in place").isSameAs(first.get());
    }

}
