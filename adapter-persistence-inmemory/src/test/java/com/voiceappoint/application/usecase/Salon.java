package com.voiceappoint.application.usecase;

import com.voiceappoint.adapter.inmemory.InMemoryAdapters;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.CreateServiceUseCase;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.application.port.out.OutboundPorts;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.schedule.OpeningWindow;
import com.voiceappoint.domain.schedule.WeeklyHours;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Lola's salon in Madrid on the in-memory ports, open Monday and Tuesday 09:00-18:00, with a 30-minute cut; the
 * clock says Monday 23 November 2026, 09:00 in Madrid.
 */
final class Salon {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);
    /** Tuesday 24 November, 10:00 in Madrid. */
    static final Instant TUESDAY_TEN = Instant.parse("2026-11-24T09:00:00Z");

    final OutboundPorts ports;
    final UseCases app;
    final Actor owner;
    final BusinessId business;
    final Service cut;

    Salon() {
        this(InMemoryAdapters.create());
    }

    /** The salon on these ports. */
    Salon(OutboundPorts ports) {
        this.ports = ports;
        this.app = Interactors.create(ports, CLOCK);
        var registered = app.registerAccount().register(RegistrationAndLoginTest.command("lola@example.com", "Lola"));
        owner = Actor.member(registered.userId());
        business = registered.businessId();
        app.businessHours()
                .setWeeklyHours(
                        owner,
                        business,
                        WeeklyHours.sameOn(
                                List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY),
                                List.of(OpeningWindow.of("09:00", "18:00"))));
        cut = service("Cut");
    }

    Service service(String name) {
        return app.createService()
                .create(CreateServiceUseCase.Command.builder(owner, business, name, 30, new BigDecimal("20"))
                        .build());
    }

    /** The same salon's stores and a clock at another instant. */
    UseCases at(Instant instant) {
        return Interactors.create(ports, Clock.fixed(instant, ZoneOffset.UTC));
    }
}
