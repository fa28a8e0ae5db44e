package org.impactdesk;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.impactdesk.achievement.AchievementEvaluation;
import org.impactdesk.achievement.AchievementService;
import org.impactdesk.cli.CliException;
import org.impactdesk.cli.ExitCode;
import org.impactdesk.cli.ImpactDeskCommand;
import org.impactdesk.demo.DemoLoader;
import org.impactdesk.mentor.MentorService;
import org.impactdesk.store.Database;
import org.impactdesk.mentor.EnginePreview;
import org.impactdesk.store.MentorSummaryDao;
import org.impactdesk.store.OrganizationDao;
import org.impactdesk.store.SummaryReadDao;
import org.impactdesk.store.TeamDao;
import org.impactdesk.summary.GenerationService;
import org.impactdesk.summary.LogNotificationSender;
import org.impactdesk.team.TeamService;
import org.impactdesk.sync.BundleImporter;
import org.impactdesk.sync.BundleSyncGateway;
import org.impactdesk.sync.SyncGateway;

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
        public final OrganizationDao organizations;
        public final SummaryReadDao summaries;
        public final GenerationService generation;
        /** The Mentor screen's scoped reads of stored summaries (and the engine's preview of an open year). */
        public final MentorService mentors;
        /** Awards badges: as the generation listener, before each run (so summaries list the awards) and when an annual summary is ready. */
        public final AchievementEvaluation achievementEvaluation;
        /** The Achievements editor's service (catalog, validation, save, reorder, preview, manual awards, undo). */
        public final AchievementService achievements;
        /** The Team screen's scoped reads of stored periodic rows (outliers, YoY, team rows). */
        public final TeamService team;
        /** The Wrapped previewer's data: stored payloads, the engine's preview of an open year, share export. */
        public final org.impactdesk.wrapped.WrappedSource wrapped;
        /** Sync from export bundles (import command, and the Sync screen through {@link #sync}). */
        public final BundleImporter importer;
        /** The Sync screen's port: preview, import, regeneration of stale summaries, import history. */
        public final SyncGateway sync;
        /** Opens an empty database on data/demo (import + generation of the closed periods); the window calls loadIfEmpty. */
        public final DemoLoader demo;

        public Services(Database database) {
            this(database, Locale.ENGLISH);
        }

        /** {@code locale}: the language of the texts generation stores (labels, headlines). */
        public Services(Database database, Locale locale) {
            this.database = database;
            this.organizations = new OrganizationDao(database.jdbi());
            this.summaries = new SummaryReadDao(database.jdbi());
            this.achievementEvaluation = new AchievementEvaluation(database.jdbi());
            this.achievements = new AchievementService(database.jdbi(), Clock.systemUTC());
            this.generation = new GenerationService(database, new LogNotificationSender(), List.of(achievementEvaluation),
                    Clock.systemUTC(), locale);
            this.mentors = new MentorService(new MentorSummaryDao(database.jdbi()), new EnginePreview(generation));
            this.team = new TeamService(database.jdbi().onDemand(TeamDao.class), Clock.systemUTC());
            org.impactdesk.store.ShareDao shareDao = new org.impactdesk.store.ShareDao(database.jdbi());
            this.wrapped = new org.impactdesk.wrapped.DbWrappedSource(new org.impactdesk.store.WrappedDao(database.jdbi()),
                    shareDao, new org.impactdesk.share.ShareService(shareDao),
                    new org.impactdesk.wrapped.GenerationPreview(generation));
            this.importer = new BundleImporter(database, Clock.systemUTC());
            this.sync = new BundleSyncGateway(database, importer, generation);
            this.demo = new DemoLoader(database, generation, Clock.systemUTC());
        }
    }

    /** Opens the desktop window on the chosen database. */
    public static void openWindow(ImpactDeskCommand options) {
        throw new CliException(ExitCode.USAGE, "The window arrives with its feature.");
    }
}
