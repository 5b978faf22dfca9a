# Sign-in throttling and two-factor sign-in.

signin-wait-seconds = { $count ->
    [one] Too many failed attempts. Please wait one second and try again.
   *[other] Too many failed attempts. Please wait { $n } seconds and try again.
}
signin-code-title = Your sign-in code
signin-code-intro = Your password was right. Now type the code your authenticator app shows.
signin-code-label = Code from your app, or a recovery code
signin-code-hint = Six digits. If you lost your phone, type one of your recovery codes.
signin-code-submit = Sign in
signin-code-start-again = Start again

twofactor-code-wrong = The code is not right. Please try again with the code the app shows now.
twofactor-already-on = Two-factor sign-in is already on.
twofactor-title = Two-factor sign-in
twofactor-link = Two-factor sign-in
twofactor-on = { $count ->
    [one] Two-factor sign-in is on. You have one recovery code left.
   *[other] Two-factor sign-in is on. You have { $n } recovery codes left.
}
twofactor-off-intro = With two-factor sign-in, after your password Saathi asks for a code from an authenticator app on your phone. Someone who learns your password still cannot sign in.
twofactor-required = Your role must use two-factor sign-in. Set it up now to continue.
twofactor-start = Set up an authenticator app
twofactor-scan = Scan this QR code with your authenticator app (for example Aegis, FreeOTP or Google Authenticator).
twofactor-qr-label = QR code for your authenticator app
twofactor-secret-label = Or type this key into the app:
twofactor-confirm-label = The six-digit code the app shows now
twofactor-confirm-submit = Confirm
twofactor-codes-heading = Your recovery codes
twofactor-codes-intro = Write these ten codes on paper and keep them safe. If you lose your phone, each one lets you sign in once. They are shown only now.
twofactor-codes-done = I have written them down
twofactor-lost-phone = If you lose your phone and your recovery codes, ask your director to reset your two-factor sign-in.
twofactor-roles-title = Two-factor sign-in by role
twofactor-roles-intro = People holding a role ticked here must set up two-factor sign-in at their next sign-in, before they reach any page.
twofactor-roles-submit = Save
twofactor-roles-saved = Saved.
twofactor-status = Status
twofactor-user-on = On
twofactor-user-off = Off
twofactor-reset-intro = If she lost her phone, reset her two-factor sign-in. She can then sign in with her password alone, and sets it up again from My account (at once, if her role requires it).
twofactor-reset-submit = Reset two-factor sign-in
twofactor-reset-done = Her two-factor sign-in was reset.

audit-action-password-check-failed = Wrong current password when changing it
audit-action-two-factor-enrolled = Two-factor sign-in set up
audit-action-two-factor-failed = Wrong two-factor code
audit-action-two-factor-recovery-used = Recovery code used
audit-action-two-factor-reset = Two-factor sign-in reset
audit-action-two-factor-roles-set = Roles requiring two-factor sign-in changed
