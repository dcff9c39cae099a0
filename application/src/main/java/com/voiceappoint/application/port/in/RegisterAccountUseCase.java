package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.Slug;
import java.util.Objects;

/**
 * Signs up a new user, usually an owner with their first business in one go: the user, the business (with a unique
 * slug), the owner's membership, the owner as the business's first provider, its dashboard configuration and
 * onboarding status. All of it or none of it. Someone invited to work in a business signs up without one, and then
 * accepts the invitation: signing up never makes anyone a member of a business they did not found.
 */
public interface RegisterAccountUseCase {

    Result register(Command command);

    /** The business fields are all null for an account without a business, and all given to found one. */
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
        }

        /** Whether the sign-up founds a business: any business field given says so. */
        public boolean foundsBusiness() {
            return businessName != null
                    || businessType != null
                    || timezone != null
                    || currency != null
                    || country != null;
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

        /** A sign-up with this e-mail and password and nothing else until told: no name, no business. */
        public static Builder builder(String email, String password) {
            return new Builder(email, password);
        }
    }

    /** The other fields of a {@link Command}, by name: nine strings in a row are easy to put in the wrong order. */
    final class Builder {
        private final String email;
        private final String password;
        private String fullName;
        private String language;
        private String businessName;
        private String businessType;
        private String timezone;
        private String currency;
        private String country;

        private Builder(String email, String password) {
            this.email = email;
            this.password = password;
        }

        public Builder fullName(String fullName) {
            this.fullName = fullName;
            return this;
        }

        /** The account's, and its business's when it founds one. */
        public Builder language(String language) {
            this.language = language;
            return this;
        }

        public Builder businessName(String businessName) {
            this.businessName = businessName;
            return this;
        }

        public Builder businessType(String businessType) {
            this.businessType = businessType;
            return this;
        }

        public Builder timezone(String timezone) {
            this.timezone = timezone;
            return this;
        }

        public Builder currency(String currency) {
            this.currency = currency;
            return this;
        }

        public Builder country(String country) {
            this.country = country;
            return this;
        }

        public Command build() {
            return new Command(
                    email, password, fullName, language, businessName, businessType, timezone, currency, country);
        }
    }

    /** The business fields are null when the sign-up founded no business. */
    record Result(UserId userId, EmailAddress email, BusinessId businessId, Slug businessSlug, String businessName) {}
}
