package com.voiceappoint.testkit;

import com.voiceappoint.application.error.StoreUnavailableException;
import com.voiceappoint.application.port.out.PaymentGateway;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import com.voiceappoint.domain.shared.Language;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stripe as the application sees it, for tests of what the application asks of it: every request is recorded, the
 * same idempotency key answers the same thing (as Stripe does for 24 hours), and a test can make the next calls fail
 * as an unreachable Stripe ({@link #failNext(int)}) or refuse them ({@link #refuseNext(int)}). Whether stripe-java
 * sends the right HTTP requests is the Stripe adapter's own tests' business.
 */
public final class RecordingPaymentGateway implements PaymentGateway {
    private final List<CheckoutRequest> checkouts = new ArrayList<>();
    private final List<RefundRequest> refunds = new ArrayList<>();
    private final List<NewAccount> accounts = new ArrayList<>();
    private final Map<String, Object> answered = new HashMap<>();
    private final Map<String, AccountState> states = new HashMap<>();
    private final AtomicInteger failing = new AtomicInteger();
    private final AtomicInteger refusing = new AtomicInteger();
    private final AtomicInteger made = new AtomicInteger();

    @Override
    public boolean configured() {
        return true;
    }

    /** The next {@code calls} fail as a Stripe that timed out: whether they were made is unknown. */
    public RecordingPaymentGateway failNext(int calls) {
        failing.set(calls);
        return this;
    }

    /** The next {@code calls} are refused, as Stripe refuses a declined card or an invalid request. */
    public RecordingPaymentGateway refuseNext(int calls) {
        refusing.set(calls);
        return this;
    }

    /** What {@link #accountState} answers for the account from now on. */
    public synchronized void accountIs(String account, boolean chargesEnabled) {
        states.put(account, new AccountState(account, chargesEnabled, chargesEnabled));
    }

    @Override
    public synchronized String createAccount(NewAccount account) {
        trouble();
        accounts.add(account);
        return (String) answered.computeIfAbsent(account.idempotencyKey(), key -> "acct_test" + made.incrementAndGet());
    }

    @Override
    public URI onboardingLink(String account, URI refreshUrl, URI returnUrl) {
        trouble();
        return URI.create("https://connect.stripe.test/setup/" + account);
    }

    @Override
    public synchronized AccountState accountState(String account) {
        trouble();
        return states.getOrDefault(account, new AccountState(account, false, false));
    }

    @Override
    public synchronized Checkout openCheckout(CheckoutRequest request) {
        checkouts.add(request);
        trouble();
        return (Checkout) answered.computeIfAbsent(request.idempotencyKey(), key -> {
            String session = "cs_test_" + made.incrementAndGet();
            return new Checkout(session, URI.create("https://checkout.stripe.test/c/pay/" + session));
        });
    }

    @Override
    public synchronized String refund(RefundRequest request) {
        refunds.add(request);
        if (refusing.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new DomainException(ErrorCode.PAYMENT_REFUSED, "charge_already_refunded");
        }
        // a refund whose answer is lost was made all the same: asked again under its key, it is the same refund
        String made = (String)
                answered.computeIfAbsent(request.idempotencyKey(), key -> "re_test_" + this.made.incrementAndGet());
        trouble();
        return made;
    }

    public synchronized List<CheckoutRequest> checkouts() {
        return List.copyOf(checkouts);
    }

    /** Every refund asked for, a retry under the same key included. */
    public synchronized List<RefundRequest> refunds() {
        return List.copyOf(refunds);
    }

    /** The refunds Stripe made: one per key, however often it was asked. */
    public synchronized long refundsMade() {
        return answered.keySet().stream()
                .filter(key -> key.startsWith("refund-"))
                .count();
    }

    public synchronized List<NewAccount> accounts() {
        return List.copyOf(accounts);
    }

    private void trouble() {
        if (failing.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new StoreUnavailableException("stripe", new java.io.IOException("timed out"));
        }
        if (refusing.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new DomainException(ErrorCode.PAYMENT_REFUSED, "card_declined");
        }
    }

    private final List<CheckoutRequest> savingCards = new ArrayList<>();
    private final List<CardSetupRequest> cardSetups = new ArrayList<>();
    private final List<SavedBy> methodsRead = new ArrayList<>();
    private final List<OffSessionRequest> charges = new ArrayList<>();
    private final java.util.Deque<OffSessionCharge> nextCharges = new java.util.ArrayDeque<>();

    /**
     * What the next charges made without the client answer (one each, in order), when first asked under their key:
     * charged otherwise. Asked again under the same key, a charge answers as it did the first time, as Stripe does.
     */
    public synchronized RecordingPaymentGateway chargesAnswer(OffSessionCharge... answers) {
        nextCharges.addAll(List.of(answers));
        return this;
    }

    @Override
    public synchronized Checkout openCheckoutSavingCard(CheckoutRequest request) {
        savingCards.add(request);
        return openCheckout(request);
    }

    @Override
    public synchronized Checkout openCardSetup(CardSetupRequest request) {
        cardSetups.add(request);
        trouble();
        return (Checkout) answered.computeIfAbsent(request.idempotencyKey(), key -> {
            String session = "cs_test_" + made.incrementAndGet();
            return new Checkout(session, URI.create("https://checkout.stripe.test/c/setup/" + session));
        });
    }

    /** Answers the card a SetupIntent or PaymentIntent saved as {@code pm_} and the intent's id. */
    @Override
    public synchronized String savedPaymentMethod(String account, SavedBy savedBy) {
        methodsRead.add(savedBy);
        trouble();
        return "pm_" + savedBy.intent();
    }

    @Override
    public synchronized OffSessionCharge chargeOffSession(OffSessionRequest request) {
        charges.add(request);
        if (refusing.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new DomainException(ErrorCode.PAYMENT_REFUSED, "payment_method_unactivated");
        }
        // a charge whose answer is lost was made all the same: asked again under its key, it answers the same
        OffSessionCharge answer = (OffSessionCharge) answered.computeIfAbsent(request.idempotencyKey(), key -> {
            OffSessionCharge next = nextCharges.poll();
            return next != null ? next : OffSessionCharge.charged("pi_test_" + made.incrementAndGet());
        });
        trouble();
        return answer;
    }

    /** The payment pages opened that also keep the card (each is among {@link #checkouts()} too). */
    public synchronized List<CheckoutRequest> checkoutsSavingCard() {
        return List.copyOf(savingCards);
    }

    public synchronized List<CardSetupRequest> cardSetups() {
        return List.copyOf(cardSetups);
    }

    /** What saved each card whose payment method was read. */
    public synchronized List<SavedBy> paymentMethodsRead() {
        return List.copyOf(methodsRead);
    }

    /** Every charge made without the client asked for, a retry under the same key included. */
    public synchronized List<OffSessionRequest> charges() {
        return List.copyOf(charges);
    }

    /** The charges Stripe made (or refused): one per key, however often it was asked. */
    public synchronized long chargesMade() {
        return answered.keySet().stream()
                .filter(key -> key.startsWith("no-show-fee-"))
                .count();
    }

    private final List<NewCustomer> customers = new ArrayList<>();
    private final List<SubscriptionCheckoutRequest> subscriptionCheckouts = new ArrayList<>();
    private final List<String> portals = new ArrayList<>();

    @Override
    public synchronized String createCustomer(NewCustomer customer) {
        trouble();
        customers.add(customer);
        return (String) answered.computeIfAbsent(customer.idempotencyKey(), key -> "cus_test" + made.incrementAndGet());
    }

    @Override
    public synchronized Checkout openSubscriptionCheckout(SubscriptionCheckoutRequest request) {
        subscriptionCheckouts.add(request);
        trouble();
        return (Checkout) answered.computeIfAbsent(request.idempotencyKey(), key -> {
            String session = "cs_test_" + made.incrementAndGet();
            return new Checkout(session, URI.create("https://checkout.stripe.test/c/pay/" + session));
        });
    }

    @Override
    public synchronized URI openBillingPortal(String customer, URI returnUrl, Language language) {
        trouble();
        portals.add(customer);
        return URI.create("https://billing.stripe.test/p/session/" + customer + "?return=" + returnUrl);
    }

    /** Every customer asked for, a retry under the same key included. */
    public synchronized List<NewCustomer> customers() {
        return List.copyOf(customers);
    }

    public synchronized List<SubscriptionCheckoutRequest> subscriptionCheckouts() {
        return List.copyOf(subscriptionCheckouts);
    }

    /** The customers a Customer Portal session was opened for, in order. */
    public synchronized List<String> portals() {
        return List.copyOf(portals);
    }
}
