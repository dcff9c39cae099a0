-- Each business's events for the dashboards' live streams, numbered 1, 2, 3... in the order they committed.
--
-- The counter is a row per business, bumped by the statement that keeps a transaction's events: its row lock, held
-- until that transaction ends, makes the next transaction of the same business wait for the commit, so numbers
-- follow commits; a rollback gives its numbers back, so committed numbers have no gaps. A sequence could do neither.
-- The counter stays when old events are forgotten, so numbering goes on where it was.
create table business_event_sequences (
    business_id uuid   primary key references businesses (id) on delete cascade,
    last_seq    bigint not null check (last_seq >= 0)
);

-- Kept for a while (a day), for a stream that reconnects with the number of the last event it saw.
-- payload: who made it happen and what it is about, as the adapter's EventPayloads writes them.
create table business_events (
    business_id uuid        not null references business_event_sequences (business_id) on delete cascade,
    seq         bigint      not null check (seq > 0),
    kind        text        not null,
    occurred_at timestamptz not null,
    payload     jsonb       not null,
    primary key (business_id, seq)
);
-- old events are forgotten by time, across businesses
create index business_events_occurred on business_events (occurred_at);
