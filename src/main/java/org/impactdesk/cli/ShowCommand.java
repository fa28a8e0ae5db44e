package org.impactdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.impactdesk.access.Scope;
import org.impactdesk.domain.AnnualSummary;
import org.impactdesk.domain.GenerationFailure;
import org.impactdesk.domain.ImpactSummary;
import org.impactdesk.domain.Json;
import org.impactdesk.domain.Period;
import org.impactdesk.domain.PeriodicSummary;
import org.impactdesk.service.Services;
import org.impactdesk.service.alerts.AlertsRefusedException;
import org.impactdesk.store.Database;
import org.impactdesk.store.SummaryReadDao;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code show annual|impact|periodic|team|alerts|release}: stored rows with the seeds' column names (CLI.md). */
@Command(name = "show", description = "Print stored summaries (annual, impact, periodic, team), generation alerts and release states.",
        subcommands = {ShowCommand.Annual.class, ShowCommand.Impact.class, ShowCommand.Periodic.class, ShowCommand.Team.class,
                ShowCommand.Alerts.class, ReleaseCommand.Show.class})
public final class ShowCommand implements Callable<Integer> {
    @ParentCommand
    ImpactDeskCommand root;

    @Override
    public Integer call() {
        throw new CliException(ExitCode.USAGE, "show needs one of: annual, impact, periodic, team, alerts");
    }

    /** A row as printed: JSON columns nested, instants as UTC ISO text. */
    static Map<String, Object> printable(Map<String, Object> seedColumns, Set<String> jsonColumns) {
        Map<String, Object> m = new LinkedHashMap<>();
        seedColumns.forEach((k, v) -> {
            if (v != null && jsonColumns.contains(k)) {
                JsonNode node = Json.read((String) v);
                m.put(k, node);
            } else if (v instanceof Instant i) {
                m.put(k, i.toString());
            } else {
                m.put(k, v);
            }
        });
        return m;
    }

    static final class PeriodChoice {
        @Option(names = "--quarter", description = "Quarter 1-4.")
        Integer quarter;
        @Option(names = "--half", description = "Half 1-2.")
        Integer half;

        Period period(int year) {
            try {
                return quarter != null ? new Period.Quarter(year, quarter) : new Period.Half(year, half);
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCode.USAGE, e.getMessage());
            }
        }
    }

    @Command(name = "annual", description = "Annual (Wrapped) summaries.")
    static final class Annual implements Callable<Integer> {
        @ParentCommand ShowCommand show;
        @Option(names = "--mentor", paramLabel = "PEER_MENTOR_ID") String mentor;
        @Option(names = "--year", required = true) int year;
        @Option(names = "--json") boolean json;

        @Override
        public Integer call() {
            Scope[] scope = new Scope[1];
            return printScoped(show, scope, json, "annual summary " + year + (mentor == null ? "" : " of " + mentor), mentor != null,
                    dao -> dao.annual(scope[0], mentor, year), dao -> dao.annualList(scope[0], year),
                    AnnualSummary::seedColumns, AnnualSummary.JSON_COLUMNS);
        }
    }

    @Command(name = "impact", description = "Impact summaries (annual, or a half with --half).")
    static final class Impact implements Callable<Integer> {
        @ParentCommand ShowCommand show;
        @Option(names = "--mentor", paramLabel = "PEER_MENTOR_ID") String mentor;
        @Option(names = "--year", required = true) int year;
        @Option(names = "--half") Integer half;
        @Option(names = "--json") boolean json;

        @Override
        public Integer call() {
            if (half != null && half != 1 && half != 2) {
                throw new CliException(ExitCode.USAGE, "--half takes 1 or 2");
            }
            Scope[] scope = new Scope[1];
            return printScoped(show, scope, json, "impact summary", mentor != null,
                    dao -> dao.impact(scope[0], mentor, year, half), dao -> dao.impactList(scope[0], year, half),
                    ImpactSummary::seedColumns, ImpactSummary.JSON_COLUMNS);
        }
    }

    @Command(name = "periodic", description = "Personal periodic summaries (--quarter or --half).")
    static final class Periodic implements Callable<Integer> {
        @ParentCommand ShowCommand show;
        @Option(names = "--mentor", paramLabel = "PEER_MENTOR_ID") String mentor;
        @Option(names = "--year", required = true) int year;
        @ArgGroup(exclusive = true, multiplicity = "1") PeriodChoice choice;
        @Option(names = "--json") boolean json;

        @Override
        public Integer call() {
            Period p = choice.period(year);
            Scope[] scope = new Scope[1];
            return printScoped(show, scope, json, "periodic summary " + p, mentor != null,
                    dao -> dao.periodic(scope[0], mentor, p), dao -> dao.periodicList(scope[0], p),
                    PeriodicSummary::seedColumns, Set.of());
        }
    }

    @Command(name = "team", description = "Coordinator team rows (--quarter or --half).")
    static final class Team implements Callable<Integer> {
        @ParentCommand ShowCommand show;
        @Option(names = "--coordinator", paramLabel = "USER_ID") String coordinator;
        @Option(names = "--year", required = true) int year;
        @ArgGroup(exclusive = true, multiplicity = "1") PeriodChoice choice;
        @Option(names = "--json") boolean json;

        @Override
        public Integer call() {
            Period p = choice.period(year);
            Scope[] scope = new Scope[1];
            return printScoped(show, scope, json, "team summary " + p, coordinator != null,
                    dao -> dao.team(scope[0], coordinator, p), dao -> dao.teamList(scope[0], p),
                    PeriodicSummary::seedColumns, Set.of());
        }
    }

    /**
     * {@code show alerts}: the failed summary generations in an administrator's scope (an org
     * admin their organisation's, a global admin or the local operator all): the open alerts
     * (retries used up) first, then the failures still being retried. Coordinators and peer
     * mentors are refused (exit 3): only administrators generate, so only they act on failures.
     */
    @Command(name = "alerts", description = "Open generation alerts and failed summaries waiting for a retry (admins).")
    static final class Alerts implements Callable<Integer> {
        @ParentCommand ShowCommand show;
        @Option(names = "--json") boolean json;

        @Override
        public Integer call() {
            ImpactDeskCommand root = show.root;
            try (Database db = root.openExistingDatabase()) {
                List<GenerationFailure> failures;
                try {
                    failures = new Services(db).alerts.failures(root.actor(db));
                } catch (AlertsRefusedException e) {
                    throw new CliException(ExitCode.REFUSED, e.getMessage());
                }
                List<Map<String, Object>> rows = failures.stream().map(Alerts::columns).toList();
                if (json) {
                    System.out.println(Json.write(rows));
                } else if (rows.isEmpty()) {
                    System.out.println("No open alerts and no failed summaries waiting for a retry.");
                } else {
                    for (Map<String, Object> r : rows) {
                        StringBuilder sb = new StringBuilder();
                        r.forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
                        System.out.println(sb);
                    }
                }
            }
            return ExitCode.DONE;
        }

        static Map<String, Object> columns(GenerationFailure f) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("alert_id", f.alertId());
            m.put("state", f.state().name().toLowerCase(java.util.Locale.ROOT));
            m.put("organisation_id", f.organisationId());
            m.put("peer_mentor_id", f.peerMentorId());
            m.put("mentor_name", f.mentorName());
            m.put("summary", f.summaryKind());
            m.put("summary_id", f.summaryId() == null ? null : f.summaryId().toString());
            m.put("period", f.period());
            m.put("error", f.error());
            m.put("attempts", f.attempts());
            m.put("next_retry_at", f.nextRetryAt() == null ? null : f.nextRetryAt().toString());
            m.put("since", f.since() == null ? null : f.since().toString());
            return m;
        }
    }

    private static <T> int printScoped(ShowCommand show, Scope[] scope, boolean json, String what, boolean single,
                                       Function<SummaryReadDao, Optional<T>> one, Function<SummaryReadDao, List<T>> many,
                                       Function<T, Map<String, Object>> columns, Set<String> jsonColumns) {
        return print(show, json, what, single, one, many, columns, jsonColumns, scope);
    }

    private static <T> int print(ShowCommand show, boolean json, String what, boolean single,
                                 Function<SummaryReadDao, Optional<T>> one, Function<SummaryReadDao, List<T>> many,
                                 Function<T, Map<String, Object>> columns, Set<String> jsonColumns, Scope[] scope) {
        ImpactDeskCommand root = show.root;
        try (Database db = root.openExistingDatabase()) {
            scope[0] = root.actor(db).scope();
            SummaryReadDao dao = new SummaryReadDao(db.readJdbi()); // as --as's role on a team database
            List<Map<String, Object>> rows = new ArrayList<>();
            if (single) {
                T row = one.apply(dao).orElseThrow(() -> new CliException(ExitCode.NOT_FOUND, "No " + what + " in your scope."));
                rows.add(printable(columns.apply(row), jsonColumns));
            } else {
                for (T row : many.apply(dao)) {
                    rows.add(printable(columns.apply(row), jsonColumns));
                }
            }
            if (json) {
                System.out.println(Json.write(single ? rows.get(0) : rows));
            } else {
                if (rows.isEmpty()) {
                    System.out.println("No " + what + ".");
                }
                for (Map<String, Object> r : rows) {
                    StringBuilder sb = new StringBuilder();
                    r.forEach((k, v) -> {
                        if (!(v instanceof JsonNode)) {
                            sb.append(k).append(": ").append(v).append('\n');
                        }
                    });
                    System.out.println(sb);
                }
            }
        }
        return ExitCode.DONE;
    }
}
