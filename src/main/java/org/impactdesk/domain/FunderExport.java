package org.impactdesk.domain;

import java.time.Instant;

/** One logged export of a funder report: who ({@code null} = the local operator), when, what and its SHA-256. */
public record FunderExport(String organizationId, int year, String format, String fileName, String sha256,
                           String exportedBy, Instant exportedAt) {
}
