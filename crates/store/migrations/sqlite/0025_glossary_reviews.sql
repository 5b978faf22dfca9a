-- The glossary in the reader's language (issue 15): a headword in Bengali and in Hindi beside
-- the term as reports write it, and who reviewed each translation.
ALTER TABLE glossary_terms ADD COLUMN headword_bn TEXT NOT NULL DEFAULT '';
ALTER TABLE glossary_terms ADD COLUMN headword_hi TEXT NOT NULL DEFAULT '';

-- A translation (one language's headword and explanation) that a named person read and found
-- right. `reviewed` is the text she read: once the translation changes, it is unreviewed again
-- until someone reviews the new text. `marked_by` is the network admin who recorded it.
CREATE TABLE glossary_reviews (
    term_id     TEXT NOT NULL REFERENCES glossary_terms(id) ON DELETE CASCADE,
    language    TEXT NOT NULL,
    reviewer    TEXT NOT NULL,
    reviewed    TEXT NOT NULL,
    marked_by   TEXT REFERENCES users(id),
    marked_at   BIGINT NOT NULL,
    PRIMARY KEY (term_id, language)
);

-- The starter list comes in editions: a Saathi that loaded edition 1 adds the terms of later
-- ones when it starts, once each.
ALTER TABLE glossary_seeded ADD COLUMN edition BIGINT NOT NULL DEFAULT 1;
