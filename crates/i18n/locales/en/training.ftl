# The training programme.
nav-training = Training
training-title = Training programme
training-phase = Phase { $title }
training-days = { $count ->
    [one] one day
   *[other] { $count } days
}
training-residential = residential
training-not-residential = not residential
training-group-size = { $count ->
    [one] about one participant
   *[other] about { $count } participants
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
