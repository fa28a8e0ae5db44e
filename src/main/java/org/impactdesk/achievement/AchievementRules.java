package org.impactdesk.achievement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.Achievement;
import org.impactdesk.domain.AchievementDraft;
import org.impactdesk.domain.Category;
import org.impactdesk.domain.Problem.Field;
import org.impactdesk.domain.Problem;
import org.impactdesk.domain.RepeatPeriod;
import org.impactdesk.domain.TriggerMetadata;
import org.impactdesk.domain.TriggerType;
/**
 * The rules of seed 001 and METRICS.md "Achievements" as plain code: {@link #validate} returns
 * every problem with its severity (errors block saving, warnings do not); the business rules are
 * {@link #editRefusal} (platform badges only by a global admin), {@link #evaluable} (active and
 * module gate) and the award windows of {@link Achievement#periodKey}.
 */
public final class AchievementRules {
    public static final Pattern KEY = Pattern.compile("^[a-z][a-z0-9_]{1,63}$");
    /** An icon is an https:// URL or a bundled asset {@code badges/*.png|svg}. */
    public static final Pattern ICON_HTTPS = Achievement.ICON_HTTPS;
    public static final Pattern ICON_ASSET = Achievement.ICON_ASSET;
    public static final Pattern MODULE = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,99}$");
    public static final int NAME_MAX = 200;
    public static final int DESCRIPTION_MAX = 2000;
    public static final int ICON_MAX = 1000;
    public static final int METADATA_MAX = 4000;

    private AchievementRules() {
    }

    /**
     * What validation needs to know beyond the draft.
     *
     * @param takenKeys keys of the other badges of the same owner (the organisation, or the platform rows)
     * @param activityTypes known activity type keys (empty: not checked)
     * @param enabledModules modules enabled by at least one organisation the badge can reach (null: not checked)
     */
    public record Context(Set<String> takenKeys, Set<String> activityTypes, Set<String> enabledModules) {
        public Context {
            takenKeys = Set.copyOf(takenKeys);
            activityTypes = Set.copyOf(activityTypes);
            enabledModules = enabledModules == null ? null : Set.copyOf(enabledModules);
        }

        public static Context none() {
            return new Context(Set.of(), Set.of(), null);
        }
    }

    /** Every problem of the draft, in field order; none with {@link Problem.Severity#ERROR} means it may be saved. */
    public static List<Problem> validate(AchievementDraft d, Context ctx) {
        List<Problem> p = new ArrayList<>();
        // key: format and uniqueness per organisation (platform keys among platform rows)
        String key = AchievementDraft.trim(d.key());
        if (key.isEmpty()) {
            p.add(Problem.error(Field.KEY, "key_required"));
        } else if (!KEY.matcher(key).matches()) {
            p.add(Problem.error(Field.KEY, "key_format", key));
        } else if (ctx.takenKeys().contains(key)) {
            p.add(Problem.error(Field.KEY, d.organizationId() == null ? "key_taken_platform" : "key_taken", key));
        }
        // name and description
        String name = AchievementDraft.trim(d.name());
        if (name.isEmpty()) {
            p.add(Problem.error(Field.NAME, "name_required"));
        } else if (name.length() > NAME_MAX) {
            p.add(Problem.error(Field.NAME, "too_long", Integer.toString(NAME_MAX)));
        }
        // the Norwegian name: optional (Norwegian screens fall back to the English one)
        String nameNb = AchievementDraft.trim(d.nameNb());
        if (nameNb.length() > NAME_MAX) {
            p.add(Problem.error(Field.NAME_NB, "too_long", Integer.toString(NAME_MAX)));
        }
        String description = AchievementDraft.trim(d.description());
        if (description.isEmpty()) {
            p.add(Problem.error(Field.DESCRIPTION, "description_required"));
        } else if (description.length() > DESCRIPTION_MAX) {
            p.add(Problem.error(Field.DESCRIPTION, "too_long", Integer.toString(DESCRIPTION_MAX)));
        }
        // icon: a warning, not an error
        String icon = AchievementDraft.trim(d.iconUrl());
        if (icon.length() > ICON_MAX) {
            p.add(Problem.error(Field.ICON_URL, "too_long", Integer.toString(ICON_MAX)));
        } else if (!icon.isEmpty() && !ICON_HTTPS.matcher(icon).matches() && !ICON_ASSET.matcher(icon).matches()) {
            p.add(Problem.warning(Field.ICON_URL, "icon_url_format", icon));
        }
        // category
        String category = AchievementDraft.trim(d.category());
        if (category.isEmpty()) {
            p.add(Problem.error(Field.CATEGORY, "category_required"));
        } else if (!known(() -> Category.fromCode(category))) {
            p.add(Problem.error(Field.CATEGORY, "category_unknown", category));
        }
        // trigger, threshold, metadata
        TriggerType type = null;
        String typeText = AchievementDraft.trim(d.triggerType());
        if (typeText.isEmpty()) {
            p.add(Problem.error(Field.TRIGGER_TYPE, "trigger_type_required"));
        } else {
            try {
                type = TriggerType.fromCode(typeText);
            } catch (IllegalArgumentException e) {
                p.add(Problem.error(Field.TRIGGER_TYPE, "trigger_type_unknown", typeText));
            }
        }
        String threshold = AchievementDraft.trim(d.threshold());
        if (type != null && type.isCount()) {
            if (threshold.isEmpty()) {
                p.add(Problem.error(Field.THRESHOLD, "threshold_required", type.code()));
            } else {
                Integer t = integer(threshold);
                if (t == null) {
                    p.add(Problem.error(Field.THRESHOLD, "not_a_whole_number", threshold));
                } else if (t < 1) {
                    p.add(Problem.error(Field.THRESHOLD, "threshold_positive"));
                }
            }
        } else if (type != null && !threshold.isEmpty()) {
            p.add(Problem.warning(Field.THRESHOLD, "threshold_ignored", type.code()));
        }
        String metadata = AchievementDraft.trim(d.metadata());
        if (metadata.length() > METADATA_MAX) {
            p.add(Problem.error(Field.METADATA, "too_long", Integer.toString(METADATA_MAX)));
        } else if (type == TriggerType.MANUAL || type == TriggerType.ANNUAL_SUMMARY) {
            if (!metadata.isEmpty()) {
                p.add(Problem.warning(Field.METADATA, "metadata_ignored", type.code()));
            }
        } else {
            TriggerMetadata.Parsed parsed = TriggerMetadata.parse(metadata);
            p.addAll(parsed.problems());
            String at = parsed.metadata().activityType();
            if (at != null && type == TriggerType.EVENTS_ATTENDED) {
                p.add(Problem.warning(Field.METADATA, "metadata_activity_type_ignored", type.code()));
            } else if (at != null && !ctx.activityTypes().isEmpty() && !ctx.activityTypes().contains(at)) {
                p.add(Problem.warning(Field.METADATA, "activity_type_unknown", at));
            }
        }
        // points
        String points = AchievementDraft.trim(d.points());
        if (points.isEmpty()) {
            p.add(Problem.error(Field.POINTS, "points_required"));
        } else {
            Integer n = integer(points);
            if (n == null) {
                p.add(Problem.error(Field.POINTS, "not_a_whole_number", points));
            } else if (n < 0) {
                p.add(Problem.error(Field.POINTS, "points_negative"));
            }
        }
        // repeat period: only when repeatable, and then required
        String rp = AchievementDraft.trim(d.repeatPeriod());
        RepeatPeriod period = null;
        if (!rp.isEmpty()) {
            try {
                period = RepeatPeriod.fromCode(rp);
            } catch (IllegalArgumentException e) {
                p.add(Problem.error(Field.REPEAT_PERIOD, "repeat_period_unknown", rp));
            }
        }
        if (!d.repeatable() && !rp.isEmpty()) {
            p.add(Problem.error(Field.REPEAT_PERIOD, "repeat_period_needs_repeatable"));
        } else if (d.repeatable() && rp.isEmpty()) {
            p.add(Problem.error(Field.REPEAT_PERIOD, "repeat_period_required"));
        }
        if (type == TriggerType.ANNUAL_SUMMARY) {
            if (period != null && period != RepeatPeriod.YEARLY) {
                p.add(Problem.error(Field.REPEAT_PERIOD, "annual_yearly_only"));
            } else if (!d.repeatable()) {
                p.add(Problem.warning(Field.REPEAT_PERIOD, "annual_once_per_year"));
            }
        }
        // module gate
        String module = AchievementDraft.trim(d.requiresModule());
        if (!module.isEmpty()) {
            if (!MODULE.matcher(module).matches()) {
                p.add(Problem.error(Field.REQUIRES_MODULE, "module_format", module));
            } else if (ctx.enabledModules() != null && !ctx.enabledModules().contains(module)) {
                p.add(Problem.warning(Field.REQUIRES_MODULE, "module_not_enabled", module));
            }
        }
        // display order
        String sort = AchievementDraft.trim(d.sortOrder());
        if (sort.isEmpty()) {
            p.add(Problem.error(Field.SORT_ORDER, "sort_order_required"));
        } else if (integer(sort) == null) {
            p.add(Problem.error(Field.SORT_ORDER, "not_a_whole_number", sort));
        }
        return List.copyOf(p);
    }

    public static boolean hasErrors(List<Problem> problems) {
        return problems.stream().anyMatch(Problem::isError);
    }

    /**
     * Why {@code actor} may not create or change a badge owned by {@code organizationId} (null =
     * platform), or empty when they may: platform badges only by a global admin, an organisation's
     * badges by a global admin or that organisation's admin. The value is a problem code.
     */
    public static Optional<String> editRefusal(Actor actor, String organizationId) {
        if (actor.isGlobalAdmin()) {
            return Optional.empty();
        }
        if (organizationId == null) {
            return Optional.of("platform_badge_global_admin_only");
        }
        if (!actor.has(org.impactdesk.access.Role.ORG_ADMIN)) {
            return Optional.of("admins_only");
        }
        if (!organizationId.equals(actor.organizationId())) {
            return Optional.of("other_organization");
        }
        return Optional.empty();
    }

    /** Module gate: the badge is visible and awardable for a tenant with these modules enabled. */
    public static boolean moduleGate(Achievement a, Set<String> enabledModules) {
        return a.requiresModule() == null || enabledModules.contains(a.requiresModule());
    }

    /** Whether the badge applies to the tenant (its own or a platform badge). */
    public static boolean appliesTo(Achievement a, String organizationId) {
        return a.organizationId() == null || a.organizationId().equals(organizationId);
    }

    /**
     * Evaluated for unlocking in this tenant: active (inactive ones are not evaluated, their awards
     * are kept), the tenant's own or a platform badge, and the module gate passes.
     */
    public static boolean evaluable(Achievement a, String organizationId, Set<String> enabledModules) {
        return a.active() && appliesTo(a, organizationId) && moduleGate(a, enabledModules);
    }

    static Integer integer(String s) {
        try {
            return Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean known(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
