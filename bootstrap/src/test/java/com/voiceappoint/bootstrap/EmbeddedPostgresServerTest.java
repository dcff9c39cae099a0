package com.voiceappoint.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.adapter.persistence.DatabaseUrl;
import com.voiceappoint.adapter.persistence.PostgresPersistence;
import com.voiceappoint.application.fakes.FakePasswordHasher;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.testkit.TestData;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The zero-setup server keeps its data in a folder across restarts, migrated on each start; it writes it to disk
 * before answering, lets in only who has its password, and starts again after a server that was killed.
 */
class EmbeddedPostgresServerTest {
    /** Unpacked once for the class: a folder of this user's, closed to others, as JUnit makes it. */
    @TempDir
    static Path binaries;

    @Test
    void data_survives_a_restart(@TempDir Path dataDirectory) {
        BusinessId created;
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory, binaries);
                PostgresPersistence persistence =
                        PostgresPersistence.connect(server.url(), 2, new SimpleMeterRegistry())) {
            created =
                    TestData.tenant(persistence.ports(new FakePasswordHasher())).id();
        }

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory, binaries);
                PostgresPersistence persistence =
                        PostgresPersistence.connect(server.url(), 2, new SimpleMeterRegistry())) {
            assertThat(persistence.businesses().findById(created)).isPresent();
        }
    }

    @Test
    void a_commit_is_on_disk_before_it_is_answered(@TempDir Path dataDirectory) throws SQLException {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory, binaries)) {
            assertThat(settings(server.url(), "fsync", "synchronous_commit", "full_page_writes"))
                    .as("PostgreSQL's own defaults: a booking answered 201 survives a power cut")
                    .containsExactly("on", "on", "on");
        }
    }

    @Test
    void a_throw_away_server_for_tests_trades_durability_for_speed() throws SQLException {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startTemporary()) {
            assertThat(settings(server.url(), "fsync", "synchronous_commit", "full_page_writes"))
                    .containsExactly("off", "off", "off");
        }
    }

    @Test
    void only_the_holder_of_the_generated_password_gets_in(@TempDir Path dataDirectory) throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory, binaries)) {
            DatabaseUrl url = server.url();

            assertThat(url.password()).as("generated").isNotBlank();
            assertThatThrownBy(() -> DriverManager.getConnection(url.jdbcUrl(), "postgres", null)
                            .close())
                    .as("no password")
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(url.jdbcUrl(), "postgres", "guessed")
                            .close())
                    .as("a wrong password")
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
            assertThat(settings(url, "listen_addresses", "unix_socket_directories"))
                    .as("loopback TCP only: no socket file in /tmp for any local user")
                    .containsExactly("localhost", "");
            Path passfile = dataDirectory.resolve(EmbeddedPostgresServer.PASSFILE);
            assertThat(Files.getPosixFilePermissions(passfile))
                    .as("only its owner reads the password")
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertThat(Files.readString(passfile)).contains(":postgres:" + url.password());
        }

        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(dataDirectory, binaries)) {
            assertThat(settings(again.url(), "server_version").get(0))
                    .as("the major version Debian 12's pg_dump can back up")
                    .startsWith("15.");
        }
    }

    @Test
    void a_data_directory_without_a_password_is_locked_down_with_its_data(@TempDir Path dataDirectory)
            throws Exception {
        // zonky's own initdb, which trusts every local connection, and no passfile
        try (EmbeddedPostgres trusting = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDirectory)
                        .setCleanDataDirectory(false)
                        .start();
                Connection connection = trusting.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create table kept (name text); insert into kept values ('from before')");
        }

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory, binaries)) {
            DatabaseUrl url = server.url();
            assertThatThrownBy(() -> DriverManager.getConnection(url.jdbcUrl(), "postgres", null)
                            .close())
                    .isInstanceOf(SQLException.class);
            try (Connection connection = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
                    Statement statement = connection.createStatement();
                    ResultSet kept = statement.executeQuery("select name from kept")) {
                assertThat(kept.next()).isTrue();
                assertThat(kept.getString(1)).isEqualTo("from before");
            }
        }
    }

    @Test
    void a_postgres_left_running_by_a_killed_server_is_stopped_and_the_next_start_comes_up(@TempDir Path dataDirectory)
            throws Exception {
        Process killed = startInAnotherJvm(dataDirectory);
        long orphan = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid"))
                .get(0)
                .trim());
        killed.destroyForcibly(); // kill -9: no shutdown hook stops its PostgreSQL
        assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive))
                .as("the killed server's PostgreSQL outlives it")
                .contains(true);

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory, binaries)) {
            assertThat(settings(server.url(), "fsync")).containsExactly("on");
            assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive))
                    .as("stopped, not merely abandoned")
                    .isEmpty();
        }
    }

    @Test
    void at_jvm_shutdown_the_database_stays_up_until_its_owner_closes_it(@TempDir Path dataDirectory) throws Exception {
        OtherJvm owner = startInAnotherJvm(dataDirectory, List.of(OWNER_STOPS_IT));
        ProcessHandle database = ProcessHandle.of(
                        Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid"))
                                .get(0)
                                .trim()))
                .orElseThrow();

        // SIGTERM, the JVM runs its shutdown hooks, all at once; through the handle, which keeps our ends of the pipes
        owner.process().toHandle().destroy();
        owner.awaitLine("stopping");
        // a stop of its own (zonky's hook: pg_ctl stop, waiting 5 s at most) would have ended it by now
        database.onExit().completeOnTimeout(database, 10, TimeUnit.SECONDS).join();
        assertThat(database.isAlive())
                .as("up while its owner still drains what uses it")
                .isTrue();
        try (OutputStream told = owner.process().getOutputStream()) {
            told.write("stop now\n".getBytes(StandardCharsets.UTF_8));
        }

        owner.awaitLine("the database answered");
        owner.awaitLine("closed");
        assertThat(owner.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(database.onExit().get(60, TimeUnit.SECONDS).isAlive())
                .as("stopped by its owner")
                .isFalse();
    }

    @Test
    void a_lock_file_whose_process_number_went_to_another_program_is_not_in_the_way(@TempDir Path dataDirectory)
            throws Exception {
        EmbeddedPostgresServer.start(dataDirectory, binaries).close();
        // as after a power cut: postmaster.pid is still there, and its PID now belongs to something else
        Process otherProgram = new ProcessBuilder("sleep", "600").start();
        try {
            Files.writeString(
                    dataDirectory.resolve("postmaster.pid"),
                    otherProgram.pid() + "\n" + dataDirectory
                            + "\n1700000000\n5432\n\nlocalhost\n  1234567  7\nready\n");

            try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory, binaries)) {
                assertThat(settings(server.url(), "fsync")).containsExactly("on");
            }
            assertThat(otherProgram.isAlive()).as("left alone").isTrue();
        } finally {
            otherProgram.destroy();
        }
    }

    @Test
    void a_data_directory_in_use_by_a_running_server_is_refused_at_once_with_the_reason(@TempDir Path dataDirectory) {
        try (EmbeddedPostgresServer running = EmbeddedPostgresServer.start(dataDirectory, binaries)) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataDirectory, binaries))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use by another running VoiceAppoint");
            assertThat(running.url().password()).isNotBlank();
        }
    }

    @Test
    void a_data_directory_of_another_postgres_version_is_refused_untouched(@TempDir Path dataDirectory)
            throws Exception {
        Files.writeString(dataDirectory.resolve("PG_VERSION"), "17\n");
        Files.writeString(dataDirectory.resolve("postgresql.conf"), "# initdb'd by PostgreSQL 17\n");
        List<Path> before = listing(dataDirectory);

        assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataDirectory, binaries))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PostgreSQL 17")
                .hasMessageContaining("PostgreSQL 15")
                .hasMessageContaining("docs/DEPLOYMENT.md");
        assertThat(listing(dataDirectory)).isEqualTo(before);
        assertThat(Files.readString(dataDirectory.resolve("PG_VERSION"))).isEqualTo("17\n");
    }

    @Test
    void its_binaries_are_unpacked_and_run_from_a_folder_only_its_user_can_enter(@TempDir Path dataDirectory)
            throws Exception {
        Path ownBinaries = dataDirectory.resolve("postgres-binaries");

        try (EmbeddedPostgresServer server =
                EmbeddedPostgresServer.start(dataDirectory.resolve("postgres"), ownBinaries)) {
            assertThat(Files.getPosixFilePermissions(ownBinaries))
                    .as("made for its user alone")
                    .isEqualTo(PosixFilePermissions.fromString("rwx------"));
            long postmaster = Long.parseLong(
                    Files.readAllLines(dataDirectory.resolve("postgres").resolve("postmaster.pid"))
                            .get(0)
                            .trim());
            assertThat(ProcessHandle.of(postmaster).flatMap(p -> p.info().command()))
                    .as("the running PostgreSQL is the one unpacked there, not one from a shared temporary folder")
                    .hasValueSatisfying(command -> assertThat(Path.of(command)).startsWith(ownBinaries));
            try (Stream<Path> unpacked = Files.list(ownBinaries)) {
                for (Path folder : unpacked.toList()) {
                    assertThat(Files.getPosixFilePermissions(folder))
                            .as("zonky opens %s to all while unpacking; it is closed again", folder)
                            .isEqualTo(PosixFilePermissions.fromString("rwx------"));
                }
            }
        }
    }

    @Test
    void a_binaries_folder_others_may_write_in_is_refused_and_nothing_is_run(@TempDir Path dataDirectory)
            throws Exception {
        Path planted = Files.createDirectory(dataDirectory.resolve("postgres-binaries"));
        Files.setPosixFilePermissions(planted, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataDirectory.resolve("postgres"), planted))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(planted.toString())
                .hasMessageContaining("open to others");
        assertThat(listing(planted)).as("nothing unpacked, nothing run").isEmpty();
        assertThat(dataDirectory.resolve("postgres").resolve("PG_VERSION")).doesNotExist();
    }

    @Test
    void a_binaries_folder_of_another_user_is_refused_and_nothing_is_run(@TempDir Path dataDirectory) throws Exception {
        Path planted = Files.createDirectory(dataDirectory.resolve("postgres-binaries"));
        Files.setPosixFilePermissions(planted, PosixFilePermissions.fromString("rwx------"));
        UserPrincipal nobody =
                planted.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        try {
            Files.setOwner(planted, nobody);
        } catch (IOException onlyRootGivesFilesAway) {
            Assumptions.abort("only root can give a folder to another user here: " + onlyRootGivesFilesAway);
        }

        assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataDirectory.resolve("postgres"), planted))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("belongs to nobody");
        assertThat(dataDirectory.resolve("postgres").resolve("PG_VERSION")).doesNotExist();
    }

    /**
     * Run by {@link #startInAnotherJvm}: a server that never stops by itself; with {@value #OWNER_STOPS_IT}, one whose
     * owner stops it from a shutdown hook of its own, once told to on standard input, after using it a last time.
     */
    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]), Path.of(args[1]));
        if (args.length > 2 && args[2].equals(OWNER_STOPS_IT)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                System.out.println("stopping");
                System.out.flush();
                try (BufferedReader told =
                                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                        Connection connection = DriverManager.getConnection(
                                server.url().jdbcUrl(),
                                server.url().user(),
                                server.url().password());
                        Statement statement = connection.createStatement()) {
                    told.readLine();
                    statement.execute("select 1");
                    System.out.println("the database answered");
                } catch (IOException | SQLException e) {
                    System.out.println("the database did not answer: " + e.getMessage());
                }
                server.close();
                System.out.println("closed");
                System.out.flush();
            }));
        }
        System.out.println("started");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    private static final String OWNER_STOPS_IT = "owner-stops-it";

    /** Another JVM running {@link #main}, and every line it printed or will print. */
    private record OtherJvm(Process process, BlockingQueue<String> lines) {
        void awaitLine(String expected) throws InterruptedException {
            List<String> seen = new ArrayList<>();
            for (String line = lines.poll(120, TimeUnit.SECONDS); ; line = lines.poll(120, TimeUnit.SECONDS)) {
                if (line == null || line.equals(END)) {
                    throw new AssertionError("the other JVM never printed " + expected + ": " + seen);
                }
                seen.add(line);
                if (line.equals(expected)) {
                    return;
                }
            }
        }
    }

    private static final String END = "\u0000end";

    private static Process startInAnotherJvm(Path dataDirectory) throws Exception {
        return startInAnotherJvm(dataDirectory, List.of()).process();
    }

    private static OtherJvm startInAnotherJvm(Path dataDirectory, List<String> more) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                EmbeddedPostgresServerTest.class.getName(),
                dataDirectory.toString(),
                binaries.toString()));
        command.addAll(more);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader output =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    lines.add(line);
                }
            } catch (IOException ended) {
                // the process is gone: END says so
            } finally {
                lines.add(END);
            }
        });
        reader.setDaemon(true);
        reader.start();
        OtherJvm other = new OtherJvm(process, lines);
        try {
            other.awaitLine("started"); // a bound against a hang, not a measure
        } catch (AssertionError | InterruptedException e) {
            process.destroyForcibly();
            throw e;
        }
        return other;
    }

    private static List<String> settings(DatabaseUrl url, String... names) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
                Statement statement = connection.createStatement()) {
            for (String name : names) {
                try (ResultSet value = statement.executeQuery("select current_setting('" + name + "')")) {
                    value.next();
                    values.add(value.getString(1));
                }
            }
        }
        return values;
    }

    private static List<Path> listing(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().toList();
        }
    }
}
