//! Words for one reader: her language over the loaded Fluent bundles. Pages, reports and
//! services that write in her language share it.

use domain::zone::TimeZone;
use domain::{Language, Role, Timestamp};
use i18n::{Arg, I18n};
use time::Date;

use crate::FieldError;

/// Translates for one page: the reader's language over the loaded Fluent bundles, and the
/// clock of her organisation (its time zone) for every date and time shown to her.
#[derive(Clone, Copy)]
pub struct Tr<'a> {
    pub i18n: &'a I18n,
    pub lang: Language,
    pub zone: &'a TimeZone,
}

impl<'a> Tr<'a> {
    pub fn new(i18n: &'a I18n, lang: Language, zone: &'a TimeZone) -> Self {
        Self { i18n, lang, zone }
    }

    pub fn get(&self, id: &str) -> String {
        self.i18n.text(self.lang, id)
    }

    /// A message with one text argument.
    pub fn with(&self, id: &str, name: &str, value: &str) -> String {
        self.i18n
            .text_with(self.lang, id, &[(name, Arg::Text(value.to_string()))])
    }

    /// A message with a count (`$count` for the plural, `$n` the number in her digits).
    pub fn count(&self, id: &str, n: usize) -> String {
        self.i18n
            .text_with(self.lang, id, &[("count", Arg::Count(n as i64))])
    }

    /// A field's problem as one sentence: a missing consent also names the section it would
    /// have to cover.
    pub fn problem(&self, e: &FieldError) -> String {
        if e.message_id == "error-no-consent" {
            format!(
                "{}: {}",
                self.get(&format!("section-{}", e.field)),
                self.get(e.message_id)
            )
        } else {
            self.field(e)
        }
    }

    /// A field's message as shown beside it: one that names a day (the day she was
    /// identified) writes it the long way, in her words and digits.
    pub fn field(&self, e: &FieldError) -> String {
        dated_problem(e, self.i18n, self.lang).unwrap_or_else(|| self.get(e.message_id))
    }

    pub fn role(&self, role: &Role) -> String {
        self.get(role.message_id())
    }

    /// A calendar day the long way, in her words and digits: "২৬ আগস্ট ২০২৬".
    pub fn day(&self, date: Date) -> String {
        i18n::format_day(self.lang, date)
    }

    /// The day an instant fell on in her organisation's zone.
    pub fn date(&self, at: Timestamp) -> String {
        i18n::format_date_in(self.lang, at, self.zone)
    }

    /// An instant on her organisation's clock, the zone named in her language:
    /// "২৬ আগস্ট ২০২৬, ০২:১০ বাংলাদেশ সময়".
    pub fn datetime(&self, at: &Timestamp) -> String {
        self.i18n.datetime(self.lang, *at, self.zone)
    }

    /// A number in her digits, with the Indian grouping.
    pub fn number(&self, n: i64) -> String {
        i18n::format_number(self.lang, n)
    }
}

/// The messages whose English text ends with the day they name, as `(YYYY-MM-DD)`.
const DATED: [&str; 1] = ["error-date-before-identified"];

/// A problem that names a day, in `lang` with the day written the long way
/// ("২৬ আগস্ট ২০২৬"); `None` for any other problem.
pub fn dated_problem(e: &FieldError, i18n: &I18n, lang: Language) -> Option<String> {
    if !DATED.contains(&e.message_id) {
        return None;
    }
    let inside = e.english.trim_end().strip_suffix(')')?;
    let iso = &inside[inside.rfind('(')? + 1..];
    let date = domain::voice::parse_date(iso).ok()?;
    Some(i18n.text_with(
        lang,
        e.message_id,
        &[("date", Arg::Text(i18n::format_day(lang, date)))],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_that_names_a_day_writes_it_the_long_way() {
        let i18n = I18n::load().unwrap();
        let e = FieldError::new(
            "spoken_on",
            &domain::DomainError::DateBeforeIdentified(time::macros::date!(2026 - 08 - 26)),
        );
        let bn = dated_problem(&e, &i18n, Language::Bn).unwrap();
        assert!(bn.contains("২৬ আগস্ট ২০২৬"), "{bn}");
        let en = dated_problem(&e, &i18n, Language::En).unwrap();
        assert!(en.contains("26 August 2026"), "{en}");
        let other = FieldError::required("name");
        assert_eq!(dated_problem(&other, &i18n, Language::En), None);
    }
}
