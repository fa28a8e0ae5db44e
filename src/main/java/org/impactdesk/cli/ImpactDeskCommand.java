package org.impactdesk.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.impactdesk.access.Actor;
import org.impactdesk.store.ActorDao;
import org.impactdesk.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The root of the command line (CLI.md). With no subcommand it opens the window; subcommands
 * run headless. Global options are read by subcommands through {@code @ParentCommand}.
 */
@Command(name = "impact-desk", mixinStandardHelpOptions = true, version = ImpactDeskCommand.VERSION,
        description = "Impact Desk: peer-mentor impact summaries, offline.",
        subcommands = {
                ImportCommand.class,
                GenerateCommand.class,
                ShowCommand.class,
                ShareCommand.class,
                ReleaseCommand.class,
                DemoDataCommand.class,
                BenchCommand.class,
                ReportCommand.class,
                DbCommand.class,
        })
public final class ImpactDeskCommand implements Callable<Integer> {
    /** What {@code --version} prints (a constant: the launcher prints it without parsing the command line). */
    public static final String VERSION = "Impact Desk 0.1";

    @Option(names = "--db", paramLabel = "PATH|URL",
            description = "The H2 database (files PATH.mv.db), or a team database on PostgreSQL 15+ "
                    + "(jdbc:postgresql://host:5432/impactdesk). Default: $IMPACT_DESK_DB or the user's data folder.")
    String db;

    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "The passphrase of an encrypted database (its first line; also $IMPACT_DESK_PASSPHRASE). "
                    + "A new database is created encrypted with it. Asked on the terminal when needed and not given.")
    Path passphraseFile;

    @Option(names = "--as", paramLabel = "USER_ID", description = "Act as this user (access rules apply).")
    String asUser;

    @Option(names = "--lang", paramLabel = "en|nb", description = "Language of text output.")
    String lang;

    /** Set by the launcher: how to open the window (keeps the CLI free of JavaFX). */
    static volatile java.util.function.Consumer<ImpactDeskCommand> windowOpener = c -> {
        throw new CliException(ExitCode.USAGE, "The window is not available in this build.");
    };

    /** The global options as given (strings, or null when not), for a window opened without parsing (CommandLineMain). */
    static ImpactDeskCommand of(String db, String passphraseFile, String asUser, String lang) {
        ImpactDeskCommand c = new ImpactDeskCommand();
        c.db = db;
        c.passphraseFile = passphraseFile == null ? null : Path.of(passphraseFile);
        c.asUser = asUser;
        c.lang = lang;
        return c;
    }

    @Override
    public Integer call() {
        windowOpener.accept(this);
        return ExitCode.DONE;
    }

    /** The PostgreSQL URL --db (or IMPACT_DESK_DB) names, or null for an H2 file. */
    public String databaseUrl() {
        String chosen = db != null ? db : System.getenv("IMPACT_DESK_DB");
        return Database.isPostgresUrl(chosen) ? chosen : null;
    }

    /** What messages call the database: the H2 path, or the PostgreSQL URL without a password. */
    public String databaseName() {
        String url = databaseUrl();
        return url != null ? url.replaceAll("(?i)(password=)[^&;]*", "$1***") : databasePath().toAbsolutePath().toString();
    }

    public Path databasePath() {
        if (databaseUrl() != null) {
            throw new CliException(ExitCode.USAGE, "This needs an H2 database file; " + databaseName()
                    + " is a PostgreSQL team database");
        }
        if (db != null) {
            return Path.of(db);
        }
        String env = System.getenv("IMPACT_DESK_DB");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        String dataHome = System.getenv("XDG_DATA_HOME");
        Path base = dataHome != null && !dataHome.isBlank()
                ? Path.of(dataHome) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("impact-desk").resolve("impact-desk");
    }

    /**
     * The app's own data folder (the default one, not a folder --db names) made 0700, also when
     * an older version created it readable by others.
     */
    public void privateDataFolder() {
        if (databaseChosen() || databaseUrl() != null) {
            return;
        }
        Path folder = databasePath().toAbsolutePath().getParent();
        try {
            org.impactdesk.domain.PrivateFiles.createFolder(folder);
            org.impactdesk.domain.PrivateFiles.restrictFolder(folder);
        } catch (java.io.IOException e) {
            throw new CliException(ExitCode.BAD_INPUT, "Cannot make the data folder " + folder
                    + " readable by its owner only: " + e.getMessage());
        }
    }

    /** True when --db (or IMPACT_DESK_DB) names the database rather than the default. */
    public boolean databaseChosen() {
        return db != null || (System.getenv("IMPACT_DESK_DB") != null && !System.getenv("IMPACT_DESK_DB").isBlank());
    }

    public Locale locale() {
        if (lang == null) {
            return Locale.ENGLISH;
        }
        return switch (lang) {
            case "en" -> Locale.ENGLISH;
            case "nb", "no" -> Locale.forLanguageTag("nb-NO");
            default -> throw new CliException(ExitCode.USAGE, "--lang takes en or nb, not " + lang);
        };
    }

    /** True when --lang was given (the window otherwise keeps the language chosen last time). */
    public boolean langGiven() {
        return lang != null;
    }

    /** --passphrase-file, or null. */
    public Path passphraseFile() {
        return passphraseFile;
    }

    public String asUser() {
        return asUser;
    }

    public Database openDatabase() {
        if (databaseUrl() != null) {
            return Database.open(databaseUrl(), Passphrases.given(passphraseFile));
        }
        Path path = databasePath();
        privateDataFolder();
        char[] passphrase = passphrase(path, Passphrases.console());
        try {
            return Database.open(path, passphrase);
        } finally {
            if (passphrase != null) {
                java.util.Arrays.fill(passphrase, '\0');
            }
        }
    }

    /**
     * The passphrase for the database at {@code path}: from --passphrase-file, else
     * IMPACT_DESK_PASSPHRASE, else asked on {@code console} (when there is one) for an encrypted
     * database or chosen for a new one; null for none.
     */
    char[] passphrase(Path path, Passphrases.Console console) {
        char[] given = Passphrases.given(passphraseFile);
        if (given != null) {
            return given;
        }
        if (console == null) {
            return null;
        }
        if (Database.isEncrypted(path)) {
            return console.read("Passphrase of " + path + ".mv.db: ");
        }
        if (!Database.exists(path)) {
            return Passphrases.choose(console, path);
        }
        return null;
    }

    /**
     * For the commands that read (show, share): the database must exist. A mistyped --db would
     * otherwise be created empty and answer as if nothing were there: exit 4 naming the path.
     */
    public Database openExistingDatabase() {
        if (databaseUrl() != null) {
            return Database.open(databaseUrl(), null);
        }
        Path path = databasePath();
        Path file = path.resolveSibling(path.getFileName() + ".mv.db");
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new CliException(ExitCode.NOT_FOUND, "No database at " + path.toAbsolutePath() + " (" + file.getFileName()
                    + " does not exist); check --db or IMPACT_DESK_DB. Nothing was created.");
        }
        return Database.open(path);
    }

    /**
     * The acting user: --as (must exist) or the local operator. On a team database the command's
     * reads of people's data then run as that user's role, under row-level security (Database.readAs).
     */
    public Actor actor(Database database) {
        if (asUser == null) {
            return Actor.localOperator();
        }
        Actor found = new ActorDao(database.jdbi()).find(asUser)
                .orElseThrow(() -> new CliException(ExitCode.NOT_FOUND, "No user with id " + asUser + " in " + databaseName()));
        database.readAs(found.userId());
        return found;
    }
}
