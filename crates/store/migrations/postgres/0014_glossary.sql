-- The network's glossary: a term, its other spellings (one per line), and a plain explanation
-- in each working language. `term_key` (lower-case, NFC) keeps two entries from naming the same
-- term. Network admins curate it; every change is audited.
CREATE TABLE glossary_terms (
    id              TEXT PRIMARY KEY NOT NULL,
    term            TEXT NOT NULL,
    term_key        TEXT NOT NULL UNIQUE,
    synonyms        TEXT NOT NULL,
    explanation_bn  TEXT NOT NULL,
    explanation_hi  TEXT NOT NULL,
    explanation_en  TEXT NOT NULL,
    version         BIGINT NOT NULL,
    updated_by      TEXT REFERENCES users(id),
    updated_at      BIGINT NOT NULL
);

-- When the starter glossary was loaded: once, so a term the network removed stays removed.
CREATE TABLE glossary_seeded (
    id  INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    at  BIGINT NOT NULL
);
