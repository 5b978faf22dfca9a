-- Keys for handover packages between servers. A local organisation holds both secret halves
-- (its age identity and Ed25519 seed); an organisation trusted from another server has only
-- the public halves. Secrets are kept in the database like the other sensitive data; the
-- operator can print the age identity to keep it offline (`saathi keys identity`, audited).
CREATE TABLE org_keys (
    org_id          TEXT PRIMARY KEY NOT NULL REFERENCES organisations(id),
    age_recipient   TEXT NOT NULL,
    ed25519_public  TEXT NOT NULL,
    age_identity    TEXT,
    ed25519_secret  TEXT,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL
);

-- Every package imported, so that a replay is refused. Written in the transaction that writes
-- what the package carries.
CREATE TABLE imported_packages (
    package_id   TEXT PRIMARY KEY NOT NULL,
    kind         TEXT NOT NULL,
    handover_id  TEXT NOT NULL,
    from_org_id  TEXT NOT NULL REFERENCES organisations(id),
    imported_at  BIGINT NOT NULL
);
