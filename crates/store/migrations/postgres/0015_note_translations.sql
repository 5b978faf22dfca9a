-- A human translation of a note, linked to it, with the translator's name: the note itself is
-- never changed, and a reader sees both.
CREATE TABLE note_translations (
    id          TEXT PRIMARY KEY NOT NULL,
    note_id     TEXT NOT NULL REFERENCES notes(id),
    case_id     TEXT NOT NULL REFERENCES cases(id),
    language    TEXT NOT NULL,
    text        TEXT NOT NULL,
    translator  TEXT NOT NULL,
    added_by    TEXT NOT NULL REFERENCES users(id),
    added_at    BIGINT NOT NULL
);
CREATE INDEX note_translations_by_case ON note_translations(case_id, added_at);
