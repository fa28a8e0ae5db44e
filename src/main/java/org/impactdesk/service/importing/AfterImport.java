package org.impactdesk.service.importing;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import org.impactdesk.access.Actor;

/**
 * Work that joins an import's transaction, and what it does once that transaction has committed
 * (issue 19: the coordinators' digest is queued with the import and sent after its commit).
 */
@FunctionalInterface
public interface AfterImport {
    /**
     * Runs on the import's connection just before its commit (an exception rolls the import
     * back); returns what to run after the commit, or null.
     */
    Runnable beforeCommit(Connection c, Actor importer, Instant finishedAt) throws SQLException;
}
