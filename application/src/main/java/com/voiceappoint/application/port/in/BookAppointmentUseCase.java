package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.catalog.ServiceId;
import com.voiceappoint.domain.schedule.ProviderId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Books a service at a start time, for a client found (or created) by phone or e-mail.
 *
 * <p>Idempotent twice over: a repeated idempotency key returns the first result, and a repeated request for the
 * same client, service and start returns the existing appointment. A refusal carries the reason and the nearest
 * free times.
 */
public interface BookAppointmentUseCase {

    Result book(Command command);

    record Command(
            Actor actor,
            BusinessId businessId,
            ServiceId serviceId,
            Instant start,
            Optional<ProviderId> provider,
            ClientDetails client,
            String notes,
            BookingSource source,
            Optional<String> idempotencyKey) {
        public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 200;

        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(businessId, "businessId");
            Objects.requireNonNull(serviceId, "serviceId");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        }

        /**
         * A command to book this service at this start for this client, through this channel; with any free provider,
         * no notes and no idempotency key until told otherwise.
         */
        public static Builder builder(
                Actor actor,
                BusinessId businessId,
                ServiceId serviceId,
                Instant start,
                ClientDetails client,
                BookingSource source) {
            return new Builder(actor, businessId, serviceId, start, client, source);
        }
    }

    /** The optional parts of a {@link Command}, by name. */
    final class Builder {
        private final Actor actor;
        private final BusinessId businessId;
        private final ServiceId serviceId;
        private final Instant start;
        private final ClientDetails client;
        private final BookingSource source;
        private Optional<ProviderId> provider = Optional.empty();
        private String notes = "";
        private Optional<String> idempotencyKey = Optional.empty();

        private Builder(
                Actor actor,
                BusinessId businessId,
                ServiceId serviceId,
                Instant start,
                ClientDetails client,
                BookingSource source) {
            this.actor = actor;
            this.businessId = businessId;
            this.serviceId = serviceId;
            this.start = start;
            this.client = client;
            this.source = source;
        }

        /** Empty: whichever provider is free, best first. */
        public Builder provider(Optional<ProviderId> provider) {
            this.provider = provider;
            return this;
        }

        public Builder notes(String notes) {
            this.notes = notes;
            return this;
        }

        /** A repeat of the same key answers the first result instead of booking again. */
        public Builder idempotencyKey(Optional<String> key) {
            this.idempotencyKey = key;
            return this;
        }

        public Command build() {
            return new Command(actor, businessId, serviceId, start, provider, client, notes, source, idempotencyKey);
        }
    }

    /** Who the appointment is for, as given by the caller or typed by staff. */
    record ClientDetails(String name, Optional<String> phone, Optional<String> email) {
        public ClientDetails {
            Objects.requireNonNull(phone, "phone");
            Objects.requireNonNull(email, "email");
        }
    }

    /** Why nothing new was booked, if so: the request had been made before. */
    enum Replay {
        NONE,
        /** The idempotency key had booked this appointment. */
        SAME_KEY,
        /** The same client, service and start were already booked. */
        SAME_REQUEST
    }

    record Result(AppointmentDetails details, Replay replay) {
        public Result {
            Objects.requireNonNull(details, "details");
            Objects.requireNonNull(replay, "replay");
        }

        public Appointment appointment() {
            return details.appointment();
        }

        public boolean replayed() {
            return replay != Replay.NONE;
        }
    }
}
