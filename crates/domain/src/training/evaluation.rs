//! Pre and post questionnaires of a workshop, answered on a form of the forms engine (the
//! built-in `workshop-evaluation`, which the network can revise like any other form). The
//! change on attitude items ("the survivor decides the pace of her rehabilitation") is the
//! post-workshop mean minus the pre-workshop mean; a mean over fewer than [`K`] answers is not
//! shown, so no one's answers can be read back out of it.

use serde::Serialize;

use super::survivors::K;
use crate::form::{Answer, Answers, Field, FieldKind, FormDef, Item, Text};
use crate::{DomainError, OrgId, Timestamp};

/// The built-in questionnaire's key.
pub const FORM_KEY: &str = "workshop-evaluation";

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    Pre,
    Post,
}

impl Stage {
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Pre => "pre",
            Stage::Post => "post",
        }
    }
}

impl std::str::FromStr for Stage {
    type Err = DomainError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim() {
            "pre" => Ok(Stage::Pre),
            "post" => Ok(Stage::Post),
            _ => Err(DomainError::AnswerNotValid),
        }
    }
}

/// One participant's answers, before or after one workshop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation {
    pub id: uuid::Uuid,
    pub workshop_id: uuid::Uuid,
    pub enrolment_id: uuid::Uuid,
    /// Her organisation, from her enrolment.
    pub org_id: OrgId,
    pub stage: Stage,
    pub form_key: String,
    pub form_version: i64,
    pub answers: Answers,
    pub recorded_at: Timestamp,
}

/// The attitude items of a questionnaire: choice fields whose choices are all whole numbers
/// (a 1–5 agreement scale).
pub fn scale_items(def: &FormDef) -> Vec<&Field> {
    def.sections
        .iter()
        .flat_map(|s| &s.items)
        .filter_map(|item| match item {
            Item::Field(f) if f.kind == FieldKind::Choice => Some(f),
            _ => None,
        })
        .filter(|f| {
            f.choices
                .as_ref()
                .and_then(|list| def.choice_lists.get(list))
                .is_some_and(|choices| {
                    !choices.is_empty() && choices.iter().all(|c| c.value.parse::<i64>().is_ok())
                })
        })
        .collect()
}

/// A mean in hundredths, shown only when at least [`K`] people answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Mean {
    pub answered: usize,
    /// `None` when fewer than K answered.
    pub hundredths: Option<i64>,
}

fn mean<'a>(item: &str, evaluations: impl Iterator<Item = &'a Evaluation>) -> Mean {
    let values: Vec<i64> = evaluations
        .filter_map(|e| match e.answers.get(item) {
            Some(Answer::One(v)) => v.parse::<i64>().ok(),
            _ => None,
        })
        .collect();
    let n = values.len() as i64;
    let hundredths = (values.len() >= K && n > 0).then(|| {
        let sum: i64 = values.iter().sum();
        // Rounded half away from zero.
        (sum * 200 + n) / (2 * n)
    });
    Mean {
        answered: values.len(),
        hundredths,
    }
}

/// How the answers on one item moved between before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemChange {
    pub item: String,
    pub label: Text,
    pub pre: Mean,
    pub post: Mean,
    /// Post minus pre, in hundredths; `None` when either mean is not shown.
    pub change_hundredths: Option<i64>,
}

/// The change on every attitude item of `def`, over the evaluations given (one workshop, or
/// one organisation's staff in it).
pub fn change(def: &FormDef, evaluations: &[&Evaluation]) -> Vec<ItemChange> {
    scale_items(def)
        .into_iter()
        .map(|f| {
            let pre = mean(
                &f.name,
                evaluations
                    .iter()
                    .copied()
                    .filter(|e| e.stage == Stage::Pre),
            );
            let post = mean(
                &f.name,
                evaluations
                    .iter()
                    .copied()
                    .filter(|e| e.stage == Stage::Post),
            );
            ItemChange {
                item: f.name.clone(),
                label: f.label.clone(),
                pre,
                post,
                change_hundredths: pre.hundredths.zip(post.hundredths).map(|(a, b)| b - a),
            }
        })
        .collect()
}

/// The change for one organisation's staff among everyone who answered. Besides the K rule for
/// the organisation itself, a mean is hidden when the others in the workshop are 1 to K−1:
/// the workshop's mean beside this one would give theirs away.
pub fn change_within(def: &FormDef, all: &[&Evaluation], org: OrgId) -> Vec<ItemChange> {
    let theirs: Vec<&Evaluation> = all.iter().copied().filter(|e| e.org_id == org).collect();
    let overall = change(def, all);
    change(def, &theirs)
        .into_iter()
        .zip(overall)
        .map(|(mut mine, whole)| {
            let hide = |m: &mut Mean, whole: Mean| {
                let others = whole.answered - m.answered;
                if (1..K).contains(&others) {
                    m.hundredths = None;
                }
            };
            hide(&mut mine.pre, whole.pre);
            hide(&mut mine.post, whole.post);
            mine.change_hundredths = mine
                .pre
                .hundredths
                .zip(mine.post.hundredths)
                .map(|(a, b)| b - a);
            mine
        })
        .collect()
}

/// Hundredths as a decimal with two places: `1.25`, `-0.40`.
pub fn decimal(hundredths: i64) -> String {
    let sign = if hundredths < 0 { "-" } else { "" };
    let abs = hundredths.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn def() -> FormDef {
        crate::form::built_in()
            .into_iter()
            .find(|d| d.key == FORM_KEY)
            .expect("the questionnaire is built in")
    }

    fn answered(stage: Stage, org: OrgId, pace: &str) -> Evaluation {
        let mut answers = Answers::new();
        answers.insert("survivor_sets_pace".into(), Answer::One(pace.into()));
        Evaluation {
            id: uuid::Uuid::nil(),
            workshop_id: uuid::Uuid::nil(),
            enrolment_id: uuid::Uuid::nil(),
            org_id: org,
            stage,
            form_key: FORM_KEY.into(),
            form_version: 1,
            answers,
            recorded_at: Timestamp(0),
        }
    }

    #[test]
    fn the_questionnaire_has_the_pace_item_on_a_scale() {
        let d = def();
        assert_eq!(d.check(), Ok(()));
        assert_eq!(d.purpose, crate::form::FormPurpose::Training);
        let items: Vec<&str> = scale_items(&d).iter().map(|f| f.name.as_str()).collect();
        assert!(items.contains(&"survivor_sets_pace"), "{items:?}");
        assert!(items.len() >= 5);
    }

    #[test]
    fn change_is_post_mean_minus_pre_mean_and_needs_five_answers() {
        let org = OrgId::new();
        let mut all: Vec<Evaluation> = ["2", "3", "2", "1", "2"]
            .iter()
            .map(|v| answered(Stage::Pre, org, v))
            .collect();
        all.extend(
            ["4", "5", "4", "4"]
                .iter()
                .map(|v| answered(Stage::Post, org, v)),
        );
        let refs: Vec<&Evaluation> = all.iter().collect();
        let d = def();
        let pace = |refs: &[&Evaluation]| {
            change(&d, refs)
                .into_iter()
                .find(|c| c.item == "survivor_sets_pace")
                .expect("item")
        };
        let c = pace(&refs);
        assert_eq!(c.pre.hundredths, Some(200));
        assert_eq!(c.post.answered, 4);
        assert_eq!(c.post.hundredths, None, "four answers are too few to show");
        assert_eq!(c.change_hundredths, None);

        all.push(answered(Stage::Post, org, "5"));
        let refs: Vec<&Evaluation> = all.iter().collect();
        let c = pace(&refs);
        assert_eq!(c.post.hundredths, Some(440));
        assert_eq!(c.change_hundredths, Some(240));
        assert_eq!(decimal(240), "2.40");

        // One answer from another organisation beside five of ours: ours is hidden too, or
        // the workshop's mean would give the other one away.
        let other = OrgId::new();
        all.push(answered(Stage::Pre, other, "5"));
        let refs: Vec<&Evaluation> = all.iter().collect();
        let ours = change_within(&d, &refs, org)
            .into_iter()
            .find(|c| c.item == "survivor_sets_pace")
            .expect("item");
        assert_eq!(ours.pre.answered, 5);
        assert_eq!(ours.pre.hundredths, None);
        assert_eq!(
            ours.post.hundredths,
            Some(440),
            "no one else answered after"
        );
        assert_eq!(decimal(-45), "-0.45");
    }
}
