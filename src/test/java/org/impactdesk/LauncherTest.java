package org.impactdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.impactdesk.cli.CliRun;
import org.junit.jupiter.api.Test;

/** The command line's light path (issue 17): what --version and the commands load. */
class LauncherTest {

    @Test
    void versionAloneAnswersAsTheParsedCommandLineDoes() {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            Launcher.main(new String[] {"--version"});
        } finally {
            System.setOut(old);
        }
        CliRun.Result parsed = CliRun.run("--version");
        assertThat(parsed.code()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(parsed.out()).startsWith("Impact Desk ");
        assertThat(Launcher.versionOnly(new String[] {"-V"})).isTrue();
        assertThat(Launcher.versionOnly(new String[] {"--db", "x", "--version"})).isFalse();
    }

    @Test
    void versionLoadsNoCommandLineParserAndNoJavaFx() throws Exception {
        Child child = run("--version");
        assertThat(child.code).isZero();
        assertThat(child.out).contains("Impact Desk ");
        assertThat(child.loaded("picocli.")).as("picocli classes loaded for --version").isEmpty();
        assertThat(child.loaded("javafx.")).isEmpty();
    }

    @Test
    void commandsLoadNoWindowClasses() throws Exception {
        Child child = run("--help");
        assertThat(child.code).isZero();
        assertThat(child.out).contains("Usage: impact-desk");
        assertThat(child.loaded("javafx.")).as("JavaFX classes loaded by a command").isEmpty();
        assertThat(child.loaded("org.impactdesk.App ")).isEmpty();
    }

    @Test
    void theWindowsOptionsAloneOpenTheWindowWithoutTheCommandLineParser() throws Exception {
        Child child = run(WindowOnly.class, "--db", "/tmp/some db", "--as=u-1", "--lang", "nb");
        assertThat(child.code).isZero();
        assertThat(child.out).contains("window /tmp/some db as u-1 in nb_NO");
        assertThat(child.loaded("picocli.")).as("picocli classes loaded for the window").isEmpty();
        // anything more is the command line's to read (and to refuse)
        Child more = run(WindowOnly.class, "--db", "x", "--bogus");
        assertThat(more.code).isEqualTo(org.impactdesk.cli.ExitCode.USAGE);
        assertThat(more.out).contains("Unknown option: '--bogus'").doesNotContain("window ");
        assertThat(more.loaded("picocli.")).isNotEmpty();
    }

    /** The launcher's command line with a window opener that prints its options (no JavaFX in a child JVM). */
    public static final class WindowOnly {
        public static void main(String[] args) {
            int code = org.impactdesk.cli.CommandLineMain.run(c -> System.out.println("window " + c.databasePath()
                    + " as " + c.asUser() + " in " + c.locale()), args);
            System.exit(code);
        }
    }

    private record Child(int code, String out) {
        List<String> loaded(String prefix) {
            List<String> hits = new ArrayList<>();
            for (String line : out.lines().toList()) {
                int at = line.indexOf("[class,load] ");
                if (at >= 0 && line.startsWith(prefix, at + "[class,load] ".length())) {
                    hits.add(line.substring(at));
                }
            }
            return hits;
        }
    }

    /** The launcher in a child JVM on the test class path, logging each class it loads to stdout. */
    private static Child run(String... args) throws IOException, InterruptedException {
        return run(Launcher.class, args);
    }

    private static Child run(Class<?> main, String... args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-Xlog:class+load=info:stdout", "-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the launcher did not end within 60 s");
        }
        return new Child(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
