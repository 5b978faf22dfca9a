//! The password rule: long enough, not on the list of common passwords, not the username.
//!
//! Length beats complexity rules (NIST SP 800-63B), so there is no "one digit, one symbol"
//! demand — only a minimum of 12 characters and a check against passwords attackers try first.

use crate::DomainError;

pub const MIN_PASSWORD_CHARS: usize = 12;

/// Common passwords of 12 or more characters (shorter ones fail the length rule anyway),
/// one per line, lower case.
const COMMON: &str = include_str!("common-passwords.txt");

/// Checks a new password for `username`.
pub fn check_password(password: &str, username: &str) -> Result<(), DomainError> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(DomainError::PasswordTooShort {
            min: MIN_PASSWORD_CHARS,
        });
    }
    let lower = password.to_lowercase();
    let mut distinct: Vec<char> = lower.chars().collect();
    distinct.sort_unstable();
    distinct.dedup();
    if distinct.len() <= 2 || COMMON.lines().any(|common| common.trim() == lower) {
        return Err(DomainError::PasswordTooCommon);
    }
    if !username.is_empty() && lower.contains(&username.to_lowercase()) {
        return Err(DomainError::PasswordContainsUsername);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_common_and_username_passwords_are_refused() {
        assert_eq!(
            check_password("short", "asha"),
            Err(DomainError::PasswordTooShort { min: 12 })
        );
        assert_eq!(
            check_password("Password1234", "asha"),
            Err(DomainError::PasswordTooCommon)
        );
        assert_eq!(
            check_password("aaaaaaaaaaaaaa", "asha"),
            Err(DomainError::PasswordTooCommon)
        );
        assert_eq!(
            check_password("caseworker.kolkata-2026!", "caseworker.kolkata"),
            Err(DomainError::PasswordContainsUsername)
        );
    }

    #[test]
    fn a_long_unusual_password_is_accepted_in_any_script() {
        assert_eq!(check_password("nodir-dhare-bari-amar", "asha"), Ok(()));
        assert_eq!(check_password("নদীর ধারে বাড়ি আমার", "asha"), Ok(()));
    }
}
