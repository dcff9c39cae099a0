package com.voiceappoint.application.port.in;

import com.voiceappoint.application.port.in.CallerAppointmentsUseCase.Proof;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.availability.NoSlotsReason;
import com.voiceappoint.domain.availability.RefusalReason;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.schedule.OpeningWindow;
import com.voiceappoint.domain.schedule.ProviderId;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The assistant's eight tools as typed use cases, for a caller of the business a call was routed to: each takes a
 * command of domain values and answers with what happened, as data. {@link AnswerToolCallUseCase} reads a model's
 * arguments into these commands and says the answers in the business's language; an embedding application calls
 * them directly. One interface, not eight: the tools share their caller, their ports and their wiring, and a caller
 * of one is a caller of the others.
 */
public interface VoiceToolsUseCase {

    /** Services the caller may book by phone, in catalogue order. */
    Services services(VoiceCaller caller);

    Availability availability(VoiceCaller caller, CheckAvailability check);

    Booking book(VoiceCaller caller, BookAppointment book);

    Hours hours(VoiceCaller caller, ShowHours hours);

    /** A hold; a time the caller already booked is answered as {@link Booked} again. */
    Booking hold(VoiceCaller caller, HoldSlot hold);

    /** The caller's upcoming appointments; by manage code, refused when the code tries are spent. */
    OwnAppointments mine(VoiceCaller caller, FindMyAppointments find);

    OwnAppointments cancel(VoiceCaller caller, CancelAppointment cancel);

    OwnAppointments reschedule(VoiceCaller caller, RescheduleAppointment reschedule);

    /** Answers {@code command}, whichever tool it is for. */
    default Answer answer(VoiceCaller caller, Command command) {
        if (command instanceof CheckAvailability check) {
            return availability(caller, check);
        }
        if (command instanceof BookAppointment book) {
            return book(caller, book);
        }
        if (command instanceof ShowHours hours) {
            return hours(caller, hours);
        }
        if (command instanceof HoldSlot hold) {
            return hold(caller, hold);
        }
        if (command instanceof FindMyAppointments find) {
            return mine(caller, find);
        }
        if (command instanceof CancelAppointment cancel) {
            return cancel(caller, cancel);
        }
        if (command instanceof RescheduleAppointment reschedule) {
            return reschedule(caller, reschedule);
        }
        // the one command left
        return services(caller);
    }

    /** What a tool is asked to do. */
    sealed interface Command {}

    record ListServices() implements Command {}

    /** Free times on {@code day}, at one moment or within hours of it. */
    record CheckAvailability(Service service, Optional<ProviderId> provider, LocalDate day, When when)
            implements Command {}

    /**
     * @param email for a caller whose call shows no number
     * @param toolCallId the platform's id of the tool call, which its retries carry (blank when it gives none)
     * @param namedSomeone the caller named a person: refused, they hear who each free time is with
     */
    record BookAppointment(
            Service service,
            Optional<ProviderId> provider,
            Instant start,
            String clientName,
            Optional<String> email,
            String notes,
            String toolCallId,
            boolean namedSomeone)
            implements Command {}

    record ShowHours(LocalDate from, LocalDate to) implements Command {}

    record HoldSlot(
            Service service, Optional<ProviderId> provider, Instant start, String clientName, boolean namedSomeone)
            implements Command {}

    record FindMyAppointments(Proof proof) implements Command {}

    record CancelAppointment(AppointmentId id, Proof proof, String reason) implements Command {}

    record RescheduleAppointment(AppointmentId id, Instant start, Proof proof, boolean namedSomeone)
            implements Command {}

    /** When in a day the caller asks about. */
    sealed interface When {
        /** One moment. */
        record At(Instant start) implements When {}

        /** A wall-clock time the clocks skip that night: the free times nearest to the jump. */
        record Skipped(LocalDateTime asked) implements When {}

        /** Any time from {@code from} to before {@code until}. */
        record Between(LocalTime from, LocalTime until) implements When {}
    }

    /**
     * A free time.
     *
     * @param who the people free then, best first, when who it is with matters to the caller; else empty
     */
    record Offer(Instant start, List<String> who) {
        public Offer {
            Objects.requireNonNull(start, "start");
            who = List.copyOf(who);
        }
    }

    /** Free times, or, when there are none, why and the next free one. */
    record FreeTimes(List<Offer> offers, Optional<NoSlotsReason> noneBecause, Optional<Instant> next) {}

    /** What a tool answers. */
    sealed interface Answer {}

    record Services(List<Service> offered) implements Answer {}

    /** The opening windows of each day asked for, closures included. */
    record Hours(List<OpenOn> days) implements Answer {}

    record OpenOn(LocalDate day, List<OpeningWindow> windows) {}

    /**
     * What is free for the service (with the person asked for, when one was) on the day.
     *
     * @param provider the name of the person asked for
     */
    record Availability(String service, Optional<String> provider, LocalDate day, Found found) implements Answer {}

    sealed interface Found {
        record FreeAt(Instant start, List<String> who) implements Found {}

        record TakenAt(Instant start, FreeTimes nearest) implements Found {}

        record SkippedAt(LocalDateTime asked, FreeTimes nearest) implements Found {}

        /** A handful of the free times asked about, spread over them. */
        record FreeBetween(List<Offer> offers) implements Found {}

        /** None then; the day's other free times, or why there are none. */
        record NoneBetween(FreeTimes sameDay) implements Found {}
    }

    sealed interface Booking extends Answer {}

    /** An answer about the caller's own appointments. */
    sealed interface OwnAppointments extends Answer {}

    /** @param again the caller had already booked it: a retry, or the time they held */
    /**
     * @param deposit what the caller must still pay to keep the time (the link to pay it is sent to them), for a
     *     service that asks a deposit
     * @param card the card the caller must still leave for the business's no-show fee to keep the time (the link is
     *     sent to them; with a deposit, the deposit's page keeps it)
     */
    record Booked(
            AppointmentDetails details,
            boolean again,
            Optional<String> manageCode,
            Optional<PaymentDue> deposit,
            Optional<CardDue> card)
            implements Booking {
        public Booked(AppointmentDetails details, boolean again, Optional<String> manageCode) {
            this(details, again, manageCode, Optional.empty(), Optional.empty());
        }

        public Booked(
                AppointmentDetails details, boolean again, Optional<String> manageCode, Optional<PaymentDue> deposit) {
            this(details, again, manageCode, deposit, Optional.empty());
        }
    }

    record Held(AppointmentDetails details) implements Booking {}

    /** The time cannot be had, and the nearest free ones. */
    record Refused(RefusalReason reason, List<Offer> alternatives) implements Booking, OwnAppointments {}

    /** @param byCode found by manage code, not the caller's number */
    record Upcoming(List<AppointmentDetails> appointments, boolean byCode) implements OwnAppointments {}

    record Cancelled(AppointmentDetails details) implements OwnAppointments {}

    record Moved(AppointmentDetails details) implements OwnAppointments {}

    /** No more manage codes may be tried just now. */
    record CodeRefused(CodeLimit limit) implements OwnAppointments {}

    enum CodeLimit {
        /** Too many in a minute for the call, or for the number or appointment. */
        TOO_FAST,
        /** A day's tries at one number or appointment. */
        TARGET_SPENT,
        /** A day's tries at the business. */
        BUSINESS_SPENT,
        /** The tries cannot be counted just now. */
        UNCOUNTED
    }

    /**
     * Not booked by phone just now: the caller can book it on the web. Why is not the caller's business (the
     * business's plan allows no more voice bookings this month), and the answer says nothing of it.
     *
     * @param page the business's public page, when the server has one
     */
    record BookOnline(Optional<URI> page) implements Booking {}
}
