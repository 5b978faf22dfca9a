//! The case plan as a report: the goals with their actions, the reviews with her, and whether
//! it is approved, in the reader's language. The plan page shows these views; the PDF prints them
//! with the glossary's plain words at the end.

use std::sync::Arc;

use domain::plan::{Plan, SetBy};
use domain::sight::Sight;
use domain::{Case, OrgId};
use store::Store;

use crate::{Error, Tr};

pub struct ActionView {
    pub what: String,
    pub detail: String,
    pub status: String,
}

pub struct GoalView {
    pub index: usize,
    pub domain: String,
    pub goal: String,
    pub detail: String,
    pub status: String,
    pub actions: Vec<ActionView>,
}

pub struct ReviewView {
    pub agreement: String,
    pub her_words: String,
    pub notes: String,
    pub meta: String,
}

pub struct Views {
    pub approval: String,
    pub goals: Vec<GoalView>,
    pub reviews: Vec<ReviewView>,
}

pub async fn views(
    store: &Arc<dyn Store>,
    t: &Tr<'_>,
    case: &Case,
    plan: &Plan,
    sight: &Sight,
) -> Result<Views, Error> {
    let directory = store.organisations().await?;
    let org_name = |id: Option<OrgId>| {
        id.and_then(|id| directory.iter().find(|o| o.id == id))
            .map(|o| o.fields.name.to_string())
            .unwrap_or_default()
    };
    let date = |d: Option<time::Date>| d.map(|d| t.day(d));
    let detail = |set_by: SetBy, target: Option<time::Date>, org: String| {
        let mut parts = vec![t.get(&set_by.message_id())];
        if let Some(d) = date(target) {
            parts.push(t.with("plan-target-on", "date", &d));
        }
        if !org.is_empty() {
            parts.push(org);
        }
        parts.join(" · ")
    };
    let goals = plan
        .body
        .goals
        .iter()
        .enumerate()
        .map(|(index, g)| GoalView {
            index,
            domain: t.get(&g.domain.message_id()),
            goal: g.goal.clone(),
            detail: detail(g.set_by, g.target, String::new()),
            status: t.get(&g.status.message_id()),
            actions: g
                .actions
                .iter()
                .map(|a| ActionView {
                    what: a.what.clone(),
                    detail: detail(a.set_by, a.target, org_name(a.responsible)),
                    status: t.get(&a.status.message_id()),
                })
                .collect(),
        })
        .collect();
    let reviews = store
        .plan_reviews(case.id, sight)
        .await?
        .iter()
        .rev()
        .map(|r| ReviewView {
            agreement: t.get(&r.agreement.message_id()),
            her_words: r.her_words.clone(),
            notes: r.notes.clone(),
            meta: t.datetime(&r.reviewed_at),
        })
        .collect();
    let approval = match plan.approved_version {
        Some(v) if v == plan.version => t.get("plan-approved-current"),
        Some(_) => t.get("plan-approved-older"),
        None => t.get("plan-not-approved"),
    };
    Ok(Views {
        approval,
        goals,
        reviews,
    })
}

/// The plan as a printable report: the same content as the print view, with the glossary's
/// plain words at the end. The header carries the case code, never her name.
pub fn report(
    t: &Tr<'_>,
    case: &Case,
    views: &Views,
    glossary: &crate::glossary::Glossary,
) -> pdf::Report {
    use pdf::Block;
    let title = t.with("plan-title", "code", case.code.as_str());
    let mut blocks = vec![
        Block::Title(title.clone()),
        Block::Paragraph(views.approval.clone()),
    ];
    if views.goals.is_empty() {
        blocks.push(Block::Paragraph(t.get("plan-empty")));
    }
    let mut texts: Vec<&str> = Vec::new();
    for g in &views.goals {
        blocks.push(Block::Heading(format!("{}: {}", g.domain, g.goal)));
        blocks.push(Block::Meta(format!("{} · {}", g.detail, g.status)));
        texts.push(&g.goal);
        for a in &g.actions {
            blocks.push(Block::Bullet(format!(
                "{} — {} · {}",
                a.what, a.detail, a.status
            )));
            texts.push(&a.what);
        }
    }
    blocks.push(Block::Heading(t.get("plan-reviews")));
    for r in &views.reviews {
        blocks.push(Block::Paragraph(format!(
            "{} — {}",
            r.agreement, r.her_words
        )));
        blocks.push(Block::Meta(r.meta.clone()));
    }
    let plain = glossary.explained(&texts, t.lang);
    if !plain.is_empty() {
        blocks.push(Block::Heading(t.get("plan-plain-words")));
        blocks.extend(
            plain
                .into_iter()
                .map(|(term, text)| Block::Term(term, text)),
        );
    }
    pdf::Report {
        language: t.lang.code().to_string(),
        title,
        header: t.with("pdf-header", "code", case.code.as_str()),
        blocks,
    }
}
