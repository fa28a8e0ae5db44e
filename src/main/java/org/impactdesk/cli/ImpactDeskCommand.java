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
@Command(name = "impact-desk", mixinStandardHelpOptions = true, version = "Impact Desk 0.1",
        description = "Impact Desk: peer-mentor impact summaries, offline.",
        subcommands = {
                ImportCommand.class,
                GenerateCommand.class,
                ShowCommand.class,
                ShareCommand.class,
                DemoDataCommand.class,
                BenchCommand.class,
        })
public final class ImpactDeskCommand implements Callable<Integer> {

    @Option(names = "--db", paramLabel = "PATH",
            description = "The H2 database (files PATH.mv.db). Default: $IMPACT_DESK_DB or the user's data folder.")
    Path db;

    @Option(names = "--as", paramLabel = "USER_ID", description = "Act as this user (access rules apply).")
    String asUser;

    @Option(names = "--lang", paramLabel = "en|nb", description = "Language of text output.")
    String lang;

    /** Set by the launcher: how to open the window (keeps the CLI free of JavaFX). */
    static volatile java.util.function.Consumer<ImpactDeskCommand> windowOpener = c -> {
        throw new CliException(ExitCode.USAGE, "The window is not available in this build.");
    };

    @Override
    public Integer call() {
        windowOpener.accept(this);
        return ExitCode.DONE;
    }

    public Path databasePath() {
        if (db != null) {
            return db;
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

    public String asUser() {
        return asUser;
    }

    public Database openDatabase() {
        return Database.open(databasePath());
    }

    /**
     * For the commands that read (show, share): the database must exist. A mistyped --db would
     * otherwise be created empty and answer as if nothing were there: exit 4 naming the path.
     */
    public Database openExistingDatabase() {
        Path path = databasePath();
        Path file = path.resolveSibling(path.getFileName() + ".mv.db");
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new CliException(ExitCode.NOT_FOUND, "No database at " + path.toAbsolutePath() + " (" + file.getFileName()
                    + " does not exist); check --db or IMPACT_DESK_DB. Nothing was created.");
        }
        return Database.open(path);
    }

    /** The acting user: --as (must exist) or the local operator. */
    public Actor actor(Database database) {
        if (asUser == null) {
            return Actor.localOperator();
        }
        return new ActorDao(database.jdbi()).find(asUser)
                .orElseThrow(() -> new CliException(ExitCode.NOT_FOUND, "No user with id " + asUser + " in " + databasePath()));
    }
}
