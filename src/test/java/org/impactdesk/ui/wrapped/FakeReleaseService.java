package org.impactdesk.ui.wrapped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.ReleaseLine;
import org.impactdesk.service.release.ReleaseRefusedException;
import org.impactdesk.service.release.ReleaseService;

/**
 * {@link ReleaseService} in memory for ViewModel tests: lines by mentor, with the release rules
 * of the stored one (only admins release or hold; a release leaves held ones held unless named,
 * never releases twice; every new release "sends" one message).
 */
final class FakeReleaseService implements ReleaseService {
    final Map<String, ReleaseLine> lines = new LinkedHashMap<>();
    final List<String> calls = new ArrayList<>();
    int messagesSent;

    void add(String peerMentorId, String name, String status) {
        add(peerMentorId, name, status, "o1", "Fjordlys");
    }

    void add(String peerMentorId, String name, String status, String organizationId, String organizationName) {
        lines.put(peerMentorId, new ReleaseLine(UUID.randomUUID(), peerMentorId, "u-" + peerMentorId, name, organizationId,
                organizationName, 2025, status, true, null, null, null, null, null, null, null));
    }

    ReleaseLine.State state(String peerMentorId) {
        return lines.get(peerMentorId).state();
    }

    @Override
    public List<ReleaseLine> lines(int year, String organizationId, Actor actor) {
        calls.add("lines " + year + (organizationId == null ? "" : " of " + organizationId));
        return lines.values().stream().filter(l -> l.year() == year)
                .filter(l -> organizationId == null || organizationId.equals(l.organizationId())).toList();
    }

    @Override
    public List<Integer> years(Actor actor) {
        return lines.values().stream().map(ReleaseLine::year).distinct().sorted(java.util.Comparator.reverseOrder()).toList();
    }

    @Override
    public void markPreviewed(String peerMentorId, int year, Actor actor) {
        ReleaseLine l = lines.get(peerMentorId);
        lines.put(peerMentorId, with(l, Instant.parse("2026-01-05T10:00:00Z"), actor.userId(), l.heldAt(), l.heldBy(),
                l.heldReason(), l.releasedAt(), l.releasedBy()));
    }

    @Override
    public void hold(String peerMentorId, int year, String reason, Actor actor) {
        requireAdmin(actor);
        calls.add("hold " + peerMentorId + " " + reason);
        ReleaseLine l = lines.get(peerMentorId);
        if (l.state() == ReleaseLine.State.RELEASED) {
            throw new ReleaseRefusedException("The Wrapped " + year + " of " + peerMentorId + " is released already");
        }
        lines.put(peerMentorId, with(l, l.previewedAt(), l.previewedBy(), Instant.parse("2026-01-05T11:00:00Z"), actor.userId(),
                reason, null, null));
    }

    @Override
    public Outcome release(int year, String organizationId, Selection selection, String peerMentorId, Actor actor) {
        requireAdmin(actor);
        calls.add("release " + selection + (peerMentorId == null ? "" : " " + peerMentorId)
                + (organizationId == null ? "" : " of " + organizationId) + " in " + year);
        int released = 0;
        int already = 0;
        int held = 0;
        int notReady = 0;
        for (ReleaseLine l : List.copyOf(lines.values())) {
            if (selection == Selection.MENTOR && !l.peerMentorId().equals(peerMentorId) || l.year() != year
                    || organizationId != null && !organizationId.equals(l.organizationId())) {
                continue;
            }
            if (!l.ready()) {
                notReady++;
            } else if (l.state() == ReleaseLine.State.RELEASED) {
                already++;
            } else if (selection != Selection.MENTOR && l.state() == ReleaseLine.State.HELD) {
                held++;
            } else if (selection != Selection.PREVIEWED || l.state() == ReleaseLine.State.PREVIEWED) {
                lines.put(l.peerMentorId(), with(l, l.previewedAt(), l.previewedBy(), null, null, null,
                        Instant.parse("2026-01-05T12:00:00Z"), actor.userId()));
                released++;
            }
        }
        messagesSent += released;
        return new Outcome(released, already, held, notReady, released);
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.isAdmin()) {
            throw new ReleaseRefusedException("Only an administrator may release a Wrapped.");
        }
    }

    private static ReleaseLine with(ReleaseLine l, Instant previewedAt, String previewedBy, Instant heldAt, String heldBy,
                                    String reason, Instant releasedAt, String releasedBy) {
        return new ReleaseLine(l.summaryId(), l.peerMentorId(), l.userId(), l.displayName(), l.organizationId(),
                l.organizationName(), l.year(),
                l.status(), l.reviewRequired(), previewedAt, previewedBy, heldAt, heldBy, reason, releasedAt, releasedBy);
    }
}
