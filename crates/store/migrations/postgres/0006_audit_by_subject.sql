-- "Who has read her record": the audit entries about one case, newest first.
CREATE INDEX audit_log_by_subject ON audit_log(subject, seq);
