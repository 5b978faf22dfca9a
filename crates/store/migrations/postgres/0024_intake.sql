-- Opening a case as it happened (issues 15 and 14, docs/htcds.md): the day and place she was
-- identified, her age or an approximate date of birth, her gender, the languages she speaks,
-- her citizenship and the type of exploitation. Fields of the case, one source of truth for the
-- pages, the API and the HTCDS export. Dates are `YYYY-MM-DD`; lists are comma-separated names
-- of the domain's closed lists (`domain::intake`). Cases opened before this know none of them.
ALTER TABLE cases ADD COLUMN identified_on TEXT;
ALTER TABLE cases ADD COLUMN identified_district TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN identified_state TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN identified_country TEXT;
ALTER TABLE cases ADD COLUMN age_years BIGINT;
ALTER TABLE cases ADD COLUMN born_on TEXT;
ALTER TABLE cases ADD COLUMN gender TEXT;
ALTER TABLE cases ADD COLUMN languages TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN citizenship TEXT;
ALTER TABLE cases ADD COLUMN exploitation TEXT NOT NULL DEFAULT '';
