//! Exchange visits between source and destination organisations, and the matrix that shows
//! how many counterparts each has visited (goal: at least one, ideally three).

use std::sync::Arc;

use domain::audit::AuditAction;
use domain::policy::{Action, Resource};
use domain::training::exchange::{ExchangeVisit, MatrixRow, check_visit, matrix};
use domain::{OrgId, Organisation};
use store::Store;

use crate::Acting;
use crate::accounts::detail;
use crate::{Error, FieldError};

/// A visit as typed in.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct VisitInput {
    /// The organisation whose staff went (its id).
    pub visitor_org: String,
    /// The organisation they visited (its id).
    pub host_org: String,
    pub visited_on: String,
    /// Who went: names and roles.
    pub visitors: String,
    /// What they learned, in their words.
    pub learned: String,
}

/// Records a visit (trainers and the network admin, who run the programme).
pub async fn record(
    store: &Arc<dyn Store>,
    acting: &Acting,
    input: &VisitInput,
) -> Result<ExchangeVisit, Error> {
    acting.check(Action::ManageTraining, Resource::Network)?;
    let mut errors = Vec::new();
    let mut org = async |field: &'static str, text: &str| -> Result<Option<Organisation>, Error> {
        let found = match text.trim().parse::<OrgId>() {
            Ok(id) => store.organisation(id).await?,
            Err(_) => None,
        };
        if found.is_none() {
            errors.push(FieldError::required(field));
        }
        Ok(found)
    };
    let visitor = org("visitor_org", &input.visitor_org).await?;
    let host = org("host_org", &input.host_org).await?;
    let visited_on = domain::voice::parse_date(&input.visited_on)
        .map_err(|e| errors.push(FieldError::new("visited_on", &e)))
        .ok();
    let (Some(visitor), Some(host), Some(visited_on)) = (visitor, host, visited_on) else {
        return Err(Error::Invalid(errors));
    };
    let visit = ExchangeVisit {
        id: uuid::Uuid::now_v7(),
        visitor_org: visitor.id,
        host_org: host.id,
        visited_on,
        visitors: domain::text::normalise(&input.visitors),
        learned: domain::text::normalise(&input.learned),
        recorded_at: acting.at,
    };
    errors.extend(
        check_visit(&visit, visitor.fields.kind, host.fields.kind)
            .iter()
            .map(|(f, e)| FieldError::new(f, e)),
    );
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    let audit = acting
        .event(
            AuditAction::ExchangeVisitRecorded,
            format!("exchange-visit:{}", visit.id),
            Some(visitor.id),
        )
        .with_detail(detail(&[
            ("visitor_org", &visitor.id.to_string()),
            ("host_org", &host.id.to_string()),
        ]));
    let by = acting.actor.as_ref().map(|a| a.user_id);
    store.add_visit(&visit, by, audit).await?;
    Ok(visit)
}

/// Every organisation with the counterparts it visited and hosted, and the visits themselves.
pub async fn overview(
    store: &Arc<dyn Store>,
    acting: &Acting,
) -> Result<(Vec<Organisation>, Vec<MatrixRow>, Vec<ExchangeVisit>), Error> {
    acting.check(Action::ReadTraining, Resource::Network)?;
    let orgs = store.organisations().await?;
    let visits = store.visits().await?;
    let kinds: Vec<(OrgId, domain::OrgKind)> = orgs.iter().map(|o| (o.id, o.fields.kind)).collect();
    let rows = matrix(&kinds, &visits);
    Ok((orgs, rows, visits))
}
