package org.impactdesk.service.funder;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.impactdesk.domain.FunderCategory;
import org.impactdesk.domain.FunderOutcome;
import org.impactdesk.domain.FunderReport;
import org.impactdesk.domain.FunderReportData;
import org.impactdesk.domain.FunderRules;

/**
 * The funder report as XLSX (FUNDER_REPORT.md, Exports): sheets {@code Summary}, {@code Peer mentors},
 * {@code Activities} and {@code Rules}; counts and hours are numeric cells, dates date cells. No
 * contact's name or id: the activity rows carry date, peer mentor, association, type, category,
 * counted and reason only.
 */
public final class FunderWorkbook {
    static final String DATE = "yyyy-mm-dd";
    static final String HOURS = "0.00";

    private FunderWorkbook() {
    }

    public static void write(FunderReportData d, OutputStream out, java.util.Locale locale) throws IOException {
        FunderText t = new FunderText(locale);
        Workbook wb = new Workbook(out, "Impact Desk", "1.0");
        summary(wb.newWorksheet("Summary"), d, t);
        mentors(wb.newWorksheet("Peer mentors"), d, t);
        activities(wb.newWorksheet("Activities"), d, t);
        rules(wb.newWorksheet("Rules"), d, t);
        wb.finish();
    }

    private static void header(Worksheet ws, int row, List<String> labels) {
        for (int c = 0; c < labels.size(); c++) {
            ws.value(row, c, labels.get(c));
            ws.style(row, c).bold().wrapText(true).set();
        }
    }

    private static void figures(Worksheet ws, int row, String name, List<Number> values, boolean bold) {
        ws.value(row, 0, name);
        for (int c = 0; c < values.size(); c++) {
            ws.value(row, c + 1, values.get(c));
            if (values.get(c) instanceof java.math.BigDecimal) {
                ws.style(row, c + 1).format(HOURS).set();
            }
        }
        if (bold) {
            ws.style(row, 0).bold().set();
        }
    }

    private static void summary(Worksheet ws, FunderReportData d, FunderText t) {
        FunderReport r = d.report();
        ws.value(0, 0, t.get("funder.title") + ": " + t.get("funder.heading", d.organizationName(), r.year()));
        ws.style(0, 0).bold().set();
        ws.value(1, 0, t.status(d));
        ws.value(2, 0, t.get("funder.madeOn"));
        ws.value(2, 1, d.madeOn());
        ws.style(2, 1).format(DATE).set();
        int row = 3;
        if (d.scopedToAssociations()) {
            ws.value(row++, 0, t.get("funder.scoped"));
        }
        row++;
        List<String> head = new ArrayList<>();
        head.add(t.get("funder.column.association"));
        FunderText.FIGURE_KEYS.forEach(k -> head.add(t.get(k)));
        header(ws, row++, head);
        for (FunderReport.AssociationFigures a : sortedAssociations(d)) {
            figures(ws, row++, d.associationName(a.localAssociationId()), FunderText.values(a.figures()), false);
        }
        figures(ws, row++, t.get("funder.total"), FunderText.values(r.totals()), true);
        row++;
        ws.value(row, 0, t.get("funder.notCounted"));
        ws.style(row++, 0).bold().set();
        header(ws, row++, List.of(t.get("funder.column.reason"), t.get("funder.column.activities"), t.get("funder.column.hours")));
        for (FunderReport.NotCounted n : r.notCounted()) {
            ws.value(row, 0, t.reason(n.reason()));
            ws.value(row, 1, n.activities());
            ws.value(row, 2, n.hours());
            ws.style(row++, 2).format(HOURS).set();
        }
        List<String> warnings = t.warnings(d);
        if (!warnings.isEmpty()) {
            row++;
            ws.value(row, 0, t.get("funder.warnings"));
            ws.style(row++, 0).bold().set();
            for (String w : warnings) {
                ws.value(row++, 0, w);
            }
        }
        ws.width(0, 36);
        for (int c = 1; c <= FunderText.FIGURE_KEYS.size(); c++) {
            ws.width(c, 14);
        }
    }

    static List<FunderReport.AssociationFigures> sortedAssociations(FunderReportData d) {
        List<FunderReport.AssociationFigures> list = new ArrayList<>(d.report().associations());
        list.sort(Comparator.comparing((FunderReport.AssociationFigures a) -> d.associationName(a.localAssociationId()))
                .thenComparing(FunderReport.AssociationFigures::localAssociationId));
        return list;
    }

    private static void mentors(Worksheet ws, FunderReportData d, FunderText t) {
        header(ws, 0, List.of(t.get("funder.column.name"), t.get("funder.column.associations"),
                t.get("funder.column.countedActivities")));
        List<FunderReport.ActiveMentor> list = new ArrayList<>(d.report().activeMentors());
        list.sort(Comparator.comparing((FunderReport.ActiveMentor m) -> d.mentorName(m.peerMentorId()))
                .thenComparing(FunderReport.ActiveMentor::peerMentorId));
        int row = 1;
        for (FunderReport.ActiveMentor m : list) {
            ws.value(row, 0, d.mentorName(m.peerMentorId()));
            ws.value(row, 1, String.join(", ", m.localAssociationIds().stream().map(d::associationName).toList()));
            ws.value(row++, 2, m.countedActivities());
        }
        ws.width(0, 30);
        ws.width(1, 40);
        ws.width(2, 18);
        ws.freezePane(0, 1);
    }

    private static void activities(Worksheet ws, FunderReportData d, FunderText t) {
        header(ws, 0, List.of(t.get("funder.column.date"), t.get("funder.column.mentor"), t.get("funder.column.association"),
                t.get("funder.column.type"), t.get("funder.column.category"), t.get("funder.column.counted"),
                t.get("funder.column.reason")));
        int row = 1;
        for (FunderOutcome o : d.report().outcomes()) {
            ws.value(row, 0, o.localDate());
            ws.style(row, 0).format(DATE).set();
            ws.value(row, 1, d.mentorName(o.activity().peerMentorId()));
            ws.value(row, 2, d.associationName(o.activity().localAssociationId()));
            ws.value(row, 3, d.typeName(o.activity().activityType(), t.locale()));
            ws.value(row, 4, t.category(o.category()));
            ws.value(row, 5, t.get(o.counted() ? "funder.yes" : "funder.no"));
            ws.value(row++, 6, t.reason(o.reason()));
        }
        ws.width(0, 12);
        ws.width(1, 28);
        ws.width(2, 30);
        ws.width(3, 22);
        ws.width(4, 16);
        ws.width(5, 10);
        ws.width(6, 34);
        ws.freezePane(0, 1);
    }

    private static void rules(Worksheet ws, FunderReportData d, FunderText t) {
        FunderRules rules = d.report().rules();
        header(ws, 0, List.of(t.get("funder.column.rule"), t.get("funder.column.value")));
        int row = 1;
        for (Map.Entry<String, Integer> e : ruleValues(rules).entrySet()) {
            ws.value(row, 0, t.get("funder.rule." + e.getKey()));
            ws.value(row++, 1, e.getValue());
        }
        row++;
        ws.value(row, 0, t.get("funder.rules.categories"));
        ws.style(row++, 0).bold().set();
        header(ws, row++, List.of(t.get("funder.column.typeKey"), t.get("funder.column.type"), t.get("funder.column.category")));
        java.util.Set<String> keys = new java.util.TreeSet<>(rules.categories().keySet());
        keys.addAll(d.report().uncategorisedTypes());
        for (String key : keys) {
            FunderCategory c = rules.categoryOf(key);
            ws.value(row, 0, key);
            ws.value(row, 1, d.typeName(key, t.locale()));
            ws.value(row++, 2, t.category(c));
        }
        ws.width(0, 46);
        ws.width(1, 24);
        ws.width(2, 18);
    }

    /** The four rule values by their spec names, in the spec's order. */
    public static Map<String, Integer> ruleValues(FunderRules rules) {
        Map<String, Integer> m = new java.util.LinkedHashMap<>();
        m.put("group_min_participants", rules.groupMinParticipants());
        m.put("group_min_minutes", rules.groupMinMinutes());
        m.put("course_min_people", rules.courseMinPeople());
        m.put("course_min_minutes", rules.courseMinMinutes());
        return m;
    }
}
