//! The cases behind a figure (`docs/indicators.md`, "Who sees what"): a director opens the list
//! of her own organisation's cases that a figure counts against, so that she can act on them.
//! The network admin reads figures only; nobody reads another organisation's list, and a case
//! her organisation no longer holds is counted, never linked.

use domain::indicators::continuity;
use domain::indicators::her_view as r8;
use domain::indicators::{self as formula, Period};
use domain::life_view::AreaRating;
use domain::policy::{Action, Resource};
use domain::scope::CaseScope;
use domain::{CaseCode, CaseId, Stage, Timestamp};

use super::Measure;
use crate::{Acting, App, Error};

/// A list a director can open from an indicator's card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseList {
    /// R1a's gap: open cases in her organisation's custody at the period's end with no words
    /// of hers recorded by it in the 90 days before.
    WithoutVoiceLately,
    /// R2d: the cases whose plan her organisation approved in the period without her recorded
    /// agreement.
    ApprovedWithoutHer,
    /// R4c's gap: the cases whose stay ended in the period after the date she wanted to leave.
    PastHerDate,
    /// R6d's gap: the follow-ups (1, 3, 6 or 12 months after her return) due in the period
    /// that were not done on time, as R6d counts them on the day the list is read.
    LateFollowUps,
    /// R8's gaps: the cases R8 counts whose latest rating in some area has hers and the
    /// worker's two points or more apart.
    HerViewGaps,
}

impl CaseList {
    pub const ALL: [CaseList; 5] = [
        CaseList::WithoutVoiceLately,
        CaseList::ApprovedWithoutHer,
        CaseList::PastHerDate,
        CaseList::LateFollowUps,
        CaseList::HerViewGaps,
    ];

    /// The figures it stands behind: R6d's list is behind each of its four follow-ups; R8's
    /// gaps are not a `Measure` (its card is drawn on its own).
    pub fn measures(self) -> &'static [Measure] {
        match self {
            CaseList::WithoutVoiceLately => &[Measure::VoiceLately],
            CaseList::ApprovedWithoutHer => &[Measure::ApprovedWithoutHer],
            CaseList::PastHerDate => &[Measure::PastHerDate],
            CaseList::LateFollowUps => &[
                Measure::FollowUpsOnTime1,
                Measure::FollowUpsOnTime3,
                Measure::FollowUpsOnTime6,
                Measure::FollowUpsOnTime12,
            ],
            CaseList::HerViewGaps => &[],
        }
    }

    /// The list behind a figure, if it has one.
    pub fn behind(measure: Measure) -> Option<CaseList> {
        CaseList::ALL
            .into_iter()
            .find(|l| l.measures().contains(&measure))
    }

    /// Its key in a link: the figure's key, where it stands behind one figure.
    pub fn key(self) -> &'static str {
        match self {
            CaseList::WithoutVoiceLately => Measure::VoiceLately.key(),
            CaseList::ApprovedWithoutHer => Measure::ApprovedWithoutHer.key(),
            CaseList::PastHerDate => Measure::PastHerDate.key(),
            CaseList::LateFollowUps => "r6d-follow-ups-late",
            CaseList::HerViewGaps => "r8-ratings-apart",
        }
    }

    pub fn from_key(key: &str) -> Option<CaseList> {
        CaseList::ALL.into_iter().find(|l| l.key() == key)
    }
}

/// One case of the list, as the case list shows it (code and stage, no content), with why it
/// is on the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseBehind {
    pub id: CaseId,
    pub code: CaseCode,
    pub stage: Stage,
    pub why: Why,
}

/// Why a case is on its list: the one date (or ratings) that puts it there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    /// R1a: the last day her organisation recorded her words, if ever.
    LastWords(Option<Timestamp>),
    /// R2d: when her plan was approved without her agreement.
    ApprovedAt(Timestamp),
    /// R4c: when she left care, and the day she wanted to leave.
    LeftAfter { left: Timestamp, wanted: time::Date },
    /// R6d: which follow-up (months after her return), the day it was due, and when it was
    /// done (late), if it was.
    FollowUpLate {
        months: u8,
        due_on: time::Date,
        done: Option<Timestamp>,
    },
    /// R8: the areas whose latest ratings are two points or more apart, hers and the
    /// worker's, in the plan's order.
    RatingsApart(Vec<AreaRating>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CasesBehind {
    pub list: CaseList,
    pub period: Period,
    /// The cases her organisation still holds, oldest first.
    pub cases: Vec<CaseBehind>,
    /// Cases the figure counted that have since passed to another organisation: counted, not
    /// named, since no indicator view links to a case outside her organisation.
    pub elsewhere: u64,
}

/// The cases of the reader's own organisation behind `list`'s figure for `period`. Only a
/// director, for her organisation (`Action::ReadIndicatorCases`).
pub async fn cases_behind(
    app: &App,
    acting: &Acting,
    list: CaseList,
    period: Period,
) -> Result<CasesBehind, Error> {
    let (actor, _, now) = acting.signed_in()?;
    let org = actor.org_id;
    acting.check(Action::ReadIndicatorCases, Resource::Organisation(org))?;
    let store = &app.store;
    let zone = store.time_zone_of(org).await?;
    let span = period.bounds(&zone);
    let behind: Vec<(CaseId, Why)> = match list {
        CaseList::WithoutVoiceLately => {
            let open = store.open_cases_at(org, span.end).await?;
            formula::without_voice_lately(&open, span.end)
                .into_iter()
                .map(|id| {
                    let last = open
                        .iter()
                        .find(|c| c.case == id)
                        .and_then(|c| c.last_words);
                    (id, Why::LastWords(last))
                })
                .collect()
        }
        CaseList::ApprovedWithoutHer => store
            .approved_without_her_cases(org, span)
            .await?
            .into_iter()
            .map(|(id, at)| (id, Why::ApprovedAt(at)))
            .collect(),
        // As `formula::past_her_date` counts: the day she left, in her organisation's zone,
        // after the day she wanted.
        CaseList::PastHerDate => store
            .stays_with_her_date(org, span)
            .await?
            .into_iter()
            .filter(|s| zone.date_of(s.left) > s.wanted)
            .map(|s| {
                (
                    s.case,
                    Why::LeftAfter {
                        left: s.left,
                        wanted: s.wanted,
                    },
                )
            })
            .collect(),
        // As R6d counts, quarter by quarter (a year is its quarters): each follow-up due in
        // it that is settled today and was not done on time, with its custodian at the
        // quarter's end for one not done.
        CaseList::LateFollowUps => {
            let today = zone.date_of(now);
            let mut late = Vec::new();
            for quarter in period.quarters() {
                let end = quarter.bounds(&zone).end;
                let due = store
                    .follow_ups_due_cases(org, (quarter.first_day(), quarter.day_after()), end)
                    .await?;
                late.extend(
                    due.into_iter()
                        .filter(|(_, f)| continuity::late(f, &zone, today))
                        .map(|(case, f)| {
                            (
                                case,
                                Why::FollowUpLate {
                                    months: f.months,
                                    due_on: f.due_on,
                                    done: f.done_at,
                                },
                            )
                        }),
                );
            }
            late
        }
        // As R8 counts its gaps, over the views her organisation recorded.
        CaseList::HerViewGaps => {
            let rows = store.life_views_for_indicator(org, span).await?;
            r8::gaps_by_case(&rows, span)
                .into_iter()
                .map(|(case, areas)| (case, Why::RatingsApart(areas)))
                .collect()
        }
    };
    let scope = CaseScope::of(actor);
    let mut cases = Vec::new();
    let mut elsewhere = 0;
    for (id, why) in behind {
        match store.case(id, &scope).await? {
            Some(case) if case.custodian == org => cases.push(CaseBehind {
                id,
                code: case.code,
                stage: case.stage,
                why,
            }),
            _ => elsewhere += 1,
        }
    }
    Ok(CasesBehind {
        list,
        period,
        cases,
        elsewhere,
    })
}
