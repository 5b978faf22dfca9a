# HTTP as the standards say, and packages held to local rules (issue 11).
problem-method-not-allowed-title = Not allowed here
problem-method-not-allowed-detail = This address does not take that kind of request.
problem-body-too-large-detail = What was sent is larger than Saathi takes here. Nothing was saved.
problem-bad-encoding-title = The form could not be read
problem-bad-encoding-detail = Some of the text sent was not in a form Saathi can read (it was not UTF-8), so nothing was saved. Go back, check the text and send it again.
xlsform-more-problems = { $count ->
    [one] and one more problem
   *[other] and { $n } more problems
}
package-error-value = The package carries a value that is not accepted here (too long, a date out of range, or an unknown choice). Nothing was imported.
package-error-voice-exists = An entry of her words in this package is already on this server. Nothing was imported.
package-error-document-exists = A document in this package is already on this server. Nothing was imported.
package-error-record-exists = A record in this package is already on this server. Nothing was imported.
audit-action-package-refused = Handover package refused
resend-detail = Some of the text you sent could not be read, so nothing was saved. It is below, with a mark (�) where a letter could not be read: check it, correct it and send it again.
resend-field = Your text, as it could be read
resend-send-again = Send again
