# Accounts: the survivor role alone, passwords, language preference (issue 11).
error-password-too-long = The password must be at most 1,024 characters long.
error-password-contains-organisation = The password must not contain your organisation's name.
error-password-is-demo = The demo password is known to everyone. Choose another one.
error-survivor-with-other-roles = A survivor's own account cannot have any other role. Make a separate account for staff work.
sign-in-split-account = This account holds a survivor's role together with a staff role, which is no longer allowed. Ask your director or the network admin to split it into two accounts, then sign in again.
account-password-must-change = Your password no longer meets Saathi's rules: it is too common, contains your username or your organisation's name, or is the demo password. Choose a new one to go on.
account-language-save-label = Save as my language
account-language-save = Save
account-language-saved = Your language has been saved.
