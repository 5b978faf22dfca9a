//! Holds every API response a test receives to the OpenAPI document the server serves: the
//! operation (found by method and path template) must list the status, and a JSON body must
//! match the schema declared for it. A small validator of the subset utoipa emits (`$ref`,
//! `type` with `null`, `enum`, `required`, `properties`, `additionalProperties`, `items`,
//! `oneOf`/`anyOf`/`allOf`, lengths, bounds and the uuid/date/date-time formats), so the tests
//! need no JSON Schema crate.

use std::sync::OnceLock;

use axum::http::{HeaderMap, Method, StatusCode};
use serde_json::Value;

fn document() -> &'static Value {
    static DOCUMENT: OnceLock<Value> = OnceLock::new();
    DOCUMENT.get_or_init(saathi_web::openapi::document)
}

/// The operation for `method` on `path` (without its query), preferring the template with
/// the most literal segments (`/forms/xlsform` over `/forms/{key}`).
fn operation(method: &Method, path: &str) -> Option<(&'static str, &'static Value)> {
    let segments: Vec<&str> = path.split('/').collect();
    let mut best: Option<(usize, &'static str, &'static Value)> = None;
    for (template, item) in document()["paths"].as_object()? {
        let parts: Vec<&str> = template.split('/').collect();
        if parts.len() != segments.len() {
            continue;
        }
        let mut literal = 0;
        let matches = parts.iter().zip(&segments).all(|(t, s)| {
            if t.starts_with('{') && t.ends_with('}') {
                !s.is_empty()
            } else if t == s {
                literal += 1;
                true
            } else {
                false
            }
        });
        let Some(op) = item.get(method.as_str().to_lowercase()) else {
            continue;
        };
        if matches && best.is_none_or(|(n, _, _)| literal > n) {
            best = Some((literal, template.as_str(), op));
        }
    }
    best.map(|(_, t, op)| (t, op))
}

/// Panics, naming the request, unless the response is one the document allows.
pub fn check(method: &Method, uri: &str, status: StatusCode, headers: &HeaderMap, body: &[u8]) {
    let path = uri.split('?').next().unwrap_or(uri);
    if !path.starts_with("/api/") {
        return;
    }
    let Some((template, op)) = operation(method, path) else {
        // No such operation: the router's own 404 or 405, which the document cannot list.
        assert!(
            matches!(
                status,
                StatusCode::NOT_FOUND | StatusCode::METHOD_NOT_ALLOWED
            ),
            "{method} {uri} is no operation of the document, yet answered {status}"
        );
        return;
    };
    let what = format!("{method} {uri} ({template}) answered {status}");
    let response = op["responses"]
        .get(status.as_str())
        .unwrap_or_else(|| panic!("{what}, a status the document does not list"));
    let response = resolve(response);
    let media = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .map(|v| v.split(';').next().unwrap_or(v).trim().to_string());
    let Some(content) = response.get("content").and_then(Value::as_object) else {
        assert!(
            body.is_empty(),
            "{what} with a body, but the document declares none"
        );
        return;
    };
    let Some(media) = media else {
        panic!("{what} without a content type; the document declares {content:?}");
    };
    // The media type itself, else a range that covers it (`image/*`, `*/*`).
    let range = format!("{}/*", media.split('/').next().unwrap_or_default());
    let declared = [media.as_str(), range.as_str(), "*/*"]
        .iter()
        .find_map(|m| content.get(*m))
        .unwrap_or_else(|| {
            panic!(
                "{what} as {media}; the document declares {:?}",
                content.keys()
            )
        });
    // A compressed body is checked by the test that asked for compression, not here.
    if (media == "application/json" || media.ends_with("+json"))
        && !headers.contains_key("content-encoding")
    {
        let value: Value = serde_json::from_slice(body)
            .unwrap_or_else(|e| panic!("{what}: the body is not JSON ({e})"));
        let mut errors = Vec::new();
        validate(&declared["schema"], &value, "$", &mut errors);
        assert!(
            errors.is_empty(),
            "{what}: the body breaks the document:\n  {}\nbody: {value}",
            errors.join("\n  ")
        );
    }
}

/// Follows a `$ref` into the components.
fn resolve(value: &Value) -> &Value {
    let mut value = value;
    while let Some(reference) = value.get("$ref").and_then(Value::as_str) {
        let mut target = document();
        for part in reference.trim_start_matches("#/").split('/') {
            target = &target[part];
        }
        assert!(
            !target.is_null(),
            "the document refers to {reference}, which it lacks"
        );
        value = target;
    }
    value
}

fn type_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn validate(schema: &Value, value: &Value, at: &str, errors: &mut Vec<String>) {
    check_value(schema, value, at, true, errors);
}

/// `strict`: an object's members must all be described by `properties` (off inside `allOf`,
/// where each part describes some of them).
fn check_value(schema: &Value, value: &Value, at: &str, strict: bool, errors: &mut Vec<String>) {
    let schema = resolve(schema);
    if let Some(types) = schema.get("type") {
        let allowed: Vec<&str> = match types {
            Value::String(t) => vec![t.as_str()],
            Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        let actual = type_of(value);
        let ok = allowed
            .iter()
            .any(|t| *t == actual || (*t == "number" && actual == "integer"));
        if !ok {
            errors.push(format!("{at}: {actual}, not {allowed:?}"));
            return;
        }
    }
    if let Some(choices) = schema.get("enum").and_then(Value::as_array)
        && !choices.contains(value)
    {
        errors.push(format!("{at}: {value} is not one of {choices:?}"));
    }
    for (key, any) in [("oneOf", false), ("anyOf", true)] {
        if let Some(options) = schema.get(key).and_then(Value::as_array) {
            let passing = options
                .iter()
                .filter(|o| {
                    let mut e = Vec::new();
                    validate(o, value, at, &mut e);
                    e.is_empty()
                })
                .count();
            if passing == 0 || (!any && passing > 1) {
                errors.push(format!(
                    "{at}: {passing} of the {key} schemas match {value}"
                ));
            }
        }
    }
    if let Some(all) = schema.get("allOf").and_then(Value::as_array) {
        for s in all {
            check_value(s, value, at, false, errors);
        }
    }
    match value {
        Value::Object(members) => {
            let properties = schema.get("properties").and_then(Value::as_object);
            if let Some(required) = schema.get("required").and_then(Value::as_array) {
                for name in required.iter().filter_map(Value::as_str) {
                    if !members.contains_key(name) {
                        errors.push(format!("{at}: required member {name} is missing"));
                    }
                }
            }
            for (name, member) in members {
                let place = format!("{at}.{name}");
                match (
                    properties.and_then(|p| p.get(name)),
                    schema.get("additionalProperties"),
                ) {
                    (Some(s), _) => validate(s, member, &place, errors),
                    (None, Some(Value::Bool(false))) => {
                        errors.push(format!("{place}: a member the schema does not allow"));
                    }
                    (None, Some(s)) if s.is_object() => validate(s, member, &place, errors),
                    // With `properties`, a member not among them is one the document does not
                    // describe: hold the types to what they say.
                    (None, _) if strict && properties.is_some() => {
                        errors.push(format!("{place}: a member the document does not describe"));
                    }
                    _ => {}
                }
            }
        }
        Value::Array(items) => {
            if let Some(item) = schema.get("items") {
                for (i, v) in items.iter().enumerate() {
                    validate(item, v, &format!("{at}[{i}]"), errors);
                }
            }
            if let Some(n) = schema.get("minItems").and_then(Value::as_u64)
                && (items.len() as u64) < n
            {
                errors.push(format!("{at}: fewer than {n} items"));
            }
            if let Some(n) = schema.get("maxItems").and_then(Value::as_u64)
                && (items.len() as u64) > n
            {
                errors.push(format!("{at}: more than {n} items"));
            }
        }
        Value::String(text) => {
            let chars = text.chars().count() as u64;
            if let Some(n) = schema.get("minLength").and_then(Value::as_u64)
                && chars < n
            {
                errors.push(format!("{at}: shorter than {n}"));
            }
            if let Some(n) = schema.get("maxLength").and_then(Value::as_u64)
                && chars > n
            {
                errors.push(format!("{at}: longer than {n}"));
            }
            let ok = match schema.get("format").and_then(Value::as_str) {
                Some("uuid") => uuid::Uuid::parse_str(text).is_ok(),
                Some("date") => domain::voice::parse_date(text).is_ok(),
                // RFC 3339: a date, `T`, a time, and `Z` or an offset.
                Some("date-time") => {
                    text.len() > 19
                        && text.is_char_boundary(10)
                        && domain::voice::parse_date(&text[..10]).is_ok()
                        && text[10..].starts_with('T')
                        && (text.ends_with('Z') || text[19..].contains(['+', '-']))
                }
                _ => true,
            };
            if !ok {
                errors.push(format!(
                    "{at}: {text:?} is not of format {}",
                    schema["format"]
                ));
            }
        }
        Value::Number(n) => {
            if let (Some(min), Some(x)) =
                (schema.get("minimum").and_then(Value::as_f64), n.as_f64())
                && x < min
            {
                errors.push(format!("{at}: {x} is below {min}"));
            }
            if let (Some(max), Some(x)) =
                (schema.get("maximum").and_then(Value::as_f64), n.as_f64())
                && x > max
            {
                errors.push(format!("{at}: {x} is above {max}"));
            }
        }
        _ => {}
    }
}
