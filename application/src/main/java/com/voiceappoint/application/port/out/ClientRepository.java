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
     * Returns the client the business knows by this phone (or, without a phone, by this e-mail), adding this one when
     * there is none: two first bookings from the same new caller end up with one client, not an error. An e-mail
     * another client already has is not copied onto a new client (two people may share a family address).
     */
    Client addOrGetExisting(Client client);

    /** @throws com.voiceappoint.application.error.DuplicateKeyException CLIENT_CONTACT for a phone or e-mail taken */
    void update(Client client);

    /** {@code text} matched against name (any case) and phone, ordered by name then id, after {@code after}. */
    List<Client> search(BusinessId businessId, Optional<String> text, Optional<NameCursor> after, int limit);

    /** Where a page of clients ended: its last name (lower-cased) and id. */
    record NameCursor(String name, ClientId id) {}

    Optional<Client> findById(BusinessId businessId, ClientId id);

    /** Only among the given businesses: a lookup by id can never reach another tenant. */
    Optional<Client> findById(Collection<BusinessId> scope, ClientId id);

    /** By phone when a phone is given (the e-mail is then ignored), else by e-mail. */
    Optional<Client> findByContact(BusinessId businessId, Optional<PhoneNumber> phone, Optional<EmailAddress> email);

    List<Client> findByIds(BusinessId businessId, Collection<ClientId> ids);
}
