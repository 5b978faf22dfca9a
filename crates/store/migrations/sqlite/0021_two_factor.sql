-- Two-factor sign-in (TOTP, RFC 6238): one authenticator per user, her one-time recovery codes
-- (hashed), and the roles the network admin requires it of.

-- `secret` is sealed with the key file when the server has one (store::twofactor, as the
-- organisations' keys are). `confirmed_at` stays empty until
-- she has typed a code from her app; `last_step` is the newest 30-second step accepted, so a
-- code is never accepted twice.
CREATE TABLE user_totp (
    user_id       TEXT PRIMARY KEY NOT NULL REFERENCES users(id),
    secret        TEXT NOT NULL,
    created_at    BIGINT NOT NULL,
    confirmed_at  BIGINT,
    last_step     BIGINT
);

CREATE TABLE recovery_codes (
    user_id    TEXT NOT NULL REFERENCES users(id),
    code_hash  TEXT NOT NULL,
    used_at    BIGINT,
    PRIMARY KEY (user_id, code_hash)
);

CREATE TABLE two_factor_roles (
    role    TEXT PRIMARY KEY NOT NULL,
    set_at  BIGINT NOT NULL
);
