-- Documents attached to a case, kept in the database so a backup and a transaction hold them
-- with the record they belong to. The size limit is checked before anything is written.
CREATE TABLE documents (
    id          TEXT PRIMARY KEY NOT NULL,
    case_id     TEXT NOT NULL REFERENCES cases(id),
    section     TEXT NOT NULL,
    name        TEXT NOT NULL,
    media_type  TEXT NOT NULL,
    size        BIGINT NOT NULL,
    content     BLOB NOT NULL,
    uploaded_by TEXT NOT NULL REFERENCES users(id),
    uploaded_at BIGINT NOT NULL
);
CREATE INDEX documents_by_case ON documents(case_id, uploaded_at);
