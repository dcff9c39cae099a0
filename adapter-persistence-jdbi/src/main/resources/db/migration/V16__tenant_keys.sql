-- Ready to distribute by business_id (Citus): every key of a tenant table holds business_id, so each is enforced
-- on the one node that holds the business, and TenantKeysTest keeps it so. Two things were not yet.

-- A manage link's token is looked up before its business is known, so it needs a key of its own across businesses,
-- which appointments (a tenant table) cannot hold once distributed. The tokens move to a table of their own, global
-- like voice_call_routes: the token leads to the business and the appointment, which is then read within that
-- business. No foreign key to appointments, which a global table cannot have on a distributed one; the appointment
-- is read back within its business, and appointments are never deleted.
create table appointment_manage_tokens (
    token_hash     text primary key,
    business_id    uuid not null references businesses (id),
    appointment_id uuid not null,
    -- the latest link the client was given is the one that works
    constraint appointment_manage_tokens_one_per_appointment unique (business_id, appointment_id)
);

insert into appointment_manage_tokens (token_hash, business_id, appointment_id)
select manage_token_hash, business_id, id from appointments where manage_token_hash is not null;

alter table appointments drop column manage_token_hash;

-- Moving a business's shards to another node copies them by logical replication, which replays updates and deletes
-- only on tables with a replica identity. Opening hours and special days have no primary key (the business's own
-- rows have no provider), so their whole row identifies it.
alter table weekly_hours replica identity full;
alter table special_days replica identity full;
