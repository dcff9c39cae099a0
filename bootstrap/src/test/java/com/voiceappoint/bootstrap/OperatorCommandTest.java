package com.voiceappoint.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.adapter.persistence.DatabaseUrl;
import com.voiceappoint.adapter.persistence.TestPostgres;
import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.account.User;
import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.shared.Language;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code java -jar voiceappoint.jar operator ...} on a real PostgreSQL, as a person at a terminal would use it. */
class OperatorCommandTest {
    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    /** What one run printed and answered. */
    private record Ran(int status, String out, String err) {}

    private static Ran operator(String... args) {
        return run(out -> OperatorCommand.run(List.of(args), postgres.url(), out.out, out.err));
    }

    private static Ran run(java.util.function.ToIntFunction<Streams> command) {
        Streams streams = new Streams();
        int status = command.applyAsInt(streams);
        return new Ran(status, streams.text(streams.outBytes), streams.text(streams.errBytes));
    }

    private static final class Streams {
        final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

        String text(ByteArrayOutputStream bytes) {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    private static void signedUp(String email, String name) {
        postgres.persistence()
                .users()
                .add(new User(
                        UserId.random(),
                        new EmailAddress(email),
                        "hash",
                        name,
                        Language.EN,
                        Instant.parse("2026-11-01T10:00:00Z")));
    }

    private static long olgaOperators() {
        return postgres.count("select count(*) from platform_operators o join users u on u.id = o.user_id "
                + "where u.email = 'olga@example.com'");
    }

    @Test
    void rights_are_granted_listed_and_revoked_by_e_mail_and_kept_in_the_database() {
        signedUp("olga@example.com", "Olga Ops");

        Ran granted = operator("grant", "Olga@Example.com");

        assertThat(granted.status()).isZero();
        assertThat(granted.out()).startsWith("olga@example.com\tOlga Ops\t20");
        assertThat(olgaOperators()).isEqualTo(1);
        assertThat(operator("grant", "olga@example.com").out())
                .as("granted again")
                .isEqualTo(granted.out());
        assertThat(olgaOperators()).isEqualTo(1);
        assertThat(operator("list").out()).contains(granted.out());

        Ran revoked = operator("revoke", "olga@example.com");
        assertThat(revoked.status()).isZero();
        assertThat(revoked.out()).isEqualTo("olga@example.com is no longer an operator" + System.lineSeparator());
        assertThat(operator("revoke", "olga@example.com").out()).contains("was not an operator");
        assertThat(olgaOperators()).isZero();
        assertThat(operator("list").out()).doesNotContain("olga@example.com");
    }

    @Test
    void nobody_who_has_not_signed_up_gets_rights_and_a_misused_command_says_how_to_use_it() {
        Ran nobody = operator("grant", "ghost@example.com");
        assertThat(nobody.status()).isEqualTo(1);
        assertThat(nobody.err()).contains("nobody has signed up with ghost@example.com");
        assertThat(operator("revoke", "ghost@example.com").status()).isEqualTo(1);

        for (List<String> misuse :
                List.of(List.<String>of(), List.of("grant"), List.of("promote", "a@b.c"), List.of("list", "x"))) {
            Ran ran = run(s -> OperatorCommand.run(misuse, postgres.url(), s.out, s.err));
            assertThat(ran.status()).as(misuse.toString()).isEqualTo(2);
            assertThat(ran.err()).startsWith(OperatorCommand.USAGE);
        }
    }

    @Test
    void the_command_works_on_the_database_the_server_is_configured_with() {
        signedUp("pablo@example.com", "Pablo");
        DatabaseUrl url = postgres.url();
        String jdbc = url.jdbcUrl() + (url.jdbcUrl().contains("?") ? "&" : "?") + "user=" + url.user()
                + (url.password() == null ? "" : "&password=" + url.password());
        ServerConfig config = ServerConfig.from(Map.of("DATABASE_URL", jdbc));

        Ran granted = run(s -> OperatorCommand.run(List.of("grant", "pablo@example.com"), config, s.out, s.err));

        assertThat(granted.status()).as(granted.err()).isZero();
        assertThat(postgres.strings("select u.email from platform_operators o join users u on u.id = o.user_id"))
                .contains("pablo@example.com");
    }
}
