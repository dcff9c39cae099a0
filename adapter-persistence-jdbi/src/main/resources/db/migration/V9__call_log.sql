-- Each business's calls with the voice assistant, filled in as the voice platform reports on them.
create table voice_calls (
    business_id     uuid        not null references businesses (id),
    call_id         text        collate "C" not null,
    type            text,
    status          text,
    customer_number text,
    dialled_number  text,
    started_at      timestamptz,
    ended_at        timestamptz,
    cost            numeric(14, 4),
    ended_reason    text,
    summary         text,
    recording_url   text,
    transcript      text,
    first_seen_at   timestamptz not null,
    primary key (business_id, call_id)
);
-- the log is read newest first, a page at a time
create index voice_calls_by_first_seen on voice_calls (business_id, first_seen_at desc, call_id desc);

create table voice_call_messages (
    business_id uuid    not null,
    call_id     text    not null,
    position    integer not null,
    role        text    not null,
    text        text    not null,
    said_at     timestamptz,
    primary key (business_id, call_id, position),
    foreign key (business_id, call_id) references voice_calls (business_id, call_id) on delete cascade
);

-- The appointments a call booked or held: how calls convert, and which holds to release when a caller hangs up.
create table voice_call_appointments (
    business_id    uuid not null,
    call_id        text not null,
    appointment_id uuid not null,
    primary key (business_id, call_id, appointment_id),
    foreign key (business_id, call_id) references voice_calls (business_id, call_id),
    foreign key (business_id, appointment_id) references appointments (business_id, id)
);
