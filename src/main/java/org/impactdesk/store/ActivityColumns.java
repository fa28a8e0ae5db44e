package org.impactdesk.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.impactdesk.domain.CountedActivity;

/**
 * The approved activities of one generation run in compact columns (mentor, association, type and
 * contact ids interned to int indexes, the instant as epoch seconds and nanos, the local date in
 * the organisation's zone as an epoch day, minutes as an int, km in hundredths), grouped by mentor
 * after the read. {@link CountedActivity} objects exist only while one mentor is processed
 * ({@link #of}); the read holds no per-activity objects except the activity id string.
 */
public final class ActivityColumns {
    static final long NO_KM = Long.MIN_VALUE;
    /** activities.travel_km is DECIMAL(10,2). */
    static final int KM_SCALE = 2;

    private final ZoneId zone;
    private final Interner mentorIds = new Interner();
    private final Interner associations = new Interner();
    private final Interner types = new Interner();
    private final Interner contacts = new Interner();
    private int cap = 1 << 12;
    private int n;
    private int[] mentor = new int[cap];
    private String[] ids = new String[cap];
    private int[] assoc = new int[cap];
    private int[] type = new int[cap];
    private long[] seconds = new long[cap];
    private int[] nanos = new int[cap];
    private int[] day = new int[cap];
    private int[] minutes = new int[cap];
    private int[] contact = new int[cap];
    private long[] km = new long[cap]; // hundredths of a km, NO_KM for NULL
    // after group(): the rows of mentor index m are rows[start[m]] .. rows[start[m + 1] - 1]
    private int[] start;
    private int[] rows;

    ActivityColumns(ZoneId zone) {
        this.zone = zone;
    }

    void add(String mentorId, String id, String associationId, String typeKey, Instant at, int mins, String contactId,
             BigDecimal travelKm) {
        if (n == cap) {
            cap *= 2;
            mentor = Arrays.copyOf(mentor, cap);
            ids = Arrays.copyOf(ids, cap);
            assoc = Arrays.copyOf(assoc, cap);
            type = Arrays.copyOf(type, cap);
            seconds = Arrays.copyOf(seconds, cap);
            nanos = Arrays.copyOf(nanos, cap);
            day = Arrays.copyOf(day, cap);
            minutes = Arrays.copyOf(minutes, cap);
            contact = Arrays.copyOf(contact, cap);
            km = Arrays.copyOf(km, cap);
        }
        mentor[n] = mentorIds.index(mentorId);
        ids[n] = id;
        assoc[n] = associations.index(associationId);
        type[n] = types.index(typeKey);
        seconds[n] = at.getEpochSecond();
        nanos[n] = at.getNano();
        day[n] = (int) LocalDate.ofInstant(at, zone).toEpochDay();
        minutes[n] = mins;
        contact[n] = contactId == null ? -1 : contacts.index(contactId);
        km[n] = travelKm == null ? NO_KM : travelKm.movePointRight(KM_SCALE).longValueExact();
        n++;
    }

    /** Counting sort of the row numbers by mentor. */
    void group() {
        int mentors = mentorIds.size();
        start = new int[mentors + 1];
        for (int i = 0; i < n; i++) {
            start[mentor[i] + 1]++;
        }
        for (int m = 0; m < mentors; m++) {
            start[m + 1] += start[m];
        }
        int[] fill = Arrays.copyOf(start, mentors);
        rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[fill[mentor[i]]++] = i;
        }
    }

    public int size() {
        return n;
    }

    /** The mentors with at least one activity here, in id order. */
    public List<String> mentorIds() {
        List<String> out = new ArrayList<>(mentorIds.values);
        out.sort(null);
        return out;
    }

    /** Sessions and minutes per local year of a mentor's activities: year -> {sessions, minutes}. */
    public Map<Integer, long[]> yearTotals(String mentorId) {
        Map<Integer, long[]> out = new HashMap<>();
        Integer m = mentorIds.find(mentorId);
        if (m == null) {
            return out;
        }
        for (int j = start[m]; j < start[m + 1]; j++) {
            int i = rows[j];
            long[] t = out.computeIfAbsent(LocalDate.ofEpochDay(day[i]).getYear(), k -> new long[2]);
            t[0]++;
            t[1] += minutes[i];
        }
        return out;
    }

    /**
     * The mentor's activities as objects (in no particular order; {@code MentorHistory} sorts),
     * and lets go of their id strings: each mentor is handed out once.
     */
    public List<CountedActivity> of(String mentorId) {
        Integer m = mentorIds.find(mentorId);
        if (m == null) {
            return List.of();
        }
        List<CountedActivity> list = new ArrayList<>(start[m + 1] - start[m]);
        for (int j = start[m]; j < start[m + 1]; j++) {
            int i = rows[j];
            list.add(new CountedActivity(ids[i], associations.get(assoc[i]), types.get(type[i]),
                    Instant.ofEpochSecond(seconds[i], nanos[i]), LocalDate.ofEpochDay(day[i]), minutes[i],
                    contact[i] < 0 ? null : contacts.get(contact[i]),
                    km[i] == NO_KM ? null : BigDecimal.valueOf(km[i], KM_SCALE)));
            ids[i] = null;
        }
        return list;
    }

    /** Distinct strings by dense index. */
    private static final class Interner {
        private final Map<String, Integer> index = new HashMap<>();
        private final List<String> values = new ArrayList<>();

        int index(String s) {
            Integer i = index.get(s);
            if (i == null) {
                i = values.size();
                index.put(s, i);
                values.add(s);
            }
            return i;
        }

        Integer find(String s) {
            return index.get(s);
        }

        String get(int i) {
            return values.get(i);
        }

        int size() {
            return values.size();
        }
    }
}
