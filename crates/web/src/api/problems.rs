//! The error answers an operation declares in the OpenAPI document. Each is a type so that a
//! route lists the ones it can really give (`responses(.., NotFound, Stale)`), and each status
//! says what it means on that route: a 409 on an organisation is a taken name, on a package a
//! record already here. Every one is `application/problem+json` with the [`Problem`] schema.
//!
//! [`Problem`]: super::Problem

use std::collections::BTreeMap;

use utoipa::openapi::content::Content;
use utoipa::openapi::response::{Response, ResponseBuilder};
use utoipa::openapi::{Ref, RefOr};

use super::PROBLEM_JSON;

/// One problem+json response, for `IntoResponses`.
fn problem(status: u16, description: &str) -> BTreeMap<String, RefOr<Response>> {
    let response = ResponseBuilder::new()
        .description(description)
        .content(
            PROBLEM_JSON,
            Content::new(Some(Ref::from_schema_name("Problem"))),
        )
        .build();
    BTreeMap::from([(status.to_string(), RefOr::T(response))])
}

macro_rules! problems {
    ($($(#[$doc:meta])* $name:ident = $status:literal, $description:literal;)*) => {
        $(
            $(#[$doc])*
            pub struct $name;

            impl utoipa::IntoResponses for $name {
                fn responses() -> BTreeMap<String, RefOr<Response>> {
                    problem($status, $description)
                }
            }
        )*
    };
}

problems! {
    /// Every route but the document itself.
    Unauthorized = 401, "No valid bearer token (missing, unknown, expired or revoked).";
    /// The policy said no.
    Forbidden = 403, "The policy refuses this to the token's user.";
    /// An action a training gate may hold back.
    ForbiddenOrGated = 403, "The policy refuses this to the token's user, or a training gate asks for a workshop first (`code` is `training-required` and `workshop` names it).";
    /// A path naming a record.
    NotFound = 404, "No such record, or one the caller may not see.";
    /// A JSON body that serde refused.
    Malformed = 400, "The body is not JSON of this shape (not JSON, a member not known here, a value of the wrong type); `reason` says what.";
    /// A query parameter of the wrong type or value.
    BadQuery = 400, "A query parameter is not of its type; `reason` says which.";
    /// A body, or a step number in the path, that could not be read.
    MalformedOrBadSeq = 400, "The body is not JSON of this shape, or `seq` is not a whole number; `reason` says what.";
    /// A JSON body over axum's limit.
    BodyTooLarge = 413, "The body is larger than this route takes; nothing was written.";
    /// A document over 10 MB.
    DocumentTooLarge = 413, "The file is over 10 MB; nothing was written.";
    /// A package or XLSForm over 64 MiB.
    FileTooLarge = 413, "The file is larger than 64 MiB; nothing was written.";
    /// Fields the service refused.
    Invalid = 422, "Fields are wrong; `errors` lists each, with its field and a message in the caller's language.";
    /// A stale `If-Match`.
    Stale = 412, "The record changed since that ETag; nothing was overwritten. `current_etag` is the version now.";
    /// No `If-Match`.
    IfMatchMissing = 428, "If-Match is missing: read the record first and send its ETag.";
    /// An organisation's unique name.
    NameTaken = 409, "An organisation with that name already exists.";
    /// A user's unique username.
    UsernameTaken = 409, "That username is already taken.";
    /// A handover that is no longer a draft.
    NotDraft = 409, "Only a draft can be cancelled: this handover has already been sent.";
    /// A record in a package that this server already holds.
    AlreadyHere = 409, "A voice entry, document or record in the package is already on this server; nothing was written.";
}
