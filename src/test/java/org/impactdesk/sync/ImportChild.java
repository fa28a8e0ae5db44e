package org.impactdesk.sync;

import java.nio.file.Path;
import java.time.Clock;
import org.impactdesk.access.Actor;
import org.impactdesk.store.Database;

/**
 * The child JVM of the kill test: imports {@code args[1]} into the database {@code args[0]} and
 * prints every progress message on stdout ("PROGRESS ..."), then "DONE".
 */
public final class ImportChild {
    private ImportChild() {
    }

    public static void main(String[] args) {
        try (Database db = Database.open(Path.of(args[0]))) {
            ImportReport r = new BundleImporter(db, Clock.systemUTC()).importBundle(Path.of(args[1]),
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
        }
    }
}
