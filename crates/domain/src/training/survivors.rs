//! Survivor workshops (phase 3): survivors are recorded apart from staff, under pseudonymous
//! codes, and only the trainers of a workshop see who attended. What they say about it reaches
//! directors and managers only as unattributed themes and counts, with every count under
//! [`K`] suppressed (DESIGN §1.6).

use serde::Serialize;

use crate::{DomainError, Language, OrgId, Timestamp};

use super::Dropout;

/// The smallest count shown in an aggregate; smaller counts could point at a person.
pub const K: usize = 5;
pub const KNOWN_AS_MAX: usize = 100;
pub const WORDS_MAX: usize = 4_000;

/// A survivor in the survivor workshops, as her trainers know her.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trainee {
    pub id: uuid::Uuid,
    /// `SW-7KQ3`: what everyone but her trainers sees.
    pub code: String,
    /// The name her trainers use with her.
    pub known_as: String,
    /// The organisation that supports her, if she wants it known.
    pub org_id: Option<OrgId>,
    pub created_at: Timestamp,
}

/// Letters that cannot be mistaken for each other when read aloud or copied by hand.
const CODE_LETTERS: &[u8; 28] = b"ABCDEFGHJKLMNPQRSTUVWXYZ2345";

/// A pseudonymous code from random bits: `SW-` and four unambiguous letters or digits.
pub fn code(random: u32) -> String {
    let mut n = random as usize;
    let mut out = String::from("SW-");
    for _ in 0..4 {
        out.push(char::from(CODE_LETTERS[n % CODE_LETTERS.len()]));
        n /= CODE_LETTERS.len();
    }
    out
}

/// Her place in one survivor workshop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub id: uuid::Uuid,
    pub workshop_id: uuid::Uuid,
    pub trainee_id: uuid::Uuid,
    pub enrolled_at: Timestamp,
    pub dropout: Option<Dropout>,
}

/// What survivors' feedback is about: a closed list, so it can be counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Theme {
    BeingHeard,
    Safety,
    OwnPace,
    Family,
    Livelihood,
    Dignity,
    StaffAttitude,
    PeerSupport,
    Other,
}

impl Theme {
    pub const ALL: [Theme; 9] = [
        Theme::BeingHeard,
        Theme::Safety,
        Theme::OwnPace,
        Theme::Family,
        Theme::Livelihood,
        Theme::Dignity,
        Theme::StaffAttitude,
        Theme::PeerSupport,
        Theme::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Theme::BeingHeard => "being-heard",
            Theme::Safety => "safety",
            Theme::OwnPace => "own-pace",
            Theme::Family => "family",
            Theme::Livelihood => "livelihood",
            Theme::Dignity => "dignity",
            Theme::StaffAttitude => "staff-attitude",
            Theme::PeerSupport => "peer-support",
            Theme::Other => "other",
        }
    }

    pub fn message_id(self) -> String {
        format!("feedback-theme-{}", self.as_str())
    }
}

impl std::str::FromStr for Theme {
    type Err = DomainError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Theme::ALL
            .into_iter()
            .find(|t| t.as_str() == s.trim())
            .ok_or(DomainError::AnswerNotValid)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Tone {
    Appreciation,
    Concern,
    Suggestion,
}

impl Tone {
    pub const ALL: [Tone; 3] = [Tone::Appreciation, Tone::Concern, Tone::Suggestion];

    pub fn as_str(self) -> &'static str {
        match self {
            Tone::Appreciation => "appreciation",
            Tone::Concern => "concern",
            Tone::Suggestion => "suggestion",
        }
    }

    pub fn message_id(self) -> String {
        format!("feedback-tone-{}", self.as_str())
    }
}

impl std::str::FromStr for Tone {
    type Err = DomainError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Tone::ALL
            .into_iter()
            .find(|t| t.as_str() == s.trim())
            .ok_or(DomainError::AnswerNotValid)
    }
}

/// One thing a survivor said about a workshop. It has no link to who said it, by design.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feedback {
    pub id: uuid::Uuid,
    pub workshop_id: uuid::Uuid,
    pub theme: Theme,
    pub tone: Tone,
    pub words: String,
    pub language: Language,
    pub recorded_at: Timestamp,
}

/// A count in an aggregate: shown, or suppressed because it is under [`K`] (or because it
/// would give a suppressed one away).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    Shown(usize),
    Suppressed,
}

impl Serialize for Cell {
    /// A number, or `null` when suppressed.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Cell::Shown(n) => s.serialize_u64(*n as u64),
            Cell::Suppressed => s.serialize_none(),
        }
    }
}

/// Suppresses every count from 1 to K−1 (nobody saying something reveals no one). When
/// exactly one count of a row would be hidden, the next smallest is hidden too, so the total
/// minus the others cannot give it back.
pub fn suppress(counts: &[usize]) -> Vec<Cell> {
    let mut cells: Vec<Cell> = counts
        .iter()
        .map(|&n| {
            if n == 0 || n >= K {
                Cell::Shown(n)
            } else {
                Cell::Suppressed
            }
        })
        .collect();
    let hidden = cells.iter().filter(|c| **c == Cell::Suppressed).count();
    if hidden == 1 {
        let smallest = counts
            .iter()
            .enumerate()
            .filter(|(i, n)| **n > 0 && cells[*i] != Cell::Suppressed)
            .min_by_key(|(_, n)| **n)
            .map(|(i, _)| i);
        if let Some(i) = smallest {
            cells[i] = Cell::Suppressed;
        }
    }
    cells
}

/// The unattributed view of a workshop's feedback.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// How many pieces of feedback there are (suppressed under K, and then everything is).
    pub total: Cell,
    pub themes: Vec<(Theme, Cell)>,
    pub tones: Vec<(Tone, Cell)>,
}

/// The summary of a workshop's feedback. `people` is how many survivors had a place in it:
/// with fewer than K, nothing but that there is feedback is shown, however many pieces they
/// gave (two survivors saying three things each are still two people).
pub fn summary(feedback: &[Feedback], people: usize) -> Summary {
    let total = feedback.len();
    let theme_counts: Vec<usize> = Theme::ALL
        .iter()
        .map(|t| feedback.iter().filter(|f| f.theme == *t).count())
        .collect();
    let tone_counts: Vec<usize> = Tone::ALL
        .iter()
        .map(|t| feedback.iter().filter(|f| f.tone == *t).count())
        .collect();
    let (total, themes, tones) = if total < K || people < K {
        (
            if total == 0 {
                Cell::Shown(0)
            } else {
                Cell::Suppressed
            },
            vec![Cell::Suppressed; Theme::ALL.len()],
            vec![Cell::Suppressed; Tone::ALL.len()],
        )
    } else {
        (
            Cell::Shown(total),
            suppress(&theme_counts),
            suppress(&tone_counts),
        )
    };
    Summary {
        total,
        themes: Theme::ALL.into_iter().zip(themes).collect(),
        tones: Tone::ALL.into_iter().zip(tones).collect(),
    }
}

/// What a survivor who completed phase 3 may choose to become, with her consent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PeerRole {
    Supporter,
    Educator,
    Leader,
}

impl PeerRole {
    pub const ALL: [PeerRole; 3] = [PeerRole::Supporter, PeerRole::Educator, PeerRole::Leader];

    pub fn as_str(self) -> &'static str {
        match self {
            PeerRole::Supporter => "supporter",
            PeerRole::Educator => "educator",
            PeerRole::Leader => "leader",
        }
    }

    pub fn message_id(self) -> String {
        format!("peer-role-{}", self.as_str())
    }
}

impl std::str::FromStr for PeerRole {
    type Err = DomainError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PeerRole::ALL
            .into_iter()
            .find(|r| r.as_str() == s.trim())
            .ok_or(DomainError::AnswerNotValid)
    }
}

/// A peer role she took on, with how her consent was asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Peer {
    pub trainee_id: uuid::Uuid,
    pub role: PeerRole,
    /// The language her consent was explained in.
    pub consent_language: Language,
    pub recorded_at: Timestamp,
}

/// She may become a peer supporter, educator or leader once she completed every workshop of
/// phase 3 (`required`: their template keys) and said yes herself.
pub fn check_peer(
    required: &[&str],
    completed: &[String],
    consented: bool,
) -> Result<(), DomainError> {
    if !required
        .iter()
        .all(|k| completed.iter().any(|c| c.as_str() == *k))
    {
        return Err(DomainError::PhaseNotCompleted);
    }
    if !consented {
        return Err(DomainError::ConsentNeeded);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feedback(theme: Theme, tone: Tone) -> Feedback {
        Feedback {
            id: uuid::Uuid::nil(),
            workshop_id: uuid::Uuid::nil(),
            theme,
            tone,
            words: "আমার কথা শোনা হয়েছে".into(),
            language: Language::Bn,
            recorded_at: Timestamp(0),
        }
    }

    #[test]
    fn codes_are_short_unambiguous_and_differ() {
        let a = code(0x1234_5678);
        let b = code(0x1234_5679);
        assert_eq!(a.len(), 7);
        assert!(a.starts_with("SW-"));
        assert_ne!(a, b);
        assert!(!a.contains('O') && !a.contains('0') && !a.contains('I'));
    }

    #[test]
    fn counts_under_five_are_suppressed_and_cannot_be_worked_back() {
        assert_eq!(
            suppress(&[7, 0, 3, 9]),
            [
                Cell::Suppressed,
                Cell::Shown(0),
                Cell::Suppressed,
                Cell::Shown(9)
            ]
            .to_vec(),
            "the 3 is hidden, and the smallest shown count with it: 19 − 9 gives 10, not 3"
        );
        assert_eq!(
            suppress(&[5, 6, 0]),
            [Cell::Shown(5), Cell::Shown(6), Cell::Shown(0)].to_vec()
        );
        assert_eq!(
            suppress(&[2, 1, 8]),
            [Cell::Suppressed, Cell::Suppressed, Cell::Shown(8)].to_vec(),
            "two hidden already: the total minus 8 does not tell them apart"
        );
    }

    #[test]
    fn a_workshop_with_fewer_than_five_pieces_shows_nothing_but_that() {
        let few: Vec<Feedback> = (0..4)
            .map(|_| feedback(Theme::BeingHeard, Tone::Appreciation))
            .collect();
        let s = summary(&few, 6);
        assert_eq!(s.total, Cell::Suppressed);
        assert!(s.themes.iter().all(|(_, c)| *c == Cell::Suppressed));

        let mut many: Vec<Feedback> = (0..6)
            .map(|_| feedback(Theme::BeingHeard, Tone::Appreciation))
            .collect();
        many.extend((0..2).map(|_| feedback(Theme::Safety, Tone::Concern)));
        assert_eq!(
            summary(&many, 4).total,
            Cell::Suppressed,
            "eight pieces from four people are four people"
        );
        let s = summary(&many, 6);
        assert_eq!(s.total, Cell::Shown(8));
        let theme = |t| s.themes.iter().find(|(x, _)| *x == t).map(|(_, c)| *c);
        assert_eq!(theme(Theme::Safety), Some(Cell::Suppressed));
        assert_eq!(
            theme(Theme::BeingHeard),
            Some(Cell::Suppressed),
            "8 − 6 would give the 2 away"
        );
        assert_eq!(theme(Theme::Family), Some(Cell::Shown(0)));
        let json = serde_json::to_value(&s).expect("json");
        assert_eq!(json["total"], 8);
        assert!(json["themes"][1][1].is_null());
    }

    #[test]
    fn a_peer_role_needs_all_of_phase_three_and_her_yes() {
        let phase3 = ["my-story", "my-rights", "leading-others"];
        let done: Vec<String> = phase3.iter().map(|s| s.to_string()).collect();
        assert_eq!(check_peer(&phase3, &done, true), Ok(()));
        assert_eq!(
            check_peer(&phase3, &done, false),
            Err(DomainError::ConsentNeeded)
        );
        assert_eq!(
            check_peer(&phase3, &done[..2], true),
            Err(DomainError::PhaseNotCompleted)
        );
    }
}
