package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.CallNotPlacedException;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.CallLogUseCase;
import com.voiceappoint.application.port.in.PlaceOutboundCallUseCase;
import com.voiceappoint.application.port.out.ScheduleRepository;
import com.voiceappoint.application.port.out.ServiceRepository;
import com.voiceappoint.application.port.out.VoicePlatformGateway;
import com.voiceappoint.application.port.out.VoiceSettingsRepository;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.Permission;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.shared.ErrorCode;
import com.voiceappoint.domain.voice.VoiceCall;
import com.voiceappoint.domain.voice.VoiceSettings;
import java.time.Clock;
import java.util.Optional;

public final class OutboundCallsInteractor implements PlaceOutboundCallUseCase {
    private static final System.Logger LOG = System.getLogger(OutboundCallsInteractor.class.getName());
    /** How many times the route of a placed call is written before giving up. */
    private static final int ROUTE_WRITES = 2;

    private final BusinessAccess access;
    private final VoiceSettingsRepository settings;
    private final ServiceRepository services;
    private final ScheduleRepository schedules;
    private final VoicePlatformGateway gateway;
    private final CallLogUseCase callLog;
    private final Clock clock;

    OutboundCallsInteractor(
            BusinessAccess access,
            VoiceSettingsRepository settings,
            ServiceRepository services,
            ScheduleRepository schedules,
            VoicePlatformGateway gateway,
            CallLogUseCase callLog,
            Clock clock) {
        this.access = access;
        this.settings = settings;
        this.services = services;
        this.schedules = schedules;
        this.gateway = gateway;
        this.callLog = callLog;
        this.clock = clock;
    }

    @Override
    public Placed place(Actor actor, BusinessId businessId, String number, Optional<String> name) {
        Business business = access.require(actor, businessId, Permission.MANAGE_APPOINTMENTS)
                .business();
        return call(
                business, new PhoneNumber(number), name.map(String::strip).filter(n -> !n.isEmpty()), Optional.empty());
    }

    /**
     * Calls a client with the assistant, which opens with {@code opening} (the business's greeting when empty) and
     * then answers them with the same tools as a call they make.
     *
     * @throws CallNotPlacedException when the business takes no calls by voice, or the platform refuses or is away
     */
    Placed call(Business business, PhoneNumber customer, Optional<String> name, Optional<String> opening) {
        BusinessId businessId = business.id();
        if (!business.allowVoiceBooking()) {
            throw new CallNotPlacedException(ErrorCode.CALL_REJECTED, "this business does not take calls by voice");
        }
        VoiceSettings voice = settings.find(businessId).orElseGet(() -> VoiceSettings.none(businessId));
        VoicePlatformGateway.PlacedCall placed = gateway.place(new VoicePlatformGateway.OutboundCall(
                business,
                voice.language().orElse(business.language()),
                customer,
                name,
                voice.lineIds().stream().findFirst(),
                voice.assistantId(),
                services.findByBusiness(businessId, false).stream()
                        .filter(Service::voiceBookingEnabled)
                        .toList(),
                schedules.weeklyHours(businessId),
                opening.or(voice::greeting)));
        VoiceCall started = VoiceCall.started(
                businessId,
                placed.callId(),
                Optional.of("outboundPhoneCall"),
                Optional.of(placed.status()),
                Optional.of(customer.value()),
                voice.numbers().stream().findFirst().map(PhoneNumber::value),
                clock.instant());
        recordRoute(started, !voice.lineIds().isEmpty());
        return new Placed(placed.callId(), placed.status());
    }

    /**
     * Records the call as this business's, which is what routes its tool calls when it is made from the server's
     * shared line: only the platform's answer names the call, so this cannot come before placing it. The phone is
     * ringing by now, so a failed write is tried again at once (a connection lost between requests is the usual
     * cause), and a second failure is an error in the log that says what it costs, not a failure of the call.
     */
    private void recordRoute(VoiceCall started, boolean fromItsOwnLine) {
        for (int attempt = 1; ; attempt++) {
            try {
                callLog.putThrough(started);
                return;
            } catch (RuntimeException e) {
                if (attempt == ROUTE_WRITES) {
                    LOG.log(
                            System.Logger.Level.ERROR,
                            () -> "outbound call " + started.callId() + " placed but not recorded as "
                                    + started.businessId() + "'s: "
                                    + (fromItsOwnLine
                                            ? "its tool calls are routed by the business's line"
                                            : "made from the shared line, its tool calls reach no business"),
                            e);
                    return;
                }
            }
        }
    }
}
