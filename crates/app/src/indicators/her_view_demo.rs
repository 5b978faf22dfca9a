//! Her view of her life in the demo year (R8): each girl of the indicator demo is asked when she
//! enters care and again at a plan review in every later quarter, with her worker's rating
//! beside hers. Her own ratings climb slowly in safety, health, wellbeing and livelihood; family
//! stays hard for some, and justice very hard (or unsaid) while her worker rates both "good" —
//! the gaps R8 flags. The Howrah transit home asks one girl only, so its figure stays hidden.
//!
//! Every view goes through the store with its audit entry; loading twice adds nothing (a case
//! that has views is left as it is).

use std::sync::Arc;

use domain::audit::{AuditAction, AuditEvent};
use domain::life_view::{AreaRating, HerRating, LifeView, LifeViewFields, Occasion, Rating};
use domain::plan::GoalDomain;
use domain::{CaseCode, Timestamp};
use store::Store;

use super::demo::{Member, member};
use crate::Error;

/// (organisation, case worker, cases opened each quarter, how many of them are asked): as
/// `indicators::demo`'s members.
const MEMBERS: [(&str, &str, usize, usize); 4] = [
    ("Nirapad Shelter Home, Kolkata", "caseworker.kolkata", 8, 8),
    ("Asha Niketan, Mumbai", "caseworker.mumbai", 6, 6),
    ("Notun Alo, Jessore", "caseworker.jessore", 6, 6),
    (
        "Pather Sathi Transit Home, Howrah",
        "caseworker.howrah",
        2,
        1,
    ),
];

fn rating(points: usize) -> Rating {
    Rating::ALL[points.clamp(1, 4) - 1]
}

/// Girl `k`'s answers after `since` quarters in care, with her worker's.
fn areas(k: usize, since: usize) -> Vec<AreaRating> {
    GoalDomain::ALL
        .iter()
        .map(|&area| {
            let (her, worker) = match area {
                GoalDomain::Safety => (HerRating::Said(rating(1 + since)), rating(2 + since)),
                GoalDomain::Health => (HerRating::Said(rating(2 + since / 2)), rating(2 + since)),
                GoalDomain::Wellbeing => (
                    HerRating::Said(rating(1 + since + k % 2)),
                    rating(2 + since / 2),
                ),
                GoalDomain::Family => (
                    HerRating::Said(rating(if k.is_multiple_of(2) {
                        1
                    } else {
                        2 + since / 2
                    })),
                    rating(3),
                ),
                GoalDomain::Livelihood => (
                    HerRating::Said(rating(1 + since / 2 + k % 3 / 2)),
                    rating(2 + since / 2),
                ),
                GoalDomain::Justice => (
                    if k.is_multiple_of(3) {
                        HerRating::NotSaid
                    } else {
                        HerRating::Said(rating(1))
                    },
                    rating(3),
                ),
            };
            AreaRating { area, her, worker }
        })
        .collect()
}

/// Records the views; returns how many.
pub async fn load(store: &Arc<dyn Store>, now: Timestamp) -> Result<usize, Error> {
    let mut added = 0;
    for (m, (org_name, worker_name, per_quarter, asked)) in MEMBERS.iter().enumerate() {
        let Some(Member {
            org,
            worker,
            zone,
            trend,
        }) = member(store, org_name, worker_name, now).await?
        else {
            continue;
        };
        // The instant of case `k`'s view in quarter `q`: spread over the quarter (or the part
        // of it already lived), after the case's own records of that quarter.
        let when = |q: usize, k: usize, late: bool| -> Option<Timestamp> {
            let bounds = trend.get(q)?.bounds(&zone);
            let end = bounds.end.millis().min(now.millis());
            let room = (end - bounds.start.millis()).max(0) / (*per_quarter as i64 + 2);
            let step = if late { 11 } else { 9 };
            Some(Timestamp(
                bounds.start.millis() + room * (k as i64 + 1) + room * step / 12,
            ))
        };
        for q in 0..trend.len() {
            for k in 0..*asked {
                let code = CaseCode::from_random([0xA7, 0x5E, 0x10 + m as u8, q as u8, k as u8]);
                let Some(case) = store.case_by_code(&code).await? else {
                    continue;
                };
                let sight = domain::sight::Sight::own(org);
                if !store.life_views_of(case.id, &sight).await?.is_empty() {
                    continue;
                }
                for later in q..trend.len() {
                    let Some(at) = when(later, k, later > q) else {
                        continue;
                    };
                    if at > now {
                        continue;
                    }
                    let view = LifeView {
                        id: uuid::Uuid::now_v7(),
                        case_id: case.id,
                        fields: LifeViewFields {
                            occasion: if later == q {
                                Occasion::EnteringCare
                            } else {
                                Occasion::PlanReview
                            },
                            reference: None,
                            recorded_on: zone.date_of(at),
                            areas: areas(k, later - q),
                        },
                        org_id: org,
                        recorded_by: worker,
                        recorded_at: at,
                    };
                    let event = AuditEvent::new(
                        at,
                        AuditAction::LifeViewRecorded,
                        format!("case:{}", case.id),
                    )
                    .by(worker, org)
                    .scoped_to(org)
                    .from_source("demo");
                    store.record_life_view(&view, event).await?;
                    added += 1;
                }
            }
        }
    }
    Ok(added)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn her_ratings_climb_and_the_worker_sees_justice_and_family_better_than_she_does() {
        let first = areas(0, 0);
        let later = areas(0, 3);
        assert!(first.iter().zip(&later).all(|(a, b)| a.area == b.area));
        let points = |a: &AreaRating| a.her.rating().map(Rating::points);
        assert!(points(&later[0]) > points(&first[0]), "safety climbs");
        assert!(later[3].flagged(), "family: very hard against good");
        assert_eq!(later[5].her, HerRating::NotSaid, "justice unsaid for some");
        assert!(areas(1, 3)[5].flagged(), "justice very hard against good");
        assert_eq!(first.len(), 6);
    }
}
