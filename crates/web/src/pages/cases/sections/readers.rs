//! Who read her record: for the custodian, each organisation's readings by day.

use domain::policy::Action;

use super::Viewing;
use crate::AppError;
use app::casework;

pub struct ReadingView {
    pub organisation: String,
    pub roles: String,
    pub day: String,
    pub what: String,
    pub times: String,
}

/// The readings of her record, for the custodian's own work on the journey (`FollowJourney`);
/// empty for an earlier custodian or a receiver waiting to answer.
pub async fn readers(v: &Viewing<'_>) -> Result<Vec<ReadingView>, AppError> {
    if !v.may(Action::FollowJourney) {
        return Ok(Vec::new());
    }
    let t = v.t;
    Ok(
        casework::readings(&v.state.store, &v.acting(), v.case, &v.ctx.zone)
            .await?
            .iter()
            .map(|r| ReadingView {
                organisation: r.organisation.clone(),
                roles: r
                    .roles
                    .iter()
                    .map(|role| t.role(role))
                    .collect::<Vec<_>>()
                    .join(", "),
                day: t.day(r.day),
                what: t.get(if r.identity {
                    "readers-identity"
                } else {
                    "readers-record"
                }),
                times: i18n::format_number(v.ctx.lang, r.times as i64),
            })
            .collect(),
    )
}
