package org.impactdesk.service.generation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a generation run did, per table: rows created, updated, unchanged (same figures or not
 * affected), frozen (ready or shared annual summaries left alone), skipped (failed rows not yet
 * due for a retry) and failed; plus mentors read and notifications queued.
 */
public final class GenerationReport {
    public static final List<String> TABLES = List.of("annual_summaries", "impact_summaries", "periodic_summaries", "team_rows");

    private final Map<String, int[]> counts = new LinkedHashMap<>();
    private final List<String> openPeriods = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private int mentorsRead;
    private int notificationsQueued;
    /** Organisations whose run committed, and those a cancel left as they were (names by id, in run order). */
    private final Map<String, String> done = new LinkedHashMap<>();
    private final Map<String, String> leftAsTheyWere = new LinkedHashMap<>();

    public GenerationReport() {
        for (String t : TABLES) {
            counts.put(t, new int[6]);
        }
    }

    public enum Outcome { CREATED, UPDATED, UNCHANGED, FROZEN, SKIPPED, FAILED }

    public void count(String table, Outcome o) {
        counts.get(table)[o.ordinal()]++;
    }

    public int total(Outcome o) {
        return counts.values().stream().mapToInt(c -> c[o.ordinal()]).sum();
    }

    public int created() { return total(Outcome.CREATED); }
    public int updated() { return total(Outcome.UPDATED); }
    public int unchanged() { return total(Outcome.UNCHANGED); }
    public int frozen() { return total(Outcome.FROZEN); }
    public int skipped() { return total(Outcome.SKIPPED); }
    public int failed() { return total(Outcome.FAILED); }

    public int get(String table, Outcome o) {
        return counts.get(table)[o.ordinal()];
    }

    void openPeriod(String p) { openPeriods.add(p); }
    void error(String e) { errors.add(e); }
    void mentorsRead(int n) { mentorsRead += n; }
    void notificationQueued() { notificationsQueued++; }

    void done(String organizationId, String name) { done.put(organizationId, name); }
    void cancelledBefore(String organizationId, String name) { leftAsTheyWere.put(organizationId, name); }

    /** The user stopped the run: some organisations were left as they were. */
    public boolean cancelled() { return !leftAsTheyWere.isEmpty(); }
    /** The names of the organisations whose summaries this run brought up to date (committed). */
    public List<String> organizationsDone() { return List.copyOf(done.values()); }
    /** The ids of the organisations whose summaries this run brought up to date (committed). */
    public List<String> organizationIdsDone() { return List.copyOf(done.keySet()); }
    /** The names of the organisations a cancel left as they were (rolled back, or not begun). */
    public List<String> organizationsLeft() { return List.copyOf(leftAsTheyWere.values()); }

    /** What the counters say at a moment, to put back when an organisation's run is rolled back. */
    record Counts(Map<String, int[]> tables, int mentorsRead, int notificationsQueued) {
    }

    Counts counts() {
        Map<String, int[]> copy = new LinkedHashMap<>();
        counts.forEach((t, c) -> copy.put(t, c.clone()));
        return new Counts(copy, mentorsRead, notificationsQueued);
    }

    void restore(Counts c) {
        c.tables().forEach((t, v) -> counts.put(t, v.clone()));
        mentorsRead = c.mentorsRead();
        notificationsQueued = c.notificationsQueued();
    }

    public List<String> openPeriods() { return List.copyOf(openPeriods); }
    public List<String> errors() { return List.copyOf(errors); }
    public int mentorsRead() { return mentorsRead; }
    public int notificationsQueued() { return notificationsQueued; }

    /** For --json: totals, per table, open periods skipped, errors. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Outcome o : Outcome.values()) {
            m.put(o.name().toLowerCase(), total(o));
        }
        Map<String, Object> tables = new LinkedHashMap<>();
        counts.forEach((t, c) -> {
            Map<String, Object> tm = new LinkedHashMap<>();
            for (Outcome o : Outcome.values()) {
                tm.put(o.name().toLowerCase(), c[o.ordinal()]);
            }
            tables.put(t, tm);
        });
        m.put("tables", tables);
        m.put("mentors_read", mentorsRead);
        m.put("notifications_queued", notificationsQueued);
        m.put("open_periods_skipped", openPeriods);
        m.put("errors", errors);
        return m;
    }

    @Override
    public String toString() {
        return "created " + created() + ", updated " + updated() + ", unchanged " + unchanged() + ", frozen " + frozen()
                + ", skipped " + skipped() + ", failed " + failed();
    }
}
