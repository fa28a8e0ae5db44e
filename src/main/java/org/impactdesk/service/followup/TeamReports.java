package org.impactdesk.service.followup;

import java.io.IOException;
import java.io.OutputStream;
import org.impactdesk.domain.TeamReport;

/** The Team report's PDF (the screen builds the {@link TeamReport} from what it shows; the share renderer draws it). */
public final class TeamReports {
    private TeamReports() {
    }

    public static void writePdf(TeamReport report, OutputStream out) throws IOException {
        TeamReportPdf.write(report, out);
    }
}
