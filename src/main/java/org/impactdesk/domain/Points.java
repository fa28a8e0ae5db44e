package org.impactdesk.domain;

/** A peer mentor's points: the sum over their awards of active badges that pass the module gate. */
public record Points(String userId, long points, int awards) {
}
