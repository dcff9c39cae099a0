package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.client.Client;
import com.voiceappoint.domain.client.ClientId;
import java.util.List;
import java.util.Optional;

/** The people who book with a business. Phones arrive in E.164: making them so is the adapter's job. */
public interface ClientsUseCase {

    /** Clients whose name or phone contains {@code text} (all of them without it), by name. */
    Page<Client> search(Actor actor, BusinessId businessId, Optional<String> text, Page.Request page);

    /** The client and their appointments, latest first. */
    WithHistory get(Actor actor, ClientId clientId);

    Client create(Actor actor, BusinessId businessId, Details details);

    /** Only what is present changes; an empty string clears the phone or the e-mail (one of them must remain). */
    Client update(Actor actor, ClientId clientId, Changes changes);

    record Details(String name, Optional<String> phone, Optional<String> email, Optional<String> language) {}

    record Changes(Optional<String> name, Optional<String> phone, Optional<String> email, Optional<String> language) {}

    record WithHistory(Client client, List<AppointmentDetails> appointments) {}
}
