package com.voiceappoint.adapter.persistence;

import com.voiceappoint.application.port.out.ClientRepository;
import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.client.Client;
import com.voiceappoint.domain.client.ClientId;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.shared.Language;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;

public final class JdbiClientRepository implements ClientRepository {
    private static final String COLUMNS = "business_id, id, name, phone, email, language";

    private final Jdbi jdbi;

    JdbiClientRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Client addOrGetExisting(Client client) {
        return jdbi.withHandle(h -> {
            Optional<Client> known = findByContact(client.businessId(), client.phone(), client.email());
            if (known.isPresent()) {
                return known.get();
            }
            Client candidate = client.phone().isPresent() && emailTaken(client) ? withoutEmail(client) : client;
            for (int attempt = 0; attempt < 2; attempt++) {
                // "do nothing" on a taken phone or e-mail: the statement succeeds and the transaction stays usable
                int inserted = bind(
                                h.createUpdate("insert into clients (" + COLUMNS + ") values (:business, :id, :name, "
                                        + ":phone, :email, :language) on conflict do nothing"),
                                candidate)
                        .execute();
                if (inserted == 1) {
                    return candidate;
                }
                Optional<Client> raced = findByContact(client.businessId(), client.phone(), client.email());
                if (raced.isPresent()) {
                    return raced.get();
                }
                // the e-mail was taken meanwhile by a client with another phone: keep the phone, leave the e-mail
                candidate = withoutEmail(candidate);
            }
            throw new IllegalStateException("could not store client " + client.id());
        });
    }

    private boolean emailTaken(Client client) {
        return client.email().isPresent()
                && findByContact(client.businessId(), Optional.empty(), client.email())
                        .isPresent();
    }

    private static Client withoutEmail(Client client) {
        return new Client(
                client.id(), client.businessId(), client.name(), client.phone(), Optional.empty(), client.language());
    }

    @Override
    public void update(Client client) {
        PostgresErrors.translate(() -> jdbi.useHandle(h -> bind(
                        h.createUpdate(
                                "update clients set name = :name, phone = :phone, email = :email, "
                                        + "language = :language, updated_at = now() where business_id = :business and id = :id"),
                        client)
                .execute()));
    }

    @Override
    public List<Client> search(BusinessId businessId, Optional<String> text, Optional<NameCursor> after, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from clients where business_id = :business");
        text.ifPresent(t -> sql.append(" and (lower(name) like :pattern escape '\\' or phone like :digits)"));
        after.ifPresent(a -> sql.append(" and (lower(name), id) > (:afterName, :afterId)"));
        sql.append(" order by lower(name), id limit :limit");
        return jdbi.withHandle(h -> {
            var query = h.createQuery(sql.toString())
                    .bind("business", businessId.value())
                    .bind("limit", limit);
            text.ifPresent(t -> {
                String digits = t.replaceAll("[^0-9]", "");
                query.bind("pattern", "%" + likeEscaped(t.toLowerCase(Locale.ROOT)) + "%")
                        .bind("digits", digits.isEmpty() ? "" : "%" + digits + "%");
            });
            after.ifPresent(a -> query.bind("afterName", a.name()).bind("afterId", a.id().value()));
            return query.map(JdbiClientRepository::client).list();
        });
    }

    /** What a user types is matched literally: % and _ are not wildcards to them. */
    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    @Override
    public Optional<Client> findById(Collection<BusinessId> scope, ClientId id) {
        if (scope.isEmpty()) {
            return Optional.empty();
        }
        return jdbi.withHandle(
                h -> h.createQuery("select " + COLUMNS + " from clients where id = :id and business_id = any(:scope)")
                        .bind("id", id.value())
                        .bindArray(
                                "scope",
                                UUID.class,
                                scope.stream().map(BusinessId::value).toList())
                        .map(JdbiClientRepository::client)
                        .findOne());
    }

    @Override
    public Optional<Client> findById(BusinessId businessId, ClientId id) {
        return jdbi.withHandle(
                h -> h.createQuery("select " + COLUMNS + " from clients where business_id = :business and id = :id")
                        .bind("business", businessId.value())
                        .bind("id", id.value())
                        .map(JdbiClientRepository::client)
                        .findOne());
    }

    @Override
    public Optional<Client> findByContact(
            BusinessId businessId, Optional<PhoneNumber> phone, Optional<EmailAddress> email) {
        if (phone.isPresent()) {
            return findBy(businessId, "phone", phone.get().value());
        }
        return email.flatMap(e -> findBy(businessId, "email", e.value()));
    }

    @Override
    public List<Client> findByIds(BusinessId businessId, Collection<ClientId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery(
                        "select " + COLUMNS + " from clients where business_id = :business and id = any(:ids)")
                .bind("business", businessId.value())
                .bindArray("ids", UUID.class, ids.stream().map(ClientId::value).toList())
                .map(JdbiClientRepository::client)
                .list());
    }

    private Optional<Client> findBy(BusinessId businessId, String column, String value) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select " + COLUMNS + " from clients where business_id = :business and " + column + " = :value")
                .bind("business", businessId.value())
                .bind("value", value)
                .map(JdbiClientRepository::client)
                .findOne());
    }

    private static Update bind(Update statement, Client client) {
        return statement
                .bind("business", client.businessId().value())
                .bind("id", client.id().value())
                .bind("name", client.name())
                .bind("phone", client.phone().map(PhoneNumber::value).orElse(null))
                .bind("email", client.email().map(EmailAddress::value).orElse(null))
                .bind("language", client.language().map(Language::code).orElse(null));
    }

    private static Client client(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Client(
                new ClientId(Rows.uuid(rs, "id")),
                new BusinessId(Rows.uuid(rs, "business_id")),
                rs.getString("name"),
                Rows.optionalString(rs, "phone").map(PhoneNumber::new),
                Rows.optionalString(rs, "email").map(EmailAddress::new),
                Rows.optionalString(rs, "language").flatMap(Language::fromTag));
    }
}
