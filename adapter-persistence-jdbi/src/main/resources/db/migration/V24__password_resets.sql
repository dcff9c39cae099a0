-- Requests to set a forgotten password through a link sent by e-mail. Not tenant data: the account's own. Only the
-- SHA-256 of a link's token is stored; a user has at most one request (a newer one replaces it), kept after use so a
-- second use of the link finds it spent.
create table password_resets (
    id           uuid primary key,
    user_id      uuid        not null references users (id) on delete cascade,
    token_hash   text        not null,
    requested_at timestamptz not null,
    expires_at   timestamptz not null,
    used_at      timestamptz,
    constraint password_resets_token_hash_key unique (token_hash),
    constraint password_resets_one_per_user unique (user_id)
);
