-- The country tells how a business's clients write local phone numbers.
alter table businesses add column country char(2);

-- Invitations wait for the invited e-mail to sign up; signing up turns them into memberships.
create table invitations (
    business_id uuid        not null references businesses (id),
    id          uuid        not null,
    email       text        not null,
    role        text        not null check (role in ('owner', 'admin', 'manager', 'staff', 'viewer')),
    invited_by  uuid        not null references users (id),
    created_at  timestamptz not null,
    primary key (business_id, id),
    constraint invitations_one_per_email unique (business_id, email)
);
create index invitations_by_email on invitations (email);
