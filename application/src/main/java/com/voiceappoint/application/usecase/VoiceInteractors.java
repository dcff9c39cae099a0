package com.voiceappoint.application.usecase;

import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.application.port.in.VoiceToolsUseCase;
import com.voiceappoint.application.port.in.VoiceUseCases;
import com.voiceappoint.application.port.out.AllowanceStore;
import com.voiceappoint.domain.shared.Language;
import java.time.Clock;

/** Wires the voice slice onto the application's own ports: what a voice platform's adapter drives. */
public final class VoiceInteractors {
    private VoiceInteractors() {}

    /**
     * @param allowances where tool calls and manage-code tries are counted
     * @param defaultLanguage what a call for none of our businesses hears
     */
    public static VoiceUseCases create(UseCases app, AllowanceStore allowances, Language defaultLanguage, Clock clock) {
        CallRoutingInteractor routing = new CallRoutingInteractor(app.voiceRouting());
        CallRequestsInteractor requests = new CallRequestsInteractor(
                routing, app.listServices(), app.businessHours(), app.callLog(), defaultLanguage, clock);
        AnswerToolCallInteractor tools = new AnswerToolCallInteractor(
                routing, tools(app, allowances), app.staff(), allowances, defaultLanguage, clock);
        return new VoiceUseCases(routing, tools, requests, requests, requests, app.callLog());
    }

    /** The eight tools as typed use cases, for a caller already routed: what an embedding application calls. */
    public static VoiceToolsUseCase tools(UseCases app, AllowanceStore allowances) {
        return new VoiceToolsInteractor(
                new VoiceToolsInteractor.Ports(
                        app.listServices(), app.businessHours(), app.findAvailableSlots(), app.callerAppointments()),
                allowances);
    }
}
