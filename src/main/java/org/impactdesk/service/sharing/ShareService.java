package org.impactdesk.service.sharing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.UUID;
import org.impactdesk.access.Scope;
import org.impactdesk.store.ShareDao;

import org.impactdesk.domain.ShareRefusedException;
import org.impactdesk.domain.SlidePayload;
import org.impactdesk.share.PdfCardRenderer;
import org.impactdesk.share.PngCardRenderer;
import org.impactdesk.share.ShareCard;
import org.impactdesk.share.ShareCardFactory;
/**
 * Exports a mentor's annual Wrapped as share cards (PNG 1080x1920 and/or a one-page PDF) from
 * the stored payload, then counts the share atomically and records the asset keys. Only a
 * {@code ready} summary is shared; the counter only grows, and once it is above zero the
 * engine no longer recomputes the summary (frozen).
 */
public final class ShareService {

    /** What an export wrote. Paths are null for a format not asked for. */
    public record Result(UUID summaryId, int sharedCount, String imageKey, String pdfKey, Path png, Path pdf) {
    }

    private final ShareDao dao;
    private final PngCardRenderer png = new PngCardRenderer();
    private final PdfCardRenderer pdf = new PdfCardRenderer();

    public ShareService(ShareDao dao) {
        this.dao = dao;
    }

    /** The card a ready summary would share (for a preview of the card without counting). */
    public ShareCard card(String peerMentorId, int year, Scope scope) {
        ShareDao.AnnualSummaryRow row = shareable(peerMentorId, year, scope);
        return ShareCardFactory.fromPayload(SlidePayload.parse(row.payloadJson()), row.consentedDisplayName());
    }

    public Result export(String peerMentorId, int year, Scope scope, Path pngFile, Path pdfFile, Locale locale) {
        if (pngFile == null && pdfFile == null) {
            throw new IllegalArgumentException("name a PNG file, a PDF file, or both");
        }
        ShareDao.AnnualSummaryRow row = shareable(peerMentorId, year, scope);
        ShareCard card = ShareCardFactory.fromPayload(SlidePayload.parse(row.payloadJson()), row.consentedDisplayName());
        String imageKey = null;
        String pdfKey = null;
        if (pngFile != null) {
            write(pngFile, png.render(card, locale));
            imageKey = key(row.id(), "png");
        }
        if (pdfFile != null) {
            write(pdfFile, pdf.render(card, locale));
            pdfKey = key(row.id(), "pdf");
        }
        if (!dao.incrementShared(row.id(), imageKey, pdfKey)) {
            throw new ShareRefusedException("the Wrapped " + year + " of " + peerMentorId
                    + " stopped being ready while it was exported; nothing was counted");
        }
        return new Result(row.id(), row.sharedCount() + 1, imageKey, pdfKey, pngFile, pdfFile);
    }

    /** The object-storage style key of a card: {@code share/annual/<summary id>/card.png}. */
    public static String key(UUID summaryId, String extension) {
        return "share/annual/" + summaryId + "/card." + extension;
    }

    private ShareDao.AnnualSummaryRow shareable(String peerMentorId, int year, Scope scope) {
        ShareDao.AnnualSummaryRow row = dao.findAnnual(peerMentorId, year, scope)
                .orElseThrow(() -> new ShareNotFoundException("No annual summary " + year + " for peer mentor "
                        + peerMentorId + " (in what " + who(scope) + " may see)"));
        if (!"ready".equals(row.status())) {
            String why = "insufficient".equals(row.status())
                    ? "there was too little activity for a Wrapped, so it is never shared"
                    : "its status is '" + row.status() + "', and only a ready summary is shared";
            throw new ShareRefusedException("The Wrapped " + year + " of peer mentor " + peerMentorId
                    + " cannot be shared: " + why);
        }
        return row;
    }

    private static String who(Scope scope) {
        return scope.userId() == null ? "the local operator" : "user " + scope.userId();
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Path absolute = file.toAbsolutePath();
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            Path tmp = Files.createTempFile(absolute.getParent(), ".card-", ".tmp");
            org.impactdesk.domain.PrivateFiles.write(tmp, bytes); // 0600, kept by the move
            Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

}
