package org.impactdesk.ui.wrapped;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.SlidePayload;
import org.impactdesk.service.sharing.ShareService;
import org.impactdesk.service.wrapped.WrappedSource;

/** An in-memory source: stored summaries by (mentor, year), previews, and a log of exports. */
final class FakeWrappedSource implements WrappedSource {
    final List<MentorChoice> mentors = new ArrayList<>();
    final Map<String, StoredWrapped> stored = new HashMap<>();
    final Map<String, SlidePayload> previews = new HashMap<>();
    final List<String> exports = new ArrayList<>();
    final List<Locale> exportLocales = new ArrayList<>();

    void store(String pm, int year, SlidePayload p, String status, int shared) {
        store(pm, year, p, status, shared, null);
    }

    void store(String pm, int year, SlidePayload p, String status, int shared, String cardFirstName) {
        stored.put(pm + "/" + year, new StoredWrapped(p, status, Instant.parse("2026-01-05T08:30:00Z"), shared, null, false,
                java.time.ZoneId.of("Europe/Oslo"), cardFirstName));
    }

    @Override
    public List<MentorChoice> mentors(Actor actor) {
        return mentors;
    }

    @Override
    public List<Integer> years(String peerMentorId, Actor actor) {
        return stored.keySet().stream().filter(k -> k.startsWith(peerMentorId + "/"))
                .map(k -> Integer.parseInt(k.substring(k.indexOf('/') + 1))).sorted((a, b) -> b - a).toList();
    }

    @Override
    public Optional<StoredWrapped> annual(String peerMentorId, int year, Actor actor) {
        return Optional.ofNullable(stored.get(peerMentorId + "/" + year));
    }

    @Override
    public Optional<SlidePayload> preview(String peerMentorId, int year, Actor actor) {
        return Optional.ofNullable(previews.get(peerMentorId + "/" + year));
    }

    @Override
    public ShareService.Result export(String peerMentorId, int year, Actor actor, Path png, Path pdf, Locale locale) {
        exportLocales.add(locale);
        exports.add(peerMentorId + "/" + year + " png=" + png + " pdf=" + pdf);
        if (ShareService.sharesAsMentor(actor, peerMentorId)) {
            return new ShareService.Result(java.util.UUID.randomUUID(), exports.size(), null, null, png, pdf, false);
        }
        StoredWrapped w = stored.get(peerMentorId + "/" + year);
        return new ShareService.Result(java.util.UUID.randomUUID(), w == null ? 0 : w.sharedCount(), null, null,
                ShareService.proofName(png), ShareService.proofName(pdf), true);
    }
}
