//! Her case plan: goals in six domains of her life, each with actions, the organisation
//! responsible, a target date and who set it — she herself, the team, or a court or police
//! order — a status, and reviews that record whether she agrees, in her words.
//!
//! The plan is one document with a version: every save names the version it was based on, so
//! two people editing at once never overwrite each other (the store keeps every version).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use time::Date;

use crate::voice::{format_date_iso, parse_date};
use crate::{DomainError, OrgId, Timestamp, UserId};

macro_rules! named_enum {
    ($(#[$meta:meta])* $name:ident, $error:ident, $prefix:literal, [$($variant:ident = $text:literal),+ $(,)?]) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn message_id(self) -> String {
                format!(concat!($prefix, "-{}"), self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = DomainError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                let wanted = s.trim().to_ascii_lowercase();
                $name::ALL.iter().copied().find(|v| v.as_str() == wanted).ok_or_else(|| DomainError::$error(s.to_string()))
            }
        }

        impl TryFrom<String> for $name {
            type Error = DomainError;
            fn try_from(s: String) -> Result<Self, Self::Error> {
                s.parse()
            }
        }

        impl From<$name> for String {
            fn from(v: $name) -> Self {
                v.as_str().to_string()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

named_enum!(
    /// The domains of her life a goal belongs to (DESIGN §3).
    GoalDomain, UnknownGoalDomain, "goal-domain",
    [Safety = "safety", Health = "health", Wellbeing = "wellbeing", Family = "family",
     Livelihood = "livelihood", Justice = "justice"]
);
named_enum!(
    /// Who set a goal or a target: she herself, the team, or a court or police order.
    SetBy, UnknownSetBy, "set-by",
    [Her = "her", Team = "team", Order = "order"]
);
named_enum!(
    GoalStatus,
    UnknownGoalStatus,
    "goal-status",
    [
        Open = "open",
        InProgress = "in-progress",
        Achieved = "achieved",
        Dropped = "dropped"
    ]
);
named_enum!(
    /// Whether she agrees with the plan at a review.
    Agreement, UnknownAgreement, "agreement",
    [Agreed = "agreed", Partly = "partly", Disagreed = "disagreed"]
);

/// A date kept as `YYYY-MM-DD` text in the stored plan.
mod iso_date {
    use super::*;
    use serde::{Deserializer, Serializer};

    pub fn serialize<S: Serializer>(date: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(d) => s.serialize_some(&format_date_iso(*d)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
        let text: Option<String> = Option::deserialize(d)?;
        text.filter(|t| !t.is_empty())
            .map(|t| parse_date(&t).map_err(serde::de::Error::custom))
            .transpose()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanAction {
    pub what: String,
    /// The organisation responsible (from the directory).
    pub responsible: Option<OrgId>,
    #[serde(with = "iso_date", default)]
    pub target: Option<Date>,
    pub set_by: SetBy,
    pub status: GoalStatus,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Goal {
    pub domain: GoalDomain,
    /// The goal, in her words where they are hers.
    pub goal: String,
    pub set_by: SetBy,
    #[serde(with = "iso_date", default)]
    pub target: Option<Date>,
    /// Who set the target date, when not whoever set the goal (a court may date a goal she
    /// chose). Plans saved before this was recorded have none: the goal's setter counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_set_by: Option<SetBy>,
    pub status: GoalStatus,
    #[serde(default)]
    pub actions: Vec<PlanAction>,
}

impl Goal {
    /// Who set the target date: its own setter where recorded, else the goal's.
    pub fn target_setter(&self) -> SetBy {
        self.target_set_by.unwrap_or(self.set_by)
    }
}

/// The plan's content: what a save replaces as a whole.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanBody {
    #[serde(default)]
    pub goals: Vec<Goal>,
}

pub const PLAN_TEXT_MAX: usize = 2000;
pub const PLAN_GOALS_MAX: usize = 60;

impl PlanBody {
    /// Checks the plan: texts present and not too long, target dates not before the case was
    /// opened. Problems name their place, e.g. `goals[1].actions[0].target`.
    pub fn check(&self, opened: Timestamp) -> Result<(), Vec<(String, DomainError)>> {
        let opened = opened.to_datetime().date();
        let mut errors = Vec::new();
        let mut text = |place: String, value: &str| {
            if value.trim().is_empty() {
                errors.push((place, DomainError::EmptyText));
            } else if value.chars().count() > PLAN_TEXT_MAX {
                errors.push((place, DomainError::TextTooLong { max: PLAN_TEXT_MAX }));
            }
        };
        for (g, goal) in self.goals.iter().enumerate() {
            text(format!("goals[{g}].goal"), &goal.goal);
            for (a, action) in goal.actions.iter().enumerate() {
                text(format!("goals[{g}].actions[{a}].what"), &action.what);
            }
        }
        if self.goals.len() > PLAN_GOALS_MAX {
            errors.push((
                "goals".into(),
                DomainError::TooManyGoals {
                    max: PLAN_GOALS_MAX,
                },
            ));
        }
        for (g, goal) in self.goals.iter().enumerate() {
            if goal.target.is_some_and(|t| t < opened) {
                errors.push((
                    format!("goals[{g}].target"),
                    DomainError::DateBeforeCaseOpened,
                ));
            }
            for (a, action) in goal.actions.iter().enumerate() {
                if action.target.is_some_and(|t| t < opened) {
                    errors.push((
                        format!("goals[{g}].actions[{a}].target"),
                        DomainError::DateBeforeCaseOpened,
                    ));
                }
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// Every organisation the plan names as responsible.
    pub fn organisations(&self) -> Vec<OrgId> {
        let mut orgs: Vec<OrgId> = self
            .goals
            .iter()
            .flat_map(|g| g.actions.iter().filter_map(|a| a.responsible))
            .collect();
        orgs.sort();
        orgs.dedup();
        orgs
    }

    /// Normalises every text (NFC, trimmed), so what is stored is what is compared.
    pub fn normalised(mut self) -> Self {
        for goal in &mut self.goals {
            goal.goal = crate::text::normalise(&goal.goal);
            for action in &mut goal.actions {
                action.what = crate::text::normalise(&action.what);
            }
        }
        self
    }
}

/// A plan as stored: its content and where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub body: PlanBody,
    pub version: i64,
    pub updated_by: Option<UserId>,
    pub updated_at: Timestamp,
    /// The version approved last, if any.
    pub approved_version: Option<i64>,
}

/// One review of the plan with her.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanReview {
    pub id: uuid::Uuid,
    pub plan_version: i64,
    pub agreement: Agreement,
    /// Her words about the plan.
    pub her_words: String,
    pub notes: String,
    pub reviewed_by: UserId,
    pub reviewed_at: Timestamp,
}

/// Whether the logged decisions allow approving the plan: one about the plan must exist (it
/// carries her participation, or the stated reason she could not take part).
pub fn approval_is_backed(decisions: &[crate::decision::Decision]) -> Result<(), DomainError> {
    if decisions
        .iter()
        .any(|d| d.fields.topic == crate::decision::DecisionTopic::Plan)
    {
        Ok(())
    } else {
        Err(DomainError::PlanNeedsDecision)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn goal(target: Option<&str>) -> Goal {
        Goal {
            domain: GoalDomain::Livelihood,
            goal: "সেলাই শিখে নিজের রোজগার".into(),
            set_by: SetBy::Her,
            target: target.map(|t| parse_date(t).unwrap()),
            target_set_by: None,
            status: GoalStatus::Open,
            actions: vec![PlanAction {
                what: "সেলাই প্রশিক্ষণে ভর্তি".into(),
                responsible: Some(OrgId::new()),
                target: None,
                set_by: SetBy::Team,
                status: GoalStatus::Open,
            }],
        }
    }

    #[test]
    fn a_plan_round_trips_as_json_and_names_its_problems_by_place() {
        let opened = Timestamp(1_795_910_400_000); // 2026-11-29
        let plan = PlanBody {
            goals: vec![goal(Some("2027-03-31"))],
        };
        assert!(plan.check(opened).is_ok());
        let json = serde_json::to_string(&plan).unwrap();
        assert!(
            json.contains("\"2027-03-31\"")
                && json.contains("\"livelihood\"")
                && json.contains("\"her\"")
        );
        assert_eq!(serde_json::from_str::<PlanBody>(&json).unwrap(), plan);

        let mut bad = PlanBody {
            goals: vec![goal(Some("2026-01-01"))],
        };
        bad.goals[0].actions[0].what = " ".into();
        let errors = bad.check(opened).unwrap_err();
        let places: Vec<&str> = errors.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(places, ["goals[0].actions[0].what", "goals[0].target"]);
        assert!(
            serde_json::from_str::<PlanBody>(
                r#"{"goals":[{"domain":"wealth","goal":"x","set_by":"her","status":"open"}]}"#
            )
            .is_err()
        );
    }

    #[test]
    fn a_target_counts_its_own_setter_and_old_plans_the_goals() {
        let old: Goal = serde_json::from_str(
            r#"{"domain":"family","goal":"মায়ের কাছে ফেরা","set_by":"her","target":"2027-01-31","status":"open"}"#,
        )
        .unwrap();
        assert_eq!(old.target_set_by, None);
        assert_eq!(old.target_setter(), SetBy::Her);
        let dated_by_court = Goal {
            target_set_by: Some(SetBy::Order),
            ..old.clone()
        };
        assert_eq!(dated_by_court.target_setter(), SetBy::Order);
        let json = serde_json::to_string(&old).unwrap();
        assert!(
            !json.contains("target_set_by"),
            "old plans keep their shape: {json}"
        );
        assert!(
            serde_json::to_string(&dated_by_court)
                .unwrap()
                .contains("\"target_set_by\":\"order\"")
        );
    }
}
