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
