-- What a request with an idempotency key asked for (a SHA-256 of service, start, provider and client contact), so a
-- retry is told from a key reused for something else. Bookings keyed before this migration keep no fingerprint
-- (their key can only be replayed by a request that also has none, which cannot happen: they stay unreplayable).
alter table appointments add column idempotency_fingerprint text;
update appointments set idempotency_fingerprint = '' where idempotency_key is not null;
alter table appointments add constraint appointments_key_has_fingerprint
    check ((idempotency_key is null) = (idempotency_fingerprint is null));
