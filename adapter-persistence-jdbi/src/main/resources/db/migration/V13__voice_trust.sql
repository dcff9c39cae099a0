-- What the assistant may tell callers beyond the diary: where a caller asking for a person is put through (E.164),
-- the business in its own words, and its answers to the questions callers ask, in the owner's order. The questions
-- live in the settings row itself, so replacing them is one atomic update, never a delete and an insert that two
-- owners saving at once could interleave.
alter table voice_settings
    add column transfer_number text,
    add column description     text   not null default '',
    add column faq_questions   text[] not null default '{}',
    add column faq_answers     text[] not null default '{}',
    add constraint voice_settings_faq_pairs check (cardinality(faq_questions) = cardinality(faq_answers));

-- The six digits a client says to manage an appointment on a call whose number proves nothing. Kept as given, not
-- hashed: a hash of one of a million codes is undone in milliseconds, so hashing would only pretend; guessing is
-- held back where codes are tried (a few attempts per call and per appointment). Set the first time the code is
-- given out, and never changed after.
alter table appointments
    add column manage_code text constraint appointments_manage_code_digits check (manage_code ~ '^[0-9]{6}$');

-- The business we put each call through to ourselves: our answer to the voice platform's assistant request named
-- it, or it placed the call. The call's later messages are routed by this, never by the variables the call carries
-- (a SIP caller can set those). A call id is the platform's and names one call: the first business stays.
create table voice_call_routes (
    call_id     text collate "C" primary key,
    business_id uuid        not null references businesses (id),
    routed_at   timestamptz not null
);
