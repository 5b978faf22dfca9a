# Handover packages between Saathi servers.
audit-action-org-keys-created = Package keys made for the organisation
audit-action-org-identity-shown = Organisation's secret package key printed
audit-action-org-trusted = Organisation of another server trusted
audit-action-package-exported = Handover package exported
audit-action-package-imported = Handover package imported

package-error-not-a-package = This file is not a Saathi handover package.
package-error-damaged = The package is damaged or incomplete. Ask the sender to export it again.
package-error-not-for-us = The package is not addressed to your organisation.
package-error-malformed = The package's contents are not in the expected layout.
package-error-unknown-version = The package was made by a newer version of Saathi. Ask for Saathi to be updated.
package-error-bad-signature = The package was changed after it was signed, or signed by another key. Nothing was imported.
package-error-unknown-sender = The sending organisation is not in your directory. Its keys must be trusted first.
package-error-wrong-addressee = The package is addressed to another organisation.
package-error-key = A key is not valid.
package-error-seal = The package could not be made.
package-error-replay = This package was imported before. Nothing was changed.
package-error-remote-org = This organisation works on another Saathi server.
package-error-key-changed = This organisation is already trusted with other keys. Check with them before replacing.
package-error-own-org = This is one of this server's own organisations.
package-error-not-ready = Only a sent handover, or the answer to one that arrived in a package, can be exported.
package-error-no-keys = The receiving organisation's keys are not in the directory.
package-error-same-server = The receiver works on this server: the handover reaches it without a package.
package-error-no-file = Choose the package file.

package-download = Download the handover package
package-download-answer = Download the answer for the sender
package-download-help = The receiver works on another Saathi server. Send the file by any means: only they can open it.
package-import-title = Import a handover package
package-import-help = A case or an answer from an organisation on another Saathi server. The file is checked before anything is saved.
package-import-again = Please choose the file again.
package-file = Package file
package-import = Import
