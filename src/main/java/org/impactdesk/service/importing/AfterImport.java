package org.impactdesk.service.importing;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import org.impactdesk.access.Actor;

/**
 * Work that joins an import's transaction, what it does once that transaction has committed, and
 * what it does once the sync's summaries are brought up to date (issue 19: the coordinators'
 * digest is marked due with the import and queued after the regeneration that follows it).
 */
@FunctionalInterface
public interface AfterImport {
    /**
     * Runs on the import's connection just before its commit (an exception rolls the import
     * back); returns what to run after the commit, or null.
     */
    Runnable beforeCommit(Connection c, Actor importer, Instant finishedAt) throws SQLException;

    /**
     * After the regeneration that follows {@code importer}'s import (the window's Sync), whatever
     * its outcome: done, stopped by the user, failed, refused (a coordinator's import) or nothing
     * to do. Runs after the regeneration's commits, in transactions of its own; a failure here is
     * logged by the caller and never undoes the sync.
     */
    default void afterRegeneration(Actor importer) {
    }
}
