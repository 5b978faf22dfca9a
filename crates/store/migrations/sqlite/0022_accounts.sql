-- Accounts (issue 11): a password the stricter rule refuses must be changed at the next sign-in;
-- API tokens expire and record when they were last used.
ALTER TABLE users ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE api_tokens ADD COLUMN expires_at BIGINT;
ALTER TABLE api_tokens ADD COLUMN last_used_at BIGINT;
-- Tokens made before expiry existed get 90 days from this upgrade.
UPDATE api_tokens
   SET expires_at = CAST(strftime('%s', 'now') AS INTEGER) * 1000 + 7776000000
 WHERE expires_at IS NULL;
