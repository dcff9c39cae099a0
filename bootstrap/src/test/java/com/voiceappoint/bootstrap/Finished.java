package com.voiceappoint.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A command the packaging and deployment tests ran to its end: the jar, a script, nginx, a compose CLI. */
record Finished(int exitCode, String output) {

    /**
     * Runs {@code command} with this environment plus {@code environment}, or with only PATH and HOME plus it when
     * {@code clean}, stdin closed (a question asked gets no answer) and stderr joined to the output.
     */
    static Finished run(List<String> command, Map<String, String> environment, boolean clean)
            throws IOException, InterruptedException {
        return run(command, environment, clean, Path.of("").toAbsolutePath());
    }

    /** As {@link #run(List, Map, boolean)}, in {@code directory}. */
    static Finished run(List<String> command, Map<String, String> environment, boolean clean, Path directory)
            throws IOException, InterruptedException {
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).directory(directory.toFile());
        if (clean) {
            builder.environment().keySet().retainAll(List.of("PATH", "HOME"));
        }
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Finished(process.exitValue(), output);
    }
}
