-- Special days and time off from two days ago on are kept in memory too (ConfigurationCache, see V10).
create trigger special_days_changed after insert or update or delete on special_days
    for each row execute function notify_business_changed('business_id');
create trigger special_days_truncated after truncate on special_days
    for each statement execute function notify_business_changed();

create trigger time_off_changed after insert or update or delete on time_off
    for each row execute function notify_business_changed('business_id');
create trigger time_off_truncated after truncate on time_off
    for each statement execute function notify_business_changed();
