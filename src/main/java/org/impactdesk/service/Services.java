package org.impactdesk.service;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.OrganizationSettings;
import org.impactdesk.domain.SyncGateway;
import org.impactdesk.service.catalog.AchievementEvaluation;
import org.impactdesk.service.catalog.AchievementService;
import org.impactdesk.service.demo.DemoLoader;
import org.impactdesk.service.generation.GenerationService;
import org.impactdesk.service.home.HomeService;
import org.impactdesk.service.importing.BundleImporter;
import org.impactdesk.service.importing.BundleSyncGateway;
import org.impactdesk.service.mentor.EnginePreview;
import org.impactdesk.service.mentor.MentorService;
import org.impactdesk.service.settings.SettingsService;
import org.impactdesk.service.sharing.ShareService;
import org.impactdesk.service.team.TeamService;
import org.impactdesk.service.wrapped.DbWrappedSource;
import org.impactdesk.service.wrapped.WrappedSource;
import org.impactdesk.store.ActorDao;
import org.impactdesk.store.Database;
import org.impactdesk.store.HomeDao;
import org.impactdesk.store.MentorSummaryDao;
import org.impactdesk.store.OrganizationDao;
import org.impactdesk.store.ShareDao;
import org.impactdesk.store.SummaryReadDao;
import org.impactdesk.store.TeamDao;
import org.impactdesk.store.WrappedDao;

/**
 * Everything built on one open database, for the window and the command line alike.
 * Each feature adds its services here (constructed in order of dependency).
 */
public final class Services implements AutoCloseable {
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
    /** The Team screen's private follow-up notes and each mentor's stored trail. */
    public final org.impactdesk.service.followup.FollowUpService followUps;
    /** The Wrapped previewer's data: stored payloads, the engine's preview of an open year, share export. */
    public final org.impactdesk.service.wrapped.WrappedSource wrapped;
    /** Who may sign in to the window. */
    public final ActorDao actors;
    /** Home tiles: stored periodic figures in the signed-in user's scope. */
    public final HomeService home;
    /** Settings screen: organisation settings and modules, admins only. */
    public final SettingsService settings;
    /** The funder report (FUNDER_REPORT.md): admins and coordinators, with its XLSX and PDF exports. */
    public final org.impactdesk.service.funder.FunderReportService funder;
    /** The funder settings on the Settings screen: categories of activity types and rule values, admins only. */
    public final org.impactdesk.service.funder.FunderSettingsService funderSettings;
    /** Sync from export bundles (import command, and the Sync screen through {@link #sync}). */
    public final BundleImporter importer;
    /** The Sync screen's port: preview, import, regeneration of stale summaries, import history. */
    public final SyncGateway sync;
    /** Failed summary generations: the admin's open alerts and retries (Home tile, Alerts screen, show alerts, --retry-due). */
    public final org.impactdesk.service.alerts.AlertService alerts;
    /** The organisations' delivery settings and outbox counts (issue 19). */
    public final org.impactdesk.store.DeliveryDao delivery;
    /** The SMTP password an admin typed when sending, kept in memory for this session only (never stored). */
    public final org.impactdesk.service.delivery.TypedSmtpPasswords smtpPasswords;
    /** Notifications go out as e-mail over the organisation's SMTP server; none configured: they stay queued. */
    public final org.impactdesk.service.delivery.MailNotificationSender mail;
    /** The admins' e-mail settings and queue (Settings screen). */
    public final org.impactdesk.service.delivery.DeliveryService deliveryService;
    /** A coordinator's opt-in to the digest each sync sends them (Home). */
    public final org.impactdesk.service.digest.DigestService digests;
    /** The coordinators' digests of each sync: marked due by the import, sent after its summaries are up to date. */
    public final org.impactdesk.service.digest.SyncDigests syncDigests;
    /** The review before release of each Wrapped, and the release that notifies. */
    public final org.impactdesk.service.release.ReleaseService releases;
    /** Whether another desktop or command changed the data since the window loaded it (V98). */
    public final org.impactdesk.service.changes.ChangeWatch changes;
    /** The change log ("Changed elsewhere"), pruned by {@link #pruneChangeLog}. */
    private final org.impactdesk.store.DataChanges changeLog;

    /**
     * Deletes the change log's rows older than a month (DataChanges.KEPT), in a short transaction of
     * its own: the window does it on a worker a minute after it shows, the writing commands (import, generate,
     * release) as they start. Not part of building the services: that is on the window's start path,
     * where the DELETE, H2's first write of the run, took 0.3-0.4 s.
     */
    public int pruneChangeLog() {
        return changeLog.prune(Clock.systemUTC().instant());
    }

    /** Opens an empty database on data/demo (import + generation of the closed periods); the window calls loadIfEmpty. */
    public final DemoLoader demo;

    public Services(Database database) {
        this(database, Locale.ENGLISH);
    }

    /** {@code locale}: the language of the texts generation stores (labels, headlines). */
    public Services(Database database, Locale locale) {
        this(database, locale, new java.util.Properties());
    }

    /**
     * {@code mailProperties}: JavaMail properties added to every SMTP session (a test's trust of its
     * server's certificate); empty in the app.
     */
    public Services(Database database, Locale locale, java.util.Properties mailProperties) {
        // the screens' reads of people's data (Home, Team, Mentor, Wrapped) go through database.readJdbi(): on a
        // team database as the signed-in person's role, under row-level security (Database.readAs)
        this.database = database;
        this.organizations = new OrganizationDao(database.jdbi());
        this.summaries = new SummaryReadDao(database.jdbi());
        this.achievementEvaluation = new AchievementEvaluation(database.jdbi());
        org.impactdesk.store.DataChanges changeLog = new org.impactdesk.store.DataChanges(database);
        this.changeLog = changeLog;
        this.changes = new org.impactdesk.service.changes.StoredChangeWatch(changeLog);
        this.achievements = new org.impactdesk.service.catalog.StoredAchievementService(database.jdbi(), Clock.systemUTC(), changeLog);
        this.delivery = new org.impactdesk.store.DeliveryDao(database.jdbi());
        this.smtpPasswords = new org.impactdesk.service.delivery.TypedSmtpPasswords();
        this.mail = new org.impactdesk.service.delivery.MailNotificationSender(delivery, organizations,
                org.impactdesk.service.delivery.SmtpPasswords.fromEnvironment().orElse(smtpPasswords), mailProperties);
        this.generation = new GenerationService(database, mail, List.of(achievementEvaluation), Clock.systemUTC(), locale);
        this.releases = new org.impactdesk.service.release.StoredReleaseService(database, mail, Clock.systemUTC(), changeLog);
        this.deliveryService = new org.impactdesk.service.delivery.StoredDeliveryService(delivery, smtpPasswords,
                org.impactdesk.service.delivery.SmtpPasswords.fromEnvironment(), generation::dispatchNotifications);
        this.mentors = new org.impactdesk.service.mentor.StoredMentorService(new MentorSummaryDao(database.readJdbi()), new EnginePreview(generation));
        this.team = new org.impactdesk.service.team.StoredTeamService(database.readJdbi().onDemand(TeamDao.class), Clock.systemUTC());
        this.followUps = new org.impactdesk.service.followup.StoredFollowUpService(
                new org.impactdesk.store.FollowUpDao(database.jdbi(), changeLog), Clock.systemUTC());
        org.impactdesk.store.ShareDao shareDao = new org.impactdesk.store.ShareDao(database.jdbi());
        this.wrapped = new org.impactdesk.service.wrapped.DbWrappedSource(new org.impactdesk.store.WrappedDao(database.readJdbi()),
                shareDao, new org.impactdesk.service.sharing.ShareService(shareDao),
                new org.impactdesk.service.wrapped.GenerationPreview(generation), releases);
        this.actors = new ActorDao(database.jdbi());
        this.home = new org.impactdesk.service.home.StoredHomeService(new HomeDao(database.readJdbi()), summaries, organizations, Clock.systemUTC());
        org.impactdesk.store.FunderDao funderDao = new org.impactdesk.store.FunderDao(database.jdbi());
        this.settings = new org.impactdesk.service.settings.StoredSettingsService(organizations, funderDao, database.location(),
                changeLog);
        this.funder = new org.impactdesk.service.funder.StoredFunderReportService(organizations, funderDao, Clock.systemUTC());
        this.funderSettings = new org.impactdesk.service.funder.StoredFunderSettingsService(funderDao);
        this.digests = new org.impactdesk.service.digest.StoredDigestService(
                new org.impactdesk.store.DigestDao(database.jdbi()), Clock.systemUTC());
        // each import marks the opted-in coordinators' digests due in its transaction; they are queued and
        // sent once the sync's summaries are up to date (the window's regeneration, or the next generate)
        this.syncDigests = new org.impactdesk.service.digest.SyncDigests(database, actors::find, followUps, this::zoneOf,
                mail, Clock.systemUTC());
        this.importer = new BundleImporter(database, Clock.systemUTC(), syncDigests);
        this.sync = new BundleSyncGateway(database, importer, generation, syncDigests);
        this.demo = new DemoLoader(database, generation, Clock.systemUTC());
        this.alerts = new org.impactdesk.service.alerts.StoredAlertService(new org.impactdesk.store.AlertDao(database.jdbi()),
                generation, Clock.systemUTC());
    }

    /** Opens (and migrates) the database at {@code path} and builds the services on it. */
    public static Services open(Path path) {
        return new Services(Database.open(path));
    }

    /** A user by id, for --as. */
    public java.util.Optional<Actor> actor(String userId) {
        return actors.find(userId);
    }

    @Override
    public void close() {
        database.close();
    }

    /** The organisation's time zone for an actor (Europe/Oslo without one). */
    public ZoneId zoneOf(Actor actor) {
        if (actor == null || actor.organizationId() == null) {
            return OrganizationSettings.DEFAULT_ZONE;
        }
        return organizations.find(actor.organizationId()).map(OrganizationSettings::zone)
                .orElse(OrganizationSettings.DEFAULT_ZONE);
    }
}
