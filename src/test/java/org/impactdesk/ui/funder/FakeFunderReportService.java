package org.impactdesk.ui.funder;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.ActivityTypeName;
import org.impactdesk.domain.FunderActivity;
import org.impactdesk.domain.FunderCategory;
import org.impactdesk.domain.FunderExport;
import org.impactdesk.domain.FunderOrganization;
import org.impactdesk.domain.FunderReportData;
import org.impactdesk.domain.FunderRules;
import org.impactdesk.funder.FunderCounter;
import org.impactdesk.service.funder.FunderRefusedException;
import org.impactdesk.service.funder.FunderReportService;

/** A fake funder service: two organisations, a report counted by the real rules from a few rows, exports recorded. */
final class FakeFunderReportService implements FunderReportService {
    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    final List<String> calls = new ArrayList<>();
    final List<Path> exported = new ArrayList<>();
    boolean fail;

    @Override
    public List<FunderOrganization> organizations(Actor actor) {
        return List.of(new FunderOrganization("org-1", "Likeperson Nord"), new FunderOrganization("org-2", "Likeperson Sør"));
    }

    static FunderActivity row(String id, String la, String pm, String type, String at, int minutes, String contact, String status) {
        return new FunderActivity(id, la, pm, type, Instant.parse(at), minutes, contact, status, null, null);
    }

    @Override
    public FunderReportData report(Actor actor, String organizationId, int year) {
        calls.add(organizationId + " " + year);
        if (fail) {
            throw new FunderRefusedException("not yours");
        }
        List<FunderActivity> rows = List.of(
                row("a1", "la-1", "pm-a", "home_visit", year + "-02-03T09:00:00Z", 60, "c-1", "approved"),
                row("a2", "la-1", "pm-a", "home_visit", year + "-02-03T12:00:00Z", 30, "c-1", "approved"),
                row("a3", "la-2", "pm-b", "knitting", year + "-03-03T12:00:00Z", 30, "c-2", "approved"),
                row("a4", "la-2", "pm-b", "home_visit", year + "-04-03T12:00:00Z", 45, "c-3", "pending"));
        FunderRules rules = FunderRules.withDefaults(Map.of("home_visit", FunderCategory.INDIVIDUAL));
        return new FunderReportData(FunderCounter.count(organizationId, year, year < 2026, OSLO, rules, rows),
                "Likeperson Nord", OSLO, LocalDate.of(2026, 3, 1), Map.of("la-1", "Tromsø", "la-2", "Bodø"),
                Map.of("pm-a", "Astrid Mentor", "pm-b", "Bjørn Mentor"),
                Map.of("home_visit", new ActivityTypeName("home_visit", "Home visit", "Hjemmebesøk"),
                        "knitting", new ActivityTypeName("knitting", "Knitting club", "Strikkeklubb")),
                !actor.isAdmin());
    }

    @Override
    public FunderExport exportXlsx(Actor actor, FunderReportData data, Path file, Locale locale) {
        exported.add(file);
        return new FunderExport(data.report().organizationId(), data.report().year(), "xlsx", file.getFileName().toString(),
                "ab".repeat(32), actor.userId(), Instant.EPOCH);
    }

    @Override
    public FunderExport exportPdf(Actor actor, FunderReportData data, Path file, Locale locale) {
        exported.add(file);
        return new FunderExport(data.report().organizationId(), data.report().year(), "pdf", file.getFileName().toString(),
                "cd".repeat(32), actor.userId(), Instant.EPOCH);
    }
}
