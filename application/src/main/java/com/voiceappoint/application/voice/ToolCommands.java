package com.voiceappoint.application.voice;

import static com.voiceappoint.application.port.in.AnswerToolCallUseCase.AVAILABILITY;
import static com.voiceappoint.application.port.in.AnswerToolCallUseCase.BOOK;
import static com.voiceappoint.application.port.in.AnswerToolCallUseCase.CANCEL;
import static com.voiceappoint.application.port.in.AnswerToolCallUseCase.HOLD;
import static com.voiceappoint.application.port.in.AnswerToolCallUseCase.HOURS;
import static com.voiceappoint.application.port.in.AnswerToolCallUseCase.MINE;
import static com.voiceappoint.application.port.in.AnswerToolCallUseCase.RESCHEDULE;
import static com.voiceappoint.application.port.in.AnswerToolCallUseCase.SERVICES;

import com.voiceappoint.application.error.NotFoundException;
import com.voiceappoint.application.port.in.CallerAppointmentsUseCase.Proof;
import com.voiceappoint.application.port.in.ToolArguments;
import com.voiceappoint.application.port.in.VoiceCaller;
import com.voiceappoint.application.port.in.VoiceToolsUseCase.BookAppointment;
import com.voiceappoint.application.port.in.VoiceToolsUseCase.CancelAppointment;
import com.voiceappoint.application.port.in.VoiceToolsUseCase.CheckAvailability;
import com.voiceappoint.application.port.in.VoiceToolsUseCase.Command;
import com.voiceappoint.application.port.in.VoiceToolsUseCase.FindMyAppointments;
import com.voiceappoint.application.port.in.VoiceToolsUseCase.HoldSlot;
import com.voiceappoint.application.port.in.VoiceToolsUseCase.ListServices;
import com.voiceappoint.application.port.in.VoiceToolsUseCase.RescheduleAppointment;
import com.voiceappoint.application.port.in.VoiceToolsUseCase.ShowHours;
import com.voiceappoint.application.port.in.VoiceToolsUseCase.When;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.catalog.ServiceMatcher;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.schedule.Provider;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.schedule.ProviderMatcher;
import com.voiceappoint.domain.shared.Language;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A model's loose arguments for a tool read into the tool's typed command, the same for every platform's model:
 * each argument by any of the names models give it, days and times in the caller's words ({@link WhenSaid}) or as
 * ISO, a service or a person by id or by name. The arguments are read in the order a receptionist would ask about
 * them (what, with whom, when, for whom), and the first that cannot be used is the {@link Unusable} one. A booking
 * or hold at a time the clocks skip is read as a look at that time: the caller hears the nearest free ones.
 */
public final class ToolCommands {
    /** The arguments a model may name the person asked for in ("con Marta": {"staff_name": "Marta"}). */
    private static final String[] STAFF_NAMES = {
        "staff_name", "staff", "provider_name", "provider", "professional", "stylist", "employee", "with"
    };

    static final int MAX_HOURS_DAYS = 14;
    private static final WhenSaid NOTHING_SAID = new WhenSaid(Optional.empty(), Optional.empty(), Optional.empty());

    private final ToolArguments arguments;
    private final VoiceCaller caller;
    private final Language language;
    private final ZoneId zone;
    private final LocalDate today;
    private final Catalogue catalogue;

    /**
     * What a business has to offer, looked up only when a service or a person is asked for.
     *
     * @param offered the services the caller may book by phone, in catalogue order
     * @param staff the active staff, in the business's order
     */
    public record Catalogue(Supplier<List<Service>> offered, Supplier<List<Provider>> staff) {}

    /**
     * @param language how the caller says a part of the day
     * @param zone where the business's wall-clock times are
     * @param today the date there
     */
    public ToolCommands(
            ToolArguments arguments,
            VoiceCaller caller,
            Language language,
            ZoneId zone,
            LocalDate today,
            Catalogue catalogue) {
        this.arguments = arguments;
        this.caller = caller;
        this.language = language;
        this.zone = zone;
        this.today = today;
        this.catalogue = catalogue;
    }

    /** Why arguments cannot be used, as data for the words to be said about it. */
    public sealed interface Problem {}

    public record Missing(String argument) implements Problem {}

    public record UnreadableDate(String said) implements Problem {}

    public record UnreadableTime(String said) implements Problem {}

    public record TooManyDays(int most) implements Problem {}

    /** A service nobody offers by that name: those that are offered. */
    public record NotOffered(String said, List<Service> offered) implements Problem {}

    public record WhichOffered(List<Service> candidates) implements Problem {}

    /** Nobody of that name: who does the service. */
    public record UnknownStaff(String said, Service service, List<Provider> performers) implements Problem {}

    /** Someone who does not do the service: who does. */
    public record NotPerforming(Provider named, Service service, List<Provider> performers) implements Problem {}

    public record WhichStaff(List<Provider> candidates) implements Problem {}

    /** A wall-clock time the clocks skip, to move an appointment to. */
    public record SkippedTime(LocalDateTime asked) implements Problem {}

    public enum Lacking implements Problem {
        /** No number on the call, and no e-mail to book with. */
        NUMBER_TO_BOOK,
        /** No number on the call to hold a time with. */
        NUMBER_TO_HOLD,
        /** The call does not prove the caller's number, and no manage code was given. */
        CODE,
        /** A manage code without the number to find appointments by. */
        PHONE,
        /** A person asked for, and nobody does the service. */
        PERFORMER
    }

    /** Arguments that cannot be used. */
    public static final class Unusable extends RuntimeException {
        private final transient Problem problem;

        Unusable(Problem problem) {
            super(problem.toString(), null, false, false);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /** The command {@code tool} is asked for; {@code toolCallId} keeps a booking's retries one booking. */
    public Command read(String tool, String toolCallId) {
        return switch (tool) {
            case SERVICES -> new ListServices();
            case AVAILABILITY -> availability();
            case BOOK -> slot((service, provider, start) -> book(service, provider, start, toolCallId));
            case HOURS -> hours();
            case HOLD -> slot(this::hold);
            case MINE -> new FindMyAppointments(proof(Optional.empty()));
            case CANCEL -> cancel();
            case RESCHEDULE -> reschedule();
            default -> throw new IllegalArgumentException("no tool " + tool);
        };
    }

    private Command availability() {
        Service service = service();
        Optional<ProviderId> provider = provider(service);
        Optional<String> dateSaid = arguments.text("datetime", "start", "date_time", "date", "day");
        Optional<Instant> withOffset = dateSaid.flatMap(ToolCommands::withOffset);
        WhenSaid said = withOffset
                .map(at -> LocalDateTime.ofInstant(at, zone))
                .map(local -> new WhenSaid(
                        Optional.of(local.toLocalDate()), Optional.of(local.toLocalTime()), Optional.empty()))
                .or(() -> dateSaid.map(
                        text -> WhenSaid.read(text, today).orElseThrow(() -> new Unusable(new UnreadableDate(text)))))
                .orElse(NOTHING_SAID);
        // {"date": "2026-11-24", "time": "16:00"} is one moment, said in two parts
        Optional<WhenSaid> timeSaid = arguments.text("time").flatMap(text -> WhenSaid.read(text, today));
        LocalDate day = said.date().orElse(today);
        Optional<LocalTime> time = said.time().or(() -> timeSaid.flatMap(WhenSaid::time));
        if (time.isPresent()) {
            When at = withOffset.<When>map(When.At::new).orElseGet(() -> at(day.atTime(time.get())));
            return new CheckAvailability(service, provider, day, at);
        }
        DayPart part = arguments
                .text("part_of_day", "time_of_day", "period")
                .flatMap(DayPart::parse)
                .or(said::part)
                .or(() -> timeSaid.flatMap(WhenSaid::part))
                .orElse(DayPart.ANY);
        return new CheckAvailability(
                service, provider, day, new When.Between(part.from(language), part.until(language)));
    }

    /** A slot to book or hold: what, with whom, when; at a time the clocks skip, a look at that time instead. */
    private Command slot(Slot then) {
        Service service = service();
        Optional<ProviderId> provider = provider(service);
        When start = start();
        if (start instanceof When.Skipped skipped) {
            return new CheckAvailability(service, provider, skipped.asked().toLocalDate(), skipped);
        }
        return then.command(service, provider, ((When.At) start).start());
    }

    private interface Slot {
        Command command(Service service, Optional<ProviderId> provider, Instant start);
    }

    private Command book(Service service, Optional<ProviderId> provider, Instant start, String toolCallId) {
        String name = clientName();
        Optional<String> email =
                arguments.text("email", "client_email").or(() -> arguments.nested("client_data", "email"));
        if (caller.number().isEmpty() && email.isEmpty()) {
            throw new Unusable(Lacking.NUMBER_TO_BOOK);
        }
        return new BookAppointment(
                service, provider, start, name, email, arguments.text("notes").orElse(""), toolCallId, namedSomeone());
    }

    private Command hold(Service service, Optional<ProviderId> provider, Instant start) {
        String name = clientName();
        if (caller.number().isEmpty()) {
            throw new Unusable(Lacking.NUMBER_TO_HOLD);
        }
        return new HoldSlot(service, provider, start, name, namedSomeone());
    }

    private Command hours() {
        Optional<LocalDate> date = arguments.text("date", "day").map(this::date);
        LocalDate from = date.or(() -> arguments.text("from", "start_date").map(this::date))
                .orElse(today);
        LocalDate to =
                date.or(() -> arguments.text("to", "end_date").map(this::date)).orElse(from.plusDays(6));
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_HOURS_DAYS) {
            throw new Unusable(new TooManyDays(MAX_HOURS_DAYS));
        }
        return new ShowHours(from, to);
    }

    private Command cancel() {
        AppointmentId id = appointmentId();
        return new CancelAppointment(
                id, proof(Optional.of(id)), arguments.text("reason").orElse(""));
    }

    private Command reschedule() {
        AppointmentId id = appointmentId();
        When start = instant(required("start", "start", "new_start", "datetime"));
        if (start instanceof When.Skipped skipped) {
            throw new Unusable(new SkippedTime(skipped.asked()));
        }
        return new RescheduleAppointment(id, ((When.At) start).start(), proof(Optional.of(id)), namedSomeone());
    }

    /**
     * How the caller shows the appointments are theirs: the number they call from, when the network vouches for it;
     * otherwise the manage code, and, to list them, the number they say is theirs.
     */
    private Proof proof(Optional<AppointmentId> opening) {
        if (caller.numberProven()) {
            return new Proof.CallerNumber(caller.number().orElseThrow());
        }
        String code = arguments.text("manage_code", "code").orElseThrow(() -> new Unusable(Lacking.CODE));
        Optional<PhoneNumber> claimed = arguments
                .text("phone", "phone_number")
                .flatMap(CallerNumber::read)
                .or(caller::claimedNumber);
        if (opening.isEmpty() && claimed.isEmpty()) {
            throw new Unusable(Lacking.PHONE);
        }
        return new Proof.Code(code, claimed);
    }

    /** The service named by id, or by what the caller called it; unknown or ambiguous names are asked about. */
    private Service service() {
        List<Service> offered = catalogue.offered().get();
        Optional<String> id = arguments.text("service_id", "serviceId");
        if (id.isPresent()) {
            Optional<Service> byId = offered.stream()
                    .filter(s -> s.id().toString().equalsIgnoreCase(id.get().strip()))
                    .findFirst();
            if (byId.isPresent()) {
                return byId.get();
            }
        }
        String said = arguments
                .text("service_name", "service", "serviceName")
                .or(() -> id)
                .orElseThrow(() -> new Unusable(new Missing("service_id")));
        ServiceMatcher.Match match = ServiceMatcher.match(offered, said);
        if (match.service().isPresent()) {
            return match.service().get();
        }
        throw new Unusable(
                match.candidates().isEmpty() ? new NotOffered(said, offered) : new WhichOffered(match.candidates()));
    }

    /**
     * The person the caller asked for, by id or by name ("Marta", "con Marta López"), or empty for whoever is free. A
     * name is looked for first among those who do the service, then among all the staff; a name nobody has, or one
     * two people share, is answered with the names to choose from.
     */
    private Optional<ProviderId> provider(Service service) {
        Optional<String> id = arguments.text("provider_id", "providerId");
        Optional<ProviderId> byId = id.flatMap(ToolCommands::uuid).map(ProviderId::new);
        if (byId.isPresent()) {
            return byId;
        }
        Optional<String> name = arguments.text(STAFF_NAMES).or(() -> id);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        List<Provider> staff = catalogue.staff().get();
        List<Provider> performers =
                staff.stream().filter(p -> service.isPerformedBy(p.id())).toList();
        ProviderMatcher.Choice choice = ProviderMatcher.match(performers, name.get());
        if (choice instanceof ProviderMatcher.Choice.Nobody
                && ProviderMatcher.match(staff, name.get()) instanceof ProviderMatcher.Choice.One other) {
            throw new Unusable(new NotPerforming(other.provider(), service, performers));
        }
        if (choice instanceof ProviderMatcher.Choice.One one) {
            return Optional.of(one.provider().id());
        }
        if (choice instanceof ProviderMatcher.Choice.Anyone) {
            return Optional.empty();
        }
        if (choice instanceof ProviderMatcher.Choice.Several several) {
            throw new Unusable(new WhichStaff(several.candidates()));
        }
        throw new Unusable(
                performers.isEmpty() ? Lacking.PERFORMER : new UnknownStaff(name.get(), service, performers));
    }

    /** Whether the caller named a person (an id, or a name that is not "anyone"). */
    private boolean namedSomeone() {
        return arguments.text("provider_id", "providerId").isPresent()
                || arguments
                        .text(STAFF_NAMES)
                        .filter(name -> !ProviderMatcher.meansAnyone(name))
                        .isPresent();
    }

    private AppointmentId appointmentId() {
        String given = required("appointment_id", "appointment_id", "appointmentId", "id");
        return uuid(given).map(AppointmentId::new).orElseThrow(() -> new NotFoundException("appointment"));
    }

    private String clientName() {
        return arguments
                .text("client_name", "name", "customer_name")
                .or(() -> arguments.nested("client_data", "name"))
                .orElseThrow(() -> new Unusable(new Missing("client_name")));
    }

    /** The start a booking or a hold asks for, from {@code start} (or a {@code date} and a {@code time} given apart). */
    private When start() {
        return instant(arguments
                .text("start", "datetime", "date_time")
                .or(() -> arguments
                        .text("date", "day")
                        .flatMap(day -> arguments.text("time").map(t -> day + " " + t)))
                .orElseThrow(() -> new Unusable(new Missing("start"))));
    }

    /**
     * A time the model wrote: with an offset it is that instant; without one it is the business's wall-clock time,
     * as an ISO local date-time or in the caller's words ("mañana a las 16:00", "next Friday at 4pm"), which may be
     * one the clocks skip.
     */
    private When instant(String text) {
        Optional<Instant> withOffset = withOffset(text);
        if (withOffset.isPresent()) {
            return new When.At(withOffset.get());
        }
        WhenSaid said = WhenSaid.read(text, today)
                .filter(when -> when.time().isPresent())
                .orElseThrow(() -> new Unusable(new UnreadableTime(text)));
        return at(said.date().orElse(today).atTime(said.time().orElseThrow()));
    }

    /** A wall-clock time where the business is, or the one asked for when the clocks skip it. */
    private When at(LocalDateTime local) {
        return ClockGap.of(local, zone).isPresent()
                ? new When.Skipped(local)
                : new When.At(local.atZone(zone).toInstant());
    }

    /** A day, as an ISO date (a date-time's day, in the business's zone) or in the caller's words ("el martes"). */
    private LocalDate date(String text) {
        return withOffset(text)
                .map(at -> LocalDate.ofInstant(at, zone))
                .or(() -> WhenSaid.read(text, today).flatMap(WhenSaid::date))
                .orElseThrow(() -> new Unusable(new UnreadableDate(text)));
    }

    /** "2026-11-24T15:00:00Z", "2026-11-24T16:00+01:00": a time that says its own offset. */
    private static Optional<Instant> withOffset(String text) {
        String value = text.strip().replace(' ', 'T');
        int time = value.indexOf('T');
        boolean offset = time > 0
                && (value.endsWith("Z")
                        || value.endsWith("z")
                        || value.indexOf('+', time) > 0
                        || value.indexOf('-', time) > 0);
        if (!offset) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeException notOne) {
            return Optional.empty();
        }
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String required(String spokenName, String... names) {
        return arguments.text(names).orElseThrow(() -> new Unusable(new Missing(spokenName)));
    }
}
