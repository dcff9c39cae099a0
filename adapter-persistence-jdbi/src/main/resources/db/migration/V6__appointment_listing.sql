-- The calendar is listed in start order and paged by (start, id): this index serves both the range and the keyset.
create index appointments_by_start on appointments (business_id, starts_at, id);
