//! What `saathi serve` does in the background to keep the record safe: a signed audit
//! checkpoint every day (the first at start) in `--checkpoint-dir`, and encrypted backups every
//! `--backup-every` in `--backup-dir`, keeping the newest `--backup-keep`.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use domain::{Clock, SystemClock};
use keyfile::KeyFile;
use store::Store;

use crate::Failure;

const DAY: Duration = Duration::from_secs(24 * 3600);

#[derive(clap::Args)]
pub struct SafekeepingArgs {
    /// Write an audit checkpoint here every day, the first at start. Meant to be another disk or
    /// a folder synced off the machine: the proof of how long the audit trail was must not be
    /// in the same hands as the database.
    #[arg(long, env = "SAATHI_CHECKPOINT_DIR")]
    pub checkpoint_dir: Option<PathBuf>,
    /// Write an encrypted backup here on a schedule (see --backup-every), the first at start.
    /// It is encrypted to the key file's backup recipient.
    #[arg(long, env = "SAATHI_BACKUP_DIR")]
    pub backup_dir: Option<PathBuf>,
    /// How often to back up: a number and a unit (s, m, h, d), e.g. 24h.
    #[arg(long, default_value = "24h", value_parser = parse_interval)]
    pub backup_every: Duration,
    /// How many backups to keep in --backup-dir; older ones are removed.
    #[arg(long, default_value_t = 7, value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub backup_keep: u32,
}

pub fn parse_interval(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let n: u64 = number
        .parse()
        .map_err(|_| format!("{text:?}: expected a number and a unit, e.g. 24h"))?;
    let seconds = match unit {
        "s" => n,
        "m" => n.saturating_mul(60),
        "h" | "" => n.saturating_mul(3600),
        "d" => n.saturating_mul(86_400),
        _ => return Err(format!("{text:?}: the unit must be s, m, h or d")),
    };
    if seconds == 0 {
        return Err("the interval must be longer than zero".into());
    }
    Ok(Duration::from_secs(seconds))
}

/// Checks the directories and the key file, then starts the tasks. Errors inside a task are
/// logged and the task tries again at its next turn; the server keeps serving.
pub fn start(
    store: &Arc<dyn Store>,
    url: &str,
    keys: Option<Arc<KeyFile>>,
    args: &SafekeepingArgs,
) -> Result<(), Failure> {
    if let Some(dir) = &args.checkpoint_dir {
        ready(dir)?;
        let (store, keys, dir) = (store.clone(), keys.clone(), dir.clone());
        if keys.is_none() {
            tracing::warn!("audit checkpoints are unsigned: no key file");
        }
        tokio::spawn(async move {
            loop {
                match checkpoint(&store, keys.as_deref(), &dir).await {
                    Ok(path) => tracing::info!("audit checkpoint written: {}", path.display()),
                    Err(Failure(e)) => tracing::error!("audit checkpoint: {e}"),
                }
                tokio::time::sleep(DAY).await;
            }
        });
    }
    if let Some(dir) = &args.backup_dir {
        ready(dir)?;
        let recipient = crate::backup::recipient(None, keys.as_deref())?;
        let (url, dir, every, keep) = (
            url.to_string(),
            dir.clone(),
            args.backup_every,
            args.backup_keep,
        );
        tokio::spawn(async move {
            loop {
                let name = format!("saathi-backup-{}.age", stamp(SystemClock.now()));
                let path = dir.join(name);
                match crate::backup::write_backup(&url, &recipient, &path).await {
                    Ok(bytes) => {
                        tracing::info!("backup written: {} ({bytes} bytes)", path.display());
                        prune(&dir, keep);
                    }
                    Err(Failure(e)) => tracing::error!("backup: {e}"),
                }
                tokio::time::sleep(every).await;
            }
        });
    }
    Ok(())
}

fn ready(dir: &Path) -> Result<(), Failure> {
    std::fs::create_dir_all(dir).map_err(|e| Failure(format!("cannot use {}: {e}", dir.display())))
}

/// `20261129T200100Z`: file names sort by time.
fn stamp(at: domain::Timestamp) -> String {
    let text = at.to_rfc3339();
    let digits: String = text
        .chars()
        .take(19)
        .filter(|c| c.is_ascii_digit() || *c == 'T')
        .collect();
    format!("{digits}Z")
}

async fn checkpoint(
    store: &Arc<dyn Store>,
    keys: Option<&KeyFile>,
    dir: &Path,
) -> Result<PathBuf, Failure> {
    let now = SystemClock.now();
    let checkpoint = crate::audit::take(store, keys, now.millis()).await?;
    let path = dir.join(format!(
        "{}{}.json",
        app::checkpoints::FILE_PREFIX,
        stamp(now)
    ));
    crate::audit::write(&path, &checkpoint)?;
    Ok(path)
}

/// Removes all but the newest `keep` backups (by their names, which sort by time).
fn prune(dir: &Path, keep: u32) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut backups: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("saathi-backup-") && n.ends_with(".age"))
        })
        .collect();
    backups.sort();
    let excess = backups.len().saturating_sub(keep as usize);
    for old in backups.into_iter().take(excess) {
        match std::fs::remove_file(&old) {
            Ok(()) => tracing::info!("old backup removed: {}", old.display()),
            Err(e) => tracing::error!("cannot remove {}: {e}", old.display()),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn intervals_read_as_people_write_them() {
        assert_eq!(parse_interval("24h").unwrap(), DAY);
        assert_eq!(parse_interval("1d").unwrap(), DAY);
        assert_eq!(parse_interval("90s").unwrap(), Duration::from_secs(90));
        assert_eq!(parse_interval("30m").unwrap(), Duration::from_secs(1800));
        for bad in ["", "h", "0h", "5w", "-1h"] {
            assert!(parse_interval(bad).is_err(), "{bad}");
        }
        assert_eq!(stamp(domain::Timestamp::from_millis(0)), "19700101T000000Z");
    }
}
