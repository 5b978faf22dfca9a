//! Her return in the demo year (R6d, R7). Each quarter, girls of the Kolkata shelter, the
//! Mumbai home and the Jessore NGO went home 20 days before it opened, so that their 1-month
//! follow-up falls due in its first days; and as many others start their repatriation in it,
//! whose home investigation report is requested within its 7 days or late. More follow-ups are
//! done on time and fewer steps are late each quarter (`RISING`). The Howrah transit home has
//! one girl of each a quarter, too few to show: its figures stay hidden.
//!
//! Every record goes through the store with its audit entry. Loading twice adds nothing (each
//! case has a fixed code).

use std::sync::Arc;

use domain::audit::{AuditAction, AuditEvent};
use domain::case::{Identity, StageChange};
use domain::followup::{FollowUpResult, Outcome};
use domain::scope::CaseScope;
use domain::{CaseCode, CaseId, Stage, Timestamp};
use store::{NewCase, Store};

use super::demo::{Member, her_way, member};
use crate::Error;

/// (organisation, case worker, girls brought home each quarter, and as many starting their
/// repatriation).
const MEMBERS: [(&str, &str, usize); 4] = [
    ("Nirapad Shelter Home, Kolkata", "caseworker.kolkata", 5),
    ("Asha Niketan, Mumbai", "caseworker.mumbai", 5),
    ("Notun Alo, Jessore", "caseworker.jessore", 5),
    ("Pather Sathi Transit Home, Howrah", "caseworker.howrah", 1),
];

/// How many in a hundred of each quarter's follow-ups are done on time and steps within their
/// expected days, oldest quarter first.
const RISING: [usize; 4] = [20, 40, 60, 100];

const DAY: i64 = 86_400_000;

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
            let start = quarter.bounds(&zone).start.millis();
            for k in 0..2 * per_quarter {
                let code = CaseCode::from_random([0xB2, 0x7E, 0x10 + m as u8, q as u8, k as u8]);
                if store.case_by_code(&code).await?.is_some() {
                    continue;
                }
                let girl = Girl {
                    org,
                    worker,
                    // Home 20 days before the quarter opens, or starting her repatriation 2
                    // days after; an hour apart, girl by girl.
                    at: Timestamp(start + k as i64 * 3_600_000),
                    now,
                    on_time: her_way(k / 2, *per_quarter, RISING[q]),
                };
                girl.tell(store, code, m, q, k, k % 2 == 0).await?;
                added += 1;
            }
        }
    }
    Ok(added)
}

/// One girl: whose case, the quarter's opening (an hour per girl later), and whether her
/// follow-up or her step keeps its time.
struct Girl {
    org: domain::OrgId,
    worker: domain::UserId,
    at: Timestamp,
    now: Timestamp,
    on_time: bool,
}

impl Girl {
    async fn tell(
        &self,
        store: &Arc<dyn Store>,
        code: CaseCode,
        m: usize,
        q: usize,
        k: usize,
        home: bool,
    ) -> Result<(), Error> {
        let opened = Timestamp(self.at.millis() - 120 * DAY);
        let new = NewCase {
            intake: Default::default(),
            id: CaseId::new(),
            code,
            custodian: self.org,
            opened_at: opened,
            assigned: vec![self.worker],
            identity: Identity {
                name: format!("Demo home {m}-{q}-{k}"),
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
        let scope = CaseScope::Network;
        if !home {
            // Her repatriation starts 2 days into the quarter; the report is requested within
            // its expected days, or 20 days on; the next step only when the first kept time.
            let started = Timestamp(self.at.millis() + 2 * DAY);
            store
                .start_repatriation(
                    case.id,
                    "IN-BD",
                    started.to_datetime().date(),
                    event(AuditAction::RepatriationStarted, started),
                )
                .await?;
            let Some((_, _, steps)) = store.repatriation(case.id, &scope).await? else {
                return Ok(());
            };
            // Every step whose time has come is done, a late one late, so that nothing of
            // the story waits on the home pages' overdue lists today (the demo's one late step
            // at the Kolkata shelter is its own).
            let mut from = started.to_datetime().date();
            for (i, step) in steps.iter().enumerate() {
                let took = if !self.on_time && i == 0 {
                    20
                } else {
                    step.expected_days.max(1) - 1
                };
                let done = from.saturating_add(time::Duration::days(took));
                from = done;
                let done_at = day_at(done);
                if done_at.millis() > self.now.millis() {
                    break;
                }
                let updated = domain::repatriation::Step {
                    done_on: Some(done),
                    updated_by: Some(self.worker),
                    updated_at: Some(done_at),
                    ..step.clone()
                };
                store
                    .update_step(
                        &updated,
                        event(AuditAction::RepatriationStepUpdated, done_at),
                    )
                    .await?;
            }
            return Ok(());
        }
        let home_at = Timestamp(self.at.millis() - 20 * DAY);
        let mut version = case.version;
        let path = [
            Stage::Identified,
            Stage::InCare,
            Stage::PreparingReturn,
            Stage::InTransit,
            Stage::Returned,
        ];
        for (i, pair) in path.windows(2).enumerate() {
            let at = if pair[1] == Stage::Returned {
                home_at
            } else {
                Timestamp(opened.millis() + (i as i64 + 1) * DAY)
            };
            let change = StageChange {
                from: pair[0],
                to: pair[1],
                reason: "সে বাড়ি ফিরছে".into(),
                by: Some(self.worker),
                at,
            };
            version = store
                .change_stage(
                    case.id,
                    version,
                    &change,
                    event(AuditAction::CaseStageChanged, at),
                )
                .await?
                .version;
        }
        // The 1-month follow-up: done four days after it fell due, or 30 days after (late);
        // every later one that has fallen due, four days after. Nothing is left undone, so the
        // story adds nothing to the home pages' overdue lists (the demo's one missed
        // follow-up at the Kolkata shelter is its own).
        let mut followups = store.followups_of(case.id, &scope).await?;
        followups.sort_by_key(|f| f.due_on);
        for (i, f) in followups.iter().enumerate() {
            let due = day_at(f.due_on).millis();
            if due > self.now.millis() {
                break;
            }
            let after = if i == 0 && !self.on_time { 30 } else { 4 };
            let at = Timestamp((due + after * DAY).min(self.now.millis()));
            let result = FollowUpResult {
                outcome: Outcome::FamilyVisit,
                her_words: "মায়ের কাছে ভালো আছি, আবার স্কুলে যাচ্ছি।".into(),
                by: self.worker,
                at,
            };
            store
                .record_followup(
                    f.id,
                    &result,
                    None,
                    event(AuditAction::FollowUpRecorded, at),
                )
                .await?;
        }
        Ok(())
    }
}

/// Six in the morning, UTC, of a day: within that day in every zone the network works in.
fn day_at(day: time::Date) -> Timestamp {
    Timestamp(Timestamp::from_datetime(day.midnight().assume_utc()).millis() + 6 * 3_600_000)
}
