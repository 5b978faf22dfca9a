-- Her case plan: one document per case (goals with their actions, as JSON text), its current
-- version, every earlier version, and the reviews that record whether she agrees.
CREATE TABLE plans (
    case_id          TEXT PRIMARY KEY NOT NULL REFERENCES cases(id),
    body             TEXT NOT NULL,
    version          BIGINT NOT NULL,
    updated_by       TEXT REFERENCES users(id),
    updated_at       BIGINT NOT NULL,
    approved_version BIGINT
);

CREATE TABLE plan_versions (
    case_id  TEXT NOT NULL REFERENCES cases(id),
    version  BIGINT NOT NULL,
    body     TEXT NOT NULL,
    saved_by TEXT REFERENCES users(id),
    saved_at BIGINT NOT NULL,
    PRIMARY KEY (case_id, version)
);

CREATE TABLE plan_reviews (
    id           TEXT PRIMARY KEY NOT NULL,
    case_id      TEXT NOT NULL REFERENCES cases(id),
    plan_version BIGINT NOT NULL,
    agreement    TEXT NOT NULL,
    her_words    TEXT NOT NULL,
    notes        TEXT NOT NULL,
    reviewed_by  TEXT NOT NULL REFERENCES users(id),
    reviewed_at  BIGINT NOT NULL
);
CREATE INDEX plan_reviews_by_case ON plan_reviews(case_id, reviewed_at);
