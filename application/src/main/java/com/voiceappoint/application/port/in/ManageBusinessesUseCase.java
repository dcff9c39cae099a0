package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A member's businesses: list them, found another, change one, close one. */
public interface ManageBusinessesUseCase {

    List<GetProfileQuery.BusinessMembership> mine(Actor.Member member);

    /** Founds a business with the member as owner and first provider. */
    Business create(Actor.Member member, NewBusiness business);

    Business update(Actor actor, BusinessId businessId, Changes changes);

    /** Closes the business for good (its owner only); its slug is never given to anyone else. */
    void delete(Actor actor, BusinessId businessId);

    record NewBusiness(
            String name, String businessType, String language, String timezone, String currency, String country) {
        public NewBusiness {
            Objects.requireNonNull(name, "name");
        }
    }

    /** Only what is present changes. Minutes and days are whole numbers, checked by the booking policy. */
    record Changes(
            Optional<String> name,
            Optional<String> businessType,
            Optional<String> language,
            Optional<String> timezone,
            Optional<String> currency,
            Optional<String> country,
            Optional<Boolean> allowVoiceBooking,
            Optional<Integer> slotStepMinutes,
            Optional<Integer> minimumNoticeMinutes,
            Optional<Integer> maximumAdvanceDays,
            Optional<Integer> cancellationCutoffMinutes,
            Optional<Integer> holdMinutes) {
        public static Changes none() {
            return new Changes(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty());
        }
    }
}
