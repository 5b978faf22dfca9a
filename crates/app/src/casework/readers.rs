//! "Who has read her record": organisations and kinds of worker by day, never names.

use std::sync::Arc;

use domain::Case;
use domain::audit::AuditAction;
use domain::zone::TimeZone;
use store::Store;

use crate::{Acting, Error};

/// One line of "who has read her record": an organisation, the reader's roles, a day, what
/// was read, and how many times that day. People are not named: she is told which
/// organisation and which kind of worker, as DESIGN §3 asks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub organisation: String,
    pub roles: Vec<domain::Role>,
    /// The day, on the reader's organisation's clock.
    pub day: time::Date,
    pub identity: bool,
    pub times: usize,
}

/// The readings of her record, grouped by the day they fell on in `zone` (the zone of whoever
/// is shown them), as far as the reader's scope reaches.
pub async fn readings(
    store: &Arc<dyn Store>,
    acting: &Acting,
    case: &Case,
    zone: &TimeZone,
) -> Result<Vec<Reading>, Error> {
    let records = store
        .readings_of(case.id, &acting.case_scope(), 1000)
        .await?;
    let mut lines: Vec<Reading> = Vec::new();
    let mut orgs: std::collections::HashMap<domain::OrgId, String> =
        std::collections::HashMap::new();
    let mut roles: std::collections::HashMap<domain::UserId, Vec<domain::Role>> =
        std::collections::HashMap::new();
    for record in records {
        let event = &record.event;
        let organisation = match event.actor_org {
            Some(org) => {
                if let std::collections::hash_map::Entry::Vacant(slot) = orgs.entry(org) {
                    let name = store
                        .organisation(org)
                        .await?
                        .map(|o| o.fields.name.to_string());
                    slot.insert(name.unwrap_or_default());
                }
                orgs.get(&org).cloned().unwrap_or_default()
            }
            None => String::new(),
        };
        let reader_roles = match event.actor {
            Some(user) => {
                if let std::collections::hash_map::Entry::Vacant(slot) = roles.entry(user) {
                    let found = store.user(user).await?.map(|u| u.roles.iter().collect());
                    slot.insert(found.unwrap_or_default());
                }
                roles.get(&user).cloned().unwrap_or_default()
            }
            None => Vec::new(),
        };
        let identity = event.action == AuditAction::IdentityOpened;
        let day = zone.date_of(event.at);
        match lines.last_mut() {
            Some(last)
                if last.organisation == organisation
                    && last.roles == reader_roles
                    && last.day == day
                    && last.identity == identity =>
            {
                last.times += 1;
            }
            _ => lines.push(Reading {
                organisation,
                roles: reader_roles,
                day,
                identity,
                times: 1,
            }),
        }
    }
    Ok(lines)
}
