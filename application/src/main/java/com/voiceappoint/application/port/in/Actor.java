package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.appointment.BookingSource;
import java.util.Objects;
import java.util.Optional;

/** Who is asking. Every use case checks what this actor may do in the business concerned. */
public sealed interface Actor {

    /** A logged-in user; what they may do depends on their role in the business. */
    record Member(UserId userId) implements Actor {
        public Member {
            Objects.requireNonNull(userId, "userId");
        }
    }

    /**
     * A client acting through a channel we trust to have identified the business (a phone call, the public
     * booking page). Such an actor sees only what a client may see and books only what clients may book.
     *
     * @param call the phone call it acts in, if known: what it books is logged with the call, in the same transaction
     * @param numberVouched whether the channel vouches for the phone number the client books with (the phone network
     *     does for the number a call comes from; a web form or a SIP header does not), so that it may complete what
     *     the business knows of that number's client
     */
    record Caller(BookingSource channel, Optional<String> call, boolean numberVouched) implements Actor {
        public Caller {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(call, "call");
        }

        /** A phone call vouches for its number; the web does not. */
        public Caller(BookingSource channel, Optional<String> call) {
            this(channel, call, channel != BookingSource.WEB);
        }

        public Caller(BookingSource channel) {
            this(channel, Optional.empty());
        }
    }

    static Actor member(UserId userId) {
        return new Member(userId);
    }
}
