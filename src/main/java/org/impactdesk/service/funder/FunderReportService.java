package org.impactdesk.service.funder;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.FunderExport;
import org.impactdesk.domain.FunderOrganization;
import org.impactdesk.domain.FunderReportData;

/**
 * The funder report (FUNDER_REPORT.md) scoped like {@code show}: a global admin any organisation,
 * an org admin theirs, a coordinator their associations of theirs; a peer mentor none
 * ({@link FunderRefusedException}).
 */
public interface FunderReportService {

    /** The organisations the actor may report on, by id (empty for a peer mentor). */
    List<FunderOrganization> organizations(Actor actor);

    /** The report of an organisation and year; {@link FunderNotFoundException} for an unknown organisation. */
    FunderReportData report(Actor actor, String organizationId, int year);

    /** Writes the XLSX of a report made by {@link #report} and logs the export. */
    FunderExport exportXlsx(Actor actor, FunderReportData data, Path file, Locale locale);

    /** Writes the one- or two-page PDF of a report made by {@link #report} and logs the export. */
    FunderExport exportPdf(Actor actor, FunderReportData data, Path file, Locale locale);
}
