//! The training programme as a page: its phases and their workshops, in her language.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use domain::policy::{Action, Resource};

use super::{Page, Tr, render};
use crate::{AppError, AppState, Ctx};

pub struct WorkshopRow {
    pub title: String,
    /// Days, residential or not, audience, group size.
    pub detail: String,
    /// On the calendar: (dates, venue and facilitators, calendar file).
    pub scheduled: Vec<(String, String, String)>,
}

#[derive(Template)]
#[template(path = "training.html")]
struct TrainingTemplate<'a> {
    page: Page<'a>,
    programme: String,
    phases: Vec<(String, Vec<WorkshopRow>)>,
}

pub async fn show(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    ctx.authorize(Action::ReadTraining, Resource::Network)?;
    let t = Tr {
        i18n: &state.i18n,
        lang: ctx.lang,
    };
    let p = crate::training::programme()?;
    let scheduled = state.store.workshops().await?;
    let phases = p
        .phases
        .iter()
        .map(|ph| {
            (
                t.with(
                    "training-phase",
                    "title",
                    &format!(
                        "{} · {}",
                        i18n::format_number(ctx.lang, i64::from(ph.number)),
                        ph.title.get(ctx.lang)
                    ),
                ),
                ph.workshops
                    .iter()
                    .map(|w| WorkshopRow {
                        title: w.title.get(ctx.lang).to_string(),
                        detail: [
                            t.count("training-days", w.days as usize),
                            t.get(if w.residential {
                                "training-residential"
                            } else {
                                "training-not-residential"
                            }),
                            t.get(&w.audience.message_id()),
                            t.count(
                                "training-group-size",
                                domain::training::TARGET_GROUP_SIZE as usize,
                            ),
                        ]
                        .join(" · "),
                        scheduled: scheduled
                            .iter()
                            .filter(|s| s.template.key == w.key)
                            .map(|s| {
                                (
                                    format!(
                                        "{} – {}",
                                        i18n::localise_digits(
                                            ctx.lang,
                                            &domain::voice::format_date_iso(s.starts_on)
                                        ),
                                        i18n::localise_digits(
                                            ctx.lang,
                                            &domain::voice::format_date_iso(s.ends_on)
                                        )
                                    ),
                                    crate::training::summary(&t, s),
                                    format!("/api/v1/training/workshops/{}/calendar.ics", s.id),
                                )
                            })
                            .collect(),
                    })
                    .collect(),
            )
        })
        .collect();
    let page = Page::new(&state, &ctx, "/training", "training-title");
    render(&TrainingTemplate {
        page,
        programme: p.title.get(ctx.lang).to_string(),
        phases,
    })
}
