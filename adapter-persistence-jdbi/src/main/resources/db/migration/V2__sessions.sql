-- Refresh-token sessions. Not tenant data: a login belongs to a user, whatever businesses they work in.
-- Only the SHA-256 of a token is stored.
create table sessions (
    id         uuid primary key,
    user_id    uuid        not null references users (id),
    family     uuid        not null,
    token_hash text        not null,
    issued_at  timestamptz not null,
    expires_at timestamptz not null,
    rotated_at timestamptz,
    revoked_at timestamptz,
    constraint sessions_token_hash_key unique (token_hash)
);
create index sessions_by_family on sessions (family);
create index sessions_by_user on sessions (user_id);
