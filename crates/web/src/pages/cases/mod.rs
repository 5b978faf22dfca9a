//! The case pages: the list with search and filters, opening a case, the case page with her
//! voice first, the journey, and the identity section (each opening recorded).

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use domain::consent::{Purpose, SectionClass};
use domain::decision::{DecisionTopic, Participation};
use domain::policy::{Action, Actor, Resource};
use domain::{Case, Stage, UserId, VoiceKind};
use serde::Deserialize;

use super::{
    Choice, FormData, FormView, Page, Tr, language_choices, render, render_with_status, see_other,
};
use crate::api::cases::filter_for;
use crate::{AppError, AppState, Ctx};
use app::casework::{self, ConsentInput, DecisionInput, IdentityInput, VoiceInput, allowed};

mod changes;
mod list;

pub use changes::*;
use list::stage_choices;
pub use list::*;

pub struct VoiceView {
    pub kind: String,
    pub text: String,
    pub lang: &'static str,
    pub meta: String,
    pub read_back: bool,
    pub corrected: bool,
    /// Where a correction goes, the version it is based on, and the form (her pending
    /// correction after a conflict, else the entry as it stands).
    pub correct_action: String,
    /// Earlier versions, oldest first, with when they were recorded.
    pub earlier: Vec<(String, String)>,
    pub version: i64,
    pub form: FormView,
    pub open: bool,
}

pub struct DecisionView {
    pub topic: String,
    pub what: String,
    pub decided_by: String,
    pub options: String,
    pub her_choice: String,
    pub participation: String,
    pub her_view: String,
    pub absent_reason: String,
    pub meta: String,
}

pub struct ConsentView {
    pub purpose: String,
    pub scope: String,
    pub explained: String,
    pub status: String,
    pub active: bool,
    pub revoke_action: String,
    pub revoked_reason: String,
}

pub use crate::api::cases::download;

pub struct DocumentView {
    pub href: String,
    pub name: String,
    pub class: String,
    pub meta: String,
}

pub struct NoteView {
    pub kind: String,
    /// Her text as HTML, glossary terms marked with their plain explanation.
    pub html: String,
    /// Written in a language other than the reader's: says so, in hers.
    pub other_language: Option<String>,
    /// People's translations of it: (language · translator, language code, text).
    pub translations: Vec<(String, &'static str, String)>,
    /// Where a translation goes, when she may add one, and the form.
    pub translate_action: Option<String>,
    pub translate_form: FormView,
    pub lang: &'static str,
    pub response: String,
    pub punitive: bool,
    pub meta: String,
}

pub struct FollowUpView {
    pub action: String,
    pub due: String,
    pub result: String,
    pub missed: bool,
    pub done: bool,
}

pub struct StepView {
    pub action: String,
    pub label: String,
    pub agency: String,
    pub due: String,
    pub done: String,
    pub overdue: bool,
    pub preference: String,
}

pub struct ReadingView {
    pub organisation: String,
    pub roles: String,
    pub day: String,
    pub what: String,
    pub times: String,
}

pub struct ChangeView {
    pub what: String,
    pub reason: String,
    pub meta: String,
}

#[derive(Template)]
#[template(path = "case.html")]
struct CaseTemplate<'a> {
    page: Page<'a>,
    /// The training gates that keep her from some of this case's work, each saying which
    /// workshop opens it (empty unless the network set gates).
    training_needed: Vec<String>,
    stage: String,
    opened: String,
    full: bool,
    voice: Vec<VoiceView>,
    voice_form: FormView,
    kinds: Vec<Choice>,
    languages: Vec<Choice>,
    can_record: bool,
    history: Vec<ChangeView>,
    stage_form: FormView,
    next_stages: Vec<Choice>,
    version: i64,
    action_base: String,
    identity_href: Option<String>,
    plan_href: Option<String>,
    /// Survivor accounts of her organisation not yet linked (for the assigned case worker).
    survivor_accounts: Vec<Choice>,
    /// Where the case may be handed over to (for the assigned case worker).
    destinations: Vec<Choice>,
    can_decide: bool,
    can_read_decisions: bool,
    decisions: Vec<DecisionView>,
    decision_form: FormView,
    topics: Vec<Choice>,
    participations: Vec<Choice>,
    readings: Vec<ReadingView>,
    followups: Vec<FollowUpView>,
    outcomes: Vec<Choice>,
    steps: Option<Vec<StepView>>,
    can_repatriate: bool,
    documents: Vec<DocumentView>,
    document_classes: Vec<Choice>,
    document_error: Option<String>,
    notes: Vec<NoteView>,
    /// The glossary terms in the notes, with their plain explanation in her language.
    plain_words: Vec<(String, String)>,
    /// Assessments filled for her: (link, form title, version · when).
    assessments: Vec<(String, String, String)>,
    /// The forms she may fill here, for the chooser (empty: she may not).
    form_choices: Vec<Choice>,
    note_kinds: Vec<Choice>,
    can_read_notes: bool,
    note_form: FormView,
    responses: Vec<Choice>,
    can_consent: bool,
    consents: Vec<ConsentView>,
    consent_form: FormView,
    purposes: Vec<Choice>,
    sections: Vec<Choice>,
    organisations: Vec<Choice>,
}

/// What a re-shown case page carries: the forms with her input and the messages.
#[derive(Default)]
struct Shown {
    voice_form: Option<FormView>,
    /// A correction that could not be saved: which entry, and her input.
    correction: Option<(domain::VoiceId, FormView)>,
    stage_form: Option<FormView>,
    decision_form: Option<FormView>,
    consent_form: Option<FormView>,
    note_form: Option<FormView>,
    /// A translation that could not be saved: of which note, and her input.
    translation: Option<(uuid::Uuid, FormView)>,
    document_error: Option<String>,
    notice: Option<String>,
}

async fn names(
    state: &AppState,
    ids: impl Iterator<Item = UserId>,
) -> Result<HashMap<UserId, String>, AppError> {
    let mut names = HashMap::new();
    for id in ids {
        if let std::collections::hash_map::Entry::Vacant(slot) = names.entry(id) {
            let user = state.store.user(id).await?;
            slot.insert(user.map(|u| u.name().to_string()).unwrap_or_default());
        }
    }
    Ok(names)
}

async fn case_page<'a>(
    state: &'a AppState,
    ctx: &Ctx,
    actor: &Actor,
    case: &Case,
    shown: Shown,
) -> Result<CaseTemplate<'a>, AppError> {
    let t = Tr {
        i18n: &state.i18n,
        lang: ctx.lang,
    };
    let title = t.with("case-title", "code", case.code.as_str());
    let mut page = Page::titled(state, ctx, "/cases", title);
    page.notice = shown.notice;
    let full = allowed(actor, Action::ViewCase, case);
    // The custodian's own work on the journey (follow-ups, repatriation, who read her record);
    // an earlier custodian or a receiver waiting to answer reads only her record as it holds it.
    let custodial = allowed(actor, Action::FollowJourney, case);
    let seen = ctx.sight(state, case).await?;
    let correction = shown.correction;
    let correction_for = correction.as_ref().map(|(id, _)| *id);
    let (voice, history) = if full {
        let entries = state.store.voice_of(case.id, &seen).await?;
        let changes = state.store.stage_history(case.id).await?;
        let who = names(
            state,
            entries
                .iter()
                .map(|e| e.recorded_by)
                .chain(changes.iter().filter_map(|c| c.by)),
        )
        .await?;
        let mut history = HashMap::new();
        for e in entries.iter().filter(|e| e.version > 1) {
            history.insert(e.id, state.store.voice_history(e.id, &seen).await?);
        }
        let voice = entries
            .iter()
            .map(|e| VoiceView {
                earlier: history
                    .get(&e.id)
                    .map(|versions| {
                        versions
                            .iter()
                            .filter(|v| v.version < e.version)
                            .map(|v| (v.text.clone(), t.datetime(&v.recorded_at)))
                            .collect()
                    })
                    .unwrap_or_default(),
                correct_action: format!("/cases/{}/voice/{}", case.id, e.id),
                version: e.version,
                open: correction_for == Some(e.id),
                form: match (&correction, correction_for == Some(e.id)) {
                    (Some((_, form)), true) => form.clone(),
                    _ => {
                        let mut form = FormView::default();
                        form.set("kind", e.kind.as_str());
                        form.set("text", e.text.clone());
                        form.set("language", e.language.code());
                        form.set("spoken_on", domain::voice::format_date_iso(e.spoken_on));
                        if e.read_back {
                            form.set("read_back", "on");
                        }
                        form
                    }
                },
                kind: t.get(e.kind.message_id()),
                text: e.text.clone(),
                lang: e.language.code(),
                meta: t.with(
                    "voice-meta",
                    "when",
                    &format!(
                        "{} · {}",
                        i18n::localise_digits(
                            ctx.lang,
                            &domain::voice::format_date_iso(e.spoken_on)
                        ),
                        who.get(&e.recorded_by).cloned().unwrap_or_default()
                    ),
                ),
                read_back: e.read_back,
                corrected: e.version > 1,
            })
            .collect();
        let history = changes
            .iter()
            .map(|c| ChangeView {
                what: format!(
                    "{} → {}",
                    t.get(c.from.message_id()),
                    t.get(c.to.message_id())
                ),
                reason: c.reason.clone(),
                meta: format!(
                    "{} · {}",
                    t.datetime(&c.at),
                    c.by.and_then(|b| who.get(&b).cloned()).unwrap_or_default()
                ),
            })
            .collect();
        (voice, history)
    } else {
        (Vec::new(), Vec::new())
    };
    let can_decide = allowed(actor, Action::LogDecision, case);
    let can_read_decisions = allowed(actor, Action::ReadDecisions, case);
    let decisions = if can_read_decisions {
        let logged = state.store.decisions_of(case.id, &seen).await?;
        let who = names(state, logged.iter().map(|d| d.recorded_by)).await?;
        logged
            .iter()
            .rev()
            .map(|d| DecisionView {
                topic: t.get(d.fields.topic.message_id()),
                what: d.fields.what.clone(),
                decided_by: d.fields.decided_by.clone(),
                options: d.fields.options.join(" · "),
                her_choice: d.fields.her_choice.clone(),
                participation: t.get(d.fields.participation.message_id()),
                her_view: d.fields.her_view.clone(),
                absent_reason: d.fields.absent_reason.clone(),
                meta: format!(
                    "{} · {}",
                    t.datetime(&d.recorded_at),
                    who.get(&d.recorded_by).cloned().unwrap_or_default()
                ),
            })
            .collect()
    } else {
        Vec::new()
    };
    let readings = if custodial {
        casework::readings(&state.store, case)
            .await?
            .iter()
            .map(|r| ReadingView {
                organisation: r.organisation.clone(),
                roles: r
                    .roles
                    .iter()
                    .map(|role| t.role(role))
                    .collect::<Vec<_>>()
                    .join(", "),
                day: i18n::format_date(ctx.lang, r.day),
                what: t.get(if r.identity {
                    "readers-identity"
                } else {
                    "readers-record"
                }),
                times: i18n::format_number(ctx.lang, r.times as i64),
            })
            .collect()
    } else {
        Vec::new()
    };
    let documents = if full {
        casework::documents(&state.store, actor, case, &seen)
            .await?
            .iter()
            .map(|d| DocumentView {
                href: format!("/cases/{}/documents/{}", case.id, d.id),
                name: d.name.clone(),
                class: t.get(d.class.message_id()),
                meta: format!(
                    "{} KB · {}",
                    i18n::format_number(ctx.lang, (d.size + 1023) / 1024),
                    t.datetime(&d.uploaded_at)
                ),
            })
            .collect()
    } else {
        Vec::new()
    };
    let all_forms = state.store.forms().await?;
    let assessments = if full {
        app::forms::assessments_of(&state.store, case, &seen).await?
    } else {
        Vec::new()
    }
    .iter()
    .map(|(a, _)| {
        let title = all_forms
            .iter()
            .find(|f| f.def.key == a.form_key)
            .map(|f| f.def.title.get(t.lang).to_string())
            .unwrap_or_else(|| a.form_key.clone());
        (
            format!("/cases/{}/assessments/{}", case.id, a.id),
            title,
            format!(
                "{} · {}",
                t.with(
                    "form-version",
                    "version",
                    &i18n::format_number(t.lang, a.form_version)
                ),
                t.datetime(&a.recorded_at)
            ),
        )
    })
    .collect();
    let may_fill = app::forms::may(actor, case);
    let form_choices: Vec<Choice> = all_forms
        .iter()
        .filter(|f| f.def.purpose.is_case())
        .filter(|f| f.def.sections.iter().any(|s| may_fill(s.sensitivity)))
        .map(|f| Choice {
            value: f.def.key.clone(),
            label: f.def.title.get(t.lang).to_string(),
        })
        .collect();
    let document_classes: Vec<Choice> = domain::document::DOCUMENT_CLASSES
        .iter()
        .filter(|c| allowed(actor, Action::Document(**c), case))
        .map(|c| Choice {
            value: c.as_str().into(),
            label: t.get(c.message_id()),
        })
        .collect();
    let readable = casework::note_kinds(actor, case, false);
    let (notes, plain_words) = if readable.is_empty() {
        (Vec::new(), Vec::new())
    } else {
        let found = state.store.notes_of(case.id, &readable, &seen).await?;
        let who = names(state, found.iter().map(|n| n.written_by)).await?;
        let glossary = state.glossary().await?;
        let translations = state.store.translations_of(case.id).await?;
        let writable = casework::note_kinds(actor, case, true);
        let texts: Vec<&str> = found.iter().map(|n| n.text.as_str()).collect();
        let plain_words = glossary.explained(&texts, t.lang);
        let views = found
            .iter()
            .map(|n| NoteView {
                kind: t.get(&n.kind.message_id()),
                html: glossary.highlight(&n.text, t.lang),
                other_language: (n.language != t.lang)
                    .then(|| t.with("note-other-language", "language", n.language.autonym())),
                translations: translations
                    .iter()
                    .filter(|tr| tr.note_id == n.id)
                    .map(|tr| {
                        (
                            format!("{} · {}", tr.language.autonym(), tr.translator),
                            tr.language.code(),
                            tr.text.clone(),
                        )
                    })
                    .collect(),
                translate_action: writable
                    .contains(&n.kind)
                    .then(|| format!("/cases/{}/notes/{}/translations", case.id, n.id)),
                translate_form: match &shown.translation {
                    Some((id, form)) if *id == n.id => form.clone(),
                    _ => FormView::default(),
                },
                lang: n.language.code(),
                response: n
                    .response
                    .as_ref()
                    .map(|(r, what)| format!("{}: {}", t.get(&r.message_id()), what))
                    .unwrap_or_default(),
                punitive: n
                    .response
                    .as_ref()
                    .is_some_and(|r| r.0 == domain::note::Response::Punitive),
                meta: format!(
                    "{} · {}",
                    t.datetime(&n.written_at),
                    who.get(&n.written_by).cloned().unwrap_or_default()
                ),
            })
            .collect();
        (views, plain_words)
    };
    let note_kinds: Vec<Choice> = casework::note_kinds(actor, case, true)
        .iter()
        .map(|k| Choice {
            value: k.as_str().into(),
            label: t.get(&k.message_id()),
        })
        .collect();
    let survivor_accounts: Vec<Choice> = if allowed(actor, Action::LinkSurvivor, case) {
        state
            .store
            .users_in(case.custodian)
            .await?
            .iter()
            .filter(|u| {
                u.active
                    && u.roles.iter().all(|r| r == domain::Role::Survivor)
                    && case.survivor != Some(u.id)
            })
            .map(|u| Choice {
                value: u.id.to_string(),
                label: u.name().to_string(),
            })
            .collect()
    } else {
        Vec::new()
    };
    let destinations = if allowed(actor, Action::StartHandover, case)
        || allowed(actor, Action::ShareSection, case)
    {
        super::handovers::destinations(state, actor, case).await?
    } else {
        Vec::new()
    };
    let today = state.clock.now().to_datetime().date();
    let iso = |d: time::Date| i18n::localise_digits(ctx.lang, &domain::voice::format_date_iso(d));
    let followups = if custodial {
        state
            .store
            .followups_of(case.id)
            .await?
            .iter()
            .map(|f| FollowUpView {
                action: format!("/cases/{}/followups/{}", case.id, f.id),
                due: iso(f.due_on),
                result: f
                    .done
                    .as_ref()
                    .map(|d| format!("{}: {}", t.get(&d.outcome.message_id()), d.her_words))
                    .unwrap_or_default(),
                missed: f.is_missed(today),
                done: f.done.is_some(),
            })
            .collect()
    } else {
        Vec::new()
    };
    let steps = if custodial {
        match state.store.repatriation(case.id).await? {
            Some((_, started_on, steps)) => {
                let due = domain::repatriation::due_dates(started_on, &steps);
                let late = domain::repatriation::overdue(started_on, &steps, today);
                Some(
                    steps
                        .iter()
                        .zip(due)
                        .zip(late)
                        .map(|((s, due), overdue)| StepView {
                            action: format!("/cases/{}/repatriation/{}", case.id, s.seq),
                            label: t.get(&format!("repatriation-step-{}", s.key)),
                            agency: s.agency.clone(),
                            due: iso(due),
                            done: s.done_on.map(iso).unwrap_or_default(),
                            overdue,
                            preference: s.her_preference.clone(),
                        })
                        .collect(),
                )
            }
            None => None,
        }
    } else {
        None
    };
    // One reading, one audit entry: whatever content this page showed her.
    if full || can_read_decisions || !readable.is_empty() {
        casework::audit_read(&state.store, &ctx.acting(actor, state.clock.now()), case).await?;
    }
    let can_consent = allowed(actor, Action::ManageConsent, case);
    let directory = if can_consent {
        state.store.organisations().await?
    } else {
        Vec::new()
    };
    let consents = if can_consent {
        let now = state.clock.now();
        let org_name = |id: Option<domain::OrgId>| {
            id.and_then(|id| directory.iter().find(|o| o.id == id))
                .map(|o| o.fields.name.to_string())
                .unwrap_or_default()
        };
        state
            .store
            .consents_of(case.id)
            .await?
            .iter()
            .rev()
            .map(|c| ConsentView {
                purpose: t.get(c.fields.purpose.message_id()),
                scope: [
                    c.fields
                        .section
                        .map(|s| t.get(s.message_id()))
                        .unwrap_or_default(),
                    org_name(c.fields.organisation),
                ]
                .into_iter()
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join(" → "),
                explained: format!(
                    "{} · {} · {}",
                    c.fields.explained_how,
                    c.fields.explained_in.autonym(),
                    c.fields.explained_by
                ),
                status: match c.status(now) {
                    "active" => match c.fields.expires_on {
                        Some(last) => t.with(
                            "consent-active-until",
                            "date",
                            &i18n::localise_digits(ctx.lang, &domain::voice::format_date_iso(last)),
                        ),
                        None => t.get("consent-active"),
                    },
                    "revoked" => t.get("consent-revoked"),
                    _ => t.get("consent-expired"),
                },
                active: c.is_active(now),
                revoke_action: format!("/cases/{}/consents/{}/revoke", case.id, c.id),
                revoked_reason: c.revoked_reason.clone().unwrap_or_default(),
            })
            .collect()
    } else {
        Vec::new()
    };
    let mut next: Vec<Stage> = Vec::new();
    for stage in case.stage.next_choices() {
        let action = if stage == Stage::Closed {
            Action::CloseCase
        } else {
            Action::ChangeStage
        };
        if allowed(actor, action, case) {
            next.push(stage);
        }
    }
    let voice_form = shown.voice_form.unwrap_or_else(|| {
        let mut form = FormView::default();
        form.set("language", ctx.lang.code());
        form.set("kind", VoiceKind::Hope.as_str());
        form
    });
    // Read the programme only when a gate is set (none is, by default).
    let programme = if actor.training.gates.is_empty() {
        None
    } else {
        Some(state.programme())
    };
    let training_needed = domain::training::gate::GatedAction::ALL
        .iter()
        .filter_map(|gated| {
            let gate = actor.training.unmet_gated(&actor.roles, *gated)?;
            let workshop = programme
                .as_ref()
                .and_then(|p| p.workshop(&gate.workshop))
                .map(|w| w.title.get(ctx.lang).to_string())
                .unwrap_or_else(|| gate.workshop.clone());
            Some(state.i18n.text_with(
                ctx.lang,
                "gate-you-need",
                &[
                    ("action", i18n::Arg::Text(t.get(&gated.message_id()))),
                    ("workshop", i18n::Arg::Text(workshop)),
                ],
            ))
        })
        .collect();
    Ok(CaseTemplate {
        training_needed,
        stage: t.get(case.stage.message_id()),
        opened: i18n::format_date(ctx.lang, case.opened_at),
        full,
        voice,
        voice_form,
        kinds: VoiceKind::ALL
            .iter()
            .map(|k| Choice {
                value: k.as_str().into(),
                label: t.get(k.message_id()),
            })
            .collect(),
        languages: language_choices(),
        can_record: allowed(actor, Action::RecordVoice, case),
        history,
        stage_form: shown.stage_form.unwrap_or_default(),
        next_stages: stage_choices(&t, &next),
        version: case.version,
        action_base: format!("/cases/{}", case.id),
        readings,
        followups,
        outcomes: domain::followup::Outcome::ALL
            .iter()
            .map(|o| Choice {
                value: o.as_str().into(),
                label: t.get(&o.message_id()),
            })
            .collect(),
        steps,
        can_repatriate: allowed(actor, Action::Repatriate, case),
        documents,
        document_classes,
        document_error: shown.document_error,
        notes,
        plain_words,
        assessments,
        form_choices,
        can_read_notes: !readable.is_empty(),
        note_kinds,
        note_form: shown.note_form.unwrap_or_else(|| {
            let mut form = FormView::default();
            form.set("language", ctx.lang.code());
            form
        }),
        responses: domain::note::Response::ALL
            .iter()
            .map(|r| Choice {
                value: r.as_str().into(),
                label: t.get(&r.message_id()),
            })
            .collect(),
        can_consent,
        consents,
        consent_form: shown.consent_form.unwrap_or_else(|| {
            let mut form = FormView::default();
            form.set("explained_in", ctx.lang.code());
            form
        }),
        purposes: Purpose::ALL
            .iter()
            .map(|p| Choice {
                value: p.as_str().into(),
                label: t.get(p.message_id()),
            })
            .collect(),
        sections: SectionClass::ALL
            .iter()
            .map(|c| Choice {
                value: c.as_str().into(),
                label: t.get(c.message_id()),
            })
            .collect(),
        organisations: directory
            .iter()
            .map(|o| Choice {
                value: o.id.to_string(),
                label: o.fields.name.to_string(),
            })
            .collect(),
        can_decide,
        can_read_decisions,
        decisions,
        decision_form: shown.decision_form.unwrap_or_default(),
        topics: DecisionTopic::ALL
            .iter()
            .map(|d| Choice {
                value: d.as_str().into(),
                label: t.get(d.message_id()),
            })
            .collect(),
        participations: Participation::ALL
            .iter()
            .map(|p| Choice {
                value: p.as_str().into(),
                label: t.get(p.message_id()),
            })
            .collect(),
        plan_href: allowed(actor, Action::ReadPlan, case)
            .then(|| format!("/cases/{}/plan", case.id)),
        survivor_accounts,
        destinations,
        identity_href: allowed(actor, Action::OpenIdentity, case)
            .then(|| format!("/cases/{}/identity", case.id)),
        page,
    })
}

#[derive(Debug, Default, Deserialize)]
pub struct NoticeQuery {
    notice: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Query(query): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::ViewCaseSummary).await?;
    let t = Tr {
        i18n: &state.i18n,
        lang: ctx.lang,
    };
    let notice = match query.notice.as_deref() {
        Some("created") => Some(t.get("case-created")),
        Some("voice") => Some(t.get("voice-saved")),
        Some("stage") => Some(t.get("stage-saved")),
        Some("decision") => Some(t.get("decision-saved")),
        Some("consent") => Some(t.get("consent-saved")),
        Some("revoked") => Some(t.get("consent-revoked-notice")),
        Some("note") => Some(t.get("note-saved")),
        Some("translation") => Some(t.get("note-translation-saved")),
        Some("document") => Some(t.get("document-saved")),
        Some("linked") => Some(t.get("survivor-linked")),
        Some("followup") => Some(t.get("followup-saved")),
        Some("repatriation") => Some(t.get("repatriation-saved")),
        _ => None,
    };
    render(
        &case_page(
            &state,
            &ctx,
            &actor,
            &case,
            Shown {
                notice,
                ..Shown::default()
            },
        )
        .await?,
    )
}

pub(crate) async fn after(
    state: &AppState,
    ctx: &Ctx,
    actor: &domain::policy::Actor,
    case: &Case,
    result: Result<(), AppError>,
    notice: &str,
) -> Result<Response, AppError> {
    match result {
        Ok(()) => Ok(see_other(&format!("/cases/{}?notice={notice}", case.id))),
        Err(AppError::Invalid(errors)) => {
            let t = Tr {
                i18n: &state.i18n,
                lang: ctx.lang,
            };
            let message = errors
                .iter()
                .map(|e| t.problem(e))
                .collect::<Vec<_>>()
                .join(" ");
            let shown = Shown {
                notice: Some(message),
                ..Shown::default()
            };
            render_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &case_page(state, ctx, actor, case, shown).await?,
            )
        }
        Err(other) => Err(other),
    }
}

/// What a case form comes to: on success, back to the case page with a notice; on bad input,
/// the page again with her input and each message beside its field, in the form `place` names.
#[allow(clippy::too_many_arguments)]
async fn settle<T>(
    state: &AppState,
    ctx: &Ctx,
    actor: &domain::policy::Actor,
    case: &Case,
    result: Result<T, AppError>,
    notice: &str,
    data: &FormData,
    place: fn(FormView) -> Shown,
) -> Result<Response, AppError> {
    match result {
        Ok(_) => Ok(see_other(&format!("/cases/{}?notice={notice}", case.id))),
        Err(AppError::Invalid(errors)) => {
            let t = Tr {
                i18n: &state.i18n,
                lang: ctx.lang,
            };
            let shown = place(FormView::from_data(data).with_errors(&t, &errors));
            render_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &case_page(state, ctx, actor, case, shown).await?,
            )
        }
        Err(other) => Err(other),
    }
}
