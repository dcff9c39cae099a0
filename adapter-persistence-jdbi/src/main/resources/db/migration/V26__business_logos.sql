-- Each business's logo, at most one: kept in the database with the rest of the business (backed up, restored and
-- distributed with it) rather than on one server's disk. The application checks the bytes are a PNG, JPEG or WebP
-- image of at most 512 KB before they get here; the checks below keep any other writer to the same promise.
create table business_logos (
    business_id uuid primary key references businesses (id),
    media_type  text        not null check (media_type in ('image/png', 'image/jpeg', 'image/webp')),
    image       bytea       not null check (octet_length(image) between 1 and 524288),
    digest      text        not null check (digest ~ '^[0-9a-f]{64}$'),
    updated_at  timestamptz not null default now()
);
