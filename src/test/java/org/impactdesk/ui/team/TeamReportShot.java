package org.impactdesk.ui.team;

import java.awt.image.BufferedImage;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.Period;
import org.impactdesk.service.Services;
import org.impactdesk.store.Database;
import org.impactdesk.ui.fx.SameThreadTaskRunner;
import org.impactdesk.ui.fx.ScriptedDialogs;
import org.impactdesk.ui.fx.ViewLoader;

/**
 * A screenshot tool (test scope, never in the jar): writes the Team report PDF of a coordinator for
 * a quarter from a database, as the screen would with its default filters and the user's follow-up
 * marks, and renders its first page to PNG (PDFBox's renderer, 110 dpi).
 * <pre>java ... org.impactdesk.ui.team.TeamReportShot DB USER_ID LANG YEAR QUARTER OUT.pdf OUT.png</pre>
 */
public final class TeamReportShot {
    private TeamReportShot() {
    }

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        Locale locale = Locale.forLanguageTag(args[2]);
        Period period = new Period.Quarter(Integer.parseInt(args[3]), Integer.parseInt(args[4]));
        Path pdf = Path.of(args[5]);
        Path png = Path.of(args[6]);
        try (Services s = new Services(Database.open(db))) {
            Actor actor = s.actors.find(args[1]).orElseThrow(() -> new IllegalArgumentException("no user " + args[1]));
            SameThreadTaskRunner tasks = new SameThreadTaskRunner();
            TeamViewModel team = new TeamViewModel(s.team, actor, tasks, ResourceBundle.getBundle(ViewLoader.BUNDLE, locale),
                    new ScriptedDialogs(), (pm, y) -> { });
            TeamSidePanelViewModel panel = new TeamSidePanelViewModel(team, s.followUps, actor, tasks,
                    () -> s.team.today(actor));
            team.show(period, TeamViewModel.StatusFilter.ALL);
            TeamReportViewModel report = new TeamReportViewModel(team, panel, actor, tasks, new ScriptedDialogs(),
                    () -> s.team.today(actor));
            try (OutputStream out = Files.newOutputStream(pdf)) {
                report.write(out, s.team.today(actor));
            }
        }
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 110, ImageType.RGB);
            ImageIO.write(image, "png", png.toFile());
            System.out.println("wrote " + pdf + " (" + doc.getNumberOfPages() + " pages) and " + png);
        }
    }
}
