-- Search and "her cases" walk a case worker's assignments in the order a page shows her cases
-- (newest opened first) and stop when the page is full (issue 16: search at 100,000 cases,
-- where a case worker has some 2,000 cases and a common word is in a quarter of them). So each
-- assignment carries its case's `opened_at` (which never changes once a case is opened), and
-- her assignments are indexed in that order. The store writes it with every assignment (SQLite
-- adds a NOT NULL column only with a default; the store never leaves it at 0).
ALTER TABLE case_assignments ADD COLUMN opened_at BIGINT NOT NULL DEFAULT 0;
UPDATE case_assignments
   SET opened_at = (SELECT c.opened_at FROM cases c WHERE c.id = case_assignments.case_id);
-- Replaces (user_id, case_id): a lookup by user alone is served by the new index's first column,
-- and one of (case, user) by the primary key.
DROP INDEX case_assignments_by_user;
CREATE INDEX case_assignments_by_user_opened
    ON case_assignments(user_id, opened_at DESC, case_id DESC);
