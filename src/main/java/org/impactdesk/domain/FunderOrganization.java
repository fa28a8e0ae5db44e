package org.impactdesk.domain;

/** An organisation whose funder report the user may see. */
public record FunderOrganization(String id, String name) {
}
