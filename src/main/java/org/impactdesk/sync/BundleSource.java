package org.impactdesk.sync;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.impactdesk.domain.ImportMessage;
/**
 * An export bundle as files by name: a folder, a {@code .zip} (files at its top or in one
 * folder inside it) or a bare {@code .csv} (taken as activities.csv unless it carries another
 * bundle file's name). Opens each file as a fresh stream, so every pass streams.
 */
public final class BundleSource implements AutoCloseable {
    public static final List<String> CSV_FILES = List.of("organizations.csv", "local_associations.csv", "users.csv",
            "peer_mentors.csv", "contacts.csv", "activity_types.csv", "events.csv", "event_attendance.csv",
            "assignments.csv", "activities.csv");
    static final String MANIFEST = "manifest.json";

    /** Thrown when the path is not a bundle at all (usage) or does not exist (not found). */
    public static final class NotABundle extends RuntimeException {
        public final boolean missing;
        /** why, as the report says it */
        public final ImportMessage reason;

        NotABundle(String message, boolean missing) {
            this(message, missing, ImportMessage.plain(message));
        }

        NotABundle(String message, boolean missing, ImportMessage reason) {
            super(message);
            this.missing = missing;
            this.reason = reason;
        }
    }

    /**
     * What went wrong in a read, in one line: the innermost message that says something (a
     * CSV parser's "Exception when reading record" wraps the reason, e.g. a field too large).
     */
    static String why(Throwable e) {
        String said = e.getMessage();
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                said = t.getMessage();
            }
        }
        return said == null ? e.getClass().getSimpleName() : said.replace('\n', ' ').replace('\r', ' ');
    }

    /** SHA-256 of a file's bytes, or "" when it cannot be read. */
    public static String sha256OfFile(Path file) {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buf = new byte[1 << 16];
                int n;
                while ((n = in.read(buf)) > 0) {
                    md.update(buf, 0, n);
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            return "";
        }
    }

    private final Path path;
    private final ZipFile zip;
    /** bundle file name (lower case) -> folder file or zip entry name */
    private final Map<String, String> files = new LinkedHashMap<>();
    /** display names: the real name of a bare csv */
    private final Map<String, String> displayNames = new LinkedHashMap<>();
    private final List<String> ignored = new ArrayList<>();

    private BundleSource(Path path, ZipFile zip) {
        this.path = path;
        this.zip = zip;
    }

    public static BundleSource open(Path path) {
        if (!Files.exists(path)) {
            throw new NotABundle("No such file or folder: " + path, true);
        }
        try {
            if (Files.isDirectory(path)) {
                BundleSource b = new BundleSource(path, null);
                try (var list = Files.list(path)) {
                    for (Path p : list.sorted().toList()) {
                        if (Files.isRegularFile(p)) {
                            b.offer(p.getFileName().toString(), p.toString());
                        }
                    }
                }
                return b;
            }
            String name = path.getFileName().toString();
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".zip")) {
                ZipFile zf = new ZipFile(path.toFile());
                BundleSource b = new BundleSource(path, zf);
                for (ZipEntry e : zf.stream().sorted(java.util.Comparator.comparing(ZipEntry::getName)).toList()) {
                    if (!e.isDirectory() && !e.getName().contains("__MACOSX")) {
                        String base = e.getName().substring(e.getName().lastIndexOf('/') + 1);
                        b.offer(base, e.getName());
                    }
                }
                return b;
            }
            if (lower.endsWith(".csv")) {
                BundleSource b = new BundleSource(path, null);
                String kind = CSV_FILES.contains(lower) ? lower : "activities.csv";
                b.files.put(kind, path.toString());
                b.displayNames.put(kind, name);
                return b;
            }
        } catch (java.util.zip.ZipException e) {
            throw new NotABundle(path.getFileName() + " is not a readable .zip file: " + e.getMessage(), false,
                    ImportMessage.of("import.error.zipUnreadable", why(e)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path + ": " + e.getMessage(), e);
        }
        throw new NotABundle(path + " is not an export bundle: give a folder, a .zip or a .csv file", false);
    }

    private void offer(String baseName, String location) {
        String lower = baseName.toLowerCase(Locale.ROOT);
        if ((CSV_FILES.contains(lower) || lower.equals(MANIFEST)) && !files.containsKey(lower)) {
            files.put(lower, location);
            displayNames.put(lower, baseName);
        } else if (!baseName.startsWith(".")) {
            ignored.add(baseName);
        }
    }

    public Path path() {
        return path;
    }

    public boolean has(String file) {
        return files.containsKey(file);
    }

    /** The name to show for a bundle file (a bare csv keeps its own name). */
    public String displayName(String file) {
        return displayNames.getOrDefault(file, file);
    }

    /** Files of the folder or zip that are not bundle files (one warning each). */
    public List<String> ignoredFiles() {
        return ignored;
    }

    public InputStream open(String file) throws IOException {
        String loc = files.get(file);
        if (loc == null) {
            throw new NoSuchFileException(file);
        }
        if (zip != null) {
            return new BufferedInputStream(zip.getInputStream(zip.getEntry(loc)), 1 << 16);
        }
        return new BufferedInputStream(Files.newInputStream(Path.of(loc)), 1 << 16);
    }

    long size(String file) {
        String loc = files.get(file);
        try {
            if (zip != null) {
                long s = zip.getEntry(loc).getSize();
                return s < 0 ? 0 : s;
            }
            return Files.size(Path.of(loc));
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * SHA-256 of what was imported: the bytes of the zip or csv, or for a folder the bundle
     * files' names and bytes in name order.
     */
    public String sha256() throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buf = new byte[1 << 16];
        if (!Files.isDirectory(path)) {
            try (InputStream in = Files.newInputStream(path)) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    md.update(buf, 0, n);
                }
            }
        } else {
            for (Map.Entry<String, String> f : new TreeMap<>(files).entrySet()) {
                md.update(f.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update((byte) 0);
                try (InputStream in = Files.newInputStream(Path.of(f.getValue()))) {
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        md.update(buf, 0, n);
                    }
                }
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    @Override
    public void close() {
        if (zip != null) {
            try {
                zip.close();
            } catch (IOException ignored) {
                // read-only
            }
        }
    }
}
