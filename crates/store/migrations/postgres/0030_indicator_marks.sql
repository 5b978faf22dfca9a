-- The indicators keep their figures until something they read may have changed
-- (store::IndicatorStore::change_mark): the newest audit entry that records a change, not a
-- reading. This index answers that in one look-up; its predicate is, word for word, the
-- `readings!` list in crates/store/src/indicators.rs, so that the planner uses it.
CREATE INDEX audit_log_changes ON audit_log(seq) WHERE action NOT IN ('sign-in', 'sign-in-failed', 'sign-in-throttled', 'sign-out', 'case-viewed', 'identity-opened', 'document-opened', 'org-identity-shown', 'plan-exported', 'assessment-exported', 'spreadsheet-exported', 'indicators-exported', 'note-translated', 'password-check-failed', 'two-factor-failed');
