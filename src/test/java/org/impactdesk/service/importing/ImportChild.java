package org.impactdesk.service.importing;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CancellationException;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.ImportOptions;
import org.impactdesk.domain.ImportReport;
import org.impactdesk.domain.SyncGateway;
import org.impactdesk.store.Database;
/**
 * The child JVM of the kill and stop tests: imports {@code args[1]} into the database (an H2 file's path or a PostgreSQL URL)
 * {@code args[0]} (from {@code args[2]} activities into an empty table, a bulk load) and prints
 * every progress message on stdout ("PROGRESS ..."), then "DONE", or "STOPPED" when a stop
 * cancelled it.
 */
public final class ImportChild {
    private ImportChild() {
    }

    public static void main(String[] args) {
        try (Database db = Database.open(args[0], null)) {
            BundleImporter importer = new BundleImporter(db, Clock.systemUTC());
            if (args.length > 2) {
                importer.setBulkThreshold(Long.parseLong(args[2]));
            }
            ImportReport r = importer.importBundle(Path.of(args[1]),
                    ImportOptions.allOrNothing(), Actor.localOperator(), new SyncGateway.Progress() {
                        @Override
                        public void update(long done, long total, String message) {
                            System.out.println("PROGRESS " + message);
                            System.out.flush();
                        }

                        @Override
                        public boolean isCancelled() {
                            return false;
                        }
                    });
            System.out.println("DONE " + r);
        } catch (CancellationException e) {
            System.out.println("STOPPED " + e.getMessage());
        }
        System.out.flush();
    }
}
