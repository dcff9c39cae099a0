-- The platform's operators (issue 16): users given operator rights from the server's command line, who see every
-- business's usage and may suspend or reactivate one. A person's rights, whatever businesses they work in: global,
-- like users.
create table platform_operators (
    user_id    uuid        primary key references users (id) on delete cascade,
    granted_at timestamptz not null
);

-- A suspended business takes no new bookings by any channel until reactivated. Kept on the business's row, which
-- every booking reads already (and servers keep in memory), so that booking costs no extra query.
alter table businesses add column suspended boolean not null default false;

-- Every suspension and reactivation, why, by whom and when, kept for good.
create table business_status_changes (
    business_id uuid        not null references businesses (id),
    id          bigint      generated always as identity,
    suspended   boolean     not null,
    reason      text        not null check (length(reason) between 1 and 500),
    changed_by  uuid        not null references users (id),
    changed_at  timestamptz not null,
    primary key (business_id, id)
);
