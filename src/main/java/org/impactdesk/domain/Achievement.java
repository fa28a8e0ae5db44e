package org.impactdesk.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One badge of the catalog (seed 001), as stored. {@code organizationId} null is a platform
 * badge (all tenants); {@code threshold} null for {@code manual} and {@code annual_summary}.
 * {@code category} is the stored code (usually one of {@link Category}; the column is free text).
 * {@code nameNb} is the Norwegian name ({@code name_nb}, V88), null when nobody gave one: Norwegian
 * screens then show {@code name}.
 */
public record Achievement(
        UUID id,
        String organizationId,
        String key,
        String name,
        String nameNb,
        String description,
        String iconUrl,
        String category,
        TriggerType triggerType,
        Integer threshold,
        TriggerMetadata metadata,
        int points,
        boolean repeatable,
        RepeatPeriod repeatPeriod,
        boolean active,
        String requiresModule,
        int sortOrder,
        Instant createdAt,
        Instant updatedAt) {
    /** An icon on the web (https only). */
    public static final java.util.regex.Pattern ICON_HTTPS = java.util.regex.Pattern.compile("^https://[^\\s/]+\\S*$");
    /** An icon shipped with the app, under badges/ (png or svg). */
    public static final java.util.regex.Pattern ICON_ASSET =
            java.util.regex.Pattern.compile("^badges/[A-Za-z0-9_\\-]+(/[A-Za-z0-9_\\-]+)*\\.(png|svg)$");


    public Achievement {
        if (metadata == null) {
            metadata = TriggerMetadata.NONE;
        }
        if (nameNb != null && nameNb.isBlank()) {
            nameNb = null;
        }
    }

    /** A badge without a Norwegian name. */
    public Achievement(UUID id, String organizationId, String key, String name, String description, String iconUrl,
                       String category, TriggerType triggerType, Integer threshold, TriggerMetadata metadata, int points,
                       boolean repeatable, RepeatPeriod repeatPeriod, boolean active, String requiresModule, int sortOrder,
                       Instant createdAt, Instant updatedAt) {
        this(id, organizationId, key, name, null, description, iconUrl, category, triggerType, threshold, metadata, points,
                repeatable, repeatPeriod, active, requiresModule, sortOrder, createdAt, updatedAt);
    }

    public boolean isPlatform() {
        return organizationId == null;
    }

    /**
     * The award window of an award reached on {@code localDate}: {@code once} for one-time badges,
     * else the repeat period's key. ({@code annual_summary} badges use the summary's year instead.)
     */
    public String periodKey(LocalDate localDate) {
        return repeatable && repeatPeriod != null ? repeatPeriod.key(localDate) : RepeatPeriod.ONCE;
    }

    public Achievement withId(UUID newId) {
        return new Achievement(newId, organizationId, key, name, nameNb, description, iconUrl, category, triggerType, threshold,
                metadata, points, repeatable, repeatPeriod, active, requiresModule, sortOrder, createdAt, updatedAt);
    }

    public Achievement withActive(boolean nowActive) {
        return new Achievement(id, organizationId, key, name, nameNb, description, iconUrl, category, triggerType, threshold,
                metadata, points, repeatable, repeatPeriod, nowActive, requiresModule, sortOrder, createdAt, updatedAt);
    }

    public Achievement withSortOrder(int order) {
        return new Achievement(id, organizationId, key, name, nameNb, description, iconUrl, category, triggerType, threshold,
                metadata, points, repeatable, repeatPeriod, active, requiresModule, order, createdAt, updatedAt);
    }
}
