-- Opening hours whose windows overlap are impossible, as overlapping appointments are: the business's own hours and
-- each provider's never hold two windows of one weekday that share a minute. Windows that only touch (09:00-13:00
-- and 13:00-17:00) may both be stored. The business's own hours have no provider, and NULL is never equal to NULL
-- in an exclusion constraint, so they get a constraint of their own.

-- Two replacements of one week that ran at the same moment could each keep the other's rows: a day stored as the
-- union of both requests, which every reader refused. Such a day becomes the union of its windows, what was stored.
with overlapping as (
    select distinct a.business_id, a.provider_id, a.weekday
    from weekly_hours a
    join weekly_hours b on a.business_id = b.business_id
        and a.provider_id is not distinct from b.provider_id
        and a.weekday = b.weekday
        and a.ctid < b.ctid
        and int4range(a.opens_minute, a.closes_minute) && int4range(b.opens_minute, b.closes_minute)
), removed as (
    delete from weekly_hours w
    using overlapping o
    where w.business_id = o.business_id
        and w.provider_id is not distinct from o.provider_id
        and w.weekday = o.weekday
    returning w.business_id, w.provider_id, w.weekday, int4range(w.opens_minute, w.closes_minute) as minutes
)
insert into weekly_hours (business_id, provider_id, weekday, opens_minute, closes_minute)
select business_id, provider_id, weekday, lower(window_minutes), upper(window_minutes)
from (
    select business_id, provider_id, weekday, unnest(range_agg(minutes)) as window_minutes
    from removed
    group by business_id, provider_id, weekday
) merged;

alter table weekly_hours add constraint weekly_hours_business_no_overlap exclude using gist (
    business_id with =,
    weekday with =,
    int4range(opens_minute, closes_minute) with &&
) where (provider_id is null);

alter table weekly_hours add constraint weekly_hours_provider_no_overlap exclude using gist (
    business_id with =,
    provider_id with =,
    weekday with =,
    int4range(opens_minute, closes_minute) with &&
) where (provider_id is not null);
