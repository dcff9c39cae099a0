-- What a booking cannot do without, and nothing else: one insert that the exclusion constraint checks against a
-- stylist's diary (a GiST index probe and insert), and its commit. Each pgbench client books for its own stylist
-- (bench_targets, made by benchmarks/run.sh from the load's bookings) and each insert takes the next half hour, so
-- none is refused.
insert into appointments (business_id, id, service_id, provider_id, client_id, starts_at, ends_at, blocked_from,
                          blocked_until, status, source, price_amount, price_currency, created_at, updated_at)
select target.business_id, gen_random_uuid(), target.service_id, target.provider_id, target.client_id,
       slot.t, slot.t + interval '30 minutes', slot.t, slot.t + interval '30 minutes',
       'confirmed', 'api', 18.50, 'EUR', now(), now()
from bench_targets target,
     (select timestamptz '2031-01-01 00:00+00' + nextval('bench_slot') * interval '30 minutes' as t) slot
where target.n = :client_id % TARGETS;
