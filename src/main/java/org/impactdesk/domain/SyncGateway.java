package org.impactdesk.domain;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.impactdesk.access.Actor;

/**
 * What the Sync screen needs of syncing, in one place: a preview that writes nothing, the import
 * itself (all or nothing, or valid rows only) with progress and cancel, the import log, and the
 * regeneration of summaries afterwards. Implemented over the bundle importer and the generation
 * service; ViewModel tests answer it directly.
 */
public interface SyncGateway {

    enum Mode {
        /** any bad row refuses the whole bundle */
        ALL_OR_NOTHING,
        /** writes the valid rows, saves the rejected ones to a reject file (--skip-invalid) */
        VALID_ROWS_ONLY
    }

    /** Progress and cancel as the work sees them. */
    interface Progress {
        void update(long done, long total, String message);

        boolean isCancelled();

        /**
         * A step by its message key ({@code progress.<key>} in the app's bundles) and arguments: a
         * screen says it in its language (override); by default it is said in English.
         */
        default void step(long done, long total, String key, Object... args) {
            update(done, total, ProgressText.say(BundleText.english(), key, args));
        }
    }

    /** Rows read, rows with errors and rows skipped (outside the importer's rights) in one file of the bundle. */
    record FileCount(String file, long rows, long errorRows, long skippedRows) {
        public FileCount(String file, long rows, long errorRows) {
            this(file, rows, errorRows, 0);
        }
    }

    /**
     * One problem: file, physical line of the row's first line (null for the whole file), column
     * (nullable), and the reason, which a screen says in its language; {@link #message()} is the
     * English the command line and the reports print.
     */
    record Problem(String file, Long line, String column, ImportMessage reason) {
        /** A problem in plain words, said as they are in every language (a scripted gateway's, a test's). */
        public Problem(String file, Long line, String column, String message) {
            this(file, line, column, ImportMessage.plain(message));
        }

        public String message() {
            return reason.english();
        }

        /** The same place and the same English words: a problem in plain words equals the importer's keyed one. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Problem p && Objects.equals(file, p.file) && Objects.equals(line, p.line)
                    && Objects.equals(column, p.column) && message().equals(p.message());
        }

        @Override
        public int hashCode() {
            return Objects.hash(file, line, column, message());
        }
    }

    /** What the bundle holds, and every error (up to a cap; {@code moreErrors} counts the rest), before any write. */
    record Preview(Path bundle, List<FileCount> files, List<Problem> errors, long moreErrors,
                   List<ImportMessage> warnings) {
        public Preview {
            files = List.copyOf(files);
            errors = List.copyOf(errors);
            warnings = List.copyOf(warnings);
        }

        public boolean hasErrors() {
            return !errors.isEmpty() || moreErrors > 0;
        }

        public long totalRows() {
            return files.stream().mapToLong(FileCount::rows).sum();
        }

        public long errorCount() {
            return errors.size() + moreErrors;
        }

        public long skippedRows() {
            return files.stream().mapToLong(FileCount::skippedRows).sum();
        }
    }

    /**
     * The result of an import: {@code written} false when it was refused (nothing written);
     * {@code skipped} the rows outside the importer's rights, not written ({@code notes} say which and why).
     */
    record Outcome(boolean written, long inserted, long updated, long unchanged, long removed, long rejected,
                   long skipped, Path rejectFile, List<Problem> errors, List<ImportMessage> notes) {
        public Outcome {
            errors = List.copyOf(errors);
            notes = List.copyOf(notes);
        }
    }

    /**
     * The summaries generation brought up to date after an import. {@code cancelled}: the user
     * stopped it; {@code organizationsDone} were brought up to date (committed), and
     * {@code organizationsLeft} are as they were before (rolled back or not begun) until the next
     * regeneration.
     */
    record Regeneration(long summariesWritten, boolean cancelled, List<String> organizationsDone,
                        List<String> organizationsLeft) {
        public Regeneration {
            organizationsDone = List.copyOf(organizationsDone);
            organizationsLeft = List.copyOf(organizationsLeft);
        }

        public Regeneration(long summariesWritten) {
            this(summariesWritten, false, List.of(), List.of());
        }
    }

    /**
     * One line of the import log. {@code runBy} is the user id (null: the local operator);
     * {@code runByName} that user's display name, null when the user is no longer in the database.
     */
    record HistoryEntry(Instant startedAt, String fileName, String runBy, String runByName, String outcome, long rowsRead,
                        long inserted, long updated, long unchanged, long rejected, long removed) {
    }

    /** What {@code actor}'s import of the bundle would write, with the same checks (their rights included). */
    Preview preview(Path bundle, Actor actor) throws Exception;

    /** Imports in one transaction; a cancel rolls it back and throws {@link java.util.concurrent.CancellationException}. */
    Outcome importBundle(Path bundle, Mode mode, Actor actor, Progress progress) throws Exception;

    /**
     * Regenerates the summaries of closed periods whose inputs the import changed. A cancel
     * ({@link Progress#isCancelled()}) rolls back the organisation being written and returns what
     * was kept ({@link Regeneration#cancelled()}).
     */
    Regeneration regenerate(Actor actor, Progress progress) throws Exception;

    /** The import log, newest first. */
    List<HistoryEntry> history(int limit);
}
