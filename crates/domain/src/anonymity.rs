//! k-anonymity for the one record-level export (HTCDS, `docs/htcds.md`): every combination of
//! quasi-identifiers that leaves Saathi is shared by at least `k` cases, so no row can be
//! singled out by what an outsider may know of her (how old, which gender, which country, where
//! she was found, which year).
//!
//! Generalise first, then suppress. Ages become bands, then "child" or "adult"; the district
//! where she was identified becomes its state (or division), then its country, then nothing.
//! The least general step that needs to suppress at most one row in twenty is taken (else
//! the least general of those that suppress fewest); rows still in a group smaller than `k` are left out whole.
//! What was generalised and how many rows were suppressed is reported with the export.

use std::collections::HashMap;

use crate::CountryCode;
use crate::intake::{Gender, Place};

/// The smallest group an export may show.
pub const K: usize = 5;

/// At most this share of the rows (1 in `SUPPRESS_AT_MOST_ONE_IN`) is suppressed before a more
/// general step is preferred.
pub const SUPPRESS_AT_MOST_ONE_IN: usize = 20;

/// What may single her out, as the case records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuasiIdentifiers {
    /// Her age in years when she was identified.
    pub age: Option<u8>,
    pub gender: Option<Gender>,
    pub citizenship: Option<CountryCode>,
    /// Where she was identified.
    pub place: Place,
    /// The year she was identified.
    pub year: i32,
}

/// How far ages are generalised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AgeLevel {
    /// 0–11, 12–14, 15–17, 18–24, 25–34, 35–49, 50+.
    Band,
    /// 0–17 or 18+.
    ChildOrAdult,
}

/// How far the place she was identified is generalised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AreaLevel {
    District,
    /// The state (India) or division (Bangladesh).
    State,
    Country,
    /// Left out.
    Withheld,
}

impl AgeLevel {
    pub fn as_str(self) -> &'static str {
        match self {
            AgeLevel::Band => "band",
            AgeLevel::ChildOrAdult => "child-or-adult",
        }
    }
}

impl AreaLevel {
    pub fn as_str(self) -> &'static str {
        match self {
            AreaLevel::District => "district",
            AreaLevel::State => "state",
            AreaLevel::Country => "country",
            AreaLevel::Withheld => "withheld",
        }
    }
}

/// The steps tried, least general first.
pub const STEPS: [(AgeLevel, AreaLevel); 5] = [
    (AgeLevel::Band, AreaLevel::District),
    (AgeLevel::Band, AreaLevel::State),
    (AgeLevel::ChildOrAdult, AreaLevel::State),
    (AgeLevel::ChildOrAdult, AreaLevel::Country),
    (AgeLevel::ChildOrAdult, AreaLevel::Withheld),
];

/// The quasi-identifiers as they leave: generalised, unknown ones empty.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Generalised {
    /// `15-17`, `0-17`, `18+` …; empty when unknown.
    pub age_group: &'static str,
    pub gender: Option<Gender>,
    pub citizenship: Option<String>,
    pub district: String,
    pub state: String,
    pub country: Option<String>,
    pub year: i32,
}

/// The age group of an age at `level`.
pub fn age_group(age: Option<u8>, level: AgeLevel) -> &'static str {
    let Some(age) = age else { return "" };
    match level {
        AgeLevel::Band => match age {
            0..=11 => "0-11",
            12..=14 => "12-14",
            15..=17 => "15-17",
            18..=24 => "18-24",
            25..=34 => "25-34",
            35..=49 => "35-49",
            _ => "50+",
        },
        AgeLevel::ChildOrAdult => {
            if age < 18 {
                "0-17"
            } else {
                "18+"
            }
        }
    }
}

/// The quasi-identifiers generalised to one step.
pub fn generalise(q: &QuasiIdentifiers, (age, area): (AgeLevel, AreaLevel)) -> Generalised {
    let country = q.place.country.as_ref().map(|c| c.to_string());
    let (district, state, country) = match area {
        AreaLevel::District => (q.place.district.clone(), q.place.state.clone(), country),
        AreaLevel::State => (String::new(), q.place.state.clone(), country),
        AreaLevel::Country => (String::new(), String::new(), country),
        AreaLevel::Withheld => (String::new(), String::new(), None),
    };
    Generalised {
        age_group: age_group(q.age, age),
        gender: q.gender,
        citizenship: q.citizenship.as_ref().map(|c| c.to_string()),
        district,
        state,
        country,
        year: q.year,
    }
}

/// What an export did to stay k-anonymous.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub k: usize,
    /// Rows with the consent, before anything was left out.
    pub considered: usize,
    pub exported: usize,
    /// Rows left out whole because their group stayed under `k`.
    pub suppressed: usize,
    pub age: AgeLevel,
    pub area: AreaLevel,
}

impl Report {
    /// One line for a command's output or a response header:
    /// `k=5; age=band; area=state; considered=40; exported=38; suppressed=2`.
    pub fn line(&self) -> String {
        format!(
            "k={}; age={}; area={}; considered={}; exported={}; suppressed={}",
            self.k,
            self.age.as_str(),
            self.area.as_str(),
            self.considered,
            self.exported,
            self.suppressed
        )
    }
}

/// How many rows sit in groups under `k` at one step.
fn under_k(keys: &[Generalised], k: usize) -> usize {
    let mut sizes: HashMap<&Generalised, usize> = HashMap::new();
    for key in keys {
        *sizes.entry(key).or_default() += 1;
    }
    keys.iter().filter(|key| sizes[key] < k).count()
}

/// Makes `rows` k-anonymous over their quasi-identifiers: generalised to the least general
/// step that suppresses at most one row in [`SUPPRESS_AT_MOST_ONE_IN`] (else the step that
/// suppresses fewest, the less general on a tie: generalising further would lose detail
/// and save no row), then every row in a group under `k` left
/// out. Rows keep their order.
pub fn anonymise<T>(rows: Vec<(QuasiIdentifiers, T)>, k: usize) -> (Vec<(Generalised, T)>, Report) {
    let considered = rows.len();
    let allowed = considered / SUPPRESS_AT_MOST_ONE_IN;
    let mut best: Option<((AgeLevel, AreaLevel), Vec<Generalised>, usize)> = None;
    for step in STEPS {
        let keys: Vec<Generalised> = rows.iter().map(|(q, _)| generalise(q, step)).collect();
        let lost = under_k(&keys, k);
        let better = best.as_ref().is_none_or(|(_, _, fewest)| lost < *fewest);
        if better {
            best = Some((step, keys, lost));
        }
        if lost <= allowed {
            break;
        }
    }
    let ((age, area), keys, _) =
        best.unwrap_or(((AgeLevel::ChildOrAdult, AreaLevel::Withheld), Vec::new(), 0));
    let mut sizes: HashMap<Generalised, usize> = HashMap::new();
    for key in &keys {
        *sizes.entry(key.clone()).or_default() += 1;
    }
    let kept: Vec<(Generalised, T)> = keys
        .into_iter()
        .zip(rows)
        .filter(|(key, _)| sizes.get(key).copied().unwrap_or(0) >= k)
        .map(|(key, (_, row))| (key, row))
        .collect();
    let report = Report {
        k,
        considered,
        exported: kept.len(),
        suppressed: considered - kept.len(),
        age,
        area,
    };
    (kept, report)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(
        age: u8,
        district: &str,
        state: &str,
        country: &str,
        citizenship: &str,
    ) -> QuasiIdentifiers {
        QuasiIdentifiers {
            age: Some(age),
            gender: Some(Gender::Feminine),
            citizenship: citizenship.parse().ok(),
            place: Place {
                district: district.into(),
                state: state.into(),
                country: country.parse().ok(),
            },
            year: 2026,
        }
    }

    fn smallest_group(rows: &[(Generalised, usize)]) -> usize {
        let mut sizes: HashMap<&Generalised, usize> = HashMap::new();
        for (key, _) in rows {
            *sizes.entry(key).or_default() += 1;
        }
        sizes.values().copied().min().unwrap_or(usize::MAX)
    }

    #[test]
    fn ages_go_into_bands_then_child_or_adult() {
        assert_eq!(age_group(Some(16), AgeLevel::Band), "15-17");
        assert_eq!(age_group(Some(12), AgeLevel::Band), "12-14");
        assert_eq!(age_group(Some(18), AgeLevel::Band), "18-24");
        assert_eq!(age_group(Some(16), AgeLevel::ChildOrAdult), "0-17");
        assert_eq!(age_group(Some(18), AgeLevel::ChildOrAdult), "18+");
        assert_eq!(age_group(None, AgeLevel::Band), "");
    }

    #[test]
    fn groups_large_enough_are_kept_as_they_are() {
        let rows: Vec<_> = (0..10)
            .map(|i| (q(16, "Kolkata", "West Bengal", "IN", "BD"), i))
            .collect();
        let (kept, report) = anonymise(rows, K);
        assert_eq!(kept.len(), 10);
        assert_eq!(report.area, AreaLevel::District);
        assert_eq!(report.age, AgeLevel::Band);
        assert_eq!(report.suppressed, 0);
        assert_eq!(kept[0].0.district, "Kolkata");
        assert_eq!(kept[0].0.age_group, "15-17");
    }

    #[test]
    fn districts_become_their_state_before_anything_is_suppressed() {
        // Three girls from each of two districts of one state: no district has five.
        let mut rows = Vec::new();
        for i in 0..3 {
            rows.push((q(15, "Kolkata", "West Bengal", "IN", "BD"), i));
            rows.push((q(16, "Howrah", "West Bengal", "IN", "BD"), i + 10));
        }
        let (kept, report) = anonymise(rows, K);
        assert_eq!(report.area, AreaLevel::State);
        assert_eq!(report.age, AgeLevel::Band);
        assert_eq!(report.suppressed, 0);
        assert!(
            kept.iter()
                .all(|(g, _)| g.district.is_empty() && g.state == "West Bengal")
        );
        assert!(smallest_group(&kept) >= K);
    }

    #[test]
    fn a_group_that_stays_small_is_left_out_whole_and_reported() {
        // Twenty-four alike, and one girl from Nepal: whatever is generalised, her citizenship
        // stays hers alone, so her row is suppressed (one in twenty-five is allowed).
        let mut rows: Vec<_> = (0..24)
            .map(|i| (q(16, "Kolkata", "West Bengal", "IN", "BD"), i))
            .collect();
        rows.push((q(16, "Kolkata", "West Bengal", "IN", "NP"), 99));
        let (kept, report) = anonymise(rows, K);
        assert_eq!(
            report.area,
            AreaLevel::District,
            "no need to generalise for her"
        );
        assert_eq!(report.suppressed, 1);
        assert_eq!(report.exported, 24);
        assert!(kept.iter().all(|(_, i)| *i != 99));
        assert_eq!(
            report.line(),
            "k=5; age=band; area=district; considered=25; exported=24; suppressed=1"
        );
    }

    #[test]
    fn fewer_than_k_cases_leave_nothing() {
        let rows: Vec<_> = (0..4)
            .map(|i| (q(16, "Kolkata", "West Bengal", "IN", "BD"), i))
            .collect();
        let (kept, report) = anonymise(rows, K);
        assert!(kept.is_empty());
        assert_eq!(report.suppressed, 4);
    }

    #[test]
    fn no_group_in_any_export_is_smaller_than_k() {
        // A deterministic spread of ages, places, countries and years.
        let districts = [
            ("Kolkata", "West Bengal", "IN"),
            ("Howrah", "West Bengal", "IN"),
            ("Mumbai", "Maharashtra", "IN"),
            ("Jessore", "Khulna", "BD"),
            ("Satkhira", "Khulna", "BD"),
        ];
        let mut seed: u64 = 7;
        let mut next = |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        for size in [0, 3, 5, 12, 40, 97, 250] {
            let rows: Vec<_> = (0..size)
                .map(|i| {
                    let (d, s, c) = districts[next(5) as usize];
                    let mut qi = q(
                        10 + next(20) as u8,
                        d,
                        s,
                        c,
                        ["BD", "IN", "NP"][next(3) as usize],
                    );
                    qi.year = 2024 + next(3) as i32;
                    if next(4) == 0 {
                        qi.gender = None;
                    }
                    (qi, i)
                })
                .collect();
            let (kept, report) = anonymise(rows, K);
            assert_eq!(report.exported + report.suppressed, size);
            assert_eq!(kept.len(), report.exported);
            assert!(
                kept.is_empty() || smallest_group(&kept) >= K,
                "size {size}: {}",
                report.line()
            );
        }
    }
}
