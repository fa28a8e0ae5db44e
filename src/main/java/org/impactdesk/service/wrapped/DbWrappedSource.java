package org.impactdesk.service.wrapped;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.SlidePayload;
import org.impactdesk.service.sharing.ShareService;
import org.impactdesk.store.ShareDao;
import org.impactdesk.store.WrappedDao;

/** The previewer's data from the database, through scoped DAOs. */
public final class DbWrappedSource implements WrappedSource {
    private final WrappedDao wrappedDao;
    private final ShareDao shareDao;
    private final ShareService shareService;
    private final PreviewEngine previewEngine;

    public DbWrappedSource(WrappedDao wrappedDao, ShareDao shareDao, ShareService shareService, PreviewEngine previewEngine) {
        this.wrappedDao = wrappedDao;
        this.shareDao = shareDao;
        this.shareService = shareService;
        this.previewEngine = previewEngine;
    }

    @Override
    public List<MentorChoice> mentors(Actor actor) {
        return wrappedDao.mentors(actor.scope()).stream()
                .map(m -> new MentorChoice(m.peerMentorId(), m.displayName()))
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
            var viewedAt = recorded
                    ? shareDao.findAnnual(peerMentorId, year, actor.scope()).map(ShareDao.AnnualSummaryRow::viewedAt).orElse(null)
                    : row.viewedAt();
            return new StoredWrapped(SlidePayload.parse(row.payloadJson()), row.status(), row.generatedAt(),
                    row.sharedCount(), viewedAt, recorded, row.organizationZone());
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
