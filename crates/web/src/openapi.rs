//! The OpenAPI document served at `/api/v1/openapi.json`, derived by utoipa from the API's body
//! types and the `#[utoipa::path]` annotation on each handler, so it cannot say something the
//! types do not. A test checks that every `/api` route in [`crate::routes::table`] is listed
//! here with its method; the API tests check every response they receive against it.

use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::api;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Saathi API",
        version = "1",
        description = "Case management and continuity of care. Every error is application/problem+json; every update needs If-Match."
    ),
    servers((url = "/")),
    security(("bearer" = [])),
    modifiers(&Bearer, &OperationIds),
    components(schemas(api::Problem, api::ProblemField)),
    paths(
        api::openapi_document,
        api::me::me,
        api::organisations::list,
        api::organisations::create,
        api::organisations::show,
        api::organisations::update,
        api::users::list,
        api::users::create,
        api::users::show,
        api::users::update,
        api::audit::list,
        api::indicators::show,
        api::indicators::report_xlsx,
        api::indicators::report_pdf,
        api::two_factor::roles,
        api::two_factor::set_roles,
        api::two_factor::reset,
        api::cases::list,
        api::cases::create,
        api::cases::show,
        api::cases::voice,
        api::cases::record_voice,
        api::cases::correct_voice,
        api::cases::change_stage,
        api::cases::identity,
        api::cases::decisions,
        api::cases::log_decision,
        api::cases::consents,
        api::cases::record_consent,
        api::cases::revoke_consent,
        api::cases::readers,
        api::cases::plan,
        api::cases::save_plan,
        api::cases::approve_plan,
        api::cases::review_plan,
        api::cases::life_views,
        api::cases::record_life_view,
        api::cases::notes,
        api::cases::write_note,
        api::cases::translate_note,
        api::cases::documents,
        api::cases::add_document,
        api::cases::download,
        api::cases::link_survivor,
        api::handovers::start,
        api::handovers::list,
        api::handovers::show,
        api::handovers::completeness,
        api::handovers::send,
        api::handovers::acknowledge,
        api::handovers::accept,
        api::handovers::decline,
        api::handovers::cancel,
        api::packages::download,
        api::packages::import,
        api::training::programmes,
        api::training::schedule,
        api::training::calendar,
        api::training::show,
        api::training::enrol,
        api::training::attend,
        api::training::drop_out,
        api::training_people::survivors,
        api::training_people::add_survivor,
        api::training_people::survivor_attendance,
        api::training_people::survivor_dropout,
        api::training_people::feedback,
        api::training_people::add_feedback,
        api::training_people::feedback_summary,
        api::training_people::add_evaluation,
        api::training_people::evaluation_results,
        api::training_people::set_peer,
        api::training_people::visits,
        api::training_people::add_visit,
        api::training_people::matrix,
        api::training_people::gates,
        api::training_people::set_gate,
        api::training_people::lift_gate,
        api::forms::list,
        api::forms::add,
        api::forms::show,
        api::forms::import_xlsform,
        api::forms::list_for_case,
        api::forms::fill,
        api::forms::show_for_case,
        api::glossary::list,
        api::glossary::create,
        api::glossary::scan,
        api::glossary::update,
        api::glossary::review,
        api::glossary::remove,
        api::handovers::followups,
        api::handovers::record_followup,
        api::handovers::updates,
        api::handovers::start_repatriation,
        api::handovers::repatriation,
        api::handovers::update_step,
        api::exports::cases_csv,
        api::exports::cases_xlsx,
        api::exports::form,
        api::exports::workshop,
        api::exports::training,
        api::exports::htcds_csv,
        api::exports::htcds_json,
    )
)]
struct Document;

/// The one way in: a bearer token.
struct Bearer;

impl Modify for Bearer {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("A token from `saathi token create`."))
                    .build(),
            ),
        );
    }
}

/// Operation ids as they have always been (`get_api_v1_cases__id_`): unique, where utoipa's
/// default (the handler's name: `list`, `show`…) repeats across modules.
struct OperationIds;

impl Modify for OperationIds {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        for (path, item) in openapi.paths.paths.iter_mut() {
            let operations = [
                ("get", item.get.as_mut()),
                ("put", item.put.as_mut()),
                ("post", item.post.as_mut()),
                ("delete", item.delete.as_mut()),
                ("patch", item.patch.as_mut()),
            ];
            for (method, operation) in operations {
                if let Some(operation) = operation {
                    operation.operation_id = Some(format!(
                        "{method}{}",
                        path.replace(['/', '{', '}', '.'], "_")
                    ));
                }
            }
        }
    }
}

/// The document as JSON.
pub fn document() -> serde_json::Value {
    serde_json::to_value(Document::openapi()).unwrap_or_default()
}
