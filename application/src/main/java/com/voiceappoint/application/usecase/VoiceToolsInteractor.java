package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.BookingRefusedException;
import com.voiceappoint.application.error.VoiceBookingsCappedException;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.BookAppointmentUseCase;
import com.voiceappoint.application.port.in.BusinessHoursUseCase;
import com.voiceappoint.application.port.in.CallerAppointmentsUseCase;
import com.voiceappoint.application.port.in.CallerAppointmentsUseCase.Proof;
import com.voiceappoint.application.port.in.FindAvailableSlotsQuery;
import com.voiceappoint.application.port.in.ListServicesQuery;
import com.voiceappoint.application.port.in.VoiceCaller;
import com.voiceappoint.application.port.in.VoiceToolsUseCase;
import com.voiceappoint.application.port.out.AllowanceStore;
import com.voiceappoint.application.voice.ClockGap;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.availability.Alternative;
import com.voiceappoint.domain.availability.AvailableSlot;
import com.voiceappoint.domain.availability.BookingCalendar;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.schedule.Provider;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.schedule.SpecialDay;
import com.voiceappoint.domain.schedule.WeeklyHours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@link VoiceToolsUseCase} over the application's own use cases, as an {@code Actor.Caller(VOICE)}: the same
 * availability engine, conflict policy and idempotency as the REST API, and manage codes tried a few times at most.
 */
public final class VoiceToolsInteractor implements VoiceToolsUseCase {
    /** How many free times are offered for a day. */
    static final int SLOTS_OFFERED = 5;

    static final int NEAREST_OFFERED = 3;

    /**
     * Manage codes a call may try, and tries at one number or appointment from any number of calls: a minute's, and a
     * day's, so that one of a million codes is not found by patience.
     */
    public static final AllowanceStore.Allowance CODE_TRIES_PER_CALL =
            new AllowanceStore.Allowance("vapi-code-call", 5, Duration.ofMinutes(1), true);

    public static final AllowanceStore.Allowance CODE_TRIES_PER_TARGET =
            new AllowanceStore.Allowance("vapi-code-target", 10, Duration.ofMinutes(1), true);
    public static final AllowanceStore.Allowance CODE_TRIES_PER_TARGET_A_DAY =
            new AllowanceStore.Allowance("vapi-code-target-day", 20, Duration.ofDays(1), true);
    /**
     * Code tries a business takes in a day, whatever the numbers and appointments tried: with a list of 10,000 client
     * numbers, the allowances per number alone would let 200,000 guesses a day through. 200 is far more than a
     * business's callers without a visible number need (codes are for SIP, web and withheld-number calls), and keeps
     * the odds of a guess opening any one of its appointments around 1 in 5,000 a day.
     */
    public static final AllowanceStore.Allowance CODE_TRIES_PER_BUSINESS_A_DAY =
            new AllowanceStore.Allowance("vapi-code-business-day", 200, Duration.ofDays(1), true);

    private static final Actor VOICE = new Actor.Caller(BookingSource.VOICE);

    private final Ports app;
    private final AllowanceStore throttle;

    VoiceToolsInteractor(Ports app, AllowanceStore throttle) {
        this.app = app;
        this.throttle = throttle;
    }

    /** The inbound ports the tools are answered with. */
    record Ports(
            ListServicesQuery listServices,
            BusinessHoursUseCase businessHours,
            FindAvailableSlotsQuery findAvailableSlots,
            CallerAppointmentsUseCase callerAppointments) {}

    @Override
    public Services services(VoiceCaller caller) {
        return new Services(app.listServices().list(VOICE, business(caller).id(), false));
    }

    @Override
    public Availability availability(VoiceCaller caller, CheckAvailability check) {
        FindAvailableSlotsQuery.Slots found = app.findAvailableSlots()
                .find(new FindAvailableSlotsQuery.Query(
                        VOICE,
                        business(caller).id(),
                        check.service().id(),
                        check.day(),
                        check.day(),
                        check.provider()));
        Function<AvailableSlot, List<String>> who = who(found, check.provider());
        return new Availability(
                check.service().name(),
                check.provider().flatMap(found::provider).map(Provider::displayName),
                check.day(),
                found(found, check.when(), who, business(caller)));
    }

    private static Found found(
            FindAvailableSlotsQuery.Slots found, When when, Function<AvailableSlot, List<String>> who, Business in) {
        if (when instanceof When.Skipped skipped) {
            Instant jump = ClockGap.of(skipped.asked(), in.zone()).orElseThrow().at();
            return new Found.SkippedAt(skipped.asked(), nearest(found, jump, who));
        }
        if (when instanceof When.At at) {
            return found.slots().stream()
                    .filter(s -> s.start().equals(at.start()))
                    .findFirst()
                    .<Found>map(free -> new Found.FreeAt(at.start(), who.apply(free)))
                    .orElseGet(() -> new Found.TakenAt(at.start(), nearest(found, at.start(), who)));
        }
        When.Between between = (When.Between) when;
        List<AvailableSlot> within = found.slots().stream()
                .filter(s -> {
                    LocalTime time = s.start().atZone(in.zone()).toLocalTime();
                    return !time.isBefore(between.from()) && time.isBefore(between.until());
                })
                .toList();
        return within.isEmpty()
                ? new Found.NoneBetween(times(spread(found.slots()), found, who))
                : new Found.FreeBetween(offers(spread(within), who));
    }

    /**
     * Who to name at each free time: the people free then, when it matters, that is when more than one person does
     * the service and the caller has not chosen one.
     */
    private static Function<AvailableSlot, List<String>> who(
            FindAvailableSlotsQuery.Slots found, Optional<ProviderId> chosen) {
        List<Provider> performers = found.providers().stream()
                .filter(p -> found.service().isPerformedBy(p.id()))
                .toList();
        if (chosen.isPresent() || performers.size() < 2) {
            return slot -> List.of();
        }
        Map<ProviderId, String> names =
                performers.stream().collect(Collectors.toMap(Provider::id, Provider::displayName));
        return slot -> slot.providers().stream()
                .map(names::get)
                .filter(Objects::nonNull)
                .toList();
    }

    /** The free times of {@code found} nearest to {@code at}, or why there are none and the next one. */
    private static FreeTimes nearest(
            FindAvailableSlotsQuery.Slots found, Instant at, Function<AvailableSlot, List<String>> who) {
        return times(
                found.slots().stream()
                        .sorted(Comparator.comparing((AvailableSlot s) ->
                                Duration.between(s.start(), at).abs()))
                        .limit(NEAREST_OFFERED)
                        .toList(),
                found,
                who);
    }

    private static FreeTimes times(
            List<AvailableSlot> slots, FindAvailableSlotsQuery.Slots found, Function<AvailableSlot, List<String>> who) {
        return new FreeTimes(
                offers(slots, who), found.noneBecause(), found.nextAvailable().map(AvailableSlot::start));
    }

    private static List<Offer> offers(List<AvailableSlot> slots, Function<AvailableSlot, List<String>> who) {
        return slots.stream().map(s -> new Offer(s.start(), who.apply(s))).toList();
    }

    /** A handful of a day's free times, spread over it rather than the first few in a row. */
    static List<AvailableSlot> spread(List<AvailableSlot> slots) {
        if (slots.size() <= SLOTS_OFFERED) {
            return slots;
        }
        List<AvailableSlot> picked = new ArrayList<>();
        for (int i = 0; i < SLOTS_OFFERED; i++) {
            picked.add(slots.get(i * (slots.size() - 1) / (SLOTS_OFFERED - 1)));
        }
        return picked;
    }

    @Override
    public Booking book(VoiceCaller caller, BookAppointment book) {
        try {
            CallerAppointmentsUseCase.Booked booking = app.callerAppointments()
                    .book(new BookAppointmentUseCase.Command(
                            new Actor.Caller(BookingSource.VOICE, caller.callId(), caller.numberProven()),
                            business(caller).id(),
                            book.service().id(),
                            book.start(),
                            book.provider(),
                            new BookAppointmentUseCase.ClientDetails(
                                    book.clientName(), caller.number().map(PhoneNumber::value), book.email()),
                            book.notes(),
                            BookingSource.VOICE,
                            idempotencyKey(caller.platform(), caller.callId(), book.toolCallId())));
            return new Booked(
                    booking.result().details(),
                    booking.result().replayed(),
                    booking.manageCode(),
                    booking.deposit(),
                    booking.card());
        } catch (BookingRefusedException refused) {
            return refused(refused, book.namedSomeone());
        } catch (VoiceBookingsCappedException capped) {
            return new BookOnline(capped.bookOnline());
        }
    }

    @Override
    public Booking hold(VoiceCaller caller, HoldSlot hold) {
        try {
            var held = app.callerAppointments()
                    .hold(new CallerAppointmentsUseCase.Hold(
                            business(caller).id(),
                            caller.number().orElseThrow(),
                            caller.numberProven(),
                            hold.clientName(),
                            hold.service().id(),
                            hold.start(),
                            hold.provider(),
                            caller.callId()));
            // not held: the caller had already booked this very time
            return held.appointment().status() == AppointmentStatus.HELD
                    ? new Held(held)
                    : new Booked(held, true, Optional.empty());
        } catch (BookingRefusedException refused) {
            return refused(refused, hold.namedSomeone());
        } catch (VoiceBookingsCappedException capped) {
            return new BookOnline(capped.bookOnline());
        }
    }

    @Override
    public Hours hours(VoiceCaller caller, ShowHours hours) {
        Business business = business(caller);
        WeeklyHours weekly = app.businessHours().get(VOICE, business.id()).weekly();
        Map<LocalDate, SpecialDay> special =
                app.businessHours().specialDays(VOICE, business.id(), hours.from(), hours.to()).stream()
                        .filter(d -> d.provider().isEmpty())
                        .collect(Collectors.toMap(SpecialDay::date, Function.identity(), (a, b) -> a));
        BookingCalendar calendar = new BookingCalendar(business.zone(), weekly, special, List.of());
        List<OpenOn> days = new ArrayList<>();
        for (LocalDate day = hours.from(); !day.isAfter(hours.to()); day = day.plusDays(1)) {
            days.add(new OpenOn(day, calendar.openingWindows(day)));
        }
        return new Hours(days);
    }

    @Override
    public OwnAppointments mine(VoiceCaller caller, FindMyAppointments find) {
        return codeTried(caller, find.proof(), Optional.empty())
                .<OwnAppointments>map(CodeRefused::new)
                .orElseGet(() -> new Upcoming(
                        app.callerAppointments().upcoming(business(caller).id(), find.proof()),
                        find.proof() instanceof Proof.Code));
    }

    @Override
    public OwnAppointments cancel(VoiceCaller caller, CancelAppointment cancel) {
        return codeTried(caller, cancel.proof(), Optional.of(cancel.id()))
                .<OwnAppointments>map(CodeRefused::new)
                .orElseGet(() -> new Cancelled(app.callerAppointments()
                        .cancel(business(caller).id(), cancel.proof(), cancel.id(), cancel.reason())));
    }

    @Override
    public OwnAppointments reschedule(VoiceCaller caller, RescheduleAppointment reschedule) {
        Optional<CodeLimit> limit = codeTried(caller, reschedule.proof(), Optional.of(reschedule.id()));
        if (limit.isPresent()) {
            return new CodeRefused(limit.get());
        }
        try {
            return new Moved(app.callerAppointments()
                    .reschedule(business(caller).id(), reschedule.proof(), reschedule.id(), reschedule.start()));
        } catch (BookingRefusedException refused) {
            return refused(refused, reschedule.namedSomeone());
        }
    }

    /**
     * A manage code's try counted, within a few a minute per call and per number or appointment tried, and a day's
     * per number or appointment and per business; or the limit it is refused by. The caller's proven number is no try.
     */
    private Optional<CodeLimit> codeTried(VoiceCaller caller, Proof proof, Optional<AppointmentId> opening) {
        if (!(proof instanceof Proof.Code code)) {
            return Optional.empty();
        }
        String business = business(caller).id().toString();
        String target = business + "|"
                + opening.map(AppointmentId::toString)
                        .orElseGet(() -> code.claimedNumber().orElseThrow().value());
        return count(CODE_TRIES_PER_CALL, caller.callId().orElse(business), CodeLimit.TOO_FAST)
                .or(() -> count(CODE_TRIES_PER_TARGET, target, CodeLimit.TOO_FAST))
                .or(() -> count(CODE_TRIES_PER_TARGET_A_DAY, target, CodeLimit.TARGET_SPENT))
                .or(() -> count(CODE_TRIES_PER_BUSINESS_A_DAY, business, CodeLimit.BUSINESS_SPENT));
    }

    private Optional<CodeLimit> count(AllowanceStore.Allowance allowance, String key, CodeLimit whenSpent) {
        return switch (throttle.count(allowance, key)) {
            case WITHIN -> Optional.empty();
            case SPENT -> Optional.of(whenSpent);
            case UNCOUNTED -> Optional.of(CodeLimit.UNCOUNTED);
        };
    }

    /**
     * The nearest free times, each with who it is with when the caller chose someone or the times are with
     * different people.
     */
    private static Refused refused(BookingRefusedException refused, boolean namedSomeone) {
        List<Alternative> alternatives = refused.alternatives();
        boolean named = namedSomeone
                || alternatives.stream().map(Alternative::provider).distinct().count() > 1;
        return new Refused(
                refused.reason(),
                alternatives.stream()
                        .map(a -> new Offer(
                                a.start(),
                                named
                                        ? Optional.of(refused.providerName(a.provider()))
                                                .filter(n -> !n.isBlank())
                                                .stream()
                                                .toList()
                                        : List.of()))
                        .toList());
    }

    /**
     * The model's retries of one tool call carry its id: the booking happens once. Models pick tool-call ids as they
     * like (some count from one in every conversation), so the key is the call's and the tool call's ids together,
     * hashed to a bounded length and prefixed with the platform; without a call id there is no key (the same client,
     * service and time still book once).
     */
    public static Optional<String> idempotencyKey(String platform, Optional<String> callId, String toolCallId) {
        if (callId.isEmpty() || toolCallId.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(platform + ":" + Hashes.sha256(callId.get() + "\n" + toolCallId));
    }

    private static Business business(VoiceCaller caller) {
        return caller.voice().business();
    }
}
