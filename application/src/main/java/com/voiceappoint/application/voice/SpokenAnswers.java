package com.voiceappoint.application.voice;

import static com.voiceappoint.application.port.in.AnswerToolCallUseCase.CANCEL;
import static com.voiceappoint.application.port.in.AnswerToolCallUseCase.RESCHEDULE;

import com.voiceappoint.application.port.in.AnswerToolCallUseCase.Answer;
import com.voiceappoint.application.port.in.AppointmentDetails;
import com.voiceappoint.application.port.in.VoiceToolsUseCase;
import com.voiceappoint.application.port.in.VoiceToolsUseCase.Availability;
import com.voiceappoint.application.port.in.VoiceToolsUseCase.BookOnline;
import com.voiceappoint.application.port.in.VoiceToolsUseCase.Booked;
import com.voiceappoint.application.port.in.VoiceToolsUseCase.Cancelled;
import com.voiceappoint.application.port.in.VoiceToolsUseCase.CodeRefused;
import com.voiceappoint.application.port.in.VoiceToolsUseCase.Found;
import com.voiceappoint.application.port.in.VoiceToolsUseCase.FreeTimes;
import com.voiceappoint.application.port.in.VoiceToolsUseCase.Held;
import com.voiceappoint.application.port.in.VoiceToolsUseCase.Hours;
import com.voiceappoint.application.port.in.VoiceToolsUseCase.Moved;
import com.voiceappoint.application.port.in.VoiceToolsUseCase.Offer;
import com.voiceappoint.application.port.in.VoiceToolsUseCase.Refused;
import com.voiceappoint.application.port.in.VoiceToolsUseCase.Services;
import com.voiceappoint.application.port.in.VoiceToolsUseCase.Upcoming;
import com.voiceappoint.application.voice.ToolCommands.Lacking;
import com.voiceappoint.application.voice.ToolCommands.Problem;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.payment.Payment;
import com.voiceappoint.domain.payment.SavedCard;
import com.voiceappoint.domain.schedule.Provider;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The tools' answers, and why arguments could not be used, in the words a caller of {@code business} hears: a result
 * for what happened (a refusal with alternatives included), an error for what the assistant must fix or not retry
 * blindly. Pure: it says only what it is given, with {@link Speech}'s phrases.
 */
public final class SpokenAnswers {
    private final Speech speech;
    private final Business business;

    public SpokenAnswers(Speech speech, Business business) {
        this.speech = speech;
        this.business = business;
    }

    public static Answer result(String text) {
        return new Answer(Optional.of(Speech.oneLine(text)), Optional.empty());
    }

    public static Answer error(String text) {
        return new Answer(Optional.empty(), Optional.of(Speech.oneLine(text)));
    }

    public Answer say(VoiceToolsUseCase.Answer answer) {
        if (answer instanceof Services services) {
            return result(
                    services.offered().isEmpty()
                            ? speech.say("services.none")
                            : speech.say(
                                    "services.list",
                                    business.name(),
                                    speech.list(services.offered().stream()
                                            .map(speech::service)
                                            .toList())));
        }
        if (answer instanceof Hours hours) {
            return result(speech.say(
                    "hours.list",
                    business.name(),
                    String.join(
                            "; ",
                            hours.days().stream()
                                    .map(d -> speech.opening(speech.day(d.day()), d.windows()))
                                    .toList())));
        }
        if (answer instanceof Availability availability) {
            return result(availability(availability));
        }
        if (answer instanceof Booked booked) {
            String said = booked.deposit().isPresent()
                    ? deposit(booked)
                    : booked.card().isPresent()
                            ? card(booked)
                            : appointment(booked.again() ? "booked.again" : "booked", booked.details());
            return result(booked.manageCode()
                    .map(code -> said + " " + speech.say("booked.code", String.join(" ", code.split(""))))
                    .orElse(said));
        }
        if (answer instanceof Held held) {
            return result(speech.say(
                    "held",
                    held.details().serviceName(),
                    speech.when(held.details().appointment().start()),
                    speech.time(held.details().appointment().holdExpiresAt().orElseThrow()),
                    held.details().appointment().id().toString(),
                    held.details().providerName()));
        }
        return rest(answer);
    }

    /**
     * A booking kept for its deposit: what is owed, by when, and where the link to pay it went; and, when the business
     * charges no-shows, that the card it is paid with is kept for the fee.
     */
    private String deposit(Booked booked) {
        Payment deposit = booked.deposit().orElseThrow().payment();
        String said = appointment("booked.deposit", booked.details())
                + " "
                + speech.say(
                        booked.details().client().phone().isPresent() ? "deposit.sent.sms" : "deposit.sent.email",
                        speech.money(deposit.amount()),
                        speech.time(deposit.payBy().orElseThrow()));
        return booked.card()
                .map(due -> said + " "
                        + speech.say(
                                "deposit.keeps_card", speech.money(due.card().fee())))
                .orElse(said);
    }

    /** A booking kept for a card for the no-show fee: how much a no-show costs, by when, and where the link went. */
    private String card(Booked booked) {
        SavedCard card = booked.card().orElseThrow().card();
        return appointment("booked.card", booked.details())
                + " "
                + speech.say(
                        booked.details().client().phone().isPresent() ? "card.sent.sms" : "card.sent.email",
                        speech.money(card.fee()),
                        speech.time(card.saveBy()));
    }

    private Answer rest(VoiceToolsUseCase.Answer answer) {
        if (answer instanceof BookOnline online) {
            return result(online.page()
                    .map(page -> speech.say("book.online", page.toString()))
                    .orElseGet(() -> speech.say("book.online.nopage", business.name())));
        }
        if (answer instanceof Refused refused) {
            String why = speech.say("refused." + refused.reason().name());
            return result(
                    refused.alternatives().isEmpty()
                            ? why
                            : why + " " + speech.say("slots.alternatives", offers(refused.alternatives())));
        }
        if (answer instanceof Upcoming upcoming) {
            return result(
                    upcoming.appointments().isEmpty()
                            ? speech.say(upcoming.byCode() ? "mine.none.code" : "mine.none")
                            : speech.say(
                                    "mine.list",
                                    speech.list(upcoming.appointments().stream()
                                            .map(d -> speech.say(
                                                    d.appointment().status() == AppointmentStatus.PENDING_PAYMENT
                                                            ? "mine.item.deposit"
                                                            : "mine.item",
                                                    d.serviceName(),
                                                    speech.when(d.appointment().start()),
                                                    d.appointment().id().toString(),
                                                    d.appointment()
                                                            .holdExpiresAt()
                                                            .map(speech::time)
                                                            .orElse("")))
                                            .toList())));
        }
        if (answer instanceof Cancelled cancelled) {
            return result(speech.say(
                    "cancelled",
                    cancelled.details().serviceName(),
                    speech.when(cancelled.details().appointment().start())));
        }
        if (answer instanceof Moved moved) {
            return result(speech.say(
                    "moved",
                    moved.details().serviceName(),
                    speech.when(moved.details().appointment().start()),
                    moved.details().appointment().id()));
        }
        return error(speech.say(
                switch (((CodeRefused) answer).limit()) {
                    case TOO_FAST -> "code.busy";
                    case TARGET_SPENT -> "code.spent.target";
                    case BUSINESS_SPENT -> "code.spent.business";
                    case UNCOUNTED -> "code.uncounted";
                }));
    }

    private String availability(Availability availability) {
        String asked = availability
                .provider()
                .map(name -> speech.say("service.with", availability.service(), name))
                .orElse(availability.service());
        Found found = availability.found();
        if (found instanceof Found.FreeAt free) {
            Instant at = free.start();
            return free.who().isEmpty()
                    ? speech.say("slots.free", asked, speech.when(at), speech.local(at))
                    : speech.say(
                            "slots.free.with", asked, speech.when(at), speech.local(at), speech.choices(free.who()));
        }
        if (found instanceof Found.TakenAt taken) {
            return speech.say("slots.taken", asked, speech.when(taken.start())) + " " + nearest(taken.nearest());
        }
        if (found instanceof Found.SkippedAt skipped) {
            return gap(skipped.asked()) + " " + nearest(skipped.nearest());
        }
        if (found instanceof Found.FreeBetween free) {
            return speech.say(
                    "slots.some",
                    asked,
                    speech.day(availability.day()),
                    speech.runs(SlotsByDay.group(free.offers(), speech.zone())
                            .get(0)
                            .runs()),
                    speech.local(free.offers().get(0).start()));
        }
        return speech.say("slots.none", asked, speech.day(availability.day())) + " "
                + nearest(((Found.NoneBetween) found).sameDay());
    }

    /** The free times, or why there are none and the next one. */
    private String nearest(FreeTimes times) {
        if (!times.offers().isEmpty()) {
            return speech.say("slots.alternatives", offers(times.offers()));
        }
        String why = times.noneBecause()
                .map(reason -> speech.say("why." + reason.name()))
                .orElse("");
        String next = times.next()
                .map(start -> " " + speech.say("slots.next", speech.when(start), speech.local(start)))
                .orElse("");
        return why + next;
    }

    private String offers(List<Offer> offers) {
        return speech.offers(SlotsByDay.group(offers, speech.zone()));
    }

    private String appointment(String key, AppointmentDetails details) {
        return speech.say(
                key,
                details.serviceName(),
                speech.when(details.appointment().start()),
                details.providerName(),
                details.appointment().id().toString());
    }

    /** "That time does not exist on Sunday 28 March because the clocks change: at 02:00 they go forward to 03:00." */
    private String gap(LocalDateTime asked) {
        ClockGap gap = ClockGap.of(asked, speech.zone()).orElseThrow();
        return speech.say(
                "gap",
                speech.day(gap.asked().toLocalDate()),
                gap.jumpsFrom().toLocalTime().toString(),
                gap.jumpsTo().toLocalTime().toString());
    }

    /** Why the arguments could not be used, and what to give instead. */
    public Answer say(Problem problem) {
        if (problem instanceof ToolCommands.SkippedTime skipped) {
            return result(gap(skipped.asked()));
        }
        return error(problem(problem));
    }

    private String problem(Problem problem) {
        if (problem instanceof ToolCommands.Missing missing) {
            return speech.say("argument.missing", missing.argument());
        }
        if (problem instanceof ToolCommands.UnreadableDate date) {
            return speech.say("argument.date", date.said());
        }
        if (problem instanceof ToolCommands.UnreadableTime time) {
            return speech.say("argument.time", time.said());
        }
        if (problem instanceof ToolCommands.TooManyDays days) {
            return speech.say("argument.range", days.most());
        }
        if (problem instanceof ToolCommands.NotOffered unknown) {
            return speech.say("service.unknown", unknown.said(), speech.list(services(unknown.offered())));
        }
        if (problem instanceof ToolCommands.WhichOffered which) {
            return speech.say("service.which", speech.choices(services(which.candidates())));
        }
        if (problem instanceof ToolCommands.UnknownStaff unknown) {
            return speech.say("staff.unknown", unknown.said(), unknown.service().name(), names(unknown.performers()));
        }
        if (problem instanceof ToolCommands.NotPerforming not) {
            return speech.say(
                    "staff.not.performing",
                    not.named().displayName(),
                    not.service().name(),
                    names(not.performers()));
        }
        if (problem instanceof ToolCommands.WhichStaff which) {
            return speech.say(
                    "staff.which",
                    speech.choices(which.candidates().stream()
                            .map(Provider::displayName)
                            .toList()));
        }
        return speech.say(
                switch ((Lacking) problem) {
                    case NUMBER_TO_BOOK -> "caller.unknown";
                    case NUMBER_TO_HOLD -> "hold.unknown";
                    case CODE -> "code.needed";
                    case PHONE -> "code.phone";
                    case PERFORMER -> "why.NOBODY_PERFORMS";
                });
    }

    private List<String> services(List<Service> services) {
        return services.stream()
                .map(s -> speech.say("service.option", s.name(), s.id()))
                .toList();
    }

    private String names(List<Provider> staff) {
        return speech.list(staff.stream().map(Provider::displayName).toList());
    }

    /** Something asked for that is not there: a service, a person, or one of the caller's appointments. */
    public Answer notFound(String resource) {
        return error(speech.say(
                switch (resource) {
                    case "service" -> "service.unavailable";
                    case "provider" -> "staff.none";
                    default -> "appointment.unknown";
                }));
    }

    /** An argument the domain refuses; it names the field as it calls it ({@code clientName}), tools as snake_case. */
    public Answer invalid(String field) {
        return error(speech.say(
                "argument.invalid",
                field == null
                        ? null
                        : field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT)));
    }

    /** What the booking rules refuse, said as a result: the assistant tells the caller. */
    public Answer refused(DomainException refused) {
        if (refused.code() == ErrorCode.CANCELLATION_TOO_LATE) {
            return result(speech.say(
                    "too.late", business.policy().cancellationCutoff().toHours()));
        }
        if (refused.code() == ErrorCode.BUSINESS_SUSPENDED) {
            return result(speech.say("business.suspended", business.name()));
        }
        return result(speech.say(
                switch (refused.code()) {
                    case SERVICE_NOT_BOOKABLE_BY_VOICE, SERVICE_INACTIVE -> "service.unavailable";
                    case INVALID_STATE_TRANSITION, HOLD_EXPIRED -> "not.changeable";
                    // a lost race or a key reused: trying again is the answer
                    default -> "failure";
                }));
    }

    /** The change may well be made: the caller must not hear that it failed, nor be led to make it twice. */
    public Answer outcomeUnknown(String tool) {
        return error(speech.say(
                switch (tool) {
                    case CANCEL -> "outcome.unknown.cancel";
                    case RESCHEDULE -> "outcome.unknown.reschedule";
                    default -> "outcome.unknown";
                }));
    }
}
