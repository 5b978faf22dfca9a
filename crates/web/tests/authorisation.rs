#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Every route, with the roles allowed on it. The test fails when a route is added without an
//! entry here, and it tries each route as each role that must be refused (and as each role
//! that must not be), on both engines.

use crate::common::{Client, Engine, Harness};
use axum::http::{Method, StatusCode};
use domain::Role;
use serde_json::json;
use testkit::on_both_engines;

#[derive(Debug, Clone, Copy)]
enum Access {
    /// Anyone, signed in or not.
    Public,
    /// Anyone signed in, whatever her role.
    SignedIn,
    /// Only these roles (acting on their own organisation).
    Roles(&'static [Role]),
    /// A case route: roles not in `see` get 404 (the case is hidden from them), roles in `see`
    /// but not in `act` get 403, roles in `act` are allowed. The case is the shelter's, assigned
    /// to caseworker.kolkata and counsellor.kolkata.
    Case {
        see: &'static [Role],
        act: &'static [Role],
    },
}

const DIRECTORY: &[Role] = &[
    Role::NetworkAdmin,
    Role::Director,
    Role::CaseWorker,
    Role::Counsellor,
];
const NETWORK_ADMIN: &[Role] = &[Role::NetworkAdmin];
const ORG_ADMIN: &[Role] = &[Role::NetworkAdmin, Role::Director];
const CASE_STAFF: &[Role] = &[
    Role::Director,
    Role::CaseWorker,
    Role::Counsellor,
    Role::CareGiver,
];
const CASE_WORKERS: &[Role] = &[Role::CaseWorker];
const ASSIGNED: &[Role] = &[Role::CaseWorker, Role::Counsellor];
const DECIDERS: &[Role] = &[Role::Director, Role::CaseWorker, Role::Counsellor];
const DIRECTOR: &[Role] = &[Role::Director];
const SURVIVOR: &[Role] = &[Role::Survivor];
/// Handovers: the sending organisation's director, case workers and counsellors see them; only
/// the receiving organisation acknowledges, accepts or declines (the table's handover goes from
/// the shelter to Jessore, so no one in the shelter may).
const HANDOVER_STAFF: &[Role] = &[Role::Director, Role::CaseWorker, Role::Counsellor];
/// Her own record's routes: the table's case is not linked to the survivor account, so no
/// one may use them on it (her own use is tested in tests/cases.rs).
const NOBODY: &[Role] = &[];
const RECEIVERS: &[Role] = &[Role::Director, Role::CaseWorker];
const WRITERS: &[Role] = &[Role::CaseWorker, Role::Counsellor, Role::CareGiver];
const TRAINERS: &[Role] = &[Role::NetworkAdmin, Role::Trainer];
/// The trainers of a survivor workshop (the table's is run by `trainer`).
const ITS_TRAINERS: &[Role] = &[Role::Trainer];
/// Evaluation results and the unattributed feedback summary.
const RESULTS: &[Role] = &[Role::NetworkAdmin, Role::Director, Role::Trainer];
/// Everyone who works for an organisation (not a survivor's own account).
const STAFF: &[Role] = &[
    Role::NetworkAdmin,
    Role::Director,
    Role::CaseWorker,
    Role::Counsellor,
    Role::CareGiver,
    Role::Trainer,
];

/// (method, path, who may use it). `{org}` is the actor's own organisation, `{user}` a
/// colleague in it (the director).
const TABLE: &[(&str, &str, Access)] = &[
    ("GET", "/static/saathi.css", Access::Public),
    ("GET", "/sign-in", Access::Public),
    ("POST", "/sign-in", Access::Public),
    ("POST", "/sign-out", Access::Public),
    ("GET", "/api/v1/openapi.json", Access::Public),
    ("GET", "/my-record", Access::Roles(SURVIVOR)),
    (
        "POST",
        "/cases/{id}/followups/{fid}",
        Access::Case {
            see: CASE_STAFF,
            act: ASSIGNED,
        },
    ),
    (
        "POST",
        "/cases/{id}/repatriation",
        Access::Case {
            see: CASE_STAFF,
            act: CASE_WORKERS,
        },
    ),
    (
        "POST",
        "/cases/{id}/repatriation/{seq}",
        Access::Case {
            see: CASE_STAFF,
            act: CASE_WORKERS,
        },
    ),
    (
        "POST",
        "/api/v1/cases/{id}/repatriation",
        Access::Case {
            see: CASE_STAFF,
            act: CASE_WORKERS,
        },
    ),
    (
        "GET",
        "/api/v1/cases/{id}/repatriation",
        Access::Case {
            see: CASE_STAFF,
            act: ASSIGNED,
        },
    ),
    (
        "POST",
        "/api/v1/cases/{id}/repatriation/{seq}",
        Access::Case {
            see: CASE_STAFF,
            act: CASE_WORKERS,
        },
    ),
    (
        "POST",
        "/api/v1/cases/{id}/handovers",
        Access::Case {
            see: CASE_STAFF,
            act: CASE_WORKERS,
        },
    ),
    ("GET", "/api/v1/handovers", Access::Roles(HANDOVER_STAFF)),
    (
        "GET",
        "/api/v1/handovers/{id}/updates",
        Access::Case {
            see: HANDOVER_STAFF,
            act: HANDOVER_STAFF,
        },
    ),
    (
        "GET",
        "/api/v1/cases/{id}/followups",
        Access::Case {
            see: CASE_STAFF,
            act: ASSIGNED,
        },
    ),
    (
        "POST",
        "/api/v1/cases/{id}/followups/{fid}",
        Access::Case {
            see: CASE_STAFF,
            act: ASSIGNED,
        },
    ),
    // Forms: staff read them, the network admin revises them; assessments are case work.
    ("GET", "/api/v1/forms", Access::Roles(STAFF)),
    ("GET", "/api/v1/forms/{key}", Access::Roles(STAFF)),
    ("POST", "/api/v1/forms", Access::Roles(NETWORK_ADMIN)),
    (
        "POST",
        "/api/v1/forms/xlsform",
        Access::Roles(NETWORK_ADMIN),
    ),
    ("GET", "/forms", Access::Roles(STAFF)),
    ("GET", "/forms/{key}", Access::Roles(STAFF)),
    ("GET", "/training", Access::Roles(STAFF)),
    ("GET", "/api/v1/training/programmes", Access::Roles(STAFF)),
    (
        "POST",
        "/api/v1/training/workshops",
        Access::Roles(TRAINERS),
    ),
    (
        "GET",
        "/api/v1/training/workshops/{id}/calendar.ics",
        Access::Roles(STAFF),
    ),
    (
        "GET",
        "/api/v1/training/workshops/{id}",
        Access::Roles(TRAINERS),
    ),
    (
        "POST",
        "/api/v1/training/workshops/{id}/enrolments",
        Access::Roles(TRAINERS),
    ),
    (
        "POST",
        "/api/v1/training/workshops/{id}/attendance",
        Access::Roles(TRAINERS),
    ),
    (
        "POST",
        "/api/v1/training/workshops/{id}/dropouts",
        Access::Roles(TRAINERS),
    ),
    (
        "GET",
        "/api/v1/training/workshops/{id}/survivors",
        Access::Roles(ITS_TRAINERS),
    ),
    (
        "POST",
        "/api/v1/training/workshops/{id}/survivors",
        Access::Roles(ITS_TRAINERS),
    ),
    (
        "POST",
        "/api/v1/training/workshops/{id}/survivors/attendance",
        Access::Roles(ITS_TRAINERS),
    ),
    (
        "POST",
        "/api/v1/training/workshops/{id}/survivors/dropouts",
        Access::Roles(ITS_TRAINERS),
    ),
    (
        "GET",
        "/api/v1/training/workshops/{id}/feedback",
        Access::Roles(ITS_TRAINERS),
    ),
    (
        "POST",
        "/api/v1/training/workshops/{id}/feedback",
        Access::Roles(ITS_TRAINERS),
    ),
    (
        "GET",
        "/api/v1/training/workshops/{id}/feedback-summary",
        Access::Roles(RESULTS),
    ),
    (
        "POST",
        "/api/v1/training/workshops/{id}/evaluations",
        Access::Roles(TRAINERS),
    ),
    (
        "GET",
        "/api/v1/training/workshops/{id}/evaluation-results",
        Access::Roles(RESULTS),
    ),
    (
        "POST",
        "/api/v1/training/peers",
        Access::Roles(ITS_TRAINERS),
    ),
    (
        "GET",
        "/api/v1/training/exchange-visits",
        Access::Roles(STAFF),
    ),
    (
        "POST",
        "/api/v1/training/exchange-visits",
        Access::Roles(TRAINERS),
    ),
    (
        "GET",
        "/api/v1/training/exchange-visits/matrix",
        Access::Roles(STAFF),
    ),
    ("GET", "/api/v1/training/gates", Access::Roles(STAFF)),
    (
        "POST",
        "/api/v1/training/gates",
        Access::Roles(NETWORK_ADMIN),
    ),
    (
        "DELETE",
        "/api/v1/training/gates/{role}/{action}",
        Access::Roles(NETWORK_ADMIN),
    ),
    ("GET", "/training/workshops/{id}", Access::Roles(RESULTS)),
    (
        "POST",
        "/training/workshops/{id}/enrolments",
        Access::Roles(TRAINERS),
    ),
    (
        "POST",
        "/training/workshops/{id}/attendance",
        Access::Roles(TRAINERS),
    ),
    (
        "POST",
        "/training/workshops/{id}/dropouts",
        Access::Roles(TRAINERS),
    ),
    (
        "POST",
        "/training/workshops/{id}/evaluations",
        Access::Roles(TRAINERS),
    ),
    (
        "POST",
        "/training/workshops/{id}/survivors",
        Access::Roles(ITS_TRAINERS),
    ),
    (
        "POST",
        "/training/workshops/{id}/survivors/attendance",
        Access::Roles(ITS_TRAINERS),
    ),
    (
        "POST",
        "/training/workshops/{id}/survivors/dropouts",
        Access::Roles(ITS_TRAINERS),
    ),
    (
        "POST",
        "/training/workshops/{id}/feedback",
        Access::Roles(ITS_TRAINERS),
    ),
    (
        "POST",
        "/training/workshops/{id}/peers",
        Access::Roles(ITS_TRAINERS),
    ),
    (
        "GET",
        "/training/workshops/{id}/brief/{enrolment}",
        Access::Roles(TRAINERS),
    ),
    ("POST", "/training/workshops", Access::Roles(TRAINERS)),
    ("POST", "/training/gates", Access::Roles(NETWORK_ADMIN)),
    ("POST", "/training/gates/lift", Access::Roles(NETWORK_ADMIN)),
    ("GET", "/training/exchange-visits", Access::Roles(STAFF)),
    ("POST", "/training/exchange-visits", Access::Roles(TRAINERS)),
    ("POST", "/forms/import", Access::Roles(NETWORK_ADMIN)),
    (
        "GET",
        "/api/v1/cases/{id}/assessments",
        Access::Case {
            see: CASE_STAFF,
            act: ASSIGNED,
        },
    ),
    (
        "POST",
        "/api/v1/cases/{id}/assessments",
        Access::Case {
            see: CASE_STAFF,
            act: ASSIGNED,
        },
    ),
    (
        "GET",
        "/api/v1/cases/{id}/assessments/{aid}",
        Access::Case {
            see: CASE_STAFF,
            act: ASSIGNED,
        },
    ),
    (
        "GET",
        "/cases/{id}/assessments/new",
        Access::Case {
            see: CASE_STAFF,
            act: ASSIGNED,
        },
    ),
    (
        "POST",
        "/cases/{id}/assessments",
        Access::Case {
            see: CASE_STAFF,
            act: ASSIGNED,
        },
    ),
    (
        "GET",
        "/cases/{id}/assessments/{aid}",
        Access::Case {
            see: CASE_STAFF,
            act: ASSIGNED,
        },
    ),
    (
        "GET",
        "/cases/{id}/assessments/{aid}/pdf",
        Access::Case {
            see: CASE_STAFF,
            act: ASSIGNED,
        },
    ),
    // The glossary: everyone reads it and scans with it; the network admin curates it.
    ("GET", "/glossary", Access::SignedIn),
    ("POST", "/glossary/scan", Access::SignedIn),
    ("POST", "/glossary", Access::Roles(NETWORK_ADMIN)),
    ("GET", "/glossary/{id}/edit", Access::Roles(NETWORK_ADMIN)),
    ("POST", "/glossary/{id}", Access::Roles(NETWORK_ADMIN)),
    (
        "POST",
        "/glossary/{id}/review",
        Access::Roles(NETWORK_ADMIN),
    ),
    (
        "POST",
        "/glossary/{id}/delete",
        Access::Roles(NETWORK_ADMIN),
    ),
    ("GET", "/api/v1/glossary", Access::SignedIn),
    ("POST", "/api/v1/glossary/scan", Access::SignedIn),
    ("POST", "/api/v1/glossary", Access::Roles(NETWORK_ADMIN)),
    ("PUT", "/api/v1/glossary/{id}", Access::Roles(NETWORK_ADMIN)),
    (
        "POST",
        "/api/v1/glossary/{id}/reviews",
        Access::Roles(NETWORK_ADMIN),
    ),
    (
        "DELETE",
        "/api/v1/glossary/{id}",
        Access::Roles(NETWORK_ADMIN),
    ),
    ("GET", "/handovers", Access::Roles(HANDOVER_STAFF)),
    (
        "GET",
        "/handovers/{id}/package",
        Access::Case {
            see: HANDOVER_STAFF,
            act: CASE_WORKERS,
        },
    ),
    (
        "GET",
        "/api/v1/handovers/{id}/package",
        Access::Case {
            see: HANDOVER_STAFF,
            act: CASE_WORKERS,
        },
    ),
    // Importing is for whoever receives handovers: a case worker or the director.
    ("POST", "/handovers/import", Access::Roles(RECEIVERS)),
    (
        "POST",
        "/api/v1/handover-packages",
        Access::Roles(RECEIVERS),
    ),
    (
        "GET",
        "/handovers/{id}",
        Access::Case {
            see: HANDOVER_STAFF,
            act: HANDOVER_STAFF,
        },
    ),
    (
        "POST",
        "/handovers/{id}/{step}",
        Access::Case {
            see: HANDOVER_STAFF,
            act: NOBODY,
        },
    ),
    (
        "POST",
        "/cases/{id}/handovers",
        Access::Case {
            see: CASE_STAFF,
            act: CASE_WORKERS,
        },
    ),
    (
        "GET",
        "/api/v1/handovers/{id}",
        Access::Case {
            see: HANDOVER_STAFF,
            act: HANDOVER_STAFF,
        },
    ),
    (
        "GET",
        "/api/v1/handovers/{id}/completeness",
        Access::Case {
            see: HANDOVER_STAFF,
            act: HANDOVER_STAFF,
        },
    ),
    (
        "POST",
        "/api/v1/handovers/{id}/send",
        Access::Case {
            see: HANDOVER_STAFF,
            act: CASE_WORKERS,
        },
    ),
    (
        "POST",
        "/api/v1/handovers/{id}/acknowledge",
        Access::Case {
            see: HANDOVER_STAFF,
            act: NOBODY,
        },
    ),
    (
        "POST",
        "/api/v1/handovers/{id}/accept",
        Access::Case {
            see: HANDOVER_STAFF,
            act: NOBODY,
        },
    ),
    (
        "POST",
        "/api/v1/handovers/{id}/decline",
        Access::Case {
            see: HANDOVER_STAFF,
            act: NOBODY,
        },
    ),
    (
        "POST",
        "/cases/{id}/survivor",
        Access::Case {
            see: CASE_STAFF,
            act: CASE_WORKERS,
        },
    ),
    (
        "POST",
        "/my-record/{id}/voice",
        Access::Case {
            see: CASE_STAFF,
            act: NOBODY,
        },
    ),
    (
        "POST",
        "/my-record/{id}/review",
        Access::Case {
            see: CASE_STAFF,
            act: NOBODY,
        },
    ),
    (
        "POST",
        "/api/v1/cases/{id}/survivor",
        Access::Case {
            see: CASE_STAFF,
            act: CASE_WORKERS,
        },
    ),
    ("GET", "/", Access::SignedIn),
    ("GET", "/account", Access::SignedIn),
    ("POST", "/account/password", Access::SignedIn),
    // Two-factor sign-in: the code page is part of signing in; each person enrols her own; the
    // network admin sets the roles that must; the table's `{id}` is the director, whose second
    // factor only the network admin may reset.
    ("GET", "/sign-in/code", Access::Public),
    ("POST", "/sign-in/code", Access::Public),
    ("GET", "/account/two-factor", Access::SignedIn),
    ("POST", "/account/two-factor/start", Access::SignedIn),
    ("POST", "/account/two-factor/confirm", Access::SignedIn),
    ("GET", "/two-factor", Access::Roles(NETWORK_ADMIN)),
    ("POST", "/two-factor", Access::Roles(NETWORK_ADMIN)),
    (
        "GET",
        "/users/{id}/two-factor",
        Access::Roles(NETWORK_ADMIN),
    ),
    (
        "POST",
        "/users/{id}/two-factor/reset",
        Access::Roles(NETWORK_ADMIN),
    ),
    (
        "GET",
        "/api/v1/two-factor/roles",
        Access::Roles(NETWORK_ADMIN),
    ),
    (
        "POST",
        "/api/v1/two-factor/roles",
        Access::Roles(NETWORK_ADMIN),
    ),
    (
        "DELETE",
        "/api/v1/users/{id}/two-factor",
        Access::Roles(NETWORK_ADMIN),
    ),
    ("POST", "/account/language", Access::SignedIn),
    ("GET", "/organisations", Access::Roles(DIRECTORY)),
    ("GET", "/organisations/new", Access::Roles(NETWORK_ADMIN)),
    ("POST", "/organisations/new", Access::Roles(NETWORK_ADMIN)),
    ("GET", "/organisations/{id}", Access::Roles(DIRECTORY)),
    (
        "GET",
        "/organisations/{id}/edit",
        Access::Roles(NETWORK_ADMIN),
    ),
    (
        "POST",
        "/organisations/{id}/edit",
        Access::Roles(NETWORK_ADMIN),
    ),
    ("GET", "/organisations/{id}/users", Access::Roles(ORG_ADMIN)),
    (
        "GET",
        "/organisations/{id}/users/new",
        Access::Roles(ORG_ADMIN),
    ),
    (
        "POST",
        "/organisations/{id}/users/new",
        Access::Roles(ORG_ADMIN),
    ),
    ("GET", "/users/{id}/edit", Access::Roles(ORG_ADMIN)),
    ("POST", "/users/{id}/edit", Access::Roles(ORG_ADMIN)),
    ("GET", "/audit", Access::Roles(ORG_ADMIN)),
    ("GET", "/api/v1/me", Access::SignedIn),
    ("GET", "/api/v1/organisations", Access::Roles(DIRECTORY)),
    (
        "POST",
        "/api/v1/organisations",
        Access::Roles(NETWORK_ADMIN),
    ),
    (
        "GET",
        "/api/v1/organisations/{id}",
        Access::Roles(DIRECTORY),
    ),
    (
        "PUT",
        "/api/v1/organisations/{id}",
        Access::Roles(NETWORK_ADMIN),
    ),
    (
        "GET",
        "/api/v1/organisations/{id}/users",
        Access::Roles(ORG_ADMIN),
    ),
    (
        "POST",
        "/api/v1/organisations/{id}/users",
        Access::Roles(ORG_ADMIN),
    ),
    ("GET", "/api/v1/users/{id}", Access::Roles(ORG_ADMIN)),
    ("PUT", "/api/v1/users/{id}", Access::Roles(ORG_ADMIN)),
    ("GET", "/api/v1/audit", Access::Roles(ORG_ADMIN)),
    ("GET", "/api/v1/indicators", Access::Roles(RESULTS)),
    ("GET", "/indicators", Access::Roles(RESULTS)),
    ("GET", "/api/v1/indicators.xlsx", Access::Roles(RESULTS)),
    ("GET", "/api/v1/indicators.pdf", Access::Roles(RESULTS)),
    ("GET", "/indicators.xlsx", Access::Roles(RESULTS)),
    ("GET", "/indicators.pdf", Access::Roles(RESULTS)),
    // The cases behind a figure: her director alone; the network admin reads figures only.
    ("GET", "/indicators/cases", Access::Roles(DIRECTOR)),
    // Spreadsheets: the case list for the staff who carry cases and their director; a form's
    // assessments for those who read cases in full; a workshop's attendance for whoever
    // records it; the programme's matrix for those who read training results.
    ("GET", "/api/v1/exports/cases.csv", Access::Roles(DECIDERS)),
    ("GET", "/api/v1/exports/cases.xlsx", Access::Roles(DECIDERS)),
    (
        "GET",
        "/api/v1/exports/forms/{file}",
        Access::Roles(ASSIGNED),
    ),
    (
        "GET",
        "/api/v1/exports/workshops/{file}",
        Access::Roles(TRAINERS),
    ),
    (
        "GET",
        "/api/v1/exports/training.xlsx",
        Access::Roles(RESULTS),
    ),
    ("GET", "/exports/cases.csv", Access::Roles(DECIDERS)),
    ("GET", "/exports/cases.xlsx", Access::Roles(DECIDERS)),
    ("GET", "/exports/forms/{file}", Access::Roles(ASSIGNED)),
    ("GET", "/exports/workshops/{file}", Access::Roles(TRAINERS)),
    ("GET", "/exports/training.xlsx", Access::Roles(RESULTS)),
    ("GET", "/exports/htcds.csv", Access::Roles(ORG_ADMIN)),
    // The anonymised HTCDS export: the network admin (the network), a director (hers).
    ("GET", "/api/v1/exports/htcds.csv", Access::Roles(ORG_ADMIN)),
    (
        "GET",
        "/api/v1/exports/htcds.json",
        Access::Roles(ORG_ADMIN),
    ),
    ("GET", "/cases", Access::Roles(CASE_STAFF)),
    ("GET", "/cases/new", Access::Roles(CASE_WORKERS)),
    ("POST", "/cases/new", Access::Roles(CASE_WORKERS)),
    (
        "GET",
        "/cases/{id}",
        Access::Case {
            see: CASE_STAFF,
            act: CASE_STAFF,
        },
    ),
    // The case's sections, each a page: refused as the long case page hid the section.
    (
        "GET",
        "/cases/{id}/words",
        Access::Case {
            see: CASE_STAFF,
            act: ASSIGNED,
        },
    ),
    (
        "GET",
        "/cases/{id}/decisions",
        Access::Case {
            see: CASE_STAFF,
            act: DECIDERS,
        },
    ),
    (
        "GET",
        "/cases/{id}/consents",
        Access::Case {
            see: CASE_STAFF,
            act: ASSIGNED,
        },
    ),
    (
        "GET",
        "/cases/{id}/documents",
        Access::Case {
            see: CASE_STAFF,
            act: ASSIGNED,
        },
    ),
    (
        "GET",
        "/cases/{id}/notes",
        Access::Case {
            see: CASE_STAFF,
            act: CASE_STAFF,
        },
    ),
    (
        "GET",
        "/cases/{id}/journey",
        Access::Case {
            see: CASE_STAFF,
            act: ASSIGNED,
        },
    ),
    (
        "GET",
        "/cases/{id}/handovers",
        Access::Case {
            see: CASE_STAFF,
            act: CASE_WORKERS,
        },
    ),
    (
        "GET",
        "/cases/{id}/repatriation",
        Access::Case {
            see: CASE_STAFF,
            act: ASSIGNED,
        },
    ),
    (
        "GET",
        "/cases/{id}/readers",
        Access::Case {
            see: CASE_STAFF,
            act: ASSIGNED,
        },
    ),
    (
        "GET",
        "/cases/{id}/assessments",
        Access::Case {
            see: CASE_STAFF,
            act: ASSIGNED,
        },
    ),
    (
        "POST",
        "/cases/{id}/voice",
        Access::Case {
            see: CASE_STAFF,
            act: ASSIGNED,
        },
    ),
    (
        "POST",
        "/cases/{id}/stage",
        Access::Case {
            see: CASE_STAFF,
            act: CASE_WORKERS,
        },
    ),
    (
        "POST",
        "/cases/{id}/stay",
        Access::Case {
            see: CASE_STAFF,
            act: CASE_WORKERS,
        },
    ),
    (
        "GET",
        "/cases/{id}/identity",
        Access::Case {
            see: CASE_STAFF,
            act: ASSIGNED,
        },
    ),
    ("GET", "/api/v1/cases", Access::Roles(CASE_STAFF)),
    ("POST", "/api/v1/cases", Access::Roles(CASE_WORKERS)),
    (
        "GET",
        "/api/v1/cases/{id}",
        Access::Case {
            see: CASE_STAFF,
            act: CASE_STAFF,
        },
    ),
    (
        "GET",
        "/api/v1/cases/{id}/voice",
        Access::Case {
            see: CASE_STAFF,
            act: ASSIGNED,
        },
    ),
    (
        "POST",
        "/api/v1/cases/{id}/voice",
        Access::Case {
            see: CASE_STAFF,
            act: ASSIGNED,
        },
    ),
    (
        "PUT",
        "/api/v1/cases/{id}/voice/{entry}",
        Access::Case {
            see: CASE_STAFF,
            act: ASSIGNED,
        },
    ),
    (
        "POST",
        "/api/v1/cases/{id}/stage",
        Access::Case {
            see: CASE_STAFF,
            act: CASE_WORKERS,
        },
    ),
    (
        "GET",
        "/api/v1/cases/{id}/identity",
        Access::Case {
            see: CASE_STAFF,
            act: ASSIGNED,
        },
    ),
    (
        "POST",
        "/cases/{id}/voice/{entry}",
        Access::Case {
            see: CASE_STAFF,
            act: ASSIGNED,
        },
    ),
    (
        "GET",
        "/api/v1/cases/{id}/documents",
        Access::Case {
            see: CASE_STAFF,
            act: ASSIGNED,
        },
    ),
    (
        "POST",
        "/api/v1/cases/{id}/documents",
        Access::Case {
            see: CASE_STAFF,
            act: ASSIGNED,
        },
    ),
    (
        "GET",
        "/api/v1/cases/{id}/documents/{doc}",
        Access::Case {
            see: CASE_STAFF,
            act: ASSIGNED,
        },
    ),
    (
        "POST",
        "/cases/{id}/documents",
        Access::Case {
            see: CASE_STAFF,
            act: ASSIGNED,
        },
    ),
    (
        "GET",
        "/cases/{id}/documents/{doc}",
        Access::Case {
            see: CASE_STAFF,
            act: ASSIGNED,
        },
    ),
    (
        "GET",
        "/api/v1/cases/{id}/notes",
        Access::Case {
            see: CASE_STAFF,
            act: CASE_STAFF,
        },
    ),
    (
        "POST",
        "/api/v1/cases/{id}/notes",
        Access::Case {
            see: CASE_STAFF,
            act: WRITERS,
        },
    ),
    (
        "POST",
        "/cases/{id}/notes",
        Access::Case {
            see: CASE_STAFF,
            act: WRITERS,
        },
    ),
    (
        "POST",
        "/cases/{id}/notes/{nid}/translations",
        Access::Case {
            see: CASE_STAFF,
            act: WRITERS,
        },
    ),
    (
        "POST",
        "/api/v1/cases/{id}/notes/{nid}/translations",
        Access::Case {
            see: CASE_STAFF,
            act: WRITERS,
        },
    ),
    (
        "GET",
        "/cases/{id}/plan",
        Access::Case {
            see: CASE_STAFF,
            act: DECIDERS,
        },
    ),
    (
        "GET",
        "/cases/{id}/plan/print",
        Access::Case {
            see: CASE_STAFF,
            act: DECIDERS,
        },
    ),
    (
        "GET",
        "/cases/{id}/plan.pdf",
        Access::Case {
            see: CASE_STAFF,
            act: DECIDERS,
        },
    ),
    (
        "POST",
        "/cases/{id}/plan/goals",
        Access::Case {
            see: CASE_STAFF,
            act: ASSIGNED,
        },
    ),
    (
        "POST",
        "/cases/{id}/plan/actions",
        Access::Case {
            see: CASE_STAFF,
            act: ASSIGNED,
        },
    ),
    (
        "POST",
        "/cases/{id}/plan/status",
        Access::Case {
            see: CASE_STAFF,
            act: ASSIGNED,
        },
    ),
    (
        "POST",
        "/cases/{id}/plan/reviews",
        Access::Case {
            see: CASE_STAFF,
            act: ASSIGNED,
        },
    ),
    (
        "POST",
        "/cases/{id}/plan/approve",
        Access::Case {
            see: CASE_STAFF,
            act: DIRECTOR,
        },
    ),
    (
        "GET",
        "/api/v1/cases/{id}/plan",
        Access::Case {
            see: CASE_STAFF,
            act: DECIDERS,
        },
    ),
    (
        "PUT",
        "/api/v1/cases/{id}/plan",
        Access::Case {
            see: CASE_STAFF,
            act: ASSIGNED,
        },
    ),
    (
        "POST",
        "/api/v1/cases/{id}/plan/approve",
        Access::Case {
            see: CASE_STAFF,
            act: DIRECTOR,
        },
    ),
    (
        "POST",
        "/api/v1/cases/{id}/plan/reviews",
        Access::Case {
            see: CASE_STAFF,
            act: ASSIGNED,
        },
    ),
    (
        "GET",
        "/cases/{id}/life-views",
        Access::Case {
            see: CASE_STAFF,
            act: DECIDERS,
        },
    ),
    (
        "POST",
        "/cases/{id}/life-views",
        Access::Case {
            see: CASE_STAFF,
            act: ASSIGNED,
        },
    ),
    (
        "GET",
        "/api/v1/cases/{id}/life-views",
        Access::Case {
            see: CASE_STAFF,
            act: DECIDERS,
        },
    ),
    (
        "POST",
        "/api/v1/cases/{id}/life-views",
        Access::Case {
            see: CASE_STAFF,
            act: ASSIGNED,
        },
    ),
    (
        "GET",
        "/api/v1/cases/{id}/readers",
        Access::Case {
            see: CASE_STAFF,
            act: ASSIGNED,
        },
    ),
    (
        "POST",
        "/cases/{id}/consents",
        Access::Case {
            see: CASE_STAFF,
            act: ASSIGNED,
        },
    ),
    (
        "POST",
        "/cases/{id}/consents/{cid}/revoke",
        Access::Case {
            see: CASE_STAFF,
            act: ASSIGNED,
        },
    ),
    (
        "GET",
        "/api/v1/cases/{id}/consents",
        Access::Case {
            see: CASE_STAFF,
            act: ASSIGNED,
        },
    ),
    (
        "POST",
        "/api/v1/cases/{id}/consents",
        Access::Case {
            see: CASE_STAFF,
            act: ASSIGNED,
        },
    ),
    (
        "POST",
        "/api/v1/cases/{id}/consents/{cid}/revoke",
        Access::Case {
            see: CASE_STAFF,
            act: ASSIGNED,
        },
    ),
    (
        "POST",
        "/cases/{id}/decisions",
        Access::Case {
            see: CASE_STAFF,
            act: DECIDERS,
        },
    ),
    (
        "GET",
        "/api/v1/cases/{id}/decisions",
        Access::Case {
            see: CASE_STAFF,
            act: DECIDERS,
        },
    ),
    (
        "POST",
        "/api/v1/cases/{id}/decisions",
        Access::Case {
            see: CASE_STAFF,
            act: DECIDERS,
        },
    ),
    // Last of the table: the case worker cancels its draft, so no row before it sees a
    // cancelled handover.
    (
        "POST",
        "/api/v1/handovers/{id}/cancel",
        Access::Case {
            see: HANDOVER_STAFF,
            act: CASE_WORKERS,
        },
    ),
];

const KOLKATA: &str = "Nirapad Shelter Home, Kolkata";

/// One person per role, all in the Kolkata shelter.
const PEOPLE: &[(&str, Role)] = &[
    ("admin", Role::NetworkAdmin),
    ("director.kolkata", Role::Director),
    ("caseworker.kolkata", Role::CaseWorker),
    ("counsellor.kolkata", Role::Counsellor),
    ("caregiver.kolkata", Role::CareGiver),
    ("trainer", Role::Trainer),
    ("survivor.kolkata", Role::Survivor),
];

#[test]
fn every_route_has_an_entry_and_every_entry_a_route() {
    let routes = saathi_web::routes::list();
    for (method, path) in &routes {
        assert!(
            TABLE
                .iter()
                .any(|(m, p, _)| *m == method.as_str() && p == path),
            "{method} {path} has no entry in the authorisation table: add one with the roles allowed"
        );
    }
    for (m, p, _) in TABLE {
        assert!(
            routes
                .iter()
                .any(|(method, path)| method.as_str() == *m && path == p),
            "{m} {p} is in the table but not served"
        );
    }
}

/// A request to `path` of the table, with a body that would be accepted if she were allowed,
/// so that a refusal can only come from the policy.
async fn call(
    h: &Harness,
    case: (domain::CaseId, domain::VoiceId),
    handover: uuid::Uuid,
    client: &mut Client,
    method: &str,
    path: &str,
) -> crate::common::Reply {
    let kolkata = h.kolkata().await;
    let colleague = h.user("director.kolkata").await;
    let is_user_path = path.starts_with("/users/") || path.starts_with("/api/v1/users/");
    let is_case_path = path.starts_with("/cases/{id}")
        || path.starts_with("/api/v1/cases/{id}")
        || path.starts_with("/my-record/{id}");
    let id = if path.starts_with("/api/v1/handovers/{id}") || path.starts_with("/handovers/{id}") {
        handover.to_string()
    } else if path.starts_with("/training/workshops/{id}")
        || path.starts_with("/api/v1/training/workshops/{id}")
    {
        h.survivor_workshop_id().await.to_string()
    } else if is_user_path {
        colleague.id.to_string()
    } else if is_case_path {
        case.0.to_string()
    } else {
        kolkata.to_string()
    };
    let path = path
        .replace("{id}", &id)
        .replace("{entry}", &case.1.to_string())
        .replace("{cid}", &uuid::Uuid::now_v7().to_string())
        .replace("{doc}", &uuid::Uuid::now_v7().to_string())
        .replace("{handover}", &handover.to_string())
        .replace("{step}", "accept")
        .replace("{fid}", &uuid::Uuid::now_v7().to_string())
        .replace("{nid}", &uuid::Uuid::now_v7().to_string())
        .replace("{aid}", &uuid::Uuid::now_v7().to_string())
        .replace("{key}", "follow-up-visit")
        .replace("{seq}", "1")
        .replace("{enrolment}", &uuid::Uuid::now_v7().to_string())
        .replace("{role}", "care-giver")
        .replace("{action}", "open-identity");
    // An export's file: the built-in follow-up form, or the table's workshop.
    let file = if path.contains("/exports/workshops/") {
        format!("{}.xlsx", h.survivor_workshop_id().await)
    } else {
        "follow-up-visit.xlsx".to_string()
    };
    let path = path.replace("{file}", &file);
    let unique = uuid_suffix();
    if method == "POST"
        && (path.ends_with("/documents") || path == "/handovers/import" || path == "/forms/import")
    {
        return upload(client, &path).await;
    }
    match (method, path.starts_with("/api/")) {
        ("GET", _) => client.get(&path).await,
        ("POST", false) => {
            let fields: Vec<(&str, String)> = if path == "/cases/new" {
                vec![
                    ("name", "নতুন মেয়ে".into()),
                    ("family", String::new()),
                    ("address", String::new()),
                ]
            } else if path.ends_with("/voice") {
                vec![
                    ("kind", "hope".into()),
                    ("text", "আমি বাড়ি যেতে চাই".into()),
                    ("language", "bn".into()),
                ]
            } else if path.contains("/followups/") || path.contains("/repatriation") {
                vec![
                    ("outcome", "first-contact".into()),
                    ("her_words", "ভালো আছি".into()),
                ]
            } else if path.ends_with("/handovers") {
                vec![
                    ("to", h.org("Notun Alo, Jessore").await.to_string()),
                    ("reason", "সে বাড়ি ফিরবে".into()),
                ]
            } else if path.starts_with("/handovers/") {
                vec![("reason", "জায়গা নেই".into())]
            } else if path.starts_with("/glossary") {
                vec![
                    ("text", "Signs of PTSD".into()),
                    ("term", format!("term {unique}")),
                    ("explanation_bn", "সহজ মানে".into()),
                    ("explanation_hi", "आसान अर्थ".into()),
                    ("explanation_en", "plain words".into()),
                    ("version", "1".into()),
                ]
            } else if path.ends_with("/survivor") {
                vec![("user", uuid::Uuid::now_v7().to_string())]
            } else if path.starts_with("/my-record/") {
                vec![
                    ("kind", "hope".into()),
                    ("text", "আমি বাড়ি যাব".into()),
                    ("language", "bn".into()),
                    ("agreement", "agreed".into()),
                    ("her_words", "হ্যাঁ".into()),
                ]
            } else if path.ends_with("/notes") {
                vec![
                    ("kind", "daily".into()),
                    ("text", "আজ সে ভালো খেয়েছে".into()),
                    ("language", "bn".into()),
                ]
            } else if path.ends_with("/plan/goals") {
                vec![
                    ("version", "0".into()),
                    ("domain", "health".into()),
                    ("goal_text", "নিয়মিত ঘুম".into()),
                    ("set_by", "her".into()),
                ]
            } else if path.contains("/plan/") {
                vec![
                    ("version", "1".into()),
                    ("goal", "0".into()),
                    ("status", "achieved".into()),
                    ("agreement", "agreed".into()),
                    ("her_words", "হ্যাঁ".into()),
                    ("what", "ডাক্তার দেখানো".into()),
                    ("set_by", "team".into()),
                ]
            } else if path.ends_with("/revoke") {
                vec![("reason", "সে মত বদলেছে".into())]
            } else if path.ends_with("/consents") {
                vec![
                    ("purpose", "statistics".into()),
                    ("explained_how", "মুখে বলা".into()),
                    ("explained_in", "bn".into()),
                    ("explained_by", "রুপা".into()),
                ]
            } else if path.ends_with("/decisions") {
                vec![
                    ("what", "সে বাড়ি ফিরবে".into()),
                    ("decided_by", "কেস কনফারেন্স".into()),
                    ("participation", "informed".into()),
                ]
            } else if path.ends_with("/life-views") {
                let mut fields = vec![
                    ("occasion", "entering-care".into()),
                    ("recorded_on", "2026-11-29".into()),
                ];
                for (her, worker) in [
                    ("her-safety", "worker-safety"),
                    ("her-health", "worker-health"),
                    ("her-wellbeing", "worker-wellbeing"),
                    ("her-family", "worker-family"),
                    ("her-livelihood", "worker-livelihood"),
                    ("her-justice", "worker-justice"),
                ] {
                    fields.push((her, "hard".into()));
                    fields.push((worker, "good".into()));
                }
                fields
            } else if path.ends_with("/stay") {
                vec![
                    ("length_set_by", "order".into()),
                    ("wants_to_leave_on", "".into()),
                ]
            } else if path.ends_with("/stage") {
                vec![
                    ("stage", "in-care".into()),
                    ("reason", "সে আশ্রয়ে আছে".into()),
                    ("version", "1".into()),
                ]
            } else if path.ends_with("/users/new") {
                vec![
                    ("username", format!("new.{unique}")),
                    ("roles", "case-worker".into()),
                    ("password", "a long new password for her".into()),
                ]
            } else if path.starts_with("/organisations") {
                // An edit keeps the name, so the rest of the table still finds Kolkata.
                let name = if path.ends_with("/edit") {
                    KOLKATA.to_string()
                } else {
                    format!("Org {unique}")
                };
                vec![
                    ("name", name),
                    ("kind", "source".into()),
                    ("country", "IN".into()),
                    ("languages", "bn".into()),
                    ("version", "1".into()),
                ]
            } else if path == "/two-factor" || path.starts_with("/account/two-factor") {
                // No role ticked (the rest of the table must not be sent to enrol), and a code
                // that is no code.
                vec![("code", "not-a-code".into())]
            } else if path == "/users/{id}/edit".replace("{id}", &id) {
                vec![
                    ("roles", "director".into()),
                    ("language", "bn".into()),
                    ("active", "on".into()),
                    ("version", "1".into()),
                ]
            } else {
                vec![
                    ("current_password", "wrong-on-purpose".into()),
                    ("new_password", "x".into()),
                ]
            };
            let borrowed: Vec<(&str, &str)> =
                fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            client.post_form(&path, &borrowed).await
        }
        (m, true) => {
            let body = if path == "/api/v1/two-factor/roles" {
                json!({"roles": []})
            } else if path == "/api/v1/cases" {
                json!({"identity": {"name": "नई लड़की"}})
            } else if path.contains("/voice") {
                json!({"kind": "fear", "text": "मुझे डर लगता है", "language": "hi"})
            } else if path.contains("/repatriation") {
                json!({})
            } else if path.contains("/followups/") {
                json!({"outcome": "first-contact", "her_words": "ভালো আছি"})
            } else if path.ends_with("/handovers") {
                json!({"to": h.org("Notun Alo, Jessore").await.to_string(), "reason": "সে বাড়ি ফিরবে"})
            } else if path.contains("/handovers/") {
                json!({})
            } else if path.ends_with("/survivors") {
                json!({"known_as": "মিনু"})
            } else if path.ends_with("/survivors/attendance") {
                json!({"place": uuid::Uuid::now_v7().to_string(), "day": "2027-03-02"})
            } else if path.ends_with("/survivors/dropouts") {
                json!({"place": uuid::Uuid::now_v7().to_string(), "reason": "childcare"})
            } else if path.ends_with("/feedback") {
                json!({"theme": "being-heard", "tone": "appreciation", "words": "আমার কথা শোনা হয়েছে"})
            } else if path.ends_with("/evaluations") {
                json!({"enrolment": uuid::Uuid::now_v7().to_string(), "stage": "pre", "answers": {}})
            } else if path == "/api/v1/training/peers" {
                json!({"code": "SW-ZZZZ", "role": "leader", "consent": true, "consent_language": "bn"})
            } else if path == "/api/v1/training/exchange-visits" {
                json!({"visitor_org": kolkata.to_string(), "host_org": h.org("Notun Alo, Jessore").await.to_string(),
                    "visited_on": "2027-02-01", "visitors": "রুপা", "learned": "বাড়ি যাচাই কীভাবে হয়"})
            } else if path == "/api/v1/training/gates" {
                json!({"role": "care-giver", "action": "open-identity", "workshop": "knowing-the-survivor"})
            } else if path.ends_with("/enrolments") {
                json!({"user": "caseworker.kolkata"})
            } else if path.ends_with("/attendance") {
                json!({"enrolment": uuid::Uuid::now_v7().to_string(), "day": "2027-01-11"})
            } else if path.ends_with("/dropouts") {
                json!({"enrolment": uuid::Uuid::now_v7().to_string(), "reason": "childcare"})
            } else if path == "/api/v1/training/workshops" {
                json!({"workshop": "knowing-the-survivor", "venue": "Kolkata", "starts_on": "2027-01-11"})
            } else if path == "/api/v1/forms" {
                json!({"key": format!("t{unique}"), "title": {"bn": "ক", "hi": "क", "en": "t"},
                    "sections": [], "choice_lists": {}})
            } else if path.ends_with("/assessments") {
                json!({"form": "follow-up-visit", "answers": {}})
            } else if path.ends_with("/glossary/scan") {
                json!({"text": "Signs of PTSD", "language": "bn"})
            } else if path.starts_with("/api/v1/glossary/") && path.ends_with("/reviews") {
                json!({"language": "bn", "reviewer": "রুপা দাস"})
            } else if path.starts_with("/api/v1/glossary") {
                json!({"term": format!("term {unique}"), "explanation_bn": "সহজ মানে",
                    "explanation_hi": "आसान अर्थ", "explanation_en": "plain words"})
            } else if path.ends_with("/survivor") {
                json!({"user": uuid::Uuid::now_v7().to_string()})
            } else if path.ends_with("/translations") {
                json!({"language": "bn", "text": "আজ সে ভালো খেয়েছে", "translator": "রুপা দাস"})
            } else if path.ends_with("/notes") {
                json!({"kind": "daily", "text": "आज उसने अच्छा खाना खाया", "language": "hi"})
            } else if path.ends_with("/plan") {
                json!({"goals": [{"domain": "safety", "goal": "सुरक्षित रहना", "set_by": "her", "status": "open"}]})
            } else if path.ends_with("/plan/reviews") {
                json!({"agreement": "partly", "her_words": "ठीक है"})
            } else if path.ends_with("/life-views") {
                json!({"occasion": "entering-care", "recorded_on": "2026-11-29", "areas": [
                    {"area": "safety", "her": "not-said", "worker": "hard"},
                    {"area": "health", "her": "hard", "worker": "hard"},
                    {"area": "wellbeing", "her": "good", "worker": "hard"},
                    {"area": "family", "her": "very-good", "worker": "hard"},
                    {"area": "livelihood", "her": "very-hard", "worker": "hard"},
                    {"area": "justice", "her": "not-said", "worker": "hard"}]})
            } else if path.ends_with("/revoke") {
                json!({"reason": "उसने मन बदल लिया"})
            } else if path.ends_with("/consents") {
                json!({"purpose": "services", "explained_how": "ज़बानी", "explained_in": "hi", "explained_by": "सुनीता"})
            } else if path.ends_with("/decisions") {
                json!({"what": "वह घर लौटेगी", "decided_by": "केस कॉन्फ़्रेंस", "participation": "informed"})
            } else if path.ends_with("/stage") {
                json!({"stage": "in-care", "reason": "वह आश्रय में है"})
            } else if path.ends_with("/users") {
                json!({"username": format!("api.{unique}"), "roles": ["case-worker"], "password": "a long new password for her"})
            } else if path.starts_with("/api/v1/users/") {
                json!({"roles": ["director"], "language": "bn", "active": true})
            } else if m == "PUT" {
                json!({"name": KOLKATA, "kind": "destination", "country": "IN"})
            } else {
                json!({"name": format!("Api org {unique}"), "kind": "transit", "country": "BD"})
            };
            let method: Method = m.parse().unwrap();
            client
                .json(method, &path, &body, &[("if-match", "\"1\"")])
                .await
        }
        (m, p) => panic!("no way to call {m} {p}"),
    }
}

/// A small PDF attached as a multipart form (the page form sends its CSRF token in the query).
async fn upload(client: &mut Client, path: &str) -> crate::common::Reply {
    let body = "--XyZ\r\nContent-Disposition: form-data; name=\"section\"\r\n\r\nlegal\r\n\
                --XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"order.pdf\"\r\n\
                Content-Type: application/pdf\r\n\r\n%PDF-1.4 test\r\n--XyZ--\r\n";
    let path = if path.starts_with("/api/") {
        path.to_string()
    } else {
        if client.csrf.is_none() {
            client.get("/").await;
        }
        format!("{path}?csrf={}", client.csrf.clone().unwrap_or_default())
    };
    client
        .send(
            Method::POST,
            &path,
            Some("multipart/form-data; boundary=XyZ"),
            body.to_string(),
            &[],
        )
        .await
}

fn uuid_suffix() -> String {
    domain::UserId::new().to_string().replace('-', "")[20..].to_string()
}

/// The exact status each allowed role gets from each route with the table's request, so that a
/// route answering anything else (a 500 to everyone, a 404 where it used to work) fails here.
/// Public routes are in it too: no route is held only to "not 403".
/// Many are 404 or 422 on purpose: the table's ids and bodies are not those of a real record,
/// and the answer shows the route was reached and refused the input, not the person.
const ANSWERS: &[(&str, &str, u16)] = &[
    // Public routes, asked by someone signed in: the pages of signing in send her on.
    ("GET", "/static/saathi.css", 200),
    ("GET", "/sign-in", 303),
    ("GET", "/sign-in/code", 303),
    ("POST", "/sign-in/code", 303),
    ("GET", "/api/v1/openapi.json", 200),
    ("GET", "/api/v1/forms", 200),
    ("GET", "/api/v1/forms/{key}", 200),
    ("POST", "/api/v1/forms", 201),
    ("POST", "/api/v1/forms/xlsform", 422),
    ("GET", "/forms", 200),
    ("GET", "/forms/{key}", 200),
    ("GET", "/training", 200),
    ("GET", "/api/v1/training/programmes", 200),
    ("POST", "/api/v1/training/workshops", 201),
    ("GET", "/api/v1/training/workshops/{id}/calendar.ics", 200),
    ("GET", "/api/v1/training/workshops/{id}", 200),
    ("POST", "/api/v1/training/workshops/{id}/enrolments", 422),
    ("POST", "/api/v1/training/workshops/{id}/attendance", 404),
    ("POST", "/api/v1/training/workshops/{id}/dropouts", 404),
    (
        "GET",
        "/api/v1/training/workshops/{id}/feedback-summary",
        200,
    ),
    ("POST", "/api/v1/training/workshops/{id}/evaluations", 404),
    (
        "GET",
        "/api/v1/training/workshops/{id}/evaluation-results",
        200,
    ),
    ("GET", "/api/v1/training/exchange-visits", 200),
    ("GET", "/api/v1/training/exchange-visits/matrix", 200),
    ("GET", "/api/v1/training/gates", 200),
    ("POST", "/api/v1/training/gates", 201),
    ("DELETE", "/api/v1/training/gates/{role}/{action}", 204),
    ("GET", "/training/workshops/{id}", 200),
    ("POST", "/training/workshops/{id}/enrolments", 422),
    ("POST", "/training/workshops/{id}/attendance", 422),
    ("POST", "/training/workshops/{id}/dropouts", 404),
    ("POST", "/training/workshops/{id}/evaluations", 404),
    ("GET", "/training/workshops/{id}/brief/{enrolment}", 404),
    ("POST", "/training/workshops", 422),
    ("POST", "/training/gates", 422),
    ("POST", "/training/gates/lift", 422),
    ("GET", "/training/exchange-visits", 200),
    ("POST", "/training/exchange-visits", 422),
    ("POST", "/forms/import", 422),
    ("GET", "/glossary", 200),
    ("POST", "/glossary/scan", 200),
    ("POST", "/glossary", 303),
    ("GET", "/glossary/{id}/edit", 404),
    ("POST", "/glossary/{id}", 404),
    ("POST", "/glossary/{id}/review", 404),
    ("POST", "/glossary/{id}/delete", 404),
    ("GET", "/api/v1/glossary", 200),
    ("POST", "/api/v1/glossary/scan", 200),
    ("POST", "/api/v1/glossary", 201),
    ("PUT", "/api/v1/glossary/{id}", 404),
    ("POST", "/api/v1/glossary/{id}/reviews", 404),
    ("DELETE", "/api/v1/glossary/{id}", 404),
    ("GET", "/", 200),
    ("GET", "/account", 200),
    ("POST", "/account/password", 422),
    ("GET", "/account/two-factor", 200),
    ("POST", "/account/two-factor/start", 303),
    ("POST", "/account/two-factor/confirm", 422),
    ("GET", "/two-factor", 200),
    ("POST", "/two-factor", 200),
    ("GET", "/users/{id}/two-factor", 200),
    ("POST", "/users/{id}/two-factor/reset", 200),
    ("GET", "/api/v1/two-factor/roles", 200),
    ("POST", "/api/v1/two-factor/roles", 200),
    ("DELETE", "/api/v1/users/{id}/two-factor", 204),
    ("POST", "/account/language", 422),
    ("GET", "/organisations", 200),
    ("GET", "/organisations/new", 200),
    ("POST", "/organisations/new", 303),
    ("GET", "/organisations/{id}", 200),
    ("GET", "/organisations/{id}/edit", 200),
    ("POST", "/organisations/{id}/edit", 303),
    ("GET", "/organisations/{id}/users", 200),
    ("GET", "/organisations/{id}/users/new", 200),
    ("POST", "/organisations/{id}/users/new", 303),
    ("GET", "/users/{id}/edit", 200),
    ("GET", "/audit", 200),
    ("GET", "/api/v1/me", 200),
    ("GET", "/api/v1/organisations", 200),
    ("POST", "/api/v1/organisations", 201),
    ("GET", "/api/v1/organisations/{id}", 200),
    ("PUT", "/api/v1/organisations/{id}", 412),
    ("GET", "/api/v1/organisations/{id}/users", 200),
    ("POST", "/api/v1/organisations/{id}/users", 201),
    ("GET", "/api/v1/users/{id}", 200),
    ("PUT", "/api/v1/users/{id}", 412),
    ("GET", "/api/v1/audit", 200),
    ("GET", "/api/v1/indicators", 200),
    ("GET", "/indicators", 200),
    ("GET", "/api/v1/indicators.xlsx", 200),
    ("GET", "/api/v1/indicators.pdf", 200),
    ("GET", "/indicators.xlsx", 200),
    ("GET", "/indicators.pdf", 200),
    ("GET", "/indicators/cases", 200),
    ("GET", "/api/v1/exports/cases.csv", 200),
    ("GET", "/api/v1/exports/cases.xlsx", 200),
    ("GET", "/api/v1/exports/forms/{file}", 200),
    ("GET", "/api/v1/exports/workshops/{file}", 200),
    ("GET", "/api/v1/exports/training.xlsx", 200),
    ("GET", "/api/v1/exports/htcds.csv", 200),
    ("GET", "/api/v1/exports/htcds.json", 200),
    ("GET", "/exports/cases.csv", 200),
    ("GET", "/exports/cases.xlsx", 200),
    ("GET", "/exports/forms/{file}", 200),
    ("GET", "/exports/workshops/{file}", 200),
    ("GET", "/exports/training.xlsx", 200),
    ("GET", "/exports/htcds.csv", 200),
    ("GET", "/api/v1/handovers", 200),
    ("GET", "/api/v1/handovers/{id}/updates", 200),
    ("GET", "/handovers", 200),
    ("POST", "/handovers/import", 422),
    ("POST", "/api/v1/handover-packages", 422),
    ("GET", "/handovers/{id}", 200),
    ("GET", "/api/v1/handovers/{id}", 200),
    ("GET", "/api/v1/handovers/{id}/completeness", 200),
    ("GET", "/cases", 200),
    ("GET", "/cases/{id}", 200),
    ("GET", "/cases/{id}/words", 200),
    ("GET", "/cases/{id}/decisions", 200),
    ("GET", "/cases/{id}/consents", 200),
    ("GET", "/cases/{id}/documents", 200),
    ("GET", "/cases/{id}/notes", 200),
    ("GET", "/cases/{id}/journey", 200),
    ("GET", "/cases/{id}/handovers", 200),
    ("GET", "/cases/{id}/repatriation", 200),
    ("GET", "/cases/{id}/readers", 200),
    ("GET", "/cases/{id}/assessments", 200),
    ("GET", "/api/v1/cases", 200),
    ("GET", "/api/v1/cases/{id}", 200),
    ("GET", "/api/v1/cases/{id}/notes", 200),
    ("GET", "/cases/{id}/plan", 200),
    ("GET", "/cases/{id}/plan/print", 200),
    ("GET", "/cases/{id}/plan.pdf", 200),
    ("POST", "/cases/{id}/plan/approve", 422),
    ("GET", "/api/v1/cases/{id}/plan", 200),
    ("POST", "/api/v1/cases/{id}/plan/approve", 412),
    ("POST", "/cases/{id}/decisions", 303),
    ("GET", "/api/v1/cases/{id}/decisions", 200),
    ("POST", "/api/v1/cases/{id}/decisions", 201),
    ("POST", "/cases/{id}/followups/{fid}", 404),
    ("POST", "/cases/{id}/repatriation", 303),
    ("POST", "/cases/{id}/repatriation/{seq}", 303),
    ("POST", "/api/v1/cases/{id}/repatriation", 422),
    ("GET", "/api/v1/cases/{id}/repatriation", 200),
    ("POST", "/api/v1/cases/{id}/repatriation/{seq}", 200),
    ("POST", "/api/v1/cases/{id}/handovers", 201),
    ("GET", "/api/v1/cases/{id}/followups", 200),
    ("POST", "/api/v1/cases/{id}/followups/{fid}", 404),
    ("GET", "/api/v1/cases/{id}/assessments", 200),
    ("POST", "/api/v1/cases/{id}/assessments", 422),
    ("GET", "/api/v1/cases/{id}/assessments/{aid}", 404),
    ("GET", "/cases/{id}/assessments/new", 404),
    ("POST", "/cases/{id}/assessments", 422),
    ("GET", "/cases/{id}/assessments/{aid}", 404),
    ("GET", "/cases/{id}/assessments/{aid}/pdf", 404),
    ("GET", "/handovers/{id}/package", 422),
    ("GET", "/api/v1/handovers/{id}/package", 422),
    ("POST", "/cases/{id}/handovers", 303),
    ("POST", "/api/v1/handovers/{id}/send", 422),
    ("POST", "/cases/{id}/survivor", 422),
    ("POST", "/api/v1/cases/{id}/survivor", 422),
    ("GET", "/cases/new", 200),
    ("POST", "/cases/new", 303),
    ("POST", "/cases/{id}/voice", 303),
    ("POST", "/cases/{id}/stage", 303),
    ("POST", "/cases/{id}/stay", 303),
    ("GET", "/cases/{id}/identity", 200),
    ("POST", "/api/v1/cases", 201),
    ("GET", "/api/v1/cases/{id}/voice", 200),
    ("POST", "/api/v1/cases/{id}/voice", 201),
    ("POST", "/api/v1/cases/{id}/stage", 412),
    ("GET", "/api/v1/cases/{id}/identity", 200),
    ("POST", "/cases/{id}/voice/{entry}", 400),
    ("GET", "/api/v1/cases/{id}/documents", 200),
    ("POST", "/api/v1/cases/{id}/documents", 201),
    ("GET", "/api/v1/cases/{id}/documents/{doc}", 404),
    ("POST", "/cases/{id}/documents", 303),
    ("GET", "/cases/{id}/documents/{doc}", 404),
    ("POST", "/api/v1/cases/{id}/notes", 201),
    ("POST", "/cases/{id}/notes", 303),
    ("POST", "/cases/{id}/notes/{nid}/translations", 404),
    ("POST", "/api/v1/cases/{id}/notes/{nid}/translations", 404),
    ("POST", "/cases/{id}/plan/status", 409),
    ("POST", "/cases/{id}/plan/reviews", 303),
    ("PUT", "/api/v1/cases/{id}/plan", 412),
    ("POST", "/api/v1/cases/{id}/plan/reviews", 201),
    ("GET", "/cases/{id}/life-views", 200),
    ("POST", "/cases/{id}/life-views", 303),
    ("GET", "/api/v1/cases/{id}/life-views", 200),
    ("POST", "/api/v1/cases/{id}/life-views", 201),
    ("GET", "/api/v1/cases/{id}/readers", 200),
    ("POST", "/cases/{id}/consents", 303),
    ("POST", "/cases/{id}/consents/{cid}/revoke", 404),
    ("GET", "/api/v1/cases/{id}/consents", 200),
    ("POST", "/api/v1/cases/{id}/consents", 201),
    ("POST", "/api/v1/cases/{id}/consents/{cid}/revoke", 404),
    ("GET", "/api/v1/training/workshops/{id}/survivors", 200),
    ("POST", "/api/v1/training/workshops/{id}/survivors", 201),
    (
        "POST",
        "/api/v1/training/workshops/{id}/survivors/attendance",
        404,
    ),
    (
        "POST",
        "/api/v1/training/workshops/{id}/survivors/dropouts",
        404,
    ),
    ("GET", "/api/v1/training/workshops/{id}/feedback", 200),
    ("POST", "/api/v1/training/workshops/{id}/feedback", 201),
    ("POST", "/api/v1/training/peers", 422),
    ("POST", "/training/workshops/{id}/survivors", 422),
    ("POST", "/training/workshops/{id}/survivors/attendance", 422),
    ("POST", "/training/workshops/{id}/survivors/dropouts", 404),
    ("POST", "/training/workshops/{id}/feedback", 422),
    ("POST", "/training/workshops/{id}/peers", 422),
    ("GET", "/my-record", 200),
    ("POST", "/api/v1/handovers/{id}/cancel", 200),
];

/// Routes whose answer depends on the role, because the table's requests run in order: the
/// second role's save is based on a version the first role's save has replaced (409 on a page,
/// 412 in the API), or a visit the first role recorded is then a duplicate.
const ANSWERS_BY_ROLE: &[(&str, &str, Role, u16)] = &[
    // The table's POST /sign-in is a wrong password, from one address: after four the
    // throttle answers 429.
    ("POST", "/sign-in", Role::NetworkAdmin, 401),
    ("POST", "/sign-in", Role::Director, 401),
    ("POST", "/sign-in", Role::CaseWorker, 401),
    ("POST", "/sign-in", Role::Counsellor, 401),
    ("POST", "/sign-in", Role::CareGiver, 429),
    ("POST", "/sign-in", Role::Trainer, 429),
    ("POST", "/sign-in", Role::Survivor, 429),
    (
        "POST",
        "/api/v1/training/exchange-visits",
        Role::NetworkAdmin,
        201,
    ),
    (
        "POST",
        "/api/v1/training/exchange-visits",
        Role::Trainer,
        422,
    ),
    ("POST", "/users/{id}/edit", Role::NetworkAdmin, 303),
    ("POST", "/users/{id}/edit", Role::Director, 409),
    (
        "PUT",
        "/api/v1/cases/{id}/voice/{entry}",
        Role::CaseWorker,
        200,
    ),
    (
        "PUT",
        "/api/v1/cases/{id}/voice/{entry}",
        Role::Counsellor,
        412,
    ),
    ("POST", "/cases/{id}/plan/goals", Role::CaseWorker, 303),
    ("POST", "/cases/{id}/plan/goals", Role::Counsellor, 409),
    ("POST", "/cases/{id}/plan/actions", Role::CaseWorker, 303),
    ("POST", "/cases/{id}/plan/actions", Role::Counsellor, 409),
];

#[test]
fn every_answer_belongs_to_a_route_of_the_table() {
    let answers = ANSWERS
        .iter()
        .map(|(m, p, _)| (*m, *p))
        .chain(ANSWERS_BY_ROLE.iter().map(|(m, p, _, _)| (*m, *p)));
    for (method, path) in answers {
        assert!(
            TABLE.iter().any(|(m, p, _)| *m == method && *p == path),
            "{method} {path} has an answer but no entry in the table: remove it"
        );
    }
}

/// The answer the table expects for `role` on `method path`.
fn expected_answer(method: &str, path: &str, role: Role) -> Option<StatusCode> {
    ANSWERS_BY_ROLE
        .iter()
        .find(|(m, p, r, _)| *m == method && *p == path && *r == role)
        .map(|(_, _, _, s)| *s)
        .or_else(|| {
            ANSWERS
                .iter()
                .find(|(m, p, _)| *m == method && *p == path)
                .map(|(_, _, s)| *s)
        })
        .and_then(|s| StatusCode::from_u16(s).ok())
}

async fn each_route_refuses_the_roles_it_must(engine: Engine) {
    let h = Harness::new(engine).await;
    let case = h.case().await;
    let handover = h.handover(case.0).await;
    let mut refused = 0;
    for (username, role) in PEOPLE {
        let mut page_client = h.client().signed_in(username).await;
        let mut api_client = h.client();
        api_client.bearer = Some(h.token(username).await);
        for (method, path, access) in TABLE {
            let client = if path.starts_with("/api/") {
                &mut api_client
            } else {
                &mut page_client
            };
            let allowed = match access {
                Access::Public | Access::SignedIn => true,
                Access::Roles(roles) => roles.contains(role),
                Access::Case { act, .. } => act.contains(role),
            };
            let hidden = matches!(access, Access::Case { see, .. } if !see.contains(role));
            if *path == "/sign-out" {
                continue; // would end the session the rest of the table needs; tested below
            }
            let reply = call(&h, case, handover, client, method, path).await;
            if hidden {
                assert_eq!(
                    reply.status,
                    StatusCode::NOT_FOUND,
                    "{username} ({role}) must not even see {method} {path}: {}",
                    reply.body
                );
                refused += 1;
            } else if allowed {
                // Allowed, and answered: not refused, not broken, and exactly what `ANSWERS`
                // says this role gets. Each API answer is also held to the statuses its
                // OpenAPI operation lists (tests/common/openapi.rs).
                // A public route's own refusals are answers too (a wrong password on
                // POST /sign-in is 401), held to `ANSWERS` below like every other.
                assert!(
                    matches!(access, Access::Public)
                        || reply.status != StatusCode::FORBIDDEN
                            && reply.status != StatusCode::UNAUTHORIZED
                            && !reply.status.is_server_error(),
                    "{username} ({role}) must be allowed {method} {path}, got {}: {}",
                    reply.status,
                    reply.body
                );
                let expected = expected_answer(method, path, *role);
                assert_eq!(
                    Some(reply.status),
                    expected,
                    "{username} ({role}) {method} {path}: the allowed answer changed (add it to \
                     ANSWERS if the route is new): {}",
                    reply.body
                );
            } else {
                assert_eq!(
                    reply.status,
                    StatusCode::FORBIDDEN,
                    "{username} ({role}) {method} {path}: {}",
                    reply.body
                );
                assert_eq!(
                    reply.problem().as_deref(),
                    Some("forbidden"),
                    "{username} {method} {path}: refused for the wrong reason"
                );
                refused += 1;
            }
        }
    }
    assert!(refused > 60, "only {refused} refusals tried");
    h.finish().await;
}

async fn without_sign_in_pages_send_to_sign_in_and_the_api_says_401(engine: Engine) {
    let h = Harness::new(engine).await;
    let case = h.case().await;
    let handover = h.handover(case.0).await;
    let mut client = h.client();
    for (method, path, access) in TABLE {
        if matches!(access, Access::Public) {
            let reply = call(&h, case, handover, &mut client, method, path).await;
            assert_ne!(reply.status, StatusCode::FORBIDDEN, "{method} {path}");
            continue;
        }
        let reply = call(&h, case, handover, &mut client, method, path).await;
        if path.starts_with("/api/") {
            assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{method} {path}");
            assert_eq!(
                reply.header("content-type"),
                Some("application/problem+json")
            );
        } else {
            assert_eq!(reply.status, StatusCode::SEE_OTHER, "{method} {path}");
            assert_eq!(
                reply.header("location"),
                Some("/sign-in"),
                "{method} {path}"
            );
        }
    }
    h.finish().await;
}

async fn a_director_cannot_reach_another_organisation(engine: Engine) {
    let h = Harness::new(engine).await;
    let mumbai = h.org("Asha Niketan, Mumbai").await;
    let mumbai_worker = h.user("caseworker.mumbai").await;
    let mut pages = h.client().signed_in("director.kolkata").await;
    let mut api = h.client();
    api.bearer = Some(h.token("director.kolkata").await);
    for path in [
        format!("/organisations/{mumbai}/users"),
        format!("/organisations/{mumbai}/users/new"),
        format!("/users/{}/edit", mumbai_worker.id),
    ] {
        let reply = pages.get(&path).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{path}");
    }
    let reply = pages
        .post_form(
            &format!("/organisations/{mumbai}/users/new"),
            &[
                ("username", "intruder"),
                ("roles", "director"),
                ("password", "a long new password for her"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    for path in [
        format!("/api/v1/organisations/{mumbai}/users"),
        format!("/api/v1/users/{}", mumbai_worker.id),
    ] {
        let reply = api.get(&path).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{path}");
        assert_eq!(reply.json()["code"], "forbidden");
    }
    assert!(
        h.store
            .user_by_username(&"intruder".parse().unwrap())
            .await
            .unwrap()
            .is_none()
    );
    h.finish().await;
}

async fn a_director_cannot_make_a_network_admin(engine: Engine) {
    let h = Harness::new(engine).await;
    let kolkata = h.kolkata().await;
    let mut api = h.client();
    api.bearer = Some(h.token("director.kolkata").await);
    let reply = api
        .json(
            Method::POST,
            &format!("/api/v1/organisations/{kolkata}/users"),
            &json!({"username": "would.be.admin", "roles": ["network-admin"], "password": "a long new password for her"}),
            &[],
        )
        .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN, "{}", reply.body);
    let counsellor = h.user("counsellor.kolkata").await;
    let reply = api
        .json(
            Method::PUT,
            &format!("/api/v1/users/{}", counsellor.id),
            &json!({"roles": ["counsellor", "network-admin"], "language": "en", "active": true}),
            &[("if-match", &format!("\"{}\"", counsellor.version))],
        )
        .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN, "{}", reply.body);
    assert!(
        !h.user("counsellor.kolkata")
            .await
            .roles
            .contains(Role::NetworkAdmin)
    );
    h.finish().await;
}

/// A director administers only people she could have made: the network admin of her own
/// organisation is out of her reach on every route that changes an account; her counsellor is
/// not.
async fn a_director_cannot_change_or_deactivate_the_network_admin(engine: Engine) {
    let h = Harness::new(engine).await;
    let admin = h.user("admin").await;
    let counsellor = h.user("counsellor.kolkata").await;
    assert_eq!(admin.org_id, counsellor.org_id, "the same organisation");
    let mut pages = h.client().signed_in("director.kolkata").await;
    let mut api = h.client();
    api.bearer = Some(h.token("director.kolkata").await);

    let edit = format!("/users/{}/edit", admin.id);
    let list = pages
        .get(&format!("/organisations/{}/users", admin.org_id))
        .await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(!list.body.contains(&edit), "no link to what she may not do");
    assert!(
        list.body
            .contains(&format!("/users/{}/edit", counsellor.id))
    );
    let reply = pages.get(&edit).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert_eq!(reply.problem().as_deref(), Some("forbidden"));
    pages.get("/").await; // a page with a form, for the CSRF token
    let reply = pages
        .post_form(
            &edit,
            &[
                ("roles", "network-admin"),
                ("language", "en"),
                ("version", &admin.version.to_string()),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN, "deactivating her");
    assert_eq!(reply.problem().as_deref(), Some("forbidden"));
    let reply = api
        .json(
            Method::PUT,
            &format!("/api/v1/users/{}", admin.id),
            &json!({"roles": ["network-admin"], "language": "en", "active": false}),
            &[("if-match", &format!("\"{}\"", admin.version))],
        )
        .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN, "{}", reply.body);
    assert_eq!(reply.json()["code"], "forbidden");
    assert_eq!(h.user("admin").await, admin, "nothing changed");

    // The allowed path, with its exact answers.
    let edit = format!("/users/{}/edit", counsellor.id);
    assert_eq!(pages.get(&edit).await.status, StatusCode::OK);
    let reply = pages
        .post_form(
            &edit,
            &[
                ("roles", "counsellor"),
                ("language", "en"),
                ("active", "on"),
                ("version", &counsellor.version.to_string()),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let current = h.user("counsellor.kolkata").await;
    let reply = api
        .json(
            Method::PUT,
            &format!("/api/v1/users/{}", counsellor.id),
            &json!({"roles": ["counsellor"], "language": "en", "active": false}),
            &[("if-match", &format!("\"{}\"", current.version))],
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert!(!h.user("counsellor.kolkata").await.active);

    // Resetting her password is the same question, asked by the same service.
    let director = h.user("director.kolkata").await;
    let origin = app::Acting {
        actor: Some(domain::policy::Actor {
            user_id: director.id,
            org_id: director.org_id,
            roles: director.roles.clone(),
            training: Default::default(),
        }),
        source: "test".into(),
        at: crate::common::T0,
    };
    let reset =
        app::accounts::set_password(&h.store, &origin, &admin, "nodir-dhare-bari-amar").await;
    assert_eq!(
        reset,
        Err(app::Error::Forbidden(
            domain::policy::DenyReason::RoleNotAllowed
        ))
    );
    let reset =
        app::accounts::set_password(&h.store, &origin, &current, "nodir-dhare-bari-amar").await;
    assert_eq!(reset, Ok(()));

    // The network admin may administer the director.
    let mut admin_pages = h.client().signed_in("admin").await;
    let edit = format!("/users/{}/edit", director.id);
    assert_eq!(admin_pages.get(&edit).await.status, StatusCode::OK);
    h.finish().await;
}

/// `/indicators/cases` serves every list behind a figure (`?figure=KEY`): each list answers each
/// role exactly as the route's entry says (the table probes it without a figure, R1a's list).
/// The network admin is refused every list, as every role but her director.
async fn every_list_behind_a_figure_answers_each_role_as_its_route(engine: Engine) {
    let h = Harness::new(engine).await;
    let path = "/indicators/cases";
    let Some((_, _, Access::Roles(roles))) =
        TABLE.iter().find(|(m, p, _)| *m == "GET" && *p == path)
    else {
        panic!("{path} is in the table, allowed to some roles");
    };
    let mut tried = 0;
    for (username, role) in PEOPLE {
        let mut client = h.client().signed_in(username).await;
        for list in app::indicators::cases::CaseList::ALL {
            let reply = client
                .get(&format!("{path}?figure={}&period=2026-Q3", list.key()))
                .await;
            if roles.contains(role) {
                assert_eq!(
                    Some(reply.status),
                    expected_answer("GET", path, *role),
                    "{username} ({role}) {}: {}",
                    list.key(),
                    reply.body
                );
            } else {
                assert_eq!(
                    reply.status,
                    StatusCode::FORBIDDEN,
                    "{username} ({role}) {}",
                    list.key()
                );
                assert_eq!(reply.problem().as_deref(), Some("forbidden"));
            }
            tried += 1;
        }
    }
    assert_eq!(
        tried,
        PEOPLE.len() * app::indicators::cases::CaseList::ALL.len()
    );
    assert!(!roles.contains(&Role::NetworkAdmin));
    h.finish().await;
}

on_both_engines!(
    every_list_behind_a_figure_answers_each_role_as_its_route,
    a_director_cannot_change_or_deactivate_the_network_admin,
    each_route_refuses_the_roles_it_must,
    without_sign_in_pages_send_to_sign_in_and_the_api_says_401,
    a_director_cannot_reach_another_organisation,
    a_director_cannot_make_a_network_admin,
);
