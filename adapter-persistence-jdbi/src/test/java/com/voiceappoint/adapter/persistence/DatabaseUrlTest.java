package com.voiceappoint.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {
    @Test
    void libpq_urls_become_jdbc_urls_with_credentials_apart() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app:s%40cret@db.internal:6543/voiceappoint?sslmode=require");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/voiceappoint?sslmode=require");
        assertThat(url.user()).isEqualTo("app");
        assertThat(url.password()).isEqualTo("s@cret");
        assertThat(url.toString()).doesNotContain("s@cret");
    }

    @Test
    void defaults_fill_in_port_and_database() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://postgres@localhost");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/postgres");
        assertThat(url.password()).isNull();
    }

    @Test
    void jdbc_urls_pass_through_and_another_database_keeps_the_parameters() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");

        assertThat(url.withDatabase("va_test").jdbcUrl())
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/va_test?user=postgres");
    }

    @Test
    void anything_else_is_refused() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://localhost/db"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DatabaseUrl.parse(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_plus_in_a_password_stays_a_plus_and_underscored_hosts_work() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app:p+ss%2Bw%3Ax@db_1:5432/voiceappoint");

        assertThat(url.password()).isEqualTo("p+ss+w:x");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db_1:5432/voiceappoint");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://user@:5432/db"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://host:port/db"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
