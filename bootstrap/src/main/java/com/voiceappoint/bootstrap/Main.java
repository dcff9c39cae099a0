package com.voiceappoint.bootstrap;

import com.voiceappoint.adapter.vapi.ToolDefinitions;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar voiceappoint.jar}: configuration from the environment, a graceful stop on SIGTERM. {@code vapi-tools}
 * prints the tool definitions; {@code health} asks the server running on {@code PORT} whether it is ready; {@code
 * db-url} prints where the embedded PostgreSQL of the server running on {@code DATA_DIR} answers; {@code demo} fills the
 * database with a sample business ({@link Demo}); {@code operator grant|revoke|list} gives, takes and lists the
 * platform's operator rights ({@link OperatorCommand}).
 */
public final class Main {
    private static final String LOGBACK_CONFIGURATION = "logback.configurationFile";

    private Main() {}

    public static void main(String[] args) {
        long started = System.nanoTime();
        ServerConfig config;
        try {
            config = ServerConfig.from(System.getenv());
        } catch (IllegalArgumentException e) {
            // before any logging: LOG_FORMAT itself may be what is wrong
            System.err.println("VoiceAppoint could not start: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (args.length > 0 && args[0].equals("vapi-tools")) {
            // for an operator setting up the shared assistant: the tools' JSON, pointing at PUBLIC_URL
            System.out.println(ToolDefinitions.json(VoiceWiring.publicUrl(config)));
            return;
        }
        if (args.length > 0 && args[0].equals("db-url")) {
            // for psql, pg_dump and scripts/backup.sh beside a server that runs the embedded PostgreSQL
            System.exit(printEmbeddedDatabaseUrl(config) ? 0 : 1);
            return;
        }
        if (args.length > 0 && args[0].equals("demo")) {
            // for a newcomer: a business with a month of life in it, before the first start of the server
            System.exit(Demo.run(config, System.out, System.err));
            return;
        }
        if (args.length > 0 && args[0].equals("operator")) {
            if (System.getProperty(LOGBACK_CONFIGURATION) == null) {
                // the answer alone on standard output; the database's start-up chatter left out
                System.setProperty(LOGBACK_CONFIGURATION, "logback-command.xml");
            }
            System.exit(
                    OperatorCommand.run(Arrays.asList(args).subList(1, args.length), config, System.out, System.err));
            return;
        }
        if (args.length > 0 && args[0].equals("health")) {
            // a container's HEALTHCHECK: slim images carry no curl
            System.exit(HealthProbe.ready(config.port()) ? 0 : 1);
            return;
        }
        if (config.jsonLogs() && System.getProperty(LOGBACK_CONFIGURATION) == null) {
            System.setProperty(LOGBACK_CONFIGURATION, "logback-json.xml"); // read when the first logger is made
        }
        Logger log = LoggerFactory.getLogger(Main.class);
        ErrorReporting errors =
                ErrorReporting.start(config.sentryDsn(), config.production() ? "production" : "development");
        VoiceAppointServer server;
        try {
            server = VoiceAppointServer.start(config, VoiceAppointServer.databaseClock());
        } catch (RuntimeException e) {
            log.error("VoiceAppoint could not start: {}", e.getMessage(), e);
            errors.close();
            System.exit(1);
            return;
        }
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            log.info("stopping");
                            server.close();
                            errors.close();
                        },
                        "shutdown"));
        log.info(
                "VoiceAppoint ready on http://{}:{} in {} ms",
                config.host(),
                server.port(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private static boolean printEmbeddedDatabaseUrl(ServerConfig config) {
        if (config.databaseUrl().isPresent()) {
            System.err.println("DATABASE_URL is set: the server uses that database, not an embedded one");
            return false;
        }
        Optional<String> url = EmbeddedPostgresServer.runningUrl(config.embeddedDatabaseDirectory());
        url.ifPresentOrElse(
                System.out::println,
                () -> System.err.println("no embedded PostgreSQL runs in "
                        + config.embeddedDatabaseDirectory().toAbsolutePath()
                        + ": start the server first, with the same DATA_DIR"));
        return url.isPresent();
    }
}
