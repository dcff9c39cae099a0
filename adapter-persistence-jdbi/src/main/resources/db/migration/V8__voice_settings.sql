-- How each business answers the phone through the shared voice assistant.
create table voice_settings (
    business_id  uuid primary key references businesses (id),
    assistant_id text,
    greeting     text,
    language     text
);

-- The numbers (E.164) and the voice platform's line ids a business answers on. A call is routed by them, so each
-- belongs to one business at most: the primary key says so.
create table voice_lines (
    kind        text not null check (kind in ('number', 'line_id')),
    value       text not null,
    business_id uuid not null references businesses (id),
    position    integer not null,
    primary key (kind, value)
);
create index voice_lines_by_business on voice_lines (business_id);
