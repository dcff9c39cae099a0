-- Every booking that is news reads its business's notification settings: servers keep them in memory with the rest of
-- the business's configuration (V10), and forget them when they change.
create trigger notification_settings_changed after insert or update or delete on notification_settings
    for each row execute function notify_business_changed('business_id');
create trigger notification_settings_truncated after truncate on notification_settings
    for each statement execute function notify_business_changed();
