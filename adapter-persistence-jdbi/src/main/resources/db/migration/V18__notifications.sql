-- Every manage link given out keeps working: the one on the booking page and the one in each e-mail.
alter table appointment_manage_tokens drop constraint appointment_manage_tokens_one_per_appointment;
create index appointment_manage_tokens_appointment on appointment_manage_tokens (business_id, appointment_id);

create table notification_settings (
    business_id           uuid primary key references businesses (id),
    -- each message on each of its channels, as 'kind:channel': {confirmed:email, confirmed:sms, ...}
    channels              text[]    not null,
    reminder_lead_minutes integer[] not null,
    quiet_from            time,
    quiet_until           time,
    sender_name           text,
    reply_to              text,
    address               text,
    phone                 text,
    staff_email           text,
    updated_at            timestamptz not null default now(),
    constraint notification_settings_quiet_hours check ((quiet_from is null) = (quiet_until is null))
);

-- The delivery log. A message's send key is its appointment, kind, channel and occasion (the time a reminder or a
-- move is about): unique, so nothing is planned twice, and a claimed row (status 'sending') is never sent again.
create table notifications (
    business_id    uuid        not null references businesses (id),
    id             uuid        not null,
    appointment_id uuid        not null,
    kind           text        not null check (kind in ('confirmed', 'moved', 'cancelled', 'reminder',
                                                        'staff_new_booking', 'staff_cancellation')),
    channel        text        not null check (channel in ('email', 'sms')),
    occasion       text        not null,
    due_at         timestamptz not null,
    status         text        not null check (status in ('queued', 'sending', 'sent', 'failed', 'skipped')),
    detail         text,
    recipient      text,
    attempts       integer     not null default 0,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    primary key (business_id, id),
    constraint notifications_send_key unique (business_id, appointment_id, kind, channel, occasion),
    constraint notifications_appointment foreign key (business_id, appointment_id)
        references appointments (business_id, id)
);
create index notifications_log on notifications (business_id, created_at desc, id desc);

-- db-scheduler's table (its postgresql_tables.sql for 16.x): one row per job, picked with FOR UPDATE SKIP LOCKED.
-- A message's job is inserted by the transaction that planned the message, so it exists exactly when that commits.
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
