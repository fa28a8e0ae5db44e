package org.impactdesk.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.impactdesk.WindowDatabases;
import org.impactdesk.service.home.ExampleDatabase;
import org.impactdesk.store.Database;
import org.impactdesk.store.FreshDatabases;
import org.impactdesk.store.MigratedH2;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The sign-in screen's "Open database…" (issue 20 item 1), with the opener the app uses: a second H2
 * file opens on a worker and the window shows its own sign-in list (the first database closed, the
 * choice remembered for the next start); a team database URL that cannot be reached is said in the
 * dialog, with where, and the database open until then stays open and in use.
 */
@MigratedH2
class OpenDatabaseFxTest {
    final FxRobot robot = new FxRobot();
    WindowFixture fixture;
    WindowDatabases databases;
    Database first;
    Stage stage;

    @BeforeEach
    void open(Database db) throws Exception {
        FxToolkit.registerPrimaryStage();
        first = ExampleDatabase.fill(db);
        fixture = new WindowFixture(first);
        databases = new WindowDatabases(first, fixture.services, new WindowPrefs(fixture.prefs), fixture.tasks,
                org.impactdesk.App.ScreenStates.NONE, () -> { });
        stage = WaitForAsyncUtils.asyncFx(() -> new Stage()).get(30, TimeUnit.SECONDS);
        fixture.open(stage, databases.setup());
        assertThat(fixture.signInNames()).contains("Kim Koordinator");
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
        databases.close();
    }

    @Test
    void aSecondH2FileOpensThroughTheActionAndTheWindowShowsItsSignInList(FreshDatabases more) throws Exception {
        Path second = more.file("second", db -> db.jdbi().useHandle(h -> {
            h.execute("INSERT INTO organizations (id, name) VALUES ('org-north', 'Nordlys Likepersoner')");
            h.execute("INSERT INTO users (id, organization_id, display_name) VALUES ('u-north-admin', 'org-north', 'Nora Nordlys')");
            h.execute("INSERT INTO user_roles (user_id, role) VALUES ('u-north-admin', 'org_admin')");
        }));

        robot.clickOn("#signInOpenDatabase");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#openDbFile").write(second + ".mv.db");
        robot.clickOn("#openDbOpen");
        fixture.await(() -> robot.lookup("#openDatabaseDialog").tryQuery().isEmpty()
                && fixture.window().signInView().viewModel().shown().stream()
                        .anyMatch(c -> c.actor().userId().equals("u-north-admin")));

        assertThat(fixture.signInNames()).containsExactly("Nora Nordlys");
        String shown = WaitForAsyncUtils.asyncFx(() -> robot.lookup("#signInDatabase").queryAs(Label.class).getText()).get();
        assertThat(shown).isEqualTo("Database: " + second.toAbsolutePath() + ".mv.db");
        assertThat(new WindowPrefs(fixture.prefs).lastDatabase()).as("opened at the next start")
                .isEqualTo(second.toAbsolutePath().toString());
        assertThat(databases.services().database).isNotSameAs(first);
        Path firstFile = first.path();
        fixture.await(() -> released(firstFile)); // closed on a thread of its own once the window showed the new one
        assertThat(databases.services().actors.signInCandidates()).extracting(a -> a.userId()).containsExactly("u-north-admin");

        fixture.signIn("u-north-admin"); // the window works on the new database
    }

    @Test
    void anEncryptedFileAsksItsPassphraseAgainAfterAWrongOneAndThenOpens(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path locked = dir.resolve("locked");
        try (Database db = Database.open(locked, "right horse battery".toCharArray())) {
            db.jdbi().useHandle(h -> {
                h.execute("INSERT INTO organizations (id, name) VALUES ('org-sec', 'Sikker Likepersonforening')");
                h.execute("INSERT INTO users (id, organization_id, display_name) VALUES ('u-sec', 'org-sec', 'Siri Sikker')");
                h.execute("INSERT INTO user_roles (user_id, role) VALUES ('u-sec', 'coordinator')");
            });
        }
        robot.clickOn("#signInOpenDatabase");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#openDbFile").write(locked.toString());
        robot.clickOn("#openDbOpen");
        fixture.await(() -> robot.lookup("#passphrase").tryQuery().isPresent());
        robot.clickOn("#passphrase").write("wrong horse").type(javafx.scene.input.KeyCode.ENTER);
        fixture.await(() -> robot.lookup("#passphrase-error").tryQuery()
                .map(n -> ((Label) n).getText().startsWith("Wrong passphrase")).orElse(false));
        robot.clickOn("#passphrase").write("right horse battery").type(javafx.scene.input.KeyCode.ENTER);
        fixture.await(() -> robot.lookup("#openDatabaseDialog").tryQuery().isEmpty()
                && fixture.window().signInView().viewModel().shown().stream().anyMatch(c -> c.actor().userId().equals("u-sec")));
        assertThat(fixture.signInNames()).containsExactly("Siri Sikker");
        assertThat(new WindowPrefs(fixture.prefs).lastDatabase()).isEqualTo(locked.toAbsolutePath().toString());
    }

    @Test
    void aTeamDatabaseThatCannotBeReachedIsSaidInTheDialogAndTheDatabaseOpenNowStays() throws Exception {
        robot.clickOn("#signInOpenDatabase");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#openDbKindTeam");
        robot.clickOn("#openDbUrl").write("postgres://localhost/impactdesk");
        robot.clickOn("#openDbUser").write("idk_user_kim");
        robot.clickOn("#openDbOpen");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(message()).isEqualTo("The address postgres://localhost/impactdesk is not a PostgreSQL JDBC URL: it starts with"
                + " jdbc:postgresql:// (e.g. jdbc:postgresql://db.example.org:5432/impactdesk).");

        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#openDbUrl").queryTextInputControl()
                .setText("jdbc:postgresql://localhost:1/impactdesk")).get();
        robot.clickOn("#openDbPassword").write("not-this");
        robot.clickOn("#openDbOpen");
        fixture.await(() -> message().startsWith("Could not open the database"));
        assertThat(message()).contains("jdbc:postgresql://localhost:1/impactdesk").doesNotContain("not-this");
        assertThat(robot.lookup("#openDatabaseDialog").tryQuery()).as("left open to correct").isPresent();

        robot.clickOn("#openDbCancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(released(first.path())).as("still open and in use").isFalse();
        int users = first.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM users").mapTo(Integer.class).one());
        assertThat(users).isPositive();
        assertThat(databases.services().database).isSameAs(first);
        assertThat(new WindowPrefs(fixture.prefs).lastDatabase()).isNull();
        assertThat(fixture.signInNames()).contains("Kim Koordinator");
        fixture.signIn("user-kim");
    }

    String message() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup("#openDbMessage").queryAs(Label.class).getText()).get();
    }

    /** Whether nothing in this JVM holds the H2 file open any more (it opens again). */
    static boolean released(Path path) {
        try (Database again = Database.open(path)) {
            return true;
        } catch (org.impactdesk.store.DatabaseInUseException e) {
            return false;
        }
    }
}
