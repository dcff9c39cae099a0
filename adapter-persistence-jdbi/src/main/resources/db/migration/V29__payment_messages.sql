-- The messages about a client's money (docs/NOTIFICATIONS.md): the request to pay a deposit, and the news of a late
-- payment refunded, to the client and to the staff. They have no channels in notification_settings: they go to every
-- address the client gave (staff: by e-mail), whatever the business chose for its other messages.
alter table notifications drop constraint notifications_kind_check;
alter table notifications add constraint notifications_kind_check
    check (kind in ('confirmed', 'moved', 'cancelled', 'reminder', 'staff_new_booking', 'staff_cancellation',
                    'staff_client_reply', 'payment_request', 'payment_refunded', 'staff_payment_refunded'));
