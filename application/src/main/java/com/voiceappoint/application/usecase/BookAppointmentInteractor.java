package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.BookingRefusedException;
import com.voiceappoint.application.error.DuplicateKeyException;
import com.voiceappoint.application.error.ForbiddenException;
import com.voiceappoint.application.error.NotFoundException;
import com.voiceappoint.application.error.OutcomeUnknownException;
import com.voiceappoint.application.error.SlotAlreadyTakenException;
import com.voiceappoint.application.error.StoreUnavailableException;
import com.voiceappoint.application.error.VoiceBookingsCappedException;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.AppointmentDetails;
import com.voiceappoint.application.port.in.BookAppointmentUseCase;
import com.voiceappoint.application.port.out.AppointmentRepository;
import com.voiceappoint.application.port.out.BookingOutcomePublisher;
import com.voiceappoint.application.port.out.BookingOutcomePublisher.Outcome;
import com.voiceappoint.application.port.out.CallLogRepository;
import com.voiceappoint.application.port.out.ClientRepository;
import com.voiceappoint.application.port.out.ProviderRepository;
import com.voiceappoint.application.port.out.ScheduleRepository;
import com.voiceappoint.application.port.out.ServiceRepository;
import com.voiceappoint.application.port.out.TransactionRunner;
import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.availability.BookingConflictPolicy;
import com.voiceappoint.domain.availability.BookingDecision;
import com.voiceappoint.domain.availability.RefusalReason;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.Permission;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.client.Client;
import com.voiceappoint.domain.client.ClientId;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.event.BusinessEvent;
import com.voiceappoint.domain.schedule.Provider;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import com.voiceappoint.domain.shared.InvalidValueException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

public final class BookAppointmentInteractor implements BookAppointmentUseCase {
    /** With "any provider", a lost race is retried with whoever is still free, this many times in all. */
    private static final int ATTEMPTS_WITH_ANY_PROVIDER = 3;

    private final BusinessAccess access;
    private final TransactionRunner transactions;
    private final ServiceRepository services;
    private final ProviderRepository providers;
    private final ScheduleRepository schedules;
    private final ClientRepository clients;
    private final AppointmentRepository appointments;
    private final AppointmentWrites writes;
    /** None when bookings are never made during a call: then a request naming one is refused. */
    private final Optional<CallLogRepository> calls;

    private final Alternatives alternatives;
    private final AppointmentDetailsAssembler assembler;
    private final BookingOutcomePublisher outcomes;
    private final Deposits deposits;
    private final VoiceCaps caps;
    private final Clock clock;
    private final BookingConflictPolicy policy = new BookingConflictPolicy();
    private final ManageCodes codes;

    BookAppointmentInteractor(
            BusinessAccess access,
            TransactionRunner transactions,
            ServiceRepository services,
            ProviderRepository providers,
            ScheduleRepository schedules,
            ClientRepository clients,
            AppointmentRepository appointments,
            AppointmentWrites writes,
            Optional<CallLogRepository> calls,
            Alternatives alternatives,
            AppointmentDetailsAssembler assembler,
            BookingOutcomePublisher outcomes,
            Deposits deposits,
            VoiceCaps caps,
            Clock clock) {
        this.access = access;
        this.transactions = transactions;
        this.services = services;
        this.providers = providers;
        this.schedules = schedules;
        this.clients = clients;
        this.appointments = appointments;
        this.writes = writes;
        this.calls = calls;
        this.alternatives = alternatives;
        this.assembler = assembler;
        this.outcomes = outcomes;
        this.deposits = deposits;
        this.caps = caps;
        this.clock = clock;
        this.codes = new ManageCodes(appointments);
    }

    @Override
    public Result book(Command command) {
        return place(command, Intent.BOOK, Repeats.ANSWERED);
    }

    /**
     * Books for a caller on a call: a repeat of an appointment (same client, service and start) is answered with it
     * only when it is shown to be theirs ({@link Repeats#ANSWERED_TO_ITS_CALLER}).
     */
    Result bookForCaller(Command command) {
        return place(command, Intent.BOOK, Repeats.ANSWERED_TO_ITS_CALLER);
    }

    /** Holds the time instead of booking it: what a caller gets while they decide. */
    Result hold(Command command) {
        return place(command, Intent.HOLD, Repeats.ANSWERED_TO_ITS_CALLER);
    }

    private enum Intent {
        BOOK,
        HOLD
    }

    /** What a request for the same client, service and start as a live appointment is answered with. */
    private enum Repeats {
        /** The appointment: staff typing in a booking, and the public page, which gives it no manage link. */
        ANSWERED,
        /**
         * The appointment only when the channel vouches for the client's number or it was made in this same call;
         * otherwise the time is taken, as it is for anyone else. A caller who only claims a number (SIP, a web call's
         * e-mail) would otherwise learn that client's appointments, their ids, and confirm their holds.
         */
        ANSWERED_TO_ITS_CALLER
    }

    private Result place(Command command, Intent intent, Repeats repeats) {
        BusinessAccess.Granted granted =
                access.require(command.actor(), command.businessId(), Permission.MANAGE_OWN_APPOINTMENTS);
        Business business = granted.business();
        Service service = Bookable.service(services, business, command.serviceId(), command.actor());
        Request request = Request.of(command, business, service, providerFor(command, granted), intent, repeats);
        if (request.call.isPresent() && calls.isEmpty()) {
            throw new IllegalStateException("a booking made during a call is logged with it, and there is no call log");
        }
        try {
            Result result = settle(request);
            outcomes.publish(
                    result.replayed() ? Outcome.REPLAYED : intent == Intent.HOLD ? Outcome.HELD : Outcome.BOOKED,
                    request.source);
            return result;
        } catch (BookingRefusedException refused) {
            outcomes.publish(
                    refused.reason() == RefusalReason.SLOT_TAKEN ? Outcome.SLOT_TAKEN : Outcome.REFUSED,
                    request.source);
            throw refused;
        } catch (VoiceBookingsCappedException capped) {
            outcomes.publish(Outcome.REFUSED, request.source);
            throw capped;
        }
    }

    /** Books (or holds) the request's time, or finds it booked by this same request before. */
    private Result settle(Request request) {
        Business business = request.business;
        Service service = request.service;
        Optional<ProviderId> provider = request.provider;
        Optional<Result> replay = replayByKey(request);
        if (replay.isPresent()) {
            return replay.get();
        }
        // the first lost commit's: the whole search for what was kept, booking again included, fits in its budget
        Optional<LostCommit> commitLost = Optional.empty();
        for (int attempt = 1; ; attempt++) {
            Instant now = clock.instant();
            try {
                return transactions.inTransaction(() -> bookOnce(request, now));
            } catch (OutcomeUnknownException lost) {
                LostCommit resolving = commitLost.orElseGet(() -> new LostCommit(clock));
                Optional<Result> kept = keptByLostCommit(request, lost, resolving);
                if (kept.isPresent()) {
                    return kept.get();
                }
                // it did not land: under its key it is booked again, once; without a key nothing rules out a double
                if (commitLost.isPresent() || request.idempotencyKey.isEmpty()) {
                    throw lost;
                }
                if (!resolving.timeLeft()) {
                    // known not to be kept, and no time to book it again: nothing was done, and that is the answer
                    throw new StoreUnavailableException("database", lost);
                }
                commitLost = Optional.of(resolving);
            } catch (PolicyRefusal refusal) {
                throw alternatives.refusal(
                        refusal.reason(), business, service, request.start, provider, now, Optional.empty());
            } catch (NotTheirs notTheirs) {
                throw taken(request);
            } catch (DuplicateKeyException e) {
                if (e.key() != DuplicateKeyException.Key.IDEMPOTENCY_KEY) {
                    throw e;
                }
                // the same key arrived twice at once; the other request booked
                return replayByKey(request).orElseThrow(BookAppointmentInteractor::keyReused);
            } catch (SlotAlreadyTakenException e) {
                Optional<Result> sameRequest = sameRequestBooked(request);
                if (sameRequest.isPresent()) {
                    return sameRequest.get();
                }
                if (provider.isPresent() || attempt == ATTEMPTS_WITH_ANY_PROVIDER) {
                    throw taken(request);
                }
            }
        }
    }

    /**
     * What a commit lost on the way kept, asked again (a fresh connection, once the database answers): the booking
     * under the request's key, or without a key the same client's at the same start; empty if it is not there. When
     * the database cannot say in time the outcome stays unknown, and that, not a failure, is the answer.
     */
    private Optional<Result> keptByLostCommit(Request request, OutcomeUnknownException lost, LostCommit resolving) {
        return resolving.ask(
                lost,
                () -> request.idempotencyKey.isPresent()
                        ? replayByKey(request).map(found -> new Result(found.details(), Replay.NONE))
                        : sameRequestBooked(request));
    }

    private Result bookOnce(Request request, Instant now) {
        Business business = request.business;
        Client newcomer = new Client(
                ClientId.random(), business.id(), request.clientName, request.phone, request.email, Optional.empty());
        Client client = resolveClient(request, newcomer);
        // a client added just now has booked nothing yet: no need to ask
        Optional<Appointment> existing = client.id().equals(newcomer.id())
                ? Optional.empty()
                : appointments.findLive(business.id(), client.id(), request.service.id(), request.start);
        if (existing.isPresent() && !existing.get().isLapsedHold(now)) {
            Appointment found = existing.get();
            if (!answeredTo(request, found)) {
                throw new NotTheirs();
            }
            logWithCall(request, found, now);
            if (found.status() != AppointmentStatus.HELD || request.intent == Intent.HOLD) {
                return new Result(assembler.details(found), Replay.SAME_REQUEST);
            }
            // the caller held this time a moment ago: the hold becomes the booking (kept for its deposit, if the
            // service asks one), under this request's key, so that a retry of the request finds it as its own
            Optional<Deposits.Due> due = deposits.due(business, request.service, request.byClient, now);
            Appointment booked = due.isPresent() ? found.awaitPayment(due.get().payBy(), now) : found.confirm(now);
            writes.update(found, booked, request.by);
            due.ifPresent(d -> deposits.open(d, booked, now));
            request.idempotencyKey.ifPresent(key -> appointments.keepIdempotencyKey(business.id(), found.id(), key));
            return new Result(assembler.details(booked), Replay.NONE);
        }
        if (request.byVoice) {
            // a new appointment by voice, not a retry or the caller's own hold confirmed: within the plan's month
            caps.check(business, now);
        }
        LocalDate day = request.start.atZone(business.zone()).toLocalDate();
        LoadedCalendar loaded =
                LoadedCalendar.load(business, day, day, now, Optional.empty(), providers, schedules, appointments);
        BookingDecision decision = policy.evaluate(
                loaded.calendar(), request.service, business.policy(), now, request.start, request.provider, 0);
        if (decision instanceof BookingDecision.Refused refused) {
            throw new PolicyRefusal(refused.reason());
        }
        BookingDecision.Accepted accepted = (BookingDecision.Accepted) decision;
        Optional<Deposits.Due> due = request.intent == Intent.HOLD
                ? Optional.empty()
                : deposits.due(business, request.service, request.byClient, now);
        Appointment appointment = request.intent == Intent.HOLD
                ? Appointment.held(
                        AppointmentId.random(),
                        request.service,
                        accepted.provider(),
                        client.id(),
                        request.start,
                        business.policy().holdDuration(),
                        request.source,
                        now)
                : due.isPresent()
                        ? Appointment.awaitingPayment(
                                AppointmentId.random(),
                                request.service,
                                accepted.provider(),
                                client.id(),
                                request.start,
                                due.get().payBy(),
                                request.source,
                                request.notes,
                                now)
                        : Appointment.confirmed(
                                AppointmentId.random(),
                                request.service,
                                accepted.provider(),
                                client.id(),
                                request.start,
                                request.source,
                                request.notes,
                                now);
        // a hold that ran out keeps its row in the way of the exclusion constraint until expired; most bookings find
        // none
        if (loaded.lapsedHoldIn(accepted.provider(), appointment.blocked())) {
            writes.expireLapsedHolds(business, accepted.provider(), appointment.blocked(), now);
        }
        // a client booking through a channel is told the appointment's manage code in the answer: it is kept with the
        // row now rather than in a write of its own afterwards
        writes.add(
                business,
                client,
                appointment,
                request.idempotencyKey,
                request.byClient ? Optional.of(codes.fresh()) : Optional.empty(),
                request.by);
        due.ifPresent(d -> deposits.open(d, appointment, now));
        logWithCall(request, appointment, now);
        String providerName = loaded.providers().stream()
                .filter(p -> p.id().equals(accepted.provider()))
                .findFirst()
                .map(Provider::displayName)
                .orElseThrow();
        return new Result(
                new AppointmentDetails(appointment, request.service.name(), providerName, client, business.zone()),
                Replay.NONE);
    }

    /** Whether a live appointment of the request's client, service and start may be answered to this request. */
    private boolean answeredTo(Request request, Appointment found) {
        return request.repeats == Repeats.ANSWERED
                || request.numberVouched
                || request.call
                        .filter(call -> calls.orElseThrow()
                                .appointmentsOf(request.business.id(), call)
                                .contains(found.id()))
                        .isPresent();
    }

    /**
     * The time asked for is taken, with the nearest free times; never the time itself, which another provider may
     * have free: a caller refused someone else's appointment would be offered it again.
     */
    private BookingRefusedException taken(Request request) {
        return alternatives
                .refusal(
                        RefusalReason.SLOT_TAKEN,
                        request.business,
                        request.service,
                        request.start,
                        request.provider,
                        clock.instant(),
                        Optional.empty())
                .without(request.start);
    }

    /** Someone else's appointment, as far as this request shows: its time is answered as taken. */
    private static final class NotTheirs extends RuntimeException {
        NotTheirs() {
            super("a live appointment not shown to be the caller's", null, false, false);
        }
    }

    /**
     * A booking made during a phone call is logged with the call in the booking's own transaction: one commit, and
     * a hold is never left unlinked (the call's end releases what it linked).
     */
    private void logWithCall(Request request, Appointment appointment, Instant now) {
        request.call.ifPresent(call -> calls.orElseThrow().link(request.business.id(), call, appointment.id(), now));
    }

    /**
     * The client the business already knows by this phone (or, without a phone, this e-mail), else the newcomer. A
     * known client without an e-mail gets this one, unless another client already has it.
     */
    private Client resolveClient(Request request, Client newcomer) {
        BusinessId businessId = request.business.id();
        Client client = clients.addOrGetExisting(newcomer);
        if (client.id().equals(newcomer.id())) {
            return client;
        }
        // a web form (or a SIP call) proves nothing about who gave a number: it must not attach an e-mail to that
        // number's client
        boolean newEmail = request.numberVouched
                && client.email().isEmpty()
                && request.email.isPresent()
                && clients.findByContact(businessId, Optional.empty(), request.email)
                        .isEmpty();
        if (!newEmail) {
            return client;
        }
        Client completed =
                new Client(client.id(), businessId, client.name(), client.phone(), request.email, client.language());
        clients.update(completed);
        return completed;
    }

    /**
     * Staff book for themselves only; managers and above for anyone; callers may ask for someone. A provider
     * asked for must exist and be active in this business.
     */
    private Optional<ProviderId> providerFor(Command command, BusinessAccess.Granted granted) {
        BusinessId businessId = granted.business().id();
        if (command.actor() instanceof Actor.Member member && !granted.allows(Permission.MANAGE_APPOINTMENTS)) {
            Provider own = providers
                    .findByUser(businessId, member.userId())
                    .orElseThrow(() -> new ForbiddenException(Permission.MANAGE_APPOINTMENTS));
            if (command.provider().isPresent() && !command.provider().get().equals(own.id())) {
                throw new ForbiddenException(Permission.MANAGE_APPOINTMENTS);
            }
            return Optional.of(own.id());
        }
        command.provider()
                .ifPresent(id -> providers
                        .findById(businessId, id)
                        .filter(Provider::active)
                        .orElseThrow(() -> new NotFoundException("provider")));
        return command.provider();
    }

    /**
     * The appointment first booked with this request's idempotency key. The key must come with the same request (same
     * service, start, provider asked for and client contact); anything else is a client bug worth reporting.
     */
    private Optional<Result> replayByKey(Request request) {
        return request.idempotencyKey
                .flatMap(key -> appointments.findByIdempotencyKey(request.business.id(), key.key()))
                .map(first -> {
                    if (!first.fingerprint().equals(request.idempotencyKey.get().fingerprint())) {
                        throw keyReused();
                    }
                    return new Result(assembler.details(first.appointment()), Replay.SAME_KEY);
                });
    }

    /** The same client's live appointment at the same start, if it may be answered to this request. */
    private Optional<Result> sameRequestBooked(Request request) {
        return clients.findByContact(request.business.id(), request.phone, request.email)
                .flatMap(client ->
                        appointments.findLive(request.business.id(), client.id(), request.service.id(), request.start))
                // a hold that lapsed meanwhile is no booking to answer with
                .filter(appointment -> !appointment.isLapsedHold(clock.instant()))
                .filter(appointment -> answeredTo(request, appointment))
                .map(appointment -> new Result(assembler.details(appointment), Replay.SAME_REQUEST));
    }

    /** The command, parsed and checked once, before any transaction opens. */
    private record Request(
            Business business,
            Service service,
            Optional<ProviderId> provider,
            Instant start,
            String clientName,
            Optional<PhoneNumber> phone,
            Optional<EmailAddress> email,
            String notes,
            BookingSource source,
            Optional<String> call,
            boolean numberVouched,
            boolean byClient,
            boolean byVoice,
            BusinessEvent.By by,
            Optional<AppointmentRepository.IdempotencyKey> idempotencyKey,
            Intent intent,
            Repeats repeats) {

        static Request of(
                Command command,
                Business business,
                Service service,
                Optional<ProviderId> provider,
                Intent intent,
                Repeats repeats) {
            ClientDetails client = command.client();
            Optional<PhoneNumber> phone =
                    client.phone().filter(p -> !p.isBlank()).map(PhoneNumber::new);
            Optional<EmailAddress> email =
                    client.email().filter(e -> !e.isBlank()).map(EmailAddress::new);
            InvalidValueException.check(
                    phone.isPresent() || email.isPresent(),
                    "clientPhone",
                    "a client needs a phone number or an e-mail address");
            InvalidValueException.check(
                    client.name() != null && !client.name().isBlank(), "clientName", "a client name is required");
            Optional<String> key = command.idempotencyKey().map(String::strip);
            key.ifPresent(k -> InvalidValueException.check(
                    !k.isEmpty() && k.length() <= Command.MAX_IDEMPOTENCY_KEY_LENGTH,
                    "idempotencyKey",
                    "an idempotency key has 1 to 200 characters"));
            String fingerprint = Hashes.sha256(String.join(
                    "|",
                    service.id().toString(),
                    command.start().toString(),
                    provider.map(ProviderId::toString).orElse(""),
                    phone.map(PhoneNumber::value).orElse(""),
                    email.map(EmailAddress::value).orElse(""),
                    intent.name()));
            // a client booking through a channel cannot claim to be the dashboard
            BookingSource source = command.actor() instanceof Actor.Caller caller ? caller.channel() : command.source();
            Optional<String> call = command.actor() instanceof Actor.Caller caller ? caller.call() : Optional.empty();
            // staff type in what clients tell them; a client's channel says whether it vouches for the number
            boolean numberVouched = !(command.actor() instanceof Actor.Caller caller) || caller.numberVouched();
            return new Request(
                    business,
                    service,
                    provider,
                    command.start(),
                    client.name().strip(),
                    phone,
                    email,
                    command.notes(),
                    source,
                    call,
                    numberVouched,
                    command.actor() instanceof Actor.Caller,
                    BusinessAccess.isVoiceCaller(command.actor()),
                    EventJournal.by(command.actor()),
                    key.map(k -> new AppointmentRepository.IdempotencyKey(k, fingerprint)),
                    intent,
                    repeats);
        }
    }

    static DomainException keyReused() {
        return new DomainException(
                ErrorCode.IDEMPOTENCY_KEY_REUSED,
                "idempotencyKey",
                "this idempotency key was used for a different booking",
                Map.of());
    }
}
