//! The key file (`--key-file` / `SAATHI_KEY_FILE`, decision 0005): `saathi keys init` makes one,
//! and every command that opens the store opens it with the key file's sealer, sealing what was
//! stored before a key file was used.

use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use keyfile::KeyFile;
use store::Store;

use crate::Failure;

/// Reads the key file, if one was given.
pub fn load(path: Option<&Path>) -> Result<Option<KeyFile>, Failure> {
    path.map(|p| KeyFile::load(p).map_err(|e| Failure(format!("key file {e}"))))
        .transpose()
}

/// Opens the store. With a key file, secrets stored before it are sealed now (in one
/// transaction), and one sealed secret is opened, so a key file that does not fit this database
/// is reported here rather than when the first package arrives.
pub async fn open_store(url: &str, keys: Option<&KeyFile>) -> Result<Arc<dyn Store>, Failure> {
    let store = store::open_with(url, keys.map(KeyFile::sealer)).await?;
    if keys.is_some() {
        store.check_sealed_secrets().await?;
        let sealed = store.seal_stored_secrets().await?;
        if sealed > 0 {
            eprintln!(
                "saathi: sealed {sealed} secret keys that were stored unsealed; the database no longer holds them in the clear"
            );
        }
    }
    Ok(store)
}

/// For the commands that use organisations' secret keys: sealed keys without the key file are
/// one clear line, not an internal error later.
pub async fn secrets_readable(store: &Arc<dyn Store>) -> Result<(), Failure> {
    store.check_sealed_secrets().await?;
    Ok(())
}

/// `serve` says once how secrets are kept, and refuses to start on sealed secrets it could not
/// open.
pub async fn announce(store: &Arc<dyn Store>, keys: Option<&KeyFile>) -> Result<(), Failure> {
    if keys.is_some() {
        tracing::info!("secret keys are sealed with the key file");
        return Ok(());
    }
    match store.check_sealed_secrets().await {
        Err(store::StoreError::Secret(_)) => {
            return Err(Failure(
                "this database's secret keys are sealed: start with --key-file FILE (or SAATHI_KEY_FILE)"
                    .into(),
            ));
        }
        Err(other) => return Err(other.into()),
        Ok(_) => {}
    }
    tracing::warn!(
        "no key file: organisations' secret keys are stored unsealed in the database, and audit checkpoints are unsigned (see `saathi keys init --key-file`)"
    );
    Ok(())
}

/// `saathi keys init --key-file FILE [--backup-recipient age1…]`.
pub fn init(path: Option<&Path>, backup_recipient: Option<&str>) -> Result<ExitCode, Failure> {
    let path = path.ok_or_else(|| {
        Failure("keys init needs --key-file FILE (where to write the new key file)".into())
    })?;
    let recipient = backup_recipient.map(keyfile::age_recipient).transpose()?;
    let keys = KeyFile::generate(recipient)?;
    keys.create(path)?;
    eprintln!(
        "saathi: key file written to {} (mode 600). Keep a copy offline: without it, sealed secret keys and backups cannot be read.",
        path.display()
    );
    println!("audit-key-public {}", keys.audit_public_text());
    if let Some(recipient) = keys.backup_recipient() {
        println!("backup-recipient {recipient}");
    }
    Ok(ExitCode::SUCCESS)
}
