-- Handovers of a case between organisations, with what travels (section classes) and the
-- completeness recorded when sent.
CREATE TABLE handovers (
    id              TEXT PRIMARY KEY NOT NULL,
    case_id         TEXT NOT NULL REFERENCES cases(id),
    from_org_id     TEXT NOT NULL REFERENCES organisations(id),
    to_org_id       TEXT NOT NULL REFERENCES organisations(id),
    state           TEXT NOT NULL,
    reason          TEXT NOT NULL,
    sections        TEXT NOT NULL,
    score           BIGINT,
    gaps            TEXT NOT NULL,
    gaps_reason     TEXT NOT NULL,
    decline_reason  TEXT NOT NULL,
    created_by      TEXT NOT NULL REFERENCES users(id),
    created_at      BIGINT NOT NULL,
    sent_at         BIGINT,
    acknowledged_at BIGINT,
    decided_at      BIGINT,
    version         BIGINT NOT NULL
);
CREATE INDEX handovers_from ON handovers(from_org_id, created_at);
CREATE INDEX handovers_to ON handovers(to_org_id, created_at);
CREATE INDEX handovers_by_case ON handovers(case_id);
