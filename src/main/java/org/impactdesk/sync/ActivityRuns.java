package org.impactdesk.sync;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.impactdesk.domain.ActivityValues;

/**
 * The valid activity rows of a bundle, sorted by id with bounded memory: rows are collected in
 * chunks, each chunk sorted and spilled to a temporary run file, and the runs merged in id
 * order (a k-way merge), as often as needed. Sorting gives duplicate ids as neighbours, a
 * merge join with the stored activities (also read in id order), and inserts in key order (the
 * primary-key B-tree fills at its right edge instead of at random pages). Memory: one chunk.
 */
public final class ActivityRuns implements AutoCloseable {
    public static final int DEFAULT_CHUNK = 100_000;

    /** Interned small vocabularies (organisations, associations, mentors, types, statuses): ints in runs. */
    static final class Dict {
        private final java.util.HashMap<String, Integer> ids = new java.util.HashMap<>();
        private final List<String> values = new ArrayList<>();

        int id(String s) {
            Integer i = ids.get(s);
            if (i == null) {
                i = values.size();
                values.add(s);
                ids.put(s, i);
            }
            return i;
        }

        String value(int i) {
            return values.get(i);
        }
    }

    /** One valid activity row, as the bundle gave it (line = physical line of its first line). */
    public final class Act implements ActivityValues {
        public final String id;
        public final long line;
        final int span;
        final int org;
        final int la;
        final int pm;
        final int type;
        public final long micros;
        final int duration;
        final String contact;
        final int status;
        final long km;
        final String event;

        Act(String id, long line, int span, int org, int la, int pm, int type, long micros, int duration, String contact,
            int status, long km, String event) {
            this.id = id;
            this.line = line;
            this.span = span;
            this.org = org;
            this.la = la;
            this.pm = pm;
            this.type = type;
            this.micros = micros;
            this.duration = duration;
            this.contact = contact;
            this.status = status;
            this.km = km;
            this.event = event;
        }

        @Override public String id() { return id; }
        @Override public String organizationId() { return dict.value(org); }
        @Override public String localAssociationId() { return dict.value(la); }
        @Override public String peerMentorId() { return dict.value(pm); }
        @Override public String activityType() { return dict.value(type); }
        @Override public long startedAtMicros() { return micros; }
        @Override public int durationMinutes() { return duration; }
        @Override public String contactId() { return contact; }
        @Override public String approvalStatus() { return dict.value(status); }
        @Override public long travelKmCents() { return km; }
        @Override public String eventId() { return event; }

        public boolean isRejected() {
            return status < 0;
        }

        public boolean sameValues(ActivityValues s) {
            return micros == s.startedAtMicros() && duration == s.durationMinutes() && km == s.travelKmCents()
                    && organizationId().equals(s.organizationId()) && localAssociationId().equals(s.localAssociationId())
                    && peerMentorId().equals(s.peerMentorId()) && activityType().equals(s.activityType())
                    && java.util.Objects.equals(contact, s.contactId()) && approvalStatus().equals(s.approvalStatus())
                    && java.util.Objects.equals(event, s.eventId());
        }
    }

    private static final Comparator<Act> BY_ID = (a, b) -> {
        int c = a.id.compareTo(b.id);
        return c != 0 ? c : Long.compare(a.line, b.line);
    };

    final Dict dict = new Dict();
    private final int chunkSize;
    private final List<Path> runs = new ArrayList<>();
    private List<Act> chunk = new ArrayList<>();
    private List<Act> lastChunk;
    private Path dir;
    private long count;

    public ActivityRuns(int chunkSize) {
        this.chunkSize = chunkSize;
    }

    Act act(String id, long line, int span, String org, String la, String pm, String type, long micros, int duration,
            String contact, String status, long km, String event) {
        return new Act(id, line, span, dict.id(org), dict.id(la), dict.id(pm), dict.id(type), micros, duration, contact,
                dict.id(status), km, event);
    }

    /** A row with errors: only its id and place, so that repeats of its id are found and its stored row kept. */
    Act rejected(String id, long line, int span) {
        return new Act(id, line, span, -1, -1, -1, -1, 0, 0, null, -1, -1, null);
    }

    void add(Act a) {
        chunk.add(a);
        count++;
        if (chunk.size() >= chunkSize) {
            spill();
        }
    }

    public long count() {
        return count;
    }

    private void spill() {
        chunk.sort(BY_ID);
        try {
            if (dir == null) {
                dir = Files.createTempDirectory("impact-desk-sync-");
            }
            Path run = dir.resolve("run-" + runs.size() + ".bin");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run), 1 << 16))) {
                for (Act a : chunk) {
                    write(out, a);
                }
            }
            runs.add(run);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a temporary sort file: " + e.getMessage(), e);
        }
        chunk = new ArrayList<>();
    }

    /** Ends the adding: the last chunk is sorted (and kept in memory when it is the only one). */
    public void finish() {
        if (runs.isEmpty()) {
            chunk.sort(BY_ID);
            lastChunk = chunk;
        } else if (!chunk.isEmpty()) {
            spill();
        }
        chunk = null;
    }

    private static void write(DataOutputStream out, Act a) throws IOException {
        out.writeUTF(a.id);
        out.writeLong(a.line);
        out.writeInt(a.span);
        out.writeInt(a.org);
        out.writeInt(a.la);
        out.writeInt(a.pm);
        out.writeInt(a.type);
        out.writeLong(a.micros);
        out.writeShort(a.duration);
        out.writeByte(a.status);
        out.writeLong(a.km);
        out.writeByte((a.contact != null ? 1 : 0) | (a.event != null ? 2 : 0));
        if (a.contact != null) {
            out.writeUTF(a.contact);
        }
        if (a.event != null) {
            out.writeUTF(a.event);
        }
    }

    private Act read(DataInputStream in) throws IOException {
        String id;
        try {
            id = in.readUTF();
        } catch (EOFException e) {
            return null;
        }
        long line = in.readLong();
        int span = in.readInt();
        int org = in.readInt();
        int la = in.readInt();
        int pm = in.readInt();
        int type = in.readInt();
        long micros = in.readLong();
        int duration = in.readShort();
        int status = in.readByte();
        long km = in.readLong();
        int flags = in.readByte();
        String contact = (flags & 1) != 0 ? in.readUTF() : null;
        String event = (flags & 2) != 0 ? in.readUTF() : null;
        return new Act(id, line, span, org, la, pm, type, micros, duration, contact, status, km, event);
    }

    /** Iterates the rows in id order (rows with equal ids by line). Close it when done. */
    public interface Merge extends AutoCloseable {
        Act next();

        @Override
        void close();
    }

    public Merge merge() {
        if (lastChunk != null) {
            java.util.Iterator<Act> it = lastChunk.iterator();
            return new Merge() {
                public Act next() {
                    return it.hasNext() ? it.next() : null;
                }

                public void close() {
                }
            };
        }
        record Head(Act act, DataInputStream in) {
        }
        List<DataInputStream> ins = new ArrayList<>();
        PriorityQueue<Head> heap = new PriorityQueue<>(Comparator.comparing(Head::act, BY_ID));
        try {
            for (Path run : runs) {
                DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(run), 1 << 16));
                ins.add(in);
                Act a = read(in);
                if (a != null) {
                    heap.add(new Head(a, in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read a temporary sort file: " + e.getMessage(), e);
        }
        return new Merge() {
            public Act next() {
                Head h = heap.poll();
                if (h == null) {
                    return null;
                }
                try {
                    Act n = read(h.in());
                    if (n != null) {
                        heap.add(new Head(n, h.in()));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read a temporary sort file: " + e.getMessage(), e);
                }
                return h.act();
            }

            public void close() {
                for (DataInputStream in : ins) {
                    try {
                        in.close();
                    } catch (IOException ignored) {
                        // temp file
                    }
                }
            }
        };
    }

    @Override
    public void close() {
        try {
            for (Path run : runs) {
                Files.deleteIfExists(run);
            }
            if (dir != null) {
                Files.deleteIfExists(dir);
            }
        } catch (IOException ignored) {
            // temp files; the OS cleans up
        }
    }
}
