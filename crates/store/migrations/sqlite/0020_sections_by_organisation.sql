-- Her consent governs sight on one server too (issue 11). Every record that belongs to a
-- section of her record carries the organisation that wrote it; another organisation sees it
-- only while a handover to it carried that section with her consent. Existing records take the
-- organisation of the person who wrote them. Her own account is linked apart from the staff
-- who carry her case, and plan versions carry their own approval.

ALTER TABLE voice_entries ADD COLUMN org_id TEXT REFERENCES organisations(id);
UPDATE voice_entries SET org_id = (
    SELECT u.org_id FROM voice_entries v1 JOIN users u ON u.id = v1.recorded_by
    WHERE v1.entry_id = voice_entries.entry_id
    ORDER BY v1.version LIMIT 1
);

ALTER TABLE decisions ADD COLUMN org_id TEXT REFERENCES organisations(id);
UPDATE decisions SET org_id = (SELECT u.org_id FROM users u WHERE u.id = decisions.recorded_by);

ALTER TABLE plan_reviews ADD COLUMN org_id TEXT REFERENCES organisations(id);
UPDATE plan_reviews SET org_id = (SELECT u.org_id FROM users u WHERE u.id = plan_reviews.reviewed_by);

ALTER TABLE notes ADD COLUMN org_id TEXT REFERENCES organisations(id);
UPDATE notes SET org_id = (SELECT u.org_id FROM users u WHERE u.id = notes.written_by);

ALTER TABLE documents ADD COLUMN org_id TEXT REFERENCES organisations(id);
UPDATE documents SET org_id = (SELECT u.org_id FROM users u WHERE u.id = documents.uploaded_by);

ALTER TABLE assessments ADD COLUMN org_id TEXT REFERENCES organisations(id);
UPDATE assessments SET org_id = (SELECT u.org_id FROM users u WHERE u.id = assessments.recorded_by);

-- The identity section was written by the organisation that opened the case: the sender of its
-- first accepted handover, or its custodian if it never moved.
ALTER TABLE case_identities ADD COLUMN org_id TEXT REFERENCES organisations(id);
UPDATE case_identities SET org_id = COALESCE(
    (SELECT h.from_org_id FROM handovers h
     WHERE h.case_id = case_identities.case_id AND h.state = 'accepted'
     ORDER BY h.created_at LIMIT 1),
    (SELECT c.custodian_org_id FROM cases c WHERE c.id = case_identities.case_id)
);

-- Each organisation continues the plan it can see: a version belongs to who saved it.
ALTER TABLE plan_versions ADD COLUMN org_id TEXT REFERENCES organisations(id);
ALTER TABLE plan_versions ADD COLUMN approved_at BIGINT;
UPDATE plan_versions SET org_id = COALESCE(
    (SELECT u.org_id FROM users u WHERE u.id = plan_versions.saved_by),
    (SELECT c.custodian_org_id FROM cases c WHERE c.id = plan_versions.case_id)
);
UPDATE plan_versions SET approved_at = (
    SELECT p.updated_at FROM plans p
    WHERE p.case_id = plan_versions.case_id AND p.approved_version = plan_versions.version
);

-- Search terms know whose record and which section they come from, so a search finds only
-- what the searcher's organisation may read.
ALTER TABLE case_terms ADD COLUMN org_id TEXT;
ALTER TABLE case_terms ADD COLUMN section TEXT;
UPDATE case_terms SET section = 'voice', org_id = (
    SELECT v.org_id FROM voice_entries v WHERE v.entry_id = case_terms.source_id LIMIT 1
) WHERE EXISTS (SELECT 1 FROM voice_entries v WHERE v.entry_id = case_terms.source_id);
UPDATE case_terms SET section = 'other', org_id = (
    SELECT n.org_id FROM notes n WHERE n.id = case_terms.source_id
) WHERE EXISTS (SELECT 1 FROM notes n WHERE n.id = case_terms.source_id);

-- A survivor's own account is linked to her case, never assigned to it as staff.
ALTER TABLE cases ADD COLUMN survivor_user_id TEXT REFERENCES users(id);
UPDATE cases SET survivor_user_id = (
    SELECT a.user_id FROM case_assignments a JOIN users u ON u.id = a.user_id
    WHERE a.case_id = cases.id AND (',' || u.roles || ',') LIKE '%,survivor,%'
    ORDER BY a.assigned_at LIMIT 1
);
DELETE FROM case_assignments WHERE user_id IN (
    SELECT id FROM users WHERE (',' || roles || ',') LIKE '%,survivor,%'
);
