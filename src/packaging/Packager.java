import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Builds the self-contained package: a trimmed Java runtime (jlink), an app image with a launcher
 * for the window and one for the command line (jpackage), class-data archives made by training
 * runs of those launchers, and the system's installer where its tools are present (.deb on Linux
 * with dpkg-deb and fakeroot, .dmg on macOS, .msi on Windows with WiX). Build tooling, not part of
 * the app: the Maven profile {@code package} runs it after the jar and its dependencies are staged
 * (see pom.xml; {@code bin/impact-desk package} calls that profile), with the JDK Maven's
 * toolchain chose, whose jdeps, jlink and jpackage it runs in this process.
 *
 * <pre>java src/packaging/Packager.java --classes DIR --classpath-file FILE --demo DIR --icons DIR --dest DIR
 *      [--version X.Y.Z] [--type auto|app-image|deb|rpm|dmg|pkg|msi|exe] [--no-train]</pre>
 *
 * The classes become the app jar ({@value #MAIN_JAR}) in DEST/staging beside a copy of every jar of the
 * class-path file (Maven's runtime class path, written at compile time);
 * JavaFX comes as its Maven jars for this system (the classifier jars: linux, mac, win) on the
 * class path beside the app, as with {@code bin/impact-desk}; their native libraries are also
 * unpacked beside them, where JavaFX looks first, so a start neither writes them to
 * {@code ~/.openjfx/cache} nor checks them there.
 */
public final class Packager {
    static final String NAME = "impact-desk";
    static final String CLI = "impact-desk-cli";
    static final String MAIN_JAR = "impact-desk.jar";
    static final String MAIN_CLASS = "org.impactdesk.Launcher";
    /**
     * Modules jdeps cannot see: jdk.localedata holds the Norwegian number and date formats (java.base
     * has English only), and it is trimmed to the app's two languages below.
     */
    static final List<String> EXTRA_MODULES = List.of("jdk.localedata");
    static final String LOCALES = "en,nb,no";
    /** The JVM options both launchers share ($APPDIR: the folder of the app's jars, set by the launcher). */
    static final List<String> JAVA_OPTIONS = List.of(
            "-Dimpactdesk.home=$APPDIR",
            "--enable-native-access=ALL-UNNAMED",
            // the JVM's own warnings to stderr (stdout is the commands' output), none about the archives
            "-Xlog:disable", "-Xlog:all=warning,cds*=off,aot*=off:stderr");
    /** The training runs' workload on the demo bundle (data/demo/README.md lists its ids and year). */
    static final String TRAIN_YEAR = "2025";
    static final String TRAIN_MENTOR = "pm-0001";
    static final long TRAIN_TIMEOUT_S = 300;

    private final Map<String, String> options;
    private final Path staging;
    private final Path dest;
    private final Path work;
    private final int feature = Runtime.version().feature();

    private Packager(Map<String, String> options) {
        this.options = options;
        this.dest = path("dest");
        this.staging = dest.resolve("staging");
        this.work = dest.resolve("work");
    }

    public static void main(String[] args) {
        try {
            new Packager(parse(args)).run();
        } catch (IOException e) {
            System.err.println("package: " + e);
            System.exit(1);
        } catch (PackagingException e) {
            System.err.println("package: " + e.getMessage());
            System.exit(1);
        }
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new PackagingException("unexpected argument " + a + " (options are --name value)");
            }
            if (a.equals("--no-train")) {
                o.put("no-train", "true");
            } else if (i + 1 < args.length) {
                o.put(a.substring(2), args[++i]);
            } else {
                throw new PackagingException(a + " needs a value");
            }
        }
        return o;
    }

    private Path path(String option) {
        String v = options.get(option);
        if (v == null || v.isBlank()) {
            throw new PackagingException("--" + option + " is required");
        }
        return Path.of(v).toAbsolutePath().normalize();
    }

    private void run() throws IOException {
        long t0 = System.nanoTime();
        Path classes = path("classes");
        if (!Files.isRegularFile(classes.resolve(MAIN_CLASS.replace('.', '/') + ".class"))) {
            throw new PackagingException("no compiled " + MAIN_CLASS + " in " + classes + " (run it through Maven: mvn -Ppackage package)");
        }
        deleteTree(staging);
        deleteTree(work);
        mkdirs(staging);
        // the classes as one jar: class-data archives hold classes from jars only
        tool("jar", List.of("--create", "--file", staging.resolve(MAIN_JAR).toString(), "-C", classes.toString(), "."));
        Path classPathFile = path("classpath-file");
        for (String entry : Files.readString(classPathFile).strip().split(java.io.File.pathSeparator)) {
            Path jar = Path.of(entry);
            if (!entry.isBlank()) {
                Files.copy(jar, staging.resolve(jar.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        deleteTree(dest.resolve("runtime"));
        deleteTree(dest.resolve("image"));
        mkdirs(work);
        List<Path> jars = stageJars();
        unpackJavaFxNatives(jars);
        copyTree(path("demo"), staging.resolve("data").resolve("demo"));

        Set<String> modules = modules(jars);
        step("runtime: " + String.join(",", modules));
        Path runtime = dest.resolve("runtime");
        List<String> jlink = new ArrayList<>(List.of("--add-modules", String.join(",", modules),
                "--output", runtime.toString(), "--strip-debug", "--no-header-files", "--no-man-pages",
                "--include-locales=" + LOCALES, "--generate-cds-archive"));
        tool("jlink", jlink);
        // jlink archives the runtime's own classes twice, the second for heaps over 32 GB: not this app's
        Files.deleteIfExists(runtime.resolve("lib").resolve("server").resolve("classes_nocoops.jsa"));

        Path image = appImage(runtime);
        if (!options.containsKey("no-train")) {
            train(image);
        }
        step("app image " + image + " (" + megabytes(image) + " MB)");

        String type = installerType();
        if (type != null) {
            installer(image, type);
        }
        step(String.format(Locale.ROOT, "done in %.0f s", (System.nanoTime() - t0) / 1e9));
    }

    /** The staged jars for the class path, dropping jars with no classes (JavaFX's empty per-module jars). */
    private List<Path> stageJars() {
        List<Path> kept = new ArrayList<>();
        try (Stream<Path> files = Files.list(staging)) {
            for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
                if (hasClasses(jar)) {
                    kept.add(jar);
                } else {
                    Files.delete(jar);
                }
            }
        } catch (IOException e) {
            throw new PackagingException("cannot list " + staging + ": " + e.getMessage());
        }
        return kept;
    }

    private static boolean hasClasses(Path jar) {
        try (JarFile j = new JarFile(jar.toFile())) {
            return j.stream().anyMatch(e -> e.getName().endsWith(".class"));
        } catch (IOException e) {
            throw new PackagingException("cannot read " + jar + ": " + e.getMessage());
        }
    }

    /**
     * JavaFX loads its native libraries from the folder of its jar first (on Linux and macOS; on
     * Windows from ../bin, so there it unpacks them to the user's cache as without a package).
     */
    private void unpackJavaFxNatives(List<Path> jars) {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return;
        }
        for (Path jar : jars) {
            if (!jar.getFileName().toString().startsWith("javafx-")) {
                continue;
            }
            try (JarFile j = new JarFile(jar.toFile())) {
                for (var e : j.stream().filter(e -> !e.getName().contains("/")
                        && (e.getName().endsWith(".so") || e.getName().endsWith(".dylib"))).toList()) {
                    try (InputStream in = j.getInputStream(e)) {
                        Files.copy(in, staging.resolve(e.getName()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            } catch (IOException e) {
                throw new PackagingException("cannot unpack the native libraries of " + jar + ": " + e.getMessage());
            }
        }
    }

    /** The JDK modules the jars need (jdeps over the whole class path) and {@link #EXTRA_MODULES}. */
    private Set<String> modules(List<Path> jars) {
        String classPath = String.join(java.io.File.pathSeparator, jars.stream().map(Path::toString).toList());
        String out = tool("jdeps", List.of("--print-module-deps", "--ignore-missing-deps",
                "--multi-release", Integer.toString(feature), "--class-path", classPath,
                staging.resolve(MAIN_JAR).toString()));
        Set<String> modules = new LinkedHashSet<>();
        String last = out.strip().lines().reduce((a, b) -> b).orElse("");
        for (String m : last.split(",")) {
            if (!m.isBlank()) {
                modules.add(m.strip());
            }
        }
        if (!modules.contains("java.base")) {
            throw new PackagingException("jdeps printed no module list: " + out);
        }
        modules.addAll(EXTRA_MODULES);
        return modules;
    }

    private Path appImage(Path runtime) {
        Path images = dest.resolve("image");
        Path icons = path("icons");
        List<String> common = new ArrayList<>();
        for (String o : JAVA_OPTIONS) {
            common.add("--java-options");
            common.add(o);
        }
        Path cliProps = work.resolve(CLI + ".properties");
        // the command line gets no menu entry or desktop shortcut (it is run from a terminal)
        write(cliProps, "win-console=true\nwin-shortcut=false\nwin-menu=false\nlinux-shortcut=false\n"
                + "description=Impact Desk command line (import, generate, show, share)\n");
        List<String> args = new ArrayList<>(List.of("--type", "app-image", "--name", NAME,
                "--dest", images.toString(), "--input", staging.toString(),
                "--main-jar", MAIN_JAR, "--main-class", MAIN_CLASS,
                "--runtime-image", runtime.toString(),
                "--app-version", version(),
                "--vendor", "Impact Desk",
                "--description", "Peer-mentor impact summaries, offline",
                "--icon", icons.resolve(iconFile()).toString(),
                "--add-launcher", CLI + "=" + cliProps));
        args.addAll(common);
        tool("jpackage", args);
        Path image;
        try (Stream<Path> s = Files.list(images)) {
            image = s.findFirst().orElseThrow(() -> new PackagingException("jpackage made no app image in " + images));
        } catch (IOException e) {
            throw new PackagingException(e.getMessage());
        }
        writeScriptLauncher(image, NAME);
        writeScriptLauncher(image, CLI);
        return image;
    }

    /**
     * On Linux each launcher in bin/ is a shell script that starts the image's runtime with exactly
     * what the launcher's .cfg says (class path, main class, JVM options), rewritten whenever the
     * .cfg changes. jpackage's own Linux launcher asks {@code rpm -qf} and {@code dpkg -S} which
     * package owns it, twice, at every start (about 0.4 s of CPU on this kind of machine, as much as
     * the whole of {@code --version} may take); the script does not. Elsewhere jpackage's launchers stay.
     */
    private static void writeScriptLauncher(Path image, String launcher) {
        Path bin = image.resolve("bin").resolve(launcher);
        if (!System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("linux") || !Files.isRegularFile(bin)) {
            return;
        }
        Path cfg = cfg(image, launcher);
        List<String> classPath = new ArrayList<>();
        List<String> javaOptions = new ArrayList<>();
        String mainClass = null;
        try {
            for (String line : Files.readAllLines(cfg)) {
                if (line.startsWith("app.classpath=")) {
                    classPath.add(line.substring("app.classpath=".length()));
                } else if (line.startsWith("app.mainclass=")) {
                    mainClass = line.substring("app.mainclass=".length());
                } else if (line.startsWith("java-options=")) {
                    javaOptions.add(line.substring("java-options=".length()));
                }
            }
        } catch (IOException e) {
            throw new PackagingException("cannot read " + cfg + ": " + e.getMessage());
        }
        if (mainClass == null || classPath.isEmpty()) {
            throw new PackagingException("no class path or main class in " + cfg);
        }
        List<String> archive = javaOptions.stream()
                .filter(o -> o.startsWith("-XX:AOTCache=") || o.startsWith("-XX:SharedArchiveFile=")).toList();
        List<String> others = javaOptions.stream().filter(o -> !archive.contains(o)).toList();
        StringBuilder sh = new StringBuilder();
        sh.append("#!/bin/sh\n")
                .append("# Impact Desk launcher (").append(launcher).append("), written from lib/app/").append(launcher)
                .append(".cfg by the package build (src/packaging/Packager.java):\n")
                .append("# the image's own Java runtime with the app's class path, JVM options and class-data archive.\n")
                .append("self=$(readlink -f \"$0\")\n")
                .append("root=$(dirname \"$(dirname \"$self\")\")\n")
                .append("app=\"$root/lib/app\"\n");
        if (!archive.isEmpty()) {
            // an ahead-of-time cache loads every class it holds at start: --version and --help, which
            // need few of them, start faster on the runtime's own archive alone
            sh.append("archive=").append(shellWord(archive.get(0))).append("\n")
                    .append("case \"${1-}\" in --version|-V|--help|-h) archive=-Xshare:auto ;; esac\n");
        }
        sh.append("exec \"$root/lib/runtime/bin/java\"");
        for (String o : others) {
            sh.append(" \\\n    ").append(shellWord(o));
        }
        if (!archive.isEmpty()) {
            sh.append(" \\\n    \"$archive\"");
        }
        sh.append(" \\\n    -cp ").append(shellWord(String.join(":", classPath)))
                .append(" \\\n    ").append(mainClass).append(" \"$@\"\n");
        write(bin, sh.toString());
        try {
            Files.setPosixFilePermissions(bin, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new PackagingException("cannot make " + bin + " executable: " + e.getMessage());
        }
    }

    /** One word for sh: in double quotes, $APPDIR as the script's $app, other $ ` \\ " escaped. */
    static String shellWord(String s) {
        StringBuilder b = new StringBuilder("\"");
        String rest = s;
        while (!rest.isEmpty()) {
            if (rest.startsWith("$APPDIR")) {
                b.append("$app");
                rest = rest.substring("$APPDIR".length());
                continue;
            }
            char c = rest.charAt(0);
            if (c == '$' || c == '`' || c == '\\' || c == '"') {
                b.append('\\');
            }
            b.append(c);
            rest = rest.substring(1);
        }
        return b.append('"').toString();
    }

    private static String iconFile() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        return os.startsWith("windows") ? "impact-desk.ico" : os.startsWith("mac") ? "impact-desk.icns" : "impact-desk.png";
    }

    /** jpackage wants 1 to 3 numbers: the project's version without a qualifier such as -SNAPSHOT. */
    private String version() {
        String v = options.getOrDefault("version", "1.0.0");
        String numeric = v.replaceAll("[^0-9.].*$", "").replaceAll("\\.+$", "");
        return numeric.isEmpty() ? "1.0.0" : numeric;
    }

    /**
     * Class-data archives from training runs of the image's own launchers on the demo bundle: the
     * command line's from {@code show} (which --version's classes are a part of), the window's from a
     * start to a drawn sign-in list (under the system's display, else a private Xvfb, else none). The
     * import and generate before them are the package's smoke test: a failure stops the build.
     */
    private void train(Path image) {
        Path db = work.resolve("train").resolve("demo");
        Path demo = appDir(image, CLI).resolve("data").resolve("demo");
        step("training: import, generate and show on " + demo);
        launch(image, CLI, Map.of(), "--db", db.toString(), "import", demo.toString(), "--json");
        launch(image, CLI, Map.of(), "--db", db.toString(), "generate", "--year", TRAIN_YEAR, "--period", "all");
        String shown = record(image, CLI, "cli", Map.of(),
                "--db", db.toString(), "show", "annual", "--mentor", TRAIN_MENTOR, "--year", TRAIN_YEAR, "--json");
        if (!shown.contains("\"peer_mentor_id\":\"" + TRAIN_MENTOR + "\"")) {
            throw new PackagingException("show printed no annual summary of " + TRAIN_MENTOR + ":\n" + shown);
        }

        Map<String, String> env = new LinkedHashMap<>();
        Process xvfb = null;
        String display = System.getenv("DISPLAY");
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (os.startsWith("linux") && (display == null || display.isBlank())) {
            xvfb = startXvfb();
            if (xvfb == null) {
                step("window archive skipped: no DISPLAY and no Xvfb (the window starts without it, slower)");
                return;
            }
            display = xvfbDisplay;
        }
        if (display != null) {
            env.put("DISPLAY", display);
        }
        try {
            step("training: the window to its sign-in list" + (xvfb != null ? " (Xvfb " + display + ")" : ""));
            record(image, NAME, "window", env, "--db", db.toString(), "-Dimpactdesk.startupTrace=exit",
                    "-Djava.util.prefs.userRoot=" + work.resolve("prefs"));
        } finally {
            if (xvfb != null) {
                xvfb.destroy();
            }
        }
    }

    private String xvfbDisplay;

    /** A private X server on a free display (Xvfb picks it and says which), or null without Xvfb. */
    private Process startXvfb() {
        if (!onPath("Xvfb")) {
            return null;
        }
        try {
            Process p = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                    .redirectError(work.resolve("xvfb.log").toFile()).start();
            var reader = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
            String line = reader.readLine();
            if (line == null || !line.strip().matches("[0-9]+")) {
                p.destroy();
                return null;
            }
            xvfbDisplay = ":" + line.strip();
            return p;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Runs {@code launcher} once recording the classes it loads and links, makes the archive
     * {@code name} from that in the launcher's app folder, checks that the launcher maps it, and
     * adds it to the launcher's options. JDK 25 and newer: an ahead-of-time cache (JEP 483, 514,
     * 515: classes loaded and linked, method profiles); older: a dynamic CDS archive.
     * The launcher's JVM options take the recording options through JAVA_TOOL_OPTIONS, so the
     * archive is made with exactly the class path and options the launcher gives.
     * Window-only arguments ({@code -D...}) go to JAVA_TOOL_OPTIONS too.
     */
    private String record(Path image, String launcher, String name, Map<String, String> env, String... args) {
        Path appDir = appDir(image, launcher);
        List<String> appArgs = new ArrayList<>();
        List<String> props = new ArrayList<>();
        for (String a : args) {
            (a.startsWith("-D") ? props : appArgs).add(a);
        }
        String archive;
        String output;
        if (feature >= 25) {
            archive = name + ".aot";
            Path config = work.resolve(name + ".aotconf");
            Path cache = appDir.resolve(archive);
            output = launch(image, launcher, with(env, "-XX:AOTMode=record -XX:AOTConfiguration=" + config, props),
                    appArgs.toArray(String[]::new));
            launch(image, launcher, with(env, "-XX:AOTMode=create -XX:AOTConfiguration=" + config + " -XX:AOTCache=" + cache,
                    List.of()), "--version");
            // AOTMode=on: the JVM refuses to start when it cannot map the cache
            launch(image, launcher, with(env, "-XX:AOTMode=on -XX:AOTCache=" + cache, List.of()), "--version");
            addJavaOption(image, launcher, "-XX:AOTCache=$APPDIR/" + archive);
        } else {
            archive = name + ".jsa";
            Path jsa = appDir.resolve(archive);
            output = launch(image, launcher, with(env, "-XX:ArchiveClassesAtExit=" + jsa, props), appArgs.toArray(String[]::new));
            launch(image, launcher, with(env, "-XX:SharedArchiveFile=" + jsa + " -Xshare:on", List.of()), "--version");
            addJavaOption(image, launcher, "-XX:SharedArchiveFile=$APPDIR/" + archive);
        }
        step("archive " + archive + " (" + megabytes(appDir.resolve(archive)) + " MB) for " + launcher);
        return output;
    }

    private static Map<String, String> with(Map<String, String> env, String vmOptions, List<String> props) {
        Map<String, String> m = new LinkedHashMap<>(env);
        m.put("JAVA_TOOL_OPTIONS", (vmOptions + " " + String.join(" ", props)).strip());
        return m;
    }

    /** The folder of the launcher's .cfg and of the app's jars ($APPDIR). */
    private static Path appDir(Path image, String launcher) {
        return cfg(image, launcher).getParent();
    }

    private static Path cfg(Path image, String launcher) {
        try (Stream<Path> s = Files.walk(image)) {
            return s.filter(p -> p.getFileName().toString().equals(launcher + ".cfg")).findFirst()
                    .orElseThrow(() -> new PackagingException("no " + launcher + ".cfg in " + image));
        } catch (IOException e) {
            throw new PackagingException(e.getMessage());
        }
    }

    /** The launcher's executable: bin/NAME (Linux), NAME.exe (Windows), Contents/MacOS/NAME (macOS). */
    private static Path executable(Path image, String launcher) {
        for (Path p : List.of(image.resolve("bin").resolve(launcher), image.resolve(launcher + ".exe"),
                image.resolve("Contents").resolve("MacOS").resolve(launcher))) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new PackagingException("no launcher " + launcher + " in " + image);
    }

    /** Adds a JVM option to the launcher's .cfg ([JavaOptions] section, where jpackage wrote its own). */
    private static void addJavaOption(Path image, String launcher, String option) {
        Path cfg = cfg(image, launcher);
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(cfg));
            int section = lines.indexOf("[JavaOptions]");
            if (section < 0) {
                throw new PackagingException("no [JavaOptions] in " + cfg);
            }
            int at = section + 1;
            while (at < lines.size() && !lines.get(at).startsWith("[")) {
                at++;
            }
            while (at > section + 1 && lines.get(at - 1).isBlank()) {
                at--;
            }
            lines.add(at, "java-options=" + option);
            Files.write(cfg, lines);
        } catch (IOException e) {
            throw new PackagingException("cannot update " + cfg + ": " + e.getMessage());
        }
        writeScriptLauncher(image, launcher);
    }

    /** Runs a launcher of the image with JAVA_HOME unset; its stdout, or a failure with its output. */
    private String launch(Path image, String launcher, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>();
        command.add(executable(image, launcher).toString());
        command.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("JAVA_HOME");
        pb.environment().remove("JDK_JAVA_OPTIONS");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().putAll(env);
        Path out = work.resolve("launch-out.log");
        Path err = work.resolve("launch-err.log");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        try {
            Process p = pb.start();
            if (!p.waitFor(TRAIN_TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new PackagingException(String.join(" ", command) + " did not end within " + TRAIN_TIMEOUT_S + " s");
            }
            String stdout = Files.readString(out);
            if (p.exitValue() != 0) {
                throw new PackagingException(String.join(" ", command) + " (" + env + ") exited with " + p.exitValue()
                        + ":\n" + tail(stdout) + tail(Files.readString(err)));
            }
            return stdout;
        } catch (IOException e) {
            throw new PackagingException("cannot run " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PackagingException("interrupted");
        }
    }

    private static String tail(String s) {
        List<String> lines = s.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())) + "\n";
    }

    /** The installer to make: --type, or with auto the system's own where its tools are present. */
    private String installerType() {
        String type = options.getOrDefault("type", "auto");
        if (type.equals("app-image")) {
            return null;
        }
        if (!type.equals("auto")) {
            return type;
        }
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (os.startsWith("mac")) {
            return "dmg";
        }
        if (os.startsWith("windows")) {
            if (onPath("candle.exe") || onPath("wix.exe")) {
                return "msi";
            }
            step("no .msi: WiX is not on PATH (the app image is complete without it)");
            return null;
        }
        if (onPath("dpkg-deb") && onPath("fakeroot")) {
            return "deb";
        }
        if (onPath("rpmbuild")) {
            return "rpm";
        }
        step("no installer: neither dpkg-deb with fakeroot nor rpmbuild is on PATH (the app image is complete without it)");
        return null;
    }

    private void installer(Path image, String type) {
        step("installer: " + type);
        List<String> args = new ArrayList<>(List.of("--type", type, "--app-image", image.toString(), "--name", NAME,
                "--dest", dest.toString(), "--app-version", version(), "--vendor", "Impact Desk",
                "--description", "Peer-mentor impact summaries, offline"));
        switch (type) {
            case "deb", "rpm" -> args.addAll(List.of("--linux-shortcut", "--linux-menu-group", "Office",
                    "--linux-app-category", "misc", "--linux-deb-maintainer", "impact-desk@example.org",
                    "--icon", path("icons").resolve("impact-desk.png").toString()));
            case "msi", "exe" -> args.addAll(List.of("--win-menu", "--win-shortcut", "--win-dir-chooser"));
            default -> {
            }
        }
        if (type.equals("rpm")) {
            args.removeAll(List.of("--linux-deb-maintainer", "impact-desk@example.org"));
        }
        tool("jpackage", args);
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, command)));
    }

    /** Runs a JDK tool (jdeps, jlink, jpackage) in this JVM; its output, or a failure with it. */
    private static String tool(String name, List<String> args) {
        ToolProvider tool = ToolProvider.findFirst(name)
                .orElseThrow(() -> new PackagingException("this JDK has no " + name + " (a full JDK 21 or newer is needed)"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = tool.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        if (code != 0) {
            throw new PackagingException(name + " " + String.join(" ", args) + " failed (" + code + "):\n" + out + err);
        }
        return out.toString();
    }

    private static void step(String message) {
        System.out.println("package: " + message);
    }

    private static long megabytes(Path p) {
        try (Stream<Path> s = Files.walk(p)) {
            return s.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum() / (1024 * 1024);
        } catch (IOException e) {
            return -1;
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new PackagingException("cannot write " + file + ": " + e.getMessage());
        }
    }

    private static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new PackagingException("cannot create " + dir + ": " + e.getMessage());
        }
    }

    private static void copyTree(Path from, Path to) {
        if (!Files.isDirectory(from)) {
            throw new PackagingException("no demo bundle at " + from);
        }
        deleteTree(to);
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new PackagingException("cannot copy " + from + " to " + to + ": " + e.getMessage());
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new PackagingException("cannot delete " + dir + ": " + e.getMessage());
        }
    }

    static final class PackagingException extends RuntimeException {
        PackagingException(String message) {
            super(message);
        }
    }
}
