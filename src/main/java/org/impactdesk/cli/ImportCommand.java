package org.impactdesk.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.ImportOptions;
import org.impactdesk.domain.ImportReport;
import org.impactdesk.domain.SyncGateway;
import org.impactdesk.service.Services;
import org.impactdesk.service.importing.BundleImporter;
import org.impactdesk.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code import PATH [--skip-invalid] [--json]}: syncs an export bundle (a folder, a .zip or an
 * activities.csv). Exit 0 done, 1 bad rows (all or nothing: nothing written, every bad row
 * named by file and line), 2 usage, 3 refused by an access rule, 4 no such path.
 */
@Command(name = "import", description = "Sync an export bundle (folder, .zip, or activities.csv) into the database.")
public final class ImportCommand implements Callable<Integer> {
    @ParentCommand
    ImpactDeskCommand root;

    @Parameters(index = "0", paramLabel = "PATH", description = "The bundle: a folder, a .zip or an activities.csv.")
    Path path;

    @Option(names = "--skip-invalid", description = "Write the valid rows; save the rejected ones to a reject file.")
    boolean skipInvalid;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Override
    public Integer call() {
        if (!Files.exists(path)) {
            throw new CliException(ExitCode.NOT_FOUND, "import: no such file or folder: " + path);
        }
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.isDirectory(path) && !name.endsWith(".zip") && !name.endsWith(".csv")) {
            throw new CliException(ExitCode.USAGE, "import: " + path + " is not an export bundle: give a folder, a .zip or a .csv file");
        }
        try (Database db = root.openDatabase()) {
            Actor actor = root.actor(db);
            org.impactdesk.service.Services services = new org.impactdesk.service.Services(db);
            services.pruneChangeLog();
            BundleImporter importer = services.importer;
            ImportReport report = importer.importBundle(path, new ImportOptions(skipInvalid), actor, new StderrProgress());
            if (json) {
                System.out.println(report.toJson());
            } else {
                printHuman(report);
            }
            if (!report.written()) {
                if (!json) {
                    for (SyncGateway.Problem p : report.errors()) {
                        System.err.println(ImportReport.describe(p));
                    }
                    if (report.moreErrors() > 0) {
                        System.err.println("... and " + report.moreErrors() + " more errors.");
                    }
                }
                return report.refusedByRule() ? ExitCode.REFUSED : ExitCode.BAD_INPUT;
            }
            return ExitCode.DONE;
        }
    }

    private static void printHuman(ImportReport r) {
        if (r.written()) {
            System.out.println((r.changedNothing() ? "Nothing changed: " : "Imported: ") + r.inserted() + " inserted, "
                    + r.updated() + " updated, " + r.unchanged() + " unchanged, " + r.removed() + " removed, "
                    + r.rejected() + " rejected" + (r.skipped() > 0 ? ", " + r.skipped() + " skipped (not yours to import)" : "")
                    + ".");
            r.files().forEach((file, n) -> System.out.println("  " + file + ": " + n.rows() + " rows, " + n.inserted()
                    + " inserted, " + n.updated() + " updated, " + n.unchanged() + " unchanged"
                    + (n.removed() > 0 ? ", " + n.removed() + " removed" : "")
                    + (n.rejected() > 0 ? ", " + n.rejected() + " rejected" : "")
                    + (n.skipped() > 0 ? ", " + n.skipped() + " skipped" : "")));
            if (r.rejectFile() != null) {
                System.out.println("Rejected rows, with their reasons: " + r.rejectFile().toAbsolutePath());
            }
        } else if (r.rejected() == 0 && !r.refusedByRule() && r.hasErrors()) {
            System.out.flush(); // the bundle or a whole file cannot be read: its problem lines (stderr) say it all
        } else {
            System.out.println((r.refusedByRule() ? "Refused: " : "Nothing imported: ") + r.rejected()
                    + " rows have errors" + (r.refusedByRule() ? " or are not yours to import" : "")
                    + "; nothing was written.");
        }
        for (String w : r.warnings()) {
            System.err.println("Warning: " + w);
        }
    }

    /** Progress lines on stderr (stdout is for the report). */
    private static final class StderrProgress implements SyncGateway.Progress {
        private long lastPrinted = System.nanoTime();

        @Override
        public void update(long done, long total, String message) {
            long now = System.nanoTime();
            if (now - lastPrinted > 1_000_000_000L || (done == total && total >= 100_000)) {
                lastPrinted = now;
                System.err.println(message);
            }
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    }
}
