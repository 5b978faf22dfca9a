//! How she came to the case, as typed in on the new-case form or sent to the API: read and
//! checked into `domain::intake::Intake`, every problem beside its field.

use domain::intake::{
    self, Exploitation, Gender, Intake, Place, SpokenLanguage, check_born_on, check_identified_on,
    parse_age, parse_place,
};
use domain::voice::parse_date;
use domain::zone::TimeZone;
use domain::{CountryCode, DomainError, Timestamp};

use crate::FieldError;

/// The intake facts as typed: dates as `YYYY-MM-DD` (Bengali or Devanagari digits too), lists
/// as the closed lists' names. Blank is unknown; a blank day of identification is today.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct IntakeInput {
    pub identified_on: String,
    pub identified_district: String,
    pub identified_state: String,
    pub identified_country: String,
    pub age: String,
    pub born_on: String,
    pub gender: String,
    pub languages: Vec<String>,
    pub citizenship: String,
    pub exploitation: Vec<String>,
}

fn blank(text: &str) -> bool {
    text.trim().is_empty()
}

fn country(field: &'static str, text: &str, errors: &mut Vec<FieldError>) -> Option<CountryCode> {
    if blank(text) {
        return None;
    }
    text.parse()
        .map_err(|e| errors.push(FieldError::new(field, &e)))
        .ok()
}

fn list<T: std::str::FromStr<Err = DomainError> + PartialEq>(
    field: &'static str,
    items: &[String],
    errors: &mut Vec<FieldError>,
) -> Vec<T> {
    intake::parse_list(&items.join(","))
        .map_err(|e| errors.push(FieldError::new(field, &e)))
        .unwrap_or_default()
}

impl IntakeInput {
    /// Checks every field at once; "today" is read on `zone`'s calendar (the organisation
    /// opening the case), so a day that has begun in Dhaka is not refused as the future.
    pub fn validate(
        &self,
        now: Timestamp,
        zone: &TimeZone,
        errors: &mut Vec<FieldError>,
    ) -> Intake {
        let today = zone.date_of(now);
        let identified_on = if blank(&self.identified_on) {
            today
        } else {
            match parse_date(&self.identified_on)
                .and_then(|d| check_identified_on(d, today).map(|()| d))
            {
                Ok(d) => d,
                Err(e) => {
                    errors.push(FieldError::new("identified_on", &e));
                    today
                }
            }
        };
        let mut place_text = |field: &'static str, text: &str| {
            parse_place(text).unwrap_or_else(|e| {
                errors.push(FieldError::new(field, &e));
                String::new()
            })
        };
        let district = place_text("identified_district", &self.identified_district);
        let state = place_text("identified_state", &self.identified_state);
        let place = Place {
            district,
            state,
            country: country("identified_country", &self.identified_country, errors),
        };
        let age = parse_age(&self.age)
            .map_err(|e| errors.push(FieldError::new("age", &e)))
            .unwrap_or(None);
        let born_on = if blank(&self.born_on) {
            None
        } else {
            parse_date(&self.born_on)
                .and_then(|d| check_born_on(d, identified_on).map(|()| d))
                .map_err(|e| errors.push(FieldError::new("born_on", &e)))
                .ok()
        };
        if age.is_some() && born_on.is_some() {
            errors.push(FieldError::new("age", &DomainError::AgeAndBirthDate));
        }
        let gender: Option<Gender> = if blank(&self.gender) {
            None
        } else {
            self.gender
                .parse()
                .map_err(|e| errors.push(FieldError::new("gender", &e)))
                .ok()
        };
        let languages: Vec<SpokenLanguage> = list("languages", &self.languages, errors);
        let exploitation: Vec<Exploitation> = list("exploitation", &self.exploitation, errors);
        Intake {
            identified_on: Some(identified_on),
            place,
            age,
            born_on,
            gender,
            languages,
            citizenship: country("citizenship", &self.citizenship, errors),
            exploitation,
        }
    }
}

/// The intake as it would be typed again: what a handover package carries, so that the
/// receiving server reads it through the same checks as a form.
impl From<&Intake> for IntakeInput {
    fn from(i: &Intake) -> Self {
        use domain::voice::format_date_iso;
        let text = |c: &Option<CountryCode>| c.as_ref().map(|c| c.to_string()).unwrap_or_default();
        Self {
            identified_on: i.identified_on.map(format_date_iso).unwrap_or_default(),
            identified_district: i.place.district.clone(),
            identified_state: i.place.state.clone(),
            identified_country: text(&i.place.country),
            age: i.age.map(|a| a.to_string()).unwrap_or_default(),
            born_on: i.born_on.map(format_date_iso).unwrap_or_default(),
            gender: i.gender.map(|g| g.as_str().to_string()).unwrap_or_default(),
            languages: i.languages.iter().map(|l| l.as_str().to_string()).collect(),
            citizenship: text(&i.citizenship),
            exploitation: i
                .exploitation
                .iter()
                .map(|e| e.as_str().to_string())
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn now() -> Timestamp {
        Timestamp::from_datetime(time::macros::datetime!(2026-11-30 10:00 UTC))
    }

    #[test]
    fn a_case_can_be_opened_as_it_happened_months_ago() {
        let input = IntakeInput {
            identified_on: "২০২৬-০৮-২৬".into(),
            identified_district: " Kolkata ".into(),
            identified_state: "West Bengal".into(),
            identified_country: "in".into(),
            age: "१६".into(),
            gender: "feminine".into(),
            languages: vec!["bn".into(), "hi".into()],
            citizenship: "BD".into(),
            exploitation: vec!["sexual-exploitation".into()],
            ..IntakeInput::default()
        };
        let mut errors = Vec::new();
        let intake = input.validate(now(), &"UTC".parse::<TimeZone>().unwrap(), &mut errors);
        assert_eq!(errors, vec![]);
        assert_eq!(intake.identified_on, Some(date!(2026 - 08 - 26)));
        assert_eq!(intake.place.district, "Kolkata");
        assert_eq!(
            intake.place.country.as_ref().map(|c| c.to_string()),
            Some("IN".into())
        );
        assert_eq!(intake.age, Some(16));
        assert_eq!(
            intake.languages,
            vec![SpokenLanguage::Bengali, SpokenLanguage::Hindi]
        );
        // Written out again (as a handover package carries it), it reads back the same.
        let again = IntakeInput::from(&intake);
        assert_eq!(again.identified_on, "2026-08-26");
        assert_eq!(again.age, "16");
        let mut errors = Vec::new();
        let read = again.validate(now(), &"UTC".parse::<TimeZone>().unwrap(), &mut errors);
        assert_eq!(errors, vec![]);
        assert_eq!(read, intake);
    }

    #[test]
    fn every_wrong_field_is_named_at_once() {
        let input = IntakeInput {
            identified_on: "2026-12-25".into(),
            age: "16".into(),
            born_on: "2010-01-01".into(),
            gender: "unknown".into(),
            citizenship: "Bangladesh".into(),
            languages: vec!["xx".into()],
            ..IntakeInput::default()
        };
        let mut errors = Vec::new();
        input.validate(now(), &"UTC".parse::<TimeZone>().unwrap(), &mut errors);
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_ref()).collect();
        assert_eq!(
            fields,
            vec!["identified_on", "age", "gender", "languages", "citizenship"]
        );
        assert_eq!(errors[0].message_id, "error-date-in-future");
        assert_eq!(errors[1].message_id, "error-age-and-birth-date");
    }
}
