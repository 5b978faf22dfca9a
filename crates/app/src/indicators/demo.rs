//! A year of the demo network's work, so that every indicator chart has something to show: the
//! four quarters up to today, in which the Kolkata shelter, the Mumbai home and the Jessore NGO
//! listen to her more each quarter (more of her words read back, more goals she set, more
//! decisions with her, more incidents met with support). The Howrah transit home records two
//! girls a quarter, too few to show: its figures stay hidden, as the rule says.
//!
//! Every record goes through the store with its audit entry, dated in its quarter in the
//! organisation's own time zone. Loading twice adds nothing (each case has a fixed code).

use std::sync::Arc;

use domain::audit::{AuditAction, AuditEvent};
use domain::case::{Identity, StageChange};
use domain::decision::{Decision, DecisionFields, DecisionTopic, Participation};
use domain::indicators::Period;
use domain::note::{Note, NoteKind, Response};
use domain::plan::{Agreement, Goal, GoalDomain, GoalStatus, PlanBody, PlanReview, SetBy};
use domain::voice::VoiceFields;
use domain::{CaseCode, CaseId, Language, Stage, Timestamp, VoiceId, VoiceKind};
use store::{NewCase, NewVoice, PlanSave, Store};

use crate::Error;

/// (organisation, the case worker who carries its cases, cases opened each quarter).
const MEMBERS: [(&str, &str, usize); 4] = [
    ("Nirapad Shelter Home, Kolkata", "caseworker.kolkata", 8),
    ("Asha Niketan, Mumbai", "caseworker.mumbai", 6),
    ("Notun Alo, Jessore", "caseworker.jessore", 6),
    ("Pather Sathi Transit Home, Howrah", "caseworker.howrah", 2),
];

/// How many in a hundred of each quarter's records go her way, oldest quarter first: the
/// network learning to listen.
const RISING: [usize; 4] = [30, 45, 60, 80];

const WORDS: [(Language, &str); 4] = [
    (Language::Bn, "আমি আবার স্কুলে যেতে চাই।"),
    (Language::Bn, "মায়ের সঙ্গে ফোনে কথা বলতে চাই, কিন্তু বাবাকে ভয় পাই।"),
    (Language::Hi, "मैं सिलाई सीखकर अपना काम करना चाहती हूँ।"),
    (Language::Bn, "রাতে ঘুম আসে না, কারও সঙ্গে কথা বলতে চাই।"),
];

/// One organisation of a demo year: its case worker, its clock and its four quarters up to
/// today, oldest first.
pub(super) struct Member {
    pub(super) org: domain::OrgId,
    pub(super) worker: domain::UserId,
    pub(super) zone: domain::zone::TimeZone,
    pub(super) trend: Vec<Period>,
}

/// The organisation and case worker the demo network named, or `None` when the network was
/// loaded without them.
pub(super) async fn member(
    store: &Arc<dyn Store>,
    org_name: &str,
    worker_name: &str,
    now: Timestamp,
) -> Result<Option<Member>, Error> {
    let Some(org) = store.organisation_by_name(org_name).await? else {
        return Ok(None);
    };
    let username = worker_name
        .parse()
        .map_err(|_| Error::internal("demo username"))?;
    let Some(worker) = store.user_by_username(&username).await? else {
        return Ok(None);
    };
    let zone = store.time_zone_of(org.id).await?;
    let trend = Period::quarter_of(zone.date_of(now)).trend();
    Ok(Some(Member {
        org: org.id,
        worker: worker.id,
        zone,
        trend,
    }))
}

/// Whether the `k`th of `n` records of a quarter goes her way, at `percent` in a hundred.
pub(super) fn her_way(k: usize, n: usize, percent: usize) -> bool {
    k * 100 < n * percent
}

/// Loads the year; returns how many cases it added.
pub async fn load(store: &Arc<dyn Store>, now: Timestamp) -> Result<usize, Error> {
    let mut added = 0;
    for (m, (org_name, worker_name, per_quarter)) in MEMBERS.iter().enumerate() {
        let Some(Member {
            org,
            worker,
            zone,
            trend,
        }) = member(store, org_name, worker_name, now).await?
        else {
            continue;
        };
        for (q, quarter) in trend.into_iter().enumerate() {
            let start = quarter.bounds(&zone).start;
            let end = quarter.bounds(&zone).end.millis().min(now.millis());
            // Cases spread over the quarter (or the part of it already lived), each one's
            // records a few steps apart, all before the next case and before now.
            let room = (end - start.millis()).max(0) / (*per_quarter as i64 + 2);
            for k in 0..*per_quarter {
                let code = CaseCode::from_random([0xA7, 0x5E, 0x10 + m as u8, q as u8, k as u8]);
                if store.case_by_code(&code).await?.is_some() {
                    continue;
                }
                let at = |step: i64| {
                    Timestamp(start.millis() + room * (k as i64 + 1) + room * step / 12)
                };
                let her =
                    |offset: usize| her_way((k + offset) % per_quarter, *per_quarter, RISING[q]);
                let case = Case {
                    org,
                    worker,
                    at: &at,
                    her: &her,
                };
                case.tell(store, code, k, q).await?;
                added += 1;
            }
        }
    }
    Ok(added)
}

/// One girl's case of the year: whose it is, when each of its records is written, and which of
/// them go her way.
struct Case<'a> {
    org: domain::OrgId,
    worker: domain::UserId,
    /// The instant of the case's `n`th record.
    at: &'a dyn Fn(i64) -> Timestamp,
    /// Whether its `offset`th kind of record goes her way.
    her: &'a dyn Fn(usize) -> bool,
}

impl Case<'_> {
    async fn tell(
        &self,
        store: &Arc<dyn Store>,
        code: CaseCode,
        k: usize,
        q: usize,
    ) -> Result<(), Error> {
        let at = self.at;
        let opened = at(0);
        let new = NewCase {
            intake: Default::default(),
            id: CaseId::new(),
            code,
            custodian: self.org,
            opened_at: opened,
            assigned: vec![self.worker],
            identity: Identity {
                name: format!("Demo {}-{q}-{k}", self.org),
                family: String::new(),
                address: String::new(),
            },
        };
        let event = |action, when| {
            AuditEvent::new(when, action, format!("case:{}", new.id))
                .scoped_to(self.org)
                .from_source("demo")
        };
        let case = store
            .create_case(&new, event(AuditAction::CaseCreated, opened))
            .await?;
        for (i, (language, text)) in WORDS.iter().enumerate().skip(k % 2).take(2) {
            let when = at(1 + i as i64 % 2);
            let voice = NewVoice {
                id: VoiceId::new(),
                case_id: case.id,
                fields: VoiceFields {
                    kind: VoiceKind::Hope,
                    text: (*text).to_string(),
                    language: *language,
                    spoken_on: when.to_datetime().date(),
                    read_back: (self.her)(i),
                },
                recorded_by: self.worker,
                recorded_at: when,
            };
            store
                .record_voice(&voice, event(AuditAction::VoiceRecorded, when))
                .await?;
        }
        let saved = at(3);
        let target = Some(saved.plus_seconds(150 * 86_400).to_datetime().date());
        let setter = |offset| {
            if (self.her)(offset) {
                SetBy::Her
            } else {
                SetBy::Team
            }
        };
        let body = PlanBody {
            goals: vec![
                Goal {
                    domain: GoalDomain::Livelihood,
                    goal: "সেলাই শিখে নিজের রোজগার".into(),
                    set_by: setter(2),
                    target,
                    target_set_by: Some(setter(3)),
                    status: GoalStatus::Open,
                    actions: Vec::new(),
                },
                Goal {
                    domain: if k.is_multiple_of(3) {
                        GoalDomain::Justice
                    } else {
                        GoalDomain::Wellbeing
                    },
                    goal: "যা ঘটেছে তা নিয়ে কথা বলার জায়গা".into(),
                    set_by: if k.is_multiple_of(3) {
                        SetBy::Order
                    } else {
                        setter(4)
                    },
                    target: None,
                    target_set_by: None,
                    status: GoalStatus::InProgress,
                    actions: Vec::new(),
                },
            ],
        };
        let held = domain::sight::Sight::own(self.org);
        store
            .save_plan(
                &PlanSave {
                    case: case.id,
                    expected_version: 0,
                    body: &body,
                    by: self.worker,
                    at: saved,
                    sight: &held,
                },
                event(AuditAction::PlanSaved, saved),
            )
            .await?;
        let review = PlanReview {
            id: uuid::Uuid::now_v7(),
            plan_version: 1,
            agreement: if (self.her)(5) {
                Agreement::Agreed
            } else {
                Agreement::Partly
            },
            her_words: "ঠিক আছে, তবে আমি তাড়াতাড়ি বাড়ি যেতে চাই।".into(),
            notes: String::new(),
            reviewed_by: self.worker,
            reviewed_at: at(4),
        };
        store
            .add_plan_review(case.id, &review, event(AuditAction::PlanReviewed, at(4)))
            .await?;
        for (i, what) in ["কোন হোমে সে থাকবে", "কবে পরিবারের সঙ্গে যোগাযোগ হবে"]
            .iter()
            .enumerate()
        {
            let with_her = (self.her)(6 + i);
            let decision = Decision {
                id: uuid::Uuid::now_v7(),
                case_id: case.id,
                fields: DecisionFields {
                    topic: DecisionTopic::General,
                    what: (*what).to_string(),
                    decided_by: "কেস কনফারেন্স".into(),
                    options: Vec::new(),
                    her_choice: String::new(),
                    participation: if with_her {
                        Participation::DecidedWithHer
                    } else {
                        Participation::Informed
                    },
                    her_view: if with_her {
                        "আমি আগে মায়ের সঙ্গে কথা বলতে চাই।".into()
                    } else {
                        String::new()
                    },
                    absent_reason: String::new(),
                },
                recorded_by: self.worker,
                recorded_at: at(5 + i as i64),
            };
            store
                .log_decision(
                    &decision,
                    event(AuditAction::DecisionLogged, at(5 + i as i64)),
                )
                .await?;
        }
        if k.is_multiple_of(2) {
            let positive = (self.her)(8);
            let note = Note {
                id: uuid::Uuid::now_v7(),
                case_id: case.id,
                kind: NoteKind::Incident,
                text: "রাতে অন্য মেয়ের সঙ্গে ঝগড়া হয়েছে।".into(),
                language: Language::Bn,
                response: Some(if positive {
                    (Response::Positive, "দুজনের সঙ্গে বসে কথা বলা হয়েছে।".into())
                } else {
                    (Response::Punitive, "এক সপ্তাহ বাইরে যাওয়া বন্ধ।".into())
                }),
                written_by: self.worker,
                written_at: at(7),
            };
            store
                .add_note(&note, event(AuditAction::NoteWritten, at(7)))
                .await?;
        }
        // Into care. (None goes home here: a return schedules follow-ups, and the demo's
        // missed one is the Kolkata case that shows what a missed follow-up looks like.)
        let when = at(8);
        let change = StageChange {
            from: Stage::Identified,
            to: Stage::InCare,
            reason: "কেস কনফারেন্সের সিদ্ধান্ত".into(),
            by: Some(self.worker),
            at: when,
        };
        store
            .change_stage(
                case.id,
                case.version,
                &change,
                event(AuditAction::CaseStageChanged, when),
            )
            .await?;
        Ok(())
    }
}
