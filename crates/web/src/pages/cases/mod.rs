//! The case pages: the list with search and filters, opening a case, the case page — a summary
//! that fits a phone's screen or three — and one page per section of her record under
//! `/cases/{id}/…`, and the identity section (each opening recorded).
//!
//! Each section's page asks the policy exactly what the one long case page asked of that
//! section, and reads only what it shows: a reader who may not see a section is refused its
//! page (403; 404 when she may not see the case at all). A page that shows content of her
//! record writes the reading to the audit trail, as the long page did; the summary shows none.
//!
//! After a save, a form answers `303 See Other` to the page it came from with `?saved=KEY`,
//! and that page says what was saved. A query parameter rather than a cookie: it needs no
//! state on the server or in the browser, cannot show on a page it was not meant for (two
//! tabs, a later visit), and the message is one of a fixed list of Fluent ids named by its
//! key, so nothing from the address is shown as text. Links on the page do not carry it, so
//! the message shows once, on the page the save came back to.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use domain::policy::{Action, Actor, Resource};
use domain::{Case, Stage};
use serde::Deserialize;

use super::{
    Choice, FormData, FormView, Page, Tr, language_choices, render, render_with_status, see_other,
};
use crate::{AppError, AppState, Ctx};
use app::casework::{self, ConsentInput, DecisionInput, IdentityInput, VoiceInput};

mod changes;
mod list;
mod section;
mod summary;

pub use changes::*;
pub use list::*;
pub use section::*;

mod sections;

fn intake_country_id(code: &str) -> String {
    sections::intake::country_id(code).unwrap_or_default()
}

pub use crate::api::cases::download;
use sections::stage::StageSection;

/// A section of her record with a page of its own under `/cases/{id}/…`, or the summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Summary,
    Words,
    Decisions,
    Consents,
    Documents,
    Notes,
    Journey,
    Handovers,
    Repatriation,
    Readers,
    Assessments,
}

impl Section {
    /// The sections with a page, in the order the summary links them (the plan, which has its
    /// own pages, comes after her words).
    pub const PAGES: [Section; 10] = [
        Section::Words,
        Section::Decisions,
        Section::Consents,
        Section::Documents,
        Section::Notes,
        Section::Journey,
        Section::Handovers,
        Section::Repatriation,
        Section::Readers,
        Section::Assessments,
    ];

    /// Its page's path under the case.
    pub fn slug(self) -> &'static str {
        match self {
            Section::Summary => "",
            Section::Words => "words",
            Section::Decisions => "decisions",
            Section::Consents => "consents",
            Section::Documents => "documents",
            Section::Notes => "notes",
            Section::Journey => "journey",
            Section::Handovers => "handovers",
            Section::Repatriation => "repatriation",
            Section::Readers => "readers",
            Section::Assessments => "assessments",
        }
    }

    /// Its heading, a Fluent id.
    pub fn heading(self) -> &'static str {
        match self {
            Section::Summary => "case-summary-heading",
            Section::Words => "voice-heading",
            Section::Decisions => "decisions-heading",
            Section::Consents => "consents-heading",
            Section::Documents => "documents-heading",
            Section::Notes => "notes-heading",
            Section::Journey => "journey-heading",
            Section::Handovers => "case-handovers-heading",
            Section::Repatriation => "repatriation-heading",
            Section::Readers => "readers-heading",
            Section::Assessments => "assessments-heading",
        }
    }

    /// Where it is, for the case.
    pub fn href(self, case: &Case) -> String {
        match self {
            Section::Summary => format!("/cases/{}", case.id),
            other => format!("/cases/{}/{}", case.id, other.slug()),
        }
    }

    /// What the policy must allow for a case to open at all for this page: the action the
    /// long case page asked before it showed the section. Notes and handovers ask more once
    /// the case is loaded (see [`Section::refusal`]).
    pub fn action(self) -> Action {
        match self {
            Section::Summary | Section::Notes | Section::Handovers => Action::ViewCaseSummary,
            Section::Words | Section::Documents | Section::Journey | Section::Assessments => {
                Action::ViewCase
            }
            Section::Decisions => Action::ReadDecisions,
            Section::Consents => Action::ManageConsent,
            Section::Repatriation | Section::Readers => Action::FollowJourney,
        }
    }

    /// Whether the reader may open this section of `case`: `Err` with the policy's refusal
    /// when not. The long case page showed notes when she could read a kind of note, and the
    /// handover form when she could start a handover or share a section.
    pub fn refusal(self, actor: &Actor, case: &Case) -> Result<(), AppError> {
        match self {
            Section::Notes => {
                if casework::note_kinds(actor, case, false).is_empty() {
                    casework::check(
                        actor,
                        Action::ReadNotes(domain::note::NoteKind::Daily),
                        case,
                    )?;
                }
                Ok(())
            }
            Section::Handovers => {
                if !casework::allowed(actor, Action::ShareSection, case) {
                    casework::check(actor, Action::StartHandover, case)?;
                }
                Ok(())
            }
            other => Ok(casework::check(actor, other.action(), case)?),
        }
    }

    /// The part of her record it shows, where her consent decides who reads it: her words
    /// and the decisions made with her travel as one section.
    pub fn class(self) -> Option<domain::consent::SectionClass> {
        match self {
            Section::Words | Section::Decisions => Some(domain::consent::SectionClass::Voice),
            _ => None,
        }
    }

    /// Whether the summary links to it for this reader.
    pub fn opens(self, actor: &Actor, case: &Case) -> bool {
        self.refusal(actor, case).is_ok()
    }

    /// The Fluent id of what a save that came back here with `?saved=KEY` saved.
    fn saved(key: &str) -> Option<&'static str> {
        Some(match key {
            "created" => "case-created",
            "voice" => "voice-saved",
            "stage" => "stage-saved",
            "stay" => "stay-saved",
            "decision" => "decision-saved",
            "consent" => "consent-saved",
            "revoked" => "consent-revoked-notice",
            "note" => "note-saved",
            "translation" => "note-translation-saved",
            "document" => "document-saved",
            "linked" => "survivor-linked",
            "followup" => "followup-saved",
            "repatriation" => "repatriation-saved",
            _ => return None,
        })
    }
}

/// `?saved=KEY`: what the form that came back here saved.
#[derive(Debug, Default, Deserialize)]
pub struct SavedQuery {
    saved: Option<String>,
}

impl SavedQuery {
    fn notice(&self, t: &Tr) -> Option<String> {
        self.saved
            .as_deref()
            .and_then(Section::saved)
            .map(|id| t.get(id))
    }
}

/// Where a form goes back to after a save, saying what was saved.
pub(crate) fn saved_at(case: &Case, section: Section, key: &str) -> Response {
    see_other(&format!("{}?saved={key}", section.href(case)))
}

#[derive(Template)]
#[template(path = "case.html")]
struct SummaryTemplate<'a> {
    page: Page<'a>,
    /// The training gates that keep her from some of this case's work, each saying which
    /// workshop opens it (empty unless the network set gates).
    training_needed: Vec<String>,
    code: String,
    /// The language her words were last recorded in here: (its code, its name).
    language: Option<(&'static str, &'static str)>,
    steps: Vec<summary::StepView>,
    carried_by: String,
    opened: String,
    next_due: Option<summary::Due>,
    /// Her plan's state, for those who may read it or whose organisation carries her case.
    plan_status: Option<String>,
    alerts: Vec<(String, String)>,
    /// The pages of her record she may open: (link, heading).
    sections: Vec<(String, String)>,
    /// How she came to the case (the partial `case_intake.html`).
    intake: sections::intake::IntakeView,
    plan_href: Option<String>,
    /// Her own view of her life (R8), for those who may read her plan.
    life_view_href: Option<String>,
    identity_href: Option<String>,
    action_base: String,
    version: i64,
    stage: StageSection,
    /// Survivor accounts of her organisation not yet linked (for the assigned case worker).
    survivor_accounts: Vec<Choice>,
}

/// What a re-shown page carries: the forms with her input and the messages.
#[derive(Default)]
pub(super) struct Shown {
    voice_form: Option<FormView>,
    /// A correction that could not be saved: which entry, and her input.
    correction: Option<(domain::VoiceId, FormView)>,
    stage_form: Option<FormView>,
    stay_form: Option<FormView>,
    decision_form: Option<FormView>,
    consent_form: Option<FormView>,
    note_form: Option<FormView>,
    /// A translation that could not be saved: of which note, and her input.
    translation: Option<(uuid::Uuid, FormView)>,
    document_error: Option<String>,
    /// What was saved (the success box).
    notice: Option<String>,
    /// Why it was refused (the error box).
    problem: Option<String>,
}

async fn summary_page<'a>(
    state: &'a AppState,
    ctx: &'a Ctx,
    actor: &Actor,
    case: &Case,
    shown: Shown,
) -> Result<SummaryTemplate<'a>, AppError> {
    let t = ctx.tr(&state.i18n);
    let title = t.with("case-title", "code", case.code.as_str());
    let mut page = Page::titled(state, ctx, "/cases", title);
    page.notice = shown.notice;
    page.problem = shown.problem.map(|p| (p, None));
    // The summary reads no section of her record, so it needs no sight; the plan's state and
    // targets are read with one only for those who read the plan.
    let unseen = domain::sight::Sight::of(actor.org_id, &[], &[], state.clock.now());
    let may_plan = casework::allowed(actor, Action::ReadPlan, case);
    let seen = if may_plan {
        Some(ctx.sight(state, case).await?)
    } else {
        None
    };
    let v = sections::Viewing {
        state,
        ctx,
        actor,
        case,
        t,
        seen: seen.as_ref().unwrap_or(&unseen),
    };
    let now = state.clock.now();
    let today = ctx.zone.date_of(now);
    let (glance, plan) = summary::glance_and_plan(&v, case, today, seen.as_ref()).await?;
    let targets = plan.as_ref().map(summary::open_targets).unwrap_or_default();
    let plan_status = match (&plan, may_plan, &glance) {
        (Some(p), _, _) => Some(summary::plan_status(
            &t,
            Some((p.version, p.approved_version)),
        )),
        (None, true, _) => Some(summary::plan_status(&t, None)),
        (None, false, Some(g)) => Some(summary::plan_status(&t, g.plan)),
        (None, false, None) => None,
    };
    let late_before = now.plus_seconds(-state.config.acknowledge_days * 86_400);
    let alerts = summary::alerts(&v, glance.as_ref(), &targets, today, late_before);
    let next_due = summary::next_due(&t, glance.as_ref(), &targets, today);
    let stage = sections::stage::stage(&v, shown.stage_form, None, false).await?;
    // Her assignees, and the survivor accounts when the page offers to link one: one statement.
    let people = state
        .store
        .users_among_and_survivors(
            &case.assigned,
            sections::survivor::offered(&v).then_some(case.custodian),
        )
        .await?;
    let survivor_accounts = sections::survivor::accounts(&v, &people);
    let training_needed = sections::gates::training_needed(&v)?;
    let mut sections: Vec<(String, String)> = Vec::new();
    // A receiver waiting to answer is not offered a section her consent kept back.
    let kept_back = |s: Section| {
        s.class().is_some_and(|class| {
            case.custodian != actor.org_id
                && !case.held_by(actor.org_id)
                && !seen.as_ref().is_some_and(|seen| seen.shares(class))
        })
    };
    for s in Section::PAGES {
        if s.opens(actor, case) && !kept_back(s) {
            sections.push((s.href(case), t.get(s.heading())));
        }
        if s == Section::Words && may_plan {
            sections.push((format!("/cases/{}/plan", case.id), t.get("plan-link")));
        }
    }
    Ok(SummaryTemplate {
        training_needed,
        code: case.code.to_string(),
        language: glance
            .as_ref()
            .and_then(|g| g.language)
            .map(|l| (l.code(), l.autonym())),
        steps: summary::stepper(&t, case.stage),
        carried_by: summary::carried_by(&v, &people).await?,
        opened: t.date(case.opened_at),
        intake: sections::intake::intake(&t, &case.intake, case.opened_at),
        next_due,
        plan_status,
        alerts,
        sections,
        plan_href: may_plan.then(|| format!("/cases/{}/plan", case.id)),
        life_view_href: may_plan.then(|| format!("/cases/{}/life-views", case.id)),
        identity_href: casework::allowed(actor, Action::OpenIdentity, case)
            .then(|| format!("/cases/{}/identity", case.id)),
        action_base: format!("/cases/{}", case.id),
        version: case.version,
        stage,
        survivor_accounts,
        page,
    })
}

/// `GET /cases/{id}`: the summary.
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Query(query): Query<SavedQuery>,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::ViewCaseSummary).await?;
    let t = ctx.tr(&state.i18n);
    let shown = Shown {
        notice: query.notice(&t),
        ..Shown::default()
    };
    render(&summary_page(&state, &ctx, &actor, &case, shown).await?)
}

/// The page `section` again, with `shown` (her input, the messages), answering `status`.
async fn reshow(
    state: &AppState,
    ctx: &Ctx,
    actor: &Actor,
    case: &Case,
    section: Section,
    status: StatusCode,
    shown: Shown,
) -> Result<Response, AppError> {
    if section == Section::Summary {
        render_with_status(status, &summary_page(state, ctx, actor, case, shown).await?)
    } else {
        render_with_status(
            status,
            &section_page(state, ctx, actor, case, section, shown).await?,
        )
    }
}

/// What a form of `section` comes to when it has no fields to put messages beside: on
/// success, back to its page saying what `key` saved; on bad input, its page again with the
/// refusal in the error box.
pub(crate) async fn after(
    state: &AppState,
    ctx: &Ctx,
    actor: &domain::policy::Actor,
    case: &Case,
    result: Result<(), AppError>,
    section: Section,
    key: &str,
) -> Result<Response, AppError> {
    match result {
        Ok(()) => Ok(saved_at(case, section, key)),
        Err(AppError::Invalid(errors)) => {
            let t = ctx.tr(&state.i18n);
            let message = errors
                .iter()
                .map(|e| t.problem(e))
                .collect::<Vec<_>>()
                .join(" ");
            let shown = Shown {
                problem: Some(message),
                ..Shown::default()
            };
            reshow(
                state,
                ctx,
                actor,
                case,
                section,
                StatusCode::UNPROCESSABLE_ENTITY,
                shown,
            )
            .await
        }
        Err(other) => Err(other),
    }
}

/// What a form of `section` comes to: on success, back to its page saying what `key` saved;
/// on bad input, its page again with her input and each message beside its field, in the form
/// `place` names.
#[allow(clippy::too_many_arguments)]
async fn settle<T>(
    state: &AppState,
    ctx: &Ctx,
    actor: &domain::policy::Actor,
    case: &Case,
    result: Result<T, AppError>,
    section: Section,
    key: &str,
    data: &FormData,
    place: fn(FormView) -> Shown,
) -> Result<Response, AppError> {
    match result {
        Ok(_) => Ok(saved_at(case, section, key)),
        Err(AppError::Invalid(errors)) => {
            let t = ctx.tr(&state.i18n);
            // The form says at its top that something needs putting right, and each
            // message stands beside its field.
            let shown = place(FormView::from_data(data).with_errors(&t, &errors));
            reshow(
                state,
                ctx,
                actor,
                case,
                section,
                StatusCode::UNPROCESSABLE_ENTITY,
                shown,
            )
            .await
        }
        Err(other) => Err(other),
    }
}
