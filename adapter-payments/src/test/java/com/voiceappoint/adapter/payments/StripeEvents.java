package com.voiceappoint.adapter.payments;

/**
 * Events as Stripe posts them to a webhook endpoint (the shape of docs.stripe.com/api/events/object and of
 * {@code stripe trigger}'s output), trimmed of the fields nothing reads but keeping their neighbours, so that the
 * reading is tested on what really arrives.
 */
final class StripeEvents {
    static final String ACCOUNT = "acct_1QSalonLolaMadrid";
    static final String PAYMENT_ID = "0b6f3c2e-7d4a-4f7e-9a51-3f0e2d1c4b5a";
    static final String SESSION_ID = "cs_test_a1Kq9xWl3vZ0cPq5fJtR8sYb2nD4mHgE6uLoI7wC";
    static final String PAYMENT_INTENT = "pi_3QSalonPayment0001";
    /** stripe-java 33.3.0's own API version: read with its "safe" path too. */
    static final String CURRENT_VERSION = "2026-07-29.dahlia";
    /** An endpoint created long ago keeps sending this one: stripe-java's safe path would read nothing. */
    static final String OLD_VERSION = "2024-06-20";

    private StripeEvents() {}

    /** The envelope every event shares; {@code account} is omitted for the platform's own events. */
    static String event(String id, String type, String account, String apiVersion, String object) {
        return """
                {
                  "id": "%s",
                  "object": "event",
                  %s"api_version": "%s",
                  "created": 1796637900,
                  "data": {
                    "object": %s
                  },
                  "livemode": false,
                  "pending_webhooks": 2,
                  "request": {"id": null, "idempotency_key": null},
                  "type": "%s"
                }
                """.formatted(
                        id, account == null ? "" : "\"account\": \"" + account + "\",\n  ", apiVersion, object, type);
    }

    static String session(String paymentStatus, String status, long amountTotal, String currency, String paymentId) {
        return """
                {
                  "id": "%s",
                  "object": "checkout.session",
                  "after_expiration": null,
                  "amount_subtotal": %d,
                  "amount_total": %d,
                  "cancel_url": "https://citas.example.com/pay/cancelled",
                  "client_reference_id": null,
                  "created": 1796637600,
                  "currency": "%s",
                  "customer": null,
                  "customer_details": {
                    "address": {"city": null, "country": "ES", "line1": null, "line2": null,
                                "postal_code": null, "state": null},
                    "email": "carmen@example.com",
                    "name": "Carmen Ruiz",
                    "phone": null,
                    "tax_exempt": "none",
                    "tax_ids": []
                  },
                  "customer_email": "carmen@example.com",
                  "expires_at": 1796639400,
                  "livemode": false,
                  "locale": "es",
                  "metadata": {
                    "appointment_id": "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
                    "business_id": "5d1e8f3a-2b4c-4d6e-8f0a-1b2c3d4e5f60",
                    "payment_id": "%s"
                  },
                  "mode": "payment",
                  "payment_intent": %s,
                  "payment_method_types": ["card"],
                  "payment_status": "%s",
                  "status": "%s",
                  "success_url": "https://citas.example.com/pay/done",
                  "total_details": {"amount_discount": 0, "amount_shipping": 0, "amount_tax": 0},
                  "url": null
                }
                """.formatted(
                        SESSION_ID,
                        amountTotal,
                        amountTotal,
                        currency,
                        paymentId,
                        "expired".equals(status) ? "null" : "\"" + PAYMENT_INTENT + "\"",
                        paymentStatus,
                        status);
    }

    static String failedPaymentIntent() {
        return """
                {
                  "id": "%s",
                  "object": "payment_intent",
                  "amount": 2550,
                  "amount_received": 0,
                  "application_fee_amount": 128,
                  "currency": "eur",
                  "last_payment_error": {
                    "charge": "ch_3QSalonCharge0001",
                    "code": "card_declined",
                    "decline_code": "insufficient_funds",
                    "doc_url": "https://stripe.com/docs/error-codes/card-declined",
                    "message": "Your card has insufficient funds.",
                    "type": "card_error"
                  },
                  "livemode": false,
                  "metadata": {"payment_id": "%s"},
                  "status": "requires_payment_method"
                }
                """.formatted(PAYMENT_INTENT, PAYMENT_ID);
    }

    static String dispute() {
        return """
                {
                  "id": "du_1QSalonDispute0001",
                  "object": "dispute",
                  "amount": 2550,
                  "charge": "ch_3QSalonCharge0001",
                  "currency": "eur",
                  "is_charge_refundable": false,
                  "livemode": false,
                  "metadata": {},
                  "payment_intent": "%s",
                  "reason": "fraudulent",
                  "status": "needs_response"
                }
                """.formatted(PAYMENT_INTENT);
    }

    static String account(boolean chargesEnabled, boolean detailsSubmitted) {
        return """
                {
                  "id": "%s",
                  "object": "account",
                  "business_profile": {"name": "Peluquería Lola", "url": null},
                  "charges_enabled": %s,
                  "controller": {"fees": {"payer": "account"}, "is_controller": true,
                                 "losses": {"payments": "stripe"}, "requirement_collection": "stripe",
                                 "stripe_dashboard": {"type": "full"}, "type": "application"},
                  "country": "ES",
                  "default_currency": "eur",
                  "details_submitted": %s,
                  "payouts_enabled": %s,
                  "requirements": {"currently_due": [], "disabled_reason": null, "eventually_due": []}
                }
                """.formatted(ACCOUNT, chargesEnabled, detailsSubmitted, chargesEnabled);
    }

    static final String BUSINESS_ID = "5d1e8f3a-2b4c-4d6e-8f0a-1b2c3d4e5f60";
    static final String CUSTOMER = "cus_QSalonLolaMadrid";
    static final String SUBSCRIPTION = "sub_1QSalonLolaPro0001";
    static final String SUBSCRIPTION_SESSION = "cs_test_b1SubscribeLolaToPro0000000000000000000000";
    /** 7 January 2027, 10:00 UTC: a month after the events' time. */
    static final long PERIOD_END = 1799316000L;

    /** A Checkout Session in subscription mode on the platform's own account, as it is when completed. */
    static String subscriptionSession(String paymentStatus) {
        return """
                {
                  "id": "%s",
                  "object": "checkout.session",
                  "amount_subtotal": 2900,
                  "amount_total": 2900,
                  "cancel_url": "https://citas.example.com/dashboard/lola/settings/billing",
                  "client_reference_id": "%s",
                  "created": 1796637600,
                  "currency": "eur",
                  "customer": "%s",
                  "customer_email": null,
                  "expires_at": 1796724000,
                  "invoice": "in_1QSalonLolaFirst01",
                  "livemode": false,
                  "locale": "es",
                  "metadata": {"business_id": "%s", "plan": "pro"},
                  "mode": "subscription",
                  "payment_intent": null,
                  "payment_status": "%s",
                  "status": "complete",
                  "subscription": "%s",
                  "success_url": "https://citas.example.com/dashboard/lola/settings/billing?subscribed=pro",
                  "url": null
                }
                """.formatted(SUBSCRIPTION_SESSION, BUSINESS_ID, CUSTOMER, BUSINESS_ID, paymentStatus, SUBSCRIPTION);
    }

    /**
     * A subscription to {@code price}, as the current API version has it: the period on its item. With {@code
     * periodOnSubscription}, as versions before 2025-03-31 had it: on the subscription, none on the item.
     */
    static String subscription(String status, String price, boolean periodOnSubscription) {
        String period = "\"current_period_end\": %d, \"current_period_start\": 1796637600,".formatted(PERIOD_END);
        return """
                {
                  "id": "%s",
                  "object": "subscription",
                  "billing_cycle_anchor": 1796637600,
                  "cancel_at": null,
                  "cancel_at_period_end": false,
                  "canceled_at": null,
                  "collection_method": "charge_automatically",
                  "created": 1796637600,
                  "currency": "eur",
                  %s
                  "customer": "%s",
                  "items": {
                    "object": "list",
                    "data": [
                      {
                        "id": "si_QSalonLolaPro01",
                        "object": "subscription_item",
                        "created": 1796637601,
                        %s
                        "metadata": {},
                        "price": {
                          "id": "%s",
                          "object": "price",
                          "active": true,
                          "currency": "eur",
                          "product": "prod_QSalonPlanPro",
                          "recurring": {"interval": "month", "interval_count": 1, "usage_type": "licensed"},
                          "type": "recurring",
                          "unit_amount": 2900
                        },
                        "quantity": 1,
                        "subscription": "%s"
                      }
                    ],
                    "has_more": false,
                    "total_count": 1,
                    "url": "/v1/subscription_items?subscription=%s"
                  },
                  "latest_invoice": "in_1QSalonLolaFirst01",
                  "livemode": false,
                  "metadata": {"business_id": "%s", "plan": "pro"},
                  "start_date": 1796637600,
                  "status": "%s"
                }
                """.formatted(
                        SUBSCRIPTION,
                        periodOnSubscription ? period : "",
                        CUSTOMER,
                        periodOnSubscription ? "" : period,
                        price,
                        SUBSCRIPTION,
                        SUBSCRIPTION,
                        BUSINESS_ID,
                        status);
    }
}
