package org.impactdesk.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The status transitions the seeds allow, in one place (METRICS.md "Status lifecycle"):
 * <ul>
 *   <li>annual (seeds 000, 002): {@code pending -> generating -> ready | insufficient | failed},
 *       {@code failed -> generating} (a retry), {@code insufficient -> generating} (new data: an
 *       insufficient summary is not frozen) and {@code ready -> generating} only as an explicit admin
 *       recompute (a ready annual summary is frozen);</li>
 *   <li>impact (seed 003): {@code generating -> ready | error}, {@code error -> generating} (a
 *       retry) and {@code ready -> generating} (a recalculation updates the row, seed 003).</li>
 * </ul>
 * A new row starts as {@code pending} or {@code generating} (impact: {@code generating}). A
 * generation run goes through {@code generating} inside its transaction and stores only where it
 * ends, so a run's write is legal when both of its steps are: {@link #allowsRun}. Pure: no SQL.
 */
public enum SummaryLifecycle {
    ANNUAL("annual_summaries", List.of("pending", "generating", "ready", "insufficient", "failed"), Map.of(
            "pending", Set.of("generating"),
            "generating", Set.of("ready", "insufficient", "failed"),
            "failed", Set.of("generating"),
            "insufficient", Set.of("generating"),
            "ready", Set.of("generating")),
            Set.of("pending", "generating")),
    IMPACT("impact_summaries", List.of("generating", "ready", "error"), Map.of(
            "generating", Set.of("ready", "error"),
            "error", Set.of("generating"),
            "ready", Set.of("generating")),
            Set.of("generating"));

    /** Thrown by a writer asked to make a transition the seeds forbid. */
    public static final class IllegalTransitionException extends IllegalStateException {
        public IllegalTransitionException(String message) {
            super(message);
        }
    }

    private final String table;
    private final List<String> statuses;
    private final Map<String, Set<String>> next;
    private final Set<String> initial;

    SummaryLifecycle(String table, List<String> statuses, Map<String, Set<String>> next, Set<String> initial) {
        this.table = table;
        this.statuses = statuses;
        this.next = next;
        this.initial = initial;
    }

    public String table() {
        return table;
    }

    /** Every status of this table, in lifecycle order. */
    public List<String> statuses() {
        return statuses;
    }

    /**
     * Whether one step {@code from -> to} is allowed; {@code from} null is a row not yet stored.
     * {@code ready -> generating} of an annual summary needs {@code adminRecompute}.
     */
    public boolean allows(String from, String to, boolean adminRecompute) {
        if (!statuses.contains(to)) {
            return false;
        }
        if (from == null) {
            return initial.contains(to);
        }
        if (this == ANNUAL && "ready".equals(from) && !adminRecompute) {
            return false;
        }
        return next.getOrDefault(from, Set.of()).contains(to);
    }

    /**
     * Whether a generation run may store {@code to} over a row stored as {@code from} (null: no
     * row): the run passes through {@code generating}, so both {@code from -> generating} (or a new
     * row starting as generating; a row already generating, left by a run that stopped, is taken
     * over) and {@code generating -> to} must be allowed.
     */
    public boolean allowsRun(String from, String to, boolean adminRecompute) {
        boolean start = from == null ? initial.contains("generating")
                : "generating".equals(from) || allows(from, "generating", adminRecompute);
        return start && allows("generating", to, adminRecompute);
    }

    /** As {@link #allowsRun}, throwing a message that says which row and why when it is not allowed. */
    public void requireRun(String from, String to, boolean adminRecompute, String what) {
        if (!allowsRun(from, to, adminRecompute)) {
            String reason = this == ANNUAL && "ready".equals(from) && !adminRecompute
                    ? " (a ready annual summary is frozen: only an explicit admin recompute may regenerate it)"
                    : "";
            throw new IllegalTransitionException("Refused status change of the " + what + " in " + table + ": "
                    + (from == null ? "(new row)" : from) + " -> " + to + " is not a transition the seeds allow" + reason);
        }
    }
}
