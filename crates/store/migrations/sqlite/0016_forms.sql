-- Documentation tools as versioned data: every version of every form is kept, and a filled
-- assessment names the version it was filled in, so it still reads right after a revision.
CREATE TABLE form_versions (
    form_key    TEXT NOT NULL,
    version     BIGINT NOT NULL,
    definition  TEXT NOT NULL,
    created_by  TEXT REFERENCES users(id),
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (form_key, version)
);

CREATE TABLE assessments (
    id            TEXT PRIMARY KEY NOT NULL,
    case_id       TEXT NOT NULL REFERENCES cases(id),
    form_key      TEXT NOT NULL,
    form_version  BIGINT NOT NULL,
    answers       TEXT NOT NULL,
    recorded_by   TEXT NOT NULL REFERENCES users(id),
    recorded_at   BIGINT NOT NULL,
    FOREIGN KEY (form_key, form_version) REFERENCES form_versions(form_key, version)
);
CREATE INDEX assessments_by_case ON assessments(case_id, recorded_at);

-- When the built-in tools were loaded: once, so the network's own revisions are never undone.
CREATE TABLE forms_seeded (
    id  INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    at  BIGINT NOT NULL
);
