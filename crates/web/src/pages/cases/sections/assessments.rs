//! The assessments filled for her, and the forms the reader may fill.

use domain::policy::Action;

use super::Viewing;
use crate::AppError;
use crate::pages::Choice;

pub struct AssessmentsSection {
    /// (link, form title, version · when).
    pub filled: Vec<(String, String, String)>,
    /// The forms she may fill here, for the chooser (empty: she may not).
    pub forms: Vec<Choice>,
}

/// The assessments as the reader may see them, and the case forms with a section she may fill.
pub async fn assessments(v: &Viewing<'_>) -> Result<AssessmentsSection, AppError> {
    let t = v.t;
    let all_forms = v.state.store.forms().await?;
    let filled = if v.may(Action::ViewCase) {
        app::forms::assessments_of(&v.state.store, v.case, v.seen).await?
    } else {
        Vec::new()
    }
    .iter()
    .map(|(a, _)| {
        let title = all_forms
            .iter()
            .find(|f| f.def.key == a.form_key)
            .map(|f| f.def.title.get(t.lang).to_string())
            .unwrap_or_else(|| a.form_key.clone());
        (
            format!("/cases/{}/assessments/{}", v.case.id, a.id),
            title,
            format!(
                "{} · {}",
                t.with(
                    "form-version",
                    "version",
                    &i18n::format_number(t.lang, a.form_version)
                ),
                t.datetime(&a.recorded_at)
            ),
        )
    })
    .collect();
    let may_fill = app::forms::may(v.actor, v.case);
    let forms = all_forms
        .iter()
        .filter(|f| f.def.purpose.is_case())
        .filter(|f| f.def.sections.iter().any(|s| may_fill(s.sensitivity)))
        .map(|f| Choice {
            value: f.def.key.clone(),
            label: f.def.title.get(t.lang).to_string(),
        })
        .collect();
    Ok(AssessmentsSection { filled, forms })
}
