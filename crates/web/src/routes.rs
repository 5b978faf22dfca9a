//! Every route Saathi serves, in one table. The router is built from this table, and the
//! authorisation test in `tests/` lists the same routes with the roles allowed on each: a route
//! added here without an entry there fails the test.

use axum::http::Method;
use axum::routing::{MethodRouter, get, post, put};

use crate::{AppState, api, pages};

pub struct Route {
    pub method: Method,
    pub path: &'static str,
    pub handler: MethodRouter<AppState>,
}

fn route(method: Method, path: &'static str, handler: MethodRouter<AppState>) -> Route {
    Route {
        method,
        path,
        handler,
    }
}

pub fn table() -> Vec<Route> {
    use Method as M;
    vec![
        // Public
        route(M::GET, "/static/saathi.css", get(pages::stylesheet)),
        route(M::GET, "/sign-in", get(pages::sign_in::form)),
        route(M::POST, "/sign-in", post(pages::sign_in::submit)),
        route(M::POST, "/sign-out", post(pages::sign_in::sign_out)),
        route(M::GET, "/sign-in/code", get(pages::sign_in::code_form)),
        route(M::POST, "/sign-in/code", post(pages::sign_in::code_submit)),
        route(M::GET, "/api/v1/openapi.json", get(api::openapi_document)),
        // Pages
        route(M::GET, "/", get(pages::home::home)),
        route(M::GET, "/account", get(pages::account::show)),
        route(
            M::POST,
            "/account/password",
            post(pages::account::change_password),
        ),
        route(M::GET, "/account/two-factor", get(pages::two_factor::show)),
        route(
            M::POST,
            "/account/two-factor/start",
            post(pages::two_factor::start),
        ),
        route(
            M::POST,
            "/account/two-factor/confirm",
            post(pages::two_factor::confirm),
        ),
        route(M::GET, "/two-factor", get(pages::two_factor::roles)),
        route(M::POST, "/two-factor", post(pages::two_factor::set_roles)),
        route(
            M::GET,
            "/users/{id}/two-factor",
            get(pages::two_factor::user_status),
        ),
        route(
            M::POST,
            "/users/{id}/two-factor/reset",
            post(pages::two_factor::reset),
        ),
        route(
            M::POST,
            "/account/language",
            post(pages::account::save_language),
        ),
        route(M::GET, "/organisations", get(pages::organisations::list)),
        route(
            M::GET,
            "/organisations/new",
            get(pages::organisations::new_form),
        ),
        route(
            M::POST,
            "/organisations/new",
            post(pages::organisations::create),
        ),
        route(
            M::GET,
            "/organisations/{id}",
            get(pages::organisations::show),
        ),
        route(
            M::GET,
            "/organisations/{id}/edit",
            get(pages::organisations::edit_form),
        ),
        route(
            M::POST,
            "/organisations/{id}/edit",
            post(pages::organisations::update),
        ),
        route(M::GET, "/organisations/{id}/users", get(pages::users::list)),
        route(
            M::GET,
            "/organisations/{id}/users/new",
            get(pages::users::new_form),
        ),
        route(
            M::POST,
            "/organisations/{id}/users/new",
            post(pages::users::create),
        ),
        route(M::GET, "/users/{id}/edit", get(pages::users::edit_form)),
        route(M::POST, "/users/{id}/edit", post(pages::users::update)),
        route(M::GET, "/audit", get(pages::audit::list)),
        route(M::GET, "/cases", get(pages::cases::list)),
        route(M::GET, "/cases/new", get(pages::cases::new_form)),
        route(M::POST, "/cases/new", post(pages::cases::create)),
        route(M::GET, "/cases/{id}", get(pages::cases::show)),
        // The case's sections, each a page of its own.
        route(M::GET, "/cases/{id}/words", get(pages::cases::words)),
        route(
            M::GET,
            "/cases/{id}/decisions",
            get(pages::cases::decisions),
        ),
        route(M::GET, "/cases/{id}/consents", get(pages::cases::consents)),
        route(
            M::GET,
            "/cases/{id}/documents",
            get(pages::cases::documents),
        ),
        route(M::GET, "/cases/{id}/notes", get(pages::cases::notes)),
        route(M::GET, "/cases/{id}/journey", get(pages::cases::journey)),
        route(
            M::GET,
            "/cases/{id}/handovers",
            get(pages::cases::handovers),
        ),
        route(
            M::GET,
            "/cases/{id}/repatriation",
            get(pages::cases::repatriation),
        ),
        route(M::GET, "/cases/{id}/readers", get(pages::cases::readers)),
        route(
            M::GET,
            "/cases/{id}/assessments",
            get(pages::cases::assessments),
        ),
        route(
            M::POST,
            "/cases/{id}/voice",
            post(pages::cases::record_voice),
        ),
        route(
            M::POST,
            "/cases/{id}/stage",
            post(pages::cases::change_stage),
        ),
        route(M::POST, "/cases/{id}/stay", post(pages::cases::record_stay)),
        route(M::GET, "/cases/{id}/identity", get(pages::cases::identity)),
        route(
            M::POST,
            "/cases/{id}/decisions",
            post(pages::cases::log_decision),
        ),
        // API
        route(M::GET, "/api/v1/me", get(api::me::me)),
        route(
            M::GET,
            "/api/v1/organisations",
            get(api::organisations::list),
        ),
        route(
            M::POST,
            "/api/v1/organisations",
            post(api::organisations::create),
        ),
        route(
            M::GET,
            "/api/v1/organisations/{id}",
            get(api::organisations::show),
        ),
        route(
            M::PUT,
            "/api/v1/organisations/{id}",
            put(api::organisations::update),
        ),
        route(
            M::GET,
            "/api/v1/organisations/{id}/users",
            get(api::users::list),
        ),
        route(
            M::POST,
            "/api/v1/organisations/{id}/users",
            post(api::users::create),
        ),
        route(M::GET, "/api/v1/users/{id}", get(api::users::show)),
        route(M::PUT, "/api/v1/users/{id}", put(api::users::update)),
        route(M::GET, "/api/v1/audit", get(api::audit::list)),
        route(M::GET, "/api/v1/indicators", get(api::indicators::show)),
        route(
            M::GET,
            "/api/v1/indicators.xlsx",
            get(api::indicators::report_xlsx),
        ),
        route(
            M::GET,
            "/api/v1/indicators.pdf",
            get(api::indicators::report_pdf),
        ),
        // Spreadsheets: the API, and the same handlers for the pages' download links.
        route(
            M::GET,
            "/api/v1/exports/cases.csv",
            get(api::exports::cases_csv),
        ),
        route(
            M::GET,
            "/api/v1/exports/cases.xlsx",
            get(api::exports::cases_xlsx),
        ),
        route(
            M::GET,
            "/api/v1/exports/forms/{file}",
            get(api::exports::form),
        ),
        route(
            M::GET,
            "/api/v1/exports/workshops/{file}",
            get(api::exports::workshop),
        ),
        route(
            M::GET,
            "/api/v1/exports/training.xlsx",
            get(api::exports::training),
        ),
        route(
            M::GET,
            "/api/v1/exports/htcds.csv",
            get(api::exports::htcds_csv),
        ),
        route(
            M::GET,
            "/api/v1/exports/htcds.json",
            get(api::exports::htcds_json),
        ),
        route(M::GET, "/exports/cases.csv", get(api::exports::cases_csv)),
        route(M::GET, "/exports/htcds.csv", get(api::exports::htcds_csv)),
        route(M::GET, "/exports/cases.xlsx", get(api::exports::cases_xlsx)),
        route(M::GET, "/exports/forms/{file}", get(api::exports::form)),
        route(
            M::GET,
            "/exports/workshops/{file}",
            get(api::exports::workshop),
        ),
        route(
            M::GET,
            "/exports/training.xlsx",
            get(api::exports::training),
        ),
        route(
            M::GET,
            "/api/v1/two-factor/roles",
            get(api::two_factor::roles),
        ),
        route(
            M::POST,
            "/api/v1/two-factor/roles",
            post(api::two_factor::set_roles),
        ),
        route(
            M::DELETE,
            "/api/v1/users/{id}/two-factor",
            axum::routing::delete(api::two_factor::reset),
        ),
        route(M::GET, "/api/v1/cases", get(api::cases::list)),
        route(M::POST, "/api/v1/cases", post(api::cases::create)),
        route(M::GET, "/api/v1/cases/{id}", get(api::cases::show)),
        route(M::GET, "/api/v1/cases/{id}/voice", get(api::cases::voice)),
        route(
            M::POST,
            "/api/v1/cases/{id}/voice",
            post(api::cases::record_voice),
        ),
        route(
            M::PUT,
            "/api/v1/cases/{id}/voice/{entry}",
            put(api::cases::correct_voice),
        ),
        route(
            M::POST,
            "/api/v1/cases/{id}/stage",
            post(api::cases::change_stage),
        ),
        route(
            M::GET,
            "/api/v1/cases/{id}/identity",
            get(api::cases::identity),
        ),
        route(
            M::GET,
            "/api/v1/cases/{id}/decisions",
            get(api::cases::decisions),
        ),
        route(
            M::POST,
            "/api/v1/cases/{id}/decisions",
            post(api::cases::log_decision),
        ),
        route(
            M::GET,
            "/api/v1/cases/{id}/consents",
            get(api::cases::consents),
        ),
        route(
            M::POST,
            "/api/v1/cases/{id}/consents",
            post(api::cases::record_consent),
        ),
        route(
            M::POST,
            "/api/v1/cases/{id}/consents/{cid}/revoke",
            post(api::cases::revoke_consent),
        ),
        route(
            M::POST,
            "/cases/{id}/consents",
            post(pages::cases::record_consent),
        ),
        route(
            M::POST,
            "/cases/{id}/consents/{cid}/revoke",
            post(pages::cases::revoke_consent),
        ),
        route(
            M::GET,
            "/api/v1/cases/{id}/readers",
            get(api::cases::readers),
        ),
        route(M::GET, "/api/v1/cases/{id}/plan", get(api::cases::plan)),
        route(
            M::PUT,
            "/api/v1/cases/{id}/plan",
            put(api::cases::save_plan),
        ),
        route(
            M::POST,
            "/api/v1/cases/{id}/plan/approve",
            post(api::cases::approve_plan),
        ),
        route(
            M::POST,
            "/api/v1/cases/{id}/plan/reviews",
            post(api::cases::review_plan),
        ),
        route(
            M::GET,
            "/api/v1/cases/{id}/life-views",
            get(api::cases::life_views),
        ),
        route(
            M::POST,
            "/api/v1/cases/{id}/life-views",
            post(api::cases::record_life_view),
        ),
        route(
            M::GET,
            "/cases/{id}/life-views",
            get(pages::life_view::show),
        ),
        route(
            M::POST,
            "/cases/{id}/life-views",
            post(pages::life_view::record),
        ),
        route(M::GET, "/cases/{id}/plan", get(pages::plan::show)),
        route(M::GET, "/cases/{id}/plan/print", get(pages::plan::print)),
        route(
            M::GET,
            "/cases/{id}/plan.pdf",
            get(pages::plan::pdf_download),
        ),
        route(
            M::POST,
            "/cases/{id}/plan/goals",
            post(pages::plan::add_goal),
        ),
        route(
            M::POST,
            "/cases/{id}/plan/actions",
            post(pages::plan::add_action),
        ),
        route(
            M::POST,
            "/cases/{id}/plan/status",
            post(pages::plan::set_status),
        ),
        route(
            M::POST,
            "/cases/{id}/plan/reviews",
            post(pages::plan::review),
        ),
        route(
            M::POST,
            "/cases/{id}/plan/approve",
            post(pages::plan::approve),
        ),
        route(M::GET, "/api/v1/cases/{id}/notes", get(api::cases::notes)),
        route(
            M::POST,
            "/api/v1/cases/{id}/notes",
            post(api::cases::write_note),
        ),
        route(M::POST, "/cases/{id}/notes", post(pages::cases::write_note)),
        route(
            M::POST,
            "/cases/{id}/notes/{nid}/translations",
            post(pages::cases::translate_note),
        ),
        route(
            M::POST,
            "/api/v1/cases/{id}/notes/{nid}/translations",
            post(api::cases::translate_note),
        ),
        route(
            M::GET,
            "/api/v1/cases/{id}/documents",
            get(api::cases::documents),
        ),
        route(
            M::POST,
            "/api/v1/cases/{id}/documents",
            post(api::cases::add_document).layer(upload_limit()),
        ),
        route(
            M::GET,
            "/api/v1/cases/{id}/documents/{doc}",
            get(api::cases::download),
        ),
        route(
            M::POST,
            "/cases/{id}/documents",
            post(pages::cases::add_document).layer(upload_limit()),
        ),
        route(
            M::GET,
            "/cases/{id}/documents/{doc}",
            get(pages::cases::download),
        ),
        route(
            M::POST,
            "/cases/{id}/voice/{entry}",
            post(pages::cases::correct_voice),
        ),
        route(M::GET, "/my-record", get(pages::own::show)),
        route(
            M::POST,
            "/my-record/{id}/voice",
            post(pages::own::add_words),
        ),
        route(M::POST, "/my-record/{id}/review", post(pages::own::review)),
        route(
            M::POST,
            "/api/v1/cases/{id}/survivor",
            post(api::cases::link_survivor),
        ),
        route(
            M::POST,
            "/cases/{id}/survivor",
            post(pages::cases::link_survivor),
        ),
        route(
            M::POST,
            "/api/v1/cases/{id}/handovers",
            post(api::handovers::start),
        ),
        route(M::GET, "/api/v1/handovers", get(api::handovers::list)),
        route(M::GET, "/api/v1/handovers/{id}", get(api::handovers::show)),
        route(
            M::GET,
            "/api/v1/handovers/{id}/completeness",
            get(api::handovers::completeness),
        ),
        route(
            M::POST,
            "/api/v1/handovers/{id}/send",
            post(api::handovers::send),
        ),
        route(
            M::POST,
            "/api/v1/handovers/{id}/acknowledge",
            post(api::handovers::acknowledge),
        ),
        route(
            M::POST,
            "/api/v1/handovers/{id}/accept",
            post(api::handovers::accept),
        ),
        route(
            M::POST,
            "/api/v1/handovers/{id}/decline",
            post(api::handovers::decline),
        ),
        route(
            M::POST,
            "/api/v1/handovers/{id}/cancel",
            post(api::handovers::cancel),
        ),
        route(
            M::GET,
            "/api/v1/handovers/{id}/package",
            get(api::packages::download),
        ),
        route(
            M::POST,
            "/api/v1/handover-packages",
            post(api::packages::import).layer(api::packages::limit()),
        ),
        route(
            M::GET,
            "/handovers/{id}/package",
            get(api::packages::download),
        ),
        route(
            M::POST,
            "/handovers/import",
            post(pages::handovers::import).layer(api::packages::limit()),
        ),
        route(
            M::GET,
            "/api/v1/training/programmes",
            get(api::training::programmes),
        ),
        route(M::GET, "/training", get(pages::training::show)),
        route(
            M::GET,
            "/training/workshops/{id}",
            get(pages::workshop::show),
        ),
        route(
            M::POST,
            "/training/workshops/{id}/enrolments",
            post(pages::workshop::enrol),
        ),
        route(
            M::POST,
            "/training/workshops/{id}/attendance",
            post(pages::workshop::attend),
        ),
        route(
            M::POST,
            "/training/workshops/{id}/dropouts",
            post(pages::workshop::drop_out),
        ),
        route(
            M::POST,
            "/training/workshops/{id}/evaluations",
            post(pages::workshop::evaluate),
        ),
        route(
            M::POST,
            "/training/workshops/{id}/survivors",
            post(pages::workshop::add_survivor),
        ),
        route(
            M::POST,
            "/training/workshops/{id}/survivors/attendance",
            post(pages::workshop::survivor_attend),
        ),
        route(
            M::POST,
            "/training/workshops/{id}/survivors/dropouts",
            post(pages::workshop::survivor_drop_out),
        ),
        route(
            M::POST,
            "/training/workshops/{id}/feedback",
            post(pages::workshop::add_feedback),
        ),
        route(
            M::POST,
            "/training/workshops/{id}/peers",
            post(pages::workshop::set_peer),
        ),
        route(
            M::GET,
            "/training/workshops/{id}/brief/{enrolment}",
            get(pages::workshop::brief),
        ),
        route(
            M::POST,
            "/training/workshops",
            post(pages::training::schedule),
        ),
        route(M::POST, "/training/gates", post(pages::training::set_gate)),
        route(
            M::POST,
            "/training/gates/lift",
            post(pages::training::lift_gate),
        ),
        route(
            M::GET,
            "/training/exchange-visits",
            get(pages::exchange::show),
        ),
        route(
            M::POST,
            "/training/exchange-visits",
            post(pages::exchange::record),
        ),
        route(
            M::POST,
            "/api/v1/training/workshops",
            post(api::training::schedule),
        ),
        route(
            M::GET,
            "/api/v1/training/workshops/{id}/calendar.ics",
            get(api::training::calendar),
        ),
        route(
            M::GET,
            "/api/v1/training/workshops/{id}",
            get(api::training::show),
        ),
        route(
            M::POST,
            "/api/v1/training/workshops/{id}/enrolments",
            post(api::training::enrol),
        ),
        route(
            M::POST,
            "/api/v1/training/workshops/{id}/attendance",
            post(api::training::attend),
        ),
        route(
            M::POST,
            "/api/v1/training/workshops/{id}/dropouts",
            post(api::training::drop_out),
        ),
        route(
            M::GET,
            "/api/v1/training/workshops/{id}/survivors",
            get(api::training_people::survivors),
        ),
        route(
            M::POST,
            "/api/v1/training/workshops/{id}/survivors",
            post(api::training_people::add_survivor),
        ),
        route(
            M::POST,
            "/api/v1/training/workshops/{id}/survivors/attendance",
            post(api::training_people::survivor_attendance),
        ),
        route(
            M::POST,
            "/api/v1/training/workshops/{id}/survivors/dropouts",
            post(api::training_people::survivor_dropout),
        ),
        route(
            M::GET,
            "/api/v1/training/workshops/{id}/feedback",
            get(api::training_people::feedback),
        ),
        route(
            M::POST,
            "/api/v1/training/workshops/{id}/feedback",
            post(api::training_people::add_feedback),
        ),
        route(
            M::GET,
            "/api/v1/training/workshops/{id}/feedback-summary",
            get(api::training_people::feedback_summary),
        ),
        route(
            M::POST,
            "/api/v1/training/workshops/{id}/evaluations",
            post(api::training_people::add_evaluation),
        ),
        route(
            M::GET,
            "/api/v1/training/workshops/{id}/evaluation-results",
            get(api::training_people::evaluation_results),
        ),
        route(
            M::POST,
            "/api/v1/training/peers",
            post(api::training_people::set_peer),
        ),
        route(
            M::GET,
            "/api/v1/training/exchange-visits",
            get(api::training_people::visits),
        ),
        route(
            M::POST,
            "/api/v1/training/exchange-visits",
            post(api::training_people::add_visit),
        ),
        route(
            M::GET,
            "/api/v1/training/exchange-visits/matrix",
            get(api::training_people::matrix),
        ),
        route(
            M::GET,
            "/api/v1/training/gates",
            get(api::training_people::gates),
        ),
        route(
            M::POST,
            "/api/v1/training/gates",
            post(api::training_people::set_gate),
        ),
        route(
            M::DELETE,
            "/api/v1/training/gates/{role}/{action}",
            axum::routing::delete(api::training_people::lift_gate),
        ),
        route(M::GET, "/api/v1/forms", get(api::forms::list)),
        route(M::POST, "/api/v1/forms", post(api::forms::add)),
        route(M::GET, "/api/v1/forms/{key}", get(api::forms::show)),
        route(
            M::POST,
            "/api/v1/forms/xlsform",
            post(api::forms::import_xlsform).layer(crate::api::packages::limit()),
        ),
        route(M::GET, "/forms", get(pages::forms::list)),
        route(M::GET, "/forms/{key}", get(pages::forms::show)),
        route(
            M::POST,
            "/forms/import",
            post(pages::forms::import).layer(crate::api::packages::limit()),
        ),
        route(
            M::GET,
            "/api/v1/cases/{id}/assessments",
            get(api::forms::list_for_case),
        ),
        route(
            M::POST,
            "/api/v1/cases/{id}/assessments",
            post(api::forms::fill),
        ),
        route(
            M::GET,
            "/api/v1/cases/{id}/assessments/{aid}",
            get(api::forms::show_for_case),
        ),
        route(
            M::GET,
            "/cases/{id}/assessments/new",
            get(pages::assessments::new),
        ),
        route(
            M::POST,
            "/cases/{id}/assessments",
            post(pages::assessments::fill).layer(assessment_limit()),
        ),
        route(
            M::GET,
            "/cases/{id}/assessments/{aid}",
            get(pages::assessments::show),
        ),
        route(
            M::GET,
            "/cases/{id}/assessments/{aid}/pdf",
            get(pages::assessments::pdf_download),
        ),
        route(M::GET, "/api/v1/glossary", get(api::glossary::list)),
        route(M::POST, "/api/v1/glossary", post(api::glossary::create)),
        route(M::POST, "/api/v1/glossary/scan", post(api::glossary::scan)),
        route(M::PUT, "/api/v1/glossary/{id}", put(api::glossary::update)),
        route(
            M::POST,
            "/api/v1/glossary/{id}/reviews",
            post(api::glossary::review),
        ),
        route(
            M::DELETE,
            "/api/v1/glossary/{id}",
            axum::routing::delete(api::glossary::remove),
        ),
        route(M::GET, "/indicators", get(pages::indicators::show)),
        // The page's downloads: the API's handlers, as `/exports` are.
        route(
            M::GET,
            "/indicators.xlsx",
            get(api::indicators::report_xlsx),
        ),
        route(M::GET, "/indicators.pdf", get(api::indicators::report_pdf)),
        route(
            M::GET,
            "/indicators/cases",
            get(pages::indicators::cases::show),
        ),
        route(M::GET, "/glossary", get(pages::glossary::show)),
        route(M::POST, "/glossary", post(pages::glossary::add)),
        route(M::POST, "/glossary/scan", post(pages::glossary::scan)),
        route(M::GET, "/glossary/{id}/edit", get(pages::glossary::edit)),
        route(M::POST, "/glossary/{id}", post(pages::glossary::update)),
        route(
            M::POST,
            "/glossary/{id}/review",
            post(pages::glossary::review),
        ),
        route(
            M::POST,
            "/glossary/{id}/delete",
            post(pages::glossary::remove),
        ),
        route(M::GET, "/handovers", get(pages::handovers::list)),
        route(M::GET, "/handovers/{id}", get(pages::handovers::show)),
        route(
            M::POST,
            "/handovers/{id}/{step}",
            post(pages::handovers::step),
        ),
        route(
            M::POST,
            "/cases/{id}/handovers",
            post(pages::handovers::start),
        ),
        route(
            M::GET,
            "/api/v1/cases/{id}/followups",
            get(api::handovers::followups),
        ),
        route(
            M::POST,
            "/api/v1/cases/{id}/followups/{fid}",
            post(api::handovers::record_followup),
        ),
        route(
            M::GET,
            "/api/v1/handovers/{id}/updates",
            get(api::handovers::updates),
        ),
        route(
            M::POST,
            "/api/v1/cases/{id}/repatriation",
            post(api::handovers::start_repatriation),
        ),
        route(
            M::GET,
            "/api/v1/cases/{id}/repatriation",
            get(api::handovers::repatriation),
        ),
        route(
            M::POST,
            "/api/v1/cases/{id}/repatriation/{seq}",
            post(api::handovers::update_step),
        ),
        route(
            M::POST,
            "/cases/{id}/followups/{fid}",
            post(pages::cases::record_followup),
        ),
        route(
            M::POST,
            "/cases/{id}/repatriation",
            post(pages::cases::start_repatriation),
        ),
        route(
            M::POST,
            "/cases/{id}/repatriation/{seq}",
            post(pages::cases::record_step),
        ),
    ]
}

/// Uploads may be as large as the largest document, plus room for the form around it.
/// An assessment whose questions take photos or recordings: each file is limited as an upload
/// is; the body may carry two of the largest.
fn assessment_limit() -> axum::extract::DefaultBodyLimit {
    axum::extract::DefaultBodyLimit::max(2 * domain::document::UPLOAD_MAX_BYTES + 64 * 1024)
}

fn upload_limit() -> axum::extract::DefaultBodyLimit {
    axum::extract::DefaultBodyLimit::max(domain::document::UPLOAD_MAX_BYTES + 64 * 1024)
}

/// (method, path) of every route, for tests and the OpenAPI completeness check.
pub fn list() -> Vec<(Method, &'static str)> {
    table().into_iter().map(|r| (r.method, r.path)).collect()
}
