package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.NotFoundException;
import com.voiceappoint.application.error.OutcomeUnknownException;
import com.voiceappoint.application.error.StoreUnavailableException;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.AnswerToolCallUseCase;
import com.voiceappoint.application.port.in.RouteCallQuery;
import com.voiceappoint.application.port.in.StaffUseCase;
import com.voiceappoint.application.port.in.VoiceCaller;
import com.voiceappoint.application.port.in.VoiceToolsUseCase;
import com.voiceappoint.application.port.out.AllowanceStore;
import com.voiceappoint.application.voice.Speech;
import com.voiceappoint.application.voice.SpokenAnswers;
import com.voiceappoint.application.voice.ToolCommands;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.schedule.Provider;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.InvalidValueException;
import com.voiceappoint.domain.shared.Language;
import java.time.Clock;
import java.time.LocalDate;

/**
 * {@link AnswerToolCallUseCase} as the typed tools in words: the call routed and counted, the model's arguments read
 * into a command ({@link ToolCommands}), the command answered ({@link VoiceToolsUseCase}), and the answer said in
 * the business's language ({@link SpokenAnswers}).
 */
public final class AnswerToolCallInteractor implements AnswerToolCallUseCase {
    private static final System.Logger LOG = System.getLogger(AnswerToolCallInteractor.class.getName());

    /**
     * Tool calls a business and a call may make in a minute, on any platform. The allowances keep the names they had
     * when Vapi was the only platform, so the counts kept under them carry on across an upgrade.
     */
    public static final AllowanceStore.Allowance TOOL_CALLS_PER_BUSINESS =
            AllowanceStore.Allowance.perMinute("vapi-business", 600);

    public static final AllowanceStore.Allowance TOOL_CALLS_PER_CALL =
            AllowanceStore.Allowance.perMinute("vapi-call", 60);

    private static final Actor VOICE = new Actor.Caller(BookingSource.VOICE);

    private final RouteCallQuery routing;
    private final VoiceToolsUseCase tools;
    private final StaffUseCase staff;
    private final AllowanceStore throttle;
    private final Language defaultLanguage;
    private final Clock clock;

    /** @param defaultLanguage what a call for no business hears its refusal in */
    AnswerToolCallInteractor(
            RouteCallQuery routing,
            VoiceToolsUseCase tools,
            StaffUseCase staff,
            AllowanceStore throttle,
            Language defaultLanguage,
            Clock clock) {
        this.routing = routing;
        this.tools = tools;
        this.staff = staff;
        this.throttle = throttle;
        this.defaultLanguage = defaultLanguage;
        this.clock = clock;
    }

    @Override
    public Outcome answer(RouteCallQuery.Route route, ToolCall call) {
        Speech speech = new Speech(defaultLanguage, clock.getZone());
        try {
            RouteCallQuery.Decision decision = routing.decide(route, call.claims());
            speech = decision.voice().map(VoiceWords::speech).orElse(speech);
            if (!decision.routed()) {
                return new Outcome(SpokenAnswers.error(VoiceWords.refusal(decision, speech)), How.UNAVAILABLE);
            }
            String business = decision.voice().orElseThrow().business().id().toString();
            if (!throttle.tryAcquire(TOOL_CALLS_PER_BUSINESS, business)
                    || !throttle.tryAcquire(
                            TOOL_CALLS_PER_CALL, route.call().callId().orElse(business))) {
                return new Outcome(SpokenAnswers.error(speech.say("busy")), How.THROTTLED);
            }
            Answer answer = answer(call, VoiceCaller.of(decision, route.call()), speech);
            return new Outcome(answer, answer.result().isPresent() ? How.ANSWERED : How.REFUSED);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "tool call " + call.id() + " (" + call.name() + ") failed", e);
            return new Outcome(SpokenAnswers.error(speech.say("failure")), How.FAILED);
        }
    }

    private Answer answer(ToolCall call, VoiceCaller caller, Speech speech) {
        if (!AnswerToolCallUseCase.known(call.name())) {
            return SpokenAnswers.error(speech.say("tool.unknown", call.name()));
        }
        if (caller.web() && call.name().equals(HOLD)) {
            return SpokenAnswers.error(speech.say("web.refused"));
        }
        SpokenAnswers spoken = new SpokenAnswers(speech, caller.voice().business());
        ToolCommands commands = new ToolCommands(
                call.arguments(),
                caller,
                speech.language(),
                speech.zone(),
                LocalDate.ofInstant(clock.instant(), speech.zone()),
                new ToolCommands.Catalogue(
                        () -> tools.services(caller).offered(),
                        () -> staff.list(VOICE, caller.voice().business().id()).stream()
                                .filter(Provider::active)
                                .toList()));
        try {
            return spoken.say(tools.answer(caller, commands.read(call.name(), call.id())));
        } catch (ToolCommands.Unusable unusable) {
            return spoken.say(unusable.problem());
        } catch (NotFoundException notFound) {
            return spoken.notFound(notFound.resource());
        } catch (InvalidValueException invalid) {
            return spoken.invalid(invalid.field());
        } catch (DomainException refused) {
            return spoken.refused(refused);
        } catch (OutcomeUnknownException unknown) {
            return spoken.outcomeUnknown(call.name());
        } catch (StoreUnavailableException unavailable) {
            return SpokenAnswers.error(speech.say("unavailable"));
        }
    }
}
