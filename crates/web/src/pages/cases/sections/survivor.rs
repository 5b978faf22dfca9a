//! Her own account: the survivor accounts of the custodian that may be linked to the case.

use domain::policy::Action;

use super::Viewing;
use crate::pages::Choice;

/// Whether the page offers to link her account: only to the assigned case worker
/// (`LinkSurvivor`); only then are the accounts read.
pub fn offered(v: &Viewing<'_>) -> bool {
    v.may(Action::LinkSurvivor)
}

/// Active survivor accounts of her organisation not yet linked to this case, among `people`
/// (read with [`store::Store::users_among_and_survivors`], which brings them when
/// [`offered`]); empty for anyone else.
pub fn accounts(v: &Viewing<'_>, people: &[domain::User]) -> Vec<Choice> {
    if !offered(v) {
        return Vec::new();
    }
    people
        .iter()
        .filter(|u| {
            u.active
                && u.org_id == v.case.custodian
                && u.roles.contains(domain::Role::Survivor)
                && u.roles.iter().all(|r| r == domain::Role::Survivor)
                && v.case.survivor != Some(u.id)
        })
        .map(|u| Choice {
            value: u.id.to_string(),
            label: u.name().to_string(),
        })
        .collect()
}
