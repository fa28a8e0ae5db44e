package org.impactdesk.domain;

/** A local association (seed 002's {@code local_associations} row): for the filter and the table. */
public record Association(String id, String name) {
}
