package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.payment.SavedCard;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A card a client must leave, for the business's no-show fee, to keep their time: for how much
 * ({@code card.fee()}), by when ({@code card.saveBy()}), and where.
 *
 * @param page the Stripe page that keeps it; none when Stripe could not be reached just then, or while a caller is on
 *     the phone (the card's own page opens one later, and the time is kept all the same)
 */
public record CardDue(SavedCard card, Optional<URI> page) {
    public CardDue {
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(page, "page");
    }
}
