-- The indicators read each organisation's records by when they were made (issue 13: the
-- indicator page at 100,000 cases): one index per table the indicator queries filter by
-- organisation and time, so that a quarter's rows are a range of the index rather than a scan
-- of the whole network's table, for every organisation and quarter a view reaches.
CREATE INDEX voice_by_org_time ON voice_entries(org_id, recorded_at);
CREATE INDEX notes_by_org_kind_time ON notes(org_id, kind, written_at);
CREATE INDEX decisions_by_org_time ON decisions(org_id, recorded_at);
CREATE INDEX plan_reviews_by_org_time ON plan_reviews(org_id, reviewed_at);
CREATE INDEX plan_versions_by_org_saved ON plan_versions(org_id, saved_at);
CREATE INDEX plan_versions_by_org_approved ON plan_versions(org_id, approved_at);
CREATE INDEX followups_by_due ON followups(due_on);
