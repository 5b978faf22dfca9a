# Saathi — English interface text. Message ids are grouped by page, in kebab-case.
# Every id here must exist in bn/main.ftl and hi/main.ftl (a test checks).

app-name = Saathi
app-tagline = Continuity of care, with her

## Navigation and layout
nav-home = Home
nav-organisations = Organisations
nav-users = Users
nav-audit = Audit trail
nav-account = My account
nav-language = Language
nav-sign-out = Sign out
nav-skip = Skip to content
nav-main = Main menu
nav-menu = Menu
signed-in-as = Signed in as { $name }

## Sign-in
sign-in-title = Sign in
sign-in-username = Username
sign-in-password = Password
sign-in-submit = Sign in
sign-in-failed = The username or password is not right. Please try again.
sign-in-throttled = Too many failed attempts. Please wait { $minutes } minutes and try again.
sign-in-signed-out = You have signed out.
sign-in-intro = Saathi keeps a survivor's care together as she moves between organisations.

## Home
home-title = Home
home-welcome = Welcome, { $name }
home-organisation = Your organisation: { $organisation }
home-roles = Your roles: { $roles }
home-admin-heading = The network
home-admin-organisations = { $count ->
    [one] { $n } organisation
   *[other] { $n } organisations
}
home-director-heading = Your organisation
home-cases-heading = Cases
home-cases-empty = No cases are assigned to you yet.
home-training-heading = Training programme
home-training-empty = No workshops are scheduled yet.
home-survivor-heading = Your record
home-survivor-empty = Your plan and your own words will appear here.

## Account
account-title = My account
account-language = Interface language
account-password-heading = Change password
account-password-current = Current password
account-password-new = New password
account-password-hint = At least 12 characters. A short sentence is easy to remember and hard to guess.
account-password-submit = Change password
account-password-changed = Your password has been changed. Please sign in again.
account-password-wrong = The current password is not right.

## Organisations
organisations-title = Organisations
organisations-empty = No organisations yet.
organisations-add = Add an organisation
organisation-new-title = New organisation
organisation-edit-title = Edit organisation
organisation-name = Name
organisation-kind = Kind
organisation-country = Country (two-letter code)
organisation-district = District
organisation-languages = Working languages
organisation-save = Save
organisation-created = The organisation has been added.
organisation-updated = The organisation has been saved.
organisation-conflict = Someone else changed this organisation while you were editing. The current version is shown below; your changes are kept in the form. Save again to replace it.
organisation-current-version = Current version
organisation-users-link = Users of this organisation

## Organisation kinds
org-kind-destination = Destination organisation
org-kind-transit = Transit home
org-kind-source = Source-area organisation
org-kind-community = Community-based organisation

## Users
users-title = Users of { $organisation }
users-empty = This organisation has no users yet.
users-add = Add a user
users-count = { $count ->
    [one] { $n } user
   *[other] { $n } users
}
user-new-title = New user
user-edit-title = Edit user
user-username = Username
user-display-name = Name shown to others
user-roles = Roles
user-language = Preferred language
user-password = Password
user-active = Account active
user-inactive = Inactive
user-save = Save
user-created = The user has been added.
user-updated = The user has been saved.
user-conflict = Someone else changed this user while you were editing. Review the current values and save again.

## Roles
role-network-admin = Network administrator
role-director = Director
role-case-worker = Case worker
role-counsellor = Counsellor
role-care-giver = Care-giver
role-trainer = Trainer
role-survivor = Survivor

## Audit trail
audit-title = Audit trail
audit-case = Case { $code }
audit-older = Older entries
audit-newest = The newest entries
audit-empty = Nothing has been recorded yet.
audit-when = When
audit-who = Who
audit-what = What
audit-subject = About
audit-source = From
audit-action-sign-in = Signed in
audit-action-sign-in-failed = Failed sign-in
audit-action-sign-in-throttled = Sign-in blocked after repeated failures
audit-action-sign-out = Signed out
audit-action-organisation-created = Organisation added
audit-action-organisation-updated = Organisation changed
audit-action-user-created = User added
audit-action-user-updated = User changed
audit-action-password-changed = Password changed
audit-action-token-created = API token created
audit-action-token-revoked = API token revoked
audit-action-demo-loaded = Demo network loaded

## Field errors
error-required = This field is required.
error-invalid-id = This is not a valid id.
error-unknown-language = Choose Bengali, Hindi or English.
error-unknown-role = Choose a role from the list.
error-unknown-org-kind = Choose destination, transit, source or community.
error-invalid-country = Enter a two-letter country code, such as IN, BD or NP.
error-empty-org-name = Enter the organisation's name.
error-org-name-too-long = The name can be at most 200 characters.
error-district-too-long = The district can be at most 100 characters.
error-invalid-username = A username has 3 to 64 characters: small English letters, digits, dot, hyphen or underscore.
error-display-name-too-long = The name can be at most 120 characters.
error-no-roles = Choose at least one role.
error-password-too-short = The password must be at least 12 characters long.
error-password-too-common = This password is too common. Choose a longer, less predictable one.
error-password-contains-username = The password must not contain the username.
error-duplicate-username = This username is already taken.
error-duplicate-organisation = An organisation with this name already exists.
error-database-url = The database address is not valid.
error-conflict = Someone else changed this record meanwhile.
error-not-found = Not found.
error-internal = Something went wrong on our side.

## Refusals
forbidden-role = Your role does not allow this.
forbidden-other-organisation = This belongs to another organisation.

## Problems (error pages and API errors)
problem-sign-in-required-title = Sign-in required
problem-sign-in-required-detail = Please sign in to continue.
problem-forbidden-title = Not allowed
problem-csrf-failed-title = The form has expired
problem-csrf-failed-detail = This form was open too long or came from elsewhere. Please go back, reload the page and try again.
problem-not-found-title = Not found
problem-not-found-detail = There is nothing at this address.
problem-malformed-title = The request could not be read
problem-malformed-detail = The request was not in the expected form.
problem-invalid-title = Some fields need attention
problem-invalid-detail = Please correct the fields listed.
problem-duplicate-title = Already exists
problem-precondition-failed-title = Changed meanwhile
problem-precondition-failed-detail = The record was changed after you read it. Read it again and repeat your change.
problem-precondition-required-title = Version required
problem-precondition-required-detail = Send the If-Match header with the ETag you read, so that no one's change is overwritten.
problem-throttled-title = Too many attempts
problem-throttled-detail = Too many failed sign-ins. Please wait and try again.
problem-internal-title = Something went wrong
problem-internal-detail = Something went wrong on our side. Your input was not saved; please try again.
problem-back-home = Back to the home page

## Cases
nav-cases = Cases
home-cases-all = All cases of your organisation
home-my-cases = { $count ->
    [one] You carry { $n } case
   *[other] You carry { $n } cases
}
cases-title = Cases
cases-search = Search her words
cases-search-hint = A search looks in the words recorded in the cases assigned to you. Part of a word is enough: “school” finds “schools”.
cases-any-stage = Any stage
cases-mine = Only cases assigned to me
cases-code-filter = Case code begins with
cases-opened-from = Opened on or after
cases-opened-to = Opened on or before
cases-filter = Show
cases-none-found = No case assigned to you has these words.
cases-empty = No cases to show.
cases-assigned-to-me = assigned to me
case-code = Case code
case-stage = Stage
case-opened = Opened
case-new-title = Open a new case
case-new-intro = Her name, family and address are kept apart from the case and shown only to the staff assigned to her. Everywhere else she is known by her case code.
case-open = Open the case
case-title = Case { $code }
case-created = The case has been opened. You are assigned to it.
case-conflict = Someone else changed this case while you were working. The page shows it as it is now; your reason is kept in the form.
case-summary-only = You see this case in summary. Only the staff assigned to her see her words and her journey.

## Identity section
identity-name = Her name
identity-family = Family
identity-address = Address
identity-open = Open the identity section (this is recorded)
identity-title = Identity for case { $code }
identity-recorded = This opening has been recorded in the audit trail.
identity-back = Back to the case

## Her voice
voice-heading = Her voice
voice-empty = Nothing in her own words yet. Ask her what she hopes for, what she fears and what she wants.
voice-corrected = corrected
voice-read-back = read back to her
voice-not-read-back = not yet read back to her
voice-add = Record her words
voice-kind = Kind
voice-text = Her words
voice-text-hint = Write what she said as she said it, in the language she used.
voice-language = Language she spoke
voice-spoken-on = Date she said it
voice-read-back-check = I read this back to her and she agreed it is what she said
voice-save = Save her words
voice-saved = Her words have been saved.
voice-meta = Spoken on, recorded by: { $when }
voice-kind-hope = Hope
voice-kind-fear = Fear
voice-kind-plan = Plan
voice-kind-preference = Preference
voice-kind-feedback = Feedback

## The journey
journey-heading = The journey
journey-empty = The case has not moved yet.
stage-change = Change the stage
stage-to = New stage
stage-reason = Why
stage-save = Change the stage
stage-saved = The stage has been changed.
stage-identified = Identified
stage-in-care = In care
stage-preparing-return = Preparing return
stage-in-transit = In transit
stage-returned = Returned
stage-reintegrating = Reintegrating
stage-follow-up = Follow-up
stage-closed = Closed

## Case errors
error-unknown-stage = Choose a stage from the list.
error-stage-unchanged = The case is already at this stage.
error-stage-skipped = A case moves one stage at a time. Choose the next or the previous stage.
error-case-closed = This case is closed.
error-reason-required = Say why.
error-unknown-voice-kind = Choose hope, fear, plan, preference or feedback.
error-empty-text = Write what she said.
error-text-too-long = The text is too long.
error-invalid-date = Enter a date such as 2026-11-29.
error-date-in-future = The date is in the future.
error-date-before-case = The date is before the case was opened.
error-invalid-case-code = This is not a case code.
forbidden-not-assigned = Only the staff assigned to this case may do this.
audit-action-case-created = Case opened
audit-action-case-stage-changed = Case stage changed
audit-action-case-viewed = Case read
audit-action-identity-opened = Identity section opened
audit-action-voice-recorded = Her words recorded
audit-action-voice-corrected = Her words corrected

## Decision log
decisions-heading = Decisions
decisions-empty = No decision has been logged yet.
decision-add = Log a decision
decision-topic = About
decision-topic-general = A decision about her care
decision-topic-plan = Approving the case plan
decision-topic-closure = Closing the case
decision-what = What was decided
decision-decided-by = Who decided
decision-options = Options she was given
decision-options-hint = One option on each line.
decision-her-choice = What she chose
decision-participation = Her part in the decision
decision-her-view = Her view, in her words
decision-absent-reason = Why she could not take part
decision-save = Log the decision
decision-saved = The decision has been logged.
participation-decided-with-her = Decided with her
participation-consulted = She was consulted
participation-informed = She was informed afterwards
participation-absent = She could not take part
error-unknown-participation = Choose how far she took part.
error-participation-required = Say how far she took part in the decision.
error-unknown-decision-topic = Choose what the decision is about.
error-closure-needs-decision = Closing a case needs a logged decision about closing it, with her participation or the reason she could not take part.
audit-action-decision-logged = Decision logged

## Consent
consents-heading = Her consents
consents-empty = No consent has been recorded yet.
consent-add = Record a consent
consent-purpose = What she agrees to
consent-section = Which part of her record (for sharing)
consent-organisation = With which organisation
consent-explained-how = How it was explained to her
consent-explained-in = Language it was explained in
consent-explained-by = Who explained it
consent-expires-on = Last day it holds (leave empty if it does not end)
consent-save = Record the consent
consent-saved = The consent has been recorded.
consent-revoke = Revoke
consent-revoke-reason = Why
consent-revoked-notice = The consent has been revoked. From now on it covers nothing.
consent-active = in force
consent-active-until = in force until { $date }
consent-revoked = revoked
consent-expired = expired
purpose-services = Receiving services
purpose-sharing = Sharing part of her record
purpose-follow-up-updates = Follow-up news to the organisation that sent her
purpose-statistics = Being counted in anonymous statistics
section-legal = Legal
section-health = Health
section-psychosocial = Psychosocial
section-identity = Identity
section-voice = Her voice, plan and decisions
section-other = Other
error-unknown-purpose = Choose what she agrees to.
error-unknown-section = Choose a part of her record from the list.
error-organisation-required = Name the organisation.
error-section-required = Choose which part of her record may be shared.
error-date-in-past = The date is in the past.
error-no-consent = No consent in force covers this. Ask her, and record her consent first.
error-already-revoked = This consent is already revoked.
error-unknown-organisation = This organisation is not in the directory.
audit-action-consent-recorded = Consent recorded
audit-action-consent-revoked = Consent revoked

## Who has read her record
readers-heading = Who has read her record
readers-hint = Every reading of her record and of her identity is listed here: which organisation, which kind of worker, and when. She can ask to see this list.
readers-organisation = Organisation
readers-day = Day
readers-what = What was read
readers-times = Times
readers-record = Her record
readers-identity = Her identity

## Case plan
plan-link = Her case plan
plan-title = Case plan for { $code }
plan-print = Printable view
plan-empty = The plan has no goals yet. Start with what she wants for herself.
plan-status = Status
plan-status-save = Change status
plan-add-goal = Add a goal
plan-domain = Area of her life
plan-goal = Goal
plan-set-by = Who set it
plan-target = Target date
plan-target-on = by { $date }
plan-add-action = Add an action
plan-action = Action
plan-responsible = Organisation responsible
plan-review = Review the plan with her
plan-agreement = Does she agree with the plan?
plan-her-words = What she says about it, in her words
plan-review-notes = Notes of the review
plan-review-save = Record the review
plan-approve = Approve this version of the plan
plan-reviews = Reviews with her
plan-reviews-empty = The plan has not been reviewed with her yet.
plan-approved-current = This version of the plan is approved.
plan-approved-older = An earlier version was approved; this one is not yet.
plan-not-approved = The plan is not approved yet.
plan-conflict = Someone else changed the plan while you were working. The plan below is the newer one; your change is kept in its form — look at both and save again if it still applies.
goal-domain-safety = Safety
goal-domain-health = Health
goal-domain-wellbeing = Emotional wellbeing
goal-domain-family = Family and community
goal-domain-livelihood = Education and livelihood
goal-domain-justice = Justice as she defines it
set-by-her = set by her
set-by-team = set by the team
set-by-order = set by a court or police order
goal-status-open = not started
goal-status-in-progress = in progress
goal-status-achieved = achieved
goal-status-dropped = dropped
agreement-agreed = She agrees
agreement-partly = She partly agrees
agreement-disagreed = She disagrees
error-unknown-goal-domain = Choose an area of her life from the list.
error-unknown-set-by = Say who set it: she, the team, or a court or police order.
error-unknown-goal-status = Choose a status from the list.
error-unknown-agreement = Say whether she agrees, partly agrees or disagrees.
error-too-many-goals = The plan has too many goals.
error-plan-needs-decision = Approving the plan needs a logged decision about the plan, with her participation or the reason she could not take part.
audit-action-plan-saved = Case plan saved
audit-action-plan-approved = Case plan approved
audit-action-plan-reviewed = Case plan reviewed with her

## Notes
notes-heading = Notes
notes-empty = No notes yet.
note-add = Write a note
note-kind = Kind of note
note-text = Note
note-response = Response taken (incidents only)
note-response-text = What was done
note-save = Save the note
note-saved = The note has been saved.
note-kind-case = Case note
note-kind-psychosocial = Psychosocial note (counsellors only)
note-kind-daily = Daily care note
note-kind-incident = Incident in the shelter
response-positive = Positive discipline
response-punitive = Punitive measure
error-unknown-note-kind = Choose a kind of note from the list.
error-unknown-response = Choose positive discipline or punitive measure.
error-response-required = Say what response was taken.
audit-action-note-written = Note written

## Documents
documents-heading = Documents
documents-empty = No documents attached.
document-section = Part of her record
document-file = File
document-hint = A paper as PDF, JPEG or PNG (at most 10 MB), or a recording from a phone: MP3, M4A, OGG/Opus, AMR or WebM (at most 25 MB). Opening a document is recorded.
document-save = Attach
document-saved = The document has been attached.
error-empty-file = The file is empty.
error-file-too-large = The file is too large: a paper may be 10 MB, a recording 25 MB. Scan it at a lower resolution, or split it.
error-file-type = Only PDF, JPEG and PNG papers and MP3, M4A, OGG, AMR or WebM recordings can be attached.
problem-too-large-title = Too large
problem-too-large-detail = The file is larger than Saathi takes (10 MB for a paper, 25 MB for a recording). Nothing was saved.
audit-action-document-added = Document attached
audit-action-document-opened = Document opened

cases-overdue = Plan review overdue (not reviewed with her for 90 days)

voice-correct = Correct what was written
voice-correct-save = Save the correction (the earlier words are kept)
voice-conflict = Someone corrected this entry while you were writing. The entry shows their version now; your correction is kept in its form — compare and save again if it still applies.

voice-earlier = Earlier words of this entry

## Her own record
nav-my-record = My record
own-title = My record
own-none = Your record is not linked to your account yet. Ask your case worker.
own-said = What I have said
own-said-empty = Nothing yet in my own words.
own-add = Add my own words
own-words = My words
own-save = Save my words
own-plan = My plan
own-plan-words = What I think of my plan, in my words
own-plan-save = Tell them
own-readers-hint = Everyone who has opened my record: which organisation, what kind of worker, and when.
own-kind = What my words are about
own-language = The language I am writing in
own-plan-empty = My plan has not been written yet.
own-agreement = Do I agree with this plan?
own-agreement-agreed = I agree
own-agreement-partly = I partly agree
own-agreement-disagreed = I do not agree
own-readers-heading = Who has read my record
error-not-a-survivor-account = Choose an active survivor account of this organisation.
audit-action-survivor-linked = Her own account linked to her case

survivor-link = Her own account
survivor-link-save = Link it to her case
survivor-link-choose = — choose her account —
survivor-linked = Her own account is linked: she can read her record and add her words.

## Handovers
handover-state-draft = Draft
handover-state-sent = Sent
handover-state-acknowledged = Acknowledged
handover-state-accepted = Accepted
handover-state-declined = Declined
gap-voice-not-recent = Her hopes, fears or plans have not been recorded in her words in the last 90 days.
gap-no-agreed-plan = There is no case plan she has agreed to.
gap-no-home-assessment = She is going home, and no home and family assessment is recorded.
gap-no-legal-summary = There is no legal summary.
gap-no-health-summary = There is no health summary.
gap-no-shared-language = None of her recorded words are in a language the receiving organisation works in.
gap-voice-does-not-travel = Her words do not travel: her consent to share the “Her voice, plan and decisions” section does not name the receiving organisation.
gap-plan-does-not-travel = Her plan does not travel: it goes with the “Her voice, plan and decisions” section, which her sharing consent does not cover for the receiving organisation.
gap-voice-does-not-travel-fix = Record her consent to share the “Her voice, plan and decisions” section with the receiving organisation on the case's consents page, then start the handover again.
gap-plan-does-not-travel-fix = Record her consent to share the “Her voice, plan and decisions” section with the receiving organisation on the case's consents page, then start the handover again.
gap-voice-not-recent-fix = Record her hopes, fears or plans in her own words.
gap-no-agreed-plan-fix = Make a case plan with her and record that she agrees to it.
gap-no-home-assessment-fix = Fill in the home and family assessment.
gap-no-legal-summary-fix = A legal summary is a document filed under legal; her sharing consent must cover the legal section for the receiving organisation.
gap-no-health-summary-fix = A health summary is a document filed under health; her sharing consent must cover the health section for the receiving organisation.
gap-no-shared-language-fix = Record her words in a language the receiving organisation works in, or add a translation.
handover-present = { $present } of { $checked } items are here
handover-state-cancelled = Cancelled
audit-action-handover-cancelled = Handover cancelled
handover-cancel = Cancel this draft
error-handover-not-draft = Only a draft can be cancelled: this handover has already been sent.
handover-all-present = Everything checked is here.
handover-nothing-travels = Nothing travels with this handover: her consent does not let any section of her record go to the receiving organisation.
error-handover-step = A handover goes draft, sent, acknowledged, then accepted or declined; this step does not follow.
error-same-organisation = The case is already with that organisation.
error-share-to-custodian = What your organisation holds of her goes to the organisation that has her case now.
error-gaps-need-reason = The report shows gaps. Say why the handover should go now anyway.
audit-action-handover-started = Handover started
audit-action-handover-sent = Handover sent
audit-action-handover-acknowledged = Handover acknowledged
audit-action-handover-accepted = Handover accepted
audit-action-handover-declined = Handover declined

## Handover pages
nav-handovers = Handovers
home-alerts = Needs attention
home-followup-missed = Case { $code }: the follow-up due on { $due } was missed (not recorded)
home-step-overdue = Case { $code }: repatriation step “{ $step }” is overdue (expected by { $due })
home-network-followups-missed = { $organisation }: { $count ->
    [one] { $n } follow-up after return missed
   *[other] { $n } follow-ups after return missed
}
home-network-steps-overdue = { $organisation }: { $count ->
    [one] { $n } repatriation step overdue
   *[other] { $n } repatriation steps overdue
}
handovers-title = Handovers
handovers-incoming = Coming to us
handovers-outgoing = Sent by us
handovers-empty = None.
handover-title = Handover of case { $code }
handover-from = From
handover-to = To
handover-other = Organisation
handover-state = State
handover-when = When
handover-reason = Why
handover-sections = What travels
handover-sent-at = Sent
handover-acknowledged-at = Acknowledged
handover-decided-at = Accepted or declined
handover-report = Completeness
handover-read-what-travels = Read what travels with her (read-only until you accept)
handover-open-case = Open her case
handover-score = Score: { $score } out of 100
handover-no-gaps = Nothing is missing.
handover-gaps-reason = Why it goes with these gaps
handover-jargon = Words the receiver may not know
handover-send = Send the handover
handover-acknowledge = Acknowledge: it has arrived
handover-accept = Accept: we take her case
handover-decline = Decline
handover-decline-reason = Why we decline
handover-overdue = not acknowledged in time
handover-arrived-alert = A case has arrived from { $organisation }: read what came with her and acknowledge it.
handover-overdue-alert = sent, and not acknowledged in time
handover-start = Hand the case over
handover-start-hint = Only what her consent allows for that organisation travels. You see the completeness report before sending.

## Follow-up
followup-first-contact = First contact made
followup-family-visit = Family visit
followup-school-or-work = Back in school or work
followup-outcome = Follow-up outcome
error-unknown-outcome = Choose what the follow-up found.
error-followup-done = This follow-up is already recorded.
audit-action-follow-up-recorded = Follow-up recorded

## Repatriation
repatriation-agency-hir-requested = Shelter / Child Welfare Committee (India)
repatriation-agency-hir-received = Source-area NGO with the Bangladesh Ministry of Social Welfare
repatriation-agency-nationality-verified = Bangladesh High Commission / Ministry of Home Affairs
repatriation-agency-repatriation-order = State Home Department (India)
repatriation-agency-travel-permit = Bangladesh High Commission
repatriation-agency-border-handover = BSF and BGB at the border
repatriation-agency-received = Source-area NGO (Bangladesh)
repatriation-step-hir-requested = Home investigation report requested
repatriation-step-hir-received = Home investigation report received
repatriation-step-nationality-verified = Nationality verified
repatriation-step-repatriation-order = Repatriation order
repatriation-step-travel-permit = Travel permit
repatriation-step-border-handover = Handed over at the border
repatriation-step-received = Received by the source organisation
error-unknown-route = There is no such repatriation route.
error-repatriation-started = Her repatriation has already started.
audit-action-repatriation-started = Repatriation started
audit-action-repatriation-step-updated = Repatriation step recorded

## Follow-up and repatriation pages
followups-heading = Follow-up after her return
followup-missed = missed
followup-save = Record
followup-saved = The follow-up has been recorded.
repatriation-heading = Repatriation
repatriation-due = due
repatriation-done = done on
repatriation-overdue = overdue
repatriation-preference = Her preference, in her words
repatriation-save = Record the step
repatriation-saved = Her repatriation has been updated.
repatriation-start = Start her repatriation (India → Bangladesh)
