-- What the restorative-care indicators need that was not recorded (issue 13,
-- docs/indicators.md).

-- An organisation's time zone (an IANA name): its quarters and years begin at its own midnight.
-- Empty means its country's zone (domain::zone::TimeZone::for_country); existing organisations
-- are given theirs here, India's where the country has no other.
ALTER TABLE organisations ADD COLUMN time_zone TEXT;
UPDATE organisations SET time_zone = 'Asia/Dhaka' WHERE country = 'BD';
UPDATE organisations SET time_zone = 'Asia/Kathmandu' WHERE country = 'NP';
UPDATE organisations SET time_zone = 'Asia/Kolkata' WHERE time_zone IS NULL;

-- The terms of her stay, recorded with her on the journey: who set its length (order, team,
-- her) and the date she wants to leave. Every recording is kept; the newest is in force. The
-- organisation is the custodian that recorded them.
CREATE TABLE stay_terms (
    id                TEXT PRIMARY KEY NOT NULL,
    case_id           TEXT NOT NULL REFERENCES cases(id),
    length_set_by     TEXT NOT NULL,
    wants_to_leave_on TEXT,
    org_id            TEXT NOT NULL REFERENCES organisations(id),
    recorded_by       TEXT NOT NULL REFERENCES users(id),
    recorded_at       BIGINT NOT NULL
);
CREATE INDEX stay_terms_by_case ON stay_terms(case_id, recorded_at);

-- The indicators read the journey by when its moves happened.
CREATE INDEX stage_changes_by_time ON stage_changes(changed_at, to_stage);
