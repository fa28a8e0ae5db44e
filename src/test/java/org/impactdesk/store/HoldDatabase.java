package org.impactdesk.store;

import java.nio.file.Path;

/** Child JVM of the second-instance test: opens the database, prints OPEN, holds it until stdin closes. */
public final class HoldDatabase {
    private HoldDatabase() {
    }

    public static void main(String[] args) throws Exception {
        try (Database db = Database.open(Path.of(args[0]))) {
            System.out.println("OPEN " + db.path());
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold until the parent closes our stdin
            }
        }
    }
}
