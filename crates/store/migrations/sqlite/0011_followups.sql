-- Follow-up contacts after her return, and the short updates that go back to the organisation
-- that handed her case over (only with her consent).
CREATE TABLE followups (
    id        TEXT PRIMARY KEY NOT NULL,
    case_id   TEXT NOT NULL REFERENCES cases(id),
    due_on    TEXT NOT NULL,
    outcome   TEXT,
    her_words TEXT,
    done_by   TEXT REFERENCES users(id),
    done_at   BIGINT
);
CREATE INDEX followups_by_case ON followups(case_id, due_on);

CREATE TABLE followup_updates (
    id          TEXT PRIMARY KEY NOT NULL,
    handover_id TEXT NOT NULL REFERENCES handovers(id),
    outcome     TEXT NOT NULL,
    her_words   TEXT NOT NULL,
    at          BIGINT NOT NULL
);
CREATE INDEX followup_updates_by_handover ON followup_updates(handover_id, at);
