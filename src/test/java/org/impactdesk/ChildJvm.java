package org.impactdesk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A child JVM on the test class path for the stop tests: reads its standard output line by line
 * and sends SIGTERM ({@link ProcessHandle#destroy()}) or SIGKILL right after the first line that matches, as
 * {@code kill}, {@code timeout} or a shutdown would; then reads the rest of its output and waits
 * for it to end.
 */
public final class ChildJvm {
    /** What the child printed and how it ended. */
    public record Outcome(List<String> lines, int exitCode, boolean signalled, String stderr) {
        public boolean printed(String prefix) {
            return lines.stream().anyMatch(l -> l.startsWith(prefix));
        }
    }

    private ChildJvm() {
    }

    /** Runs {@code main} with {@code args}; SIGTERM after the first line matching {@code stopAt}. */
    public static Outcome runAndStop(Class<?> main, List<String> args, Predicate<String> stopAt, Path stderr)
            throws IOException, InterruptedException {
        return run(main, args, stopAt, stderr, false);
    }

    /**
     * Runs {@code main} with {@code args}; SIGKILL ({@link ProcessHandle#destroyForcibly()}, no
     * shutdown hook runs) after the first line matching {@code killAt}, as a power cut or
     * {@code kill -9} would.
     */
    public static Outcome runAndKill(Class<?> main, List<String> args, Predicate<String> killAt, Path stderr)
            throws IOException, InterruptedException {
        return run(main, args, killAt, stderr, true);
    }

    private static Outcome run(Class<?> main, List<String> args, Predicate<String> stopAt, Path stderr, boolean kill)
            throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(args);
        Process child = new ProcessBuilder(cmd).redirectError(stderr.toFile()).start();
        List<String> lines = new ArrayList<>();
        boolean signalled = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                if (!signalled && stopAt.test(line)) {
                    if (kill) {
                        child.toHandle().destroyForcibly(); // SIGKILL
                    } else {
                        child.toHandle().destroy(); // SIGTERM (Process.destroy would also close our end of its output)
                    }
                    signalled = true;
                }
            }
        }
        if (!child.waitFor(120, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError("the child did not end within 120 s of its SIGTERM; it printed " + lines);
        }
        return new Outcome(lines, child.exitValue(), signalled, Files.readString(stderr));
    }
}
