-- Her consents, per purpose. A consent is never deleted: revoking it records when and why.
CREATE TABLE consents (
    id              TEXT PRIMARY KEY NOT NULL,
    case_id         TEXT NOT NULL REFERENCES cases(id),
    purpose         TEXT NOT NULL,
    section         TEXT,
    organisation_id TEXT REFERENCES organisations(id),
    explained_how   TEXT NOT NULL,
    explained_in    TEXT NOT NULL,
    explained_by    TEXT NOT NULL,
    expires_on      TEXT,
    recorded_by     TEXT NOT NULL REFERENCES users(id),
    recorded_at     BIGINT NOT NULL,
    revoked_at      BIGINT,
    revoked_by      TEXT REFERENCES users(id),
    revoked_reason  TEXT
);
CREATE INDEX consents_by_case ON consents(case_id, recorded_at);
