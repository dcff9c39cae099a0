-- A login ends (logout, a replayed refresh token, a password change) when its sessions are revoked. Every instance
-- keeps in memory which logins are on, since every member request asks; the end is announced on commit on channel
-- login_ended with the login's id (the sessions' family), so that no instance accepts its access tokens afterwards.
-- Rotating a refresh token revokes nothing and announces nothing; deleting sessions announces '*': forget them all.

create function announce_login_ended() returns trigger language plpgsql as $$
begin
    perform pg_notify('login_ended', new.family::text);
    return null;
end;
$$;

create trigger sessions_login_ended
    after update of revoked_at on sessions
    for each row
    when (old.revoked_at is null and new.revoked_at is not null)
    execute function announce_login_ended();

create function announce_logins_gone() returns trigger language plpgsql as $$
begin
    perform pg_notify('login_ended', '*');
    return null;
end;
$$;

create trigger sessions_deleted after delete on sessions for each statement execute function announce_logins_gone();
create trigger sessions_truncated after truncate on sessions for each statement execute function announce_logins_gone();
