//! The newest audit checkpoint that `serve --checkpoint-dir` wrote, for the network admin's
//! home page: its short hash is what she notes down or sends on, so that a trail cut short
//! later can be shown to be (decision 0005).

use std::path::Path;

use domain::Timestamp;
use i18n::Arg;
use keyfile::Checkpoint;

/// How checkpoint files are named in the directory: `audit-checkpoint-20261129T200100Z.json`.
pub const FILE_PREFIX: &str = "audit-checkpoint-";

/// The newest checkpoint in `dir`, by file name (names sort by time). Unreadable files are
/// skipped; the page never fails because of this directory.
pub async fn newest(dir: &Path) -> Option<Checkpoint> {
    let mut entries = tokio::fs::read_dir(dir).await.ok()?;
    let mut newest: Option<String> = None;
    while let Ok(Some(entry)) = entries.next_entry().await {
        let Ok(name) = entry.file_name().into_string() else {
            continue;
        };
        if name.starts_with(FILE_PREFIX)
            && name.ends_with(".json")
            && newest.as_ref().is_none_or(|n| name > *n)
        {
            newest = Some(name);
        }
    }
    let text = tokio::fs::read_to_string(dir.join(newest?)).await.ok()?;
    Checkpoint::parse(&text).ok()
}

/// One sentence in her language: the newest checkpoint, or why there is none.
pub async fn summary(t: &crate::Tr<'_>, dir: Option<&Path>) -> String {
    let (i18n, lang) = (t.i18n, t.lang);
    let Some(dir) = dir else {
        return i18n.text_with(lang, "keys-checkpoint-off", &[]);
    };
    match newest(dir).await {
        None => i18n.text_with(lang, "keys-checkpoint-none-yet", &[]),
        Some(checkpoint) => i18n.text_with(
            lang,
            "keys-checkpoint-newest",
            &[
                ("seq", Arg::Text(i18n::format_number(lang, checkpoint.seq))),
                (
                    "date",
                    Arg::Text(t.date(Timestamp::from_millis(checkpoint.at))),
                ),
                ("hash", Arg::Text(checkpoint.short_hash())),
                (
                    "signed",
                    Arg::Text(
                        if checkpoint.signature.is_some() {
                            "yes"
                        } else {
                            "no"
                        }
                        .into(),
                    ),
                ),
            ],
        ),
    }
}
