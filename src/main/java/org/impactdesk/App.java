package org.impactdesk;

import org.impactdesk.cli.CliException;
import org.impactdesk.cli.ExitCode;
import org.impactdesk.cli.ImpactDeskCommand;
import org.impactdesk.mentor.MentorService;
import org.impactdesk.mentor.OpenYearPreview;
import org.impactdesk.store.Database;
import org.impactdesk.store.MentorSummaryDao;

/** Composition root: builds the object graph by hand, in one place. */
public final class App {
    private App() {
    }

    /**
     * Everything built on one open database, for the window and the command line alike.
     * Each feature adds its services here (constructed in order of dependency).
     */
    public static final class Services {
        public final Database database;
        /** The Mentor screen's scoped reads of stored summaries. */
        public final MentorService mentors;

        public Services(Database database) {
            this.database = database;
            this.mentors = new MentorService(new MentorSummaryDao(database.jdbi()), OpenYearPreview.unavailable());
        }
    }

    /** Opens the desktop window on the chosen database. */
    public static void openWindow(ImpactDeskCommand options) {
        throw new CliException(ExitCode.USAGE, "The window arrives with its feature.");
    }
}
