-- Workshops of the training programme put on the calendar. The template workshop (title in
-- three languages, days, audience) is kept with it as JSON, so a later change to the template
-- does not rewrite a workshop that already ran.
CREATE TABLE workshops (
    id            TEXT PRIMARY KEY NOT NULL,
    programme     TEXT NOT NULL,
    template      TEXT NOT NULL,
    venue         TEXT NOT NULL,
    starts_on     TEXT NOT NULL,
    ends_on       TEXT NOT NULL,
    announced_on  TEXT NOT NULL,
    capacity      BIGINT NOT NULL,
    facilitators  TEXT NOT NULL,
    created_by    TEXT REFERENCES users(id),
    created_at    BIGINT NOT NULL
);
CREATE INDEX workshops_by_start ON workshops(starts_on);
