package org.impactdesk.sync;

/** A valid row of a small table waiting to be written: where it came from, its key parts and normalised values. */
public record Pending(long line, int span, String[] key, Object[] values) {
}
