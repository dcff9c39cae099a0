-- Clients' payments (issue 17): deposits asked through each business's own Stripe account (Connect), money taken by
-- hand, and what was given back.

-- How each business takes payments. Global, like voice_lines: Stripe's news about a connected account names the
-- account, not the business, so the account must lead to its one business across all of them. One small row per
-- business at most; a business without one takes no payments (PaymentSettings.none).
create table payment_settings (
    business_id            uuid        primary key references businesses (id),
    stripe_account         text,
    charges_enabled        boolean     not null default false,
    -- a Stripe Checkout Session lapses 30 minutes after it opens at the soonest, a day at the latest (PaymentSettings)
    payment_window_minutes int         not null default 30 check (payment_window_minutes between 30 and 1380),
    refund_percent         int         not null default 100 check (refund_percent between 0 and 100),
    updated_at             timestamptz not null default now(),
    constraint payment_settings_stripe_account_key unique (stripe_account)
);

-- A payment belongs to one appointment of its business. Every change of its status is a conditional update on the
-- status it leaves, so news of one payment, or news racing its deadline, changes it once.
create table payments (
    business_id      uuid           not null,
    id               uuid           not null,
    appointment_id   uuid           not null,
    kind             text           not null check (kind in ('deposit', 'no_show_fee')),
    method           text           not null check (method in ('stripe', 'in_person')),
    amount           numeric(14, 3) not null check (amount > 0),
    -- what was given back, refunds asked of Stripe and not yet answered included: a refund reserves its amount here
    -- in one statement, which the check below keeps from ever passing what was paid, however many race
    refunded         numeric(14, 3) not null default 0,
    currency         char(3)        not null,
    status           text           not null check (status in ('open', 'paid', 'expired', 'cancelled')),
    stripe_account   text,
    checkout_session text,
    checkout_url     text,
    payment_intent   text,
    pay_by           timestamptz,
    issue            text,
    created_at       timestamptz    not null,
    updated_at       timestamptz    not null,
    primary key (business_id, id),
    constraint payments_appointment foreign key (business_id, appointment_id)
        references appointments (business_id, id),
    -- Stripe's ids are unique across Stripe; kept unique within the business, where a key can be enforced once the
    -- tables are distributed by business_id (TenantKeysTest)
    constraint payments_checkout_session_key unique (business_id, checkout_session),
    constraint payments_payment_intent_key unique (business_id, payment_intent),
    constraint payments_refunded_within_amount check (refunded >= 0 and refunded <= amount),
    constraint payments_stripe_has_account check (method <> 'stripe' or stripe_account is not null)
);
create index payments_newest on payments (business_id, created_at desc, id desc);
create index payments_of_appointment on payments (business_id, appointment_id);
-- the sweep of payments whose deadline passed: only open ones, so it stays small however many were paid
create index payments_lapsing on payments (pay_by) where status = 'open';

-- Money given back on a payment. Its id is the idempotency key it is asked of Stripe under; one whose answer never
-- came stays 'requested' and is asked again.
create table refunds (
    business_id   uuid           not null,
    id            uuid           not null,
    payment_id    uuid           not null,
    amount        numeric(14, 3) not null check (amount > 0),
    reason        text           not null check (reason in
                      ('cancelled_in_time', 'cancelled_by_business', 'by_staff', 'paid_too_late')),
    status        text           not null check (status in ('requested', 'succeeded', 'failed')),
    stripe_refund text,
    created_at    timestamptz    not null,
    settled_at    timestamptz,
    primary key (business_id, id),
    constraint refunds_payment foreign key (business_id, payment_id) references payments (business_id, id),
    constraint refunds_stripe_refund_key unique (business_id, stripe_refund),
    constraint refunds_settled_once_answered check ((status = 'requested') = (settled_at is null))
);
create index refunds_of_payment on refunds (business_id, payment_id, created_at);
-- the sweep of refunds whose answer never came
create index refunds_unsettled on refunds (created_at) where status = 'requested';

-- The payment provider's events already applied, recorded in the transaction of their effect: a second delivery
-- finds its id here and changes nothing. Global: an event is recognised before its business is known.
create table payment_events (
    event_id    text        primary key,
    type        text        not null,
    received_at timestamptz not null
);

-- A time kept for a payment lapses like a hold: it has a deadline (the payment's), and past it the time goes back to
-- the agenda. No release wrote 'pending_payment' before this one, so no row lacks a deadline.
alter table appointments add constraint appointments_payment_has_deadline
    check (status <> 'pending_payment' or hold_expires_at is not null);

-- The engine's sweep of lapsed holds takes lapsed times kept for a payment too.
drop index appointments_lapsing_holds;
create index appointments_lapsing_holds on appointments (hold_expires_at) where status in ('held', 'pending_payment');
