-- The voice platform each business's lines and assistant are on (Vapi, Retell, a SIP gateway...). A call is routed
-- by its platform and its line: a line id, or a number, means a line on one platform, and the same id on another
-- platform is another line. Every line and assistant kept so far is Vapi's.
alter table voice_settings add column platform text not null default 'vapi';
alter table voice_lines add column platform text not null default 'vapi';
alter table voice_lines drop constraint voice_lines_pkey;
alter table voice_lines add primary key (platform, kind, value);
