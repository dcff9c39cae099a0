package com.voiceappoint.application.fakes;

import com.voiceappoint.application.port.out.OutboundPorts;

/** A complete set of in-memory outbound ports, for interactor tests and for trying the engine out. */
public final class InMemoryAdapters {
    private InMemoryAdapters() {}

    public static OutboundPorts create() {
        InMemoryBusinessRepository businesses = new InMemoryBusinessRepository();
        InMemoryUserRepository users = new InMemoryUserRepository();
        InMemoryServiceRepository services = new InMemoryServiceRepository();
        InMemoryCallLogRepository calls = new InMemoryCallLogRepository();
        InMemoryAppointmentRepository appointments = new InMemoryAppointmentRepository();
        return new OutboundPorts(
                new InMemoryTransactionRunner(),
                users,
                new InMemorySessionRepository(),
                businesses,
                new InMemoryMembershipRepository(businesses),
                new InMemoryInvitationRepository(businesses),
                new InMemoryProviderRepository(),
                services,
                new InMemoryCategoryRepository(services),
                new InMemoryScheduleRepository(),
                new InMemoryClientRepository(),
                appointments,
                new InMemoryVoiceSettingsRepository(),
                calls,
                new FakeVoicePlatform(),
                new InMemoryAnalyticsRepository(calls, appointments),
                new FakePasswordHasher(),
                new RecordedBookingOutcomes());
    }
}
