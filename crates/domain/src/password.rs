//! The password rule: long enough, not too long, not on the list of common passwords, not the
//! username or the organisation's name, and not the demo's password outside the demo.
//!
//! Length beats complexity rules (NIST SP 800-63B), so there is no "one digit, one symbol"
//! demand — only a minimum of 12 characters and a check against passwords attackers try first.

use crate::DomainError;

pub const MIN_PASSWORD_CHARS: usize = 12;
/// Longer than any passphrase a person types; the cap keeps Argon2 from hashing megabytes.
pub const MAX_PASSWORD_CHARS: usize = 1024;

/// The password every demo account has. It is printed by `saathi demo` and in the README, so
/// anywhere but a demo server it is as good as public.
pub const DEMO_PASSWORD: &str = "saathi-demo-2026";

/// Common passwords, one per line, lower case (`#` lines are the list's origin and licence).
const COMMON: &str = include_str!("common-passwords.txt");

/// What a new password is checked against besides itself.
#[derive(Debug, Clone, Copy)]
pub struct PasswordContext<'a> {
    pub username: &'a str,
    /// The name of her organisation.
    pub organisation: &'a str,
    /// A demo server (`serve --demo`), where the demo password is expected.
    pub demo: bool,
}

/// How many passwords the bundled list holds.
pub fn common_count() -> usize {
    common().count()
}

fn common() -> impl Iterator<Item = &'static str> {
    COMMON
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Checks a new password for the account described by `context`.
pub fn check_password(password: &str, context: PasswordContext<'_>) -> Result<(), DomainError> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        return Err(DomainError::PasswordTooShort {
            min: MIN_PASSWORD_CHARS,
        });
    }
    if chars > MAX_PASSWORD_CHARS {
        return Err(DomainError::PasswordTooLong {
            max: MAX_PASSWORD_CHARS,
        });
    }
    if password == DEMO_PASSWORD && !context.demo {
        return Err(DomainError::PasswordIsDemo);
    }
    let lower = password.to_lowercase();
    let mut distinct: Vec<char> = lower.chars().collect();
    distinct.sort_unstable();
    distinct.dedup();
    if distinct.len() <= 2 || common().any(|common| common == lower) {
        return Err(DomainError::PasswordTooCommon);
    }
    let username = context.username.trim().to_lowercase();
    if !username.is_empty() && lower.contains(&username) {
        return Err(DomainError::PasswordContainsUsername);
    }
    let organisation = context.organisation.trim().to_lowercase();
    if !organisation.is_empty() && lower.contains(&organisation) {
        return Err(DomainError::PasswordContainsOrganisation);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(username: &str) -> PasswordContext<'_> {
        PasswordContext {
            username,
            organisation: "Nirapad Shelter Home, Kolkata",
            demo: false,
        }
    }

    #[test]
    fn short_common_and_username_passwords_are_refused() {
        assert_eq!(
            check_password("short", ctx("asha")),
            Err(DomainError::PasswordTooShort { min: 12 })
        );
        assert_eq!(
            check_password("Password1234", ctx("asha")),
            Err(DomainError::PasswordTooCommon)
        );
        assert_eq!(
            check_password("aaaaaaaaaaaaaa", ctx("asha")),
            Err(DomainError::PasswordTooCommon)
        );
        assert_eq!(
            check_password("caseworker.kolkata-2026!", ctx("caseworker.kolkata")),
            Err(DomainError::PasswordContainsUsername)
        );
        assert_eq!(
            check_password("Caseworker.KOLKATA-2026!", ctx("caseworker.kolkata")),
            Err(DomainError::PasswordContainsUsername),
            "case does not hide the username"
        );
    }

    #[test]
    fn the_list_holds_at_least_ten_thousand_and_is_searched_whole() {
        assert!(common_count() >= 10_000, "{}", common_count());
        // Entries from the start, the middle and the end of the bundled list.
        for common in [
            "123456789012",
            "leavemealone",
            "minecraft123",
            "fallen_angel",
        ] {
            assert_eq!(
                check_password(common, ctx("asha")),
                Err(DomainError::PasswordTooCommon),
                "{common}"
            );
        }
        assert!(common().all(|p| !p.starts_with('#') && p == p.to_lowercase()));
    }

    #[test]
    fn the_organisation_the_demo_password_and_very_long_ones_are_refused() {
        assert_eq!(
            check_password("nirapad shelter home, kolkata 2026", ctx("asha")),
            Err(DomainError::PasswordContainsOrganisation)
        );
        assert_eq!(
            check_password("NIRAPAD SHELTER HOME, KOLKATA!", ctx("asha")),
            Err(DomainError::PasswordContainsOrganisation)
        );
        assert_eq!(
            check_password(DEMO_PASSWORD, ctx("asha")),
            Err(DomainError::PasswordIsDemo)
        );
        let demo = PasswordContext {
            demo: true,
            ..ctx("asha")
        };
        assert_eq!(check_password(DEMO_PASSWORD, demo), Ok(()));
        let long: String = "নদীর ধারে বাড়ি ".repeat(70);
        assert!(long.chars().count() > MAX_PASSWORD_CHARS);
        assert_eq!(
            check_password(&long, ctx("asha")),
            Err(DomainError::PasswordTooLong { max: 1024 })
        );
        let just: String = "nodir-dhare-".repeat(85) + "bari";
        assert_eq!(just.chars().count(), 1024);
        assert_eq!(check_password(&just, ctx("asha")), Ok(()));
    }

    #[test]
    fn a_long_unusual_password_is_accepted_in_any_script() {
        assert_eq!(check_password("nodir-dhare-bari-amar", ctx("asha")), Ok(()));
        assert_eq!(check_password("নদীর ধারে বাড়ি আমার", ctx("asha")), Ok(()));
    }
}
