-- Cases: the survivor's pseudonymous case, its identity section (kept apart, most protected),
-- the staff who carry it, the journey's stage changes, her voice (versioned, never edited in
-- place) and the search terms of her words.

CREATE TABLE cases (
    id               TEXT PRIMARY KEY NOT NULL,
    code             TEXT NOT NULL UNIQUE,
    custodian_org_id TEXT NOT NULL REFERENCES organisations(id),
    stage            TEXT NOT NULL,
    opened_at        BIGINT NOT NULL,
    version          BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL
);
CREATE INDEX cases_by_custodian ON cases(custodian_org_id, stage, opened_at);

CREATE TABLE case_identities (
    case_id  TEXT PRIMARY KEY NOT NULL REFERENCES cases(id),
    name     TEXT NOT NULL,
    family   TEXT NOT NULL,
    address  TEXT NOT NULL
);

CREATE TABLE case_assignments (
    case_id     TEXT NOT NULL REFERENCES cases(id),
    user_id     TEXT NOT NULL REFERENCES users(id),
    assigned_at BIGINT NOT NULL,
    PRIMARY KEY (case_id, user_id)
);
CREATE INDEX case_assignments_by_user ON case_assignments(user_id, case_id);

CREATE TABLE stage_changes (
    case_id    TEXT NOT NULL REFERENCES cases(id),
    seq        BIGINT NOT NULL,
    from_stage TEXT NOT NULL,
    to_stage   TEXT NOT NULL,
    reason     TEXT NOT NULL,
    changed_by TEXT REFERENCES users(id),
    changed_at BIGINT NOT NULL,
    PRIMARY KEY (case_id, seq)
);

-- Every version of every entry; the newest version of an entry is the one shown.
CREATE TABLE voice_entries (
    entry_id    TEXT NOT NULL,
    version     BIGINT NOT NULL,
    case_id     TEXT NOT NULL REFERENCES cases(id),
    kind        TEXT NOT NULL,
    text        TEXT NOT NULL,
    language    TEXT NOT NULL,
    spoken_on   TEXT NOT NULL,
    read_back   BOOLEAN NOT NULL,
    recorded_by TEXT NOT NULL REFERENCES users(id),
    recorded_at BIGINT NOT NULL,
    PRIMARY KEY (entry_id, version)
);
CREATE INDEX voice_by_case ON voice_entries(case_id, recorded_at);

-- The search index: one row per distinct term of the current text of each source (a voice
-- entry now; notes later). Terms compare by code point, so a prefix is a range on the index.
CREATE TABLE case_terms (
    case_id   TEXT NOT NULL REFERENCES cases(id),
    source_id TEXT NOT NULL,
    term      TEXT NOT NULL
);
CREATE INDEX case_terms_by_term ON case_terms(term, case_id);
CREATE INDEX case_terms_by_source ON case_terms(source_id);
