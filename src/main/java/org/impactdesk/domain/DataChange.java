package org.impactdesk.domain;

import java.time.Instant;

/**
 * A change of the data the screens show, made by another desktop or command (V98 {@code data_changes}):
 * {@code id} orders them, {@code what} is import, generation, catalog or settings, {@code by} names who.
 */
public record DataChange(long id, Instant at, String by, String what) {
}
