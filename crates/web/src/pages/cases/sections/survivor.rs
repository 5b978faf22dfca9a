//! Her own account: the survivor accounts of the custodian that may be linked to the case.

use domain::policy::Action;

use super::Viewing;
use crate::AppError;
use crate::pages::Choice;

/// Active survivor accounts of her organisation not yet linked to this case, for the assigned
/// case worker (`LinkSurvivor`); empty for anyone else.
pub async fn accounts(v: &Viewing<'_>) -> Result<Vec<Choice>, AppError> {
    if !v.may(Action::LinkSurvivor) {
        return Ok(Vec::new());
    }
    Ok(v.state
        .store
        .survivor_accounts_in(v.case.custodian)
        .await?
        .iter()
        .filter(|u| {
            u.active
                && u.roles.iter().all(|r| r == domain::Role::Survivor)
                && v.case.survivor != Some(u.id)
        })
        .map(|u| Choice {
            value: u.id.to_string(),
            label: u.name().to_string(),
        })
        .collect())
}
