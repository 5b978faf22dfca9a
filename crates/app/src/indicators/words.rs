//! The indicators in the reader's words: a period the long way and a figure with its n, in her
//! language and digits. The page, the PDF and the workbook's labels say them the same way.

use domain::indicators::Period;

use super::{Figure, Measure, Value};
use crate::Tr;

/// A period the long way, in her language and digits: "জুলাই–সেপ্টেম্বর ২০২৬", "2026".
pub fn period_label(t: &Tr, period: Period) -> String {
    let year = |y: i32| i18n::localise_digits(t.lang, &y.to_string());
    match period {
        Period::Quarter { year: y, quarter } => t.i18n.text_with(
            t.lang,
            "indicators-quarter",
            &[
                ("quarter", i18n::Arg::Count(i64::from(quarter))),
                ("year", i18n::Arg::Text(year(y))),
            ],
        ),
        Period::Year(y) => year(y),
    }
}

pub fn number(t: &Tr, n: u64) -> String {
    i18n::format_number(t.lang, i64::try_from(n).unwrap_or(i64::MAX))
}

/// A figure in words, with its n.
pub fn figure_text(t: &Tr, measure: Measure, figure: Figure) -> String {
    let Figure::Shown { n, value } = figure else {
        return t.get("indicators-hidden");
    };
    let with_n = |text: String| {
        t.i18n.text_with(
            t.lang,
            "indicators-with-n",
            &[
                ("figure", i18n::Arg::Text(text)),
                ("n", i18n::Arg::Text(number(t, n))),
            ],
        )
    };
    match value {
        Value::Percent(None)
        | Value::Spread {
            median: None,
            p90: None,
        } => t.get("indicators-no-data"),
        Value::Percent(Some(p)) => with_n(percent(t, p)),
        Value::Spread { median, p90 } => {
            let v = |x: Option<i64>| {
                x.map(|x| i18n::format_number(t.lang, x))
                    .unwrap_or_else(|| "—".into())
            };
            let id = if measure.in_days() {
                "indicators-spread-days"
            } else {
                "indicators-spread"
            };
            with_n(t.i18n.text_with(
                t.lang,
                id,
                &[
                    ("median", i18n::Arg::Text(v(median))),
                    ("p90", i18n::Arg::Text(v(p90))),
                ],
            ))
        }
        Value::Count(c) => number(t, c),
    }
}

pub fn percent(t: &Tr, p: u64) -> String {
    // The sign is written the same in all three languages; the digits are hers.
    format!("{}%", number(t, p))
}

/// The value a chart draws for a figure: a share's percent, a spread's median, a count.
pub fn drawn(figure: Figure) -> Option<u64> {
    match figure {
        Figure::Suppressed => None,
        Figure::Shown { value, .. } => match value {
            Value::Percent(p) => p,
            Value::Spread { median, .. } => median.and_then(|m| u64::try_from(m).ok()),
            Value::Count(c) => Some(c),
        },
    }
}
