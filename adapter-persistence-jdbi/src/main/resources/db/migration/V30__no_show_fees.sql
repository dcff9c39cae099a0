-- No-show fees (issue 17): what a business charges a client who does not come, the card a client booking online
-- leaves for it, and the fee itself, a payment of kind 'no_show_fee' charged to that card.

-- The fee is money of the business's currency when set; its currency is kept with it, so a business that changes
-- currency later does not charge the same number in another one (clients are asked no card for it then).
alter table payment_settings
    add column no_show_fee          numeric(14, 3) check (no_show_fee > 0),
    add column no_show_fee_currency char(3),
    add constraint payment_settings_fee_has_currency
        check ((no_show_fee is null) = (no_show_fee_currency is null));

-- A card asked of a client for one appointment's no-show fee: kept by the deposit's Stripe page (deposit_id), or by a
-- page of its own that takes no money (checkout_session). Stripe's customer and what saved the card (a SetupIntent,
-- or the deposit's PaymentIntent) are kept once it is saved; the payment method is read from the latter when the fee
-- is first charged, since Stripe's news of the page does not name it. Every change of its status is a conditional
-- update on the status it leaves.
create table saved_cards (
    business_id      uuid           not null,
    id               uuid           not null,
    appointment_id   uuid           not null,
    stripe_account   text           not null,
    -- the fee the client was told of when booking
    fee              numeric(14, 3) not null check (fee > 0),
    currency         char(3)        not null,
    deposit_id       uuid,
    status           text           not null check (status in ('pending', 'saved', 'released')),
    checkout_session text,
    checkout_url     text,
    customer         text,
    saved_by         text,
    payment_method   text,
    save_by          timestamptz    not null,
    created_at       timestamptz    not null,
    updated_at       timestamptz    not null,
    primary key (business_id, id),
    constraint saved_cards_appointment foreign key (business_id, appointment_id)
        references appointments (business_id, id),
    constraint saved_cards_deposit foreign key (business_id, deposit_id) references payments (business_id, id),
    -- an appointment asks one card, whatever becomes of it
    constraint saved_cards_one_per_appointment unique (business_id, appointment_id),
    constraint saved_cards_checkout_session_key unique (business_id, checkout_session),
    constraint saved_cards_one_page check (deposit_id is null or checkout_session is null),
    constraint saved_cards_saved_names_customer
        check (status <> 'saved' or (customer is not null and saved_by is not null))
);

-- An appointment owes one no-show fee at most: marking it twice, or two members at once, records one.
create unique index payments_one_no_show_fee on payments (business_id, appointment_id) where kind = 'no_show_fee';

-- The sweep of fees whose charge was never answered: only those still to charge, so it stays small.
create index payments_fees_to_charge on payments (created_at)
    where kind = 'no_show_fee' and status = 'open' and pay_by is null and payment_intent is null;

-- The request to pay a no-show fee the client's saved card could not pay, on its own page (docs/NOTIFICATIONS.md).
-- A request to leave a card is logged as the request to keep the time it is ('payment_request'), worded for the card
-- when it is sent: what a booking waits for is recorded after its messages are planned.
alter table notifications drop constraint notifications_kind_check;
alter table notifications add constraint notifications_kind_check
    check (kind in ('confirmed', 'moved', 'cancelled', 'reminder', 'staff_new_booking', 'staff_cancellation',
                    'staff_client_reply', 'payment_request', 'payment_refunded', 'staff_payment_refunded',
                    'no_show_fee_request'));
