package org.impactdesk.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.impactdesk.store.Database;
import org.impactdesk.store.DatabaseCopy;
import org.impactdesk.store.TeamRoles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** The database itself: {@code db copy} moves an organisation's database between H2 and a PostgreSQL team database. */
@Command(name = "db", description = "Work on the database itself (README \"Team database\").",
        subcommands = {DbCommand.Copy.class, DbCommand.Grant.class})
public final class DbCommand implements Callable<Integer> {
    @ParentCommand
    ImpactDeskCommand root;

    @Override
    public Integer call() {
        throw new CliException(ExitCode.USAGE, "db needs a subcommand: copy or grant");
    }

    @Command(name = "copy", description = "Copy every row of one database into a new, empty one of the other engine "
            + "(an H2 file to a PostgreSQL team database, or back), then check each table's rows and checksum.")
    public static final class Copy implements Callable<Integer> {
        @ParentCommand
        DbCommand db;

        @Option(names = "--from", required = true, paramLabel = "PATH|URL", description = "The database to copy (it is only read).")
        String from;

        @Option(names = "--to", required = true, paramLabel = "URL|PATH",
                description = "The new database: created and migrated if it does not exist; it must hold no data.")
        String to;

        @Override
        public Integer call() {
            if (!Database.isPostgresUrl(from) && !Database.exists(Path.of(from))) {
                throw new CliException(ExitCode.NOT_FOUND, "No database at " + Path.of(from).toAbsolutePath()
                        + " (" + Path.of(from).getFileName() + ".mv.db does not exist); nothing was copied.");
            }
            if (Database.isPostgresUrl(from) == Database.isPostgresUrl(to) && from.equals(to)) {
                throw new CliException(ExitCode.USAGE, "--from and --to name the same database");
            }
            List<DatabaseCopy.TableCheck> checks;
            try (Database source = Database.open(from, null); Database target = Database.open(to, null)) {
                checks = DatabaseCopy.copy(source, target, table -> System.err.println("db copy: " + table));
                System.out.printf(Locale.ROOT, "%-32s %12s %12s  %-16s %s%n", "table", "rows from", "rows to", "sha-256", "");
                boolean same = true;
                for (DatabaseCopy.TableCheck c : checks) {
                    System.out.printf(Locale.ROOT, "%-32s %,12d %,12d  %-16s %s%n", c.table(), c.sourceRows(), c.targetRows(),
                            c.sourceChecksum().substring(0, 16), c.same() ? "same" : "DIFFERENT (to: " + c.targetChecksum().substring(0, 16) + ")");
                    same &= c.same();
                }
                if (!same) {
                    throw new CliException(ExitCode.BAD_INPUT, "The copy differs from " + source.displayName()
                            + " in the tables marked DIFFERENT above; do not use " + target.displayName() + " until that is explained.");
                }
                System.out.printf(Locale.ROOT, "Copied %d tables from %s to %s; every row count and checksum is the same.%n",
                        checks.size(), source.displayName(), target.displayName());
            }
            return ExitCode.DONE;
        }
    }

    @Command(name = "grant", description = "On a PostgreSQL team database: a login role for every user (idk_<user id>), "
            + "mapped to the user, reading only what the user's scope allows (row-level security). Run again after "
            + "an import brings new users; passwords are set by the server's administrator.")
    public static final class Grant implements Callable<Integer> {
        @ParentCommand
        DbCommand db;

        @Override
        public Integer call() {
            try (Database database = db.root.openExistingDatabase()) {
                List<TeamRoles.Granted> granted = TeamRoles.grant(database);
                for (TeamRoles.Granted g : granted) {
                    System.out.printf(Locale.ROOT, "%-32s %-36s %s%n", g.userId(), g.role(), g.created() ? "created" : "there");
                }
                System.out.printf(Locale.ROOT, "%d roles in %s, %d new.%n", granted.size(), database.displayName(),
                        granted.stream().filter(TeamRoles.Granted::created).count());
            }
            return ExitCode.DONE;
        }
    }
}
