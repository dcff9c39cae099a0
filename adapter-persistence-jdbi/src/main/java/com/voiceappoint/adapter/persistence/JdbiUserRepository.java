package com.voiceappoint.adapter.persistence;

import static com.voiceappoint.adapter.persistence.PostgresErrors.translate;

import com.voiceappoint.application.port.out.UserRepository;
import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.account.User;
import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.shared.Language;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

public final class JdbiUserRepository implements UserRepository {
    private static final String COLUMNS = "id, email, password_hash, full_name, language, created_at";

    private final Jdbi jdbi;

    JdbiUserRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void add(User user) {
        translate(() -> jdbi.useHandle(h -> h.createUpdate(
                        "insert into users (" + COLUMNS + ") values (:id, :email, :hash, :name, :language, :created)")
                .bind("id", user.id().value())
                .bind("email", user.email().value())
                .bind("hash", user.passwordHash())
                .bind("name", user.fullName())
                .bind("language", user.language().code())
                .bind("created", Rows.timestamp(user.createdAt()))
                .execute()));
    }

    @Override
    public void update(User user) {
        jdbi.useHandle(h -> h.createUpdate("update users set password_hash = :hash, full_name = :name, "
                        + "language = :language, updated_at = now() where id = :id")
                .bind("id", user.id().value())
                .bind("hash", user.passwordHash())
                .bind("name", user.fullName())
                .bind("language", user.language().code())
                .execute());
    }

    @Override
    public Optional<User> findById(UserId id) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from users where id = :id")
                .bind("id", id.value())
                .map(JdbiUserRepository::user)
                .findOne());
    }

    @Override
    public Optional<User> findByEmail(EmailAddress email) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from users where email = :email")
                .bind("email", email.value())
                .map(JdbiUserRepository::user)
                .findOne());
    }

    @Override
    public List<User> findByIds(Collection<UserId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from users where id = any(:ids)")
                .bindArray("ids", UUID.class, ids.stream().map(UserId::value).toList())
                .map(JdbiUserRepository::user)
                .list());
    }

    private static User user(ResultSet rs, StatementContext ctx) throws SQLException {
        return new User(
                new UserId(Rows.uuid(rs, "id")),
                new EmailAddress(rs.getString("email")),
                rs.getString("password_hash"),
                rs.getString("full_name"),
                Language.parse(rs.getString("language"), "language"),
                Rows.instant(rs, "created_at"));
    }
}
