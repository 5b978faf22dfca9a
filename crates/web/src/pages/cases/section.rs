//! One page per section of her record: `GET /cases/{id}/words`, `/decisions`, `/consents`,
//! `/documents`, `/notes`, `/journey`, `/handovers`, `/repatriation`, `/readers` and
//! `/assessments`. Each loads its section alone (see `sections`), with the forms that change it.

use super::sections::assessments::AssessmentsSection;
use super::sections::consents::ConsentsSection;
use super::sections::decisions::DecisionsSection;
use super::sections::documents::DocumentsSection;
use super::sections::journey::JourneySection;
use super::sections::notes::NotesSection;
use super::sections::readers::ReadingView;
use super::sections::voice::VoiceSection;
use super::*;

#[derive(Template)]
#[template(path = "case_section.html")]
pub(super) struct SectionTemplate<'a> {
    page: Page<'a>,
    /// The case's summary, to go back to.
    back: String,
    action_base: String,
    languages: Vec<Choice>,
    training_needed: Vec<String>,
    words: Option<VoiceSection>,
    decisions: Option<DecisionsSection>,
    consents: Option<ConsentsSection>,
    documents: Option<DocumentsSection>,
    notes: Option<NotesSection>,
    /// The journey's page: where the case went and the terms of her stay, and the follow-ups.
    journey: Option<(StageSection, JourneySection)>,
    /// The handover form: where she may be handed over to (or a section shared with), and
    /// each handover of her case so far, (from → to, state).
    handovers: Option<(Vec<Choice>, Vec<String>)>,
    repatriation: Option<JourneySection>,
    readers: Option<Vec<ReadingView>>,
    assessments: Option<AssessmentsSection>,
}

/// The page of one section, as `actor` may see it, with `shown` (her input and messages after
/// a refusal). Refused as the long case page refused the section; a page that shows content of
/// her record writes the reading to the audit trail.
pub(super) async fn section_page<'a>(
    state: &'a AppState,
    ctx: &'a Ctx,
    actor: &Actor,
    case: &Case,
    section: Section,
    shown: Shown,
) -> Result<SectionTemplate<'a>, AppError> {
    section.refusal(actor, case)?;
    let t = ctx.tr(&state.i18n);
    let title = format!("{} · {}", t.get(section.heading()), case.code.as_str());
    let mut page = Page::titled(state, ctx, "/cases", title);
    page.notice = shown.notice;
    page.problem = shown.problem.map(|p| (p, None));
    // Handovers and who read her record read no section of it: no sight is needed.
    let needs_sight = !matches!(section, Section::Handovers | Section::Readers);
    let unseen = domain::sight::Sight::of(actor.org_id, &[], &[], state.clock.now());
    let seen = if needs_sight {
        Some(ctx.sight(state, case).await?)
    } else {
        None
    };
    // A receiver waiting to answer holds only what travelled with her consent: a section that
    // did not is not hers to open (the organisations that carried her case keep what they wrote).
    if let (Some(class), Some(seen)) = (section.class(), &seen)
        && case.custodian != actor.org_id
        && !case.held_by(actor.org_id)
        && !seen.shares(class)
    {
        return Err(AppError::Forbidden(
            domain::policy::DenyReason::OtherOrganisation,
        ));
    }
    let v = sections::Viewing {
        state,
        ctx,
        actor,
        case,
        t,
        seen: seen.as_ref().unwrap_or(&unseen),
    };
    let mut template = SectionTemplate {
        back: Section::Summary.href(case),
        action_base: format!("/cases/{}", case.id),
        languages: language_choices(),
        training_needed: sections::gates::training_needed(&v)?,
        words: None,
        decisions: None,
        consents: None,
        documents: None,
        notes: None,
        journey: None,
        handovers: None,
        repatriation: None,
        readers: None,
        assessments: None,
        page,
    };
    let mut content = true;
    match section {
        Section::Summary => return Err(AppError::NotFound),
        Section::Words => {
            template.words =
                Some(sections::voice::voice(&v, shown.voice_form, shown.correction).await?)
        }
        Section::Decisions => {
            template.decisions =
                Some(sections::decisions::decisions(&v, shown.decision_form).await?)
        }
        Section::Consents => {
            template.consents = Some(sections::consents::consents(&v, shown.consent_form).await?)
        }
        Section::Documents => {
            template.documents =
                Some(sections::documents::documents(&v, shown.document_error).await?)
        }
        Section::Notes => {
            template.notes =
                Some(sections::notes::notes(&v, shown.note_form, shown.translation).await?)
        }
        Section::Journey => {
            let stage = sections::stage::stage(&v, None, shown.stay_form, true).await?;
            let journey = sections::journey::journey(&v, true, false).await?;
            template.journey = Some((stage, journey));
        }
        Section::Handovers => {
            content = false;
            let destinations = sections::handovers::destinations(&v).await?;
            let names = state.store.organisations().await?;
            let name = |id: domain::OrgId| {
                names
                    .iter()
                    .find(|o| o.id == id)
                    .map(|o| o.fields.name.to_string())
                    .unwrap_or_default()
            };
            let passages = case
                .passages
                .iter()
                .map(|p| {
                    format!(
                        "{} → {}: {}",
                        name(p.from),
                        name(p.to),
                        t.get(&format!("handover-state-{}", p.state.as_str()))
                    )
                })
                .collect();
            template.handovers = Some((destinations, passages));
        }
        Section::Repatriation => {
            template.repatriation = Some(sections::journey::journey(&v, false, true).await?)
        }
        Section::Readers => {
            content = false;
            template.readers = Some(sections::readers::readers(&v).await?)
        }
        Section::Assessments => {
            template.assessments = Some(sections::assessments::assessments(&v).await?)
        }
    }
    if content {
        casework::audit_read(&state.store, &ctx.acting(actor, state.clock.now()), case).await?;
    }
    Ok(template)
}

async fn open(
    state: AppState,
    ctx: Ctx,
    id: String,
    query: SavedQuery,
    section: Section,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, section.action()).await?;
    let t = ctx.tr(&state.i18n);
    let shown = Shown {
        notice: query.notice(&t),
        ..Shown::default()
    };
    render(&section_page(&state, &ctx, &actor, &case, section, shown).await?)
}

macro_rules! section_route {
    ($($name:ident => $section:expr),* $(,)?) => {
        $(
            #[doc = concat!("`GET /cases/{id}/…`: the page of ", stringify!($name), ".")]
            pub async fn $name(
                State(state): State<AppState>,
                ctx: Ctx,
                Path(id): Path<String>,
                Query(query): Query<SavedQuery>,
            ) -> Result<Response, AppError> {
                open(state, ctx, id, query, $section).await
            }
        )*
    };
}

section_route! {
    words => Section::Words,
    decisions => Section::Decisions,
    consents => Section::Consents,
    documents => Section::Documents,
    notes => Section::Notes,
    journey => Section::Journey,
    handovers => Section::Handovers,
    repatriation => Section::Repatriation,
    readers => Section::Readers,
    assessments => Section::Assessments,
}
