//! Numbers and dates written the way each language writes them: Bengali with Bengali digits,
//! all three with the Indian grouping used on both sides of the border (১২,৩৪,৫৬৭ · 12,34,567).

use domain::{Language, Timestamp};

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

/// A calendar date: "29 নভেম্বর ২০২৬", "29 नवंबर 2026", "29 November 2026".
pub fn format_date(language: Language, at: Timestamp) -> String {
    let dt = at.to_datetime();
    let month = MONTHS[language_index(language)][usize::from(u8::from(dt.month())) - 1];
    localise_digits(language, &format!("{} {month} {}", dt.day(), dt.year()))
}

/// A date and time (UTC, 24-hour): "29 নভেম্বর ২০২৬, ১৪:০৫".
pub fn format_datetime(language: Language, at: Timestamp) -> String {
    let dt = at.to_datetime();
    let time = localise_digits(
        language,
        &format!("{:02}:{:02} UTC", dt.hour(), dt.minute()),
    );
    format!("{}, {time}", format_date(language, at))
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
    fn dates_are_written_in_the_language() {
        let at = Timestamp(1_795_962_300_000); // 2026-11-29 14:25 UTC
        assert_eq!(format_date(Language::Bn, at), "২৯ নভেম্বর ২০২৬");
        assert_eq!(format_date(Language::Hi, at), "29 नवंबर 2026");
        assert_eq!(format_date(Language::En, at), "29 November 2026");
        assert_eq!(
            format_datetime(Language::Bn, at),
            "২৯ নভেম্বর ২০২৬, ১৪:২৫ UTC"
        );
    }
}
