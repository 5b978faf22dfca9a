-- Two ways through a search (see case_sql.rs find_cases): walking the newest cases of an
-- organisation and probing each for its terms, or starting from a rare term's few cases.
CREATE INDEX cases_by_custodian_opened ON cases(custodian_org_id, opened_at, id);
CREATE INDEX case_terms_by_case ON case_terms(case_id, term);
