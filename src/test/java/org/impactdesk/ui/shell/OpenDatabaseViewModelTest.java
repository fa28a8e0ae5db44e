package org.impactdesk.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.impactdesk.ui.fx.SameThreadTaskRunner;
import org.impactdesk.ui.fx.ViewLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Open database…" without the toolkit, over a fake opener: bad input is said (what and where) and
 * nothing is opened; an encrypted file's passphrase is asked, again after a wrong one; a cancelled
 * passphrase opens nothing; a failure is said with the opener's reason; the password is never part of
 * what is remembered or shown.
 */
class OpenDatabaseViewModelTest {
    final ResourceBundle en = ResourceBundle.getBundle(ViewLoader.BUNDLE, Locale.ENGLISH);
    final FakeOpener opener = new FakeOpener();
    final List<DatabaseOpener.Opened> opened = new ArrayList<>();

    static final class FakeOpener implements DatabaseOpener {
        final List<String> calls = new ArrayList<>();
        Lock lock = Lock.NONE;
        String correct;
        RuntimeException failure;
        String remembered;
        String current;

        @Override
        public Lock lockOf(DatabaseChoice choice) {
            calls.add("lock " + choice);
            return lock;
        }

        @Override
        public Opened open(DatabaseChoice choice, char[] passphrase) {
            calls.add("open " + choice + (passphrase == null ? "" : " with " + new String(passphrase))
                    + (choice.password() == null ? "" : " password " + choice.password()));
            if (failure != null) {
                throw failure;
            }
            if (correct != null && (passphrase == null || !correct.equals(new String(passphrase)))) {
                throw new WrongPassphraseException("wrong");
            }
            return new Opened() {
                @Override
                public MainWindow.Setup setup() {
                    return null;
                }

                @Override
                public void activate() {
                }

                @Override
                public void discard() {
                }
            };
        }

        @Override
        public String remembered() {
            return remembered;
        }

        @Override
        public String current() {
            return current;
        }
    }

    OpenDatabaseViewModel vm() {
        return new OpenDatabaseViewModel(opener, new SameThreadTaskRunner(), en);
    }

    @Test
    void badInputIsSaidAndOpensNothing(@TempDir Path dir) {
        OpenDatabaseViewModel vm = vm();
        assertThat(vm.canOpenProperty().get()).as("nothing typed").isFalse();
        vm.fileProperty().set(dir.toString());
        vm.open((d, l, w) -> null, opened::add);
        assertThat(vm.messageProperty().get()).isEqualTo(dir + " is a folder: choose the database's .mv.db file in it.");
        vm.fileProperty().set("jdbc:postgresql://db/x");
        vm.open((d, l, w) -> null, opened::add);
        assertThat(vm.messageProperty().get()).contains("is a team database's address");

        vm.kindProperty().set(OpenDatabaseViewModel.Kind.TEAM);
        vm.urlProperty().set("postgres://db.example.org/impactdesk");
        vm.open((d, l, w) -> null, opened::add);
        assertThat(vm.messageProperty().get()).startsWith("The address postgres://db.example.org/impactdesk is not a PostgreSQL JDBC URL");
        vm.urlProperty().set("jdbc:postgresql://db.example.org/impactdesk?user=kim&password=secret");
        vm.open((d, l, w) -> null, opened::add);
        assertThat(vm.messageProperty().get()).startsWith("The address holds a password").doesNotContain("secret");
        vm.urlProperty().set("jdbc:postgresql://db.example.org/impactdesk");
        vm.open((d, l, w) -> null, opened::add);
        assertThat(vm.messageProperty().get()).isEqualTo("Type the user name to log in as (your database role).");

        assertThat(opener.calls).isEmpty();
        assertThat(opened).isEmpty();
    }

    @Test
    void theFileOpenNowIsNotOpenedAgain(@TempDir Path dir) {
        opener.current = dir.resolve("db").toAbsolutePath() + ".mv.db";
        OpenDatabaseViewModel vm = vm();
        vm.fileProperty().set(dir.resolve("db").toString());
        vm.open((d, l, w) -> null, opened::add);
        assertThat(vm.messageProperty().get()).isEqualTo(opener.current + " is the database open now.");
        assertThat(opener.calls).isEmpty();
    }

    @Test
    void anEncryptedFileAsksItsPassphraseAgainAfterAWrongOneAndACancelOpensNothing(@TempDir Path dir) {
        opener.lock = DatabaseOpener.Lock.UNLOCK;
        opener.correct = "right";
        List<String> asked = new ArrayList<>();
        OpenDatabaseViewModel vm = vm();
        vm.fileProperty().set(dir.resolve("locked.mv.db").toString());
        List<String> answers = new ArrayList<>(List.of("wrong", "right"));
        vm.open((database, lock, wrongBefore) -> {
            asked.add(database + " " + lock + " " + wrongBefore);
            return answers.remove(0).toCharArray();
        }, opened::add);
        String file = dir.resolve("locked").toAbsolutePath() + ".mv.db";
        assertThat(asked).containsExactly(file + " UNLOCK false", file + " UNLOCK true");
        assertThat(opened).hasSize(1);
        assertThat(vm.workingProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).isEmpty();

        OpenDatabaseViewModel cancelled = vm();
        cancelled.fileProperty().set(dir.resolve("locked.mv.db").toString());
        opener.calls.clear();
        cancelled.open((database, lock, wrongBefore) -> null, opened::add);
        assertThat(opener.calls).as("asked what the file needs, opened nothing").hasSize(1).allMatch(c -> c.startsWith("lock"));
        assertThat(opened).hasSize(1);
        assertThat(cancelled.workingProperty().get()).isFalse();
    }

    @Test
    void aFailedConnectionIsSaidAndThePasswordGoesToTheOpenerOnly() {
        opener.failure = new IllegalStateException("Cannot connect to the PostgreSQL database jdbc:postgresql://db:5432/x?user=kim: refused");
        OpenDatabaseViewModel vm = vm();
        vm.kindProperty().set(OpenDatabaseViewModel.Kind.TEAM);
        vm.urlProperty().set("jdbc:postgresql://db:5432/x?user=kim&ssl=true");
        vm.passwordProperty().set("s3cret");
        vm.open((d, l, w) -> null, opened::add);
        assertThat(opener.calls).containsExactly("lock team jdbc:postgresql://db:5432/x?ssl=true as kim",
                "open team jdbc:postgresql://db:5432/x?ssl=true as kim password s3cret");
        assertThat(vm.messageProperty().get()).isEqualTo("Could not open the database; the one open until now stays open."
                + " Cannot connect to the PostgreSQL database jdbc:postgresql://db:5432/x?user=kim: refused");
        assertThat(opened).isEmpty();
        assertThat(vm.workingProperty().get()).isFalse();
    }

    @Test
    void theLastChoiceFillsTheDialogWithoutAPassword() {
        opener.remembered = "jdbc:postgresql://db.example.org:5432/impactdesk?user=idk_user_kim";
        OpenDatabaseViewModel vm = vm();
        assertThat(vm.kindProperty().get()).isEqualTo(OpenDatabaseViewModel.Kind.TEAM);
        assertThat(vm.urlProperty().get()).isEqualTo("jdbc:postgresql://db.example.org:5432/impactdesk");
        assertThat(vm.userProperty().get()).isEqualTo("idk_user_kim");
        assertThat(vm.passwordProperty().get()).isEmpty();

        opener.remembered = "/data/other/impact-desk";
        OpenDatabaseViewModel file = vm();
        assertThat(file.kindProperty().get()).isEqualTo(OpenDatabaseViewModel.Kind.FILE);
        assertThat(file.fileProperty().get()).isEqualTo("/data/other/impact-desk.mv.db");
    }

    @Test
    void theDialogSpeaksNorwegian() {
        OpenDatabaseViewModel vm = new OpenDatabaseViewModel(opener, new SameThreadTaskRunner(),
                ResourceBundle.getBundle(ViewLoader.BUNDLE, Locale.forLanguageTag("nb")));
        vm.kindProperty().set(OpenDatabaseViewModel.Kind.TEAM);
        vm.urlProperty().set("postgres://x");
        vm.open((d, l, w) -> null, opened::add);
        assertThat(vm.messageProperty().get()).startsWith("Adressen postgres://x er ikke en JDBC-URL for PostgreSQL");
    }
}
