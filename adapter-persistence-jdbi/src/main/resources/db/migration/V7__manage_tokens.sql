-- A client manages a web booking through a link holding a random token; only the token's SHA-256 is kept.
alter table appointments add column manage_token_hash text;
create unique index appointments_by_manage_token on appointments (manage_token_hash)
    where manage_token_hash is not null;
