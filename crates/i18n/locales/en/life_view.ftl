# Her own view of her life (R8, issue 13): the six areas of her plan on a four-point scale,
# hers and the worker's side by side.

life-rating-very-hard = Very hard
life-rating-hard = Hard
life-rating-good = Good
life-rating-very-good = Very good
life-rating-not-said = She did not want to say
life-occasion-entering-care = When she came into care
life-occasion-plan-review = At a review of her plan
life-occasion-follow-up = At a follow-up visit
error-unknown-life-rating = Choose one of: very hard, hard, good, very good.
error-unknown-life-occasion = Say when this was asked: when she came into care, at a plan review or at a follow-up.
error-life-view-areas = Give a rating for each of the six areas of her life.
error-life-view-reference = Choose a review or a follow-up of this case, or none.
audit-action-life-view-recorded = Her view of her life recorded

life-view-title = How her life is going · { $code }
life-view-link = How her life is going, in her words and the worker's
life-view-intro = Ask her about each area of her life, in her own words: how is it going now? Read the four answers to her. She may choose not to answer. Then give your own rating beside hers.
life-view-heading-new = Ask her now
life-view-occasion = When is this asked?
life-view-reference = Which review or follow-up
life-view-reference-none = None of these
life-view-recorded-on = The day you talked it through with her
life-view-her = What she says
life-view-worker = What you see, as her worker
life-view-save = Record her view and yours
life-view-saved = Her view of her life is recorded, with yours beside it.
life-view-history = Over time
life-view-none = Nobody has asked her yet.
life-view-gap = She and the worker see this differently (two points or more apart): talk it through with her.
life-view-area = Area of her life
life-view-first = First
life-view-latest = Latest
life-view-her-short = She
life-view-worker-short = Worker
life-view-review-on = Review of { $day }
life-view-followup-due = Follow-up due { $day }
life-view-asked = { $occasion }, { $day }

## R8 on the indicators page
indicator-r8-her-view = Her own view of her life
indicator-r8-her-view-intro = For the cases whose view was asked in the period and asked before: the mean rating per area at the first and the latest time, from 1 (very hard) to 4 (very good), hers and the worker's, and how often the two were two points or more apart the latest time.
indicator-r8-chart-title = Her view and the worker's, first and latest
indicator-r8-chart-desc = For each area, two lines: hers and the worker's, each from the mean of the first ratings to the mean of the latest, on a scale from 1 (very hard) to 4 (very good).
indicator-r8-her-change = Her change
indicator-r8-worker-change = Worker's change
indicator-r8-gaps = Two points or more apart
indicator-r8-cases = { $n } cases with her view asked at least twice
indicator-r8-gap-share = { $count } of { $n }
