package com.voiceappoint.application.port.out;

import com.voiceappoint.domain.shared.Language;
import com.voiceappoint.domain.shared.Money;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The payment provider (Stripe): each business's own account on it (Connect), the pages its clients pay on, and
 * the money given back. Every call that moves money or makes something is made under an idempotency key the caller
 * derives from what it is for, so asking again after a lost answer never does it twice.
 *
 * <p>Failures: {@link com.voiceappoint.domain.shared.DomainException} with {@code PAYMENT_REFUSED} when the provider
 * refused the request (nothing was done), {@link com.voiceappoint.application.error.StoreUnavailableException} when
 * it could not be reached, timed out or failed on its side (whether it was done is unknown: ask again under the same
 * key).
 */
public interface PaymentGateway {

    /** For a server without Stripe configured: no business can connect, so none asks for deposits. */
    PaymentGateway NOT_CONFIGURED = new PaymentGateway() {
        @Override
        public boolean configured() {
            return false;
        }

        @Override
        public String createAccount(NewAccount account) {
            throw notConfigured();
        }

        @Override
        public URI onboardingLink(String account, URI refreshUrl, URI returnUrl) {
            throw notConfigured();
        }

        @Override
        public AccountState accountState(String account) {
            throw notConfigured();
        }

        @Override
        public Checkout openCheckout(CheckoutRequest request) {
            throw notConfigured();
        }

        @Override
        public String refund(RefundRequest request) {
            throw notConfigured();
        }

        private IllegalStateException notConfigured() {
            return new IllegalStateException("no payment provider is configured");
        }

        @Override
        public Checkout openCheckoutSavingCard(CheckoutRequest request) {
            throw notConfigured();
        }

        @Override
        public String createCustomer(NewCustomer customer) {
            throw notConfigured();
        }

        @Override
        public Checkout openCardSetup(CardSetupRequest request) {
            throw notConfigured();
        }

        @Override
        public Checkout openSubscriptionCheckout(SubscriptionCheckoutRequest request) {
            throw notConfigured();
        }

        @Override
        public String savedPaymentMethod(String account, SavedBy savedBy) {
            throw notConfigured();
        }

        @Override
        public OffSessionCharge chargeOffSession(OffSessionRequest request) {
            throw notConfigured();
        }

        @Override
        public URI openBillingPortal(String customer, URI returnUrl, Language language) {
            throw notConfigured();
        }
    };

    boolean configured();

    /**
     * Opens the business's own account on the provider, to be completed by its owner through {@link #onboardingLink}.
     *
     * @return the account's id
     */
    String createAccount(NewAccount account);

    /** Where the business's owner completes their account; the link works once and lapses within minutes. */
    URI onboardingLink(String account, URI refreshUrl, URI returnUrl);

    AccountState accountState(String account);

    /** Opens a payment page on the business's account: the same request under the same key gives the same page. */
    Checkout openCheckout(CheckoutRequest request);

    /** @return the provider's id for the refund */
    String refund(RefundRequest request);

    /**
     * @param country ISO 3166 code of where the business is, when known (Stripe asks at onboarding otherwise)
     * @param idempotencyKey derived from the business: asking twice opens one account
     */
    record NewAccount(String businessName, Optional<String> email, Optional<String> country, String idempotencyKey) {}

    /**
     * @param chargesEnabled whether it can take payments now
     * @param detailsSubmitted whether its owner finished onboarding
     */
    record AccountState(String account, boolean chargesEnabled, boolean detailsSubmitted) {}

    /**
     * A payment page for {@code amount} on the business's {@code account}, lapsing at {@code expiresAt}.
     *
     * @param metadata what ties the payment back to its business, appointment and payment, sent back in its events
     * @param applicationFee the platform's share, when it takes one
     */
    record CheckoutRequest(
            String account,
            Money amount,
            String description,
            Optional<String> customerEmail,
            Language language,
            URI successUrl,
            URI cancelUrl,
            Instant expiresAt,
            Optional<Money> applicationFee,
            Map<String, String> metadata,
            String idempotencyKey) {
        public CheckoutRequest {
            metadata = Map.copyOf(metadata);
        }
    }

    record Checkout(String session, URI url) {}

    record RefundRequest(String account, String paymentIntent, Money amount, String idempotencyKey) {}

    /**
     * Opens a payment page as {@link #openCheckout} does, which also keeps the client's card on the business's account
     * for a charge made later without them (a no-show fee): it takes cards only, makes the client a customer of the
     * account, and sets the payment up for use off-session.
     */
    Checkout openCheckoutSavingCard(CheckoutRequest request);

    /**
     * Opens a page on the business's account that takes no money and keeps the client's card, as a customer of the
     * account, for a charge made later without them.
     */
    Checkout openCardSetup(CardSetupRequest request);

    /** The card (payment method) a completed page saved: the provider's news of the page does not name it. */
    String savedPaymentMethod(String account, SavedBy savedBy);

    /**
     * Charges a saved card without its holder, under the request's idempotency key: charged, or refused for a reason
     * only the client can mend (their bank wants them to confirm it, or declines the card).
     */
    OffSessionCharge chargeOffSession(OffSessionRequest request);

    /**
     * A page that keeps a card, on the business's {@code account}, lapsing at {@code expiresAt}.
     *
     * @param notice what the page tells the client the card is kept for
     */
    record CardSetupRequest(
            String account,
            String notice,
            Optional<String> customerEmail,
            Language language,
            URI successUrl,
            URI cancelUrl,
            Instant expiresAt,
            Map<String, String> metadata,
            String idempotencyKey) {
        public CardSetupRequest {
            metadata = Map.copyOf(metadata);
        }
    }

    /**
     * What saved a card: the SetupIntent of a page that took no money, or the PaymentIntent of a payment that kept it.
     */
    record SavedBy(String intent, boolean setupIntent) {}

    /**
     * A charge of {@code amount} to the {@code customer}'s saved {@code paymentMethod}, on the business's account.
     *
     * @param metadata what ties the charge back to its payment, sent back in its events
     */
    record OffSessionRequest(
            String account,
            String customer,
            String paymentMethod,
            Money amount,
            String description,
            Optional<Money> applicationFee,
            Map<String, String> metadata,
            String idempotencyKey) {
        public OffSessionRequest {
            metadata = Map.copyOf(metadata);
        }
    }

    /**
     * What became of a charge made without the client.
     *
     * @param paymentIntent the provider's payment, when one was made (always, once charged)
     * @param reason the provider's word for why the client is needed; empty once charged
     */
    record OffSessionCharge(ChargeOutcome outcome, Optional<String> paymentIntent, String reason) {
        public static OffSessionCharge charged(String paymentIntent) {
            return new OffSessionCharge(ChargeOutcome.CHARGED, Optional.of(paymentIntent), "");
        }
    }

    enum ChargeOutcome {
        CHARGED,
        /** The client's bank wants them to confirm the payment themselves (strong customer authentication). */
        AUTHENTICATION_REQUIRED,
        /** The card was declined (or can no longer be charged): the client may pay with another. */
        DECLINED
    }

    /*
     * The platform billing its businesses (Stripe Billing), on the platform's own account: each business is a
     * customer of the platform, subscribed to a plan's Price.
     */

    /**
     * Makes the business a customer of the platform, to subscribe and be invoiced.
     *
     * @return the customer's id
     */
    String createCustomer(NewCustomer customer);

    /**
     * Opens a page on the platform's own account where the business's owner subscribes the customer to a plan's
     * Price: the same request under the same key gives the same page.
     */
    Checkout openSubscriptionCheckout(SubscriptionCheckoutRequest request);

    /**
     * A Customer Portal session: where the owner changes plan, cancels, updates the card and reads the invoices. It
     * lasts minutes, and each call makes a new one.
     */
    URI openBillingPortal(String customer, URI returnUrl, Language language);

    /**
     * @param metadata what ties the customer back to its business
     * @param idempotencyKey derived from the business: asking twice makes one customer
     */
    record NewCustomer(
            String businessName, Optional<String> email, Map<String, String> metadata, String idempotencyKey) {
        public NewCustomer {
            metadata = Map.copyOf(metadata);
        }
    }

    /**
     * A subscription of {@code customer} to Stripe's {@code price}, paid monthly.
     *
     * @param metadata what ties the subscription back to its business and plan, on the session and on the
     *     subscription it makes, so both kinds of event name them
     */
    record SubscriptionCheckoutRequest(
            String customer,
            String price,
            Language language,
            URI successUrl,
            URI cancelUrl,
            Map<String, String> metadata,
            String idempotencyKey) {
        public SubscriptionCheckoutRequest {
            metadata = Map.copyOf(metadata);
        }
    }
}
