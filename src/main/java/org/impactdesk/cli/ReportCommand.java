package org.impactdesk.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.FunderExport;
import org.impactdesk.domain.FunderFigures;
import org.impactdesk.domain.FunderOrganization;
import org.impactdesk.domain.FunderReport;
import org.impactdesk.domain.FunderReportData;
import org.impactdesk.domain.FunderRules;
import org.impactdesk.domain.Json;
import org.impactdesk.domain.ReportYears;
import org.impactdesk.service.funder.FunderNotFoundException;
import org.impactdesk.service.funder.FunderRefusedException;
import org.impactdesk.service.funder.FunderReportService;
import org.impactdesk.service.funder.StoredFunderReportService;
import org.impactdesk.store.Database;
import org.impactdesk.store.FunderDao;
import org.impactdesk.store.OrganizationDao;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code report funder}: the funder report (FUNDER_REPORT.md), scoped like {@code show}. */
@Command(name = "report", description = "Print or export reports (funder).", subcommands = {ReportCommand.Funder.class})
public final class ReportCommand implements Callable<Integer> {
    @ParentCommand
    ImpactDeskCommand root;

    @Override
    public Integer call() {
        throw new CliException(ExitCode.USAGE, "report needs one of: funder");
    }

    @Command(name = "funder", description = "The year's counted peer-support activities for the funder (FUNDER_REPORT.md).")
    static final class Funder implements Callable<Integer> {
        @ParentCommand ReportCommand report;
        @Option(names = "--year", required = true, paramLabel = "Y", description = "The year (local dates, organisation zone).")
        int year;
        @Option(names = "--org", paramLabel = "ID", description = "One organisation (default: every one in your scope).")
        String org;
        @Option(names = "--xlsx", paramLabel = "FILE", description = "Write the XLSX here (one organisation).")
        Path xlsx;
        @Option(names = "--pdf", paramLabel = "FILE", description = "Write the PDF here (one organisation).")
        Path pdf;
        @Option(names = "--json", description = "Print a JSON array, one object per organisation.")
        boolean json;

        @Override
        public Integer call() {
            if (!ReportYears.contains(year)) {
                throw new CliException(ExitCode.USAGE, "--year: " + ReportYears.problem(year));
            }
            ImpactDeskCommand root = report.root;
            try (Database db = root.openExistingDatabase()) {
                Actor actor = root.actor(db);
                FunderReportService service = new StoredFunderReportService(new OrganizationDao(db.jdbi()),
                        new FunderDao(db.jdbi()), Clock.systemUTC());
                List<String> ids = new ArrayList<>();
                if (org != null) {
                    ids.add(org);
                } else {
                    service.organizations(actor).stream().map(FunderOrganization::id).forEach(ids::add);
                    if (ids.isEmpty()) {
                        throw new CliException(ExitCode.REFUSED, "You may not see any organisation's funder report.");
                    }
                }
                if ((xlsx != null || pdf != null) && ids.size() != 1) {
                    throw new CliException(ExitCode.USAGE, "--xlsx and --pdf write one organisation's report: give --org ID ("
                            + ids.size() + " organisations are in your scope)");
                }
                List<Object> out = new ArrayList<>();
                for (String id : ids) {
                    FunderReportData data = service.report(actor, id, year);
                    out.add(json(data));
                    if (!json) {
                        printText(data);
                    }
                    if (xlsx != null) {
                        exported(service.exportXlsx(actor, data, xlsx, root.locale()), xlsx);
                    }
                    if (pdf != null) {
                        exported(service.exportPdf(actor, data, pdf, root.locale()), pdf);
                    }
                }
                if (json) {
                    System.out.println(Json.write(out));
                }
                return ExitCode.DONE;
            } catch (FunderRefusedException e) {
                throw new CliException(ExitCode.REFUSED, e.getMessage());
            } catch (FunderNotFoundException e) {
                throw new CliException(ExitCode.NOT_FOUND, e.getMessage());
            } catch (java.io.UncheckedIOException e) {
                throw new CliException(ExitCode.BAD_INPUT, e.getMessage());
            }
        }

        private void exported(FunderExport e, Path file) {
            (json ? System.err : System.out).println(e.format().toUpperCase(java.util.Locale.ROOT) + ": "
                    + file.toAbsolutePath() + " (SHA-256 " + e.sha256() + ")");
        }

        private static void printText(FunderReportData d) {
            FunderReport r = d.report();
            System.out.println("Funder report " + r.year() + " of " + d.organizationName() + " (" + r.organizationId() + ")"
                    + (r.finalYear() ? "" : ": forecast, the year is open"));
            figures(d.report().totals()).forEach((k, v) -> System.out.println("  " + k + ": " + v));
            System.out.println("  not counted:");
            for (FunderReport.NotCounted n : r.notCounted()) {
                System.out.println("    " + n.reason().code() + ": " + n.activities() + " activities, " + n.hours().toPlainString() + " h");
            }
            for (String w : warnings(d)) {
                System.out.println("  warning: " + w);
            }
        }

        static Map<String, Object> figures(FunderFigures f) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("active_peer_mentors", f.activePeerMentors());
            m.put("individual_count", f.individualCount());
            m.put("group_sessions", f.groupSessions());
            m.put("group_participants", f.groupParticipants());
            m.put("course_days", f.courseDays());
            m.put("course_participants", f.courseParticipants());
            m.put("counted_hours", f.countedHours().toPlainString());
            m.put("contact_service_count", f.contactServiceCount());
            m.put("contact_service_hours", f.contactServiceHours().toPlainString());
            return m;
        }

        static List<String> warnings(FunderReportData d) {
            List<String> w = new ArrayList<>();
            for (String key : d.report().uncategorisedTypes()) {
                w.add("Activity type '" + key + "' (" + d.typeName(key, java.util.Locale.ENGLISH)
                        + ") has no funder category: its activities are not counted (uncategorised_type).");
            }
            return w;
        }

        /** The spec's JSON object of one organisation's report. */
        static Map<String, Object> json(FunderReportData d) {
            FunderReport r = d.report();
            FunderRules rules = r.rules();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("organization_id", r.organizationId());
            m.put("year", r.year());
            m.put("final", r.finalYear());
            Map<String, Object> ruleMap = new LinkedHashMap<>();
            Map<String, String> categories = new TreeMap<>();
            rules.categories().forEach((k, c) -> categories.put(k, c.code()));
            ruleMap.put("categories", categories);
            ruleMap.put("group_min_participants", rules.groupMinParticipants());
            ruleMap.put("group_min_minutes", rules.groupMinMinutes());
            ruleMap.put("course_min_people", rules.courseMinPeople());
            ruleMap.put("course_min_minutes", rules.courseMinMinutes());
            m.put("rules", ruleMap);
            m.put("totals", figures(r.totals()));
            List<Object> associations = new ArrayList<>();
            for (FunderReport.AssociationFigures a : r.associations()) {
                Map<String, Object> am = new LinkedHashMap<>();
                am.put("local_association_id", a.localAssociationId());
                am.putAll(figures(a.figures()));
                associations.add(am);
            }
            m.put("associations", associations);
            List<Object> notCounted = new ArrayList<>();
            for (FunderReport.NotCounted n : r.notCounted()) {
                Map<String, Object> nm = new LinkedHashMap<>();
                nm.put("reason", n.reason().code());
                nm.put("activities", n.activities());
                nm.put("hours", n.hours().toPlainString());
                notCounted.add(nm);
            }
            m.put("not_counted", notCounted);
            m.put("warnings", warnings(d));
            return m;
        }
    }
}
