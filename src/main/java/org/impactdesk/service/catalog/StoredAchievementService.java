package org.impactdesk.service.catalog;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.impactdesk.access.Actor;
import org.impactdesk.achievement.AchievementRules;
import org.impactdesk.achievement.AwardEvaluator;
import org.impactdesk.domain.Achievement;
import org.impactdesk.domain.AchievementDraft;
import org.impactdesk.domain.Award;
import org.impactdesk.domain.MentorChoice;
import org.impactdesk.domain.MentorFacts;
import org.impactdesk.domain.OrganizationSettings;
import org.impactdesk.domain.Points;
import org.impactdesk.domain.Problem;
import org.impactdesk.domain.TriggerType;
import org.impactdesk.store.AchievementDao;
import org.jdbi.v3.core.Jdbi;
/**
 * {@link AchievementService} over the database: the tenant's catalog, save (which awards what the
 * badge earns at once, in one transaction), deactivate/reactivate, reorder, manual awards, undo,
 * and the preview, which runs the evaluation saving runs without writing.
 */
public final class StoredAchievementService implements AchievementService {
    private final Jdbi jdbi;
    private final Clock clock;

    /** Where a save is recorded for other desktops to notice (V98); null: not recorded (tests). */
    private final org.impactdesk.store.DataChanges changes;

    public StoredAchievementService(Jdbi jdbi, Clock clock) {
        this(jdbi, clock, null);
    }

    public StoredAchievementService(Jdbi jdbi, Clock clock, org.impactdesk.store.DataChanges changes) {
        this.changes = changes;
        this.jdbi = jdbi;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ reads

    @Override
    public Catalog catalog(Actor actor, String tenantOrganizationId) {
        requireAdmin(actor);
        String tenant = actor.isGlobalAdmin() ? tenantOrganizationId : actor.organizationId();
        return jdbi.withExtension(AchievementDao.class, dao -> {
            List<Achievement> badges = tenant == null ? dao.platform() : dao.forTenant(tenant);
            Map<UUID, Integer> counts = dao.awardCountsInScope(actor.scope());
            List<Organization> orgs = dao.organizations().stream().map(o -> new Organization(o.id(), o.name())).toList();
            if (!actor.isGlobalAdmin()) {
                orgs = orgs.stream().filter(o -> o.id().equals(actor.organizationId())).toList();
            }
            Map<String, Set<String>> modules = new HashMap<>(dao.modulesByOrganization());
            Set<String> visible = new HashSet<>();
            orgs.forEach(o -> visible.add(o.id()));
            modules.keySet().retainAll(visible);
            return new Catalog(tenant, badges, orgs, modules, new HashSet<>(dao.activityTypes()), counts);
        });
    }

    @Override
    public List<MentorChoice> mentorsInScope(Actor actor) {
        return jdbi.withExtension(AchievementDao.class, dao -> dao.mentorsInScope(actor.scope()));
    }

    @Override
    public List<Points> points(Actor actor) {
        return jdbi.withExtension(AchievementDao.class, dao -> dao.points(actor.scope()));
    }

    @Override
    public List<Award> awardsOf(Actor actor, UUID achievementId) {
        return jdbi.withExtension(AchievementDao.class, dao -> dao.awardsOf(achievementId, actor.scope()))
                .stream().map(AchievementDao.StoredAward::award).toList();
    }

    // ------------------------------------------------------------------ changes

    /**
     * Saves the draft (creates it when its id is null) and awards at once what it earns. Refused
     * with every problem when the actor may not or an error blocks it. Uniqueness is checked against
     * the stored rows, not only the catalog the editor holds.
     */
    @Override
    public Saved save(Actor actor, AchievementDraft draft) {
        requireAdmin(actor);
        Catalog fresh = catalog(actor, draft.organizationId() == null ? null : draft.organizationId());
        List<Problem> problems = validate(actor, draft, fresh); // keys as stored now, not as the editor last saw them
        if (AchievementRules.hasErrors(problems)) {
            throw new AchievementRefusedException("Not saved", problems.stream().filter(Problem::isError).toList());
        }
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            changed(h, actor);
            AchievementDao dao = h.attach(AchievementDao.class);
            Achievement saved;
            Change.Kind kind;
            List<Achievement> restore = List.of();
            UUID created = null;
            if (draft.id() == null) {
                saved = draft.withId(UUID.randomUUID()).toAchievement(now, now);
                dao.insert(saved);
                kind = Change.Kind.CREATED;
                created = saved.id();
            } else {
                Achievement before = dao.find(draft.id()).orElseThrow(() ->
                        new AchievementRefusedException("The badge was deleted meanwhile", List.of()));
                AchievementRules.editRefusal(actor, before.organizationId()).ifPresent(code -> {
                    throw new AchievementRefusedException("Not saved", List.of(Problem.error(Problem.Field.OWNER, code)));
                });
                saved = draft.toAchievement(before.createdAt(), now);
                dao.update(saved);
                kind = Change.Kind.UPDATED;
                restore = List.of(before);
            }
            List<AchievementDao.StoredAward> awards = saved.active()
                    ? AchievementEvaluation.award(dao, List.of(saved), saved.organizationId(), null) : List.of();
            return new Saved(saved, awards.size(), new Change(kind, saved.key(), restore, created,
                    awards.stream().map(AchievementDao.StoredAward::id).toList()));
        });
    }

    @Override
    public Change setActive(Actor actor, UUID id, boolean active) {
        requireAdmin(actor);
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            changed(h, actor);
            AchievementDao dao = h.attach(AchievementDao.class);
            Achievement before = dao.find(id).orElseThrow(() -> new AchievementRefusedException("No such badge", List.of()));
            refuseUnlessEditable(actor, before);
            dao.setActive(id, active, AchievementDaoTime.utc(now));
            List<UUID> awards = List.of();
            if (active && !before.active()) {
                awards = AchievementEvaluation.award(dao, List.of(before.withActive(true)), before.organizationId(), null)
                        .stream().map(AchievementDao.StoredAward::id).toList();
            }
            return new Change(active ? Change.Kind.REACTIVATED : Change.Kind.DEACTIVATED, before.key(), List.of(before),
                    null, awards);
        });
    }

    /**
     * Moves a badge to position {@code targetIndex} of its category as the tenant's catalog shows
     * it. Only the moved badge's sort order changes when there is room between its new neighbours;
     * otherwise the category is renumbered 10, 20, ..., which needs the right to change every badge
     * whose number changes (an org admin never moves platform badges). Null when nothing moves.
     */
    @Override
    public Change move(Actor actor, String tenantOrganizationId, UUID id, int targetIndex) {
        requireAdmin(actor);
        Catalog catalog = catalog(actor, tenantOrganizationId);
        Achievement moving = catalog.badge(id).orElseThrow(() -> new AchievementRefusedException("No such badge", List.of()));
        refuseUnlessEditable(actor, moving);
        List<Achievement> category = catalog.badges().stream().filter(b -> b.category().equals(moving.category()))
                .sorted(DISPLAY_ORDER).toList();
        int from = category.indexOf(moving);
        int to = Math.max(0, Math.min(category.size() - 1, targetIndex));
        if (from == to) {
            return null;
        }
        List<Achievement> order = new ArrayList<>(category);
        order.remove(from);
        order.add(to, moving);
        Map<UUID, Integer> changes = new HashMap<>();
        Achievement prev = to > 0 ? order.get(to - 1) : null;
        Achievement next = to < order.size() - 1 ? order.get(to + 1) : null;
        Integer gap = null;
        if (prev == null) {
            gap = next.sortOrder() - 10;
        } else if (next == null) {
            gap = prev.sortOrder() + 10;
        } else if (next.sortOrder() - prev.sortOrder() >= 2) {
            gap = prev.sortOrder() + (next.sortOrder() - prev.sortOrder()) / 2;
        }
        if (gap != null) {
            changes.put(moving.id(), gap);
        } else {
            for (int i = 0; i < order.size(); i++) {
                if (order.get(i).sortOrder() != (i + 1) * 10) {
                    changes.put(order.get(i).id(), (i + 1) * 10);
                }
            }
        }
        List<Achievement> before = new ArrayList<>();
        for (Achievement b : order) {
            if (changes.containsKey(b.id())) {
                if (AchievementRules.editRefusal(actor, b.organizationId()).isPresent()) {
                    throw new AchievementRefusedException("Not moved", List.of(Problem.error(Problem.Field.SORT_ORDER,
                            "reorder_needs_renumbering", b.key())));
                }
                before.add(b);
            }
        }
        Instant now = clock.instant();
        jdbi.useExtension(AchievementDao.class, dao -> dao.setSortOrders(new ArrayList<>(changes.keySet()),
                changes.keySet().stream().map(changes::get).toList(), AchievementDaoTime.utc(now)));
        return new Change(Change.Kind.REORDERED, moving.key(), before, null, List.of());
    }

    /**
     * Awards a {@code manual} badge to a peer mentor in the actor's scope, in the window of today
     * (in the mentor's organisation's zone). Refused for other triggers, inactive or gated badges,
     * and a window already held.
     */
    @Override
    public Change awardManually(Actor actor, UUID achievementId, String userId) {
        requireAdmin(actor);
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            changed(h, actor);
            AchievementDao dao = h.attach(AchievementDao.class);
            Achievement a = dao.find(achievementId).orElseThrow(() -> new AchievementRefusedException("No such badge", List.of()));
            MentorChoice mentor = dao.mentorsInScope(actor.scope()).stream()
                    .filter(m -> m.userId().equals(userId)).findFirst()
                    .orElseThrow(() -> refused("manual_not_in_scope"));
            if (a.triggerType() != TriggerType.MANUAL) {
                throw refused("manual_only_for_manual");
            }
            Set<String> modules = dao.modulesByOrganization().getOrDefault(mentor.organizationId(), Set.of());
            if (!AchievementRules.evaluable(a, mentor.organizationId(), modules)) {
                throw refused(a.active() ? "manual_not_available" : "manual_inactive");
            }
            ZoneId zone = dao.timeZone(mentor.organizationId()).filter(z -> !z.isBlank()).map(ZoneId::of)
                    .orElse(OrganizationSettings.DEFAULT_ZONE);
            String key = a.periodKey(LocalDate.ofInstant(now, zone));
            List<String> held = dao.awardsOf(a.id(), actor.scope()).stream()
                    .filter(s -> s.award().userId().equals(userId)).map(s -> s.award().periodKey()).toList();
            Award award = new Award(a.id(), userId, key, now, actor.isLocalOperator() ? "local_operator" : actor.userId());
            if (AwardEvaluator.notYetHeld(a, List.of(award), held).isEmpty()) {
                throw refused("manual_already_held");
            }
            List<AchievementDao.StoredAward> written = dao.insertAwards(List.of(award));
            return new Change(Change.Kind.AWARDED, a.key(), List.of(), null,
                    written.stream().map(AchievementDao.StoredAward::id).toList());
        });
    }

    @Override
    public void undo(Actor actor, Change change) {
        requireAdmin(actor);
        jdbi.useTransaction(h -> {
            changed(h, actor);
            AchievementDao dao = h.attach(AchievementDao.class);
            for (Achievement r : change.restore()) {
                refuseUnlessEditable(actor, r);
            }
            dao.deleteAwards(change.deleteAwards());
            if (change.deleteBadge() != null) {
                dao.find(change.deleteBadge()).ifPresent(b -> refuseUnlessEditable(actor, b));
                if (dao.deleteUnawarded(change.deleteBadge()) == 0 && dao.find(change.deleteBadge()).isPresent()) {
                    throw refused("undo_create_awarded");
                }
            }
            for (Achievement r : change.restore()) {
                dao.update(r);
            }
        });
    }

    // ------------------------------------------------------------------ preview

    /**
     * Who would earn the draft if it were saved now: the peer mentors in the actor's scope (of the
     * organisations the badge reaches and whose module gate passes) whom the evaluator would give it,
     * how many awards saving would write, who already holds it, and a sample of names. It runs the
     * same evaluation saving runs, without writing. Call it off the FX thread.
     */
    @Override
    public Preview preview(Actor actor, AchievementDraft draft, Catalog catalog, java.util.Comparator<String> nameOrder) {
        if (AchievementRules.hasErrors(AchievementRules.validate(draft, context(draft, catalog)))) {
            return Preview.of(Preview.Status.INVALID);
        }
        UUID id = draft.id() != null ? draft.id() : new UUID(0, 0);
        Instant now = clock.instant();
        Achievement a = draft.withId(id).toAchievement(now, now);
        if (!a.active()) {
            return Preview.of(Preview.Status.INACTIVE);
        }
        if (a.triggerType() == TriggerType.MANUAL) {
            return Preview.of(Preview.Status.MANUAL);
        }
        String orgFilter = actor.isGlobalAdmin() ? a.organizationId() : actor.organizationId();
        return jdbi.withExtension(AchievementDao.class, dao -> {
            int[] n = new int[4]; // mentors, earners, new awards, holding
            List<String> names = new ArrayList<>();
            Map<String, Set<String>> modules = dao.modulesByOrganization();
            for (AchievementDao.OrganizationRef o : dao.organizations()) {
                String org = o.id();
                if ((orgFilter != null && !orgFilter.equals(org))
                        || !AchievementRules.evaluable(a, org, modules.getOrDefault(org, Set.of()))) {
                    continue;
                }
                ZoneId zone = AchievementEvaluation.zoneOf(dao, org);
                Map<String, List<String>> heldByUser = dao.heldOfBadge(org, a.id());
                for (PreviewEarnings.Earning e : PreviewEarnings.of(dao, a, org, zone,
                        () -> cachedFacts(catalog, org, () -> dao.facts(org, zone, null)))) {
                    n[0]++;
                    if (e.earnedKeys().isEmpty()) {
                        continue;
                    }
                    n[1]++;
                    n[2] += AwardEvaluator.notYetHeldKeys(a, e.earnedKeys(), heldByUser.getOrDefault(e.userId(), List.of())).size();
                    if (heldByUser.containsKey(e.userId())) {
                        n[3]++;
                    }
                    names.add(e.displayName());
                }
            }
            List<String> gated = new ArrayList<>();
            if (a.requiresModule() != null) {
                for (AchievementDao.OrganizationRef o : dao.organizations()) {
                    if ((orgFilter == null || orgFilter.equals(o.id())) && AchievementRules.appliesTo(a, o.id())
                            && !modules.getOrDefault(o.id(), Set.of()).contains(a.requiresModule())) {
                        gated.add(o.name());
                    }
                }
            }
            names.sort(nameOrder);
            return new Preview(Preview.Status.COMPUTED, n[0], n[1], n[2], n[3],
                    names.subList(0, Math.min(SAMPLE_SIZE, names.size())), gated);
        });
    }

    // ------------------------------------------------------------------ helpers

    /**
     * The mentors' facts of an organisation, kept while the editor works on the same catalog
     * instance: a preview per change then costs the evaluation, not a reread of every activity.
     * The editor loads a new catalog after every change and on refresh (after a sync).
     */
    private List<MentorFacts> cachedFacts(Catalog catalog, String org, java.util.function.Supplier<List<MentorFacts>> load) {
        synchronized (factsCache) {
            if (factsCacheFor != catalog) {
                factsCache.clear();
                factsCacheFor = catalog;
            }
            List<MentorFacts> f = factsCache.get(org);
            if (f == null) {
                f = load.get();
                factsCache.put(org, f);
            }
            return f;
        }
    }

    private final Map<String, List<MentorFacts>> factsCache = new HashMap<>();
    private Catalog factsCacheFor;

    private static void requireAdmin(Actor actor) {
        if (!actor.isAdmin()) {
            throw refused("admins_only");
        }
    }

    private static void refuseUnlessEditable(Actor actor, Achievement a) {
        AchievementRules.editRefusal(actor, a.organizationId()).ifPresent(code -> {
            throw refused(code);
        });
    }

    private static AchievementRefusedException refused(String code) {
        return new AchievementRefusedException("Refused", List.of(Problem.error(Problem.Field.OWNER, code)));
    }

    /** UTC offsets for the DAO's timestamp binds. */
    private static final class AchievementDaoTime {
        static java.time.OffsetDateTime utc(Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
    }

    /** Other desktops on a team database see that the catalog changed, and by whom (V98). */
    private void changed(org.jdbi.v3.core.Handle h, Actor actor) {
        if (changes != null) {
            changes.recordIn(h, org.impactdesk.store.DataChanges.What.CATALOG,
                    org.impactdesk.service.changes.StoredChangeWatch.nameOf(actor), clock.instant());
        }
    }
}
