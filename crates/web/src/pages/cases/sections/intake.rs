//! How she came to the case: the intake facts recorded when it was opened (when and where she
//! was identified, her age, gender, languages, citizenship, the type of exploitation), in the
//! reader's language. Facts of the case in summary: whoever may see the case sees them.
//! Shown by the partial `case_intake.html`, which any case page can include.

use domain::intake::Intake;

use crate::pages::Tr;

/// One fact: its label and its value, in her language ("not known" when it is not).
pub struct Fact {
    pub label: String,
    pub value: String,
}

pub struct IntakeView {
    pub facts: Vec<Fact>,
}

/// The Fluent id of a country's name, for the countries of the route; `None` for any other.
pub fn country_id(code: &str) -> Option<String> {
    domain::intake::ROUTE_COUNTRIES
        .contains(&code)
        .then(|| format!("country-{}", code.to_ascii_lowercase()))
}

fn country_name(t: &Tr, code: &domain::CountryCode) -> String {
    country_id(code.as_str())
        .map(|id| t.get(&id))
        .unwrap_or_else(|| code.to_string())
}

pub fn intake(t: &Tr, intake: &Intake, opened: domain::Timestamp) -> IntakeView {
    let unknown = || t.get("intake-unknown");
    let or_unknown = |s: String| if s.is_empty() { unknown() } else { s };
    let identified = intake.identified_day(opened, t.zone);
    let place = [
        intake.place.district.clone(),
        intake.place.state.clone(),
        intake
            .place
            .country
            .as_ref()
            .map(|c| country_name(t, c))
            .unwrap_or_default(),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(", ");
    let age = match (intake.age_when_identified(identified), intake.born_on) {
        (Some(age), Some(born)) => format!(
            "{} ({})",
            t.with("intake-age-years", "age", &t.number(i64::from(age))),
            t.with("intake-born-about", "date", &t.day(born))
        ),
        (Some(age), None) => t.with("intake-age-years", "age", &t.number(i64::from(age))),
        _ => unknown(),
    };
    let names = |ids: Vec<&str>| {
        or_unknown(
            ids.iter()
                .map(|id| t.get(id))
                .collect::<Vec<_>>()
                .join(", "),
        )
    };
    let facts = vec![
        Fact {
            label: t.get("intake-identified-on"),
            value: t.day(identified),
        },
        Fact {
            label: t.get("intake-place"),
            value: or_unknown(place),
        },
        Fact {
            label: t.get("intake-age"),
            value: age,
        },
        Fact {
            label: t.get("intake-gender"),
            value: intake
                .gender
                .map(|g| t.get(g.message_id()))
                .unwrap_or_else(unknown),
        },
        Fact {
            label: t.get("intake-languages"),
            value: names(intake.languages.iter().map(|l| l.message_id()).collect()),
        },
        Fact {
            label: t.get("intake-citizenship"),
            value: intake
                .citizenship
                .as_ref()
                .map(|c| country_name(t, c))
                .unwrap_or_else(unknown),
        },
        Fact {
            label: t.get("intake-exploitation"),
            value: names(intake.exploitation.iter().map(|e| e.message_id()).collect()),
        },
    ];
    IntakeView { facts }
}
