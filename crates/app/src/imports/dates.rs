//! Dates as a register writes them (`DD/MM/YYYY`, `DD.MM.YY` …), in any digits, turned into
//! the `YYYY-MM-DD` that the case's own checks read.

/// One part of a date pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Day,
    Month,
    Year,
    /// Two digits, read as 20YY.
    ShortYear,
}

/// A date pattern of the mapping: three numbers in some order between separators.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    parts: [Part; 3],
}

impl Pattern {
    /// `DD/MM/YYYY` and the like; `None` when it is not three of DD, MM and YYYY (or YY).
    pub fn parse(text: &str) -> Option<Self> {
        let mut parts = Vec::new();
        for token in text
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|t| !t.is_empty())
        {
            parts.push(match token.to_ascii_uppercase().as_str() {
                "DD" | "D" => Part::Day,
                "MM" | "M" => Part::Month,
                "YYYY" => Part::Year,
                "YY" => Part::ShortYear,
                _ => return None,
            });
        }
        let parts: [Part; 3] = parts.try_into().ok()?;
        let has = |p: Part| parts.contains(&p);
        let one_year = has(Part::Year) != has(Part::ShortYear);
        (has(Part::Day) && has(Part::Month) && one_year).then_some(Self { parts })
    }

    /// The date `text` writes in this pattern, as `YYYY-MM-DD`.
    fn read(&self, numbers: &[&str]) -> Option<String> {
        let [a, b, c] = numbers else { return None };
        let (mut day, mut month, mut year) = (0_u32, 0_u32, 0_i32);
        for (part, number) in self.parts.iter().zip([a, b, c]) {
            match part {
                Part::Day if number.len() <= 2 => day = number.parse().ok()?,
                Part::Month if number.len() <= 2 => month = number.parse().ok()?,
                Part::Year if number.len() == 4 => year = number.parse().ok()?,
                Part::ShortYear if number.len() == 2 => year = 2000 + number.parse::<i32>().ok()?,
                _ => return None,
            }
        }
        let month = time::Month::try_from(u8::try_from(month).ok()?).ok()?;
        let date = time::Date::from_calendar_date(year, month, u8::try_from(day).ok()?).ok()?;
        Some(domain::voice::format_date_iso(date))
    }
}

/// `text` as `YYYY-MM-DD`, read with the first of `patterns` that fits, then as `YYYY-MM-DD`
/// itself; `None` when none does. Bengali and Devanagari digits are read as their numbers.
pub fn to_iso(text: &str, patterns: &[Pattern]) -> Option<String> {
    let folded = domain::text::ascii_digits(text.trim());
    let numbers: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_digit())
        .filter(|n| !n.is_empty())
        .collect();
    // Only digits and separators: "12 March" is not read as a date by guessing.
    if folded.chars().any(|c| c.is_alphabetic()) {
        return None;
    }
    let iso = Pattern {
        parts: [Part::Year, Part::Month, Part::Day],
    };
    patterns
        .iter()
        .chain(std::iter::once(&iso))
        .find_map(|p| p.read(&numbers))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_register_date_is_read_in_its_own_order_and_digits() {
        let dmy = vec![Pattern::parse("DD/MM/YYYY").unwrap()];
        assert_eq!(to_iso("26/08/2026", &dmy).as_deref(), Some("2026-08-26"));
        assert_eq!(to_iso("৬/৮/২০২৬", &dmy).as_deref(), Some("2026-08-06"));
        assert_eq!(to_iso("2026-08-26", &dmy).as_deref(), Some("2026-08-26"));
        assert_eq!(to_iso("31/02/2026", &dmy), None);
        assert_eq!(to_iso("26 Aug 2026", &dmy), None);
        let short = vec![Pattern::parse("DD.MM.YY").unwrap()];
        assert_eq!(to_iso("01.12.24", &short).as_deref(), Some("2024-12-01"));
        assert_eq!(Pattern::parse("DD/MM"), None);
        assert_eq!(Pattern::parse("DD/MM/QQ"), None);
    }
}
