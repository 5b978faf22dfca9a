//! The audit trail as a page: the network admin sees all of it, a director her organisation's.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use domain::UserId;

use super::{Page, render};
use crate::api::audit::audit_scope;
use crate::{AppError, AppState, Ctx};

/// How many entries one page shows: a few phone screens.
const SHOWN: u32 = 50;

#[derive(serde::Deserialize)]
pub struct AuditQuery {
    /// The page that starts after this entry (`seq`): older ones.
    before: Option<String>,
}

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
    /// The link to the next, older page, when there may be one.
    older: Option<String>,
    /// Whether this is a later page (a link back to the newest).
    paged: bool,
}

pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<AuditQuery>,
) -> Result<Response, AppError> {
    let scope = audit_scope(&ctx)?;
    let page = Page::new(&state, &ctx, "/audit", "audit-title");
    // Text that is not a position starts at the newest, as a list treats an unknown filter.
    let before = query.before.as_deref().and_then(|b| b.parse::<i64>().ok());
    let records = state.store.audit_page(scope, before, SHOWN).await?;
    // A case is named by its code, as her workers know it, never by its id; each is looked up
    // once, within the reader's scope.
    let cases = domain::scope::CaseScope::of(&ctx.actor()?);
    let mut codes: HashMap<String, String> = HashMap::new();
    for subject in records.iter().map(|r| r.event.subject.as_str()) {
        let Some(id) = subject.strip_prefix("case:") else {
            continue;
        };
        if codes.contains_key(id) {
            continue;
        }
        let code = match id.parse::<domain::CaseId>() {
            Ok(case) => state
                .store
                .case(case, &cases)
                .await?
                .map(|c| page.t.with("audit-case", "code", c.code.as_str())),
            Err(_) => None,
        };
        codes.insert(id.to_string(), code.unwrap_or_else(|| "—".into()));
    }
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
            subject: r
                .event
                .subject
                .strip_prefix("case:")
                .and_then(|id| codes.get(id).cloned())
                .unwrap_or_else(|| r.event.subject.clone()),
            source: r.event.source.clone(),
        })
        .collect();
    let older = (records.len() == SHOWN as usize)
        .then(|| records.last().map(|r| format!("/audit?before={}", r.seq)))
        .flatten();
    render(&AuditTemplate {
        page,
        entries,
        older,
        paged: before.is_some(),
    })
}
