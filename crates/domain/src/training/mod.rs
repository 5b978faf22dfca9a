//! The network's training programme for care workers, managers and survivors: programmes →
//! phases → workshops (DESIGN §6; `background/caring-connections-programme.txt`). The
//! three-phase Caring Connections programme ships as a template in bn/hi/en.

use serde::{Deserialize, Serialize};

pub mod evaluation;
pub mod exchange;
pub mod gate;
pub mod survivors;

use crate::form::Text;

/// Who a workshop is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Audience {
    /// Source-area organisations (near her family).
    Source,
    /// Destination organisations (shelters where she was identified).
    Destination,
    SourceAndDestination,
    DirectorsAndManagers,
    /// Survivors themselves: recorded apart, with pseudonymous codes.
    Survivors,
}

impl Audience {
    pub fn as_str(self) -> &'static str {
        match self {
            Audience::Source => "source",
            Audience::Destination => "destination",
            Audience::SourceAndDestination => "source-and-destination",
            Audience::DirectorsAndManagers => "directors-and-managers",
            Audience::Survivors => "survivors",
        }
    }

    pub fn message_id(self) -> String {
        format!("training-audience-{}", self.as_str())
    }
}

/// A workshop of the programme, as the template describes it (before it is scheduled).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkshopTemplate {
    pub key: String,
    pub title: Text,
    pub days: u32,
    pub residential: bool,
    pub audience: Audience,
    /// What it covers, in the three languages (shown on the joining brief).
    #[serde(default)]
    pub topics: Vec<Text>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phase {
    pub number: u32,
    pub title: Text,
    pub workshops: Vec<WorkshopTemplate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Programme {
    pub key: String,
    pub title: Text,
    pub phases: Vec<Phase>,
}

impl Programme {
    /// Every workshop of every phase, in order.
    pub fn workshops(&self) -> impl Iterator<Item = &WorkshopTemplate> {
        self.phases.iter().flat_map(|p| &p.workshops)
    }

    /// The workshop with this key.
    pub fn workshop(&self, key: &str) -> Option<&WorkshopTemplate> {
        self.workshops().find(|w| w.key == key.trim())
    }
}

/// About 16 in a group, as the programme found works.
pub const TARGET_GROUP_SIZE: u32 = 16;

/// The network's programme: phase 1 empathy and role clarification (five seven-day
/// workshops), phase 2 empathy between organisations (the documentation-tools workshop and
/// its follow-up; exchange visits are recorded apart), phase 3 centrality of survivors (three
/// five-day workshops), and refresher courses.
pub fn caring_connections() -> Result<Programme, serde_json::Error> {
    serde_json::from_str(include_str!("../../data/training/caring-connections.json"))
}

/// Someone who leads a workshop; the programme notes when she is a mental-health professional.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facilitator {
    pub name: String,
    #[serde(default)]
    pub mental_health: bool,
}

/// A workshop of the programme put on the calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Workshop {
    pub id: uuid::Uuid,
    pub programme: String,
    /// The template workshop it runs (its title, days, audience).
    pub template: WorkshopTemplate,
    pub venue: String,
    pub starts_on: time::Date,
    pub ends_on: time::Date,
    /// When the dates were made known to the organisations (short notice is a drop-out risk).
    pub announced_on: time::Date,
    pub capacity: u32,
    pub facilitators: Vec<Facilitator>,
    /// The trainers who run it: the only people who see who attended a survivor workshop.
    pub trainers: Vec<crate::UserId>,
    pub created_at: crate::Timestamp,
}

pub const VENUE_MAX: usize = 200;

/// Checks a workshop's dates and details; each problem names its field.
pub fn check_workshop(w: &Workshop) -> Vec<(&'static str, crate::DomainError)> {
    use crate::DomainError;
    let mut errors = Vec::new();
    if w.ends_on < w.starts_on {
        errors.push(("ends_on", DomainError::EndsBeforeStart));
    }
    if w.announced_on > w.starts_on {
        errors.push(("announced_on", DomainError::AnnouncedAfterStart));
    }
    if w.venue.trim().is_empty() {
        errors.push(("venue", DomainError::EmptyText));
    } else if w.venue.chars().count() > VENUE_MAX {
        errors.push(("venue", DomainError::TextTooLong { max: VENUE_MAX }));
    }
    if !(1..=200).contains(&w.capacity) {
        errors.push(("capacity", DomainError::AnswerNotValid));
    }
    if w.facilitators.iter().any(|f| f.name.trim().is_empty()) {
        errors.push(("facilitators", DomainError::EmptyText));
    }
    errors
}

/// Why a participant left a workshop (the programme's own list).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DropoutReason {
    ShelterEmergency,
    Childcare,
    Resigned,
    Other,
}

impl DropoutReason {
    pub const ALL: [DropoutReason; 4] = [
        DropoutReason::ShelterEmergency,
        DropoutReason::Childcare,
        DropoutReason::Resigned,
        DropoutReason::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DropoutReason::ShelterEmergency => "shelter-emergency",
            DropoutReason::Childcare => "childcare",
            DropoutReason::Resigned => "resigned",
            DropoutReason::Other => "other",
        }
    }
}

impl std::str::FromStr for DropoutReason {
    type Err = crate::DomainError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        DropoutReason::ALL
            .into_iter()
            .find(|r| r.as_str() == s.trim())
            .ok_or(crate::DomainError::DropoutReasonRequired)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dropout {
    pub reason: DropoutReason,
    /// In words; required for `other`.
    pub note: String,
    pub at: crate::Timestamp,
}

/// A member of staff in a workshop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Enrolment {
    pub id: uuid::Uuid,
    pub workshop_id: uuid::Uuid,
    pub user_id: crate::UserId,
    pub org_id: crate::OrgId,
    pub years_in_org: u32,
    /// She said she has young children and needs childcare to attend.
    pub childcare_needs: bool,
    pub enrolled_at: crate::Timestamp,
    pub dropout: Option<Dropout>,
}

/// A day of attendance must be a day of the workshop.
pub fn check_day(w: &Workshop, day: time::Date) -> Result<(), crate::DomainError> {
    if day < w.starts_on || day > w.ends_on {
        Err(crate::DomainError::DayOutsideWorkshop)
    } else {
        Ok(())
    }
}

/// Completed: present on at least four days in five of the workshop.
pub fn completed(w: &Workshop, days_attended: usize) -> bool {
    let days = (w.ends_on - w.starts_on).whole_days() + 1;
    days > 0 && days_attended as i64 * 5 >= days * 4
}

/// What the programme found makes people drop out, flagged before the workshop so a
/// coordinator can act.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Risk {
    /// Staff of a destination shelter on a residential workshop: emergencies call them back.
    ShelterStaffResidential,
    /// The dates were announced with less notice than the network asks for.
    ShortNotice,
    /// She declared childcare needs.
    Childcare,
}

impl Risk {
    pub fn as_str(self) -> &'static str {
        match self {
            Risk::ShelterStaffResidential => "shelter-staff-residential",
            Risk::ShortNotice => "short-notice",
            Risk::Childcare => "childcare",
        }
    }
}

/// The notice the network asks for before a workshop, in days (six weeks).
pub const NOTICE_DAYS: i64 = 42;

pub fn risks(
    w: &Workshop,
    e: &Enrolment,
    org_kind: crate::organisation::OrgKind,
    notice_days: i64,
) -> Vec<Risk> {
    let mut found = Vec::new();
    if w.template.residential && org_kind == crate::organisation::OrgKind::Destination {
        found.push(Risk::ShelterStaffResidential);
    }
    if (w.starts_on - w.announced_on).whole_days() < notice_days {
        found.push(Risk::ShortNotice);
    }
    if e.childcare_needs {
        found.push(Risk::Childcare);
    }
    found
}

/// The drop-out rate the network projects for its programme (2%).
pub const PROJECTED_DROPOUT_PERCENT: u32 = 2;

/// How many began a programme's workshops and how many left before the end.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct DropoutRate {
    pub enrolled: usize,
    pub dropped: usize,
}

impl DropoutRate {
    /// The rate in hundredths of a percent (714 is 7.14%), rounded down: shown without
    /// floating point.
    pub fn percent_hundredths(self) -> i64 {
        (self.dropped as i64 * 10_000)
            .checked_div(self.enrolled as i64)
            .unwrap_or(0)
    }

    /// Above the 2% the network projects: worth a coordinator's look.
    pub fn above_projection(self) -> bool {
        self.dropped * 100 > self.enrolled * PROJECTED_DROPOUT_PERCENT as usize
    }
}

/// Folds an iCalendar content line at 75 octets (RFC 5545 §3.1), never inside a character.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3);
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += n;
    }
    out.push_str("\r\n");
    out
}

/// Text as an iCalendar value: backslash, semicolon, comma and newlines escaped.
fn ics_text(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
}

fn ics_date(d: time::Date) -> String {
    format!("{:04}{:02}{:02}", d.year(), u8::from(d.month()), d.day())
}

/// The workshop as an iCalendar file with one all-day event (the end date is exclusive, as
/// calendars expect), its title in the participant's language.
pub fn calendar(
    w: &Workshop,
    language: crate::Language,
    description: &str,
    now: crate::Timestamp,
) -> String {
    let stamp = now.to_datetime();
    let dtstamp = format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        stamp.year(),
        u8::from(stamp.month()),
        stamp.day(),
        stamp.hour(),
        stamp.minute(),
        stamp.second()
    );
    let end = w.ends_on.next_day().unwrap_or(w.ends_on);
    let mut facilitators: Vec<String> = w.facilitators.iter().map(|f| f.name.clone()).collect();
    facilitators.sort();
    let lines = [
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//Saathi//Training//EN".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        "BEGIN:VEVENT".to_string(),
        format!("UID:{}@saathi", w.id),
        format!("DTSTAMP:{dtstamp}"),
        format!("DTSTART;VALUE=DATE:{}", ics_date(w.starts_on)),
        format!("DTEND;VALUE=DATE:{}", ics_date(end)),
        format!("SUMMARY:{}", ics_text(w.template.title.get(language))),
        format!("LOCATION:{}", ics_text(&w.venue)),
        format!("DESCRIPTION:{}", ics_text(description)),
        "END:VEVENT".to_string(),
        "END:VCALENDAR".to_string(),
    ];
    lines.iter().map(|l| fold(l)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn workshop() -> Workshop {
        let p = caring_connections().expect("template");
        Workshop {
            id: uuid::Uuid::nil(),
            programme: p.key,
            template: p.phases[0].workshops[0].clone(),
            venue: "Kolkata, Salt Lake; room 2".into(),
            starts_on: time::macros::date!(2027 - 01 - 11),
            ends_on: time::macros::date!(2027 - 01 - 17),
            announced_on: time::macros::date!(2026 - 11 - 20),
            capacity: 16,
            facilitators: vec![Facilitator {
                name: "Dr. Roy".into(),
                mental_health: true,
            }],
            trainers: Vec::new(),
            created_at: crate::Timestamp(0),
        }
    }

    #[test]
    fn a_workshop_cannot_end_before_it_starts() {
        let mut w = workshop();
        assert!(check_workshop(&w).is_empty());
        w.ends_on = time::macros::date!(2027 - 01 - 10);
        w.venue = " ".into();
        let fields: Vec<&str> = check_workshop(&w).iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, ["ends_on", "venue"]);
    }

    #[test]
    fn the_calendar_file_is_one_all_day_event_folded_at_75_octets() {
        let w = workshop();
        let ics = calendar(
            &w,
            crate::Language::Bn,
            &"সাত দিনের আবাসিক কর্মশালা, যাতায়াত ও থাকার খরচ সংস্থা দেবে; সঙ্গে আনুন: পরিচয়পত্র".repeat(2),
            crate::Timestamp(1_795_910_400_000),
        );
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(ics.contains("DTSTART;VALUE=DATE:20270111\r\n"));
        assert!(
            ics.contains("DTEND;VALUE=DATE:20270118\r\n"),
            "the end is exclusive"
        );
        assert!(ics.contains("SUMMARY:সারভাইভারকে জানা\r\n"));
        assert!(ics.contains("LOCATION:Kolkata\\, Salt Lake\\; room 2\r\n"));
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
        }
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains("যাতায়াত ও থাকার খরচ সংস্থা দেবে\\; সঙ্গে আনুন: পরিচয়পত্র"));
    }

    #[test]
    fn attendance_completion_and_risks_follow_the_programme() {
        let w = workshop();
        assert!(check_day(&w, time::macros::date!(2027 - 01 - 11)).is_ok());
        assert!(check_day(&w, time::macros::date!(2027 - 01 - 18)).is_err());
        assert!(check_day(&w, time::macros::date!(2027 - 01 - 10)).is_err());
        assert!(
            !completed(&w, 5),
            "five days of seven is under four in five"
        );
        assert!(completed(&w, 6));
        let e = Enrolment {
            id: uuid::Uuid::nil(),
            workshop_id: w.id,
            user_id: crate::UserId::new(),
            org_id: crate::OrgId::new(),
            years_in_org: 6,
            childcare_needs: true,
            enrolled_at: crate::Timestamp(0),
            dropout: None,
        };
        use crate::organisation::OrgKind;
        assert_eq!(
            risks(&w, &e, OrgKind::Destination, NOTICE_DAYS),
            [Risk::ShelterStaffResidential, Risk::Childcare],
            "announced 52 days ahead: enough notice"
        );
        let mut late = w.clone();
        late.announced_on = time::macros::date!(2026 - 12 - 20);
        assert_eq!(
            risks(
                &late,
                &Enrolment {
                    childcare_needs: false,
                    ..e
                },
                OrgKind::Source,
                NOTICE_DAYS
            ),
            [Risk::ShortNotice]
        );
    }

    #[test]
    fn the_drop_out_rate_is_measured_against_two_percent() {
        let rate = DropoutRate {
            enrolled: 14,
            dropped: 1,
        };
        assert_eq!(rate.percent_hundredths(), 714);
        assert!(rate.above_projection());
        let fine = DropoutRate {
            enrolled: 50,
            dropped: 1,
        };
        assert_eq!(fine.percent_hundredths(), 200);
        assert!(!fine.above_projection(), "exactly 2% is what was projected");
        assert_eq!(DropoutRate::default().percent_hundredths(), 0);
    }

    #[test]
    fn the_template_has_the_three_phases_and_the_refreshers() {
        let p = caring_connections().expect("the template parses");
        let shape: Vec<(u32, usize)> = p
            .phases
            .iter()
            .map(|ph| (ph.number, ph.workshops.len()))
            .collect();
        assert_eq!(shape, [(1, 5), (2, 2), (3, 3), (4, 1)]);
        assert!(
            p.phases[0]
                .workshops
                .iter()
                .all(|w| w.days == 7 && w.residential)
        );
        assert!(
            p.phases[2]
                .workshops
                .iter()
                .all(|w| w.days == 5 && w.audience == Audience::Survivors)
        );
        for w in p.phases.iter().flat_map(|ph| &ph.workshops) {
            let t = &w.title;
            assert!(
                !t.bn.is_empty() && !t.hi.is_empty() && !t.en.is_empty(),
                "{}",
                w.key
            );
            assert_ne!(t.bn, t.en);
        }
    }
}
