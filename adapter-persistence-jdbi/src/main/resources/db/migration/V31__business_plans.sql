-- Businesses paying the platform (issue 17): the plan each business is on, and its subscription to it on the
-- platform's own Stripe account (Stripe Billing). A business without a row is on the plan businesses start on.
create table business_plans (
    business_id         uuid        primary key references businesses (id),
    -- the plan it has now: the one subscribed to while the subscription entitles it, else the starting plan. Plans
    -- are configuration, not rows: a code no longer configured keeps no limit (Plans.of)
    plan                text        not null,
    stripe_customer     text,
    stripe_subscription text,
    status              text        not null check (status in ('none', 'incomplete', 'incomplete_expired',
                            'trialing', 'active', 'past_due', 'canceled', 'unpaid', 'paused')),
    current_period_end  timestamptz,
    -- when Stripe made the news last applied: news made earlier and delivered later does not overwrite it
    changed_at          timestamptz,
    updated_at          timestamptz not null
);
-- Stripe's news of a subscription names its customer: the customer leads to its business. Not unique, which a tenant
-- table's keys could not be without business_id (TenantKeysTest): one customer is made per business, under an
-- idempotency key derived from it.
create index business_plans_by_customer on business_plans (stripe_customer) where stripe_customer is not null;

-- A plan's cap counts the business's appointments made by voice this month, before each voice booking of a business
-- on a capped plan: one range of this index, read without touching the table once the page is all-visible.
create index appointments_voice_bookings on appointments (business_id, created_at) include (status)
    where source = 'voice';
