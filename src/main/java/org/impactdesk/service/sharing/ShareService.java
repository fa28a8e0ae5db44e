package org.impactdesk.service.sharing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.UUID;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Scope;
import org.impactdesk.domain.ShareRefusedException;
import org.impactdesk.domain.SlidePayload;
import org.impactdesk.share.PdfCardRenderer;
import org.impactdesk.share.PngCardRenderer;
import org.impactdesk.share.ShareCard;
import org.impactdesk.share.ShareCardFactory;
import org.impactdesk.store.ShareDao;
/**
 * Exports a mentor's annual Wrapped as share cards (PNG 1080x1920 and/or a one-page PDF) from
 * the stored payload, then counts the share atomically and records the asset keys. Only a
 * {@code ready} summary is shared; the counter only grows, and once it is above zero the
 * engine no longer recomputes the summary (frozen).
 *
 * <p>A share is the mentor's own, or the operator's {@code share} command publishing for them
 * ({@link #export}). An export by anyone else from the Wrapped previewer is a <em>proof</em>
 * ({@link #proof}): the same card, but not counted, not freezing, no asset keys recorded, and
 * "proof" in its file name and its metadata. {@link #exportFor} decides between the two for the
 * window's user.
 */
public final class ShareService {

    /**
     * What an export wrote. Paths are null for a format not asked for; a proof records no keys
     * and its {@code sharedCount} is the unchanged count.
     */
    public record Result(UUID summaryId, int sharedCount, String imageKey, String pdfKey, Path png, Path pdf,
                         boolean proof) {
    }

    /** The word a proof's file name carries before its extension. */
    public static final String PROOF_MARK = "proof";

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
        if (dao.awaitsRelease(row.id())) {
            throw new ShareRefusedException("The Wrapped " + year + " of peer mentor " + peerMentorId
                    + " cannot be shared yet: its organisation reviews each Wrapped before release, and an "
                    + "administrator has not released this one.");
        }
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
        return new Result(row.id(), row.sharedCount() + 1, imageKey, pdfKey, pngFile, pdfFile, false);
    }

    /**
     * An export from the window's previewer: the mentor's own is a share ({@link #export});
     * anyone else's (an admin, a coordinator) is a {@link #proof}.
     */
    public Result exportFor(Actor actor, String peerMentorId, int year, Path pngFile, Path pdfFile, Locale locale) {
        return sharesAsMentor(actor, peerMentorId)
                ? export(peerMentorId, year, actor.scope(), pngFile, pdfFile, locale)
                : proof(peerMentorId, year, actor.scope(), pngFile, pdfFile, locale);
    }

    /** True when an export by this user is the mentor's own share rather than a proof. */
    public static boolean sharesAsMentor(Actor actor, String peerMentorId) {
        return peerMentorId != null && peerMentorId.equals(actor.peerMentorId());
    }

    /**
     * Writes the card as a proof: nothing is counted or recorded, the summary is not frozen,
     * the PNG's and the PDF's metadata say "proof", and a file name without the word gets
     * {@code -proof} before its extension (the result names the files written).
     */
    public Result proof(String peerMentorId, int year, Scope scope, Path pngFile, Path pdfFile, Locale locale) {
        if (pngFile == null && pdfFile == null) {
            throw new IllegalArgumentException("name a PNG file, a PDF file, or both");
        }
        ShareDao.AnnualSummaryRow row = shareable(peerMentorId, year, scope);
        ShareCard card = ShareCardFactory.fromPayload(SlidePayload.parse(row.payloadJson()), row.consentedDisplayName());
        Path pngProof = proofName(pngFile);
        Path pdfProof = proofName(pdfFile);
        if (pngProof != null) {
            write(pngProof, png.render(card, locale, true));
        }
        if (pdfProof != null) {
            write(pdfProof, pdf.render(card, locale, true));
        }
        return new Result(row.id(), row.sharedCount(), null, null, pngProof, pdfProof, true);
    }

    /**
     * The file name a proof is written under: unchanged when it already says "proof" (in any
     * case), else with {@code -proof} before the extension ({@code wrapped-2025.png} becomes
     * {@code wrapped-2025-proof.png}).
     */
    public static Path proofName(Path file) {
        if (file == null) {
            return null;
        }
        String name = file.getFileName().toString();
        if (name.toLowerCase(Locale.ROOT).contains(PROOF_MARK)) {
            return file;
        }
        int dot = name.lastIndexOf('.');
        String marked = dot > 0
                ? name.substring(0, dot) + "-" + PROOF_MARK + name.substring(dot)
                : name + "-" + PROOF_MARK;
        return file.resolveSibling(marked);
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
