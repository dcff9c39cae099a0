package com.voiceappoint.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.voiceappoint.adapter.http.ApiClient;
import com.voiceappoint.adapter.persistence.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/backup.sh and scripts/restore.sh against a real PostgreSQL, with the server's own data in it: the tests'
 * PostgreSQL (skipped where pg_dump and pg_restore are older than it), and the embedded default.
 */
class BackupScriptsTest {
    private static final Path SCRIPTS =
            Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent().resolve("scripts");
    private static final Pattern MAJOR_VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)");

    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    @Test
    void a_backup_restores_the_data_as_it_was_even_into_a_newer_schema_and_the_server_is_ready_on_it(
            @TempDir Path backups) throws Exception {
        assumeClientToolsFor(postgres);
        try (LiveApi api = LiveApi.start(postgres)) {
            api.register("Backed Up Salon");
        }

        Finished backup = script("backup.sh", Map.of(), backups.toString());

        assertThat(backup.exitCode()).as(backup.output()).isZero();
        List<Path> written = dumps(backups);
        assertThat(written).hasSize(1);
        assertThat(written.get(0).getFileName().toString()).matches("voiceappoint-\\d{8}T\\d{6}Z\\.dump");

        try (LiveApi api = LiveApi.start(postgres)) {
            api.register("After The Backup");
            // what a later version's migration adds, referencing what the backup holds
            api.execute("create table later_feature (business_id uuid primary key references businesses (id))");
            api.execute("insert into later_feature select id from businesses");
        }
        assertThat(businessesNamed("After The Backup")).isEqualTo(1);

        Finished restore =
                script("restore.sh", Map.of(), "--yes", written.get(0).toString());

        assertThat(restore.exitCode()).as(restore.output()).isZero();
        assertThat(businessesNamed("Backed Up Salon")).isEqualTo(1);
        assertThat(businessesNamed("After The Backup")).isZero();
        assertThat(postgres.count("select count(*) from information_schema.tables where table_name = 'later_feature'"))
                .isZero();
        try (LiveApi api = LiveApi.start(postgres)) {
            assertThat(api.at(Readiness.PATH).get().status()).isEqualTo(200);
            assertThat(api.register("After The Restore").businessId()).isNotBlank();
        }
    }

    /**
     * The README's default, no DATABASE_URL: its database runs inside the server, so the restore goes in while the
     * server runs, and a restart drops what the server had in memory. Needs only a pg_dump of the distribution's
     * (Debian 12's is 15, the embedded server's version): it skips only where none is installed at all.
     */
    @Test
    void the_embedded_default_is_backed_up_and_restored_with_the_distributions_client(
            @TempDir Path data, @TempDir Path backups) throws Exception {
        assumeTrue(installed("pg_dump") && installed("pg_restore") && installed("psql"), "no PostgreSQL client");
        ServerConfig config = ServerConfig.from(Map.of("PORT", "0", "HOST", "127.0.0.1", "DATA_DIR", data.toString()));
        try (VoiceAppointServer server = VoiceAppointServer.start(config, VoiceAppointServer.databaseClock())) {
            ApiClient api = new ApiClient(server.port());
            register(api, "kept@example.com", "Kept Salon");
            String url = EmbeddedPostgresServer.runningUrl(config.embeddedDatabaseDirectory())
                    .orElseThrow();

            Finished backup = script("backup.sh", Map.of("DATABASE_URL", url), backups.toString());
            assertThat(backup.exitCode()).as(backup.output()).isZero();
            register(api, "lost@example.com", "After The Backup");
            Finished restore = script(
                    "restore.sh",
                    Map.of("DATABASE_URL", url),
                    "--yes",
                    dumps(backups).get(0).toString());
            assertThat(restore.exitCode()).as(restore.output()).isZero();
        }

        try (VoiceAppointServer server = VoiceAppointServer.start(config, VoiceAppointServer.databaseClock())) {
            ApiClient api = new ApiClient(server.port());
            assertThat(api.at(Readiness.PATH).get().status()).isEqualTo(200);
            assertThat(logIn(api, "kept@example.com")).isEqualTo(200);
            assertThat(logIn(api, "lost@example.com"))
                    .as("registered after the backup")
                    .isEqualTo(401);
        }
    }

    @Test
    void backups_beyond_the_newest_kept_are_removed_and_a_failed_one_leaves_no_file(@TempDir Path backups)
            throws Exception {
        assumeClientToolsFor(postgres);
        for (String older : List.of("20260101T030000Z", "20260102T030000Z", "20260103T030000Z")) {
            Files.writeString(backups.resolve("voiceappoint-" + older + ".dump"), "an older backup");
        }
        Path unrelated = Files.writeString(backups.resolve("notes.txt"), "not a backup");

        Finished rotated = script("backup.sh", Map.of("BACKUP_KEEP", "2"), backups.toString());

        assertThat(rotated.exitCode()).as(rotated.output()).isZero();
        assertThat(dumps(backups)).hasSize(2);
        assertThat(backups.resolve("voiceappoint-20260103T030000Z.dump")).exists();
        assertThat(backups.resolve("voiceappoint-20260102T030000Z.dump")).doesNotExist();
        assertThat(unrelated).exists();

        Finished unreachable = script(
                "backup.sh",
                Map.of("DATABASE_URL", "postgresql://nobody@127.0.0.1:1/nothing", "BACKUP_KEEP", "1"),
                backups.toString());

        assertThat(unreachable.exitCode()).isNotZero();
        assertThat(dumps(backups))
                .as("a failed backup neither leaves a file nor rotates")
                .hasSize(2);
        try (Stream<Path> files = Files.list(backups)) {
            assertThat(files).noneMatch(file -> file.toString().endsWith(".partial"));
        }
    }

    @Test
    void a_restore_refuses_what_is_not_a_backup_and_asks_before_replacing_anything(@TempDir Path backups)
            throws Exception {
        assumeClientToolsFor(postgres);
        Finished backup = script("backup.sh", Map.of(), backups.toString());
        assertThat(backup.exitCode()).as(backup.output()).isZero();
        try (LiveApi api = LiveApi.start(postgres)) {
            api.register("Untouched Salon");
        }
        Path garbage = Files.writeString(backups.resolve("voiceappoint-garbage.dump"), "not a pg_dump archive");

        Finished refused = script("restore.sh", Map.of(), "--yes", garbage.toString());
        Finished missing = script(
                "restore.sh", Map.of(), "--yes", backups.resolve("absent.dump").toString());
        Finished unconfirmed =
                script("restore.sh", Map.of(), dumps(backups).get(0).toString());

        assertThat(refused.exitCode()).isNotZero();
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.output()).contains("no backup at");
        assertThat(unconfirmed.exitCode()).isEqualTo(1);
        assertThat(unconfirmed.output()).contains("nothing done");
        assertThat(businessesNamed("Untouched Salon")).isEqualTo(1);
    }

    private static void register(ApiClient api, String email, String business) {
        var registered = api.at("/api/v1/auth/register/")
                .post(Map.of(
                        "email",
                        email,
                        "password",
                        LiveApi.PASSWORD,
                        "business_name",
                        business,
                        "business_type",
                        "salon",
                        "timezone",
                        "Europe/Madrid",
                        "currency",
                        "EUR"));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
    }

    private static int logIn(ApiClient api, String email) {
        return api.at("/api/v1/auth/token/")
                .post(Map.of("email", email, "password", LiveApi.PASSWORD))
                .status();
    }

    private static boolean installed(String tool) throws InterruptedException {
        try {
            return Finished.run(List.of(tool, "--version"), Map.of(), false).exitCode() == 0;
        } catch (IOException notInstalled) {
            return false;
        }
    }

    private static long businessesNamed(String name) {
        return postgres.count("select count(*) from businesses where name = ?", name);
    }

    private static List<Path> dumps(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".dump"))
                    .sorted()
                    .toList();
        }
    }

    /** pg_dump refuses a server newer than itself. */
    private static void assumeClientToolsFor(TestPostgres database) throws Exception {
        for (String tool : List.of("pg_dump", "pg_restore")) {
            Finished version;
            try {
                version = Finished.run(List.of(tool, "--version"), Map.of(), false);
            } catch (IOException notInstalled) {
                assumeTrue(false, tool + " is not installed");
                return;
            }
            Matcher major = MAJOR_VERSION.matcher(version.output());
            assumeTrue(major.find(), tool + " said: " + version.output());
            long server = database.count("select current_setting('server_version_num')::int / 10000");
            assumeTrue(Integer.parseInt(major.group(1)) >= server, tool + " is older than PostgreSQL " + server);
        }
    }

    /** A script run with this test's database as DATABASE_URL, unless the environment given says otherwise. */
    private static Finished script(String name, Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        Map<String, String> variables = new HashMap<>();
        variables.put("DATABASE_URL", EndToEndTest.jdbcUrlWithCredentials(postgres.url()));
        variables.putAll(environment);
        List<String> command = Stream.concat(Stream.of(SCRIPTS.resolve(name).toString()), Stream.of(arguments))
                .toList();
        return Finished.run(command, variables, false);
    }
}
