package org.impactdesk.service.funder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.impactdesk.domain.ActivityTypeName;
import org.impactdesk.domain.FunderActivity;
import org.impactdesk.domain.FunderExport;
import org.impactdesk.domain.FunderOrganization;
import org.impactdesk.domain.FunderReport;
import org.impactdesk.domain.FunderReportData;
import org.impactdesk.domain.FunderRules;
import org.impactdesk.domain.OrganizationSettings;
import org.impactdesk.domain.ReportYears;
import org.impactdesk.funder.FunderCounter;
import org.impactdesk.store.FunderDao;
import org.impactdesk.store.OrganizationDao;

/** {@link FunderReportService} over the database: rows and settings from the store, the rules from the funder engine. */
public final class StoredFunderReportService implements FunderReportService {
    private final OrganizationDao organizations;
    private final FunderDao funder;
    private final Clock clock;

    public StoredFunderReportService(OrganizationDao organizations, FunderDao funder, Clock clock) {
        this.organizations = organizations;
        this.funder = funder;
        this.clock = clock;
    }

    @Override
    public List<FunderOrganization> organizations(Actor actor) {
        if (actor.isGlobalAdmin()) {
            return organizations.all().stream().map(o -> new FunderOrganization(o.id(), o.name())).toList();
        }
        if (mayReport(actor) && actor.organizationId() != null) {
            return organizations.find(actor.organizationId()).stream().map(o -> new FunderOrganization(o.id(), o.name())).toList();
        }
        return List.of();
    }

    static boolean mayReport(Actor actor) {
        return actor.isAdmin() || actor.has(Role.COORDINATOR);
    }

    static void check(Actor actor, String organizationId) {
        boolean allowed = actor.isGlobalAdmin()
                || (mayReport(actor) && organizationId != null && organizationId.equals(actor.organizationId()));
        if (!allowed) {
            throw new FunderRefusedException("Only an administrator or a coordinator of " + organizationId
                    + " may see its funder report.");
        }
    }

    @Override
    public FunderReportData report(Actor actor, String organizationId, int year) {
        ReportYears.require(year);
        check(actor, organizationId);
        OrganizationSettings org = organizations.find(organizationId)
                .orElseThrow(() -> new FunderNotFoundException("No organisation with id " + organizationId + "."));
        ZoneId zone = org.zone();
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant();
        Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant();
        List<FunderActivity> rows = funder.activities(organizationId, from, to);
        Map<String, FunderDao.TypeRow> types = funder.activityTypes();
        FunderRules rules = FunderCategories.rules(funder.settings(organizationId).orElseThrow(), types, rows);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        boolean coordinatorOnly = !actor.isAdmin();
        Predicate<String> inScope = association -> true;
        if (coordinatorOnly) {
            Set<String> mine = funder.coordinatorAssociations(actor.userId());
            inScope = mine::contains;
        }
        FunderReport report = FunderCounter.count(organizationId, year, year < today.getYear(), zone, rules, rows, inScope);
        Map<String, ActivityTypeName> names = new LinkedHashMap<>();
        types.forEach((k, t) -> names.put(k, t.name()));
        Map<String, String> associations = funder.associationNames(organizationId);
        if (coordinatorOnly) {
            associations.keySet().removeIf(inScope.negate());
        }
        return new FunderReportData(report, org.name(), zone, today, associations, funder.mentorNames(organizationId),
                names, coordinatorOnly);
    }

    @Override
    public FunderExport exportXlsx(Actor actor, FunderReportData data, Path file, Locale locale) {
        check(actor, data.report().organizationId());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            FunderWorkbook.write(data, out, locale);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make the XLSX: " + e.getMessage(), e);
        }
        return save(actor, data, "xlsx", out.toByteArray(), file);
    }

    @Override
    public FunderExport exportPdf(Actor actor, FunderReportData data, Path file, Locale locale) {
        check(actor, data.report().organizationId());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            FunderPdfRenderer.write(data, out, locale);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make the PDF: " + e.getMessage(), e);
        }
        return save(actor, data, "pdf", out.toByteArray(), file);
    }

    private FunderExport save(Actor actor, FunderReportData data, String format, byte[] bytes, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file + ": " + e.getMessage(), e);
        }
        FunderExport logged = new FunderExport(data.report().organizationId(), data.report().year(), format,
                file.getFileName().toString(), sha256(bytes), actor.userId(), clock.instant());
        funder.logExport(logged);
        return logged;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
