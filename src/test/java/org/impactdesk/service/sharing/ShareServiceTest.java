package org.impactdesk.service.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.impactdesk.access.Scope;
import org.impactdesk.domain.ShareRefusedException;
import org.impactdesk.store.Database;
import org.impactdesk.store.MigratedH2;
import org.impactdesk.store.ShareDao;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
@MigratedH2
class ShareServiceTest {
    @TempDir
    Path tmp;
    Database db;
    ShareDao dao;
    ShareService service;

    @BeforeEach
    void open(Database db) {
        this.db = db;
        WrappedFixtures.people(db);
        dao = new ShareDao(db.jdbi());
        service = new ShareService(dao);
    }

    @Test
    void exportWritesA1080x1920PngAndAOnePagePdfAndCountsTheShare() throws Exception {
        UUID id = WrappedFixtures.summary(db, WrappedFixtures.MENTOR, 2025, "ready",
                WrappedFixtures.resource("payload-wrapped-2025.json"));
        Path png = tmp.resolve("out/card.png");
        Path pdf = tmp.resolve("out/card.pdf");

        ShareService.Result r = service.export(WrappedFixtures.MENTOR, 2025, Scope.everything(), png, pdf, Locale.ENGLISH);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1080);
        assertThat(image.getHeight()).isEqualTo(1920);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            float ratio = doc.getPage(0).getMediaBox().getHeight() / doc.getPage(0).getMediaBox().getWidth();
            assertThat(ratio).isEqualTo(16f / 9f, org.assertj.core.data.Offset.offset(0.001f));
        }
        assertThat(r.sharedCount()).isEqualTo(1);
        assertThat(r.imageKey()).isEqualTo("share/annual/" + id + "/card.png");
        assertThat(r.pdfKey()).isEqualTo("share/annual/" + id + "/card.pdf");
        ShareDao.AnnualSummaryRow row = dao.findAnnual(WrappedFixtures.MENTOR, 2025, Scope.everything()).orElseThrow();
        assertThat(row.sharedCount()).isEqualTo(1);
        assertThat(row.shareImageKey()).isEqualTo(r.imageKey());
        assertThat(row.sharePdfKey()).isEqualTo(r.pdfKey());
        assertThat(row.viewedAt()).as("sharing is not viewing").isNull();
    }

    @Test
    void everyExportCountsOnceAndAPngOnlyExportKeepsThePdfKey() {
        WrappedFixtures.summary(db, WrappedFixtures.MENTOR, 2025, "ready", WrappedFixtures.resource("payload-wrapped-2025.json"));
        service.export(WrappedFixtures.MENTOR, 2025, Scope.everything(), null, tmp.resolve("a.pdf"), Locale.ENGLISH);
        ShareService.Result second = service.export(WrappedFixtures.MENTOR, 2025, Scope.everything(),
                tmp.resolve("b.png"), null, Locale.ENGLISH);
        assertThat(second.sharedCount()).isEqualTo(2);
        ShareDao.AnnualSummaryRow row = dao.findAnnual(WrappedFixtures.MENTOR, 2025, Scope.everything()).orElseThrow();
        assertThat(row.sharedCount()).isEqualTo(2);
        assertThat(row.sharePdfKey()).endsWith("/card.pdf");
        assertThat(row.shareImageKey()).endsWith("/card.png");
        assertThat(Files.exists(tmp.resolve("b.png"))).isTrue();
    }

    @Test
    void concurrentExportsAllCount() throws Exception {
        WrappedFixtures.summary(db, WrappedFixtures.MENTOR, 2025, "ready", WrappedFixtures.resource("payload-wrapped-2025.json"));
        UUID id = dao.findAnnual(WrappedFixtures.MENTOR, 2025, Scope.everything()).orElseThrow().id();
        int threads = 8;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        var start = new java.util.concurrent.CountDownLatch(1);
        var futures = new java.util.ArrayList<java.util.concurrent.Future<Boolean>>();
        for (int i = 0; i < threads; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return dao.incrementShared(id, ShareService.key(id, "png"), null);
            }));
        }
        start.countDown();
        for (var f : futures) {
            assertThat(f.get()).isTrue();
        }
        pool.shutdown();
        assertThat(dao.findAnnual(WrappedFixtures.MENTOR, 2025, Scope.everything()).orElseThrow().sharedCount())
                .isEqualTo(threads);
    }

    @Test
    void anAdminsExportIsAProofThatCountsNothingFreezesNothingAndSaysProof() throws Exception {
        UUID id = WrappedFixtures.summary(db, WrappedFixtures.MENTOR, 2025, "ready",
                WrappedFixtures.resource("payload-wrapped-2025.json"));
        String updatedBefore = updatedAt(id);
        Actor admin = new Actor("user-ada", "Ada Admin", "org-1", Set.of(Role.ORG_ADMIN), null);

        ShareService.Result r = service.exportFor(admin, WrappedFixtures.MENTOR, 2025,
                tmp.resolve("out/wrapped-2025.png"), tmp.resolve("out/Card.PDF"), Locale.ENGLISH);

        assertThat(r.proof()).isTrue();
        assertThat(r.png()).isEqualTo(tmp.resolve("out/wrapped-2025-proof.png"));
        assertThat(r.pdf()).isEqualTo(tmp.resolve("out/Card-proof.PDF"));
        assertThat(tmp.resolve("out/wrapped-2025.png")).doesNotExist();
        assertThat(tmp.resolve("out/Card.PDF")).doesNotExist();
        assertThat(r.sharedCount()).isZero();
        assertThat(r.imageKey()).isNull();
        assertThat(r.pdfKey()).isNull();
        ShareDao.AnnualSummaryRow row = dao.findAnnual(WrappedFixtures.MENTOR, 2025, Scope.everything()).orElseThrow();
        assertThat(row.sharedCount()).as("a proof is not a share").isZero();
        assertThat(row.isShared()).isFalse();
        assertThat(row.shareImageKey()).isNull();
        assertThat(row.sharePdfKey()).isNull();
        assertThat(updatedAt(id)).as("the row is not touched").isEqualTo(updatedBefore);

        try (PDDocument doc = Loader.loadPDF(r.pdf().toFile())) {
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Wrapped 2025 (proof)");
            assertThat(doc.getDocumentInformation().getSubject()).contains("Proof").contains("not counted");
            assertThat(doc.getDocumentInformation().getKeywords()).startsWith("proof");
        }
        assertThat(pngText(r.png())).containsEntry("Title", "Wrapped 2025 (proof)")
                .hasEntrySatisfying("Description", d -> assertThat(d).contains("not counted"));
    }

    @Test
    void theMentorsOwnExportIsAShareAndAFileNameThatSaysProofIsKept() throws Exception {
        WrappedFixtures.summary(db, WrappedFixtures.MENTOR, 2025, "ready", WrappedFixtures.resource("payload-wrapped-2025.json"));
        Actor mira = new Actor(WrappedFixtures.MENTOR_USER, "Mira", "org-1", Set.of(Role.PEER_MENTOR), WrappedFixtures.MENTOR);
        ShareService.Result shared = service.exportFor(mira, WrappedFixtures.MENTOR, 2025, tmp.resolve("mine.png"), null,
                Locale.ENGLISH);
        assertThat(shared.proof()).isFalse();
        assertThat(shared.png()).isEqualTo(tmp.resolve("mine.png"));
        assertThat(pngText(shared.png())).containsEntry("Title", "Wrapped 2025").doesNotContainKey("Description");
        assertThat(dao.findAnnual(WrappedFixtures.MENTOR, 2025, Scope.everything()).orElseThrow().sharedCount()).isEqualTo(1);

        Actor kim = new Actor("user-kim", "Kim", "org-1", Set.of(Role.COORDINATOR, Role.ORG_ADMIN), null);
        ShareService.Result proof = service.exportFor(kim, WrappedFixtures.MENTOR, 2025, tmp.resolve("PROOF for board.png"),
                null, Locale.ENGLISH);
        assertThat(proof.png()).isEqualTo(tmp.resolve("PROOF for board.png"));
        assertThat(proof.sharedCount()).as("the count as it stands").isEqualTo(1);
        assertThat(dao.findAnnual(WrappedFixtures.MENTOR, 2025, Scope.everything()).orElseThrow().sharedCount()).isEqualTo(1);
        assertThat(ShareService.proofName(Path.of("card"))).isEqualTo(Path.of("card-proof"));
    }

    @Test
    void aProofFollowsTheSameRulesAsAShare() {
        WrappedFixtures.summary(db, WrappedFixtures.MENTOR, 2025, "insufficient",
                WrappedFixtures.resource("payload-encouragement-2025.json"));
        assertThatThrownBy(() -> service.proof(WrappedFixtures.MENTOR, 2025, Scope.everything(), tmp.resolve("p.png"), null,
                Locale.ENGLISH)).isInstanceOf(ShareRefusedException.class).hasMessageContaining("too little activity");
        assertThatThrownBy(() -> service.proof(WrappedFixtures.MENTOR, 2025,
                Scope.associations(WrappedFixtures.COORDINATOR, "org-1"), tmp.resolve("p.png"), null, Locale.ENGLISH))
                .isInstanceOf(ShareNotFoundException.class);
        assertThatThrownBy(() -> service.proof(WrappedFixtures.MENTOR, 2025, Scope.everything(), null, null, Locale.ENGLISH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(tmp.resolve("p-proof.png")).doesNotExist();
    }

    private String updatedAt(UUID id) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT CAST(updated_at AS VARCHAR) FROM annual_summaries WHERE id = :id")
                .bind("id", id).mapTo(String.class).one());
    }

    private static java.util.Map<String, String> pngText(Path png) throws Exception {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        try (var in = ImageIO.createImageInputStream(png.toFile())) {
            var reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            var tree = (org.w3c.dom.Element) reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            var entries = tree.getElementsByTagName("tEXtEntry");
            for (int i = 0; i < entries.getLength(); i++) {
                var e = (org.w3c.dom.Element) entries.item(i);
                out.put(e.getAttribute("keyword"), e.getAttribute("value"));
            }
            reader.dispose();
        }
        return out;
    }

    @Test
    void onlyAReadySummaryIsShared() {
        WrappedFixtures.summary(db, WrappedFixtures.MENTOR, 2025, "insufficient",
                WrappedFixtures.resource("payload-encouragement-2025.json"));
        WrappedFixtures.summary(db, WrappedFixtures.MENTOR, 2024, "generating",
                WrappedFixtures.resource("payload-wrapped-2025.json").replace("\"year\": 2025,\n  \"preview\"", "\"year\": 2024,\n  \"preview\""));
        Path png = tmp.resolve("refused.png");
        assertThatThrownBy(() -> service.export(WrappedFixtures.MENTOR, 2025, Scope.everything(), png, null, Locale.ENGLISH))
                .isInstanceOf(ShareRefusedException.class).hasMessageContaining("too little activity");
        assertThatThrownBy(() -> service.export(WrappedFixtures.MENTOR, 2024, Scope.everything(), png, null, Locale.ENGLISH))
                .isInstanceOf(ShareRefusedException.class).hasMessageContaining("'generating'");
        assertThat(png).doesNotExist();
        assertThat(dao.findAnnual(WrappedFixtures.MENTOR, 2025, Scope.everything()).orElseThrow().sharedCount()).isZero();
        assertThat(dao.findAnnual(WrappedFixtures.MENTOR, 2025, Scope.everything()).orElseThrow().shareImageKey()).isNull();
    }

    @Test
    void aSummaryOutsideTheScopeIsNotFound() {
        WrappedFixtures.summary(db, WrappedFixtures.MENTOR, 2025, "ready", WrappedFixtures.resource("payload-wrapped-2025.json"));
        // the coordinator sees la-2 only; Mira is in la-1
        Scope kim = Scope.associations(WrappedFixtures.COORDINATOR, "org-1");
        assertThatThrownBy(() -> service.export(WrappedFixtures.MENTOR, 2025, kim, tmp.resolve("x.png"), null, Locale.ENGLISH))
                .isInstanceOf(ShareNotFoundException.class).hasMessageContaining("user-kim");
        Scope otherMentor = Scope.self("user-olaf", "org-1", WrappedFixtures.OTHER_MENTOR);
        assertThatThrownBy(() -> service.export(WrappedFixtures.MENTOR, 2025, otherMentor, tmp.resolve("x.png"), null, Locale.ENGLISH))
                .isInstanceOf(ShareNotFoundException.class);
        assertThatThrownBy(() -> service.export(WrappedFixtures.MENTOR, 2019, Scope.everything(), tmp.resolve("x.png"), null, Locale.ENGLISH))
                .isInstanceOf(ShareNotFoundException.class).hasMessageContaining("2019");
        Scope self = Scope.self(WrappedFixtures.MENTOR_USER, "org-1", WrappedFixtures.MENTOR);
        assertThat(service.export(WrappedFixtures.MENTOR, 2025, self, tmp.resolve("own.png"), null, Locale.ENGLISH).sharedCount())
                .isEqualTo(1);
    }

    @Test
    void theFirstNameAppearsOnlyAfterTheMentorOptsIn() {
        WrappedFixtures.summary(db, WrappedFixtures.MENTOR, 2025, "ready", WrappedFixtures.resource("payload-wrapped-2025.json"));
        assertThat(service.card(WrappedFixtures.MENTOR, 2025, Scope.everything()).mentorFirstName()).isNull();
        dao.setShareFirstName(WrappedFixtures.MENTOR, true);
        assertThat(service.card(WrappedFixtures.MENTOR, 2025, Scope.everything()).mentorFirstName()).isEqualTo("Mira");
        dao.setShareFirstName(WrappedFixtures.MENTOR, false);
        assertThat(service.card(WrappedFixtures.MENTOR, 2025, Scope.everything()).mentorFirstName()).isNull();
    }

    @Test
    void viewedAtIsWrittenOnceOnly() {
        UUID id = WrappedFixtures.summary(db, WrappedFixtures.MENTOR, 2025, "ready", WrappedFixtures.resource("payload-wrapped-2025.json"));
        assertThat(dao.markViewed(id)).isTrue();
        var first = dao.findAnnual(WrappedFixtures.MENTOR, 2025, Scope.everything()).orElseThrow().viewedAt();
        assertThat(first).isNotNull();
        assertThat(dao.markViewed(id)).isFalse();
        assertThat(dao.findAnnual(WrappedFixtures.MENTOR, 2025, Scope.everything()).orElseThrow().viewedAt()).isEqualTo(first);
    }

    @Test
    void theKeyFormatIsEnforcedByTheSchema() {
        UUID id = WrappedFixtures.summary(db, WrappedFixtures.MENTOR, 2025, "ready", WrappedFixtures.resource("payload-wrapped-2025.json"));
        assertThatThrownBy(() -> dao.incrementShared(id, "cards/mira-quintavalle.png", null))
                .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("annual_share_image_key_format")); // H2 names it in capitals, PostgreSQL as written
        assertThat(dao.findAnnual(WrappedFixtures.MENTOR, 2025, Scope.everything()).orElseThrow().sharedCount()).isZero();
    }
}
