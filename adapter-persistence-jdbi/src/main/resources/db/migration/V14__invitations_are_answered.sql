-- An invitation is a question to the invited person, who accepts or declines it; one left unanswered lapses.
-- Invitations sent before this get the same two weeks from when they were sent.
alter table invitations add column expires_at timestamptz;
update invitations set expires_at = created_at + interval '14 days';
alter table invitations alter column expires_at set not null;
