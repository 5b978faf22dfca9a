-- Notes on a case: case notes, counsellors' psychosocial notes, care-givers' daily notes and
-- shelter incidents with the response taken. Never edited.
CREATE TABLE notes (
    id            TEXT PRIMARY KEY NOT NULL,
    case_id       TEXT NOT NULL REFERENCES cases(id),
    kind          TEXT NOT NULL,
    text          TEXT NOT NULL,
    language      TEXT NOT NULL,
    response      TEXT,
    response_text TEXT,
    written_by    TEXT NOT NULL REFERENCES users(id),
    written_at    BIGINT NOT NULL
);
CREATE INDEX notes_by_case ON notes(case_id, kind, written_at);
