package org.impactdesk.domain;

/**
 * One activity as the importer binds it and as the store reads it back (started_at in epoch
 * microseconds, travel_km unscaled at 2 decimals or -1): the importer's sorted runs and the
 * store's rows compare through it.
 */
public interface ActivityValues {
    String id();

    String organizationId();

    String localAssociationId();

    String peerMentorId();

    String activityType();

    long startedAtMicros();

    int durationMinutes();

    String contactId();

    String approvalStatus();

    long travelKmCents();

    String eventId();
}
