package com.voiceappoint.application.port.out;

import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.client.Client;
import com.voiceappoint.domain.client.ClientId;
import com.voiceappoint.domain.client.PhoneNumber;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface ClientRepository {

    /**
     * Adds the client unless the business already knows their phone or e-mail, and returns the one stored: two
     * first bookings from the same new caller end up with one client, not an error.
     */
    Client addOrGetExisting(Client client);

    void update(Client client);

    Optional<Client> findById(BusinessId businessId, ClientId id);

    /** By phone when given, else by e-mail. */
    Optional<Client> findByContact(BusinessId businessId, Optional<PhoneNumber> phone, Optional<EmailAddress> email);

    List<Client> findByIds(BusinessId businessId, Collection<ClientId> ids);
}
