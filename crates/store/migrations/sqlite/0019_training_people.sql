-- The rest of the training programme: who trains each workshop, survivors in their own
-- workshops under pseudonymous codes, their unattributed feedback, peer roles, exchange
-- visits between organisations, pre/post questionnaires, and training gates.

-- The trainers of a workshop: the only people who see who attended a survivor workshop.
CREATE TABLE workshop_trainers (
    workshop_id  TEXT NOT NULL REFERENCES workshops(id),
    user_id      TEXT NOT NULL REFERENCES users(id),
    PRIMARY KEY (workshop_id, user_id)
);

-- A survivor who takes part in the network's survivor workshops. Everywhere else she is her
-- code; `known_as` is the name her trainers use with her, shown to them alone.
CREATE TABLE survivor_trainees (
    id          TEXT PRIMARY KEY NOT NULL,
    code        TEXT NOT NULL UNIQUE,
    known_as    TEXT NOT NULL,
    org_id      TEXT REFERENCES organisations(id),
    created_at  BIGINT NOT NULL
);

-- Her place in one survivor workshop, kept apart from staff enrolments.
CREATE TABLE survivor_places (
    id              TEXT PRIMARY KEY NOT NULL,
    workshop_id     TEXT NOT NULL REFERENCES workshops(id),
    trainee_id      TEXT NOT NULL REFERENCES survivor_trainees(id),
    enrolled_at     BIGINT NOT NULL,
    dropout_reason  TEXT,
    dropout_note    TEXT,
    dropped_at      BIGINT,
    UNIQUE (workshop_id, trainee_id)
);
CREATE INDEX survivor_places_by_workshop ON survivor_places(workshop_id);

CREATE TABLE survivor_attendance (
    place_id     TEXT NOT NULL REFERENCES survivor_places(id),
    day          TEXT NOT NULL,
    recorded_by  TEXT REFERENCES users(id),
    recorded_at  BIGINT NOT NULL,
    PRIMARY KEY (place_id, day)
);

-- What survivors said about a workshop. Deliberately no link to who said it.
CREATE TABLE survivor_feedback (
    id           TEXT PRIMARY KEY NOT NULL,
    workshop_id  TEXT NOT NULL REFERENCES workshops(id),
    theme        TEXT NOT NULL,
    tone         TEXT NOT NULL,
    words        TEXT NOT NULL,
    language     TEXT NOT NULL,
    recorded_at  BIGINT NOT NULL
);
CREATE INDEX survivor_feedback_by_workshop ON survivor_feedback(workshop_id);

-- Survivors who completed phase 3 and chose, with consent, to support others.
CREATE TABLE peer_roles (
    trainee_id        TEXT PRIMARY KEY NOT NULL REFERENCES survivor_trainees(id),
    role              TEXT NOT NULL,
    consent_language  TEXT NOT NULL,
    recorded_by       TEXT REFERENCES users(id),
    recorded_at       BIGINT NOT NULL
);

-- Visits between source and destination organisations.
CREATE TABLE exchange_visits (
    id           TEXT PRIMARY KEY NOT NULL,
    visitor_org  TEXT NOT NULL REFERENCES organisations(id),
    host_org     TEXT NOT NULL REFERENCES organisations(id),
    visited_on   TEXT NOT NULL,
    visitors     TEXT NOT NULL,
    learned      TEXT NOT NULL,
    recorded_by  TEXT REFERENCES users(id),
    recorded_at  BIGINT NOT NULL
);

-- Questionnaires before and after a workshop, answered on a form of the forms engine.
CREATE TABLE evaluations (
    id            TEXT PRIMARY KEY NOT NULL,
    workshop_id   TEXT NOT NULL REFERENCES workshops(id),
    enrolment_id  TEXT NOT NULL REFERENCES enrolments(id),
    stage         TEXT NOT NULL,
    form_key      TEXT NOT NULL,
    form_version  BIGINT NOT NULL,
    answers       TEXT NOT NULL,
    recorded_at   BIGINT NOT NULL,
    UNIQUE (enrolment_id, stage)
);
CREATE INDEX evaluations_by_workshop ON evaluations(workshop_id);

-- A completed workshop the network requires before a role may do a sensitive action.
CREATE TABLE training_gates (
    role        TEXT NOT NULL,
    action      TEXT NOT NULL,
    workshop    TEXT NOT NULL,
    created_by  TEXT REFERENCES users(id),
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (role, action)
);
