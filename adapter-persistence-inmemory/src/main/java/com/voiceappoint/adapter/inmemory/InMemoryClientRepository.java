package com.voiceappoint.adapter.inmemory;

import com.voiceappoint.application.error.DuplicateKeyException;
import com.voiceappoint.application.port.out.ClientRepository;
import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.client.Client;
import com.voiceappoint.domain.client.ClientId;
import com.voiceappoint.domain.client.PhoneNumber;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

final class InMemoryClientRepository implements ClientRepository {
    private final Table<ClientId, Client> clients;

    InMemoryClientRepository(InMemoryTransactionRunner transactions) {
        clients = new Table<>(transactions);
    }

    @Override
    public Client addOrGetExisting(Client client) {
        Optional<Client> known = findByContact(client.businessId(), client.phone(), client.email());
        if (known.isPresent()) {
            return known.get();
        }
        Client stored = client.phone().isPresent()
                        && taken(client, c -> c.email().isPresent() && c.email().equals(client.email()))
                ? new Client(
                        client.id(),
                        client.businessId(),
                        client.name(),
                        client.phone(),
                        Optional.empty(),
                        client.language())
                : client;
        clients.put(stored.id(), stored);
        return stored;
    }

    @Override
    public void update(Client client) {
        boolean collides = taken(
                client,
                c -> !c.id().equals(client.id())
                        && ((client.phone().isPresent() && c.phone().equals(client.phone()))
                                || (client.email().isPresent() && c.email().equals(client.email()))));
        if (collides) {
            throw new DuplicateKeyException(DuplicateKeyException.Key.CLIENT_CONTACT, null);
        }
        clients.put(client.id(), client);
    }

    private boolean taken(Client client, Predicate<Client> matches) {
        return clients.stream()
                .filter(c -> c.businessId().equals(client.businessId()))
                .anyMatch(matches);
    }

    @Override
    public List<Client> search(BusinessId businessId, Optional<String> text, Optional<NameCursor> after, int limit) {
        Comparator<Client> byName = Comparator.comparing((Client c) -> c.name().toLowerCase(Locale.ROOT))
                .thenComparing(c -> c.id().value().toString());
        return clients.stream()
                .filter(c -> c.businessId().equals(businessId))
                .filter(c -> text.map(t -> matches(c, t)).orElse(true))
                .filter(c -> after.map(a -> {
                            int byNameOnly = c.name().toLowerCase(Locale.ROOT).compareTo(a.name());
                            return byNameOnly > 0
                                    || (byNameOnly == 0
                                            && c.id().value()
                                                            .toString()
                                                            .compareTo(a.id().value()
                                                                    .toString())
                                                    > 0);
                        })
                        .orElse(true))
                .sorted(byName)
                .limit(limit)
                .toList();
    }

    private static boolean matches(Client client, String text) {
        String digits = text.replaceAll("[^0-9]", "");
        return client.name().toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT))
                || (!digits.isEmpty()
                        && client.phone().map(p -> p.value().contains(digits)).orElse(false));
    }

    @Override
    public Optional<Client> findById(Collection<BusinessId> scope, ClientId id) {
        return clients.find(id).filter(c -> scope.contains(c.businessId()));
    }

    @Override
    public Optional<Client> findById(BusinessId businessId, ClientId id) {
        return clients.find(id).filter(c -> c.businessId().equals(businessId));
    }

    @Override
    public Optional<Client> findByContact(
            BusinessId businessId, Optional<PhoneNumber> phone, Optional<EmailAddress> email) {
        if (phone.isPresent()) {
            return find(businessId, c -> c.phone().equals(phone));
        }
        return email.flatMap(e -> find(businessId, c -> c.email().equals(email)));
    }

    @Override
    public List<Client> findByIds(BusinessId businessId, Collection<ClientId> ids) {
        return ids.stream()
                .flatMap(id -> clients.find(id).stream())
                .filter(c -> c.businessId().equals(businessId))
                .toList();
    }

    private Optional<Client> find(BusinessId businessId, Predicate<Client> matches) {
        return clients.stream()
                .filter(c -> c.businessId().equals(businessId))
                .filter(matches)
                .findFirst();
    }
}
