package org.impactdesk.service.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.impactdesk.access.Actor;
import org.impactdesk.achievement.AchievementRules;
import org.impactdesk.domain.Achievement;
import org.impactdesk.domain.AchievementDraft;
import org.impactdesk.domain.Award;
import org.impactdesk.domain.MentorChoice;
import org.impactdesk.domain.Points;
import org.impactdesk.domain.Problem;
/**
 * The catalog editor's service, for the signed-in {@link Actor}: the tenant's catalog with the
 * modules each badge needs, validation with the actor's rights, save (which awards what the badge
 * earns at once), deactivate/reactivate, reorder within a category, manual awards, undo of the last
 * change, and the preview "who would earn this if saved now", which computes exactly what saving
 * would award. The Achievements ViewModel takes this; the database-backed one is
 * {@link StoredAchievementService}. Validation is the catalog rules' ({@link AchievementRules}) and
 * needs no database, so it lives here.
 */
public interface AchievementService {
    /** Display order within a category: sort order, then key, platform rows first. */
    Comparator<Achievement> DISPLAY_ORDER = Comparator.comparingInt(Achievement::sortOrder)
            .thenComparing(Achievement::key)
            .thenComparing(Achievement::organizationId, Comparator.nullsFirst(Comparator.naturalOrder()));
    /** How many names a preview shows. */
    int SAMPLE_SIZE = 5;

    /** An organisation by name. */
    record Organization(String id, String name) {
    }

    /**
     * One tenant's catalog as an admin edits it: the platform badges and (with a tenant) the
     * organisation's own, the modules each organisation has enabled, and awards held per badge
     * in the actor's scope.
     */
    record Catalog(String tenantOrganizationId, List<Achievement> badges, List<Organization> organizations,
                   Map<String, Set<String>> modulesByOrganization, Set<String> activityTypes,
                   Map<UUID, Integer> awardCounts) {
        public Catalog {
            badges = List.copyOf(badges);
            organizations = List.copyOf(organizations);
            modulesByOrganization = Map.copyOf(modulesByOrganization);
            activityTypes = Set.copyOf(activityTypes);
            awardCounts = Map.copyOf(awardCounts);
        }

        /** The names of the organisations with {@code module} enabled, by name. */
        public List<String> organizationsWith(String module) {
            return organizations.stream()
                    .filter(o -> modulesByOrganization.getOrDefault(o.id(), Set.of()).contains(module))
                    .map(Organization::name).toList();
        }

        /** Every module enabled somewhere. */
        public Set<String> enabledModules() {
            Set<String> all = new TreeSet<>();
            modulesByOrganization.values().forEach(all::addAll);
            return all;
        }

        public Optional<Achievement> badge(UUID id) {
            return badges.stream().filter(b -> b.id().equals(id)).findFirst();
        }
    }

    /** What undoing the last change does: rows to write back, a created badge and awards to delete. */
    record Change(Kind kind, String badgeKey, List<Achievement> restore, UUID deleteBadge, List<UUID> deleteAwards) {
        public enum Kind { CREATED, UPDATED, DEACTIVATED, REACTIVATED, REORDERED, AWARDED }

        public Change {
            restore = List.copyOf(restore);
            deleteAwards = List.copyOf(deleteAwards);
        }
    }

    /** A saved badge, the awards saving made, and its undo. */
    record Saved(Achievement achievement, int awarded, Change undo) {
    }

    /** "Who would earn this if saved now". */
    record Preview(Status status, int mentorsInScope, int earners, int newAwards, int alreadyHolding,
                   List<String> sample, List<String> gatedOrganizations) {
        public enum Status { COMPUTED, INVALID, INACTIVE, MANUAL }

        public Preview {
            sample = List.copyOf(sample);
            gatedOrganizations = List.copyOf(gatedOrganizations);
        }

        /** A preview with nothing computed, for the statuses other than {@link Status#COMPUTED}. */
        public static Preview of(Status s) {
            return new Preview(s, 0, 0, 0, 0, List.of(), List.of());
        }
    }

    // ------------------------------------------------------------------ reads

    /**
     * The catalog of {@code tenantOrganizationId}: an org admin always sees their own organisation's
     * (whatever is asked); a global admin the given one, or the platform badges alone with null.
     * Refused ({@link AchievementRefusedException}) for a non-admin.
     */
    Catalog catalog(Actor actor, String tenantOrganizationId);

    /** Peer mentors in the actor's scope (for manual awards). */
    List<MentorChoice> mentorsInScope(Actor actor);

    /** Points per peer mentor in the actor's scope. */
    List<Points> points(Actor actor);

    /** The awards of one badge in the actor's scope. */
    List<Award> awardsOf(Actor actor, UUID achievementId);

    // ------------------------------------------------------------------ validation (pure)

    /** Why the actor may not change this badge (a problem code), or empty. */
    default Optional<String> editRefusal(Actor actor, Achievement badge) {
        return AchievementRules.editRefusal(actor, badge.organizationId());
    }

    /** Why the actor may not create or change a badge of {@code organizationId} (null = platform), or empty. */
    default Optional<String> editRefusal(Actor actor, String organizationId) {
        return AchievementRules.editRefusal(actor, organizationId);
    }

    /** The draft's own problems, before the catalog it joins is known. */
    default List<Problem> validateAlone(AchievementDraft draft) {
        return AchievementRules.validate(draft, AchievementRules.Context.none());
    }

    /** Whether any of {@code problems} blocks saving. */
    default boolean hasErrors(List<Problem> problems) {
        return AchievementRules.hasErrors(problems);
    }

    /** Every problem of the draft, with the actor's right to save it as {@link Problem.Field#OWNER}. */
    default List<Problem> validate(Actor actor, AchievementDraft draft, Catalog catalog) {
        List<Problem> out = new ArrayList<>();
        AchievementRules.editRefusal(actor, draft.organizationId())
                .ifPresent(code -> out.add(Problem.error(Problem.Field.OWNER, code)));
        if (draft.id() != null) {
            catalog.badge(draft.id()).filter(b -> !Objects.equals(b.organizationId(), draft.organizationId()))
                    .ifPresent(b -> out.add(Problem.error(Problem.Field.OWNER, "owner_fixed")));
        }
        out.addAll(AchievementRules.validate(draft, context(draft, catalog)));
        return List.copyOf(out);
    }

    /** The validation context of a draft within a catalog. */
    default AchievementRules.Context context(AchievementDraft draft, Catalog catalog) {
        Set<String> taken = new HashSet<>();
        for (Achievement b : catalog.badges()) {
            if (Objects.equals(b.organizationId(), draft.organizationId()) && !b.id().equals(draft.id())) {
                taken.add(b.key());
            }
        }
        Set<String> modules;
        if (draft.organizationId() == null) {
            modules = catalog.enabledModules();
        } else {
            modules = catalog.modulesByOrganization().getOrDefault(draft.organizationId(), Set.of());
        }
        return new AchievementRules.Context(taken, catalog.activityTypes(), modules);
    }

    // ------------------------------------------------------------------ changes

    /**
     * Saves the draft (creates it when its id is null) and awards at once what it earns. Refused
     * ({@link AchievementRefusedException}) with every problem when the actor may not or an error
     * blocks it.
     */
    Saved save(Actor actor, AchievementDraft draft);

    /** Deactivates (awards kept, no longer evaluated) or reactivates (evaluated again at once) a badge. */
    Change setActive(Actor actor, UUID id, boolean active);

    /**
     * Moves a badge to position {@code targetIndex} of its category as the tenant's catalog shows
     * it. Null when nothing moves.
     */
    Change move(Actor actor, String tenantOrganizationId, UUID id, int targetIndex);

    /**
     * Awards a {@code manual} badge to a peer mentor in the actor's scope, in the window of today.
     * Refused for other triggers, inactive or gated badges, and a window already held.
     */
    Change awardManually(Actor actor, UUID achievementId, String userId);

    /** Undoes a change this service returned: deletes the awards it made, a badge it created, and writes rows back. */
    void undo(Actor actor, Change change);

    /**
     * Who would earn the draft if it were saved now (in the actor's scope), without writing. Call
     * it off the FX thread. The sample is the first names in English order.
     */
    default Preview preview(Actor actor, AchievementDraft draft, Catalog catalog) {
        java.text.Collator english = java.text.Collator.getInstance(java.util.Locale.ENGLISH);
        return preview(actor, draft, catalog, english::compare);
    }

    /**
     * As {@link #preview(Actor, AchievementDraft, Catalog)}, the sample being the first
     * {@link #SAMPLE_SIZE} names in {@code nameOrder}, the order the reader's language sorts names
     * in (a Norwegian reader's sample starts with A, an Åse comes after Z).
     */
    Preview preview(Actor actor, AchievementDraft draft, Catalog catalog, java.util.Comparator<String> nameOrder);
}
