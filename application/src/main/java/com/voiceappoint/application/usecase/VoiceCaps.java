package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.VoiceBookingsCappedException;
import com.voiceappoint.application.port.out.BillingPorts;
import com.voiceappoint.application.port.out.BillingRepository;
import com.voiceappoint.domain.billing.Plan;
import com.voiceappoint.domain.billing.Plans;
import com.voiceappoint.domain.business.Business;
import java.net.URI;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * The monthly cap of a business's plan on bookings by voice, checked in the booking's transaction before a new
 * appointment is made for a voice caller. A business on a plan without a cap costs nothing here: its count is never
 * read. On a capped plan, one indexed count says how many it made this month. Two calls booking the month's last one
 * at the same moment may both be let through: the cap is an allowance of the plan, not a rule a booking's safety
 * depends on, so the booking path takes no lock for it.
 */
final class VoiceCaps {
    static final VoiceCaps NONE = new VoiceCaps(Optional.empty());

    private final Optional<BillingPorts> ports;

    private VoiceCaps(Optional<BillingPorts> ports) {
        this.ports = ports;
    }

    static VoiceCaps of(BillingPorts ports) {
        return new VoiceCaps(Optional.of(ports));
    }

    /**
     * @throws VoiceBookingsCappedException when the business's plan allows no more voice bookings this month
     */
    void check(Business business, Instant now) {
        if (ports.isEmpty()) {
            return;
        }
        Plans plans = ports.get().plans();
        Set<String> capped = plans.capped();
        if (capped.isEmpty()) {
            return;
        }
        BillingRepository.VoiceUsage usage = ports.get()
                .store()
                .voiceUsage(business.id(), plans.starting().code(), capped, monthStart(business.zone(), now));
        Plan plan = plans.of(usage.plan());
        if (usage.voiceBookings()
                .filter(booked -> !plan.allowsVoiceBooking(booked))
                .isPresent()) {
            throw new VoiceBookingsCappedException(publicPage(business));
        }
    }

    private Optional<URI> publicPage(Business business) {
        return ports.flatMap(BillingPorts::publicUrl)
                .map(url -> URI.create(url + "/" + business.slug().value()));
    }

    /** When the calendar month of {@code now} began in {@code zone}. */
    static Instant monthStart(ZoneId zone, Instant now) {
        return YearMonth.from(now.atZone(zone)).atDay(1).atStartOfDay(zone).toInstant();
    }
}
