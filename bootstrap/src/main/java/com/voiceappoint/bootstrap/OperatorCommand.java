package com.voiceappoint.bootstrap;

import com.voiceappoint.adapter.persistence.DatabaseUrl;
import com.voiceappoint.adapter.persistence.PostgresPersistence;
import com.voiceappoint.adapter.security.Argon2PasswordHasher;
import com.voiceappoint.application.error.NotFoundException;
import com.voiceappoint.application.port.in.OperatorsUseCase;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.application.usecase.Interactors;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code java -jar voiceappoint.jar operator grant <email> | revoke <email> | list}: gives or takes the platform's
 * operator rights (the {@code /operator/} pages) to a user who has signed up, on the database the server uses (as
 * configured: {@code DATABASE_URL}, else the embedded one in {@code DATA_DIR}, running or not). Whoever can run it
 * with the server's configuration holds the database's keys already: the command line is the trusted way in.
 */
final class OperatorCommand {
    static final String USAGE = "usage: java -jar voiceappoint.jar operator grant <email> | revoke <email> | list";
    private static final int POOL_SIZE = 2;

    private OperatorCommand() {}

    /** @return the process's exit status: 0 done, 1 refused (no such user, no database), 2 misused */
    static int run(List<String> args, ServerConfig config, PrintStream out, PrintStream err) {
        if (!wellFormed(args)) {
            err.println(USAGE);
            return 2;
        }
        try {
            return onDatabaseOf(config, database -> run(args, database, out, err));
        } catch (RuntimeException e) {
            err.println("could not reach the database: " + e.getMessage());
            return 1;
        }
    }

    /** The same, on this database. */
    static int run(List<String> args, DatabaseUrl database, PrintStream out, PrintStream err) {
        if (!wellFormed(args)) {
            err.println(USAGE);
            return 2;
        }
        try (PostgresPersistence persistence = PostgresPersistence.connect(database, POOL_SIZE)) {
            UseCases useCases = Interactors.create(
                    persistence.ports(Argon2PasswordHasher.OWASP), VoiceAppointServer.databaseClock());
            return act(args, useCases.operators(), out, err);
        }
    }

    private static boolean wellFormed(List<String> args) {
        return args.size() == 1 && args.get(0).equals("list")
                || args.size() == 2
                        && (args.get(0).equals("grant") || args.get(0).equals("revoke"));
    }

    private static int act(List<String> args, OperatorsUseCase operators, PrintStream out, PrintStream err) {
        String action = args.get(0);
        if (action.equals("list")) {
            List<OperatorsUseCase.Operator> all = operators.operators();
            all.forEach(operator -> out.println(line(operator)));
            if (all.isEmpty()) {
                err.println("no operators yet: java -jar voiceappoint.jar operator grant <email>");
            }
            return 0;
        }
        String email = args.get(1);
        try {
            if (action.equals("grant")) {
                out.println(line(operators.grant(email)));
            } else if (operators.revoke(email)) {
                out.println(email.strip() + " is no longer an operator");
            } else {
                out.println(email.strip() + " was not an operator");
            }
            return 0;
        } catch (NotFoundException nobody) {
            err.println("nobody has signed up with " + email.strip() + ": rights go to an account that exists");
            return 1;
        }
    }

    /** e-mail, name and since when, tab-separated: for people and for scripts alike. */
    private static String line(OperatorsUseCase.Operator operator) {
        return operator.email().value() + "\t" + operator.fullName() + "\t" + operator.since();
    }

    /**
     * Runs the work on the server's database: the one {@code DATABASE_URL} names, else the embedded one, reached while
     * its server runs or started for the work and stopped after it.
     */
    private static <T> T onDatabaseOf(ServerConfig config, Function<DatabaseUrl, T> work) {
        if (config.databaseUrl().isPresent()) {
            return work.apply(DatabaseUrl.parse(config.databaseUrl().get()));
        }
        Optional<DatabaseUrl> running = EmbeddedPostgresServer.runningDatabaseUrl(config.embeddedDatabaseDirectory());
        if (running.isPresent()) {
            return work.apply(running.get());
        }
        try (EmbeddedPostgresServer embedded =
                EmbeddedPostgresServer.start(config.embeddedDatabaseDirectory(), config.embeddedBinariesDirectory())) {
            return work.apply(embedded.url());
        }
    }
}
