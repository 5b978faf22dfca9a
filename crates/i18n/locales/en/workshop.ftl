# A workshop's page, survivor workshops, questionnaires, exchange visits and training gates.
problem-training-required-title = A workshop first
forbidden-training-required = The network asks that you complete the workshop “{ $workshop }” before you do this. Your trainer can tell you when it runs next.
error-not-a-number = Write a whole number.
error-choose-someone = Tick at least one person.
error-unknown-trainer = There is no active trainer with that username.
error-not-survivor-workshop = This workshop is for staff; survivors take part in their own workshops.
error-unknown-code = No survivor has that code.
error-evaluation-done = This questionnaire is already recorded for her.
error-not-counterparts = An exchange visit is between the two ends of her journey: a source-area or community organisation, and a destination or transit one.
error-phase-not-completed = She has not completed every workshop of phase 3 yet.
error-consent-needed = She must say yes herself before this is recorded.
audit-action-survivor-enrolled = Survivor given a place in a workshop
audit-action-survivor-attendance = Survivor attendance recorded
audit-action-feedback-recorded = Survivor feedback recorded
audit-action-peer-role-recorded = Peer role recorded
audit-action-exchange-visit-recorded = Exchange visit recorded
audit-action-evaluation-recorded = Workshop questionnaire recorded
audit-action-gate-set = Training gate set
audit-action-gate-lifted = Training gate lifted

training-dropout-rate = Left before the end: { $dropped } of { $count ->
    [one] one person
   *[other] { $n } people
} ({ $rate }%); the network projects { $projected }%.
training-schedule = Put a workshop on the calendar
training-workshop = Workshop
training-venue = Venue
training-starts-on = First day
training-ends-on = Last day (blank: as many days as the workshop has)
training-announced-on = Dates announced to the organisations on (blank: today)
training-capacity = Places (blank: 16)
training-facilitators-input = Facilitators, one per line
training-mental-health-input = Of them, mental-health professionals, one per line
training-trainers-input = Other trainers who run it (usernames, separated by commas)
training-schedule-submit = Schedule the workshop
training-suppressed = fewer than 5
training-risk-shelter-staff-residential = shelter staff on a residential workshop
training-risk-short-notice = dates announced at short notice
training-risk-childcare = needs childcare
workshop-scheduled = The workshop is on the calendar.
workshop-topics = What it covers
workshop-participants = Participants
workshop-participants-empty = Nobody is enrolled yet.
workshop-participant = Participant
workshop-organisation = Organisation
workshop-attendance = Attendance
workshop-risks = Drop-out risks
workshop-brief = Joining brief
workshop-days-attended = { $n } of { $total ->
    [one] one day
   *[other] { $total } days
}
workshop-completed = completed
workshop-left = left
workshop-record-day = Record a day's attendance
workshop-day = Day
workshop-present = Present that day
workshop-save-day = Save attendance
workshop-attendance-saved = Attendance saved.
workshop-record-dropout = Record that someone left
workshop-dropout-reason = Why she left
workshop-dropout-note = In words (needed for another reason)
workshop-save-dropout = Save
workshop-dropout-saved = Saved: she left the workshop.
workshop-enrol = Enrol a member of staff
workshop-username = Her username
workshop-years = Years in her organisation
workshop-childcare = She needs childcare to attend
workshop-beyond-capacity = Beyond the workshop's places, on purpose
workshop-enrol-submit = Enrol
workshop-enrolled = Enrolled.
dropout-reason-shelter-emergency = an emergency at the shelter
dropout-reason-childcare = childcare
dropout-reason-resigned = she resigned
dropout-reason-other = another reason

evaluation-heading = Questionnaires before and after
evaluation-help = Each participant answers the same questions on the first and the last day. The change shows whether attitudes moved.
evaluation-stage = Before or after
evaluation-stage-pre = Before
evaluation-stage-post = After
evaluation-save = Save her answers
evaluation-saved = Her answers are saved.
evaluation-results = Change in attitudes
evaluation-answered = { $pre } answered before, { $post } after. An average of fewer than 5 answers is not shown.
evaluation-item = Statement
evaluation-change = Change

survivors-heading = Survivors in this workshop
survivors-help = Only the trainers of this workshop see this. Everyone else sees codes and totals.
survivors-code = Code
survivors-known-as = Known to you as
survivors-add = Add a survivor
survivors-code-known = Her code, if she has one from an earlier workshop
survivors-known-as-new = Or, new: the name you use with her
survivor-added = She has a place in the workshop.
feedback-heading = What survivors said
feedback-help = Write down what was said without any name. Directors and managers see only themes and counts.
feedback-empty = Nothing recorded yet.
feedback-theme = Theme
feedback-tone = Kind
feedback-words = Her words
feedback-language = Language of her words
feedback-save = Save
feedback-saved = Saved, without a name.
feedback-total = All feedback
feedback-theme-being-heard = being heard
feedback-theme-safety = safety
feedback-theme-own-pace = going at her own pace
feedback-theme-family = family
feedback-theme-livelihood = work and income
feedback-theme-dignity = dignity and respect
feedback-theme-staff-attitude = how staff treat her
feedback-theme-peer-support = support from other survivors
feedback-theme-other = something else
feedback-tone-appreciation = appreciation
feedback-tone-concern = concern
feedback-tone-suggestion = suggestion
feedback-summary-heading = Survivors' feedback, unattributed
feedback-summary-help = Themes and counts only, never who said what. A count under 5 is not shown.
peer-heading = Peer roles
peer-help = A survivor who completed every workshop of phase 3 may, if she wants, become a peer supporter, educator or leader.
peer-role = Role
peer-role-supporter = peer supporter
peer-role-educator = peer educator
peer-role-leader = peer leader
peer-consent-language = Explained to her in
peer-consent = She said yes herself
peer-save = Record her role
peer-saved = Her peer role is recorded.

brief-title = Joining brief: { $workshop }
brief-greeting = Dear { $name },
brief-invited = you are enrolled in the workshop “{ $workshop }” of the { $programme } programme.
brief-dates = Dates: { $from } to { $to } ({ $count ->
    [one] one day
   *[other] { $n } days
}).
brief-venue = Venue: { $venue }.
brief-residential = The workshop is residential: you stay at the venue for { $count ->
    [one] the day
   *[other] all { $n } days
}. Bring clothes and what you need for those days.
brief-not-residential = You go home each evening; please arrive on time each morning.
brief-bring = Bring your identity card, a notebook, and any medicines you take.
brief-completion = To complete the workshop, attend at least four days in every five.
brief-risk-shelter-staff-residential = If an emergency at your shelter calls you back, tell the trainer at once, so your place can be kept.
brief-risk-short-notice = These dates came at short notice. If you cannot come, tell your coordinator now, so another colleague can take the place.
brief-risk-childcare = You told us you need childcare. Talk to your coordinator before the workshop so it can be arranged.
brief-facilitators = Facilitators: { $names }.
brief-topics = What we will work on

exchange-title = Exchange visits
exchange-matrix = Counterparts visited
exchange-goal = Each organisation should visit at least one organisation at the other end of the girls' journey, ideally three. Those with none are marked.
exchange-no-organisations = There are no organisations yet.
exchange-kind = Kind
exchange-visited = Visited
exchange-hosted = Visited by
exchange-progress = Progress
exchange-progress-none = none yet
exchange-progress-started = started
exchange-progress-ideal = three or more
exchange-visits = Visits
exchange-none = No visits recorded yet.
exchange-visit-line = { $visitor } visited { $host }
exchange-record = Record a visit
exchange-visitor = Organisation whose staff went
exchange-host = Organisation they visited
exchange-date = Date of the visit
exchange-who-went = Who went
exchange-learned = What they learned
exchange-save = Save the visit
exchange-saved = The visit is recorded.

gates-heading = Training gates
gates-none = No training gates are set: every role may do its work without a workshop first.
gates-role = Role
gates-action = Action
gates-workshop = Workshop to complete first
gates-set = Set the gate
gates-lift = Lift
gate-set = The training gate is set.
gate-lifted = The training gate is lifted.
gate-line = { $role }: { $action } only after “{ $workshop }”
gate-action-record-voice = record her words (a disclosure)
gate-action-write-case-note = write a case note
gate-action-write-psychosocial-note = write a psychosocial note
gate-action-open-identity = open her identifying details
gate-action-start-handover = start a handover
gate-action-log-decision = log a decision
error-needs-trainer = A survivor workshop needs a trainer who runs it: add one by username.
audit-action-survivor-dropped-out = A survivor left a workshop
gate-you-need = To { $action }, the network asks that you complete “{ $workshop }” first.
evaluation-org-too-few = Too few of its staff answered for their averages to be shown without pointing at someone.
