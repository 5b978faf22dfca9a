//! Her own view of her life (R8, `docs/indicators.md`): in the six areas of her plan, how her
//! life is going, on a four-point scale she can answer in a word — very hard, hard, good, very
//! good — recorded with her when she enters care, at each plan review and at each follow-up,
//! with the worker's rating of the same area beside hers.
//!
//! She is the judge of whether her life is getting better, so her rating is never filled in
//! for her: she may decline an area, and that is kept as "not said", never as a missing value
//! or a guess. The worker rates every area. Where the two are two points or more apart the
//! area is flagged: a gap that is worth talking through with her.

use std::fmt;
use std::str::FromStr;

use time::Date;

use crate::plan::GoalDomain;
use crate::{CaseId, DomainError, OrgId, Timestamp, UserId};

/// One point of the four-point scale, worst first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rating {
    VeryHard,
    Hard,
    Good,
    VeryGood,
}

impl Rating {
    pub const ALL: [Rating; 4] = [
        Rating::VeryHard,
        Rating::Hard,
        Rating::Good,
        Rating::VeryGood,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Rating::VeryHard => "very-hard",
            Rating::Hard => "hard",
            Rating::Good => "good",
            Rating::VeryGood => "very-good",
        }
    }

    /// Its place on the scale, 1 (very hard) to 4 (very good).
    pub fn points(self) -> i64 {
        match self {
            Rating::VeryHard => 1,
            Rating::Hard => 2,
            Rating::Good => 3,
            Rating::VeryGood => 4,
        }
    }

    /// The Fluent id of its words (`life-rating-very-hard` …).
    pub fn message_id(self) -> String {
        format!("life-rating-{}", self.as_str())
    }
}

impl FromStr for Rating {
    type Err = DomainError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_ascii_lowercase();
        Rating::ALL
            .into_iter()
            .find(|r| r.as_str() == wanted)
            .ok_or_else(|| DomainError::UnknownRating(s.to_string()))
    }
}

impl fmt::Display for Rating {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What she said about one area: a point of the scale, or that she did not want to say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HerRating {
    Said(Rating),
    NotSaid,
}

impl HerRating {
    /// Every answer, in the order the form offers them.
    pub const ALL: [HerRating; 5] = [
        HerRating::Said(Rating::VeryHard),
        HerRating::Said(Rating::Hard),
        HerRating::Said(Rating::Good),
        HerRating::Said(Rating::VeryGood),
        HerRating::NotSaid,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            HerRating::Said(r) => r.as_str(),
            HerRating::NotSaid => "not-said",
        }
    }

    pub fn rating(self) -> Option<Rating> {
        match self {
            HerRating::Said(r) => Some(r),
            HerRating::NotSaid => None,
        }
    }

    pub fn message_id(self) -> String {
        format!("life-rating-{}", self.as_str())
    }
}

impl FromStr for HerRating {
    type Err = DomainError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.trim().eq_ignore_ascii_case("not-said") {
            return Ok(HerRating::NotSaid);
        }
        s.parse().map(HerRating::Said)
    }
}

impl fmt::Display for HerRating {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// When her view was asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Occasion {
    /// When she entered care.
    EnteringCare,
    /// At a review of her plan.
    PlanReview,
    /// At a follow-up after her return.
    FollowUp,
}

impl Occasion {
    pub const ALL: [Occasion; 3] = [
        Occasion::EnteringCare,
        Occasion::PlanReview,
        Occasion::FollowUp,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Occasion::EnteringCare => "entering-care",
            Occasion::PlanReview => "plan-review",
            Occasion::FollowUp => "follow-up",
        }
    }

    pub fn message_id(self) -> String {
        format!("life-occasion-{}", self.as_str())
    }
}

impl FromStr for Occasion {
    type Err = DomainError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_ascii_lowercase();
        Occasion::ALL
            .into_iter()
            .find(|o| o.as_str() == wanted)
            .ok_or_else(|| DomainError::UnknownOccasion(s.to_string()))
    }
}

impl fmt::Display for Occasion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One area of her life: what she said, and the worker's rating beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AreaRating {
    pub area: GoalDomain,
    pub her: HerRating,
    pub worker: Rating,
}

/// Points apart at which her rating and the worker's are flagged.
pub const GAP_POINTS: i64 = 2;

impl AreaRating {
    /// How far apart she and the worker are (worker less her), when she said.
    pub fn gap(&self) -> Option<i64> {
        self.her.rating().map(|h| self.worker.points() - h.points())
    }

    /// Whether she and the worker are two points or more apart.
    pub fn flagged(&self) -> bool {
        self.gap().is_some_and(|g| g.abs() >= GAP_POINTS)
    }
}

/// What is recorded, already read: the occasion (with the review or follow-up it belongs to,
/// where one was recorded), the day it was talked through with her, and the six areas in the
/// plan's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LifeViewFields {
    pub occasion: Occasion,
    /// The plan review or follow-up this was asked at, when one is on record.
    pub reference: Option<uuid::Uuid>,
    pub recorded_on: Date,
    pub areas: Vec<AreaRating>,
}

impl LifeViewFields {
    /// The checks that need nothing but the case: every area once, in the plan's order; a
    /// reference only for a review or follow-up; a day not before her case nor after today.
    pub fn check(&self, opened: Timestamp, today: Date) -> Result<(), DomainError> {
        let areas: Vec<GoalDomain> = self.areas.iter().map(|a| a.area).collect();
        if areas != GoalDomain::ALL {
            return Err(DomainError::LifeViewAreas);
        }
        if self.occasion == Occasion::EnteringCare && self.reference.is_some() {
            return Err(DomainError::LifeViewReference);
        }
        if self.recorded_on > today {
            return Err(DomainError::DateInFuture);
        }
        if self.recorded_on < opened.to_datetime().date() {
            return Err(DomainError::DateBeforeCaseOpened);
        }
        Ok(())
    }

    /// The rating of one area.
    pub fn area(&self, area: GoalDomain) -> Option<&AreaRating> {
        self.areas.iter().find(|a| a.area == area)
    }
}

/// Her view as recorded: by whom, when, and for which organisation (the custodian then: only
/// its staff write to her case).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LifeView {
    pub id: uuid::Uuid,
    pub case_id: CaseId,
    pub fields: LifeViewFields,
    pub org_id: OrgId,
    pub recorded_by: UserId,
    pub recorded_at: Timestamp,
}

/// One area's history over her case: her first and latest rating, the worker's, and whether
/// the latest pair is flagged. Views are taken oldest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AreaChange {
    pub area: GoalDomain,
    /// Her first and latest said ratings (`None` until she has said one).
    pub her: Option<(Rating, Rating)>,
    pub worker: Option<(Rating, Rating)>,
    pub flagged: bool,
}

/// For each area, the change from the first view to the latest, for her (her first and latest
/// said ratings) and for the worker, with the latest view's gap flagged.
pub fn changes(views: &[LifeViewFields]) -> Vec<AreaChange> {
    GoalDomain::ALL
        .iter()
        .map(|&area| {
            let rated: Vec<&AreaRating> = views.iter().filter_map(|v| v.area(area)).collect();
            let hers: Vec<Rating> = rated.iter().filter_map(|a| a.her.rating()).collect();
            AreaChange {
                area,
                her: hers.first().zip(hers.last()).map(|(a, b)| (*a, *b)),
                worker: rated
                    .first()
                    .zip(rated.last())
                    .map(|(a, b)| (a.worker, b.worker)),
                flagged: rated.last().is_some_and(|a| a.flagged()),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn view(on: Date, ratings: [(HerRating, Rating); 6]) -> LifeViewFields {
        LifeViewFields {
            occasion: Occasion::PlanReview,
            reference: None,
            recorded_on: on,
            areas: GoalDomain::ALL
                .iter()
                .zip(ratings)
                .map(|(&area, (her, worker))| AreaRating { area, her, worker })
                .collect(),
        }
    }

    use HerRating::{NotSaid, Said};
    use Rating::{Good, Hard, VeryGood, VeryHard};

    #[test]
    fn the_scale_reads_back_and_refuses_anything_else() {
        for r in HerRating::ALL {
            assert_eq!(r.as_str().parse::<HerRating>(), Ok(r));
        }
        assert_eq!("Very-Good".parse::<Rating>(), Ok(VeryGood));
        assert_eq!(
            "5".parse::<Rating>(),
            Err(DomainError::UnknownRating("5".into()))
        );
        assert!("not-said".parse::<Rating>().is_err());
        assert_eq!(VeryHard.points() + VeryGood.points(), 5);
        assert_eq!(
            "review".parse::<Occasion>(),
            Err(DomainError::UnknownOccasion("review".into()))
        );
    }

    #[test]
    fn a_gap_of_two_points_is_flagged_and_not_said_is_never() {
        let a = |her, worker| AreaRating {
            area: GoalDomain::Safety,
            her,
            worker,
        };
        assert!(a(Said(VeryHard), Good).flagged());
        assert!(a(Said(VeryGood), Hard).flagged());
        assert!(!a(Said(Hard), Good).flagged());
        assert!(!a(NotSaid, VeryGood).flagged());
        assert_eq!(a(Said(Hard), VeryGood).gap(), Some(2));
    }

    #[test]
    fn a_view_names_each_area_once_on_a_day_within_her_case() {
        let opened = Timestamp(1_782_864_000_000); // 1 July 2026
        let today = date!(2026 - 11 - 30);
        let ok = view(date!(2026 - 08 - 01), [(Said(Good), Good); 6]);
        assert_eq!(ok.check(opened, today), Ok(()));
        let mut short = ok.clone();
        short.areas.pop();
        assert_eq!(short.check(opened, today), Err(DomainError::LifeViewAreas));
        let mut early = ok.clone();
        early.recorded_on = date!(2026 - 06 - 30);
        assert_eq!(
            early.check(opened, today),
            Err(DomainError::DateBeforeCaseOpened)
        );
        let mut late = ok.clone();
        late.recorded_on = date!(2026 - 12 - 01);
        assert_eq!(late.check(opened, today), Err(DomainError::DateInFuture));
        let mut entering = ok;
        entering.occasion = Occasion::EnteringCare;
        entering.reference = Some(uuid::Uuid::nil());
        assert_eq!(
            entering.check(opened, today),
            Err(DomainError::LifeViewReference)
        );
    }

    #[test]
    fn changes_run_from_her_first_said_rating_to_her_latest() {
        let first = view(
            date!(2026 - 07 - 01),
            [
                (NotSaid, Hard),
                (Said(VeryHard), Hard),
                (Said(Hard), Hard),
                (Said(Good), Good),
                (Said(Hard), Hard),
                (NotSaid, VeryHard),
            ],
        );
        let second = view(
            date!(2026 - 09 - 01),
            [
                (Said(Hard), Good),
                (NotSaid, Good),
                (Said(Good), Good),
                (Said(Good), Good),
                (Said(VeryHard), VeryGood),
                (NotSaid, Hard),
            ],
        );
        let c = changes(&[first, second]);
        assert_eq!(c[0].her, Some((Hard, Hard))); // safety: said only the second time
        assert_eq!(c[0].worker, Some((Hard, Good)));
        assert_eq!(c[1].her, Some((VeryHard, VeryHard))); // health: only the first time
        assert_eq!(c[2].her, Some((Hard, Good)));
        assert!(c[4].flagged); // livelihood: very hard against very good
        assert!(!c[1].flagged);
        assert_eq!(c[5].her, None); // justice: she has not said
        assert_eq!(c[5].worker, Some((VeryHard, Hard)));
    }
}
