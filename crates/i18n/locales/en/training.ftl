# The training programme.
nav-training = Training
training-title = Training programme
training-phase = Phase { $title }
training-days = { $count ->
    [one] one day
   *[other] { $n } days
}
training-residential = residential
training-not-residential = not residential
training-group-size = { $count ->
    [one] about one participant
   *[other] about { $n } participants
}
training-audience-source = source-area organisations
training-audience-destination = destination organisations
training-audience-source-and-destination = source and destination organisations together
training-audience-directors-and-managers = directors and managers
training-audience-survivors = survivors
training-mental-health = mental-health professional
training-facilitators = with { $names }
error-unknown-workshop = The programme has no such workshop.
error-ends-before-start = The end is before the start.
error-announced-after-start = The dates cannot be announced after the workshop starts.
audit-action-workshop-scheduled = Workshop put on the calendar
training-calendar = Add to calendar (.ics)
error-unknown-participant = There is no member of staff with that username.
error-survivor-workshop = Survivor workshops record their participants apart, with pseudonymous codes.
error-workshop-full = The workshop is full. Enrol her beyond its capacity only if you mean to.
error-already-enrolled = She is enrolled already.
error-day-outside-workshop = That day is not a day of the workshop.
error-dropout-reason = Say why she left: an emergency at the shelter, childcare, she resigned, or another reason in words.
audit-action-enrolled = Enrolled in a workshop
audit-action-attendance-recorded = Attendance recorded
audit-action-dropped-out = Left a workshop
