package org.impactdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The window's options read without picocli (CommandLineMain.windowOnly): the same options as the
 * parsed command line gives, and anything else left to picocli, with the same exit codes.
 */
class WindowOptionsTest {

    @Test
    void theGlobalOptionsAloneAreReadAsPicocliReadsThem() {
        ImpactDeskCommand c = CommandLineMain.windowOnly(new String[] {"--db", "/tmp/a b", "--as", "u-1",
                "--lang=nb", "--passphrase-file", "/tmp/pass"});
        assertThat(c).isNotNull();
        assertThat(c.databasePath()).isEqualTo(Path.of("/tmp/a b"));
        assertThat(c.databaseChosen()).isTrue();
        assertThat(c.asUser()).isEqualTo("u-1");
        assertThat(c.langGiven()).isTrue();
        assertThat(c.locale()).isEqualTo(Locale.forLanguageTag("nb-NO"));
        assertThat(c.passphraseFile()).isEqualTo(Path.of("/tmp/pass"));
        for (String[] args : new String[][] {{"--db", "/tmp/a b", "--as", "u-1", "--lang=nb", "--passphrase-file", "/tmp/pass"},
                {"--db=/tmp/x", "--lang", "en"}, {"--as", "u-9"}}) {
            ImpactDeskCommand fast = CommandLineMain.windowOnly(args);
            ImpactDeskCommand parsed = new ImpactDeskCommand();
            new picocli.CommandLine(parsed).parseArgs(args);
            assertThat(fast.databasePath()).as(String.join(" ", args)).isEqualTo(parsed.databasePath());
            assertThat(fast.asUser()).isEqualTo(parsed.asUser());
            assertThat(fast.langGiven()).isEqualTo(parsed.langGiven());
            assertThat(fast.locale()).isEqualTo(parsed.locale());
            assertThat(fast.passphraseFile()).isEqualTo(parsed.passphraseFile());
        }
        ImpactDeskCommand none = CommandLineMain.windowOnly(new String[0]);
        assertThat(none).isNotNull();
        assertThat(none.databaseChosen()).isEqualTo(System.getenv("IMPACT_DESK_DB") != null
                && !System.getenv("IMPACT_DESK_DB").isBlank());
        assertThat(none.langGiven()).isFalse();
    }

    @Test
    void anythingElseIsLeftToTheCommandLine() {
        for (String[] args : new String[][] {
                {"import", "data/demo"}, {"--db", "x", "show", "annual"}, {"--help"}, {"--version"},
                {"--db"}, {"--db", "--as", "u"}, {"--db="}, {"--db", "a", "--db", "b"}, {"--bogus"}, {"--db", "x", "extra"}}) {
            assertThat(CommandLineMain.windowOnly(args)).as(String.join(" ", args)).isNull();
        }
    }

    @Test
    void theWindowsFailuresGetTheCommandLinesExitCodes() {
        AtomicReference<ImpactDeskCommand> opened = new AtomicReference<>();
        assertThat(CommandLineMain.run(opened::set, "--db", "x", "--as", "u-2")).isZero();
        assertThat(opened.get().asUser()).isEqualTo("u-2");
        // a bad --lang: the window's opener reads it, as after picocli's parse
        assertThat(CommandLineMain.run(c -> c.locale(), "--lang", "de")).isEqualTo(ExitCode.USAGE);
        assertThat(CommandLineMain.run(c -> c.locale(), "--lang", "de", "--as", "u")).isEqualTo(ExitCode.USAGE);
        assertThat(CommandLineMain.run(c -> {
            throw new org.impactdesk.store.DatabaseInUseException(Path.of("x"));
        }, "--db", "x")).isEqualTo(ExitCode.IN_USE);
        // without a window option, picocli reads it: a usage error as before
        assertThat(CommandLineMain.run(c -> { }, "--db")).isEqualTo(ExitCode.USAGE);
    }
}
