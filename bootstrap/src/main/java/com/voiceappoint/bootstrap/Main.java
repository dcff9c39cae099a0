package com.voiceappoint.bootstrap;

import com.voiceappoint.adapter.vapi.ToolDefinitions;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar voiceappoint.jar}: configuration from the environment, a graceful stop on SIGTERM. */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {}

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("vapi-tools")) {
            // for an operator setting up the shared assistant: the tools' JSON, pointing at PUBLIC_URL
            System.out.println(ToolDefinitions.json(VoiceWiring.publicUrl(ServerConfig.from(System.getenv()))));
            return;
        }
        long started = System.nanoTime();
        ServerConfig config;
        VoiceAppointServer server;
        try {
            config = ServerConfig.from(System.getenv());
            server = VoiceAppointServer.start(config, VoiceAppointServer.databaseClock());
        } catch (RuntimeException e) {
            LOG.error("VoiceAppoint could not start: {}", e.getMessage(), e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            LOG.info("stopping");
                            server.close();
                        },
                        "shutdown"));
        LOG.info(
                "VoiceAppoint ready on http://{}:{} in {} ms",
                config.host(),
                server.port(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }
}
