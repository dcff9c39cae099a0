package com.voiceappoint.application.planted;

import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.GetBusinessQuery;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;

/** Planted violation: a use case implemented outside application.usecase and not named an Interactor. */
public class BookingHandler implements GetBusinessQuery {
    @Override
    public Business get(Actor actor, BusinessId businessId) {
        throw new UnsupportedOperationException();
    }
}
