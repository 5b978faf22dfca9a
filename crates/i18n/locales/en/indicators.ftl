# Restorative-care indicators (issue 13) and what they need recorded: the organisation's time
# zone, the terms of her stay, who set a target date.

error-unknown-time-zone = Choose a time zone by its name, such as Asia/Kolkata or Asia/Dhaka.
error-invalid-period = Choose a quarter such as 2026-Q3, or a year such as 2026.
audit-action-stay-terms-recorded = Terms of her stay recorded
stay-length-set-by = Who set the length of her stay
stay-heading = The terms of her stay
stay-none = Not recorded yet: ask her who set how long she stays, and when she wants to leave.
stay-no-date = She has no date
stay-hint = Leave it blank if she has no date in mind.
stay-save = Record the terms with her
stay-saved = The terms of her stay are recorded.
stay-wants-to-leave-on = The date she wants to leave

## The indicators page (/indicators)
nav-indicators = Indicators
indicators-title = Is care restorative?
indicators-intro = Her voice, her plan and her decisions first; the field's counts after. Each figure shows its n: the number of cases, people or events it is about.
indicators-period = Period
indicators-organisation = Organisation
indicators-show = Show
indicators-small-numbers = A figure about fewer than five is hidden, and so is any figure that would let someone work a hidden one out.
indicators-computed-at = These figures were worked out on { $at }.
indicators-refreshing = Newer figures are being worked out now; open the page again in a minute to see them.
indicators-quarter = { $quarter ->
    [1] January–March
    [2] April–June
    [3] July–September
   *[4] October–December
} { $year }
indicators-quarter-short = { $quarter ->
    [1] Jan–Mar
    [2] Apr–Jun
    [3] Jul–Sep
   *[4] Oct–Dec
}
indicators-network-total = The whole network
indicators-with-n = { $figure } (n = { $n })
indicators-hidden = Hidden: too few to show safely
indicators-no-data = No data for this period
indicators-spread = median { $median }, 90th percentile { $p90 }
indicators-spread-days = median { $median } days, 90th percentile { $p90 } days
indicators-target = target { $target }
indicators-bar-desc = { $name }: { $figure }. { $target }
indicators-trend = Over the last four quarters
indicators-trend-desc = { $name }, quarter by quarter; a quarter whose figure is hidden has no point.
indicators-why-and-table = Why it matters, and the figures
indicators-quarter-heading = Quarter
indicators-figure-heading = Figure
indicators-by-organisation = Each organisation
indicators-counts = The counts the field knows
indicators-counts-note = These are counts, not measures of care: they say how many, not whether she was listened to.
indicators-funnel = From identified to returned
indicators-count-heading = Count
indicators-training = The training programme
indicators-training-dropout = Left a workshop before its end
indicators-training-dropout-figure = { $percent }% of { $n } people
indicators-training-projected = the network projects { $projected }
indicators-training-dropout-desc = Drop-out { $figure } against the { $projected } the network projects; the bar runs from 0 to 10%.
indicators-training-exchange = Organisations that visited a counterpart
indicators-training-exchange-desc = Organisations that visited a counterpart: { $figure }
indicators-empty = There are no indicators for you to see.
indicator-r1a-voice-lately = Open cases with her own words in the last 90 days
indicator-r1a-voice-lately-why = A plan made for a girl whose words nobody has written down for three months is made for her, not with her.
indicator-r1b-read-back = Her words read back to her
indicator-r1b-read-back-why = Words read back to her are words she has confirmed as her own.
indicator-r2a-goals-she-set = Goals she set herself
indicator-r2a-goals-she-set-why = Goals she chose are goals she works for.
indicator-r2b-targets-she-set = Target dates she set herself
indicator-r2b-targets-she-set-why = Her pace, not the shelter's, decides when she is ready.
indicator-r2c-reviews-agreed = Plan reviews she agreed with
indicator-r2c-reviews-agreed-why = A review she does not agree with is a decision made about her.
indicator-r2d-approved-without-her = Plans approved without her agreement (the goal is none)
indicator-r2d-approved-without-her-why = No plan should be approved without her recorded agreement.
indicator-r3-decisions-with-her = Decisions she took part in
indicator-r3-decisions-with-her-why = Taking part in the decisions about her life is how she takes it back into her own hands.
indicator-r4a-days-in-shelter = Days in shelter, of the stays that ended
indicator-r4a-days-in-shelter-why = Long custodial stays are the first thing restorative care shortens.
indicator-r4b-days-set-by-order = Days in shelter, when a court or police order set the length
indicator-r4b-days-set-by-order-why = It shows whether stays are long because they were imposed.
indicator-r4b-days-set-by-team = Days in shelter, when the team set the length
indicator-r4b-days-set-by-team-why = A stay the team decides is the one the shelter can shorten itself.
indicator-r4b-days-set-by-her = Days in shelter, when she chose the length
indicator-r4b-days-set-by-her-why = A stay she chose is hers, however long it is.
indicator-r4c-past-her-date = Stays that ran past the date she wanted to leave (the goal is none)
indicator-r4c-past-her-date-why = Each day past her date is a day held against her wish.
indicator-r5-positive-responses = Incidents met with support, not punishment
indicator-r5-positive-responses-why = Punishment after an incident is custodial care; support gives her strength back.
indicator-r6a-voice-travelled = Handovers that carried her words and her plan
indicator-r6a-voice-travelled-why = Her words must travel with her, so that the next team does not start again without her.
indicator-r6b-completeness = Completeness of handovers (score out of 100)
indicator-r6b-completeness-why = A complete handover means she does not have to tell her story again.
indicator-r6c-days-to-acknowledge = Days until a handover was acknowledged
indicator-r6c-days-to-acknowledge-why = A handover nobody acknowledges is care that has broken.
indicator-count-identified = Girls identified
indicator-count-identified-why = A count: how many cases were opened.
indicator-count-in-care = Girls in care at the end of the period
indicator-count-in-care-why = A count: how many were in care.
indicator-count-returned = Girls returned home
indicator-count-returned-why = A count: how many returned.
indicator-count-reunified = Girls reunified with their family
indicator-count-reunified-why = A count: how many returned to live with their family, as her home and family assessment recommended.

## Home: the director's and the network's first view, the trainer's coming workshops
home-indicators-heading = Is care restorative? This quarter
home-indicators-all = See every indicator
home-plans-awaiting = Plans waiting for your approval
home-cases-by-stage = Your organisation's cases, by stage (counts)

## The cases behind a figure: the director's own organisation's, to act on
indicator-cases-title = The cases behind a figure
indicator-cases-open = Open the cases behind this figure
indicator-cases-heading = { $figure }: { $period }
indicator-cases-r1a-voice-lately = Your organisation's open cases at the end of the period with none of her own words recorded in the 90 days before. Sit with her and write down what she says.
indicator-cases-last-words = Her words last recorded
indicator-cases-never = Never, by your organisation
indicator-cases-none = No case is behind this figure: every open case has her words.
indicator-cases-elsewhere = { $count ->
    [one] One more case was counted that another organisation holds now; it is not listed here.
   *[other] { $count } more cases were counted that other organisations hold now; they are not listed here.
}
indicator-cases-back = Back to the indicators

## The indicator report out of Saathi
indicators-export-suppressed = hidden (too few to show safely)
indicators-download = Take the report with you:
indicators-download-xlsx = Workbook (XLSX)
indicators-download-pdf = PDF
indicators-htcds = Outside the network, anonymised to the HTCDS standard (only the cases of girls who agreed to statistics):

## R5 by month
indicators-by-month = By month
indicators-month-heading = Month

## R6 Continuity after her return (R6d, R6e)
indicator-r6d-follow-ups-1-month = Follow-ups at 1 month done on time
indicator-r6d-follow-ups-1-month-why = Her return is not the end of care: a visit that comes when it was promised keeps her trust.
indicator-r6d-follow-ups-3-months = Follow-ups at 3 months done on time
indicator-r6d-follow-ups-3-months-why = Three months on, the first hard weeks at home are past, and someone should still ask how she is.
indicator-r6d-follow-ups-6-months = Follow-ups at 6 months done on time
indicator-r6d-follow-ups-6-months-why = Six months on, school, work and family show whether her return holds, and the visit is where she can say so.
indicator-r6d-follow-ups-12-months = Follow-ups at 12 months done on time
indicator-r6d-follow-ups-12-months-why = A year on, she is asked whether she still wants contact: the end of care is hers to decide.
indicator-r6e-news-for-sender = Handovers whose sender heard how she is doing
indicator-r6e-news-for-sender-why = An organisation that hears how she is doing, when she agrees, learns what worked for her.

## R7 Repatriation
indicator-r7-repatriation = Days per step of repatriation, route { $route }
indicator-r7-repatriation-why = Waiting months for papers is time she spends held; seeing which step stalls is how the network presses for change.
indicators-r7-desc = Each step's median days as a bar, with the days the route expects marked. { $steps }
indicators-r7-step-heading = Step
indicators-r7-days-heading = Days taken
indicators-r7-delayed-heading = Took longer than expected
indicators-r7-expected = { $count ->
    [one] expected: { $n } day
   *[other] expected: { $n } days
}
indicators-r7-why-heading = Why it matters
indicators-r7-trend-desc = { $route }: each step's median days, quarter by quarter; a quarter whose figure is hidden has no point.
indicator-r8-trend-title = Her view and the worker's, quarter by quarter
indicator-r8-trend-desc = The mean of the latest ratings, hers and the worker's, over the areas shown in every quarter, quarter by quarter on the scale of 1 to 4; a quarter with a hidden figure has no point.
indicator-cases-r2d-approved-without-her = Your organisation's cases whose plan was approved in the period with no review recording her agreement. Sit with her, go through the plan with her again and record what she says.
indicator-cases-r4c-past-her-date = Your organisation's cases whose stay ended in the period after the date she wanted to leave. Ask her what kept her, and what would have let her go on the day she wished.
indicator-cases-approved-on = Plan approved
indicator-cases-left-on = Left care
indicator-cases-left-after = { $left } (she wanted { $wanted })
indicator-cases-none-r2d = No case is behind this figure: every plan approved in the period had her agreement.
indicator-cases-none-r4c = No case is behind this figure: no stay ended after the date she wanted.
indicator-r6d-follow-ups-late = Follow-ups not done on time
indicator-cases-r6d-follow-ups-late = Your organisation's follow-ups after her return (at 1, 3, 6 or 12 months) due in the period that were not done within 14 days of the day they were due. Visit her, and ask how she is.
indicator-cases-follow-up = Follow-up
indicator-cases-follow-up-late = { $count ->
    [one] The { $n }-month follow-up, due { $due }: { $done }
   *[other] The { $n }-month follow-up, due { $due }: { $done }
}
indicator-cases-follow-up-done = done on { $done }
indicator-cases-follow-up-undone = not done
indicator-cases-none-r6d = No case is behind this figure: every follow-up due in the period whose outcome is known was done on time.
indicator-r8-ratings-apart = Her rating and the worker's two points or more apart
indicator-cases-r8-ratings-apart = Your organisation's cases whose view was asked in the period and asked before, where her latest rating and the worker's are two points or more apart in some area. Talk it through with her: where they differ, the plan may be the worker's picture of her life, not hers.
indicator-cases-ratings-apart-heading = The latest ratings
indicator-cases-ratings-apart = { $area }: she said { $her }, the worker { $worker }
indicator-cases-none-r8 = No case is behind this figure: at the latest time she was asked, her rating and the worker's were never two points apart.
indicator-r8-trend-mean = The mean over the areas shown every quarter
