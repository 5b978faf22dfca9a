//! `saathi demo`: loads the demo network (see `app::demo`) and says who can sign in.

use std::process::ExitCode;
use std::sync::Arc;

use app::demo::{self, DEMO_PASSWORD};
use domain::{Clock, SystemClock};
use store::Store;

use crate::Failure;

pub async fn run(store: &Arc<dyn Store>) -> Result<ExitCode, Failure> {
    let added = demo::load(store, SystemClock.now())
        .await
        .map_err(|e| Failure(e.english()))?;
    eprintln!(
        "saathi: demo network ready ({added} records added). Users, all with password {DEMO_PASSWORD}:"
    );
    for (username, role, org) in demo::users() {
        eprintln!("  {username:<22} {:<14} {org}", role.as_str());
    }
    Ok(ExitCode::SUCCESS)
}
