package org.impactdesk.service.funder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.FunderCategory;
import org.impactdesk.domain.FunderExport;
import org.impactdesk.domain.FunderFigures;
import org.impactdesk.domain.FunderReason;
import org.impactdesk.domain.FunderReport;
import org.impactdesk.domain.FunderReportData;
import org.impactdesk.domain.FunderSettings;
import org.impactdesk.domain.ReportYears;
import org.impactdesk.store.Database;
import org.impactdesk.store.FunderDao;
import org.impactdesk.store.MigratedH2;
import org.impactdesk.store.OrganizationDao;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The funder report over a migrated H2: scope, precedence of categories, settings, exports and their log. */
@MigratedH2
class StoredFunderReportServiceTest {
    static final Clock IN_2026 = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
    @TempDir
    Path tmp;
    Database db;
    StoredFunderReportService service;
    StoredFunderSettingsService settings;
    FunderDao dao;

    @BeforeEach
    void fill(Database db) {
        this.db = db;
        FunderFixtures.fill(db);
        dao = new FunderDao(db.jdbi());
        service = new StoredFunderReportService(new OrganizationDao(db.jdbi()), dao, IN_2026);
        settings = new StoredFunderSettingsService(dao);
    }

    private static int notCounted(FunderReport r, FunderReason reason) {
        return r.notCounted().get(reason.ordinal()).activities();
    }

    @Test
    void theAdminsReportIsTheHandComputedOne() {
        FunderReportData d = service.report(FunderFixtures.ADMIN, FunderFixtures.ORG, 2025);
        FunderReport r = d.report();
        assertThat(r.finalYear()).isTrue();
        assertThat(r.outcomes()).hasSize(9); // x1 and x2 are in 2024 and 2026 (Oslo)
        FunderFigures t = r.totals();
        assertThat(t.individualCount()).isEqualTo(1);         // a1 (a2 repeats its contact the same day, b1 is before start)
        assertThat(t.groupSessions()).isEqualTo(1);           // ev-1 across pm-a and pm-b
        assertThat(t.groupParticipants()).isEqualTo(3);
        assertThat(t.activePeerMentors()).isEqualTo(2);       // pm-a (a1, g2, g3) and pm-b (g1)
        assertThat(t.countedHours()).isEqualByComparingTo("2.50"); // 60 (a1) + 90 (ev-1, its longest row, once)
        assertThat(t.contactServiceCount()).isEqualTo(1);
        assertThat(t.contactServiceHours()).isEqualByComparingTo("0.25");
        assertThat(notCounted(r, FunderReason.NOT_APPROVED)).isEqualTo(1);
        assertThat(notCounted(r, FunderReason.BEFORE_START)).isEqualTo(1); // b1: pm-b started on 1 March
        assertThat(notCounted(r, FunderReason.UNCATEGORISED_TYPE)).isEqualTo(1);
        assertThat(notCounted(r, FunderReason.CONTACT_SERVICE)).isEqualTo(1);
        assertThat(notCounted(r, FunderReason.SAME_DAY_DUPLICATE)).isEqualTo(1);
        assertThat(r.uncategorisedTypes()).containsExactly("knitting_club");
        assertThat(d.associationName("la-1")).isEqualTo("Tromsø");
        assertThat(d.mentorName("pm-a")).isEqualTo("Astrid Mentor");
    }

    @Test
    void sessionsCountToTheAssociationOfTheirFirstRow() {
        FunderReport r = service.report(FunderFixtures.ADMIN, FunderFixtures.ORG, 2025).report();
        Map<String, FunderFigures> by = new java.util.HashMap<>();
        r.associations().forEach(a -> by.put(a.localAssociationId(), a.figures()));
        assertThat(by.get("la-2").groupSessions()).isEqualTo(1); // g1 starts first
        assertThat(by.get("la-2").activePeerMentors()).isEqualTo(1);
        assertThat(by.get("la-2").contactServiceCount()).isEqualTo(1);
        assertThat(by.get("la-1").groupSessions()).isZero();
        assertThat(by.get("la-1").individualCount()).isEqualTo(1);
        assertThat(by.get("la-1").countedHours()).isEqualByComparingTo("1.00");
    }

    @Test
    void aCoordinatorSeesTheirAssociationsAndAPeerMentorNothing() {
        FunderReportData d = service.report(FunderFixtures.COORDINATOR, FunderFixtures.ORG, 2025);
        FunderReport r = d.report();
        assertThat(d.scopedToAssociations()).isTrue();
        assertThat(r.outcomes()).extracting(o -> o.activity().id()).containsExactlyInAnyOrder("g1", "b1", "p1");
        assertThat(r.associations()).extracting(FunderReport.AssociationFigures::localAssociationId).containsExactly("la-2");
        assertThat(r.totals().groupSessions()).isEqualTo(1); // formed with pm-a's rows of la-1, as the rules say
        assertThat(r.totals().individualCount()).isZero();
        assertThat(r.uncategorisedTypes()).isEmpty();
        assertThat(d.associationNames()).containsOnlyKeys("la-2");
        assertThat(service.organizations(FunderFixtures.COORDINATOR)).extracting(o -> o.id()).containsExactly("org-1");

        assertThat(service.organizations(FunderFixtures.MENTOR)).isEmpty();
        assertThatThrownBy(() -> service.report(FunderFixtures.MENTOR, FunderFixtures.ORG, 2025))
                .isInstanceOf(FunderRefusedException.class);
        assertThatThrownBy(() -> service.report(FunderFixtures.ADMIN, "org-2", 2025)).isInstanceOf(FunderRefusedException.class);
        assertThatThrownBy(() -> service.report(Actor.localOperator(), "org-nope", 2025)).isInstanceOf(FunderNotFoundException.class);
        assertThat(service.organizations(Actor.localOperator())).extracting(o -> o.id()).containsExactly("org-1", "org-2");
    }

    @Test
    void aYearOutsideTheRangeIsRefusedWithTheSharedWords() {
        assertThatThrownBy(() -> service.report(FunderFixtures.ADMIN, FunderFixtures.ORG, 1999))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(ReportYears.problem(1999));
        assertThatThrownBy(() -> service.report(FunderFixtures.ADMIN, FunderFixtures.ORG, 2101))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("The year must be from 2000 to 2100, not 2101.");
    }

    @Test
    void theOpenYearIsAForecast() {
        assertThat(service.report(FunderFixtures.ADMIN, FunderFixtures.ORG, 2026).report().finalYear()).isFalse();
        assertThat(service.report(FunderFixtures.ADMIN, FunderFixtures.ORG, 2026).madeOn()).isEqualTo(LocalDate.of(2026, 3, 1));
    }

    @Test
    void theCategoryIsTheOrganisationsThenThePlatformsThenTheKeys() {
        Map<String, FunderCategory> before = service.report(FunderFixtures.ADMIN, FunderFixtures.ORG, 2025).report().rules().categories();
        assertThat(before).containsEntry("stand", FunderCategory.GROUP)      // platform default over the key's not_counted
                .containsEntry("home_visit", FunderCategory.INDIVIDUAL)        // the key's
                .doesNotContainKey("knitting_club");
        settings.save(FunderFixtures.ADMIN, new FunderSettings(FunderFixtures.ORG,
                Map.of("stand", FunderCategory.NOT_COUNTED, "knitting_club", FunderCategory.INDIVIDUAL), 2, null, null, 120));
        FunderReport after = service.report(FunderFixtures.ADMIN, FunderFixtures.ORG, 2025).report();
        assertThat(after.rules().categories()).containsEntry("stand", FunderCategory.NOT_COUNTED)
                .containsEntry("knitting_club", FunderCategory.INDIVIDUAL);
        assertThat(after.rules().groupMinParticipants()).isEqualTo(2);
        assertThat(after.rules().groupMinMinutes()).isEqualTo(45);
        assertThat(after.rules().courseMinMinutes()).isEqualTo(120);
        assertThat(after.uncategorisedTypes()).isEmpty();
        assertThat(after.totals().individualCount()).isEqualTo(2); // k1 now counts
        assertThat(settings.types(FunderFixtures.ADMIN, FunderFixtures.ORG)).filteredOn(t -> t.key().equals("stand"))
                .singleElement().satisfies(t -> {
                    assertThat(t.platformDefault()).isEqualTo(FunderCategory.GROUP);
                    assertThat(t.effective()).isEqualTo(FunderCategory.NOT_COUNTED);
                });
        FunderSettings stored = settings.settings(FunderFixtures.ADMIN, FunderFixtures.ORG);
        assertThat(stored.groupMinMinutes()).isNull();
        assertThat(stored.choices()).hasSize(2);
    }

    @Test
    void settingsRefuseNonAdminsAndBadValues() {
        FunderSettings ok = new FunderSettings(FunderFixtures.ORG, Map.of(), null, null, null, null);
        assertThatThrownBy(() -> settings.save(FunderFixtures.COORDINATOR, ok)).isInstanceOf(FunderRefusedException.class);
        assertThatThrownBy(() -> settings.save(FunderFixtures.ADMIN,
                new FunderSettings(FunderFixtures.ORG, Map.of(), 0, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("group_min_participants");
        assertThatThrownBy(() -> settings.save(FunderFixtures.ADMIN,
                new FunderSettings(FunderFixtures.ORG, Map.of("no_such_type", FunderCategory.GROUP), null, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no_such_type");
        assertThat(settings.settings(FunderFixtures.ADMIN, FunderFixtures.ORG).choices()).isEmpty();
    }

    @Test
    void theXlsxHoldsNumbersAndDatesAndIsLogged() throws Exception {
        FunderReportData d = service.report(FunderFixtures.ADMIN, FunderFixtures.ORG, 2025);
        Path file = tmp.resolve("funder-2025.xlsx");
        FunderExport e = service.exportXlsx(FunderFixtures.ADMIN, d, file, Locale.ENGLISH);
        assertThat(e.sha256()).isEqualTo(HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
        try (InputStream in = Files.newInputStream(file); ReadableWorkbook wb = new ReadableWorkbook(in)) {
            assertThat(wb.getSheets().map(Sheet::getName).toList()).containsExactly("Summary", "Peer mentors", "Activities", "Rules");
            List<Row> summary = wb.getSheet(0).orElseThrow().read();
            Row total = summary.stream().filter(r -> "Total".equals(r.getCellText(0))).findFirst().orElseThrow();
            assertThat(total.getCell(2).getType()).isEqualTo(CellType.NUMBER);
            assertThat(total.getCell(2).asNumber()).isEqualByComparingTo("1");      // individual
            assertThat(total.getCell(3).asNumber()).isEqualByComparingTo("1");      // group sessions
            assertThat(total.getCell(7).asNumber()).isEqualByComparingTo("2.5");    // counted hours
            assertThat(summary.get(2).getCell(1).asDate()).isEqualTo(LocalDate.of(2026, 3, 1).atStartOfDay());

            List<Row> activities = wb.getSheet(2).orElseThrow().read();
            assertThat(activities).hasSize(1 + 9);
            Cell date = activities.get(1).getCell(0);
            assertThat(date.getType()).isEqualTo(CellType.NUMBER);
            assertThat(date.asDate().toLocalDate()).isEqualTo(LocalDate.of(2025, 2, 3));
            assertThat(activities.get(1).getCellText(1)).isEqualTo("Astrid Mentor");
            assertThat(activities.get(1).getCellText(5)).isEqualTo("Yes");

            List<Row> mentors = wb.getSheet(1).orElseThrow().read();
            assertThat(mentors).hasSize(3);
            assertThat(mentors.get(1).getCell(2).getType()).isEqualTo(CellType.NUMBER);
            List<Row> rules = wb.getSheet(3).orElseThrow().read();
            assertThat(rules.get(1).getCell(1).asNumber()).isEqualByComparingTo("3");
        }
        assertThat(dao.exports(FunderFixtures.ORG, 2025)).singleElement().satisfies(x -> {
            assertThat(x.fileName()).isEqualTo("funder-2025.xlsx");
            assertThat(x.exportedBy()).isEqualTo("u-admin");
            assertThat(x.format()).isEqualTo("xlsx");
            assertThat(x.sha256()).isEqualTo(e.sha256());
            assertThat(x.exportedAt()).isEqualTo(IN_2026.instant());
        });
    }

    @Test
    void thePdfIsOneOrTwoPagesWithTheFiguresAndIsLogged() throws Exception {
        FunderReportData d = service.report(FunderFixtures.ADMIN, FunderFixtures.ORG, 2025);
        Path file = tmp.resolve("funder-2025.pdf");
        service.exportPdf(FunderFixtures.ADMIN, d, file, Locale.forLanguageTag("nb-NO"));
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            assertThat(doc.getNumberOfPages()).isBetween(1, 2);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Tilskuddsrapport", "Likeperson Nord", "Tromsø", "Bodø", "2,50", "For kort");
        }
        assertThat(dao.exports(FunderFixtures.ORG, 2025)).extracting(FunderExport::format).containsExactly("pdf");
    }

    @Test
    void noContactNameOrIdIsInEitherFile() throws Exception {
        FunderReportData d = service.report(FunderFixtures.ADMIN, FunderFixtures.ORG, 2025);
        for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("nb-NO"))) {
            Path xlsx = tmp.resolve("r-" + locale + ".xlsx");
            Path pdf = tmp.resolve("r-" + locale + ".pdf");
            service.exportXlsx(FunderFixtures.ADMIN, d, xlsx, locale);
            service.exportPdf(FunderFixtures.ADMIN, d, pdf, locale);
            String xlsxText = unzippedText(xlsx);
            String pdfText;
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                pdfText = new PDFTextStripper().getText(doc);
            }
            assertThat(xlsxText).contains("Astrid Mentor"); // the reader works: peer mentors are named
            for (String s : concat(FunderFixtures.CONTACT_NAMES, FunderFixtures.CONTACT_IDS)) {
                assertThat(xlsxText).doesNotContain(s);
                assertThat(pdfText).doesNotContain(s);
                assertThat(new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1)).doesNotContain(s);
            }
        }
    }

    private static List<String> concat(String[] a, String[] b) {
        List<String> l = new ArrayList<>(List.of(a));
        l.addAll(List.of(b));
        return l;
    }

    /** Every entry of the XLSX zip, inflated, as text. */
    static String unzippedText(Path xlsx) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(e)) {
                    sb.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return sb.toString();
    }
}
