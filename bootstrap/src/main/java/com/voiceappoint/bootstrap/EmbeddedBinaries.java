package com.voiceappoint.bootstrap;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The PostgreSQL binaries zonky ships, unpacked into a folder only this user can enter, and run from there: besides
 * starting and stopping the server, we run {@code postgres --single} (to set a password before the server ever
 * listens) and {@code pg_ctl stop} (on a server a killed process left behind) from them.
 *
 * <p>zonky's default folder is {@code java.io.tmpdir/embedded-pg}, and it runs whatever it finds in {@code
 * PG-<MD5 of the archive>} there once a {@code .exists} marker is present, without asking who put it there: in a
 * world-writable /tmp, any local user could plant binaries that the server would then run as its own user. So the
 * binaries live in a home folder (the server's under {@code DATA_DIR}) that must be this user's and closed to
 * everyone else (mode 0700): it is made so when missing and refused otherwise. zonky unpacks into a folder inside it,
 * which zonky makes writable by all; nobody else can reach that folder, and we close it again after zonky is done.
 * zonky keeps no public record of what it unpacked where; this resolver hands zonky the archive and notes the name.
 */
final class EmbeddedBinaries implements PgBinaryResolver {
    /** One instance per home: zonky caches what it unpacked per resolver. */
    private static final ConcurrentHashMap<Path, EmbeddedBinaries> BY_HOME = new ConcurrentHashMap<>();

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private final Path home;
    private volatile Path unpacked;

    private EmbeddedBinaries(Path home) {
        this.home = home;
    }

    /**
     * The binaries kept in {@code home}, which is made (owner only) if missing.
     *
     * @throws IllegalStateException when {@code home} is not a folder of this user's closed to everyone else: the
     *     message says what to do
     */
    static EmbeddedBinaries in(Path home) throws IOException {
        Path folder = home.toAbsolutePath().normalize();
        requirePrivate(folder);
        return BY_HOME.computeIfAbsent(folder, EmbeddedBinaries::new);
    }

    /** Where zonky unpacks: inside the home, whose permissions keep others out of it. */
    File workingDirectory() {
        return home.resolve("unpacked").toFile();
    }

    /** Closes zonky's folder again: zonky made it writable by all before unpacking. */
    void closeWorkingDirectory() throws IOException {
        Path working = workingDirectory().toPath();
        if (Files.getFileAttributeView(working, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS) != null) {
            Files.setPosixFilePermissions(working, OWNER_ONLY);
        }
    }

    private static void requirePrivate(Path folder) throws IOException {
        if (Files.notExists(folder, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(folder.getParent());
            if (Files.getFileStore(folder.getParent()).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                Files.setPosixFilePermissions(folder, OWNER_ONLY); // whatever the umask took away or added
            } else {
                Files.createDirectory(folder); // Windows: the folder inherits the user's own, private, profile's ACL
            }
        }
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw refused(folder, "is not a folder (a link, say)");
        }
        UserPrincipal owner = Files.getOwner(folder, LinkOption.NOFOLLOW_LINKS);
        UserPrincipal us = currentUser();
        if (!owner.equals(us)) {
            throw refused(folder, "belongs to " + owner.getName() + ", not to " + us.getName() + ", who runs this");
        }
        PosixFileAttributeView posix =
                Files.getFileAttributeView(folder, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (posix != null) {
            Set<PosixFilePermission> others =
                    EnumSet.copyOf(posix.readAttributes().permissions());
            others.removeAll(OWNER_ONLY);
            if (!others.isEmpty()) {
                throw refused(
                        folder,
                        "is open to others ("
                                + PosixFilePermissions.toString(
                                        posix.readAttributes().permissions())
                                + "), who could have changed the binaries in it");
            }
        }
    }

    /** Whoever owns what this process creates. */
    private static UserPrincipal currentUser() throws IOException {
        Path probe = Files.createTempFile("voiceappoint-owner", ".probe");
        try {
            return Files.getOwner(probe);
        } finally {
            Files.delete(probe);
        }
    }

    private static IllegalStateException refused(Path folder, String why) {
        return new IllegalStateException(("%s, where the embedded PostgreSQL's binaries are kept and run from, %s:"
                        + " nothing was run from it. Delete it (the next start unpacks the binaries again, into a"
                        + " folder only its user can enter), or give it to the user running VoiceAppoint with mode"
                        + " 700 if you are sure nobody else changed it.")
                .formatted(folder, why));
    }

    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
        byte[] archive;
        try (InputStream shipped = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware)) {
            archive = shipped.readAllBytes();
        }
        try {
            // the name of a folder, as zonky computes it: nothing rests on MD5's strength
            unpacked = workingDirectory()
                    .toPath()
                    .resolve("PG-"
                            + HexFormat.of()
                                    .formatHex(MessageDigest.getInstance("MD5").digest(archive)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return new ByteArrayInputStream(archive);
    }

    /** The folder the binaries were unpacked into, once they were. */
    Path unpacked() {
        Path home = unpacked;
        if (home == null) {
            throw new IllegalStateException("the embedded PostgreSQL binaries are not unpacked yet");
        }
        return home;
    }

    /**
     * The command line running one of the binaries. As root, zonky runs them in a user namespace, where PostgreSQL
     * agrees to run; so must we, on the same data directory.
     */
    List<String> command(String binary, String... arguments) {
        boolean windows = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(unpacked()
                .resolve("bin")
                .resolve(binary + (windows ? ".exe" : ""))
                .toString());
        command.addAll(List.of(arguments));
        return command;
    }
}
