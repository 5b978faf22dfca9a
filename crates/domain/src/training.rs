//! The network's training programme for care workers, managers and survivors: programmes →
//! phases → workshops (DESIGN §6; `background/caring-connections-programme.txt`). The
//! three-phase Caring Connections programme ships as a template in bn/hi/en.

use serde::{Deserialize, Serialize};

use crate::form::Text;

/// Who a workshop is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Audience {
    /// Source-area organisations (near her family).
    Source,
    /// Destination organisations (shelters where she was identified).
    Destination,
    SourceAndDestination,
    DirectorsAndManagers,
    /// Survivors themselves: recorded apart, with pseudonymous codes.
    Survivors,
}

impl Audience {
    pub fn as_str(self) -> &'static str {
        match self {
            Audience::Source => "source",
            Audience::Destination => "destination",
            Audience::SourceAndDestination => "source-and-destination",
            Audience::DirectorsAndManagers => "directors-and-managers",
            Audience::Survivors => "survivors",
        }
    }

    pub fn message_id(self) -> String {
        format!("training-audience-{}", self.as_str())
    }
}

/// A workshop of the programme, as the template describes it (before it is scheduled).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkshopTemplate {
    pub key: String,
    pub title: Text,
    pub days: u32,
    pub residential: bool,
    pub audience: Audience,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phase {
    pub number: u32,
    pub title: Text,
    pub workshops: Vec<WorkshopTemplate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Programme {
    pub key: String,
    pub title: Text,
    pub phases: Vec<Phase>,
}

/// About 16 in a group, as the programme found works.
pub const TARGET_GROUP_SIZE: u32 = 16;

/// The network's programme: phase 1 empathy and role clarification (five seven-day
/// workshops), phase 2 empathy between organisations (the documentation-tools workshop and
/// its follow-up; exchange visits are recorded apart), phase 3 centrality of survivors (three
/// five-day workshops), and refresher courses.
pub fn caring_connections() -> Result<Programme, serde_json::Error> {
    serde_json::from_str(include_str!("../data/training/caring-connections.json"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_has_the_three_phases_and_the_refreshers() {
        let p = caring_connections().expect("the template parses");
        let shape: Vec<(u32, usize)> = p
            .phases
            .iter()
            .map(|ph| (ph.number, ph.workshops.len()))
            .collect();
        assert_eq!(shape, [(1, 5), (2, 2), (3, 3), (4, 1)]);
        assert!(
            p.phases[0]
                .workshops
                .iter()
                .all(|w| w.days == 7 && w.residential)
        );
        assert!(
            p.phases[2]
                .workshops
                .iter()
                .all(|w| w.days == 5 && w.audience == Audience::Survivors)
        );
        for w in p.phases.iter().flat_map(|ph| &ph.workshops) {
            let t = &w.title;
            assert!(
                !t.bn.is_empty() && !t.hi.is_empty() && !t.en.is_empty(),
                "{}",
                w.key
            );
            assert_ne!(t.bn, t.en);
        }
    }
}
