package org.impactdesk.service.followup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.impactdesk.domain.TeamReport;
import org.impactdesk.share.CardFonts;

/**
 * Writes a {@link TeamReport} as an A4 landscape PDF readable in black and white: black text,
 * grey rules, the team row in bold on a light grey band, sparklines as black bars for the period's
 * months and grey bars for the months before. The table repeats its header on every page; each
 * page says "page n of m". Text is embedded DejaVu Sans (Norwegian letters included).
 */
public final class TeamReportPdf {
    private static final float MARGIN = 36;
    private static final float ROW_H = 14;
    private static final float FONT = 7.5f;
    private static final float SPARK_W = 60;

    private TeamReportPdf() {
    }

    public static void write(TeamReport report, OutputStream out) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDFont regular;
            PDFont bold;
            try (InputStream r = CardFonts.open(false); InputStream b = CardFonts.open(true)) {
                regular = PDType0Font.load(doc, r);
                bold = PDType0Font.load(doc, b);
            }
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle(report.title() + " " + report.subtitle());
            info.setCreator("Impact Desk");
            doc.setDocumentInformation(info);

            PDRectangle a4 = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()); // landscape
            float width = a4.getWidth() - 2 * MARGIN;
            float[] widths = columnWidths(report, regular, bold, width);

            List<PDPage> pages = new ArrayList<>();
            int next = 0;
            boolean first = true;
            while (first || next < report.rows().size()) {
                PDPage page = new PDPage(a4);
                doc.addPage(page);
                pages.add(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    float y = a4.getHeight() - MARGIN;
                    if (first) {
                        y = text(cs, bold, 16, MARGIN, y - 16, report.title() + " · " + report.subtitle());
                        y = text(cs, regular, 9, MARGIN, y - 6, report.madeBy());
                        y = text(cs, regular, 9, MARGIN, y - 4, report.summary());
                        for (String t : report.thresholds()) {
                            y = text(cs, regular, 9, MARGIN, y - 4, t);
                        }
                        y -= 10;
                    }
                    y = header(cs, bold, report, widths, y);
                    float bottom = MARGIN + 20;
                    while (next < report.rows().size() && y - ROW_H >= bottom) {
                        y = row(cs, regular, bold, report, report.rows().get(next), widths, y);
                        next++;
                    }
                    if (next >= report.rows().size() && !report.notes().isEmpty()) {
                        y -= 12;
                        if (y - 12 > bottom) {
                            y = text(cs, bold, 9, MARGIN, y, report.notesHeader());
                            for (String n : report.notes()) {
                                for (String line : wrap(n, regular, 8, width)) {
                                    if (y - 12 < bottom) {
                                        break;
                                    }
                                    y = text(cs, regular, 8, MARGIN, y - 3, line);
                                }
                            }
                        }
                    }
                }
                first = false;
            }
            int n = pages.size();
            for (int i = 0; i < n; i++) {
                try (PDPageContentStream cs = new PDPageContentStream(doc, pages.get(i), PDPageContentStream.AppendMode.APPEND, true)) {
                    String label = report.pageLabel().replace("{0}", Integer.toString(i + 1)).replace("{1}", Integer.toString(n));
                    text(cs, regular, 8, MARGIN, MARGIN, report.title() + " · " + report.subtitle() + " · " + label);
                }
            }
            doc.save(out);
        }
    }

    private static float[] columnWidths(TeamReport r, PDFont regular, PDFont bold, float total) throws IOException {
        int n = r.headers().size();
        float[] w = new float[n];
        for (int c = 0; c < n; c++) {
            w[c] = width(bold, FONT, r.headers().get(c)) + 8;
            for (TeamReport.Row row : r.rows()) {
                w[c] = Math.max(w[c], width(row.team() ? bold : regular, FONT, row.cells().get(c)) + 8);
            }
        }
        float available = total - SPARK_W - 8;
        float sum = 0;
        for (float v : w) {
            sum += v;
        }
        // too wide: the second column (associations) gives way first, then the first (names); long texts end in "…"
        float over = sum - available;
        for (int c : new int[] {Math.min(1, n - 1), 0}) {
            if (over > 0 && w[c] > 80) {
                float cut = Math.min(over, w[c] - 80);
                w[c] -= cut;
                over -= cut;
            }
        }
        return w;
    }

    private static float header(PDPageContentStream cs, PDFont bold, TeamReport r, float[] w, float y) throws IOException {
        float x = MARGIN;
        float base = y - ROW_H + 4;
        for (int c = 0; c < w.length; c++) {
            cell(cs, bold, FONT, x, base, w[c], r.headers().get(c));
            x += w[c];
            if (c == 0) {
                cell(cs, bold, FONT, x, base, SPARK_W + 8, r.trendHeader());
                x += SPARK_W + 8;
            }
        }
        rule(cs, y - ROW_H, 0.8f, 0f);
        return y - ROW_H;
    }

    private static float row(PDPageContentStream cs, PDFont regular, PDFont bold, TeamReport r, TeamReport.Row row,
                             float[] w, float y) throws IOException {
        if (row.team()) {
            cs.setNonStrokingColor(0.9f);
            cs.addRect(MARGIN, y - ROW_H, pageRight() - MARGIN, ROW_H);
            cs.fill();
        }
        cs.setNonStrokingColor(0f);
        float x = MARGIN;
        float base = y - ROW_H + 4;
        for (int c = 0; c < w.length; c++) {
            cell(cs, row.team() ? bold : regular, FONT, x, base, w[c], row.cells().get(c));
            x += w[c];
            if (c == 0) {
                if (row.months() != null) {
                    spark(cs, row.months(), r.highlighted(), x + 2, y - ROW_H + 2.5f, SPARK_W, ROW_H - 5);
                }
                x += SPARK_W + 8;
            }
        }
        rule(cs, y - ROW_H, 0.3f, 0.7f);
        return y - ROW_H;
    }

    /** The right margin's x on an A4 landscape page. */
    private static float pageRight() {
        return PDRectangle.A4.getHeight() - MARGIN;
    }

    private static void spark(PDPageContentStream cs, int[] v, int highlighted, float x, float y, float w, float h)
            throws IOException {
        int max = 0;
        for (int m : v) {
            max = Math.max(max, m);
        }
        float slot = w / v.length;
        float bar = Math.max(1, slot - 1.5f);
        for (int i = 0; i < v.length; i++) {
            cs.setNonStrokingColor(i >= v.length - highlighted ? 0f : 0.62f);
            float bh = max == 0 || v[i] == 0 ? 0.6f : Math.max(1.2f, h * v[i] / max);
            cs.addRect(x + i * slot, y, bar, bh);
            cs.fill();
        }
        cs.setNonStrokingColor(0f);
    }

    private static void rule(PDPageContentStream cs, float y, float width, float grey) throws IOException {
        cs.setStrokingColor(grey);
        cs.setLineWidth(width);
        cs.moveTo(MARGIN, y);
        cs.lineTo(pageRight(), y);
        cs.stroke();
        cs.setStrokingColor(0f);
    }

    private static void cell(PDPageContentStream cs, PDFont font, float size, float x, float y, float w, String s)
            throws IOException {
        String shown = fit(s == null ? "" : s, font, size, w - 6);
        if (!shown.isEmpty()) {
            text(cs, font, size, x + 2, y, shown);
        }
    }

    private static String fit(String s, PDFont font, float size, float w) throws IOException {
        if (width(font, size, s) <= w) {
            return s;
        }
        String t = s;
        while (!t.isEmpty() && width(font, size, t + "…") > w) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    private static List<String> wrap(String s, PDFont font, float size, float w) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String para : s.split("\n")) {
            StringBuilder line = new StringBuilder();
            for (String word : para.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(font, size, candidate) > w && !line.isEmpty()) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static float width(PDFont font, float size, String s) throws IOException {
        return font.getStringWidth(s) / 1000 * size;
    }

    /** Writes {@code s} with its baseline at {@code y}; returns the baseline for the next line below it. */
    private static float text(PDPageContentStream cs, PDFont font, float size, float x, float y, String s) throws IOException {
        cs.beginText();
        cs.setNonStrokingColor(0f);
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(s);
        cs.endText();
        return y - size * 1.25f;
    }
}
