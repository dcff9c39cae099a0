package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.schedule.Provider;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.schedule.TimeOff;
import com.voiceappoint.domain.schedule.WeeklyHours;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The people who perform services, their own working hours and their time off. Managers run everyone's schedule;
 * staff run their own.
 */
public interface StaffUseCase {

    List<Provider> list(Actor actor, BusinessId businessId);

    /** A provider, linked to a member of the business when {@code member} is given. */
    Provider create(Actor actor, BusinessId businessId, String displayName, Optional<UserId> member);

    Provider update(
            Actor actor,
            BusinessId businessId,
            ProviderId providerId,
            Optional<String> displayName,
            Optional<Boolean> active);

    /** Their own weekly hours, or empty to work whenever the business is open. */
    Provider setWorkingHours(Actor actor, BusinessId businessId, ProviderId providerId, Optional<WeeklyHours> hours);

    TimeOff addTimeOff(
            Actor actor, BusinessId businessId, ProviderId providerId, Instant from, Instant to, String reason);

    /** Time off overlapping {@code from..to}, of one provider or of everyone. */
    List<TimeOff> timeOff(Actor actor, BusinessId businessId, Instant from, Instant to, Optional<ProviderId> provider);

    void removeTimeOff(Actor actor, BusinessId businessId, UUID timeOffId);
}
