package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.catalog.ServiceId;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.schedule.ProviderId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a caller may do on the phone with their own appointments. Whose they are is proven by the number they call
 * from when the phone network vouches for it, and otherwise by the manage code given with the appointment (a SIP or
 * web call's number is whatever the caller's equipment says). Another client's appointment, or a wrong code, is
 * "not found". Changes by a caller keep to the business's cancellation cutoff.
 */
public interface CallerAppointmentsUseCase {

    /** Their live appointments from now on, soonest first; by code, the one the code opens, if it is theirs. */
    List<AppointmentDetails> upcoming(BusinessId businessId, Proof proof);

    AppointmentDetails cancel(BusinessId businessId, Proof proof, AppointmentId id, String reason);

    /** Same appointment, same provider, another time; refused with alternatives when the time is not free. */
    AppointmentDetails reschedule(BusinessId businessId, Proof proof, AppointmentId id, Instant start);

    /**
     * Books as {@link BookAppointmentUseCase} does, and gives the appointment's manage code to the caller who booked
     * it: on a new booking (a confirmed hold included), or a retry with its idempotency key, never on a repeat of
     * someone's booking without it (anyone who knew the client's number could send that).
     *
     * <p>A repeat of a live appointment (same client, service and start) is answered with it only when the caller's
     * {@link Actor.Caller#numberVouched() number is vouched for} or it was made (or held) in this same call; otherwise
     * that time is refused as taken, with other free times, and nothing of the appointment is said. The same goes
     * for confirming a hold.
     */
    Booked book(BookAppointmentUseCase.Command command);

    /**
     * Holds a time for the caller while they decide, for the business's hold time. Booking the same service and
     * time for the same caller then confirms the hold; holding it again answers the same hold. A repeat is answered
     * as {@link #book} answers one.
     */
    AppointmentDetails hold(Hold hold);

    /** @param numberProven whether the phone network (or our own dialling) vouches for {@code caller} */
    record Hold(
            BusinessId businessId,
            PhoneNumber caller,
            boolean numberProven,
            String name,
            ServiceId serviceId,
            Instant start,
            Optional<ProviderId> provider,
            Optional<String> call) {}

    /** @param manageCode empty when it could not be given out just now: the booking stands all the same */
    /**
     * @param deposit what the caller must pay to keep the time, and by when, for a service that asks a deposit
     * @param card the card the caller must leave for the no-show fee to keep the time (kept by the deposit's page,
     *     when there is a deposit)
     */
    record Booked(
            BookAppointmentUseCase.Result result,
            Optional<String> manageCode,
            Optional<PaymentDue> deposit,
            Optional<CardDue> card) {
        public Booked(BookAppointmentUseCase.Result result, Optional<String> manageCode) {
            this(result, manageCode, Optional.empty(), Optional.empty());
        }

        public Booked(BookAppointmentUseCase.Result result, Optional<String> manageCode, Optional<PaymentDue> deposit) {
            this(result, manageCode, deposit, Optional.empty());
        }
    }

    /** How a caller shows that appointments are theirs. */
    sealed interface Proof {
        /** The number the call comes from, as the phone network gives it. */
        record CallerNumber(PhoneNumber number) implements Proof {
            public CallerNumber {
                Objects.requireNonNull(number, "number");
            }
        }

        /**
         * The code given with an appointment, as the caller said it; listing also takes the number they say is theirs,
         * so a guessed code alone finds nothing.
         */
        record Code(String code, Optional<PhoneNumber> claimedNumber) implements Proof {
            public Code {
                Objects.requireNonNull(code, "code");
                Objects.requireNonNull(claimedNumber, "claimedNumber");
            }
        }
    }
}
