package org.impactdesk.domain;

/**
 * The notification outbox as admins see it (issue 19): waiting (never tried, or no channel to
 * send through), failed (tried, retried later) and sent.
 */
public record NotificationQueue(long waiting, long failed, long sent) {
}
