package org.impactdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.impactdesk.access.Scope;
import org.impactdesk.service.generation.ExampleBundleFixture;
import org.impactdesk.store.Database;
import org.impactdesk.store.FreshDatabases;
import org.impactdesk.store.MigratedH2;
import org.impactdesk.store.ShareDao;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code share} on the worked example, as a person runs it: load the bundle, {@code generate},
 * then {@code share --mentor pm-1 --year 2025 --png --pdf}; the card carries the stored figures,
 * the share is counted, and a forced regeneration leaves the shared summary frozen.
 */
@MigratedH2(MigratedH2.Lifecycle.PER_CLASS)
class ShareWorkedExampleTest {
    @TempDir
    static Path tmp;
    static Path db;

    static CliRun.Result cli(String... args) {
        return CliRun.onDatabase(db, args);
    }

    @BeforeAll
    static void generate(FreshDatabases fresh) {
        db = fresh.file("example-db", ExampleBundleFixture::load);
        CliRun.Result r = cli("generate", "--year", "2025", "--period", "all", "--as-of", "2026-01-10");
        assertThat(r.code()).as(r.err()).isZero();
        // the organisation reviews each Wrapped before release (issue 19): an admin releases them
        CliRun.Result released = cli("--as", "user-ada", "release", "--year", "2025", "--all");
        assertThat(released.code()).as(released.err()).isZero();
    }

    private static ShareDao.AnnualSummaryRow row(String pm) {
        try (Database d = Database.open(db)) {
            return new ShareDao(d.jdbi()).findAnnual(pm, 2025, Scope.everything()).orElseThrow();
        }
    }

    @Test
    void sharesPm1sCardAsPngAndPdfCountsItAndFreezesTheSummary() throws Exception {
        String payloadBefore = row("pm-1").payloadJson();
        Path png = tmp.resolve("card.png");
        Path pdf = tmp.resolve("card.pdf");
        CliRun.Result r = cli("share", "--mentor", "pm-1", "--year", "2025", "--png", png.toString(), "--pdf", pdf.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Shared 1 time; the summary is now frozen.");

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1080);
        assertThat(image.getHeight()).isEqualTo(1920);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(doc);
            // pm-1's stored figures (expected/annual-2025-pm-1.json): 15.92 hours (said as the slides say it,
            // with one decimal), 17 activities, 5 people
            assertThat(text).contains("My 2025 as a peer mentor", "15.9\n", "17", "5", "Busiest month: March",
                    "Café meeting", "Worth 6,049.60 NOK to the community");
            assertThat(text).doesNotContain("Mira").doesNotContain("@").doesNotContain("c-");
        }
        ShareDao.AnnualSummaryRow shared = row("pm-1");
        assertThat(shared.sharedCount()).isEqualTo(1);
        assertThat(shared.viewedAt()).isNull();

        CliRun.Result again = cli("generate", "--year", "2025", "--period", "annual", "--as-of", "2026-01-10", "--force");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(row("pm-1").payloadJson()).as("a shared summary is frozen, even against --force").isEqualTo(payloadBefore);
        assertThat(row("pm-1").sharedCount()).isEqualTo(1);
    }

    @Test
    void anInsufficientYearIsRefusedWithTheReason() {
        CliRun.Result r = cli("share", "--mentor", "pm-3", "--year", "2025", "--png", tmp.resolve("pm3.png").toString());
        assertThat(r.code()).isEqualTo(ExitCode.REFUSED);
        assertThat(r.err()).contains("too little activity");
        assertThat(tmp.resolve("pm3.png")).doesNotExist();
    }
}
