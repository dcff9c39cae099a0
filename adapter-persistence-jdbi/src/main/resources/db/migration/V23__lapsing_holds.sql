-- The engine's sweep of holds whose time ran out (a caller who never confirmed, a call whose end was never heard of):
-- only holds are in this index, so it stays small however many appointments there are.
create index appointments_lapsing_holds on appointments (hold_expires_at) where status = 'held';
