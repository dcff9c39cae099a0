package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.NotFoundException;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.ClientsUseCase;
import com.voiceappoint.application.port.in.Page;
import com.voiceappoint.application.port.out.AppointmentRepository;
import com.voiceappoint.application.port.out.ClientRepository;
import com.voiceappoint.application.port.out.TransactionRunner;
import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.Permission;
import com.voiceappoint.domain.client.Client;
import com.voiceappoint.domain.client.ClientId;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import com.voiceappoint.domain.shared.InvalidValueException;
import com.voiceappoint.domain.shared.Language;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

public final class ClientsInteractor implements ClientsUseCase {
    static final int HISTORY = 50;

    private final BusinessAccess access;
    private final TransactionRunner transactions;
    private final ClientRepository clients;
    private final AppointmentRepository appointments;
    private final AppointmentDetailsAssembler assembler;

    ClientsInteractor(
            BusinessAccess access,
            TransactionRunner transactions,
            ClientRepository clients,
            AppointmentRepository appointments,
            AppointmentDetailsAssembler assembler) {
        this.access = access;
        this.transactions = transactions;
        this.clients = clients;
        this.appointments = appointments;
        this.assembler = assembler;
    }

    @Override
    public Page<Client> search(Actor actor, BusinessId businessId, Optional<String> text, Page.Request page) {
        access.require(actor, businessId, Permission.VIEW_BUSINESS);
        Optional<String> needle = text.map(String::strip).filter(t -> !t.isEmpty());
        needle.ifPresent(
                t -> InvalidValueException.check(t.length() <= 100, "q", "a search is at most 100 characters"));
        List<Client> found = clients.search(
                businessId, needle, page.after().map(ClientsInteractor::decode), Paging.rowsToFetch(page));
        return Paging.page(found, page, ClientsInteractor::encode);
    }

    @Override
    public WithHistory get(Actor actor, ClientId clientId) {
        Client client = find(actor, clientId, Permission.VIEW_BUSINESS);
        return new WithHistory(
                client,
                assembler.details(
                        client.businessId(), appointments.findByClient(client.businessId(), clientId, HISTORY)));
    }

    @Override
    public Client create(Actor actor, BusinessId businessId, Details details) {
        access.require(actor, businessId, Permission.MANAGE_CLIENTS);
        Client client = new Client(
                ClientId.random(),
                businessId,
                details.name(),
                details.phone().filter(p -> !p.isBlank()).map(PhoneNumber::new),
                details.email().filter(e -> !e.isBlank()).map(EmailAddress::new),
                details.language().map(l -> Language.parse(l, "language")));
        if (client.phone().isPresent()
                && clients.findByContact(businessId, client.phone(), Optional.empty())
                        .isPresent()) {
            throw contactTaken("phone");
        }
        if (client.email().isPresent()
                && clients.findByContact(businessId, Optional.empty(), client.email())
                        .isPresent()) {
            throw contactTaken("email");
        }
        // Two desks adding the same caller at once: the store keeps one, the other hears it is taken.
        Client stored = transactions.inTransaction(() -> clients.addOrGetExisting(client));
        if (!stored.id().equals(client.id())) {
            throw contactTaken(client.phone().isPresent() ? "phone" : "email");
        }
        return stored;
    }

    @Override
    public Client update(Actor actor, ClientId clientId, Changes changes) {
        Client current = find(actor, clientId, Permission.MANAGE_CLIENTS);
        Client updated = new Client(
                current.id(),
                current.businessId(),
                changes.name().orElse(current.name()),
                changes.phone().isPresent()
                        ? changes.phone().filter(p -> !p.isBlank()).map(PhoneNumber::new)
                        : current.phone(),
                changes.email().isPresent()
                        ? changes.email().filter(e -> !e.isBlank()).map(EmailAddress::new)
                        : current.email(),
                changes.language().isPresent()
                        ? changes.language().filter(l -> !l.isBlank()).map(l -> Language.parse(l, "language"))
                        : current.language());
        transactions.inTransaction(() -> {
            clients.update(updated);
            return null;
        });
        return updated;
    }

    private static DomainException contactTaken(String field) {
        return new DomainException(ErrorCode.DUPLICATE_CONTACT, field, "another client has this " + field, Map.of());
    }

    private Client find(Actor actor, ClientId clientId, Permission permission) {
        Collection<BusinessId> scope = actor instanceof Actor.Member member ? access.visibleTo(member) : List.of();
        Client client = clients.findById(scope, clientId).orElseThrow(() -> new NotFoundException("client"));
        access.require(actor, client.businessId(), permission);
        return client;
    }

    private static String encode(Client last) {
        return last.id() + "|" + last.name().toLowerCase(Locale.ROOT);
    }

    private static ClientRepository.NameCursor decode(String cursor) {
        return Paging.cursor(
                cursor, parts -> new ClientRepository.NameCursor(parts[1], new ClientId(UUID.fromString(parts[0]))));
    }
}
