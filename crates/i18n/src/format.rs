//! Numbers and dates written the way each language writes them: Bengali with Bengali digits,
//! all three with the Indian grouping used on both sides of the border (১২,৩৪,৫৬৭ · 12,34,567).

use domain::zone::TimeZone;
use domain::{Language, Timestamp};
use time::Date;

const BENGALI_DIGITS: [char; 10] = ['০', '১', '২', '৩', '৪', '৫', '৬', '৭', '৮', '৯'];

const MONTHS: [[&str; 12]; 3] = [
    [
        "জানুয়ারি",
        "ফেব্রুয়ারি",
        "মার্চ",
        "এপ্রিল",
        "মে",
        "জুন",
        "জুলাই",
        "আগস্ট",
        "সেপ্টেম্বর",
        "অক্টোবর",
        "নভেম্বর",
        "ডিসেম্বর",
    ],
    [
        "जनवरी",
        "फ़रवरी",
        "मार्च",
        "अप्रैल",
        "मई",
        "जून",
        "जुलाई",
        "अगस्त",
        "सितंबर",
        "अक्तूबर",
        "नवंबर",
        "दिसंबर",
    ],
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
];

fn language_index(language: Language) -> usize {
    match language {
        Language::Bn => 0,
        Language::Hi => 1,
        Language::En => 2,
    }
}

/// Replaces ASCII digits with the language's own (Bengali only; Hindi usage prefers ASCII).
pub fn localise_digits(language: Language, text: &str) -> String {
    match language {
        Language::Bn => text
            .chars()
            .map(|c| c.to_digit(10).map_or(c, |d| BENGALI_DIGITS[d as usize]))
            .collect(),
        Language::Hi | Language::En => text.to_string(),
    }
}

/// An integer with Indian digit grouping, in the language's digits.
pub fn format_number(language: Language, n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut grouped = String::new();
    let len = digits.len();
    for (i, c) in digits.chars().enumerate() {
        let remaining = len - i;
        if i > 0 && (remaining == 3 || (remaining > 3 && (remaining - 3).is_multiple_of(2))) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if n < 0 { "-" } else { "" };
    localise_digits(language, &format!("{sign}{grouped}"))
}

/// A calendar day written the long way, in the language's words and digits:
/// "২৬ আগস্ট ২০২৬", "26 अगस्त 2026", "26 August 2026". Every date on a page or in a PDF is
/// written by this (an ISO date belongs only to the API and to a date input's `value`).
pub fn format_day(language: Language, date: Date) -> String {
    let month = MONTHS[language_index(language)][usize::from(u8::from(date.month())) - 1];
    localise_digits(language, &format!("{} {month} {}", date.day(), date.year()))
}

/// A month and its year, in the language's words and digits: "জুলাই ২০২৬", "July 2026".
pub fn format_month(language: Language, date: Date) -> String {
    let month = MONTHS[language_index(language)][usize::from(u8::from(date.month())) - 1];
    localise_digits(language, &format!("{month} {}", date.year()))
}

/// The day an instant fell on in `zone`, the long way.
pub fn format_date_in(language: Language, at: Timestamp, zone: &TimeZone) -> String {
    format_day(language, zone.date_of(at))
}

/// The day and the wall-clock time (24-hour) of an instant in `zone`, without the zone's name:
/// "২৬ আগস্ট ২০২৬, ০২:১০". [`crate::I18n::datetime`] adds the name in the reader's language.
pub fn format_datetime_in(language: Language, at: Timestamp, zone: &TimeZone) -> String {
    let local = zone.local(at);
    let time = localise_digits(
        language,
        &format!("{:02}:{:02}", local.hour(), local.minute()),
    );
    format!("{}, {time}", format_day(language, local.date()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_use_indian_grouping_and_native_digits() {
        assert_eq!(format_number(Language::En, 1_234_567), "12,34,567");
        assert_eq!(format_number(Language::Hi, 1_234_567), "12,34,567");
        assert_eq!(format_number(Language::Bn, 1_234_567), "১২,৩৪,৫৬৭");
        assert_eq!(format_number(Language::En, 999), "999");
        assert_eq!(format_number(Language::En, 1000), "1,000");
        assert_eq!(format_number(Language::Bn, -100_000), "-১,০০,০০০");
    }

    #[test]
    fn dates_are_written_the_long_way_in_the_language() {
        let day = time::macros::date!(2026 - 08 - 26);
        assert_eq!(format_day(Language::Bn, day), "২৬ আগস্ট ২০২৬");
        assert_eq!(format_day(Language::Hi, day), "26 अगस्त 2026");
        assert_eq!(format_day(Language::En, day), "26 August 2026");
        let new_year = time::macros::date!(2027 - 01 - 01);
        assert_eq!(format_day(Language::Bn, new_year), "১ জানুয়ারি ২০২৭");
        assert_eq!(format_day(Language::Hi, new_year), "1 जनवरी 2027");
    }

    #[test]
    fn times_are_read_on_the_organisations_clock() {
        let kolkata: TimeZone = "Asia/Kolkata".parse().unwrap();
        let dhaka: TimeZone = "Asia/Dhaka".parse().unwrap();
        let at = Timestamp(1_795_962_300_000); // 29 November 2026, 14:25 UTC
        assert_eq!(
            format_datetime_in(Language::Bn, at, &dhaka),
            "২৯ নভেম্বর ২০২৬, ২০:২৫"
        );
        assert_eq!(
            format_datetime_in(Language::Hi, at, &kolkata),
            "29 नवंबर 2026, 19:55"
        );
        assert_eq!(
            format_datetime_in(Language::En, at, &kolkata),
            "29 November 2026, 19:55"
        );
        // Late on 25 August in UTC (20:10) is already 26 August in Dhaka and Kolkata.
        let late = Timestamp(1_787_688_600_000);
        assert_eq!(
            format_date_in(Language::En, late, &TimeZone::default()),
            "26 August 2026"
        );
        assert_eq!(
            format_datetime_in(Language::Bn, late, &dhaka),
            "২৬ আগস্ট ২০২৬, ০২:১০"
        );
        assert_eq!(
            format_datetime_in(Language::Hi, late, &kolkata),
            "26 अगस्त 2026, 01:40"
        );
    }
}
