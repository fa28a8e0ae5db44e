package org.impactdesk.ui.achievements;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.impactdesk.access.Actor;
import org.impactdesk.achievement.AchievementRules;
import org.impactdesk.domain.Achievement;
import org.impactdesk.domain.AchievementDraft;
import org.impactdesk.domain.Award;
import org.impactdesk.domain.MentorChoice;
import org.impactdesk.domain.Points;
import org.impactdesk.domain.Problem;
import org.impactdesk.domain.TriggerType;
import org.impactdesk.service.catalog.AchievementRefusedException;
import org.impactdesk.service.catalog.AchievementService;

/**
 * An in-memory {@link AchievementService} for the Achievements ViewModel's tests: badges,
 * organisations and modules in maps; saving, (de)activating, reordering, manual awards and undo
 * change them; how many awards a save or a reactivation makes, and what a preview finds, are
 * given by the test (the evaluation over activities is {@code AchievementServiceTest}'s). The
 * validation is the interface's own, so the rules are the real ones. It records the calls.
 */
final class FakeAchievementService implements AchievementService {
    static final Instant NOW = Instant.parse("2026-02-01T10:00:00Z");

    final Map<UUID, Achievement> badges = new LinkedHashMap<>();
    final List<Organization> organizations = new ArrayList<>();
    final Map<String, Set<String>> modules = new HashMap<>();
    final Set<String> activityTypes = new HashSet<>(Set.of("visit", "phone_call"));
    final List<MentorChoice> mentors = new ArrayList<>();
    /** Award id -> "badge id|user id" for every award held. */
    final Map<UUID, String> awards = new LinkedHashMap<>();
    final List<String> calls = new ArrayList<>();
    /** How many awards a save or a reactivation makes (to users named "earner-n"). */
    int awardsPerEvaluation;
    /** What a preview of a valid, active, counting draft finds. */
    Preview computed = new Preview(Preview.Status.COMPUTED, 0, 0, 0, 0, List.of(), List.of());

    Achievement add(String organizationId, String key, String name, String category, TriggerType trigger,
                    Integer threshold, int sortOrder, String iconUrl) {
        Achievement a = new Achievement(UUID.randomUUID(), organizationId, key, name, name + ".", iconUrl, category,
                trigger, threshold, null, 10, false, null, true, null, sortOrder, NOW, NOW);
        badges.put(a.id(), a);
        return a;
    }

    Achievement badge(String key) {
        return badges.values().stream().filter(b -> b.key().equals(key)).findFirst().orElseThrow();
    }

    @Override
    public Catalog catalog(Actor actor, String tenantOrganizationId) {
        calls.add("catalog " + tenantOrganizationId);
        requireAdmin(actor);
        String tenant = actor.isGlobalAdmin() ? tenantOrganizationId : actor.organizationId();
        List<Achievement> shown = badges.values().stream()
                .filter(b -> b.organizationId() == null || b.organizationId().equals(tenant)).toList();
        List<Organization> orgs = organizations.stream()
                .filter(o -> actor.isGlobalAdmin() || o.id().equals(actor.organizationId())).toList();
        Map<String, Set<String>> visible = new HashMap<>();
        orgs.forEach(o -> visible.put(o.id(), modules.getOrDefault(o.id(), Set.of())));
        Map<UUID, Integer> counts = new HashMap<>();
        awards.values().forEach(a -> counts.merge(UUID.fromString(a.split("\\|")[0]), 1, Integer::sum));
        return new Catalog(tenant, shown, orgs, visible, activityTypes, counts);
    }

    @Override
    public List<MentorChoice> mentorsInScope(Actor actor) {
        return List.copyOf(mentors);
    }

    @Override
    public List<Points> points(Actor actor) {
        Map<String, Points> byUser = new LinkedHashMap<>();
        for (Award a : held()) {
            Points p = byUser.getOrDefault(a.userId(), new Points(a.userId(), 0, 0));
            byUser.put(a.userId(), new Points(a.userId(), p.points() + badges.get(a.achievementId()).points(), p.awards() + 1));
        }
        return List.copyOf(byUser.values());
    }

    @Override
    public List<Award> awardsOf(Actor actor, UUID achievementId) {
        return held().stream().filter(a -> a.achievementId().equals(achievementId)).toList();
    }

    private List<Award> held() {
        return awards.values().stream().map(h -> h.split("\\|"))
                .map(h -> new Award(UUID.fromString(h[0]), h[1], "once", NOW, "fake")).toList();
    }

    @Override
    public Saved save(Actor actor, AchievementDraft draft) {
        calls.add("save " + draft.key());
        List<Problem> problems = validate(actor, draft, catalog(actor, draft.organizationId()));
        if (AchievementRules.hasErrors(problems)) {
            throw new AchievementRefusedException("Not saved", problems.stream().filter(Problem::isError).toList());
        }
        Achievement before = draft.id() == null ? null : badges.get(draft.id());
        Achievement saved = draft.withId(draft.id() == null ? UUID.randomUUID() : draft.id())
                .toAchievement(before == null ? NOW : before.createdAt(), NOW);
        badges.put(saved.id(), saved);
        List<UUID> made = saved.active() ? evaluate(saved) : List.of();
        Change undo = before == null
                ? new Change(Change.Kind.CREATED, saved.key(), List.of(), saved.id(), made)
                : new Change(Change.Kind.UPDATED, saved.key(), List.of(before), null, made);
        return new Saved(saved, made.size(), undo);
    }

    @Override
    public Change setActive(Actor actor, UUID id, boolean active) {
        calls.add((active ? "reactivate " : "deactivate ") + badges.get(id).key());
        Achievement before = badges.get(id);
        refuseUnlessEditable(actor, before);
        badges.put(id, before.withActive(active));
        List<UUID> made = active && !before.active() ? evaluate(before) : List.of();
        return new Change(active ? Change.Kind.REACTIVATED : Change.Kind.DEACTIVATED, before.key(), List.of(before),
                null, made);
    }

    @Override
    public Change move(Actor actor, String tenantOrganizationId, UUID id, int targetIndex) {
        calls.add("move " + badges.get(id).key() + " to " + targetIndex);
        Achievement moving = badges.get(id);
        refuseUnlessEditable(actor, moving);
        List<Achievement> order = new ArrayList<>(catalog(actor, tenantOrganizationId).badges().stream()
                .filter(b -> b.category().equals(moving.category())).sorted(DISPLAY_ORDER).toList());
        if (order.indexOf(moving) == targetIndex) {
            return null;
        }
        order.remove(moving);
        order.add(targetIndex, moving);
        List<Achievement> before = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            Achievement b = order.get(i);
            if (b.sortOrder() != (i + 1) * 10) {
                before.add(b);
                badges.put(b.id(), b.withSortOrder((i + 1) * 10));
            }
        }
        return new Change(Change.Kind.REORDERED, moving.key(), before, null, List.of());
    }

    @Override
    public Change awardManually(Actor actor, UUID achievementId, String userId) {
        calls.add("award " + badges.get(achievementId).key() + " to " + userId);
        String holding = achievementId + "|" + userId;
        if (awards.containsValue(holding)) {
            throw new AchievementRefusedException("Refused",
                    List.of(Problem.error(Problem.Field.OWNER, "manual_already_held")));
        }
        UUID award = UUID.randomUUID();
        awards.put(award, holding);
        return new Change(Change.Kind.AWARDED, badges.get(achievementId).key(), List.of(), null, List.of(award));
    }

    @Override
    public void undo(Actor actor, Change change) {
        calls.add("undo " + change.kind() + " " + change.badgeKey());
        change.deleteAwards().forEach(awards::remove);
        if (change.deleteBadge() != null) {
            badges.remove(change.deleteBadge());
        }
        change.restore().forEach(r -> badges.put(r.id(), r));
    }

    @Override
    public Preview preview(Actor actor, AchievementDraft draft, Catalog catalog, java.util.Comparator<String> nameOrder) {
        calls.add("preview " + draft.key());
        if (AchievementRules.hasErrors(AchievementRules.validate(draft, context(draft, catalog)))) {
            return Preview.of(Preview.Status.INVALID);
        }
        if (!draft.active()) {
            return Preview.of(Preview.Status.INACTIVE);
        }
        if (Objects.equals(draft.triggerType(), TriggerType.MANUAL.code())) {
            return Preview.of(Preview.Status.MANUAL);
        }
        // computed.sample() holds every earner: the sample is the first of them in the reader's order
        List<String> sample = computed.sample().stream().sorted(nameOrder).limit(SAMPLE_SIZE).toList();
        return new Preview(computed.status(), computed.mentorsInScope(), computed.earners(), computed.newAwards(),
                computed.alreadyHolding(), sample, computed.gatedOrganizations());
    }

    private List<UUID> evaluate(Achievement a) {
        List<UUID> made = new ArrayList<>();
        for (int i = 1; i <= awardsPerEvaluation; i++) {
            UUID award = UUID.randomUUID();
            awards.put(award, a.id() + "|earner-" + i);
            made.add(award);
        }
        return made;
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.isAdmin()) {
            throw new AchievementRefusedException("Refused", List.of(Problem.error(Problem.Field.OWNER, "admins_only")));
        }
    }

    private static void refuseUnlessEditable(Actor actor, Achievement a) {
        AchievementRules.editRefusal(actor, a.organizationId()).ifPresent(code -> {
            throw new AchievementRefusedException("Refused", List.of(Problem.error(Problem.Field.OWNER, code)));
        });
    }
}
