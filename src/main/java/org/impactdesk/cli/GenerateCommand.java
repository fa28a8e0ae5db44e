package org.impactdesk.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.Json;
import org.impactdesk.domain.ReportYears;
import org.impactdesk.service.Services;
import org.impactdesk.service.alerts.AlertService;
import org.impactdesk.service.alerts.AlertsRefusedException;
import org.impactdesk.service.generation.AsOfAfterTodayException;
import org.impactdesk.service.generation.GenerationRefusedException;
import org.impactdesk.service.generation.GenerationReport;
import org.impactdesk.service.generation.GenerationRequest;
import org.impactdesk.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "generate", description = "Generate the summaries of closed periods (annual, impact, periodic, team rows).")
public final class GenerateCommand implements Callable<Integer> {
    @ParentCommand
    ImpactDeskCommand root;

    @Option(names = "--year", description = "The year (with --retry-due: only that year's failed summaries).")
    Integer year;

    @Option(names = "--period", description = "annual | half | quarter | all (default all).")
    String period;

    @Option(names = "--org", paramLabel = "ID", description = "Only this organisation.")
    String org;

    @Option(names = "--as-of", paramLabel = "DATE", description = "The date taken as today (YYYY-MM-DD), today or earlier.")
    String asOf;

    @Option(names = "--force", description = "Recompute ready annual summaries (admin; never shared ones).")
    boolean force;

    @Option(names = "--retry-due", description = "Retry the failed summaries whose next retry time has come "
            + "(for a scheduled job); --year and --org narrow it.")
    boolean retryDue;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Override
    public Integer call() {
        if (retryDue) {
            return retryDue();
        }
        if (year == null) {
            throw new CliException(ExitCode.USAGE, "generate needs --year Y (or --retry-due to retry the failed summaries that are due)");
        }
        if (period == null) {
            period = "all";
        }
        GenerationRequest.Selection selection;
        LocalDate today = null;
        GenerationRequest request;
        try {
            selection = GenerationRequest.Selection.parse(period);
            if (asOf != null) {
                today = LocalDate.parse(asOf);
            }
            request = new GenerationRequest(Set.of(year), selection, org, today, force);
        } catch (DateTimeParseException e) {
            throw new CliException(ExitCode.USAGE, "--as-of takes a date YYYY-MM-DD, not " + asOf);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, e.getMessage());
        }
        try (Database db = root.openDatabase()) {
            Services services = new Services(db, root.locale()); // --lang: language of stored texts
            services.pruneChangeLog();
            Actor actor = root.actor(db);
            GenerationReport report;
            try {
                report = services.generation.generate(request, actor);
            } catch (AsOfAfterTodayException e) {
                throw new CliException(ExitCode.USAGE, e.getMessage());
            } catch (GenerationRefusedException e) {
                throw new CliException(ExitCode.REFUSED, e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCode.BAD_INPUT, e.getMessage());
            }
            // on the command line a sync is an import and the generate after it: the digests it left due go now
            int digests = services.syncDigests.afterGeneration(report.organizationIdsDone());
            if (digests > 0 && !json) {
                System.err.println("Sent " + digests + " coordinators' digest(s) of the last sync.");
            }
            if (json) {
                System.out.println(Json.write(report.toMap()));
            } else {
                System.out.println("Generated " + year + ": " + report);
                if (!report.openPeriods().isEmpty()) {
                    System.err.println("Not closed yet, skipped: " + String.join(", ", report.openPeriods()));
                }
                for (String e : report.errors()) {
                    System.err.println("Failed: " + e);
                }
            }
        }
        return ExitCode.DONE;
    }

    /**
     * {@code --retry-due}: the failed summaries in the actor's scope whose next retry has come are
     * generated again (CLI.md), as the window does while it is open. A summary that fails again is
     * reported and gets its next retry or its alert; that is no failure of the command (exit 0).
     */
    private int retryDue() {
        if (period != null || asOf != null || force) {
            throw new CliException(ExitCode.USAGE, "--retry-due takes only --year and --org (a retry regenerates the failed "
                    + "summaries' own periods, today, without --force); not --period, --as-of or --force");
        }
        if (year != null && !ReportYears.contains(year)) {
            throw new CliException(ExitCode.USAGE, "--year: " + ReportYears.problem(year));
        }
        try (Database db = root.openDatabase()) {
            Services services = new Services(db, root.locale());
            services.pruneChangeLog();
            Actor actor = root.actor(db);
            AlertService.RetryResult r;
            try {
                r = services.alerts.retryDue(actor, org, year);
            } catch (AlertsRefusedException | GenerationRefusedException e) {
                throw new CliException(ExitCode.REFUSED, e.getMessage());
            }
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("runs", r.runs());
                m.put("summaries_due", r.summariesDue());
                m.put("errors", r.errors());
                m.put("open_alerts", r.after().openAlerts());
                m.put("retrying", r.after().retrying());
                m.put("next_retry_at", r.nextRetry().map(Instant::toString).orElse(null));
                System.out.println(Json.write(m));
            } else {
                System.out.println("Retried " + r.summariesDue() + " due failed summaries in " + r.runs() + " generation runs; "
                        + r.after().openAlerts() + " open alerts, " + r.after().retrying() + " failed summaries waiting for a retry"
                        + r.nextRetry().map(t -> " (next at " + t + ")").orElse("") + ".");
                for (String e : r.errors()) {
                    System.err.println("Failed again: " + e);
                }
            }
        }
        return ExitCode.DONE;
    }
}
