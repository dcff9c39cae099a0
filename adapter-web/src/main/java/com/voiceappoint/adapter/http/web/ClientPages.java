package com.voiceappoint.adapter.http.web;

import com.voiceappoint.adapter.http.PhoneNumbers;
import com.voiceappoint.adapter.http.problem.InvalidRequestException;
import com.voiceappoint.application.error.DuplicateKeyException;
import com.voiceappoint.application.port.in.ClientsUseCase;
import com.voiceappoint.application.port.in.Page;
import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.business.Permission;
import com.voiceappoint.domain.client.Client;
import com.voiceappoint.domain.client.ClientId;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.shared.DomainException;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A business's clients: found by name or phone, each with their contact details (corrected by those who look after
 * clients) and their appointments.
 */
final class ClientPages implements PageGroup {
    private static final String SEARCH = "q";

    private final WebPages pages;
    private final Dashboards dashboards;
    private final ClientsUseCase clients;

    ClientPages(WebPages pages, Dashboards dashboards, ClientsUseCase clients) {
        this.pages = pages;
        this.dashboards = dashboards;
        this.clients = clients;
    }

    @Override
    public void addTo(WebPages pages) {
        pages.get("/dashboard/{slug}/clients", this::list);
        pages.get("/dashboard/{slug}/clients/{client}", this::show);
        pages.post("/dashboard/{slug}/clients/{client}", this::update);
    }

    private void list(Context ctx) {
        Workplace w = dashboards.open(ctx, "clients");
        Optional<String> typed = Listings.text(ctx, SEARCH);
        // "600 12 34 56" finds the client stored as +34600123456, as the REST search does
        Optional<String> needle = typed.map(t -> PhoneNumbers.searchable(t, w.business()));
        Page<Client> found =
                clients.search(w.member(), w.business().id(), needle, Listings.request(ctx, Listings.AFTER));
        pages.render(
                ctx,
                "clients/list.jte",
                Map.of(
                        "w",
                        w,
                        "query",
                        typed.orElse(""),
                        "found",
                        found,
                        "next",
                        Listings.next(w.at("clients"), Map.of(SEARCH, typed), found, Listings.AFTER)
                                .orElse("")));
    }

    private void show(Context ctx) {
        Workplace w = dashboards.open(ctx, "clients");
        ClientsUseCase.WithHistory client = find(w, ctx);
        render(ctx, w, client, ClientForm.of(client.client()));
    }

    /** A correction of the client's contact details; a bad one changes nothing and comes back with its errors. */
    private void update(Context ctx) {
        Workplace w = dashboards.open(ctx, "clients");
        if (!w.can(Permission.MANAGE_CLIENTS)) {
            throw new PageException(HttpStatus.FORBIDDEN, "error.forbidden");
        }
        ClientsUseCase.WithHistory current = find(w, ctx);
        ClientForm form = ClientForm.read(ctx);
        Map<String, String> errors = new LinkedHashMap<>(form.check());
        Optional<String> phone = Optional.empty();
        if (!errors.containsKey("phone") && !form.phone().isEmpty()) {
            try {
                phone = PhoneNumbers.e164("phone", form.phone(), w.business());
            } catch (InvalidRequestException notANumber) {
                errors.put("phone", "clients.error.phone");
            }
        }
        if (errors.isEmpty()) {
            try {
                clients.update(
                        w.member(),
                        current.client().id(),
                        new ClientsUseCase.Changes(
                                Optional.of(form.name()),
                                Optional.of(phone.orElse("")),
                                Optional.of(form.email()),
                                Optional.of(form.language())));
                WebPages.redirect(ctx, w.at("clients/" + current.client().id().value()) + "?saved=1");
                return;
            } catch (DomainException refused) {
                Map.Entry<String, String> field = ClientForm.refusal(refused).orElseThrow(() -> refused);
                errors.put(field.getKey(), field.getValue());
            } catch (DuplicateKeyException taken) {
                if (taken.key() != DuplicateKeyException.Key.CLIENT_CONTACT) {
                    throw taken;
                }
                // the store does not say which of the two is another client's: the ones this form changed
                Client was = current.client();
                if (!phone.orElse("").equals(was.phone().map(PhoneNumber::value).orElse(""))) {
                    errors.put("phone", "clients.error.taken_contact");
                }
                if (!form.email()
                        .equalsIgnoreCase(was.email().map(EmailAddress::value).orElse(""))) {
                    errors.put("email", "clients.error.taken_contact");
                }
                if (errors.isEmpty()) {
                    errors.put("phone", "clients.error.taken_contact");
                }
            }
        }
        ctx.status(HttpStatus.BAD_REQUEST);
        render(ctx, w, current, form.withErrors(errors));
    }

    private void render(Context ctx, Workplace w, ClientsUseCase.WithHistory client, ClientForm form) {
        pages.render(
                ctx,
                "clients/client.jte",
                Map.of(
                        "w", w,
                        "f", Formats.of(w),
                        "history", client,
                        "form", form,
                        "saved", ctx.queryParam("saved") != null));
    }

    /** The client in the path, if it is this business's: another business's client is not found here. */
    private ClientsUseCase.WithHistory find(Workplace w, Context ctx) {
        UUID id;
        try {
            id = UUID.fromString(ctx.pathParam("client"));
        } catch (IllegalArgumentException notAnId) {
            throw PageException.notFound();
        }
        ClientsUseCase.WithHistory found = clients.get(w.member(), new ClientId(id));
        if (!found.client().businessId().equals(w.business().id())) {
            throw PageException.notFound();
        }
        return found;
    }
}
