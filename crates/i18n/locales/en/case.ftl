# The case page: a summary that fits a phone, and one page per section of her record.
case-summary-heading = Summary
case-back = Back to the case
case-carried-by = Who carries her case
case-next-due = Next due
case-due-none = Nothing due
case-due-past = past its date
case-due-followup = follow-up
case-due-review = plan review with her
case-due-target = a plan target
case-plan-state = Her plan
case-plan-none = No plan yet
case-plan-awaiting = Awaiting approval
case-plan-approved = Approved
case-plan-changed = Changed since it was approved
case-alerts = What is late
case-alert-followups-missed = { $count ->
    [one] { $n } follow-up was missed
   *[other] { $n } follow-ups were missed
}
case-alert-steps-overdue = { $count ->
    [one] { $n } repatriation step is overdue
   *[other] { $n } repatriation steps are overdue
}
case-alert-review-overdue = Her plan is due for a review with her
case-alert-handover-late = A handover of her case has not been acknowledged in time
case-alert-targets-past = { $count ->
    [one] { $n } plan target is past its date
   *[other] { $n } plan targets are past their date
}
case-sections = Her record
case-handovers-heading = Handing her case over
case-handovers-none = Her case has not been handed over.
plan-goal-saved = The goal has been added to her plan.
plan-action-saved = The action has been added to her plan.
plan-status-saved = The goal's status has been changed.
plan-review-saved = The review with her has been recorded.
plan-approved-saved = This version of her plan is now approved.
plan-log-decision = Log the decision about her plan
plan-target-past = past its date
