//! Two-factor sign-in (TOTP, RFC 6238): enrolment from *My account*, the code after the
//! password, one-time recovery codes, the roles the network admin requires it of, and the reset
//! when someone loses her phone. Shared by the pages and the API.
//!
//! Codes are six digits over 30-second steps with HMAC-SHA1 (what every authenticator app
//! reads from the QR code), accepted one step either side of now, and never twice: the store
//! keeps the newest step accepted for each person. API tokens are for machines and carry no
//! second factor.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use domain::audit::AuditAction;
use domain::policy::{Action, Resource};
use domain::{Role, Timestamp, User, UserId};
use rand_core::{OsRng, RngCore};
use store::Store;
use totp_rs::{Algorithm, Builder, Secret, Totp};

use crate::Acting;
use crate::token::{hash_secret, random_hex};
use crate::{Error, FieldError};

/// Digits of a code.
pub const DIGITS: u8 = 6;
/// Seconds in a step.
pub const STEP_SECONDS: u64 = 30;
/// Recovery codes given at enrolment.
pub const RECOVERY_CODES: usize = 10;
/// How long the code page waits after a right password.
pub const PENDING_SECONDS: i64 = 5 * 60;
/// The name an authenticator app shows above her code.
pub const ISSUER: &str = "Saathi";

/// The one place where a TOTP secret becomes the text handed to the store (and [`open_secret`]
/// the way back). The store seals that text with the server's key file, when it has one, as
/// it does the organisations' keys (decision 0005).
pub fn seal_secret(secret: &[u8]) -> String {
    Secret::from(secret.to_vec()).to_base32()
}

/// The secret back from what [`seal_secret`] wrote.
pub fn open_secret(stored: &str) -> Result<Vec<u8>, Error> {
    Secret::try_from_base32(stored)
        .map(|s| s.as_bytes().to_vec())
        .map_err(|_| Error::internal("a stored TOTP secret does not read"))
}

/// A new secret of 160 bits (RFC 4226 §4 recommends that length).
pub fn new_secret() -> Vec<u8> {
    let mut bytes = vec![0_u8; 20];
    OsRng.fill_bytes(&mut bytes);
    bytes
}

fn totp(secret: &[u8], digits: u8, account: &str) -> Result<Totp, Error> {
    Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(digits)
        .with_skew(1)
        .with_step_duration(STEP_SECONDS)
        .with_secret(secret.to_vec())
        .with_issuer(Some(ISSUER))
        .with_account_name(account)
        .build()
        .map_err(|e| Error::internal(format!("TOTP: {e}")))
}

/// The step whose code `code` is, within one step of `unix_seconds`, for codes of `digits`.
fn step_of(secret: &[u8], code: &str, unix_seconds: u64, digits: u8) -> Option<i64> {
    // Her phone's keyboard may type the code in Bengali or Devanagari digits.
    let code: String = domain::text::ascii_digits(code)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if code.len() != usize::from(digits) || !code.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let totp = totp(secret, digits, "check").ok()?;
    totp.check(&code, unix_seconds)
        .and_then(|step| i64::try_from(step).ok())
}

/// The step of a six-digit code typed at `now`, one step either side; `None` when it is no
/// code of hers.
pub fn matching_step(secret: &[u8], code: &str, now: Timestamp) -> Option<i64> {
    let seconds = u64::try_from(now.millis() / 1000).ok()?;
    step_of(secret, code, seconds, DIGITS)
}

/// Whether the text is shaped like an authenticator code rather than a recovery code.
pub fn looks_like_code(text: &str) -> bool {
    let digits: Vec<char> = domain::text::ascii_digits(text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    digits.len() == usize::from(DIGITS) && digits.iter().all(char::is_ascii_digit)
}

/// The `otpauth://` address an authenticator app reads from the QR code.
pub fn otpauth_uri(secret: &[u8], username: &str) -> Result<String, Error> {
    totp(secret, DIGITS, username)?
        .to_url()
        .map_err(|e| Error::internal(format!("otpauth URI: {e}")))
}

/// The QR code of `text` as an inline `<svg>` element (no XML declaration), black on white.
pub fn qr_svg(text: &str) -> Result<String, Error> {
    let code = qrcode::QrCode::new(text.as_bytes())
        .map_err(|e| Error::internal(format!("QR code: {e}")))?;
    let svg = code
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(220, 220)
        .max_dimensions(260, 260)
        .build();
    let start = svg.find("<svg").unwrap_or(0);
    Ok(svg[start..].to_string())
}

/// The secret as she may type it into her app: base32 in groups of four.
pub fn secret_for_typing(secret: &[u8]) -> String {
    let text = seal_secret(secret);
    text.as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Letters and digits that cannot be mistaken for one another when written down.
const RECOVERY_ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";

/// Ten new recovery codes, `xxxxx-xxxxx` (about 49 bits each).
pub fn new_recovery_codes() -> Vec<String> {
    (0..RECOVERY_CODES)
        .map(|_| {
            let mut bytes = [0_u8; 10];
            OsRng.fill_bytes(&mut bytes);
            let chars: String = bytes
                .iter()
                .map(|b| char::from(RECOVERY_ALPHABET[usize::from(*b) % RECOVERY_ALPHABET.len()]))
                .collect();
            format!("{}-{}", &chars[..5], &chars[5..])
        })
        .collect()
}

/// The hash kept for a recovery code, however she typed it (case, spaces, dashes).
pub fn recovery_hash(code: &str) -> String {
    let normal: String = code
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    hash_secret(&format!("saathi-recovery:{normal}"))
}

fn wrong_code() -> Error {
    Error::Invalid(vec![FieldError {
        field: "code".into(),
        message_id: "twofactor-code-wrong",
        english: "the code is not right".into(),
    }])
}

/// Whether one of her roles must sign in with a second factor.
pub async fn required_of(store: &Arc<dyn Store>, user: &User) -> Result<bool, Error> {
    let roles = store.two_factor_roles().await?;
    Ok(roles.iter().any(|r| user.roles.contains(*r)))
}

/// Whether she has a confirmed authenticator.
pub async fn enrolled(store: &Arc<dyn Store>, user: UserId) -> Result<bool, Error> {
    Ok(store.totp(user).await?.is_some_and(|t| t.confirmed()))
}

/// What the enrolment page shows while she has not confirmed: the QR code and the secret.
pub struct Enrolment {
    pub qr_svg: String,
    pub secret: String,
}

/// Starts (or starts again) her enrolment with a new secret; refused when she has one already.
pub async fn begin(store: &Arc<dyn Store>, user: &User, at: Timestamp) -> Result<(), Error> {
    match store
        .begin_totp(user.id, &seal_secret(&new_secret()), at)
        .await
    {
        Err(store::StoreError::Duplicate(_)) => Err(Error::Invalid(vec![FieldError {
            field: "code".into(),
            message_id: "twofactor-already-on",
            english: "a second factor is on already".into(),
        }])),
        other => Ok(other?),
    }
}

/// Her enrolment waiting for a code, if any.
pub async fn pending_enrolment(
    store: &Arc<dyn Store>,
    user: &User,
) -> Result<Option<Enrolment>, Error> {
    let Some(record) = store.totp(user.id).await? else {
        return Ok(None);
    };
    if record.confirmed() {
        return Ok(None);
    }
    let secret = open_secret(&record.secret)?;
    let uri = otpauth_uri(&secret, user.username.as_str())?;
    Ok(Some(Enrolment {
        qr_svg: qr_svg(&uri)?,
        secret: secret_for_typing(&secret),
    }))
}

/// Confirms her enrolment with a code from her app; answers the recovery codes to show her once.
/// A wrong code is audited and answered `Invalid` on the `code` field.
pub async fn confirm(
    store: &Arc<dyn Store>,
    acting: &Acting,
    user: &User,
    code: &str,
) -> Result<Vec<String>, Error> {
    let record = store
        .totp(user.id)
        .await?
        .filter(|r| !r.confirmed())
        .ok_or(Error::NotFound)?;
    let secret = open_secret(&record.secret)?;
    let Some(step) = matching_step(&secret, code, acting.at) else {
        failed(store, acting, user, "enrolment").await?;
        return Err(wrong_code());
    };
    let codes = new_recovery_codes();
    let hashes: Vec<String> = codes.iter().map(|c| recovery_hash(c)).collect();
    let event = acting.event(
        AuditAction::TwoFactorEnrolled,
        format!("user:{}", user.id),
        Some(user.org_id),
    );
    store.confirm_totp(user.id, step, &hashes, event).await?;
    Ok(codes)
}

/// How a sign-in's second step was passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Passed {
    Code,
    RecoveryCode,
}

/// Checks a code (or a recovery code) typed after her password. A wrong one is audited and
/// answered `Ok(None)`; a code of a step already used is wrong too.
pub async fn check(
    store: &Arc<dyn Store>,
    acting: &Acting,
    user: &User,
    typed: &str,
) -> Result<Option<Passed>, Error> {
    let Some(record) = store.totp(user.id).await?.filter(|r| r.confirmed()) else {
        return Ok(None);
    };
    let passed = if looks_like_code(typed) {
        let secret = open_secret(&record.secret)?;
        match matching_step(&secret, typed, acting.at) {
            Some(step) if store.use_totp_step(user.id, step).await? => Some(Passed::Code),
            _ => None,
        }
    } else {
        let event = acting.event(
            AuditAction::TwoFactorRecoveryUsed,
            format!("user:{}", user.id),
            Some(user.org_id),
        );
        store
            .use_recovery_code(user.id, &recovery_hash(typed), event)
            .await?
            .then_some(Passed::RecoveryCode)
    };
    if passed.is_none() {
        failed(store, acting, user, "sign-in").await?;
    }
    Ok(passed)
}

async fn failed(
    store: &Arc<dyn Store>,
    acting: &Acting,
    user: &User,
    during: &str,
) -> Result<(), Error> {
    let event = acting
        .event(
            AuditAction::TwoFactorFailed,
            format!("user:{}", user.id),
            Some(user.org_id),
        )
        .with_detail(crate::accounts::detail(&[("during", during)]));
    Ok(store.append_audit(event).await?)
}

/// Removes her second factor (she lost her phone): her director, or the network admin for a
/// director or network admin. She enrols again when her role requires it.
pub async fn reset(store: &Arc<dyn Store>, acting: &Acting, target: &User) -> Result<(), Error> {
    check_reset(acting, target)?;
    let event = acting.event(
        AuditAction::TwoFactorReset,
        format!("user:{}", target.id),
        Some(target.org_id),
    );
    Ok(store.reset_two_factor(target.id, event).await?)
}

/// The policy for seeing and resetting `target`'s second factor, for each of her roles.
pub fn check_reset(acting: &Acting, target: &User) -> Result<(), Error> {
    let resource = Resource::User {
        id: target.id,
        org: target.org_id,
    };
    for role in target.roles.iter() {
        acting.check(Action::ResetTwoFactor(role), resource)?;
    }
    Ok(())
}

/// Replaces the roles that must sign in with a second factor (the network admin).
pub async fn set_required_roles(
    store: &Arc<dyn Store>,
    acting: &Acting,
    roles: &[Role],
) -> Result<Vec<Role>, Error> {
    acting.check(Action::RequireTwoFactor, Resource::Network)?;
    let mut roles = roles.to_vec();
    roles.sort_by_key(|r| r.as_str());
    roles.dedup();
    let list: Vec<&str> = roles.iter().map(|r| r.as_str()).collect();
    let event = acting
        .event(AuditAction::TwoFactorRolesSet, "network".into(), None)
        .with_detail(serde_json::json!({ "roles": list }).to_string());
    store.set_two_factor_roles(&roles, event).await?;
    Ok(roles)
}

/// A password accepted, a code not yet typed: kept in memory for [`PENDING_SECONDS`] under the
/// hash of a random cookie value. A restart forgets it; she types her password again.
#[derive(Debug, Clone)]
pub struct Pending {
    pub user_id: UserId,
    pub username: String,
    /// Her own language: the code page speaks it (unless `?lang=` asks for another).
    pub language: domain::Language,
    pub expires_at: Timestamp,
}

#[derive(Debug, Default)]
pub struct PendingSignIns {
    waiting: Mutex<HashMap<String, Pending>>,
}

impl PendingSignIns {
    /// Remembers her password step; answers the cookie value.
    pub fn start(&self, user: &User, now: Timestamp) -> String {
        let cookie = random_hex();
        if let Ok(mut waiting) = self.waiting.lock() {
            waiting.retain(|_, p| p.expires_at > now);
            waiting.insert(
                hash_secret(&cookie),
                Pending {
                    user_id: user.id,
                    username: user.username.to_string(),
                    language: user.language,
                    expires_at: now.plus_seconds(PENDING_SECONDS),
                },
            );
        }
        cookie
    }

    pub fn get(&self, cookie: &str, now: Timestamp) -> Option<Pending> {
        let waiting = self.waiting.lock().ok()?;
        waiting
            .get(&hash_secret(cookie))
            .filter(|p| p.expires_at > now)
            .cloned()
    }

    pub fn finish(&self, cookie: &str) {
        if let Ok(mut waiting) = self.waiting.lock() {
            waiting.remove(&hash_secret(cookie));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238 Appendix B: the SHA-1 seed, times and eight-digit codes.
    const RFC_SEED: &[u8] = b"12345678901234567890";
    const RFC_VECTORS: [(u64, &str); 6] = [
        (59, "94287082"),
        (1_111_111_109, "07081804"),
        (1_111_111_111, "14050471"),
        (1_234_567_890, "89005924"),
        (2_000_000_000, "69279037"),
        (20_000_000_000, "65353130"),
    ];

    #[test]
    fn the_rfc_6238_test_vectors_are_accepted_at_their_time() {
        for (time, code) in RFC_VECTORS {
            assert_eq!(
                step_of(RFC_SEED, code, time, 8),
                Some((time / STEP_SECONDS) as i64),
                "T = {time}"
            );
        }
    }

    #[test]
    fn a_code_typed_in_bengali_or_devanagari_digits_is_the_same_code() {
        let (time, _) = RFC_VECTORS[3];
        let step = Some((time / STEP_SECONDS) as i64);
        assert_eq!(step_of(RFC_SEED, "৮৯০০৫৯২৪", time, 8), step);
        assert_eq!(step_of(RFC_SEED, "८९००५९२४", time, 8), step);
        assert_eq!(step_of(RFC_SEED, "৮৯০০৫৯২৫", time, 8), None);
        assert!(looks_like_code("১২৩ ৪৫৬"));
    }

    #[test]
    fn a_code_is_accepted_one_step_either_side_and_no_further() {
        let (time, code) = RFC_VECTORS[3];
        let step = (time / STEP_SECONDS) as i64;
        let start = time - time % STEP_SECONDS;
        assert_eq!(
            step_of(RFC_SEED, code, start - 1, 8),
            Some(step),
            "a step late"
        );
        assert_eq!(
            step_of(RFC_SEED, code, start + 30, 8),
            Some(step),
            "a step early"
        );
        assert_eq!(step_of(RFC_SEED, code, start + 60, 8), None);
        assert_eq!(step_of(RFC_SEED, code, start - 31, 8), None);
        assert_eq!(step_of(RFC_SEED, "89005925", time, 8), None);
        assert_eq!(step_of(RFC_SEED, "8900592", time, 8), None);
        assert_eq!(step_of(RFC_SEED, "8900592x", time, 8), None);
        // Six digits: the last six of the RFC's eight (RFC 4226 §5.3, modulo 10^6).
        assert_eq!(
            matching_step(RFC_SEED, "005 924", Timestamp(1_234_567_890_000)),
            Some(step)
        );
    }

    #[test]
    fn the_secret_reads_back_and_the_uri_and_qr_code_carry_it() {
        let secret = new_secret();
        assert_eq!(open_secret(&seal_secret(&secret)).unwrap(), secret);
        let uri = otpauth_uri(&secret, "director.kolkata").unwrap();
        assert!(
            uri.starts_with("otpauth://totp/Saathi:director.kolkata?"),
            "{uri}"
        );
        assert!(
            uri.contains(&format!("secret={}", seal_secret(&secret))),
            "{uri}"
        );
        let svg = qr_svg(&uri).unwrap();
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
        assert_eq!(
            secret_for_typing(&secret).replace(' ', ""),
            seal_secret(&secret)
        );
    }

    #[test]
    fn recovery_codes_are_distinct_and_match_however_typed() {
        let codes = new_recovery_codes();
        assert_eq!(codes.len(), RECOVERY_CODES);
        let mut unique = codes.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), RECOVERY_CODES);
        let code = &codes[0];
        assert_eq!(code.len(), 11);
        assert_eq!(
            recovery_hash(code),
            recovery_hash(&format!(" {} ", code.to_uppercase().replace('-', " ")))
        );
        assert!(!looks_like_code(code));
        assert!(looks_like_code("123 456"));
    }
}
