-- Importing a register (issue 14, docs/import.md): each imported case keeps the register's own
-- reference for it, once per organisation, so a second run of the same register refuses the
-- lines already imported instead of opening their cases twice.
CREATE TABLE case_references (
    org_id    TEXT NOT NULL REFERENCES organisations(id),
    reference TEXT NOT NULL,
    case_id   TEXT NOT NULL REFERENCES cases(id),
    PRIMARY KEY (org_id, reference)
);
