-- Staff enrolled in workshops, their attendance day by day, and drop-outs with their reason.
CREATE TABLE enrolments (
    id               TEXT PRIMARY KEY NOT NULL,
    workshop_id      TEXT NOT NULL REFERENCES workshops(id),
    user_id          TEXT NOT NULL REFERENCES users(id),
    org_id           TEXT NOT NULL REFERENCES organisations(id),
    years_in_org     BIGINT NOT NULL,
    childcare_needs  BOOLEAN NOT NULL,
    enrolled_at      BIGINT NOT NULL,
    dropout_reason   TEXT,
    dropout_note     TEXT,
    dropped_at       BIGINT,
    UNIQUE (workshop_id, user_id)
);
CREATE INDEX enrolments_by_workshop ON enrolments(workshop_id);

CREATE TABLE attendance (
    enrolment_id  TEXT NOT NULL REFERENCES enrolments(id),
    day           TEXT NOT NULL,
    recorded_by   TEXT REFERENCES users(id),
    recorded_at   BIGINT NOT NULL,
    PRIMARY KEY (enrolment_id, day)
);
