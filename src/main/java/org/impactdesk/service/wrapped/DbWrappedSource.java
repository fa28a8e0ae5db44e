package org.impactdesk.service.wrapped;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.impactdesk.access.Actor;
import org.impactdesk.service.release.ReleaseService;
import org.impactdesk.domain.SlidePayload;
import org.impactdesk.service.sharing.ShareService;
import org.impactdesk.share.ShareCardFactory;
import org.impactdesk.store.ShareDao;
import org.impactdesk.store.WrappedDao;

/** The previewer's data from the database, through scoped DAOs. */
public final class DbWrappedSource implements WrappedSource {
    private final WrappedDao wrappedDao;
    private final ShareDao shareDao;
    private final ShareService shareService;
    private final PreviewEngine previewEngine;
    private final ReleaseService releases;

    public DbWrappedSource(WrappedDao wrappedDao, ShareDao shareDao, ShareService shareService, PreviewEngine previewEngine) {
        this(wrappedDao, shareDao, shareService, previewEngine, null);
    }

    /** {@code releases}: where an admin's look at a ready Wrapped is recorded as its preview (null: not recorded). */
    public DbWrappedSource(WrappedDao wrappedDao, ShareDao shareDao, ShareService shareService, PreviewEngine previewEngine,
                           ReleaseService releases) {
        this.wrappedDao = wrappedDao;
        this.shareDao = shareDao;
        this.shareService = shareService;
        this.previewEngine = previewEngine;
        this.releases = releases;
    }

    @Override
    public List<MentorChoice> mentors(Actor actor) {
        return wrappedDao.mentors(actor.scope()).stream()
                .map(m -> new MentorChoice(m.peerMentorId(), m.displayName(), m.associationName()))
                .toList();
    }

    @Override
    public List<Integer> years(String peerMentorId, Actor actor) {
        return wrappedDao.summaryYears(peerMentorId, actor.scope());
    }

    @Override
    public Optional<StoredWrapped> annual(String peerMentorId, int year, Actor actor) {
        return shareDao.findAnnual(peerMentorId, year, actor.scope()).map(row -> {
            boolean mentorsOwnLook = peerMentorId.equals(actor.peerMentorId());
            boolean recorded = mentorsOwnLook && row.viewedAt() == null && shareDao.markViewed(row.id());
            if (!mentorsOwnLook && releases != null && actor.isAdmin() && "ready".equals(row.status())) {
                releases.markPreviewed(peerMentorId, year, actor); // the review's preview: who and when, never viewed_at
            }
            var viewedAt = recorded
                    ? shareDao.findAnnual(peerMentorId, year, actor.scope()).map(ShareDao.AnnualSummaryRow::viewedAt).orElse(null)
                    : row.viewedAt();
            return new StoredWrapped(SlidePayload.parse(row.payloadJson()), row.status(), row.generatedAt(),
                    row.sharedCount(), viewedAt, recorded, row.organizationZone(),
                    ShareCardFactory.firstName(row.consentedDisplayName()));
        });
    }

    @Override
    public Optional<SlidePayload> preview(String peerMentorId, int year, Actor actor) {
        return previewEngine.previewAnnualJson(peerMentorId, year, actor).map(SlidePayload::parse);
    }

    @Override
    public ShareService.Result export(String peerMentorId, int year, Actor actor, Path png, Path pdf, Locale locale) {
        return shareService.exportFor(actor, peerMentorId, year, png, pdf, locale);
    }
}
