package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.business.BusinessUsage;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The platform's operators: rights given and taken from the server's command line (whoever runs it with the
 * database's credentials is trusted), and what an operator does in the web app: see every business's usage, and
 * suspend or reactivate one. Operator rights open nothing else: no business's dashboard, data or API. To anyone but an
 * operator, the operators' part of the platform is "not found".
 */
public interface OperatorsUseCase {
    int PAGE_SIZE = 25;

    /**
     * Gives operator rights to the registered user with this e-mail; giving them twice changes nothing.
     *
     * @throws com.voiceappoint.application.error.NotFoundException "user" when nobody registered with it
     */
    Operator grant(String email);

    /**
     * Takes operator rights from the user with this e-mail; false when they had none.
     *
     * @throws com.voiceappoint.application.error.NotFoundException "user" when nobody registered with it
     */
    boolean revoke(String email);

    /** Every operator, the longest-serving first. */
    List<Operator> operators();

    boolean isOperator(Actor.Member member);

    /**
     * The businesses whose name or slug holds {@code search} (every one when blank), by name, {@value #PAGE_SIZE} to a
     * page, with their usage this month (the calendar month in UTC: the platform's, not one business's).
     *
     * @param page from 1; a page past the last is empty
     */
    BusinessesPage businesses(Actor.Member operator, String search, int page);

    /** One business's usage and its suspensions and reactivations, the latest first. */
    BusinessOverview business(Actor.Member operator, String slug);

    /**
     * Suspends the business: from now on it takes no new bookings by any channel (its public page, the API, the
     * phone), and no moves to other times; its members still sign in and read, and its appointments can still be
     * cancelled, completed or marked missed. Suspending a suspended business changes nothing.
     *
     * @throws com.voiceappoint.domain.shared.InvalidValueException "reason" when it is blank or too long
     */
    BusinessOverview suspend(Actor.Member operator, String slug, String reason);

    /** Lets a suspended business take bookings again, as before; reactivating an active one changes nothing. */
    BusinessOverview reactivate(Actor.Member operator, String slug, String reason);

    record Operator(EmailAddress email, String fullName, Instant since) {
        public Operator {
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(since, "since");
        }
    }

    /**
     * @param page the page shown, from 1
     * @param pages how many pages there are, at least 1
     */
    record BusinessesPage(List<BusinessUsage> businesses, String search, int page, int pages, int total) {
        public BusinessesPage {
            businesses = List.copyOf(businesses);
            Objects.requireNonNull(search, "search");
        }
    }

    record BusinessOverview(BusinessUsage usage, List<Change> history) {
        public BusinessOverview {
            Objects.requireNonNull(usage, "usage");
            history = List.copyOf(history);
        }
    }

    /**
     * A suspension or reactivation as an operator reads it back.
     *
     * @param by the e-mail of the operator who made it, as it is now
     */
    record Change(boolean suspended, String reason, String by, Instant at) {}
}
