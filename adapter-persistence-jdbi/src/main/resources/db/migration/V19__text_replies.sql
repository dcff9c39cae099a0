-- Clients answer our texts: "C" confirms, "X" cancels, anything else goes to the staff (docs/NOTIFICATIONS.md).

-- A staff alert forwarding what a client wrote.
alter table notifications drop constraint notifications_kind_check;
alter table notifications add constraint notifications_kind_check
    check (kind in ('confirmed', 'moved', 'cancelled', 'reminder', 'staff_new_booking', 'staff_cancellation',
                    'staff_client_reply'));
-- A message the business has not set channels for yet goes out as by default: staff alerts by e-mail.
update notification_settings set channels = array_append(channels, 'staff_client_reply:email')
    where not ('staff_client_reply:email' = any (channels));

-- Every business may text from one shared number, so a reply names no business: it is matched to the latest text sent
-- to its sender (the whole number, where recipient keeps a masked one) from the line it arrived on (our From number,
-- or the Twilio messaging service that picked one).
alter table notifications add column sent_to text, add column sent_from text;
create index notifications_texts_to on notifications (sent_to, updated_at desc) where sent_to is not null;

-- Each reply, by the provider's id for it (Twilio's MessageSid), and what it did. Kept in the transaction that acts on
-- it, so a reply delivered twice acts once; a client's confirmation is a row here.
create table text_replies (
    business_id    uuid        not null references businesses (id),
    provider_id    text        not null,
    appointment_id uuid        not null,
    sender         text        not null,
    body           text        not null,
    outcome        text        not null check (outcome in ('confirmed', 'cancelled', 'too_late', 'not_open',
                                                           'forwarded')),
    received_at    timestamptz not null,
    primary key (business_id, provider_id),
    constraint text_replies_appointment foreign key (business_id, appointment_id)
        references appointments (business_id, id)
);
-- a reply delivered again is recognised before its business is known
create index text_replies_by_provider_id on text_replies (provider_id);
create index text_replies_log on text_replies (business_id, received_at desc, provider_id desc);
