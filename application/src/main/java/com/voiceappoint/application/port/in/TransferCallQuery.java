package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.client.PhoneNumber;
import java.util.Optional;

/**
 * Where an assistant puts a caller asking for a person: the business's transfer number, for the business the call is
 * for ({@link RouteCallQuery}). A web call is not put through: a visitor of the public page cannot reach a private
 * line that way.
 */
public interface TransferCallQuery {

    Transfer transfer(CallFacts call);

    /**
     * @param number where to put the caller through, if anywhere
     * @param words what the caller hears: while connecting, or why there is no one to talk to
     */
    record Transfer(Optional<PhoneNumber> number, String words) {}
}
