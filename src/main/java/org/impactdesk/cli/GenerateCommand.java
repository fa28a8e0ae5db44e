package org.impactdesk.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.concurrent.Callable;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.Json;
import org.impactdesk.service.Services;
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

    @Option(names = "--year", required = true, description = "The year.")
    int year;

    @Option(names = "--period", defaultValue = "all", description = "annual | half | quarter | all (default all).")
    String period;

    @Option(names = "--org", paramLabel = "ID", description = "Only this organisation.")
    String org;

    @Option(names = "--as-of", paramLabel = "DATE", description = "The date taken as today (YYYY-MM-DD), today or earlier.")
    String asOf;

    @Option(names = "--force", description = "Recompute ready annual summaries (admin; never shared ones).")
    boolean force;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Override
    public Integer call() {
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
}
