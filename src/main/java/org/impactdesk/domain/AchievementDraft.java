package org.impactdesk.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * An achievement as typed in the editor: numbers and codes as text, so that every field can be
 * validated (and its problem shown beside it) before anything is parsed. {@code id} null is new.
 */
public record AchievementDraft(
        UUID id,
        String organizationId,
        String key,
        String name,
        String nameNb,
        String description,
        String iconUrl,
        String category,
        String triggerType,
        String threshold,
        String metadata,
        String points,
        boolean repeatable,
        String repeatPeriod,
        boolean active,
        String requiresModule,
        String sortOrder) {

    /** A draft without a Norwegian name. */
    public AchievementDraft(UUID id, String organizationId, String key, String name, String description, String iconUrl,
                            String category, String triggerType, String threshold, String metadata, String points,
                            boolean repeatable, String repeatPeriod, boolean active, String requiresModule,
                            String sortOrder) {
        this(id, organizationId, key, name, "", description, iconUrl, category, triggerType, threshold, metadata, points,
                repeatable, repeatPeriod, active, requiresModule, sortOrder);
    }

    public static AchievementDraft of(Achievement a) {
        return new AchievementDraft(a.id(), a.organizationId(), a.key(), a.name(),
                a.nameNb() == null ? "" : a.nameNb(), a.description(),
                a.iconUrl() == null ? "" : a.iconUrl(), a.category(), a.triggerType().code(),
                a.threshold() == null ? "" : a.threshold().toString(),
                a.metadata().toJson() == null ? "" : a.metadata().toJson(), Integer.toString(a.points()), a.repeatable(),
                a.repeatPeriod() == null ? "" : a.repeatPeriod().code(), a.active(),
                a.requiresModule() == null ? "" : a.requiresModule(), Integer.toString(a.sortOrder()));
    }

    /** A new, empty badge of an owner (null = platform) at the end of a category. */
    public static AchievementDraft blank(String organizationId, Category category, int sortOrder) {
        return new AchievementDraft(null, organizationId, "", "", "", "", "", category.code(), TriggerType.ACTIVITY_COUNT.code(),
                "1", "", "10", false, "", true, "", Integer.toString(sortOrder));
    }

    public AchievementDraft withId(UUID newId) {
        return new AchievementDraft(newId, organizationId, key, name, nameNb, description, iconUrl, category, triggerType, threshold,
                metadata, points, repeatable, repeatPeriod, active, requiresModule, sortOrder);
    }

    public AchievementDraft withKey(String newKey) {
        return new AchievementDraft(id, organizationId, newKey, name, nameNb, description, iconUrl, category, triggerType, threshold,
                metadata, points, repeatable, repeatPeriod, active, requiresModule, sortOrder);
    }

    public AchievementDraft withOwner(String newOrganizationId) {
        return new AchievementDraft(id, newOrganizationId, key, name, nameNb, description, iconUrl, category, triggerType, threshold,
                metadata, points, repeatable, repeatPeriod, active, requiresModule, sortOrder);
    }

    /**
     * The achievement this draft describes. Call only when {@link AchievementRules#validate} found
     * no error: a field that cannot be read throws {@link IllegalArgumentException}. A threshold or
     * metadata on a trigger that does not use them is dropped (the validation warned about it).
     */
    public Achievement toAchievement(Instant createdAt, Instant updatedAt) {
        TriggerType type = TriggerType.fromCode(trim(triggerType));
        Integer t = type.isCount() ? Integer.valueOf(trim(threshold)) : null;
        TriggerMetadata md = type == TriggerType.MANUAL || type == TriggerType.ANNUAL_SUMMARY ? TriggerMetadata.NONE
                : TriggerMetadata.parse(metadata).metadata();
        if (type == TriggerType.EVENTS_ATTENDED) {
            md = new TriggerMetadata(null, md.period());
        }
        String rp = trim(repeatPeriod);
        return new Achievement(id, organizationId, trim(key), trim(name), blankToNull(nameNb), trim(description), blankToNull(iconUrl),
                Category.fromCode(trim(category)).code(), type, t, md, Integer.parseInt(trim(points)), repeatable,
                rp.isEmpty() ? null : RepeatPeriod.fromCode(rp), active, blankToNull(requiresModule),
                Integer.parseInt(trim(sortOrder)), createdAt, updatedAt);
    }

    public static String trim(String s) {
        return s == null ? "" : s.trim();
    }

    static String blankToNull(String s) {
        String t = trim(s);
        return t.isEmpty() ? null : t;
    }
}
