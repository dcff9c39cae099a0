package com.voiceappoint.adapter.persistence;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The PostgreSQL binaries zonky ships and unpacks, and where: besides starting and stopping the server, we run
 * {@code postgres --single} (to set a password before the server ever listens) and {@code pg_ctl stop} (on a server
 * a killed process left behind) from them. zonky unpacks an archive into {@code <working directory>/PG-<MD5 of the
 * archive>} and keeps no public record of it; this resolver hands zonky the same archive and notes that name.
 */
final class EmbeddedBinaries implements PgBinaryResolver {
    /** One instance: zonky caches what it unpacked per resolver. */
    static final EmbeddedBinaries INSTANCE = new EmbeddedBinaries();

    /** zonky's own default, so binaries unpacked by earlier runs are reused. */
    final Path workingDirectory = Path.of(System.getProperty(
            "ot.epg.working-dir",
            Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg").toString()));

    private volatile Path unpacked;

    private EmbeddedBinaries() {}

    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
        byte[] archive;
        try (InputStream shipped = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware)) {
            archive = shipped.readAllBytes();
        }
        try {
            // the name of a folder, as zonky computes it: nothing rests on MD5's strength
            unpacked = workingDirectory.resolve("PG-"
                    + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(archive)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return new ByteArrayInputStream(archive);
    }

    /**
     * The command line running one of the binaries. As root, zonky runs them in a user namespace, where PostgreSQL
     * agrees to run; so must we, on the same data directory.
     */
    List<String> command(String binary, String... arguments) {
        Path home = unpacked;
        if (home == null) {
            throw new IllegalStateException("the embedded PostgreSQL binaries are not unpacked yet");
        }
        boolean windows = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(
                home.resolve("bin").resolve(binary + (windows ? ".exe" : "")).toString());
        command.addAll(List.of(arguments));
        return command;
    }
}
