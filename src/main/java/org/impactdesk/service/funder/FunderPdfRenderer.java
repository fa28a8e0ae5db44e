package org.impactdesk.service.funder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.impactdesk.domain.FunderCategory;
import org.impactdesk.domain.FunderReport;
import org.impactdesk.domain.FunderReportData;
import org.impactdesk.domain.FunderRules;
import org.impactdesk.share.CardFonts;

/**
 * The funder report for the board as a PDF of one or two A4 pages (FUNDER_REPORT.md, Exports):
 * the summary, per association, not counted by reason, the rules used and the warnings. What does
 * not fit on two pages is cut with a line pointing to the XLSX. Text in the share card's embedded
 * DejaVu ({@link CardFonts}, æøå).
 */
public final class FunderPdfRenderer {
    static final int MAX_PAGES = 2;
    private static final java.util.regex.Pattern FIGURE = java.util.regex.Pattern.compile("[-−]?[0-9][0-9.,\\s\u00a0\u202f]*");
    private static final float MARGIN = 48;
    private static final float WIDTH = PDRectangle.A4.getWidth();
    private static final float HEIGHT = PDRectangle.A4.getHeight();

    private FunderPdfRenderer() {
    }

    /** One line of the layout: cells at x positions (right-aligned when {@code right[i]}). */
    record Line(float size, boolean bold, float gapBefore, List<String> cells, float[] xs, boolean[] right) {
    }

    public static void write(FunderReportData d, OutputStream out, Locale locale) throws IOException {
        List<Line> lines = layout(d, new FunderText(locale));
        try (PDDocument doc = new PDDocument()) {
            PDFont regular;
            PDFont bold;
            try (InputStream r = CardFonts.open(false); InputStream b = CardFonts.open(true)) {
                regular = PDType0Font.load(doc, r);
                bold = PDType0Font.load(doc, b);
            }
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle("Funder report " + d.report().year() + " " + d.organizationName());
            info.setCreator("Impact Desk");
            info.setProducer("Impact Desk");
            doc.setDocumentInformation(info);
            FunderText t = new FunderText(locale);
            List<List<Line>> pages = paginate(lines, t);
            for (int p = 0; p < pages.size(); p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    float y = HEIGHT - MARGIN;
                    for (Line l : pages.get(p)) {
                        y -= l.gapBefore() + l.size() * 1.35f;
                        PDFont f = l.bold() ? bold : regular;
                        for (int c = 0; c < l.cells().size(); c++) {
                            // figures are never cut; text is, with an ellipsis
                            String s = l.right()[c] && FIGURE.matcher(l.cells().get(c)).matches() ? l.cells().get(c) : fit(l.cells().get(c), f, l.size(),
                                    c + 1 < l.xs().length ? l.xs()[c + 1] - l.xs()[c] - 6 : WIDTH - MARGIN - l.xs()[c]);
                            float x = l.xs()[c];
                            if (l.right()[c]) {
                                float colEnd = c + 1 < l.xs().length ? l.xs()[c + 1] - 6 : WIDTH - MARGIN;
                                x = colEnd - f.getStringWidth(s) / 1000 * l.size();
                            }
                            cs.beginText();
                            cs.setFont(f, l.size());
                            cs.newLineAtOffset(x, y);
                            cs.showText(s);
                            cs.endText();
                        }
                    }
                    String footer = t.get("funder.pdf.page", p + 1, pages.size());
                    cs.beginText();
                    cs.setFont(regular, 8);
                    cs.newLineAtOffset(WIDTH - MARGIN - regular.getStringWidth(footer) / 1000 * 8, MARGIN / 2);
                    cs.showText(footer);
                    cs.endText();
                }
            }
            doc.save(out);
        }
    }

    private static String fit(String s, PDFont f, float size, float width) throws IOException {
        if (f.getStringWidth(s) / 1000 * size <= width) {
            return s;
        }
        String cut = s;
        while (cut.length() > 1 && f.getStringWidth(cut + "…") / 1000 * size > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }

    private static float height(Line l) {
        return l.gapBefore() + l.size() * 1.35f;
    }

    private static List<List<Line>> paginate(List<Line> lines, FunderText t) {
        float usable = HEIGHT - 2 * MARGIN;
        List<List<Line>> pages = new ArrayList<>();
        List<Line> page = new ArrayList<>();
        float used = 0;
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            if (used + height(l) > usable) {
                if (pages.size() + 1 == MAX_PAGES) {
                    page.set(page.size() - 1, text(t.get("funder.pdf.more", lines.size() - i + 1), 9, false, 0));
                    break;
                }
                pages.add(page);
                page = new ArrayList<>();
                used = 0;
                l = new Line(l.size(), l.bold(), 0, l.cells(), l.xs(), l.right());
            }
            page.add(l);
            used += height(l);
        }
        pages.add(page);
        return pages;
    }

    private static Line text(String s, float size, boolean bold, float gap) {
        return new Line(size, bold, gap, List.of(s), new float[] {MARGIN}, new boolean[] {false});
    }

    static List<Line> layout(FunderReportData d, FunderText t) {
        FunderReport r = d.report();
        NumberFormat whole = NumberFormat.getIntegerInstance(t.locale());
        NumberFormat hours = NumberFormat.getNumberInstance(t.locale());
        hours.setMinimumFractionDigits(2);
        hours.setMaximumFractionDigits(2);
        List<Line> out = new ArrayList<>();
        out.add(text(t.get("funder.title"), 20, true, 0));
        out.add(text(t.get("funder.heading", d.organizationName(), r.year()), 13, false, 4));
        out.add(text(t.status(d), 10, false, 4));
        if (d.scopedToAssociations()) {
            out.add(text(t.get("funder.scoped"), 10, false, 2));
        }

        out.add(text(t.get("funder.summary"), 13, true, 14));
        float[] two = {MARGIN, MARGIN + 300};
        List<Number> totals = FunderText.values(r.totals());
        for (int i = 0; i < totals.size(); i++) {
            out.add(new Line(10, false, 2, List.of(t.get(FunderText.FIGURE_KEYS.get(i)), number(totals.get(i), whole, hours)),
                    two, new boolean[] {false, true}));
        }

        List<FunderReport.AssociationFigures> associations = FunderWorkbook.sortedAssociations(d);
        if (!associations.isEmpty()) {
            out.add(text(t.get("funder.column.association"), 13, true, 14));
            float[] xs = {MARGIN, MARGIN + 150, MARGIN + 207, MARGIN + 264, MARGIN + 321, MARGIN + 378, MARGIN + 435};
            boolean[] right = {false, true, true, true, true, true, true};
            List<String> heads = List.of("", t.get("funder.column.activeMentors"), t.get("funder.column.individual"),
                    t.get("funder.column.groupSessions"), t.get("funder.column.courseDays"), t.get("funder.column.countedHours"),
                    t.get("funder.column.contactService"));
            // headers on two lines: the first words, then the last word
            List<String> first = new ArrayList<>();
            List<String> second = new ArrayList<>();
            for (String h : heads) {
                int cut = h.lastIndexOf(' ');
                first.add(cut < 0 ? "" : h.substring(0, cut));
                second.add(cut < 0 ? h : h.substring(cut + 1));
            }
            out.add(new Line(7, true, 2, first, xs, right));
            out.add(new Line(7, true, 0, second, xs, right));
            int shown = 0;
            for (FunderReport.AssociationFigures a : associations) {
                if (shown == 20 && associations.size() > 21) {
                    out.add(text(t.get("funder.pdf.more", associations.size() - shown), 9, false, 2));
                    break;
                }
                var f = a.figures();
                out.add(new Line(9, false, 1, List.of(d.associationName(a.localAssociationId()),
                        whole.format(f.activePeerMentors()), whole.format(f.individualCount()), whole.format(f.groupSessions()),
                        whole.format(f.courseDays()), hours.format(f.countedHours()), whole.format(f.contactServiceCount())),
                        xs, right));
                shown++;
            }
        }

        out.add(text(t.get("funder.notCounted"), 13, true, 14));
        float[] three = {MARGIN, MARGIN + 250, MARGIN + 330};
        boolean[] threeRight = {false, true, true};
        out.add(new Line(8, true, 2, List.of(t.get("funder.column.reason"), t.get("funder.column.activities"),
                t.get("funder.column.hours")), three, threeRight));
        for (FunderReport.NotCounted n : r.notCounted()) {
            out.add(new Line(10, false, 1, List.of(t.reason(n.reason()), whole.format(n.activities()), hours.format(n.hours())),
                    three, threeRight));
        }

        List<String> warnings = t.warnings(d);
        if (!warnings.isEmpty()) {
            out.add(text(t.get("funder.warnings"), 13, true, 14));
            for (String w : warnings) {
                for (String part : wrap(w, 100)) {
                    out.add(text(part, 9, false, 1));
                }
            }
        }

        FunderRules rules = r.rules();
        out.add(text(t.get("funder.rules"), 13, true, 14));
        for (Map.Entry<String, Integer> e : FunderWorkbook.ruleValues(rules).entrySet()) {
            out.add(new Line(10, false, 1, List.of(t.get("funder.rule." + e.getKey()), whole.format(e.getValue())),
                    two, new boolean[] {false, true}));
        }
        out.add(text(t.get("funder.rules.categories"), 10, true, 6));
        Map<FunderCategory, List<String>> byCategory = new TreeMap<>();
        rules.categories().forEach((k, c) -> byCategory.computeIfAbsent(c, x -> new ArrayList<>()).add(k));
        for (Map.Entry<FunderCategory, List<String>> e : byCategory.entrySet()) {
            List<String> parts = wrap(String.join(", ", e.getValue()), 80);
            for (int i = 0; i < parts.size(); i++) {
                out.add(new Line(9, false, 1, List.of(i == 0 ? t.category(e.getKey()) : "", parts.get(i)),
                        new float[] {MARGIN, MARGIN + 110}, new boolean[] {false, false}));
            }
        }
        return out;
    }

    private static String number(Number n, NumberFormat whole, NumberFormat hours) {
        return n instanceof BigDecimal b ? hours.format(b) : whole.format(n);
    }

    static List<String> wrap(String s, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : s.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
