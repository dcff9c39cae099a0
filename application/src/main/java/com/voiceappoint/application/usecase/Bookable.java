package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.NotFoundException;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.out.ServiceRepository;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.catalog.ServiceId;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;

/**
 * What makes a service bookable for an actor: its business takes bookings (it is not suspended), the service exists
 * and is active, and voice callers may book it by voice.
 */
final class Bookable {
    private Bookable() {}

    static Service service(ServiceRepository services, Business business, ServiceId id, Actor actor) {
        business.requireTakingBookings();
        Service service = services.findById(business.id(), id).orElseThrow(() -> new NotFoundException("service"));
        if (!service.isBookable()) {
            if (actor instanceof Actor.Caller) {
                throw new NotFoundException("service");
            }
            throw new DomainException(ErrorCode.SERVICE_INACTIVE, "this service is no longer offered");
        }
        if (BusinessAccess.isVoiceCaller(actor) && !(business.allowVoiceBooking() && service.voiceBookingEnabled())) {
            throw new DomainException(
                    ErrorCode.SERVICE_NOT_BOOKABLE_BY_VOICE, "this service cannot be booked by phone");
        }
        return service;
    }
}
