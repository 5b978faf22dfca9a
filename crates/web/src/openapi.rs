//! The OpenAPI 3 document served at `/api/v1/openapi.json`. Written out by hand, next to the
//! routes it describes; a test checks that every `/api` route in [`crate::routes::table`] is
//! here with its method, so the document cannot silently fall behind.

use serde_json::{Value, json};

/// One operation: method, path, summary, request body schema and success response.
struct Op {
    method: &'static str,
    path: &'static str,
    summary: &'static str,
    body: Option<&'static str>,
    ok_status: &'static str,
    ok_schema: Value,
    etag: bool,
    if_match: bool,
}

fn schema(name: &str) -> Value {
    json!({ "$ref": format!("#/components/schemas/{name}") })
}

fn operations() -> Vec<Op> {
    let op = |method, path, summary, body, ok_status, ok_schema, etag, if_match| Op {
        method,
        path,
        summary,
        body,
        ok_status,
        ok_schema,
        etag,
        if_match,
    };
    vec![
        op(
            "get",
            "/api/v1/openapi.json",
            "This document.",
            None,
            "200",
            json!({"type": "object"}),
            false,
            false,
        ),
        op(
            "get",
            "/api/v1/me",
            "The token's user, organisation, roles and language.",
            None,
            "200",
            schema("Me"),
            false,
            false,
        ),
        op(
            "get",
            "/api/v1/organisations",
            "The organisation directory.",
            None,
            "200",
            json!({"type": "array", "items": schema("Organisation")}),
            false,
            false,
        ),
        op(
            "post",
            "/api/v1/organisations",
            "Add an organisation (network admin).",
            Some("OrganisationInput"),
            "201",
            schema("Organisation"),
            true,
            false,
        ),
        op(
            "get",
            "/api/v1/organisations/{id}",
            "One organisation, with its ETag.",
            None,
            "200",
            schema("Organisation"),
            true,
            false,
        ),
        op(
            "put",
            "/api/v1/organisations/{id}",
            "Change an organisation (network admin). Needs If-Match.",
            Some("OrganisationInput"),
            "200",
            schema("Organisation"),
            true,
            true,
        ),
        op(
            "get",
            "/api/v1/organisations/{id}/users",
            "The users of an organisation (its director, network admin).",
            None,
            "200",
            json!({"type": "array", "items": schema("User")}),
            false,
            false,
        ),
        op(
            "post",
            "/api/v1/organisations/{id}/users",
            "Add a user to an organisation.",
            Some("NewUser"),
            "201",
            schema("User"),
            true,
            false,
        ),
        op(
            "get",
            "/api/v1/users/{id}",
            "One user, with its ETag.",
            None,
            "200",
            schema("User"),
            true,
            false,
        ),
        op(
            "put",
            "/api/v1/users/{id}",
            "Change a user's name, roles, language or active flag. Needs If-Match.",
            Some("UserUpdate"),
            "200",
            schema("User"),
            true,
            true,
        ),
        op(
            "get",
            "/api/v1/audit",
            "The newest audit entries: all for a network admin, her organisation's for a director.",
            None,
            "200",
            schema("AuditEntries"),
            false,
            false,
        ),
        op(
            "get",
            "/api/v1/two-factor/roles",
            "The roles that must sign in with a second factor (network admin).",
            None,
            "200",
            schema("TwoFactorRoles"),
            false,
            false,
        ),
        op(
            "post",
            "/api/v1/two-factor/roles",
            "Replace the roles that must sign in with a second factor: `{\"roles\": [\"director\", \"counsellor\"]}` (network admin). They enrol at their next page.",
            Some("TwoFactorRoles"),
            "200",
            schema("TwoFactorRoles"),
            false,
            false,
        ),
        op(
            "delete",
            "/api/v1/users/{id}/two-factor",
            "Reset her second factor when she lost her phone: her director, or the network admin for a director. API tokens carry no second factor.",
            None,
            "204",
            json!({"type": "object"}),
            false,
            false,
        ),
        op(
            "get",
            "/api/v1/cases",
            "Cases of her organisation, newest first. `q` searches her words in the cases assigned to the caller; `stage` and `mine=true` filter.",
            None,
            "200",
            schema("CaseList"),
            false,
            false,
        ),
        op(
            "post",
            "/api/v1/cases",
            "Open a case (case worker); the caller is assigned to it.",
            Some("NewCase"),
            "201",
            schema("Case"),
            true,
            false,
        ),
        op(
            "get",
            "/api/v1/cases/{id}",
            "One case in summary, with its ETag. 404 when the caller may not see it.",
            None,
            "200",
            schema("Case"),
            true,
            false,
        ),
        op(
            "get",
            "/api/v1/cases/{id}/voice",
            "Her voice: the newest version of each entry, newest first (assigned staff; the read is audited).",
            None,
            "200",
            schema("VoiceList"),
            false,
            false,
        ),
        op(
            "post",
            "/api/v1/cases/{id}/voice",
            "Record her words, word for word.",
            Some("VoiceInput"),
            "201",
            schema("VoiceEntry"),
            true,
            false,
        ),
        op(
            "put",
            "/api/v1/cases/{id}/voice/{entry}",
            "Correct an entry: a new version; the old text is kept. Needs If-Match.",
            Some("VoiceInput"),
            "200",
            schema("VoiceEntry"),
            true,
            true,
        ),
        op(
            "post",
            "/api/v1/cases/{id}/stage",
            "Move the case one stage along the journey (closing: the director). Needs If-Match.",
            Some("StageChange"),
            "200",
            schema("Case"),
            true,
            true,
        ),
        op(
            "get",
            "/api/v1/cases/{id}/identity",
            "The identity section (assigned staff; every opening is audited).",
            None,
            "200",
            schema("Identity"),
            false,
            false,
        ),
        op(
            "get",
            "/api/v1/cases/{id}/decisions",
            "The decision log, oldest first (assigned staff and the director; the read is audited).",
            None,
            "200",
            schema("DecisionList"),
            false,
            false,
        ),
        op(
            "post",
            "/api/v1/cases/{id}/decisions",
            "Log a decision with her participation and her view in her words. A closure needs one with topic `closure`.",
            Some("DecisionInput"),
            "201",
            schema("Decision"),
            false,
            false,
        ),
        op(
            "get",
            "/api/v1/cases/{id}/consents",
            "Her consents, revoked and expired ones included, with their status (assigned staff; the read is audited).",
            None,
            "200",
            schema("ConsentList"),
            false,
            false,
        ),
        op(
            "post",
            "/api/v1/cases/{id}/consents",
            "Record a consent for one purpose: how, in which language and by whom it was explained; optional last day.",
            Some("ConsentInput"),
            "201",
            schema("Consent"),
            false,
            false,
        ),
        op(
            "post",
            "/api/v1/cases/{id}/consents/{cid}/revoke",
            "Revoke a consent; from then on it covers nothing.",
            Some("Revoke"),
            "200",
            schema("Consent"),
            false,
            false,
        ),
        op(
            "get",
            "/api/v1/cases/{id}/readers",
            "Who has read her record: organisation, roles, day, what (record or identity), how many times. People are not named.",
            None,
            "200",
            schema("Readings"),
            false,
            false,
        ),
        op(
            "get",
            "/api/v1/cases/{id}/plan",
            "Her case plan: goals by domain with actions, who set them, targets and status; reviews with her agreement. ETag \"0\" when there is none yet.",
            None,
            "200",
            schema("Plan"),
            true,
            false,
        ),
        op(
            "put",
            "/api/v1/cases/{id}/plan",
            "Save the whole plan as a new version (the old ones are kept). Needs If-Match (\"0\" for the first plan).",
            Some("PlanBody"),
            "200",
            schema("Plan"),
            true,
            true,
        ),
        op(
            "post",
            "/api/v1/cases/{id}/plan/approve",
            "Approve the current version (the director), on a logged decision about the plan. Needs If-Match.",
            None,
            "200",
            schema("Plan"),
            true,
            true,
        ),
        op(
            "post",
            "/api/v1/cases/{id}/plan/reviews",
            "Record a review of the current plan with her: agreed / partly / disagreed, in her words.",
            Some("PlanReview"),
            "201",
            json!({"type": "object"}),
            false,
            false,
        ),
        op(
            "get",
            "/api/v1/cases/{id}/notes",
            "The notes the caller may read, newest first: psychosocial notes for the assigned counsellor only; daily notes and incidents for the shelter's care-givers too.",
            None,
            "200",
            schema("NoteList"),
            false,
            false,
        ),
        op(
            "post",
            "/api/v1/cases/{id}/notes",
            "Write a note. An incident needs the response taken: positive or punitive, and what was done.",
            Some("NoteInput"),
            "201",
            schema("Note"),
            false,
            false,
        ),
        op(
            "get",
            "/api/v1/cases/{id}/documents",
            "The documents the caller may open (psychosocial ones: the counsellor), newest first, without their bytes.",
            None,
            "200",
            schema("DocumentList"),
            false,
            false,
        ),
        op(
            "post",
            "/api/v1/cases/{id}/documents",
            "Attach a document: multipart/form-data with `section` and `file` (PDF, JPEG or PNG, at most 10 MB; 413 above).",
            None,
            "201",
            schema("Document"),
            false,
            false,
        ),
        op(
            "get",
            "/api/v1/cases/{id}/documents/{doc}",
            "The document's bytes, as an attachment; the opening is audited.",
            None,
            "200",
            json!({"type": "string", "format": "binary"}),
            false,
            false,
        ),
        op(
            "post",
            "/api/v1/cases/{id}/survivor",
            "Link her own (survivor) account to her case, so she can read her record and add her words (the assigned case worker).",
            Some("LinkSurvivor"),
            "200",
            schema("Case"),
            false,
            false,
        ),
        op(
            "post",
            "/api/v1/cases/{id}/handovers",
            "Start a handover (a draft) to another organisation. Without `sections`, everything her consent allows for that recipient travels; a named section without her consent is refused, by name.",
            Some("HandoverStart"),
            "201",
            schema("Handover"),
            false,
            false,
        ),
        op(
            "get",
            "/api/v1/handovers",
            "Handovers of her organisation: `direction=outgoing` (default) or `incoming`.",
            None,
            "200",
            json!({"type": "object"}),
            false,
            false,
        ),
        op(
            "get",
            "/api/v1/handovers/{id}",
            "One handover, with its state and dates (either side).",
            None,
            "200",
            schema("Handover"),
            false,
            false,
        ),
        op(
            "get",
            "/api/v1/handovers/{id}/completeness",
            "The completeness report: score, gaps and jargon with plain explanations (as it stands for the sender before sending; as recorded after).",
            None,
            "200",
            json!({"type": "object"}),
            false,
            false,
        ),
        op(
            "post",
            "/api/v1/cases/{id}/notes/{nid}/translations",
            "Add a person's translation of a note (into another language, with the translator's name); the note itself is never changed. Whoever may write that kind of note may translate one.",
            Some("TranslationInput"),
            "201",
            json!({"type": "object"}),
            false,
            false,
        ),
        op(
            "get",
            "/api/v1/training/programmes",
            "The training programmes with their phases and workshops (days, residential or not, audience, group size), titles in bn, hi and en.",
            None,
            "200",
            json!({"type": "array", "items": {"type": "object"}}),
            false,
            false,
        ),
        op(
            "post",
            "/api/v1/training/workshops",
            "Put a programme workshop on the calendar (trainers, the network admin): `{\"workshop\": key, \"venue\", \"starts_on\", \"ends_on\"?, \"announced_on\"?, \"capacity\"?, \"facilitators\": [{\"name\", \"mental_health\"}]}`. A workshop cannot end before it starts.",
            Some("ScheduleInput"),
            "201",
            json!({"type": "object"}),
            false,
            false,
        ),
        op(
            "get",
            "/api/v1/training/workshops/{id}",
            "A workshop with everyone enrolled (trainers): days attended, completed (four days in five), why she left, and drop-out risks (shelter staff on a residential workshop, short notice, childcare).",
            None,
            "200",
            json!({"type": "object"}),
            false,
            false,
        ),
        op(
            "post",
            "/api/v1/training/workshops/{id}/enrolments",
            "Enrol a member of staff: `{\"user\": username, \"years_in_org\", \"childcare_needs\", \"beyond_capacity\"}`. A full workshop refuses unless `beyond_capacity`.",
            Some("EnrolInput"),
            "201",
            json!({"type": "object"}),
            false,
            false,
        ),
        op(
            "post",
            "/api/v1/training/workshops/{id}/attendance",
            "Record a day: `{\"enrolment\", \"day\"}`; a day outside the workshop is refused.",
            Some("AttendanceInput"),
            "204",
            json!({"type": "object"}),
            false,
            false,
        ),
        op(
            "post",
            "/api/v1/training/workshops/{id}/dropouts",
            "Record that she left: `{\"enrolment\", \"reason\": shelter-emergency|childcare|resigned|other, \"note\"}` (other needs a note).",
            Some("DropoutInput"),
            "204",
            json!({"type": "object"}),
            false,
            false,
        ),
        op(
            "get",
            "/api/v1/training/workshops/{id}/calendar.ics",
            "The workshop as an iCalendar file (text/calendar), one all-day event, its title in the reader's language.",
            None,
            "200",
            json!({"type": "string"}),
            false,
            false,
        ),
        op(
            "get",
            "/api/v1/training/workshops/{id}/survivors",
            "The survivors in a survivor workshop, under their codes, with the name her trainers use, days attended and completion. Only the trainers of that workshop may read it.",
            None,
            "200",
            json!({"type": "array", "items": {"type": "object"}}),
            false,
            false,
        ),
        op(
            "post",
            "/api/v1/training/workshops/{id}/survivors",
            "Give a survivor a place (the workshop's trainers): `{\"code\"}` for one who has a code from an earlier workshop, or `{\"known_as\", \"organisation\"?}` for a new one, who gets a pseudonymous code (`SW-` and four letters). `beyond_capacity` as for staff.",
            Some("SurvivorInput"),
            "201",
            json!({"type": "object"}),
            false,
            false,
        ),
        op(
            "post",
            "/api/v1/training/workshops/{id}/survivors/attendance",
            "Record a survivor's day: `{\"place\", \"day\"}` (the workshop's trainers).",
            Some("PlaceDay"),
            "204",
            json!({"type": "object"}),
            false,
            false,
        ),
        op(
            "post",
            "/api/v1/training/workshops/{id}/survivors/dropouts",
            "Record that a survivor left: `{\"place\", \"reason\", \"note\"}` (the workshop's trainers).",
            Some("PlaceDropout"),
            "204",
            json!({"type": "object"}),
            false,
            false,
        ),
        op(
            "get",
            "/api/v1/training/workshops/{id}/feedback",
            "What survivors said about the workshop, each piece with its theme and kind and no name (the workshop's trainers).",
            None,
            "200",
            json!({"type": "array", "items": {"type": "object"}}),
            false,
            false,
        ),
        op(
            "post",
            "/api/v1/training/workshops/{id}/feedback",
            "Record something survivors said: `{\"theme\", \"tone\": appreciation|concern|suggestion, \"words\", \"language\"?}`. Nothing records who said it.",
            Some("FeedbackInput"),
            "201",
            json!({"type": "object"}),
            false,
            false,
        ),
        op(
            "get",
            "/api/v1/training/workshops/{id}/feedback-summary",
            "The unattributed view for directors, managers, trainers and the network admin: feedback counts by theme and kind. Any count under 5 is `null` with `suppressed: true` (and one more when only one would be hidden, so totals cannot give it back).",
            None,
            "200",
            json!({"type": "object"}),
            false,
            false,
        ),
        op(
            "post",
            "/api/v1/training/workshops/{id}/evaluations",
            "Record a participant's questionnaire before or after the workshop: `{\"enrolment\", \"stage\": pre|post, \"answers\": {field: value}}`, checked against the `workshop-evaluation` form.",
            Some("EvaluationInput"),
            "201",
            json!({"type": "object"}),
            false,
            false,
        ),
        op(
            "get",
            "/api/v1/training/workshops/{id}/evaluation-results",
            "The change on each attitude item (post mean minus pre mean), for the workshop and for each organisation. A mean over fewer than 5 answers is `null`.",
            None,
            "200",
            json!({"type": "object"}),
            false,
            false,
        ),
        op(
            "post",
            "/api/v1/training/peers",
            "Record a survivor as a peer supporter, educator or leader: `{\"code\", \"role\", \"consent\": true, \"consent_language\"}`. Only after she completed every phase-3 workshop, only with her consent, only by a trainer of her workshops.",
            Some("PeerInput"),
            "201",
            json!({"type": "object"}),
            false,
            false,
        ),
        op(
            "get",
            "/api/v1/training/exchange-visits",
            "Exchange visits between organisations, newest first.",
            None,
            "200",
            json!({"type": "array", "items": {"type": "object"}}),
            false,
            false,
        ),
        op(
            "post",
            "/api/v1/training/exchange-visits",
            "Record an exchange visit: `{\"visitor_org\", \"host_org\", \"visited_on\", \"visitors\", \"learned\"}`; the two must be at opposite ends of the journey (source or community, and destination or transit).",
            Some("VisitInput"),
            "201",
            json!({"type": "object"}),
            false,
            false,
        ),
        op(
            "get",
            "/api/v1/training/exchange-visits/matrix",
            "For each organisation, how many counterpart organisations it has visited (goal: at least 1, ideally 3), which, who visited it, and `flagged: true` for those with none.",
            None,
            "200",
            json!({"type": "object"}),
            false,
            false,
        ),
        op(
            "get",
            "/api/v1/training/gates",
            "The training gates in force: a role may do an action only after completing a workshop. None by default.",
            None,
            "200",
            json!({"type": "array", "items": {"type": "object"}}),
            false,
            false,
        ),
        op(
            "post",
            "/api/v1/training/gates",
            "Set a training gate (network admin): `{\"role\", \"action\": record-voice|write-case-note|write-psychosocial-note|open-identity|start-handover|log-decision, \"workshop\"}`. A person refused by it gets 403 `training-required` naming the workshop.",
            Some("GateInput"),
            "201",
            json!({"type": "object"}),
            false,
            false,
        ),
        op(
            "delete",
            "/api/v1/training/gates/{role}/{action}",
            "Lift a training gate (network admin).",
            None,
            "204",
            json!({"type": "object"}),
            false,
            false,
        ),
        op(
            "get",
            "/api/v1/forms",
            "The newest version of every form (the documentation tools), with its title in bn, hi and en.",
            None,
            "200",
            json!({"type": "array", "items": {"type": "object"}}),
            false,
            false,
        ),
        op(
            "post",
            "/api/v1/forms",
            "Add a form, or the next version of one (network admin): a definition with sections (each with a sensitivity class), fields (text, long-text, number, date, choice, choices, yes-no), repeat groups, choice lists, labels and help in bn/hi/en, required and relevant. Problems are listed one by one.",
            Some("FormDefinition"),
            "201",
            json!({"type": "object"}),
            false,
            false,
        ),
        op(
            "post",
            "/api/v1/forms/xlsform",
            "Import an XLSForm (the body is the .xlsx as it is) as the next version of its form (network admin). All or nothing: each row that cannot be taken is listed in `errors` with its sheet, row and reason.",
            None,
            "201",
            json!({"type": "object"}),
            false,
            false,
        ),
        op(
            "get",
            "/api/v1/forms/{key}",
            "One form's definition: its newest version, or `?version=N`.",
            None,
            "200",
            json!({"type": "object"}),
            false,
            false,
        ),
        op(
            "get",
            "/api/v1/cases/{id}/assessments",
            "The assessments filled for the case, newest first.",
            None,
            "200",
            json!({"type": "array", "items": {"type": "object"}}),
            false,
            false,
        ),
        op(
            "post",
            "/api/v1/cases/{id}/assessments",
            "Fill a form for the case: `{\"form\": key, \"version\"?: n, \"answers\": {name: text | [values] | [{row}]}}`. Only the sections the caller's role may write are read; answers to questions not shown are dropped.",
            Some("AssessmentInput"),
            "201",
            json!({"type": "object"}),
            false,
            false,
        ),
        op(
            "get",
            "/api/v1/cases/{id}/assessments/{aid}",
            "One assessment, in the form version it was filled in, with only the sections the caller may read.",
            None,
            "200",
            json!({"type": "object"}),
            false,
            false,
        ),
        op(
            "get",
            "/api/v1/glossary",
            "The network's glossary: every term with its other spellings and plain explanations in bn, hi and en.",
            None,
            "200",
            json!({"type": "array", "items": schema("GlossaryTerm")}),
            false,
            false,
        ),
        op(
            "post",
            "/api/v1/glossary",
            "Add a term (network admin). Synonyms are a list, or one string with one per line or `|`-separated.",
            Some("GlossaryTermInput"),
            "201",
            schema("GlossaryTerm"),
            true,
            false,
        ),
        op(
            "put",
            "/api/v1/glossary/{id}",
            "Change a term (network admin). Needs If-Match.",
            Some("GlossaryTermInput"),
            "200",
            schema("GlossaryTerm"),
            true,
            true,
        ),
        op(
            "delete",
            "/api/v1/glossary/{id}",
            "Remove a term (network admin). Needs If-Match.",
            None,
            "204",
            json!({"type": "object"}),
            false,
            true,
        ),
        op(
            "post",
            "/api/v1/glossary/scan",
            "Find the glossary's terms in a text, in one pass: case-insensitive (except two- and three-letter acronyms), word-bounded, Bengali case endings allowed. Positions count characters.",
            Some("GlossaryScan"),
            "200",
            schema("GlossaryScanResult"),
            false,
            false,
        ),
        op(
            "get",
            "/api/v1/handovers/{id}/package",
            "The handover as a package file for a receiver on another Saathi server (a sent handover, checked against her consents again now), or the receiver's answer for the sender: age-encrypted to the other organisation, signed by this one. See docs/handover-package.md.",
            None,
            "200",
            json!({"type": "string", "format": "binary"}),
            false,
            false,
        ),
        op(
            "post",
            "/api/v1/handover-packages",
            "Import a package (the body is the file as it is) for the caller's organisation: a case handed over, or the answer to one sent from here. Damaged, tampered, foreign, unknown-sender, unknown-version and replayed packages, and values this server's rules refuse, are refused (422); a voice entry or document whose id is already here is 409. Nothing is written but an audit entry saying why.",
            None,
            "201",
            schema("ImportedPackage"),
            false,
            false,
        ),
        op(
            "post",
            "/api/v1/handovers/{id}/send",
            "Send a draft; records the score and gaps. Gaps need `gaps_reason`.",
            Some("HandoverStep"),
            "200",
            schema("Handover"),
            false,
            false,
        ),
        op(
            "post",
            "/api/v1/handovers/{id}/acknowledge",
            "The receiver acknowledges a sent handover.",
            None,
            "200",
            schema("Handover"),
            false,
            false,
        ),
        op(
            "post",
            "/api/v1/handovers/{id}/accept",
            "The receiver accepts: custody moves, and the person accepting carries the case.",
            None,
            "200",
            schema("Handover"),
            false,
            false,
        ),
        op(
            "post",
            "/api/v1/handovers/{id}/decline",
            "The receiver declines, with a `reason`.",
            Some("HandoverStep"),
            "200",
            schema("Handover"),
            false,
            false,
        ),
        op(
            "get",
            "/api/v1/cases/{id}/followups",
            "Follow-up contacts scheduled from her return (1, 3, 6, 12 months), with outcomes and whether missed.",
            None,
            "200",
            json!({"type": "object"}),
            false,
            false,
        ),
        op(
            "post",
            "/api/v1/cases/{id}/followups/{fid}",
            "Record a follow-up: `outcome` (first-contact, family-visit, school-or-work, outcome) and `her_words`. An update goes to the organisation that handed her over only if she consented to follow-up news for it.",
            Some("FollowUpInput"),
            "200",
            json!({"type": "object"}),
            false,
            false,
        ),
        op(
            "get",
            "/api/v1/handovers/{id}/updates",
            "The follow-up updates that came back through this handover.",
            None,
            "200",
            json!({"type": "object"}),
            false,
            false,
        ),
        op(
            "post",
            "/api/v1/cases/{id}/repatriation",
            "Start her repatriation on a route (`route`, default IN-BD; `started_on`, default today): the route's steps are copied to her case.",
            Some("RepatriationStart"),
            "201",
            json!({"type": "object"}),
            false,
            false,
        ),
        op(
            "get",
            "/api/v1/cases/{id}/repatriation",
            "Her repatriation steps in order, with agency, due date, done date, whether overdue, and her preference.",
            None,
            "200",
            json!({"type": "object"}),
            false,
            false,
        ),
        op(
            "post",
            "/api/v1/cases/{id}/repatriation/{seq}",
            "Record a step: `done_on` and her informed preference (`her_preference`, required once done).",
            Some("RepatriationStep"),
            "200",
            json!({"type": "object"}),
            false,
            false,
        ),
    ]
}

/// Which `/api` routes the document describes, as (METHOD, path).
pub fn described() -> Vec<(String, &'static str)> {
    operations()
        .iter()
        .map(|o| (o.method.to_uppercase(), o.path))
        .collect()
}

fn problem_response(description: &str) -> Value {
    json!({
        "description": description,
        "content": { "application/problem+json": { "schema": schema("Problem") } }
    })
}

pub fn document() -> Value {
    let mut paths = serde_json::Map::new();
    for op in operations() {
        let mut responses = serde_json::Map::new();
        let mut ok = json!({
            "description": "Success.",
            "content": { "application/json": { "schema": op.ok_schema } }
        });
        if op.etag {
            ok["headers"] = json!({ "ETag": { "description": "The version, for If-Match.", "schema": {"type": "string"} } });
        }
        if op.ok_status == "204" {
            ok = json!({"description": "Done; no body."});
        }
        responses.insert(op.ok_status.into(), ok);
        if op.path != "/api/v1/openapi.json" {
            responses.insert("401".into(), problem_response("No valid bearer token."));
            responses.insert(
                "403".into(),
                problem_response("The policy refuses this to the token's user."),
            );
        }
        if op.path.contains("{id}") {
            responses.insert("404".into(), problem_response("No such record."));
        }
        let mut operation = json!({
            "summary": op.summary,
            "operationId": format!("{}{}", op.method, op.path.replace(['/', '{', '}', '.'], "_")),
            "responses": responses,
        });
        let mut parameters = Vec::new();
        if op.path.contains("{id}") {
            parameters.push(json!({"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}));
        }
        if op.path.contains("{cid}") {
            parameters.push(json!({"name": "cid", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}));
        }
        if op.path.contains("{seq}") {
            parameters.push(json!({"name": "seq", "in": "path", "required": true, "schema": {"type": "integer"}}));
        }
        if op.path.contains("{fid}") {
            parameters.push(json!({"name": "fid", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}));
        }
        if op.path.contains("{aid}") {
            parameters.push(json!({"name": "aid", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}));
        }
        if op.path.contains("{key}") {
            parameters.push(json!({"name": "key", "in": "path", "required": true, "schema": {"type": "string"}}));
            parameters.push(json!({"name": "version", "in": "query", "required": false, "schema": {"type": "integer"}}));
        }
        if op.path.contains("{nid}") {
            parameters.push(json!({"name": "nid", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}));
        }
        if op.path.contains("{doc}") {
            parameters.push(json!({"name": "doc", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}));
        }
        if op.path.ends_with("/documents") && op.method == "post" {
            operation["requestBody"] = json!({
                "required": true,
                "content": {"multipart/form-data": {"schema": {
                    "type": "object",
                    "required": ["section", "file"],
                    "properties": {
                        "section": {"type": "string", "enum": ["legal", "health", "psychosocial", "identity", "other"]},
                        "file": {"type": "string", "format": "binary"}
                    }
                }}}
            });
            operation["responses"]["413"] =
                problem_response("The file is over 10 MB; nothing was written.");
            operation["responses"]["422"] = problem_response(
                "An empty file, a class documents cannot have, or a kind of file not allowed.",
            );
        }
        if op.path.ends_with("/calendar.ics") {
            operation["responses"]["200"] = json!({"description": "The calendar file.",
                "content": {"text/calendar": {"schema": {"type": "string"}}}});
        }
        if op.path.ends_with("/package") {
            operation["responses"]["200"] = json!({"description": "The package file.",
                "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}});
            operation["responses"]["422"] = problem_response(
                "Not ready to travel (a draft), the other side is on this server or not in the directory, or a consent no longer covers a section.",
            );
        }
        if op.path == "/api/v1/forms/xlsform" {
            operation["requestBody"] = json!({"required": true,
                "content": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {"schema": {"type": "string", "format": "binary"}}}});
            operation["responses"]["422"] = problem_response(
                "Not imported: `errors[].english` names each row that could not be taken and why.",
            );
        }
        if op.path == "/api/v1/handover-packages" {
            operation["requestBody"] = json!({"required": true,
                "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}});
            operation["responses"]["413"] = problem_response("Larger than 64 MiB.");
            operation["responses"]["422"] = problem_response(
                "Refused, with nothing written: `errors[0].message` says why (damaged, not for us, unknown sender, bad signature, unknown version, replay, a value refused by local rules).",
            );
            operation["responses"]["409"] = problem_response(
                "A voice entry or document in the package is already on this server; nothing written.",
            );
        }
        for name in ["role", "action"] {
            if op.path.contains(&format!("{{{name}}}")) {
                parameters.push(json!({"name": name, "in": "path", "required": true, "schema": {"type": "string"}}));
            }
        }
        if op.path.contains("{entry}") {
            parameters.push(json!({"name": "entry", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}));
        }
        if op.path == "/api/v1/cases" && op.method == "get" {
            for (name, kind) in [
                ("q", "string"),
                ("stage", "string"),
                ("mine", "boolean"),
                ("limit", "integer"),
                ("offset", "integer"),
            ] {
                parameters.push(json!({"name": name, "in": "query", "required": false, "schema": {"type": kind}}));
            }
        }
        if op.if_match {
            parameters.push(json!({"name": "If-Match", "in": "header", "required": true,
                "description": "The ETag read before the change.", "schema": {"type": "string"}}));
            operation["responses"]["412"] =
                problem_response("The record changed since that ETag; nothing was overwritten.");
            operation["responses"]["428"] = problem_response("If-Match is missing.");
        }
        if op.path == "/api/v1/audit" {
            parameters.push(json!({"name": "limit", "in": "query", "required": false,
                "schema": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 100}}));
        }
        if !parameters.is_empty() {
            operation["parameters"] = Value::Array(parameters);
        }
        if let Some(body) = op.body {
            operation["requestBody"] = json!({
                "required": true,
                "content": { "application/json": { "schema": schema(body) } }
            });
            operation["responses"]["400"] =
                problem_response("The body is not JSON of the expected shape.");
            operation["responses"]["409"] = problem_response("The name or username is taken.");
            operation["responses"]["422"] =
                problem_response("Fields are wrong; `errors` lists each.");
        }
        if op.path == "/api/v1/openapi.json" {
            operation["security"] = json!([]);
        }
        let entry = paths
            .entry(op.path.to_string())
            .or_insert_with(|| json!({}));
        entry[op.method] = operation;
    }

    let languages = json!({"type": "string", "enum": ["bn", "hi", "en"]});
    let roles = json!({"type": "array", "items": {"type": "string", "enum":
        ["network-admin", "director", "case-worker", "counsellor", "care-giver", "trainer", "survivor"]}});
    json!({
        "openapi": "3.0.3",
        "info": {
            "title": "Saathi API",
            "version": "1",
            "description": "Case management and continuity of care. Every error is application/problem+json; every update needs If-Match."
        },
        "servers": [{ "url": "/" }],
        "security": [{ "bearer": [] }],
        "paths": paths,
        "components": {
            "securitySchemes": {
                "bearer": { "type": "http", "scheme": "bearer", "description": "A token from `saathi token create`." }
            },
            "schemas": {
                "Organisation": {
                    "type": "object",
                    "required": ["id", "name", "kind", "country", "languages", "version", "created_at", "updated_at"],
                    "properties": {
                        "id": {"type": "string", "format": "uuid"},
                        "name": {"type": "string"},
                        "kind": {"type": "string", "enum": ["destination", "transit", "source", "community"]},
                        "country": {"type": "string", "pattern": "^[A-Z]{2}$"},
                        "district": {"type": "string", "nullable": true},
                        "languages": {"type": "array", "items": languages.clone()},
                        "version": {"type": "integer"},
                        "created_at": {"type": "string", "format": "date-time"},
                        "updated_at": {"type": "string", "format": "date-time"}
                    }
                },
                "EnrolInput": {"type": "object", "additionalProperties": false, "required": ["user"],
                    "properties": {"user": {"type": "string"}, "years_in_org": {"type": "integer"},
                        "childcare_needs": {"type": "boolean"}, "beyond_capacity": {"type": "boolean"}}},
                "AttendanceInput": {"type": "object", "additionalProperties": false, "required": ["enrolment", "day"],
                    "properties": {"enrolment": {"type": "string", "format": "uuid"}, "day": {"type": "string", "format": "date"}}},
                "DropoutInput": {"type": "object", "additionalProperties": false, "required": ["enrolment", "reason"],
                    "properties": {"enrolment": {"type": "string", "format": "uuid"},
                        "reason": {"type": "string", "enum": ["shelter-emergency", "childcare", "resigned", "other"]},
                        "note": {"type": "string"}}},
                "SurvivorInput": {"type": "object", "additionalProperties": false,
                    "properties": {"code": {"type": "string"}, "known_as": {"type": "string", "maxLength": 100},
                        "organisation": {"type": "string", "format": "uuid"}, "beyond_capacity": {"type": "boolean"}}},
                "PlaceDay": {"type": "object", "additionalProperties": false, "required": ["place", "day"],
                    "properties": {"place": {"type": "string", "format": "uuid"}, "day": {"type": "string", "format": "date"}}},
                "PlaceDropout": {"type": "object", "additionalProperties": false, "required": ["place", "reason"],
                    "properties": {"place": {"type": "string", "format": "uuid"},
                        "reason": {"type": "string", "enum": ["shelter-emergency", "childcare", "resigned", "other"]},
                        "note": {"type": "string"}}},
                "FeedbackInput": {"type": "object", "additionalProperties": false, "required": ["theme", "tone", "words"],
                    "properties": {"theme": {"type": "string", "enum": ["being-heard", "safety", "own-pace", "family", "livelihood", "dignity", "staff-attitude", "peer-support", "other"]},
                        "tone": {"type": "string", "enum": ["appreciation", "concern", "suggestion"]},
                        "words": {"type": "string", "maxLength": 4000}, "language": {"type": "string", "enum": ["bn", "hi", "en"]}}},
                "EvaluationInput": {"type": "object", "additionalProperties": false, "required": ["enrolment", "stage", "answers"],
                    "properties": {"enrolment": {"type": "string", "format": "uuid"}, "stage": {"type": "string", "enum": ["pre", "post"]},
                        "answers": {"type": "object"}}},
                "PeerInput": {"type": "object", "additionalProperties": false, "required": ["code", "role", "consent", "consent_language"],
                    "properties": {"code": {"type": "string"}, "role": {"type": "string", "enum": ["supporter", "educator", "leader"]},
                        "consent": {"type": "boolean"}, "consent_language": {"type": "string", "enum": ["bn", "hi", "en"]}}},
                "VisitInput": {"type": "object", "additionalProperties": false, "required": ["visitor_org", "host_org", "visited_on", "visitors", "learned"],
                    "properties": {"visitor_org": {"type": "string", "format": "uuid"}, "host_org": {"type": "string", "format": "uuid"},
                        "visited_on": {"type": "string", "format": "date"}, "visitors": {"type": "string"}, "learned": {"type": "string"}}},
                "GateInput": {"type": "object", "additionalProperties": false, "required": ["role", "action", "workshop"],
                    "properties": {"role": {"type": "string", "enum": ["director", "case-worker", "counsellor", "care-giver"]},
                        "action": {"type": "string", "enum": ["record-voice", "write-case-note", "write-psychosocial-note", "open-identity", "start-handover", "log-decision"]},
                        "workshop": {"type": "string"}}},
                "ScheduleInput": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["workshop", "venue", "starts_on"],
                    "properties": {
                        "workshop": {"type": "string"},
                        "venue": {"type": "string", "maxLength": 200},
                        "starts_on": {"type": "string", "format": "date"},
                        "ends_on": {"type": "string", "format": "date"},
                        "announced_on": {"type": "string", "format": "date"},
                        "capacity": {"type": "integer", "minimum": 1, "maximum": 200},
                        "facilitators": {"type": "array", "items": {"type": "object",
                            "required": ["name"], "properties": {"name": {"type": "string"}, "mental_health": {"type": "boolean"}}}},
                        "trainers": {"type": "array", "items": {"type": "string"}}
                    }
                },
                "FormDefinition": {
                    "type": "object",
                    "required": ["key", "title", "sections"],
                    "properties": {
                        "key": {"type": "string", "pattern": "^[a-z0-9_-]{1,64}$"},
                        "title": {"type": "object"},
                        "sections": {"type": "array", "items": {"type": "object"}},
                        "choice_lists": {"type": "object"}
                    }
                },
                "AssessmentInput": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["form", "answers"],
                    "properties": {
                        "form": {"type": "string"},
                        "version": {"type": "integer"},
                        "answers": {"type": "object"}
                    }
                },
                "TranslationInput": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["language", "text", "translator"],
                    "properties": {
                        "language": languages.clone(),
                        "text": {"type": "string", "maxLength": 10000},
                        "translator": {"type": "string", "maxLength": 200}
                    }
                },
                "GlossaryTerm": {
                    "type": "object",
                    "required": ["id", "term", "synonyms", "explanations", "version", "updated_at"],
                    "properties": {
                        "id": {"type": "string", "format": "uuid"},
                        "term": {"type": "string"},
                        "synonyms": {"type": "array", "items": {"type": "string"}},
                        "explanations": {"type": "object", "required": ["bn", "hi", "en"], "properties": {
                            "bn": {"type": "string"}, "hi": {"type": "string"}, "en": {"type": "string"}}},
                        "version": {"type": "integer"},
                        "updated_at": {"type": "string", "format": "date-time"}
                    }
                },
                "GlossaryTermInput": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["term", "explanation_bn", "explanation_hi", "explanation_en"],
                    "properties": {
                        "term": {"type": "string", "maxLength": 100},
                        "synonyms": {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}, "maxItems": 20}]},
                        "explanation_bn": {"type": "string", "maxLength": 1000},
                        "explanation_hi": {"type": "string", "maxLength": 1000},
                        "explanation_en": {"type": "string", "maxLength": 1000}
                    }
                },
                "GlossaryScan": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["text"],
                    "properties": {
                        "text": {"type": "string", "maxLength": 2000000},
                        "language": {"type": "string", "enum": ["bn", "hi", "en"], "description": "The language of the explanations; default: the caller's."}
                    }
                },
                "GlossaryScanResult": {
                    "type": "object",
                    "required": ["language", "matches"],
                    "properties": {
                        "language": {"type": "string"},
                        "matches": {"type": "array", "items": {"type": "object",
                            "required": ["term", "found", "start", "end", "explanation"],
                            "properties": {
                                "term": {"type": "string", "description": "The glossary term."},
                                "found": {"type": "string", "description": "The words as written in the text."},
                                "start": {"type": "integer", "description": "Character offset (Unicode scalar values) where it starts."},
                                "end": {"type": "integer", "description": "Character offset just after it."},
                                "explanation": {"type": "string"}
                            }}}
                    }
                },
                "ImportedPackage": {
                    "type": "object",
                    "required": ["kind", "handover_id", "case_id", "case_code", "from", "state", "updates"],
                    "properties": {
                        "kind": {"type": "string", "enum": ["handover", "receipt"]},
                        "handover_id": {"type": "string", "format": "uuid"},
                        "case_id": {"type": "string", "format": "uuid"},
                        "case_code": {"type": "string"},
                        "from": {"type": "string", "description": "The sending organisation's name."},
                        "state": {"type": "string"},
                        "updates": {"type": "integer", "description": "Follow-up updates an answer brought that were new here."}
                    }
                },
                "OrganisationInput": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["name", "kind", "country"],
                    "properties": {
                        "name": {"type": "string", "maxLength": 200},
                        "kind": {"type": "string", "enum": ["destination", "transit", "source", "community"]},
                        "country": {"type": "string", "pattern": "^[A-Za-z]{2}$"},
                        "district": {"type": "string", "nullable": true, "maxLength": 100},
                        "languages": {"type": "array", "items": languages.clone()}
                    }
                },
                "User": {
                    "type": "object",
                    "required": ["id", "organisation_id", "username", "roles", "language", "active", "version", "created_at", "updated_at"],
                    "properties": {
                        "id": {"type": "string", "format": "uuid"},
                        "organisation_id": {"type": "string", "format": "uuid"},
                        "username": {"type": "string"},
                        "display_name": {"type": "string", "nullable": true},
                        "roles": roles.clone(),
                        "language": languages.clone(),
                        "active": {"type": "boolean"},
                        "version": {"type": "integer"},
                        "created_at": {"type": "string", "format": "date-time"},
                        "updated_at": {"type": "string", "format": "date-time"}
                    }
                },
                "NewUser": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["username", "roles", "password"],
                    "properties": {
                        "username": {"type": "string", "pattern": "^[a-z0-9._-]{3,64}$"},
                        "display_name": {"type": "string", "nullable": true},
                        "roles": roles.clone(),
                        "language": languages.clone(),
                        "password": {"type": "string", "minLength": 12, "writeOnly": true}
                    }
                },
                "UserUpdate": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["roles", "language", "active"],
                    "properties": {
                        "display_name": {"type": "string", "nullable": true},
                        "roles": roles,
                        "language": languages.clone(),
                        "active": {"type": "boolean"}
                    }
                },
                "Me": {
                    "type": "object",
                    "required": ["user", "organisation", "roles", "language"],
                    "properties": {
                        "user": schema("User"),
                        "organisation": schema("Organisation"),
                        "roles": {"type": "array", "items": {"type": "string"}},
                        "language": languages
                    }
                },
                "TwoFactorRoles": {
                    "type": "object",
                    "required": ["roles"],
                    "properties": {
                        "roles": {"type": "array", "items": {"type": "string", "enum":
                            ["network-admin", "director", "case-worker", "counsellor", "care-giver", "trainer", "survivor"]}}
                    }
                },
                "AuditEntries": {
                    "type": "object",
                    "required": ["entries"],
                    "properties": {
                        "entries": {"type": "array", "items": {
                            "type": "object",
                            "required": ["seq", "at", "action", "subject", "source", "hash"],
                            "properties": {
                                "seq": {"type": "integer"},
                                "at": {"type": "string", "format": "date-time"},
                                "actor": {"type": "string", "format": "uuid", "nullable": true},
                                "actor_organisation": {"type": "string", "format": "uuid", "nullable": true},
                                "action": {"type": "string"},
                                "subject": {"type": "string"},
                                "organisation": {"type": "string", "format": "uuid", "nullable": true},
                                "source": {"type": "string"},
                                "detail": {"nullable": true},
                                "hash": {"type": "string"}
                            }
                        }}
                    }
                },
                "Case": {
                    "type": "object",
                    "required": ["id", "code", "custodian", "stage", "assigned", "opened_at", "version", "updated_at"],
                    "properties": {
                        "id": {"type": "string", "format": "uuid"},
                        "code": {"type": "string", "example": "K7QM-4P2D"},
                        "custodian": {"type": "string", "format": "uuid"},
                        "stage": {"type": "string", "enum": ["identified", "in-care", "preparing-return", "in-transit", "returned", "reintegrating", "follow-up", "closed"]},
                        "assigned": {"type": "array", "items": {"type": "string", "format": "uuid"}},
                        "opened_at": {"type": "string", "format": "date-time"},
                        "version": {"type": "integer"},
                        "updated_at": {"type": "string", "format": "date-time"}
                    }
                },
                "CaseList": {
                    "type": "object",
                    "required": ["cases"],
                    "properties": {"cases": {"type": "array", "items": schema("Case")}}
                },
                "Identity": {
                    "type": "object",
                    "properties": {
                        "name": {"type": "string", "maxLength": 500},
                        "family": {"type": "string", "maxLength": 500},
                        "address": {"type": "string", "maxLength": 500}
                    }
                },
                "NewCase": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["identity"],
                    "properties": {"identity": schema("Identity")}
                },
                "VoiceInput": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["kind", "text", "language"],
                    "properties": {
                        "kind": {"type": "string", "enum": ["hope", "fear", "plan", "preference", "feedback"]},
                        "text": {"type": "string", "minLength": 1, "maxLength": 5000},
                        "language": languages.clone(),
                        "spoken_on": {"type": "string", "format": "date", "description": "Default: today."},
                        "read_back": {"type": "boolean", "default": false}
                    }
                },
                "VoiceEntry": {
                    "type": "object",
                    "required": ["id", "version", "kind", "text", "language", "spoken_on", "read_back", "recorded_by", "recorded_at"],
                    "properties": {
                        "id": {"type": "string", "format": "uuid"},
                        "version": {"type": "integer"},
                        "kind": {"type": "string"},
                        "text": {"type": "string"},
                        "language": languages.clone(),
                        "spoken_on": {"type": "string", "format": "date"},
                        "read_back": {"type": "boolean"},
                        "recorded_by": {"type": "string", "format": "uuid"},
                        "recorded_at": {"type": "string", "format": "date-time"}
                    }
                },
                "VoiceList": {
                    "type": "object",
                    "required": ["entries"],
                    "properties": {"entries": {"type": "array", "items": schema("VoiceEntry")}}
                },
                "DecisionInput": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["what", "decided_by", "participation"],
                    "properties": {
                        "topic": {"type": "string", "enum": ["general", "plan", "closure"], "default": "general"},
                        "what": {"type": "string"},
                        "decided_by": {"type": "string"},
                        "options": {"type": "array", "items": {"type": "string"}},
                        "her_choice": {"type": "string"},
                        "participation": {"type": "string", "enum": ["decided-with-her", "consulted", "informed", "absent"]},
                        "her_view": {"type": "string", "description": "Required when she decided or was consulted."},
                        "absent_reason": {"type": "string", "description": "Required when she was absent."}
                    }
                },
                "Decision": {
                    "type": "object",
                    "required": ["id", "topic", "what", "decided_by", "options", "participation", "recorded_by", "recorded_at"],
                    "properties": {
                        "id": {"type": "string", "format": "uuid"},
                        "topic": {"type": "string"},
                        "what": {"type": "string"},
                        "decided_by": {"type": "string"},
                        "options": {"type": "array", "items": {"type": "string"}},
                        "her_choice": {"type": "string"},
                        "participation": {"type": "string"},
                        "her_view": {"type": "string"},
                        "absent_reason": {"type": "string"},
                        "recorded_by": {"type": "string", "format": "uuid"},
                        "recorded_at": {"type": "string", "format": "date-time"}
                    }
                },
                "DecisionList": {
                    "type": "object",
                    "required": ["decisions"],
                    "properties": {"decisions": {"type": "array", "items": schema("Decision")}}
                },
                "ConsentInput": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["purpose", "explained_how", "explained_in", "explained_by"],
                    "properties": {
                        "purpose": {"type": "string", "enum": ["services", "sharing", "follow-up-updates", "statistics"]},
                        "section": {"type": "string", "enum": ["legal", "health", "psychosocial", "identity", "voice", "other"], "description": "Required for sharing."},
                        "organisation": {"type": "string", "format": "uuid", "description": "Required for sharing and follow-up updates."},
                        "explained_how": {"type": "string"},
                        "explained_in": languages.clone(),
                        "explained_by": {"type": "string"},
                        "expires_on": {"type": "string", "format": "date"}
                    }
                },
                "Consent": {
                    "type": "object",
                    "required": ["id", "purpose", "explained_how", "explained_in", "explained_by", "status", "recorded_by", "recorded_at"],
                    "properties": {
                        "id": {"type": "string", "format": "uuid"},
                        "purpose": {"type": "string"},
                        "section": {"type": "string", "nullable": true},
                        "organisation": {"type": "string", "format": "uuid", "nullable": true},
                        "explained_how": {"type": "string"},
                        "explained_in": {"type": "string"},
                        "explained_by": {"type": "string"},
                        "expires_on": {"type": "string", "format": "date", "nullable": true},
                        "status": {"type": "string", "enum": ["active", "revoked", "expired"]},
                        "recorded_by": {"type": "string", "format": "uuid"},
                        "recorded_at": {"type": "string", "format": "date-time"},
                        "revoked_at": {"type": "string", "format": "date-time", "nullable": true},
                        "revoked_reason": {"type": "string", "nullable": true}
                    }
                },
                "ConsentList": {
                    "type": "object",
                    "required": ["consents"],
                    "properties": {"consents": {"type": "array", "items": schema("Consent")}}
                },
                "Revoke": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["reason"],
                    "properties": {"reason": {"type": "string", "minLength": 1}}
                },
                "Readings": {
                    "type": "object",
                    "required": ["readings"],
                    "properties": {"readings": {"type": "array", "items": {
                        "type": "object",
                        "properties": {
                            "organisation": {"type": "string"},
                            "roles": {"type": "array", "items": {"type": "string"}},
                            "day": {"type": "string", "format": "date"},
                            "what": {"type": "string", "enum": ["record", "identity"]},
                            "times": {"type": "integer"}
                        }
                    }}}
                },
                "PlanBody": {
                    "type": "object",
                    "additionalProperties": false,
                    "properties": {"goals": {"type": "array", "items": {
                        "type": "object",
                        "required": ["domain", "goal", "set_by", "status"],
                        "properties": {
                            "domain": {"type": "string", "enum": ["safety", "health", "wellbeing", "family", "livelihood", "justice"]},
                            "goal": {"type": "string", "maxLength": 2000},
                            "set_by": {"type": "string", "enum": ["her", "team", "order"]},
                            "target": {"type": "string", "format": "date", "nullable": true},
                            "status": {"type": "string", "enum": ["open", "in-progress", "achieved", "dropped"]},
                            "actions": {"type": "array", "items": {
                                "type": "object",
                                "required": ["what", "set_by", "status"],
                                "properties": {
                                    "what": {"type": "string"},
                                    "responsible": {"type": "string", "format": "uuid", "nullable": true},
                                    "target": {"type": "string", "format": "date", "nullable": true},
                                    "set_by": {"type": "string", "enum": ["her", "team", "order"]},
                                    "status": {"type": "string", "enum": ["open", "in-progress", "achieved", "dropped"]}
                                }
                            }}
                        }
                    }}}
                },
                "Plan": {
                    "type": "object",
                    "required": ["version", "goals", "reviews"],
                    "properties": {
                        "version": {"type": "integer"},
                        "approved_version": {"type": "integer", "nullable": true},
                        "updated_at": {"type": "string", "format": "date-time"},
                        "goals": {"type": "array", "items": {"type": "object"}},
                        "reviews": {"type": "array", "items": {"type": "object"}}
                    }
                },
                "PlanReview": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["agreement", "her_words"],
                    "properties": {
                        "agreement": {"type": "string", "enum": ["agreed", "partly", "disagreed"]},
                        "her_words": {"type": "string"},
                        "notes": {"type": "string"}
                    }
                },
                "NoteInput": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["kind", "text", "language"],
                    "properties": {
                        "kind": {"type": "string", "enum": ["case", "psychosocial", "daily", "incident"]},
                        "text": {"type": "string", "maxLength": 10000},
                        "language": languages.clone(),
                        "response": {"type": "string", "enum": ["positive", "punitive"], "description": "Incidents only (required)."},
                        "response_text": {"type": "string", "description": "Incidents only (required): what was done."}
                    }
                },
                "Note": {
                    "type": "object",
                    "required": ["id", "kind", "text", "language", "written_by", "written_at"],
                    "properties": {
                        "id": {"type": "string", "format": "uuid"},
                        "kind": {"type": "string"},
                        "text": {"type": "string"},
                        "language": {"type": "string"},
                        "response": {"type": "string", "nullable": true},
                        "response_text": {"type": "string", "nullable": true},
                        "written_by": {"type": "string", "format": "uuid"},
                        "written_at": {"type": "string", "format": "date-time"}
                    }
                },
                "NoteList": {
                    "type": "object",
                    "required": ["notes"],
                    "properties": {"notes": {"type": "array", "items": schema("Note")}}
                },
                "Document": {
                    "type": "object",
                    "required": ["id", "section", "name", "media_type", "size", "uploaded_by", "uploaded_at"],
                    "properties": {
                        "id": {"type": "string", "format": "uuid"},
                        "section": {"type": "string"},
                        "name": {"type": "string"},
                        "media_type": {"type": "string"},
                        "size": {"type": "integer"},
                        "uploaded_by": {"type": "string", "format": "uuid"},
                        "uploaded_at": {"type": "string", "format": "date-time"}
                    }
                },
                "DocumentList": {
                    "type": "object",
                    "required": ["documents"],
                    "properties": {"documents": {"type": "array", "items": schema("Document")}}
                },
                "LinkSurvivor": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["user"],
                    "properties": {"user": {"type": "string", "format": "uuid"}}
                },
                "HandoverStart": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["to", "reason"],
                    "properties": {
                        "to": {"type": "string", "format": "uuid"},
                        "reason": {"type": "string"},
                        "sections": {"type": "array", "items": {"type": "string", "enum": ["legal", "health", "psychosocial", "identity", "voice", "other"]}}
                    }
                },
                "HandoverStep": {
                    "type": "object",
                    "additionalProperties": false,
                    "properties": {"reason": {"type": "string"}, "gaps_reason": {"type": "string"}}
                },
                "Handover": {
                    "type": "object",
                    "required": ["id", "case", "from", "to", "state", "sections", "gaps", "version"],
                    "properties": {
                        "id": {"type": "string", "format": "uuid"},
                        "case": {"type": "string", "format": "uuid"},
                        "from": {"type": "string", "format": "uuid"},
                        "to": {"type": "string", "format": "uuid"},
                        "state": {"type": "string", "enum": ["draft", "sent", "acknowledged", "accepted", "declined"]},
                        "reason": {"type": "string"},
                        "sections": {"type": "array", "items": {"type": "string"}},
                        "score": {"type": "integer", "nullable": true},
                        "gaps": {"type": "array", "items": {"type": "string"}},
                        "gaps_reason": {"type": "string"},
                        "decline_reason": {"type": "string"},
                        "created_at": {"type": "string", "format": "date-time"},
                        "sent_at": {"type": "string", "format": "date-time", "nullable": true},
                        "acknowledged_at": {"type": "string", "format": "date-time", "nullable": true},
                        "decided_at": {"type": "string", "format": "date-time", "nullable": true},
                        "version": {"type": "integer"}
                    }
                },
                "FollowUpInput": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["outcome"],
                    "properties": {
                        "outcome": {"type": "string", "enum": ["first-contact", "family-visit", "school-or-work", "outcome"]},
                        "her_words": {"type": "string"}
                    }
                },
                "RepatriationStart": {
                    "type": "object",
                    "additionalProperties": false,
                    "properties": {"route": {"type": "string", "default": "IN-BD"}, "started_on": {"type": "string", "format": "date"}}
                },
                "RepatriationStep": {
                    "type": "object",
                    "additionalProperties": false,
                    "properties": {"done_on": {"type": "string", "format": "date"}, "her_preference": {"type": "string"}}
                },
                "StageChange": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["stage", "reason"],
                    "properties": {
                        "stage": {"type": "string"},
                        "reason": {"type": "string", "minLength": 1, "maxLength": 2000}
                    }
                },
                "Problem": {
                    "type": "object",
                    "required": ["type", "title", "status", "detail", "code"],
                    "properties": {
                        "type": {"type": "string"},
                        "title": {"type": "string"},
                        "status": {"type": "integer"},
                        "detail": {"type": "string"},
                        "code": {"type": "string"},
                        "errors": {"type": "array", "items": {
                            "type": "object",
                            "properties": {
                                "field": {"type": "string"},
                                "code": {"type": "string"},
                                "message": {"type": "string"}
                            }
                        }},
                        "current_etag": {"type": "string"}
                    }
                }
            }
        }
    })
}
