//! Opening a case as it happened: the day and place she was identified (which may be before
//! the case is opened in Saathi, never in the future), her age or an approximate date of
//! birth, her gender, the languages she speaks, her citizenship and the type of exploitation.
//! These are fields of the case, the one source of truth for every page, the API and the
//! anonymised HTCDS export (`docs/htcds.md`): the closed lists carry the HTCDS value names.

use std::str::FromStr;

use time::Date;

use crate::zone::TimeZone;
use crate::{CountryCode, DomainError, Timestamp};

/// A closed list: its stored names, its Fluent ids and its HTCDS 2.0 value names.
macro_rules! closed_list {
    ($(#[$doc:meta])* $name:ident, $err:ident, $prefix:literal,
     [$($variant:ident = $stored:literal, $htcds:literal;)+]) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($variant,)+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $stored,)+
                }
            }

            pub fn message_id(self) -> &'static str {
                match self {
                    $($name::$variant => concat!($prefix, $stored),)+
                }
            }

            /// The value name in HTCDS 2.0, kept as the standard writes it.
            pub fn htcds(self) -> &'static str {
                match self {
                    $($name::$variant => $htcds,)+
                }
            }
        }

        impl FromStr for $name {
            type Err = DomainError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                let wanted = s.trim().to_ascii_lowercase().replace('_', "-");
                $name::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str() == wanted)
                    .ok_or_else(|| DomainError::$err(s.to_string()))
            }
        }
    };
}

closed_list!(
    /// Her gender, as HTCDS lists it (`prs_Gender`).
    Gender, UnknownGender, "gender-", [
    Feminine = "feminine", "Feminine";
    Masculine = "masculine", "Masculine";
    TransgenderFeminine = "transgender-feminine", "TransgenderFeminine";
    TransgenderMasculine = "transgender-masculine", "TransgenderMasculine";
    NonConforming = "non-conforming", "NonConforming";
    NotSpecified = "not-specified", "NonSpecifiedUnknown";
]);

closed_list!(
    /// The type of exploitation she went through (`vic_TypeOfExploitation`, several may apply).
    Exploitation, UnknownExploitation, "exploitation-", [
    SexualExploitation = "sexual-exploitation", "SexualExploitation";
    ForcedLabour = "forced-labour", "ForcedLabour";
    ChildLabour = "child-labour", "ChildLabour";
    ForcedMarriage = "forced-marriage", "ForcedMarriage";
    Servitude = "servitude", "Servitude";
    ForcedBegging = "forced-begging", "ForcedBegging";
    OrganRemoval = "organ-removal", "OrganRemoval";
    ForcedAdoption = "forced-adoption", "ForcedAdoption";
    Surrogacy = "surrogacy", "Surrogacy";
    ForcedMilitary = "forced-military", "ForcedMilitaryByNonStateActors";
    Other = "other", "Other";
]);

closed_list!(
    /// A language she speaks: the languages of the route, by ISO 639-1 code; HTCDS asks for
    /// ISO 639-2 (`prs_PrimaryLanguage`). Not only the three of the interface.
    SpokenLanguage, UnknownSpokenLanguage, "spoken-", [
    Bengali = "bn", "ben";
    Hindi = "hi", "hin";
    Urdu = "ur", "urd";
    Nepali = "ne", "nep";
    Odia = "or", "ori";
    Assamese = "as", "asm";
    Marathi = "mr", "mar";
    Telugu = "te", "tel";
    Tamil = "ta", "tam";
    Burmese = "my", "mya";
    Santali = "sat", "sat";
    English = "en", "eng";
]);

/// The countries offered first on the form (the route and its neighbours); the API takes any
/// ISO 3166-1 alpha-2 code.
pub const ROUTE_COUNTRIES: [&str; 7] = ["BD", "IN", "NP", "MM", "PK", "BT", "LK"];

/// The oldest age taken, in years.
pub const AGE_MAX: u8 = 120;
/// The longest district or state name.
pub const PLACE_MAX: usize = 100;

/// Where she was identified: a district within a state (or, in Bangladesh, a division) within
/// a country. The HTCDS export generalises the district to the state, then the country.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Place {
    pub district: String,
    pub state: String,
    pub country: Option<CountryCode>,
}

impl Place {
    pub fn is_empty(&self) -> bool {
        self.district.is_empty() && self.state.is_empty() && self.country.is_none()
    }
}

/// What the case records of how she came to it. Every field may be unknown (cases opened
/// before these were asked, or she has not said).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Intake {
    /// The day she was identified, on the identifying organisation's calendar.
    pub identified_on: Option<Date>,
    pub place: Place,
    /// Her age in years on the day she was identified, when no date of birth is known.
    pub age: Option<u8>,
    /// An approximate date of birth.
    pub born_on: Option<Date>,
    pub gender: Option<Gender>,
    /// The languages she speaks, the one she speaks best first.
    pub languages: Vec<SpokenLanguage>,
    pub citizenship: Option<CountryCode>,
    pub exploitation: Vec<Exploitation>,
}

impl Intake {
    /// The day she was identified, or (for a case opened before it was asked) the day the
    /// case was opened, on `zone`'s calendar.
    pub fn identified_day(&self, opened: Timestamp, zone: &TimeZone) -> Date {
        self.identified_on.unwrap_or_else(|| zone.date_of(opened))
    }

    /// Her age in whole years on the day she was identified: from her date of birth when one
    /// is known, else as recorded.
    pub fn age_when_identified(&self, identified: Date) -> Option<u8> {
        match self.born_on {
            Some(born) => Some(years_between(born, identified)),
            None => self.age,
        }
    }
}

/// Whole years from `from` to `to` (0 when `to` is earlier).
pub fn years_between(from: Date, to: Date) -> u8 {
    let mut years = to.year() - from.year();
    if (to.month() as u8, to.day()) < (from.month() as u8, from.day()) {
        years -= 1;
    }
    u8::try_from(years.clamp(0, 255)).unwrap_or(0)
}

/// An age as typed (Bengali and Devanagari digits read as ASCII): blank is unknown.
pub fn parse_age(text: &str) -> Result<Option<u8>, DomainError> {
    let folded = crate::text::ascii_digits(text.trim());
    if folded.is_empty() {
        return Ok(None);
    }
    match folded.parse::<u8>() {
        Ok(n) if n <= AGE_MAX => Ok(Some(n)),
        _ => Err(DomainError::InvalidAge(text.to_string())),
    }
}

/// A district or state as typed: normalised, at most [`PLACE_MAX`] characters.
pub fn parse_place(text: &str) -> Result<String, DomainError> {
    let text = crate::text::normalise(text);
    if text.chars().count() > PLACE_MAX {
        return Err(DomainError::PlaceTooLong);
    }
    Ok(text)
}

/// Checks the day she was identified: not after `today`.
pub fn check_identified_on(date: Date, today: Date) -> Result<(), DomainError> {
    if date > today {
        Err(DomainError::DateInFuture)
    } else {
        Ok(())
    }
}

/// Checks an approximate date of birth against the day she was identified.
pub fn check_born_on(born: Date, identified: Date) -> Result<(), DomainError> {
    if born > identified {
        return Err(DomainError::BornAfterIdentified);
    }
    if years_between(born, identified) > AGE_MAX {
        return Err(DomainError::InvalidAge(crate::voice::format_date_iso(born)));
    }
    Ok(())
}

/// A comma-separated list of a closed set (`bn,hi`), repeats kept once; blank is none.
pub fn parse_list<T: FromStr<Err = DomainError> + PartialEq>(
    text: &str,
) -> Result<Vec<T>, DomainError> {
    let mut found: Vec<T> = Vec::new();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let value: T = part.parse()?;
        if !found.contains(&value) {
            found.push(value);
        }
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn closed_lists_parse_their_names_and_carry_htcds_values() {
        for g in Gender::ALL {
            assert_eq!(g.as_str().parse::<Gender>(), Ok(*g));
        }
        assert_eq!(Gender::NotSpecified.htcds(), "NonSpecifiedUnknown");
        assert_eq!(
            "forced_labour".parse::<Exploitation>(),
            Ok(Exploitation::ForcedLabour)
        );
        assert_eq!(
            Exploitation::ForcedMilitary.htcds(),
            "ForcedMilitaryByNonStateActors"
        );
        assert_eq!(SpokenLanguage::Bengali.htcds(), "ben");
        assert!("klingon".parse::<SpokenLanguage>().is_err());
        assert_eq!(
            parse_list::<SpokenLanguage>("bn, hi,bn"),
            Ok(vec![SpokenLanguage::Bengali, SpokenLanguage::Hindi])
        );
        assert_eq!(parse_list::<Exploitation>(""), Ok(vec![]));
    }

    #[test]
    fn an_age_may_be_typed_in_bengali_or_devanagari_digits() {
        assert_eq!(parse_age("১৬"), Ok(Some(16)));
        assert_eq!(parse_age("१६"), Ok(Some(16)));
        assert_eq!(parse_age(" "), Ok(None));
        assert!(parse_age("121").is_err());
        assert!(parse_age("-1").is_err());
        assert!(parse_age("sixteen").is_err());
    }

    #[test]
    fn her_age_when_identified_comes_from_her_birth_date_when_known() {
        let identified = date!(2026 - 08 - 26);
        let intake = Intake {
            born_on: Some(date!(2010 - 09 - 01)),
            age: None,
            ..Intake::default()
        };
        assert_eq!(intake.age_when_identified(identified), Some(15));
        let intake = Intake {
            age: Some(17),
            ..Intake::default()
        };
        assert_eq!(intake.age_when_identified(identified), Some(17));
        assert_eq!(years_between(date!(2010 - 08 - 26), identified), 16);
    }

    #[test]
    fn the_day_she_was_identified_is_never_in_the_future_and_birth_comes_first() {
        let today = date!(2026 - 11 - 30);
        assert!(check_identified_on(date!(2026 - 08 - 26), today).is_ok());
        assert!(check_identified_on(today, today).is_ok());
        assert_eq!(
            check_identified_on(date!(2026 - 12 - 01), today),
            Err(DomainError::DateInFuture)
        );
        assert_eq!(
            check_born_on(date!(2026 - 09 - 01), date!(2026 - 08 - 26)),
            Err(DomainError::BornAfterIdentified)
        );
        assert!(check_born_on(date!(2010 - 01 - 01), date!(2026 - 08 - 26)).is_ok());
    }
}
