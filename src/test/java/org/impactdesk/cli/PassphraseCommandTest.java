package org.impactdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.impactdesk.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Encryption at rest from the command line (issue 18 item 3): a passphrase from a file (or the
 * environment, or the terminal) creates an encrypted database and opens it; a missing, wrong or
 * empty one gives one clear line and its exit code, never a stack trace.
 */
class PassphraseCommandTest {
    private static final Path EXAMPLE = Path.of("src/test/resources/example/bundle");

    @TempDir
    Path dir;

    @Test
    void aPassphraseFileCreatesAnEncryptedDatabaseThatOpensOnlyWithIt() throws Exception {
        Path db = dir.resolve("db");
        Path right = Files.writeString(dir.resolve("right.txt"), "two words and more\n");
        Path wrong = Files.writeString(dir.resolve("wrong.txt"), "not it\n");

        CliRun.Result created = CliRun.run("--db", db.toString(), "--passphrase-file", right.toString(), "import",
                EXAMPLE.toString());
        assertThat(created.code()).as(created.err()).isEqualTo(ExitCode.DONE);
        assertThat(Database.isEncrypted(db)).isTrue();

        CliRun.Result without = CliRun.run("--db", db.toString(), "import", EXAMPLE.toString());
        assertThat(without.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(without.err().strip()).isEqualTo("The database " + db.toAbsolutePath() + ".mv.db is encrypted: give its "
                + "passphrase (IMPACT_DESK_PASSPHRASE, --passphrase-file FILE, or type it when asked).");

        CliRun.Result wrongOne = CliRun.run("--db", db.toString(), "--passphrase-file", wrong.toString(), "import",
                EXAMPLE.toString());
        assertThat(wrongOne.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(wrongOne.err().strip()).as("one line, no stack trace")
                .isEqualTo("Wrong passphrase for the database " + db.toAbsolutePath() + ".mv.db: nothing was opened or changed.");

        CliRun.Result again = CliRun.run("--db", db.toString(), "--passphrase-file", right.toString(), "import",
                EXAMPLE.toString());
        assertThat(again.code()).as(again.err()).isEqualTo(ExitCode.DONE);
        assertThat(again.out()).startsWith("Nothing changed: 0 inserted");
    }

    @Test
    void anEmptyOrMissingPassphraseFileIsAUsageError() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        CliRun.Result r = CliRun.run("--db", dir.resolve("db").toString(), "--passphrase-file", empty.toString(), "import",
                EXAMPLE.toString());
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err().strip()).isEqualTo("--passphrase-file " + empty + ": the file is empty; its first line is the passphrase.");
        assertThat(Database.exists(dir.resolve("db"))).as("nothing created").isFalse();

        CliRun.Result missing = CliRun.run("--db", dir.resolve("db").toString(), "--passphrase-file",
                dir.resolve("nope.txt").toString(), "import", EXAMPLE.toString());
        assertThat(missing.code()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(missing.err().strip()).isEqualTo("--passphrase-file: no such file: " + dir.resolve("nope.txt"));
    }

    @Test
    void onATerminalANewDatabaseGetsAPassphraseTypedTwiceAndAnEncryptedOneIsAskedForIt() throws Exception {
        Path db = dir.resolve("db");
        ImpactDeskCommand root = new ImpactDeskCommand();
        FakeConsole console = new FakeConsole("first", "typo", "secret phrase", "secret phrase");
        assertThat(root.passphrase(db, console)).isEqualTo("secret phrase".toCharArray());
        assertThat(console.said).contains("The two passphrases differ; try again.");

        try (Database created = Database.open(db, "secret phrase".toCharArray())) {
            assertThat(created.path()).isEqualTo(db.toAbsolutePath());
        }
        FakeConsole asked = new FakeConsole("secret phrase");
        assertThat(root.passphrase(db, asked)).isEqualTo("secret phrase".toCharArray());
        assertThat(asked.prompts).containsExactly("Passphrase of " + db + ".mv.db: ");

        FakeConsole none = new FakeConsole("");
        assertThat(root.passphrase(dir.resolve("other"), none)).as("Enter: not encrypted").isNull();
        assertThat(none.said).contains("Not encrypted: the file is readable by your user account only.");
        assertThat(root.passphrase(dir.resolve("other"), null)).as("no terminal, nothing given").isNull();
    }

    private static final class FakeConsole implements Passphrases.Console {
        final Deque<String> typed;
        final List<String> prompts = new ArrayList<>();
        final List<String> said = new ArrayList<>();

        FakeConsole(String... typed) {
            this.typed = new ArrayDeque<>(List.of(typed));
        }

        @Override
        public char[] read(String prompt) {
            prompts.add(prompt);
            return typed.removeFirst().toCharArray();
        }

        @Override
        public void say(String line) {
            said.add(line);
        }
    }
}
