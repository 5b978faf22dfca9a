# Restorative-care indicators (issue 13) and what they need recorded: the organisation's time
# zone, the terms of her stay, who set a target date.

error-unknown-time-zone = Choose a time zone by its name, such as Asia/Kolkata or Asia/Dhaka.
error-invalid-period = Choose a quarter such as 2026-Q3, or a year such as 2026.
audit-action-stay-terms-recorded = Terms of her stay recorded
stay-length-set-by = Who set the length of her stay
stay-wants-to-leave-on = The date she wants to leave
