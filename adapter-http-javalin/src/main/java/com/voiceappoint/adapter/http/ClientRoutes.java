package com.voiceappoint.adapter.http;

import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.ClientsUseCase;
import com.voiceappoint.application.port.in.GetBusinessQuery;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.client.Client;
import com.voiceappoint.domain.client.ClientId;
import com.voiceappoint.domain.shared.Language;
import io.javalin.http.Context;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A business's clients: search, history, create, correct. Phones are stored in E.164. */
final class ClientRoutes {
    private final GetBusinessQuery businessQuery;
    private final ClientsUseCase clients;
    private final Bodies bodies;

    ClientRoutes(GetBusinessQuery businessQuery, ClientsUseCase clients, Bodies bodies) {
        this.businessQuery = businessQuery;
        this.clients = clients;
        this.bodies = bodies;
    }

    record CreateClientRequest(
            @NotNull(message = "validation.required") UUID business,

            @NotBlank(message = "validation.required") @Size(max = 150, message = "validation.too_long")
            String name,

            @Size(max = 32, message = "validation.too_long") String phone,

            @Size(max = 254, message = "validation.too_long")
            String email,

            @Size(max = 10, message = "validation.too_long") String language) {}

    /** Fields left out keep their value; "" clears the phone, the e-mail or the language. */
    record UpdateClientRequest(
            @Size(max = 150, message = "validation.too_long")
            String name,

            @Size(max = 32, message = "validation.too_long") String phone,

            @Size(max = 254, message = "validation.too_long")
            String email,

            @Size(max = 10, message = "validation.too_long") String language) {}

    record ClientView(UUID id, UUID business, String name, String phone, String email, String language) {
        static ClientView of(Client c) {
            return new ClientView(
                    c.id().value(),
                    c.businessId().value(),
                    c.name(),
                    c.phone().map(Object::toString).orElse(null),
                    c.email().map(Object::toString).orElse(null),
                    c.language().map(Language::code).orElse(null));
        }
    }

    record ClientWithHistory(
            UUID id,
            UUID business,
            String name,
            String phone,
            String email,
            String language,
            List<Views.AppointmentView> appointments) {}

    void search(Context ctx) {
        Actor member = RequestContext.member(ctx);
        Business business = businessQuery.get(member, new BusinessId(Params.requiredUuid(ctx, "business")));
        Optional<String> q = Optional.ofNullable(ctx.queryParam("q"))
                .filter(t -> !t.isBlank())
                .map(t -> PhoneNumbers.searchable(t, business));
        Pages.respond(ctx, clients.search(member, business.id(), q, Pages.request(ctx)), ClientView::of);
    }

    void create(Context ctx) {
        Actor member = RequestContext.member(ctx);
        CreateClientRequest r = bodies.read(ctx, CreateClientRequest.class);
        Business business = businessQuery.get(member, new BusinessId(r.business()));
        Client client = clients.create(
                member,
                business.id(),
                new ClientsUseCase.Details(
                        r.name(),
                        PhoneNumbers.e164("phone", r.phone(), business),
                        Optional.ofNullable(r.email()),
                        Optional.ofNullable(r.language())));
        ctx.status(201).json(ClientView.of(client));
    }

    void get(Context ctx) {
        ClientsUseCase.WithHistory found = clients.get(RequestContext.member(ctx), clientId(ctx));
        Client c = found.client();
        ctx.json(new ClientWithHistory(
                c.id().value(),
                c.businessId().value(),
                c.name(),
                c.phone().map(Object::toString).orElse(null),
                c.email().map(Object::toString).orElse(null),
                c.language().map(Language::code).orElse(null),
                found.appointments().stream().map(Views.AppointmentView::of).toList()));
    }

    void update(Context ctx) {
        Actor member = RequestContext.member(ctx);
        ClientId id = clientId(ctx);
        UpdateClientRequest r = bodies.read(ctx, UpdateClientRequest.class);
        Client current = clients.get(member, id).client();
        Business business = businessQuery.get(member, current.businessId());
        Optional<String> phone = Optional.ofNullable(r.phone())
                .map(p -> p.isBlank()
                        ? ""
                        : PhoneNumbers.e164("phone", p, business).orElse(""));
        Client updated = clients.update(
                member,
                id,
                new ClientsUseCase.Changes(
                        Optional.ofNullable(r.name()),
                        phone,
                        Optional.ofNullable(r.email()),
                        Optional.ofNullable(r.language())));
        ctx.json(ClientView.of(updated));
    }

    private static ClientId clientId(Context ctx) {
        return new ClientId(Params.pathUuid(ctx, "id"));
    }
}
