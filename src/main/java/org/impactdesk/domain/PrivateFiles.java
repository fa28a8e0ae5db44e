package org.impactdesk.domain;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.Charset;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and folders that hold people's data, readable by their owner only: folders the app
 * creates are 0700 and files it writes 0600 where the file system is POSIX (elsewhere the
 * file system's own defaults apply; nothing fails). The one place that says so: the
 * database, its backups, reject files and exports all go through here.
 */
public final class PrivateFiles {
    public static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> OWNER_FOLDER = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {
    }

    /** Whether the file system of {@code path} has POSIX permissions. */
    public static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Creates {@code dir} and any missing parents, each created one 0700; folders that exist
     * are left as they are (they may be the user's own, such as the home folder).
     */
    public static Path createFolder(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            return absolute;
        }
        Path parent = absolute.getParent();
        if (parent != null) {
            createFolder(parent);
        }
        try {
            if (posix(absolute)) {
                Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(OWNER_FOLDER));
                // the umask may have taken bits away from the attribute, never added: set exactly
                Files.setPosixFilePermissions(absolute, OWNER_FOLDER);
            } else {
                Files.createDirectory(absolute);
            }
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(absolute)) {
                throw e;
            }
        }
        return absolute;
    }

    /** Makes an existing folder of the app's own (its data folder) 0700. */
    public static void restrictFolder(Path dir) throws IOException {
        if (Files.isDirectory(dir) && posix(dir)) {
            Files.setPosixFilePermissions(dir, OWNER_FOLDER);
        }
    }

    /** Makes an existing file 0600 (nothing when it does not exist). */
    public static void restrict(Path file) throws IOException {
        if (Files.isRegularFile(file) && posix(file)) {
            Files.setPosixFilePermissions(file, OWNER_FILE);
        }
    }

    /**
     * Opens {@code file} for writing from its start: a new file is created 0600, an existing
     * one is made 0600 before anything is written into it.
     */
    public static OutputStream newOutputStream(Path file) throws IOException {
        createIfMissing(file);
        return Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** As {@link #newOutputStream}, as text. */
    public static BufferedWriter newBufferedWriter(Path file, Charset charset) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(newOutputStream(file), charset.newEncoder()));
    }

    /** Writes {@code bytes} as the whole of {@code file}, which is or becomes 0600. */
    public static void write(Path file, byte[] bytes) throws IOException {
        try (OutputStream out = newOutputStream(file)) {
            out.write(bytes);
        }
    }

    /** Creates an empty 0600 file unless it exists (then makes it 0600); for files another library writes into. */
    public static void createIfMissing(Path file) throws IOException {
        try {
            if (posix(file)) {
                Files.createFile(file, ownerOnly());
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            // written over: still the owner's only
        }
        restrict(file);
    }

    private static FileAttribute<Set<PosixFilePermission>> ownerOnly() {
        return PosixFilePermissions.asFileAttribute(OWNER_FILE);
    }
}
