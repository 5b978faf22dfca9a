//! The demo network: five organisations along the Kolkata–Jessore route and their users, loaded
//! idempotently (loading twice adds nothing), for `saathi demo`, `serve --demo` and the tests.

use std::sync::Arc;

use domain::audit::{AuditAction, AuditEvent};
use domain::case::{Identity, StageChange};
use domain::consent::{Consent, ConsentDraft};
use domain::decision::{Decision, DecisionDraft};
use domain::organisation::OrganisationFields;
use domain::voice::VoiceFields;
use domain::{
    CaseCode, CaseId, Language, OrgId, OrgKind, Role, Roles, Stage, Timestamp, UserId, VoiceId,
    VoiceKind,
};
use store::{NewCase, NewUser, NewVoice, Store};

use crate::{Error, password};

/// Every demo user's password, printed by the command and listed in the README.
pub const DEMO_PASSWORD: &str = "saathi-demo-2026";

struct DemoOrg {
    name: &'static str,
    kind: OrgKind,
    country: &'static str,
    district: &'static str,
    languages: &'static [Language],
    time_zone: &'static str,
}

const ORGS: [DemoOrg; 5] = [
    DemoOrg {
        name: "Nirapad Shelter Home, Kolkata",
        kind: OrgKind::Destination,
        country: "IN",
        district: "Kolkata",
        languages: &[Language::Bn, Language::En, Language::Hi],
        time_zone: "Asia/Kolkata",
    },
    DemoOrg {
        name: "Asha Niketan, Mumbai",
        kind: OrgKind::Destination,
        country: "IN",
        district: "Mumbai",
        languages: &[Language::Hi, Language::En],
        time_zone: "Asia/Kolkata",
    },
    DemoOrg {
        name: "Pather Sathi Transit Home, Howrah",
        kind: OrgKind::Transit,
        country: "IN",
        district: "Howrah",
        languages: &[Language::Bn, Language::Hi],
        time_zone: "Asia/Kolkata",
    },
    DemoOrg {
        name: "Sundarban Mahila Samiti, South 24 Parganas",
        kind: OrgKind::Source,
        country: "IN",
        district: "South 24 Parganas",
        languages: &[Language::Bn],
        time_zone: "Asia/Kolkata",
    },
    DemoOrg {
        name: "Notun Alo, Jessore",
        kind: OrgKind::Source,
        country: "BD",
        district: "Jessore",
        languages: &[Language::Bn],
        time_zone: "Asia/Dhaka",
    },
];

/// (username, display name, organisation index, role, language)
const USERS: [(&str, &str, usize, Role, Language); 10] = [
    (
        "admin",
        "Network administrator",
        0,
        Role::NetworkAdmin,
        Language::En,
    ),
    (
        "director.kolkata",
        "Mitali Sen",
        0,
        Role::Director,
        Language::Bn,
    ),
    (
        "caseworker.kolkata",
        "Rupa Das",
        0,
        Role::CaseWorker,
        Language::Bn,
    ),
    (
        "counsellor.kolkata",
        "Anjali Ghosh",
        0,
        Role::Counsellor,
        Language::En,
    ),
    (
        "caseworker.mumbai",
        "Sunita Pawar",
        1,
        Role::CaseWorker,
        Language::Hi,
    ),
    (
        "caseworker.parganas",
        "Shahnaz Begum",
        3,
        Role::CaseWorker,
        Language::Bn,
    ),
    (
        "caseworker.jessore",
        "Nasima Akter",
        4,
        Role::CaseWorker,
        Language::Bn,
    ),
    ("trainer", "Uma Chatterjee", 0, Role::Trainer, Language::Bn),
    // A girl's own account, linked to her case: she reads her record and adds her words.
    ("survivor.demo", "Meena", 0, Role::Survivor, Language::Bn),
    (
        "caseworker.howrah",
        "Shabnam Khatun",
        2,
        Role::CaseWorker,
        Language::Bn,
    ),
];

/// The constants above are checked by the tests; a failure here is a bug, not bad input.
fn broken(err: domain::DomainError) -> Error {
    Error::internal(format!("demo data: {err}"))
}

/// Loads what is missing of the demo network, its cases and its training programme; returns how many records were
/// added.
pub async fn load(store: &Arc<dyn Store>, now: Timestamp) -> Result<usize, Error> {
    let added = load_network(store, now).await?;
    let added = added + load_cases(store, now).await?;
    let added = added + crate::indicators::demo::load(store, now).await?;
    let added = added + crate::indicators::her_view_demo::load(store, now).await?;
    let added = added + crate::indicators::returns_demo::load(store, now).await?;
    Ok(added + crate::training::demo::load(store, now).await?)
}

/// The organisations and their users only (the tests build their own cases).
pub async fn load_network(store: &Arc<dyn Store>, now: Timestamp) -> Result<usize, Error> {
    let mut org_ids = Vec::new();
    let mut added = 0;
    for org in &ORGS {
        let id = match store.organisation_by_name(org.name).await? {
            Some(existing) => existing.id,
            None => {
                let fields = OrganisationFields {
                    name: org.name.parse().map_err(broken)?,
                    kind: org.kind,
                    country: org.country.parse().map_err(broken)?,
                    district: Some(org.district.to_string()),
                    languages: org.languages.to_vec(),
                    time_zone: org.time_zone.parse().map_err(broken)?,
                };
                let id = OrgId::new();
                let event = AuditEvent::new(
                    now,
                    AuditAction::OrganisationCreated,
                    format!("organisation:{id}"),
                )
                .scoped_to(id)
                .from_source("demo");
                store.create_organisation(id, &fields, event).await?;
                added += 1;
                id
            }
        };
        org_ids.push(id);
    }
    let password_hash = password::hash(DEMO_PASSWORD.to_string()).await?;
    for (username, display_name, org, role, language) in USERS {
        let username = username.parse().map_err(broken)?;
        if store.user_by_username(&username).await?.is_some() {
            continue;
        }
        let id = UserId::new();
        let event = AuditEvent::new(now, AuditAction::UserCreated, format!("user:{id}"))
            .scoped_to(org_ids[org])
            .from_source("demo");
        let user = NewUser {
            id,
            org_id: org_ids[org],
            username,
            display_name: Some(display_name.to_string()),
            roles: Roles::single(role),
            language,
            password_hash: password_hash.clone(),
        };
        store.create_user(&user, event).await?;
        added += 1;
    }
    if added > 0 {
        store
            .append_audit(AuditEvent::new(now, AuditAction::DemoLoaded, "demo").from_source("demo"))
            .await?;
    }
    Ok(added)
}

/// One demo case: whose it is, how far along the journey, and what she has said.
struct DemoCase {
    /// Index into `USERS` of the case worker who carries it (a counsellor joins in Kolkata).
    worker: usize,
    /// How many stages it has moved from `identified` (7 = closed).
    steps: usize,
    days_ago: i64,
    voices: &'static [(VoiceKind, Language, &'static str)],
}

const CASES: [DemoCase; 12] = [
    DemoCase {
        worker: 2,
        steps: 0,
        days_ago: 3,
        voices: &[(
            VoiceKind::Fear,
            Language::Bn,
            "গ্রামের লোকেরা কী বলবে, সেটা ভেবে ভয় লাগে। মা-কে এখনও কিছু বলতে পারিনি।",
        )],
    },
    DemoCase {
        worker: 2,
        steps: 1,
        days_ago: 40,
        voices: &[
            (
                VoiceKind::Hope,
                Language::Bn,
                "আমি আবার স্কুলে যেতে চাই। ক্লাস সেভেনে পড়তাম, ওখান থেকেই শুরু করতে চাই।",
            ),
            (
                VoiceKind::Preference,
                Language::Bn,
                "কাউন্সেলিংয়ের সময় আমি একজন দিদির সঙ্গেই কথা বলতে চাই, ছেলেদের সামনে নয়।",
            ),
        ],
    },
    DemoCase {
        worker: 2,
        steps: 2,
        days_ago: 95,
        voices: &[
            (
                VoiceKind::Plan,
                Language::Bn,
                "বাড়ি ফিরে দিদির সঙ্গে সেলাইয়ের কাজ শিখব, নিজের টাকা রোজগার করব।",
            ),
            (
                VoiceKind::Feedback,
                Language::Bn,
                "এখানে দিদিরা ভালো ব্যবহার করে, কিন্তু বাড়ির খবর পাই না বলে মন খারাপ লাগে।",
            ),
        ],
    },
    DemoCase {
        worker: 2,
        steps: 3,
        days_ago: 130,
        voices: &[(
            VoiceKind::Hope,
            Language::Hi,
            "मैं अपने गाँव वापस जाना चाहती हूँ और ब्यूटी पार्लर का काम सीखना चाहती हूँ।",
        )],
    },
    DemoCase {
        worker: 2,
        steps: 4,
        days_ago: 200,
        voices: &[
            (
                VoiceKind::Plan,
                Language::En,
                "I want to finish my tenth standard exams first, then think about a job.",
            ),
            (
                VoiceKind::Feedback,
                Language::En,
                "The court visit was scary, but the lawyer didi explained everything to me slowly.",
            ),
        ],
    },
    DemoCase {
        worker: 2,
        steps: 5,
        days_ago: 260,
        voices: &[(
            VoiceKind::Fear,
            Language::Bn,
            "যে লোকটা আমাকে নিয়ে গিয়েছিল, সে আবার পাড়ায় ঘোরে। রাতে ঘুম আসে না।",
        )],
    },
    DemoCase {
        worker: 2,
        steps: 6,
        days_ago: 330,
        voices: &[(
            VoiceKind::Feedback,
            Language::Bn,
            "বাড়িতে এখন সবাই কথা বলে। ছোট ভাইকে স্কুলে নিয়ে যাই।",
        )],
    },
    DemoCase {
        worker: 2,
        steps: 7,
        days_ago: 420,
        voices: &[(
            VoiceKind::Feedback,
            Language::Bn,
            "আমার দোকান চলছে। আর ফোন করার দরকার নেই, দরকার হলে আমি নিজেই ফোন করব।",
        )],
    },
    DemoCase {
        worker: 4,
        steps: 1,
        days_ago: 20,
        voices: &[
            (
                VoiceKind::Fear,
                Language::Hi,
                "मुझे डर है कि वो आदमी फिर से मेरे घर आ जाएगा।",
            ),
            (
                VoiceKind::Preference,
                Language::Hi,
                "मुझसे बात करते समय मेरी माँ के सामने पुरानी बातें मत पूछिए।",
            ),
        ],
    },
    DemoCase {
        worker: 5,
        steps: 5,
        days_ago: 240,
        voices: &[(
            VoiceKind::Plan,
            Language::Bn,
            "মুরগির খামার করব। পঞ্চায়েত থেকে লোন পাওয়ার কথা হচ্ছে।",
        )],
    },
    DemoCase {
        worker: 6,
        steps: 6,
        days_ago: 300,
        voices: &[(
            VoiceKind::Hope,
            Language::Bn,
            "আবার কলেজে ভর্তি হতে চাই। আব্বা এখন রাজি।",
        )],
    },
    // A girl from Jessore at the Kolkata shelter, part-way home to Bangladesh (see
    // `repatriation_under_way`).
    DemoCase {
        worker: 2,
        steps: 2,
        days_ago: 190,
        voices: &[
            (
                VoiceKind::Preference,
                Language::Bn,
                "যশোরে মায়ের কাছে ফিরতে চাই। বর্ডার পার হওয়ার সময় একজন দিদি যেন সঙ্গে থাকে।",
            ),
            (
                VoiceKind::Fear,
                Language::Bn,
                "কাগজ আসতে এত দেরি হচ্ছে, ভয় হয় আমাকে আর ফেরত পাঠাবে না।",
            ),
        ],
    },
];

/// The demo case that returned home a little over a month ago and whose first follow-up nobody
/// has recorded: an alert on the shelter's home page. Every other follow-up already due is done.
const MISSED_FOLLOW_UP: usize = 4;

/// The demo case part-way through its repatriation to Bangladesh.
const REPATRIATING: usize = 11;

/// Why each move was made, in the words a case worker would write.
const MOVES: [&str; 7] = [
    "আশ্রয়ে এসেছে, মেডিক্যাল হয়ে গেছে।",
    "পরিবারের খোঁজ পাওয়া গেছে; সে বাড়ি ফিরতে চায়।",
    "হোম ইনভেস্টিগেশন রিপোর্ট আর অনুমতি এসেছে।",
    "পরিবারের কাছে পৌঁছেছে।",
    "স্থানীয় সংস্থা নিয়মিত দেখা করছে।",
    "তিন মাসের খোঁজখবরের পর্যায় শুরু।",
    "সে নিজে বলেছে আর সাহায্যের দরকার নেই; পরিচালক অনুমোদন করেছেন।",
];

/// How a demo case came to the shelter: identified a few days before the case was opened, in
/// the organisation's district, mostly girls from Bangladesh in their mid-teens.
fn demo_intake(index: usize, org: &DemoOrg, opened: Timestamp) -> domain::intake::Intake {
    use domain::intake::{Exploitation, Gender, Intake, Place, SpokenLanguage};
    let state = match org.district {
        "Mumbai" => "Maharashtra",
        "Jessore" => "Khulna",
        _ => "West Bengal",
    };
    let identified = opened.plus_seconds(-((index % 4) as i64) * 86_400);
    let identified_on = identified.to_datetime().date();
    let exploitation = match index % 5 {
        0 | 2 | 4 => vec![Exploitation::SexualExploitation],
        1 => vec![Exploitation::Servitude, Exploitation::ChildLabour],
        _ => vec![Exploitation::ForcedLabour],
    };
    let mut languages = vec![SpokenLanguage::Bengali];
    if org.district == "Mumbai" || index.is_multiple_of(3) {
        languages.push(SpokenLanguage::Hindi);
    }
    let age = 14 + (index % 6) as u8;
    Intake {
        identified_on: Some(identified_on),
        place: Place {
            district: org.district.to_string(),
            state: state.to_string(),
            country: org.country.parse().ok(),
        },
        // Every third girl knows her date of birth roughly; the others told her age.
        born_on: (index % 3 == 2)
            .then(|| {
                identified_on
                    .replace_year(identified_on.year() - i32::from(age))
                    .ok()
            })
            .flatten(),
        age: (index % 3 != 2).then_some(age),
        gender: Some(Gender::Feminine),
        languages,
        citizenship: (if index % 4 == 3 { "IN" } else { "BD" }).parse().ok(),
        exploitation,
    }
}

async fn load_cases(store: &Arc<dyn Store>, now: Timestamp) -> Result<usize, Error> {
    let mut added = 0;
    for (index, demo) in CASES.iter().enumerate() {
        let code = CaseCode::from_random([0xA7, 0x5E, 0x00, 0x00, index as u8]);
        if store.case_by_code(&code).await?.is_some() {
            continue;
        }
        let (username, _, org_index, _, _) = USERS[demo.worker];
        let worker = store
            .user_by_username(&username.parse().map_err(broken)?)
            .await?
            .ok_or(Error::NotFound)?;
        let mut assigned = vec![worker.id];
        if org_index == 0 {
            let counsellor = store
                .user_by_username(&"counsellor.kolkata".parse().map_err(broken)?)
                .await?;
            assigned.extend(counsellor.map(|c| c.id));
        }
        let opened = now.plus_seconds(-demo.days_ago * 86_400);
        let new = NewCase {
            intake: demo_intake(index, &ORGS[org_index], opened),
            id: CaseId::new(),
            code: code.clone(),
            custodian: worker.org_id,
            opened_at: opened,
            assigned,
            identity: Identity {
                name: format!("Demo {}", index + 1),
                family: String::new(),
                address: String::new(),
            },
        };
        let event = |action, at| {
            AuditEvent::new(at, action, format!("case:{}", new.id))
                .scoped_to(worker.org_id)
                .from_source("demo")
        };
        let mut case = store
            .create_case(&new, event(AuditAction::CaseCreated, opened))
            .await?;
        for (kind, language, text) in demo.voices {
            let voice = NewVoice {
                id: VoiceId::new(),
                case_id: case.id,
                fields: VoiceFields {
                    kind: *kind,
                    text: (*text).to_string(),
                    language: *language,
                    spoken_on: opened.to_datetime().date(),
                    read_back: true,
                },
                recorded_by: worker.id,
                recorded_at: opened,
            };
            store
                .record_voice(&voice, event(AuditAction::VoiceRecorded, opened))
                .await?;
        }
        // Her consents: services always, statistics mostly; for the girl preparing to go home to South 24
        // Parganas, sharing her voice with the NGO there and news back to the shelter.
        let language = demo.voices.first().map(|v| v.1).unwrap_or(Language::Bn);
        let parganas = store
            .organisation_by_name(ORGS[3].name)
            .await?
            .map(|o| o.id.to_string())
            .unwrap_or_default();
        let mut drafts = vec![("services", "", String::new())];
        // Most agreed to be counted in anonymous statistics (the HTCDS export); one did not.
        if index != 5 {
            drafts.push(("statistics", "", String::new()));
        }
        if index == 2 {
            drafts.push(("sharing", "voice", parganas.clone()));
            drafts.push(("follow-up-updates", "", parganas));
        }
        for (purpose, section, organisation) in drafts {
            let fields = ConsentDraft {
                purpose,
                section,
                organisation: &organisation,
                explained_how: "ছবির কার্ড দেখিয়ে, একা ঘরে, তার প্রশ্নের উত্তর দিয়ে",
                explained_in: language.code(),
                explained_by: "কেস কর্মী",
                expires_on: "",
            }
            .check(opened.to_datetime().date())
            .map_err(|_| Error::internal("demo consent"))?;
            let consent = Consent {
                id: uuid::Uuid::now_v7(),
                case_id: case.id,
                fields,
                recorded_by: worker.id,
                recorded_at: opened,
                revoked_at: None,
                revoked_reason: None,
            };
            store
                .record_consent(&consent, event(AuditAction::ConsentRecorded, opened))
                .await?;
        }
        if index == 1 || index == 2 {
            load_plan(store, &case, worker.id, opened, index == 2).await?;
        }
        if index == 1 {
            ready_for_jessore(store, &case, worker.id, opened).await?;
        }
        if index == 2 {
            late_handover(store, &case, worker.id, now).await?;
        }
        if index == REPATRIATING {
            repatriation_under_way(store, &case, worker.id, now).await?;
        }
        if index == 2
            && let Some(her) = store
                .user_by_username(&"survivor.demo".parse().map_err(broken)?)
                .await?
        {
            case = store
                .link_survivor(case.id, her.id, event(AuditAction::SurvivorLinked, opened))
                .await?;
        }
        // Closing is the director's approval.
        let director = store
            .user_by_username(&"director.kolkata".parse().map_err(broken)?)
            .await?;
        for (step, reason) in MOVES.iter().enumerate().take(demo.steps) {
            if step == 6 {
                let decision = Decision {
                    id: uuid::Uuid::now_v7(),
                    case_id: case.id,
                    fields: DecisionDraft {
                        topic: "closure",
                        what: "কেস বন্ধ করা হবে; দরকার হলে সে নিজে যোগাযোগ করবে।",
                        decided_by: "কেস কনফারেন্স (কেস কর্মী, কাউন্সেলর, পরিচালক)",
                        options: "কেস বন্ধ করা\nআরও ছয় মাস খোঁজখবর",
                        her_choice: "কেস বন্ধ করা",
                        participation: "decided-with-her",
                        her_view: "আমার দোকান চলছে। আর ফোন করার দরকার নেই, দরকার হলে আমি নিজেই ফোন করব।",
                        absent_reason: "",
                    }
                    .check()
                    .map_err(|_| Error::internal("demo decision"))?,
                    recorded_by: worker.id,
                    recorded_at: opened.plus_seconds(7 * demo.days_ago * 86_400 / 8 - 3600),
                };
                store
                    .log_decision(
                        &decision,
                        event(AuditAction::DecisionLogged, decision.recorded_at),
                    )
                    .await?;
            }
            let at = opened
                .plus_seconds((step as i64 + 1) * demo.days_ago * 86_400 / (demo.steps as i64 + 1));
            let to = if step == 6 {
                Stage::Closed
            } else {
                Stage::ALL[step + 1]
            };
            let by = if to == Stage::Closed {
                director.as_ref().map(|d| d.id)
            } else {
                Some(worker.id)
            };
            let change = StageChange {
                from: case.stage,
                to,
                reason: (*reason).to_string(),
                by,
                at,
            };
            case = store
                .change_stage(
                    case.id,
                    case.version,
                    &change,
                    event(AuditAction::CaseStageChanged, at),
                )
                .await?;
        }
        // Her return scheduled the follow-ups; those already due were made.
        if index != MISSED_FOLLOW_UP {
            followups_made(store, &case, worker.id, now).await?;
        }
        added += 1;
    }
    Ok(added)
}

/// (username, role, organisation name) of every demo user, to print and document.
pub fn users() -> impl Iterator<Item = (&'static str, Role, &'static str)> {
    USERS
        .iter()
        .map(|(username, _, org, role, _)| (*username, *role, ORGS[*org].name))
}

/// A plan in her words for two of the shelter's girls: goals she set and goals the team set, a
/// review with her, and (for the one going home) the logged decision and the approval.
async fn load_plan(
    store: &Arc<dyn Store>,
    case: &domain::Case,
    worker: UserId,
    opened: Timestamp,
    approve: bool,
) -> Result<(), Error> {
    use domain::plan::{
        Agreement, Goal, GoalDomain, GoalStatus, PlanAction, PlanBody, PlanReview, SetBy,
    };
    let parganas = store
        .organisation_by_name(ORGS[3].name)
        .await?
        .map(|o| o.id);
    let kolkata = store
        .organisation_by_name(ORGS[0].name)
        .await?
        .map(|o| o.id);
    let later = |days: i64| Some(opened.plus_seconds(days * 86_400).to_datetime().date());
    let body = PlanBody {
        goals: vec![
            Goal {
                domain: GoalDomain::Livelihood,
                goal: "বাড়ি ফিরে সেলাইয়ের কাজ শিখে নিজের টাকা রোজগার করা".into(),
                set_by: SetBy::Her,
                target: later(240),
                // She chose the goal; the training's next intake set its date.
                target_set_by: Some(SetBy::Team),
                status: GoalStatus::InProgress,
                actions: vec![PlanAction {
                    what: "গ্রামের কাছে সেলাই প্রশিক্ষণে ভর্তির ব্যবস্থা".into(),
                    responsible: parganas,
                    target: later(150),
                    set_by: SetBy::Team,
                    status: GoalStatus::Open,
                }],
            },
            Goal {
                domain: GoalDomain::Wellbeing,
                goal: "রাতে ঘুম আসে না — কাউন্সেলরের সঙ্গে সপ্তাহে একবার কথা".into(),
                set_by: SetBy::Her,
                target: None,
                target_set_by: None,
                status: GoalStatus::InProgress,
                actions: vec![PlanAction {
                    what: "সাপ্তাহিক কাউন্সেলিং, একজন দিদির সঙ্গে".into(),
                    responsible: kolkata,
                    target: None,
                    set_by: SetBy::Team,
                    status: GoalStatus::InProgress,
                }],
            },
            Goal {
                domain: GoalDomain::Justice,
                goal: "আদালতে সাক্ষ্য দেওয়ার আগে কী হবে তা জেনে নেওয়া".into(),
                set_by: SetBy::Order,
                target: later(60),
                target_set_by: None,
                status: GoalStatus::Open,
                actions: Vec::new(),
            },
        ],
    };
    let event = |action, at| {
        AuditEvent::new(at, action, format!("case:{}", case.id))
            .scoped_to(case.custodian)
            .from_source("demo")
    };
    let saved_at = opened.plus_seconds(7 * 86_400);
    let held = domain::sight::Sight::own(case.custodian);
    store
        .save_plan(
            &store::PlanSave {
                case: case.id,
                expected_version: 0,
                body: &body,
                by: worker,
                at: saved_at,
                sight: &held,
            },
            event(AuditAction::PlanSaved, saved_at),
        )
        .await?;
    let review = PlanReview {
        id: uuid::Uuid::now_v7(),
        plan_version: 1,
        agreement: Agreement::Partly,
        her_words: "সেলাই ঠিক আছে, কিন্তু আগে পরীক্ষাটা দিতে চাই।".into(),
        notes: "পরীক্ষার কথা পরের পর্যালোচনায় লক্ষ্য হিসেবে যোগ হবে।".into(),
        reviewed_by: worker,
        reviewed_at: saved_at.plus_seconds(86_400),
    };
    store
        .add_plan_review(
            case.id,
            &review,
            event(AuditAction::PlanReviewed, review.reviewed_at),
        )
        .await?;
    if approve {
        let decision = Decision {
            id: uuid::Uuid::now_v7(),
            case_id: case.id,
            fields: DecisionDraft {
                topic: "plan",
                what: "পরিকল্পনা অনুমোদন; পরীক্ষার প্রস্তুতি পরের পর্যালোচনায় যোগ হবে",
                decided_by: "কেস কনফারেন্স",
                options: "এখনই অনুমোদন\nপরীক্ষার পরে অনুমোদন",
                her_choice: "এখনই অনুমোদন",
                participation: "consulted",
                her_view: "সেলাই ঠিক আছে, কিন্তু আগে পরীক্ষাটা দিতে চাই।",
                absent_reason: "",
            }
            .check()
            .map_err(|_| Error::internal("demo plan decision"))?,
            recorded_by: worker,
            recorded_at: review.reviewed_at.plus_seconds(3600),
        };
        store
            .log_decision(
                &decision,
                event(AuditAction::DecisionLogged, decision.recorded_at),
            )
            .await?;
        store
            .approve_plan(
                case.id,
                1,
                &held,
                event(AuditAction::PlanApproved, decision.recorded_at),
            )
            .await?;
    }
    Ok(())
}

/// Her consent to share her words and her health section with the Jessore NGO: the case is
/// ready to be handed over there.
async fn ready_for_jessore(
    store: &Arc<dyn Store>,
    case: &domain::Case,
    worker: UserId,
    opened: Timestamp,
) -> Result<(), Error> {
    let jessore = store
        .organisation_by_name(ORGS[4].name)
        .await?
        .map(|o| o.id.to_string())
        .unwrap_or_default();
    for section in ["voice", "health"] {
        let fields = ConsentDraft {
            purpose: "sharing",
            section,
            organisation: &jessore,
            explained_how: "যশোরের সংস্থা কে, তারা কী জানবে আর কী জানবে না — ছবি দেখিয়ে, একা ঘরে",
            explained_in: "bn",
            explained_by: "কেস কর্মী",
            expires_on: "",
        }
        .check(opened.to_datetime().date())
        .map_err(|_| Error::internal("demo consent"))?;
        let consent = Consent {
            id: uuid::Uuid::now_v7(),
            case_id: case.id,
            fields,
            recorded_by: worker,
            recorded_at: opened,
            revoked_at: None,
            revoked_reason: None,
        };
        let event = AuditEvent::new(
            opened,
            AuditAction::ConsentRecorded,
            format!("case:{}", case.id),
        )
        .scoped_to(case.custodian)
        .from_source("demo");
        store.record_consent(&consent, event).await?;
    }
    Ok(())
}

/// A handover to South 24 Parganas sent ten days ago that nobody has acknowledged: an alert on
/// both organisations' home pages.
async fn late_handover(
    store: &Arc<dyn Store>,
    case: &domain::Case,
    worker: UserId,
    now: Timestamp,
) -> Result<(), Error> {
    use domain::handover::{Gap, Handover, HandoverState};
    let Some(parganas) = store
        .organisation_by_name(ORGS[3].name)
        .await?
        .map(|o| o.id)
    else {
        return Ok(());
    };
    let created = now.plus_seconds(-11 * 86_400);
    let handover = Handover {
        id: uuid::Uuid::now_v7(),
        case_id: case.id,
        from_org: case.custodian,
        to_org: parganas,
        state: HandoverState::Draft,
        reason: "পরিবার রাজি, HIR হাতে এসেছে; সে বাড়ি ফিরতে চায়".into(),
        sections: vec![domain::consent::SectionClass::Voice],
        score: None,
        gaps: Vec::new(),
        gaps_reason: String::new(),
        decline_reason: String::new(),
        created_by: worker,
        created_at: created,
        sent_at: None,
        acknowledged_at: None,
        decided_at: None,
        version: 1,
    };
    let event = |action, at| {
        AuditEvent::new(at, action, format!("handover:{}", handover.id))
            .scoped_to(case.custodian)
            .from_source("demo")
    };
    store
        .create_handover(&handover, event(AuditAction::HandoverStarted, created))
        .await?;
    let sent_at = now.plus_seconds(-10 * 86_400);
    let mut sent = handover.clone();
    sent.state = HandoverState::Sent;
    sent.sent_at = Some(sent_at);
    sent.gaps = vec![
        Gap::NoHomeAssessment,
        Gap::NoLegalSummary,
        Gap::NoHealthSummary,
    ];
    sent.score = Some(50);
    sent.gaps_reason = "পরিবার অপেক্ষা করছে; মেডিক্যাল রিপোর্ট আলাদা করে পাঠানো হবে".into();
    store
        .update_handover(&sent, 1, None, event(AuditAction::HandoverSent, sent_at))
        .await?;
    Ok(())
}

/// What she said at each follow-up, by the follow-up's place in the schedule.
const FOLLOW_UP_WORDS: [&str; 4] = [
    "মায়ের কাছে আছি, ভালো আছি। পাড়ার লোকেরা এখন আর কিছু বলে না।",
    "বাবা আগের মতো বকাবকি করে না। ছোট বোনকে পড়াই।",
    "সেলাইয়ের কাজ শিখছি, সপ্তাহে তিন দিন।",
    "নিজের টাকায় একটা সেলাই মেশিন কিনেছি।",
];

/// Records each of the case's follow-ups that fell due before today, two days after its date.
async fn followups_made(
    store: &Arc<dyn Store>,
    case: &domain::Case,
    worker: UserId,
    now: Timestamp,
) -> Result<(), Error> {
    use domain::followup::{FollowUpResult, Outcome};
    let today = now.to_datetime().date();
    let due: Vec<_> = store
        .followups_of(case.id, &domain::scope::CaseScope::Network)
        .await?
        .into_iter()
        .filter(|f| f.is_missed(today))
        .collect();
    for (i, f) in due.iter().enumerate() {
        let at = Timestamp::from_datetime(f.due_on.midnight().assume_utc())
            .plus_seconds(2 * 86_400 + 11 * 3600)
            .min(now);
        let result = FollowUpResult {
            outcome: Outcome::ALL[i % Outcome::ALL.len()],
            her_words: FOLLOW_UP_WORDS[i % FOLLOW_UP_WORDS.len()].to_string(),
            by: worker,
            at,
        };
        let event = AuditEvent::new(
            at,
            AuditAction::FollowUpRecorded,
            format!("case:{}", case.id),
        )
        .scoped_to(case.custodian)
        .from_source("demo");
        store.record_followup(f.id, &result, None, event).await?;
    }
    Ok(())
}

/// Her repatriation to Bangladesh, started 160 days ago: the home investigation report was
/// requested and has come, with what she said she wants at each step after it was explained to
/// her; nationality verification was expected twelve days ago and has not come (an alert on the
/// shelter's home page).
async fn repatriation_under_way(
    store: &Arc<dyn Store>,
    case: &domain::Case,
    worker: UserId,
    now: Timestamp,
) -> Result<(), Error> {
    let started_on = now
        .to_datetime()
        .date()
        .saturating_sub(time::Duration::days(160));
    let event = |action, at| {
        AuditEvent::new(at, action, format!("case:{}", case.id))
            .scoped_to(case.custodian)
            .from_source("demo")
    };
    let day = |n: i64| {
        let date = started_on.saturating_add(time::Duration::days(n));
        (
            date,
            Timestamp::from_datetime(date.midnight().assume_utc()).plus_seconds(10 * 3600),
        )
    };
    store
        .start_repatriation(
            case.id,
            "IN-BD",
            started_on,
            event(AuditAction::RepatriationStarted, day(0).1),
        )
        .await?;
    let Some((_, _, steps)) = store
        .repatriation(case.id, &domain::scope::CaseScope::Network)
        .await?
    else {
        return Ok(());
    };
    let done = [
        (
            6,
            "যশোরের সংস্থা মায়ের সঙ্গে দেখা করুক, কিন্তু গ্রামের আর কাউকে যেন কিছু না বলে।",
        ),
        (58, "রিপোর্ট পড়ে শুনিয়েছে। মামার বাড়িতে নয়, মায়ের কাছেই থাকতে চাই।"),
    ];
    for (step, (days, preference)) in steps.iter().zip(done) {
        let (date, at) = day(days);
        let mut step = step.clone();
        step.done_on = Some(date);
        step.her_preference = preference.to_string();
        step.updated_by = Some(worker);
        step.updated_at = Some(at);
        store
            .update_step(&step, event(AuditAction::RepatriationStepUpdated, at))
            .await?;
    }
    Ok(())
}
