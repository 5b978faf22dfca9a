//! The few cookies Saathi sets, and reading them back.

use axum::http::HeaderMap;
use axum::http::header::COOKIE;

pub const SESSION: &str = "saathi_session";
pub const CSRF: &str = "saathi_csrf";
pub const LANGUAGE: &str = "saathi_lang";
/// A right password waiting for its second factor (minutes only).
pub const PENDING: &str = "saathi_pending";

/// The value of cookie `name`, if the request carries it.
pub fn get(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_string())
}

/// A `Set-Cookie` value: always HttpOnly and SameSite=Strict, Secure when served over TLS.
pub fn set(name: &str, value: &str, max_age_seconds: Option<i64>, secure: bool) -> String {
    let mut cookie = format!("{name}={value}; Path=/; HttpOnly; SameSite=Strict");
    if let Some(age) = max_age_seconds {
        cookie.push_str(&format!("; Max-Age={age}"));
    }
    if secure {
        cookie.push_str("; Secure");
    }
    cookie
}

/// A `Set-Cookie` value that removes the cookie.
pub fn clear(name: &str, secure: bool) -> String {
    set(name, "", Some(0), secure)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn cookies_are_found_among_others() {
        let mut headers = HeaderMap::new();
        headers.insert(COOKIE, HeaderValue::from_static("a=1; saathi_lang=bn; b=2"));
        assert_eq!(get(&headers, LANGUAGE).as_deref(), Some("bn"));
        assert_eq!(get(&headers, SESSION), None);
    }

    #[test]
    fn cookies_are_strict_and_http_only() {
        let c = set(SESSION, "x", None, true);
        assert!(c.contains("HttpOnly") && c.contains("SameSite=Strict") && c.contains("Secure"));
    }
}
