//! The audit trail as a page: the network admin sees all of it, a director her organisation's.

use std::collections::HashMap;

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use domain::UserId;

use super::{Page, render};
use crate::api::audit::audit_scope;
use crate::{AppError, AppState, Ctx};

/// How many entries the page shows; the API pages further.
const SHOWN: u32 = 200;

pub struct EntryView {
    pub when: String,
    pub who: String,
    pub what: String,
    pub subject: String,
    pub source: String,
}

#[derive(Template)]
#[template(path = "audit.html")]
struct AuditTemplate<'a> {
    page: Page<'a>,
    entries: Vec<EntryView>,
}

pub async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let scope = audit_scope(&ctx)?;
    let page = Page::new(&state, &ctx, "/audit", "audit-title");
    let records = state.store.audit_entries(scope, SHOWN).await?;
    // Name the people, not their ids; each is looked up once.
    let mut names: HashMap<UserId, String> = HashMap::new();
    for id in records.iter().filter_map(|r| r.event.actor) {
        if let std::collections::hash_map::Entry::Vacant(slot) = names.entry(id) {
            let name = state
                .store
                .user(id)
                .await?
                .map(|u| u.username.to_string())
                .unwrap_or_default();
            slot.insert(name);
        }
    }
    let entries = records
        .iter()
        .map(|r| EntryView {
            when: page.t.datetime(&r.event.at),
            who: r
                .event
                .actor
                .and_then(|id| names.get(&id).cloned())
                .unwrap_or_else(|| "—".into()),
            what: page.t.get(&r.event.action.message_id()),
            subject: r.event.subject.clone(),
            source: r.event.source.clone(),
        })
        .collect();
    render(&AuditTemplate { page, entries })
}
