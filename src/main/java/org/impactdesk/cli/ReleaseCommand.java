package org.impactdesk.cli;

import java.io.Console;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.Json;
import org.impactdesk.domain.MailSettings;
import org.impactdesk.domain.ReleaseLine;
import org.impactdesk.service.Services;
import org.impactdesk.service.generation.SummaryNotFoundException;
import org.impactdesk.service.release.ReleaseRefusedException;
import org.impactdesk.service.release.ReleaseService;
import org.impactdesk.store.Database;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code release --year Y [--org ID] [--mentor PEER_MENTOR_ID | --previewed | --all]}: releases
 * reviewed Wrapped summaries (issue 19): each release queues the mentor's notification in the
 * same transaction and sends it after the commit. Admins only (exit 3 otherwise); a mentor not in
 * scope: exit 4. Releasing again changes nothing and sends nothing twice.
 */
@Command(name = "release", description = "Release reviewed Wrapped summaries (admins): one mentor, the previewed ones, or all.")
public final class ReleaseCommand implements Callable<Integer> {
    @ParentCommand
    ImpactDeskCommand root;

    @Option(names = "--year", required = true, description = "The year.")
    int year;

    @Option(names = "--org", paramLabel = "ID", description = "Only this organisation.")
    String org;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    static final class Which {
        @Option(names = "--mentor", paramLabel = "PEER_MENTOR_ID", description = "This mentor's Wrapped (even when held back).")
        String mentor;
        @Option(names = "--previewed", description = "Every previewed Wrapped not held back.")
        boolean previewed;
        @Option(names = "--all", description = "Every ready Wrapped not held back.")
        boolean all;
    }

    @Option(names = "--json", description = "Print what was done as JSON.")
    boolean json;

    @Override
    public Integer call() {
        ReleaseService.Selection selection = which.mentor != null ? ReleaseService.Selection.MENTOR
                : which.previewed ? ReleaseService.Selection.PREVIEWED : ReleaseService.Selection.ALL;
        try (Database db = root.openExistingDatabase()) {
            Services services = new Services(db, root.locale());
            services.pruneChangeLog();
            Actor actor = root.actor(db);
            askPasswords(services, actor);
            ReleaseService.Outcome o;
            try {
                o = services.releases.release(year, org, selection, which.mentor, actor);
            } catch (ReleaseRefusedException e) {
                throw new CliException(ExitCode.REFUSED, e.getMessage());
            } catch (SummaryNotFoundException e) {
                throw new CliException(ExitCode.NOT_FOUND, e.getMessage());
            }
            long waiting = services.delivery.queue(org).waiting();
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("year", year);
                m.put("released", o.released());
                m.put("already_released", o.alreadyReleased());
                m.put("held", o.held());
                m.put("not_ready", o.notReady());
                m.put("notifications_sent", o.notificationsSent());
                m.put("notifications_waiting", waiting);
                System.out.println(Json.write(m));
            } else {
                System.out.println("Released " + o.released() + " Wrapped " + year + " (" + o.alreadyReleased()
                        + " released before, " + o.held() + " held back, " + o.notReady() + " not ready); "
                        + o.notificationsSent() + " e-mail(s) sent.");
                if (waiting > 0) {
                    System.err.println(waiting + " notification(s) wait in the queue: no e-mail is configured for their "
                            + "organisation, or its SMTP password was not given (" + MailSettings.PASSWORD_ENV + ").");
                }
            }
        }
        return ExitCode.DONE;
    }

    /** Asks on the terminal for the SMTP password of an organisation whose server needs one, when the environment has none. */
    private void askPasswords(Services services, Actor actor) {
        Console console = System.console();
        if (console == null || System.getenv(MailSettings.PASSWORD_ENV) != null) {
            return;
        }
        String orgId = org != null ? org : actor.organizationId();
        if (orgId == null) {
            return;
        }
        MailSettings s = services.delivery.settings(orgId);
        if (s.configured() && s.user() != null && !services.smtpPasswords.has(orgId)) {
            char[] p = console.readPassword("SMTP password of %s at %s (not stored): ", s.user(), s.host());
            if (p != null && p.length > 0) {
                services.smtpPasswords.put(orgId, p);
            }
        }
    }

    /** {@code show release --year Y [--org ID] [--json]}: each annual summary's release state (CLI.md). */
    @Command(name = "release", description = "Each annual summary's release state (waiting, previewed, held, released).")
    static final class Show implements Callable<Integer> {
        @ParentCommand ShowCommand show;
        @Option(names = "--year", required = true) int year;
        @Option(names = "--org", paramLabel = "ID") String org;
        @Option(names = "--json") boolean json;

        @Override
        public Integer call() {
            try (Database db = show.root.openExistingDatabase()) {
                Services services = new Services(db, show.root.locale());
                java.util.List<ReleaseLine> lines;
                try {
                    lines = services.releases.lines(year, org, show.root.actor(db));
                } catch (ReleaseRefusedException e) {
                    throw new CliException(ExitCode.REFUSED, e.getMessage());
                }
                if (json) {
                    System.out.println(Json.write(lines.stream().map(Show::row).toList()));
                    return ExitCode.DONE;
                }
                if (lines.isEmpty()) {
                    System.out.println("No annual summary " + year + " in your scope.");
                }
                long previewed = lines.stream().filter(l -> l.previewedAt() != null).count();
                for (ReleaseLine l : lines) {
                    System.out.println(l.peerMentorId() + "  " + l.status() + "  " + l.state().json()
                            + (l.heldReason() != null ? "  (" + l.heldReason() + ")" : ""));
                }
                if (!lines.isEmpty()) {
                    System.out.println(previewed + " of " + lines.size() + " previewed.");
                }
            }
            return ExitCode.DONE;
        }

        static Map<String, Object> row(ReleaseLine l) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("peer_mentor_id", l.peerMentorId());
            m.put("user_id", l.userId());
            m.put("year", l.year());
            m.put("status", l.status());
            m.put("release_state", l.state().json());
            m.put("previewed_at", l.previewedAt() == null ? null : l.previewedAt().toString());
            m.put("previewed_by", l.previewedBy());
            m.put("released_at", l.releasedAt() == null ? null : l.releasedAt().toString());
            m.put("released_by", l.releasedBy());
            m.put("held_reason", l.heldReason());
            return m;
        }
    }
}
