-- The decision log: what was decided about her, by whom, the options she was given, her choice,
-- her participation and her view in her words. Entries are never changed.

CREATE TABLE decisions (
    id            TEXT PRIMARY KEY NOT NULL,
    case_id       TEXT NOT NULL REFERENCES cases(id),
    topic         TEXT NOT NULL,
    what          TEXT NOT NULL,
    decided_by    TEXT NOT NULL,
    options       TEXT NOT NULL,
    her_choice    TEXT NOT NULL,
    participation TEXT NOT NULL,
    her_view      TEXT NOT NULL,
    absent_reason TEXT NOT NULL,
    recorded_by   TEXT NOT NULL REFERENCES users(id),
    recorded_at   BIGINT NOT NULL
);
CREATE INDEX decisions_by_case ON decisions(case_id, recorded_at);
