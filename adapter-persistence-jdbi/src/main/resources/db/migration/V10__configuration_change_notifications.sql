-- Servers keep businesses' configuration in memory (ConfigurationCache) and forget a business when PostgreSQL
-- tells them it changed: on commit, whoever changed it, on channel business_changed with the business's id.
create function notify_business_changed() returns trigger language plpgsql as $$
begin
    if tg_op = 'TRUNCATE' then
        perform pg_notify('business_changed', '*');
    elsif tg_op = 'DELETE' then
        perform pg_notify('business_changed', to_jsonb(old) ->> tg_argv[0]);
    else
        perform pg_notify('business_changed', to_jsonb(new) ->> tg_argv[0]);
    end if;
    return null;
end
$$;

create trigger businesses_changed after insert or update or delete on businesses
    for each row execute function notify_business_changed('id');
create trigger businesses_truncated after truncate on businesses
    for each statement execute function notify_business_changed();

create trigger services_changed after insert or update or delete on services
    for each row execute function notify_business_changed('business_id');
create trigger services_truncated after truncate on services
    for each statement execute function notify_business_changed();

create trigger service_providers_changed after insert or update or delete on service_providers
    for each row execute function notify_business_changed('business_id');
create trigger service_providers_truncated after truncate on service_providers
    for each statement execute function notify_business_changed();

create trigger providers_changed after insert or update or delete on providers
    for each row execute function notify_business_changed('business_id');
create trigger providers_truncated after truncate on providers
    for each statement execute function notify_business_changed();

create trigger weekly_hours_changed after insert or update or delete on weekly_hours
    for each row execute function notify_business_changed('business_id');
create trigger weekly_hours_truncated after truncate on weekly_hours
    for each statement execute function notify_business_changed();

create trigger voice_settings_changed after insert or update or delete on voice_settings
    for each row execute function notify_business_changed('business_id');
create trigger voice_settings_truncated after truncate on voice_settings
    for each statement execute function notify_business_changed();

create trigger voice_lines_changed after insert or update or delete on voice_lines
    for each row execute function notify_business_changed('business_id');
create trigger voice_lines_truncated after truncate on voice_lines
    for each statement execute function notify_business_changed();
