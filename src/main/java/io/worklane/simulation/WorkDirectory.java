package io.worklane.simulation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where a node's simulations write their runs' input, figures and logs. */
final class WorkDirectory {

    private static final Logger log = LoggerFactory.getLogger(WorkDirectory.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private WorkDirectory() {
    }

    /**
     * The work directory holds recorded items on their way to a run: this user's alone (created so, refused when
     * someone else owns it). Failed runs' logs go after a week.
     */
    static void prepare(Path root, Instant now) {
        try {
            boolean posix = root.getFileSystem().supportedFileAttributeViews().contains("posix");
            if (!Files.exists(root)) {
                Files.createDirectories(root.getParent() == null ? root.toAbsolutePath().getParent() : root.getParent());
                if (posix) {
                    Files.createDirectory(root, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                }
                else {
                    Files.createDirectory(root);
                }
            }
            if (posix) {
                String owner = Files.getOwner(root).getName();
                if (!owner.equals(System.getProperty("user.name"))) {
                    throw new IllegalStateException("The simulations' work directory " + root + " belongs to " + owner
                            + ", not to this application's user: set worklane.simulation.work-directory.");
                }
                Files.setPosixFilePermissions(root, OWNER_ONLY);
            }
            Instant weekAgo = now.minus(Duration.ofDays(7));
            try (var runs = Files.list(root)) {
                for (Path old : runs.filter(Files::isDirectory).toList()) {
                    if (Files.getLastModifiedTime(old).toInstant().isBefore(weekAgo)) {
                        clean(old, file -> true);
                    }
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the files of a run directory that match, and the directory once it is empty. */
    static void clean(Path directory, Predicate<Path> which) {
        try (var files = Files.list(directory)) {
            for (Path file : files.filter(which).toList()) {
                Files.deleteIfExists(file);
            }
            try (var left = Files.list(directory)) {
                if (left.findAny().isEmpty()) {
                    Files.delete(directory);
                }
            }
        }
        catch (IOException e) {
            log.warn("Could not clean up {}: {}", directory, e.toString());
        }
    }
}
