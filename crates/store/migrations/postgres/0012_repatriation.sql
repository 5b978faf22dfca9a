-- Repatriation routes as data (an India → Bangladesh default), and each case's steps.
CREATE TABLE repatriation_route_steps (
    route         TEXT NOT NULL,
    seq           BIGINT NOT NULL,
    step_key      TEXT NOT NULL,
    agency        TEXT NOT NULL,
    expected_days BIGINT NOT NULL,
    PRIMARY KEY (route, seq)
);

INSERT INTO repatriation_route_steps (route, seq, step_key, agency, expected_days) VALUES
    ('IN-BD', 1, 'hir-requested', 'Shelter / Child Welfare Committee (India)', 7),
    ('IN-BD', 2, 'hir-received', 'Source-area NGO with the Bangladesh Ministry of Social Welfare', 60),
    ('IN-BD', 3, 'nationality-verified', 'Bangladesh High Commission / Ministry of Home Affairs', 90),
    ('IN-BD', 4, 'repatriation-order', 'State Home Department (India)', 30),
    ('IN-BD', 5, 'travel-permit', 'Bangladesh High Commission', 14),
    ('IN-BD', 6, 'border-handover', 'BSF and BGB at the border', 7),
    ('IN-BD', 7, 'received', 'Source-area NGO (Bangladesh)', 1);

CREATE TABLE repatriations (
    case_id    TEXT PRIMARY KEY NOT NULL REFERENCES cases(id),
    route      TEXT NOT NULL,
    started_on TEXT NOT NULL
);

CREATE TABLE repatriation_steps (
    case_id        TEXT NOT NULL REFERENCES cases(id),
    seq            BIGINT NOT NULL,
    step_key       TEXT NOT NULL,
    agency         TEXT NOT NULL,
    expected_days  BIGINT NOT NULL,
    done_on        TEXT,
    her_preference TEXT NOT NULL,
    updated_by     TEXT REFERENCES users(id),
    updated_at     BIGINT,
    PRIMARY KEY (case_id, seq)
);
