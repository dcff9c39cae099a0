-- VoiceAppoint booking schema.
--
-- Every tenant table carries business_id and has it first in its primary key, and every reference between
-- tenant tables is a composite foreign key through business_id: a row can never point at another tenant's
-- row, and the schema can be distributed by business_id (Citus) unchanged.
-- All instants are timestamptz; wall-clock hours are minutes since midnight (0-1440, 1440 = end of day).

create extension if not exists btree_gist;

create table users (
    id            uuid primary key,
    email         text        not null,
    password_hash text        not null,
    full_name     text        not null default '',
    language      text        not null check (language in ('es', 'en')),
    created_at    timestamptz not null,
    updated_at    timestamptz not null default now(),
    constraint users_email_key unique (email),
    constraint users_email_lower check (email = lower(email))
);

create table businesses (
    id                          uuid primary key,
    slug                        text        not null,
    name                        text        not null,
    business_type               text        not null,
    language                    text        not null check (language in ('es', 'en')),
    timezone                    text        not null,
    currency                    char(3)     not null,
    allow_voice_booking         boolean     not null,
    slot_step_minutes           integer     not null,
    minimum_notice_minutes      integer     not null,
    maximum_advance_minutes     integer     not null,
    cancellation_cutoff_minutes integer     not null,
    hold_minutes                integer     not null,
    created_at                  timestamptz not null default now(),
    updated_at                  timestamptz not null default now(),
    deleted_at                  timestamptz,
    -- deleted businesses keep their slug: a slug is never handed to someone else
    constraint businesses_slug_key unique (slug)
);

create table business_dashboard_configs (
    business_id       uuid primary key references businesses (id),
    default_view      text     not null check (default_view in ('day', 'week', 'month')),
    first_day_of_week smallint not null check (first_day_of_week between 1 and 7),
    show_cancelled    boolean  not null
);

create table business_onboarding (
    business_id     uuid primary key references businesses (id),
    completed_steps text[] not null default '{}'
);

create table business_members (
    business_id uuid        not null references businesses (id),
    user_id     uuid        not null references users (id),
    role        text        not null check (role in ('owner', 'admin', 'manager', 'staff', 'viewer')),
    created_at  timestamptz not null default now(),
    primary key (business_id, user_id)
);
create index business_members_by_user on business_members (user_id);

create table providers (
    business_id    uuid    not null references businesses (id),
    id             uuid    not null,
    user_id        uuid references users (id),
    display_name   text    not null,
    has_own_hours  boolean not null default false,
    active         boolean not null default true,
    -- the order providers were added in: the stable tie-break when any provider will do
    position       bigint generated always as identity,
    primary key (business_id, id)
);
create unique index providers_one_per_user on providers (business_id, user_id) where user_id is not null;

-- Weekly hours of the business (provider_id null) or of one provider.
create table weekly_hours (
    business_id   uuid     not null references businesses (id),
    provider_id   uuid,
    weekday       smallint not null check (weekday between 1 and 7),
    opens_minute  smallint not null check (opens_minute between 0 and 1439),
    closes_minute smallint not null check (closes_minute between 1 and 1440),
    check (closes_minute > opens_minute),
    foreign key (business_id, provider_id) references providers (business_id, id)
);
create index weekly_hours_by_business on weekly_hours (business_id, provider_id);

-- Closures (no windows) and special hours for a date, business-wide or for one provider.
create table special_days (
    business_id    uuid       not null references businesses (id),
    provider_id    uuid,
    day            date       not null,
    opens_minutes  smallint[] not null default '{}',
    closes_minutes smallint[] not null default '{}',
    reason         text       not null default '',
    check (cardinality(opens_minutes) = cardinality(closes_minutes)),
    foreign key (business_id, provider_id) references providers (business_id, id),
    constraint special_days_key unique nulls not distinct (business_id, provider_id, day)
);

create table time_off (
    business_id uuid        not null,
    id          uuid        not null,
    provider_id uuid        not null,
    starts_at   timestamptz not null,
    ends_at     timestamptz not null,
    reason      text        not null default '',
    primary key (business_id, id),
    check (ends_at > starts_at),
    foreign key (business_id, provider_id) references providers (business_id, id)
);
create index time_off_by_period on time_off using gist (business_id, tstzrange(starts_at, ends_at, '[)'));

create table services (
    business_id           uuid          not null references businesses (id),
    id                    uuid          not null,
    name                  text          not null,
    description           text          not null default '',
    duration_minutes      integer       not null check (duration_minutes > 0),
    price_amount          numeric(14, 3) not null check (price_amount >= 0),
    price_currency        char(3)       not null,
    deposit_amount        numeric(14, 3) check (deposit_amount >= 0),
    buffer_before_minutes integer       not null default 0 check (buffer_before_minutes >= 0),
    buffer_after_minutes  integer       not null default 0 check (buffer_after_minutes >= 0),
    voice_booking_enabled boolean       not null default true,
    active                boolean       not null default true,
    created_at            timestamptz   not null default now(),
    updated_at            timestamptz   not null default now(),
    primary key (business_id, id)
);
-- callers ask for services by name, so two live services of a business never share one
create unique index services_active_name on services (business_id, lower(name)) where active;

-- Which providers perform a service; none listed means all of them.
create table service_providers (
    business_id uuid not null,
    service_id  uuid not null,
    provider_id uuid not null,
    primary key (business_id, service_id, provider_id),
    foreign key (business_id, service_id) references services (business_id, id),
    foreign key (business_id, provider_id) references providers (business_id, id)
);

create table clients (
    business_id uuid        not null references businesses (id),
    id          uuid        not null,
    name        text        not null,
    phone       text,
    email       text,
    language    text check (language in ('es', 'en')),
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    primary key (business_id, id),
    check (phone is not null or email is not null)
);
create unique index clients_phone_key on clients (business_id, phone) where phone is not null;
create unique index clients_email_key on clients (business_id, email) where email is not null;

create table appointments (
    business_id         uuid           not null,
    id                  uuid           not null,
    service_id          uuid           not null,
    provider_id         uuid           not null,
    client_id           uuid           not null,
    starts_at           timestamptz    not null,
    ends_at             timestamptz    not null,
    -- the appointment plus the service's buffers: what the provider's agenda loses
    blocked_from        timestamptz    not null,
    blocked_until       timestamptz    not null,
    status              text           not null check (status in
                            ('held', 'pending_payment', 'confirmed', 'completed', 'no_show', 'cancelled', 'expired')),
    source              text           not null check (source in ('voice', 'web', 'dashboard', 'api')),
    price_amount        numeric(14, 3) not null,
    price_currency      char(3)        not null,
    notes               text           not null default '',
    hold_expires_at     timestamptz,
    cancelled_by        text check (cancelled_by in ('client', 'business')),
    cancellation_reason text,
    cancelled_at        timestamptz,
    idempotency_key     text,
    created_at          timestamptz    not null,
    updated_at          timestamptz    not null,
    primary key (business_id, id),
    foreign key (business_id, service_id) references services (business_id, id),
    foreign key (business_id, provider_id) references providers (business_id, id),
    foreign key (business_id, client_id) references clients (business_id, id),
    check (ends_at > starts_at),
    check (blocked_from <= starts_at and blocked_until >= ends_at),
    check (status <> 'held' or hold_expires_at is not null),
    -- Double booking is impossible by construction: live appointments and holds of one provider never overlap.
    -- Half-open ranges let back-to-back appointments touch. The booking code checks first to give a good answer;
    -- this constraint decides every race (SQLSTATE 23P01).
    constraint appointments_no_overlap exclude using gist (
        business_id with =,
        provider_id with =,
        tstzrange(blocked_from, blocked_until, '[)') with &&
    ) where (status in ('held', 'pending_payment', 'confirmed'))
);
create index appointments_by_id on appointments (id);
create index appointments_by_time on appointments using gist (business_id, tstzrange(starts_at, ends_at, '[)'));
create index appointments_by_client on appointments (business_id, client_id, service_id, starts_at);
create unique index appointments_idempotency_key on appointments (business_id, idempotency_key)
    where idempotency_key is not null;
