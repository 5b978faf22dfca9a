//! Her voice: what she hopes, fears, plans and prefers, and her feedback, in her own words and
//! the language she spoke them in. An entry is never edited in place: a correction is a new
//! version, and every version is kept.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use time::Date;

use crate::{CaseId, DomainError, Language, Timestamp, UserId, VoiceId};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum VoiceKind {
    Hope,
    Fear,
    Plan,
    Preference,
    Feedback,
}

impl VoiceKind {
    pub const ALL: [VoiceKind; 5] = [
        VoiceKind::Hope,
        VoiceKind::Fear,
        VoiceKind::Plan,
        VoiceKind::Preference,
        VoiceKind::Feedback,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            VoiceKind::Hope => "hope",
            VoiceKind::Fear => "fear",
            VoiceKind::Plan => "plan",
            VoiceKind::Preference => "preference",
            VoiceKind::Feedback => "feedback",
        }
    }

    pub fn message_id(self) -> &'static str {
        match self {
            VoiceKind::Hope => "voice-kind-hope",
            VoiceKind::Fear => "voice-kind-fear",
            VoiceKind::Plan => "voice-kind-plan",
            VoiceKind::Preference => "voice-kind-preference",
            VoiceKind::Feedback => "voice-kind-feedback",
        }
    }
}

impl fmt::Display for VoiceKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for VoiceKind {
    type Err = DomainError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_ascii_lowercase();
        VoiceKind::ALL
            .into_iter()
            .find(|k| k.as_str() == wanted)
            .ok_or_else(|| DomainError::UnknownVoiceKind(s.to_string()))
    }
}

/// The longest entry: a page of her words.
pub const VOICE_TEXT_MAX: usize = 5000;

/// Her words, normalised (NFC) but otherwise exactly as recorded.
pub fn parse_voice_text(text: &str) -> Result<String, DomainError> {
    let text = crate::text::normalise(text);
    if text.is_empty() {
        return Err(DomainError::EmptyText);
    }
    if text.chars().count() > VOICE_TEXT_MAX {
        return Err(DomainError::TextTooLong {
            max: VOICE_TEXT_MAX,
        });
    }
    Ok(text)
}

/// A calendar date typed as `YYYY-MM-DD`, in ASCII, Bengali or Devanagari digits (a browser's
/// date input sends ASCII; a date typed by hand on a Bengali keyboard is `২০২৬-০৮-২৬`).
pub fn parse_date(text: &str) -> Result<Date, DomainError> {
    let invalid = || DomainError::InvalidDate(text.to_string());
    let folded = crate::text::ascii_digits(text);
    let mut parts = folded.trim().splitn(3, '-');
    let mut number = |len: usize| -> Result<i32, DomainError> {
        let part = parts
            .next()
            .filter(|p| p.len() == len)
            .ok_or_else(invalid)?;
        part.parse().map_err(|_| invalid())
    };
    let (year, month, day) = (number(4)?, number(2)?, number(2)?);
    let month = time::Month::try_from(u8::try_from(month).map_err(|_| invalid())?)
        .map_err(|_| invalid())?;
    Date::from_calendar_date(year, month, u8::try_from(day).map_err(|_| invalid())?)
        .map_err(|_| invalid())
}

pub fn format_date_iso(date: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// When she said it: not in the future, not before the case was opened, both days read on the
/// clock of `zone` (the organisation that records it): at 01:00 in Dhaka it is already
/// tomorrow in UTC's terms, and "today" must not be refused as the future.
pub fn check_spoken_on(
    date: Date,
    opened: Timestamp,
    now: Timestamp,
    zone: &crate::zone::TimeZone,
) -> Result<(), DomainError> {
    if date > zone.date_of(now) {
        return Err(DomainError::DateInFuture);
    }
    if date < zone.date_of(opened) {
        return Err(DomainError::DateBeforeCaseOpened);
    }
    Ok(())
}

/// When she said it, for a case that knows the day she was identified: not in the future, and
/// not before `identified` (which may be long before the case was opened in Saathi). The
/// refusal names that day.
pub fn check_spoken_since(
    date: Date,
    identified: Date,
    now: Timestamp,
    zone: &crate::zone::TimeZone,
) -> Result<(), DomainError> {
    if date > zone.date_of(now) {
        return Err(DomainError::DateInFuture);
    }
    if date < identified {
        return Err(DomainError::DateBeforeIdentified(identified));
    }
    Ok(())
}

/// One version of one entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VoiceEntry {
    pub id: VoiceId,
    pub case_id: CaseId,
    pub version: i64,
    pub kind: VoiceKind,
    pub text: String,
    pub language: Language,
    pub spoken_on: Date,
    /// Whether what was written was read back to her and she agreed it is what she said.
    pub read_back: bool,
    pub recorded_by: UserId,
    pub recorded_at: Timestamp,
}

/// What a new entry or a correction says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VoiceFields {
    pub kind: VoiceKind,
    pub text: String,
    pub language: Language,
    pub spoken_on: Date,
    pub read_back: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn her_words_are_kept_as_said_but_never_empty() {
        assert_eq!(
            parse_voice_text("  আমি মায়ের কাছে ফিরতে চাই  ").unwrap(),
            "আমি মায়ের কাছে ফিরতে চাই"
        );
        assert_eq!(parse_voice_text(" \n "), Err(DomainError::EmptyText));
        let long = "ক".repeat(VOICE_TEXT_MAX + 1);
        assert_eq!(
            parse_voice_text(&long),
            Err(DomainError::TextTooLong {
                max: VOICE_TEXT_MAX
            })
        );
    }

    #[test]
    fn kinds_parse_and_unknown_ones_are_named() {
        assert_eq!("Hope".parse::<VoiceKind>(), Ok(VoiceKind::Hope));
        assert_eq!(
            "wish".parse::<VoiceKind>(),
            Err(DomainError::UnknownVoiceKind("wish".into()))
        );
    }

    #[test]
    fn she_cannot_have_spoken_before_the_case_or_in_the_future() {
        let utc: crate::zone::TimeZone = "UTC".parse().unwrap();
        let opened = Timestamp(1_795_910_400_000); // 2026-11-29 00:00 UTC
        let now = opened.plus_seconds(86_400 * 3);
        assert!(check_spoken_on(parse_date("2026-11-30").unwrap(), opened, now, &utc).is_ok());
        assert_eq!(
            check_spoken_on(parse_date("2026-11-01").unwrap(), opened, now, &utc),
            Err(DomainError::DateBeforeCaseOpened)
        );
        assert_eq!(
            check_spoken_on(parse_date("2027-01-01").unwrap(), opened, now, &utc),
            Err(DomainError::DateInFuture)
        );
        assert!(parse_date("30/11/2026").is_err());
        // 20:00 UTC on 2 December is 3 December in Dhaka: "today" there is not the future,
        // and the case opened (05:00 on 29 November in Dhaka) on the 29th there too.
        let dhaka: crate::zone::TimeZone = "Asia/Dhaka".parse().unwrap();
        let evening = opened.plus_seconds(86_400 * 3 + 20 * 3600);
        let third = parse_date("2026-12-03").unwrap();
        assert!(check_spoken_on(third, opened, evening, &dhaka).is_ok());
        assert_eq!(
            check_spoken_on(third, opened, evening, &utc),
            Err(DomainError::DateInFuture)
        );
        // Her own digits are read as the browser's.
        assert_eq!(
            parse_date("২০২৬-০৮-২৬").unwrap(),
            parse_date("2026-08-26").unwrap()
        );
        assert_eq!(
            parse_date("२०२६-०८-२६").unwrap(),
            parse_date("2026-08-26").unwrap()
        );
        assert!(parse_date("২০২৬-১৩-২৬").is_err());
        assert!(parse_date("2026-02-30").is_err());
        assert_eq!(
            format_date_iso(parse_date("2026-03-07").unwrap()),
            "2026-03-07"
        );
    }
}
