package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.Slug;
import java.util.Objects;

/**
 * Signs up a new owner and their first business in one go: the user, the business (with a unique slug), the
 * owner's membership, the owner as the business's first provider, its dashboard configuration and onboarding
 * status. All of it or none of it.
 */
public interface RegisterAccountUseCase {

    Result register(Command command);

    record Command(
            String email,
            String password,
            String fullName,
            String language,
            String businessName,
            String businessType,
            String timezone,
            String currency,
            String country) {
        public Command {
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(businessName, "businessName");
            Objects.requireNonNull(businessType, "businessType");
            Objects.requireNonNull(timezone, "timezone");
            Objects.requireNonNull(currency, "currency");
        }

        /** A command without a country: phone numbers then have to be given in international form. */
        public Command(
                String email,
                String password,
                String fullName,
                String language,
                String businessName,
                String businessType,
                String timezone,
                String currency) {
            this(email, password, fullName, language, businessName, businessType, timezone, currency, null);
        }

        @Override
        public String toString() {
            return "Command[email=%s, businessName=%s]".formatted(email, businessName);
        }
    }

    record Result(UserId userId, EmailAddress email, BusinessId businessId, Slug businessSlug, String businessName) {}
}
