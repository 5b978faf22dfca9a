//! `saathi user …` and `saathi token …`

use std::io::Read;
use std::process::ExitCode;
use std::sync::Arc;

use app::Acting;
use app::accounts::{self, UserInput};
use clap::Subcommand;
use domain::{Clock, Organisation, SystemClock, Timestamp, TokenId, User, Username};
use store::Store;

use crate::Failure;

#[derive(Subcommand)]
pub enum UserCommand {
    /// Add a user to an organisation. The password is read from standard input.
    Add {
        /// The organisation: its id or exact name.
        #[arg(long)]
        org: String,
        /// Sign-in name: 3–64 of a-z 0-9 . - _
        #[arg(long)]
        username: String,
        /// A role; repeat for several: network-admin, director, case-worker, counsellor,
        /// care-giver, trainer, survivor.
        #[arg(long = "role", required = true)]
        roles: Vec<String>,
        /// Preferred language: bn, hi or en (default: the organisation's first working language).
        #[arg(long)]
        language: Option<String>,
        /// The name shown to others.
        #[arg(long, default_value = "")]
        display_name: String,
        /// Read the password from standard input (required: passwords never go on the command
        /// line, where other users of the machine can see them).
        #[arg(long, required = true)]
        password_stdin: bool,
    },
    /// List an organisation's users: id, username, roles, language, active.
    List {
        #[arg(long)]
        org: String,
    },
}

#[derive(Subcommand)]
pub enum TokenCommand {
    /// Create an API bearer token for a user; prints only the token (shown once).
    Create {
        /// The username.
        #[arg(long)]
        user: String,
        /// What the token is for.
        #[arg(long, default_value = "cli")]
        label: String,
        /// How long it works: days (`90d`) or hours (`12h`); at most 3650 days.
        #[arg(long, default_value = "90d", value_parser = parse_lifetime)]
        expires_in: i64,
    },
    /// List a user's tokens: id, created, expires, last used, revoked, label.
    List {
        #[arg(long)]
        user: String,
    },
    /// Revoke a token by its id (from `token list`).
    Revoke { id: String },
}

async fn find_org(store: &Arc<dyn Store>, id_or_name: &str) -> Result<Organisation, Failure> {
    accounts::find_organisation(store, id_or_name)
        .await
        .map_err(|e| match e {
            app::Error::NotFound => {
                Failure(format!("no organisation with id or name {id_or_name:?}"))
            }
            other => Failure(other.english()),
        })
}

async fn find_user(store: &Arc<dyn Store>, username: &str) -> Result<User, Failure> {
    let name: Username = username.parse()?;
    store
        .user_by_username(&name)
        .await?
        .ok_or_else(|| Failure(format!("no user {name:?}")))
}

pub async fn run_user(store: &Arc<dyn Store>, command: UserCommand) -> Result<ExitCode, Failure> {
    match command {
        UserCommand::Add {
            org,
            username,
            roles,
            language,
            display_name,
            password_stdin: _,
        } => {
            let org = find_org(store, &org).await?;
            let mut password = String::new();
            std::io::stdin().read_to_string(&mut password)?;
            // The same checks and audit entry as the pages and the API: the survivor role
            // alone, the password rule with her organisation's name.
            let input = UserInput {
                username,
                display_name,
                roles,
                language: language.unwrap_or_default(),
                password: password.trim_end_matches(['\n', '\r']).to_string(),
            };
            let origin = Acting::cli(SystemClock.now());
            let user = accounts::create_user(store, &origin, &org, &input)
                .await
                .map_err(|e| Failure(e.english()))?;
            println!("{}", user.id);
        }
        UserCommand::List { org } => {
            let org = find_org(store, &org).await?;
            for user in store.users_in(org.id).await? {
                let active = if user.active { "active" } else { "inactive" };
                println!(
                    "{}\t{}\t{}\t{}\t{active}",
                    user.id,
                    user.username,
                    user.roles.to_list(),
                    user.language
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Lists the accounts that hold `survivor` with a staff role (made before that was refused):
/// they cannot sign in until an administrator splits them.
pub async fn list_mixed_accounts(store: &Arc<dyn Store>) -> Result<(), Failure> {
    let mixed = accounts::mixed_accounts(store)
        .await
        .map_err(|e| Failure(e.english()))?;
    if mixed.is_empty() {
        return Ok(());
    }
    eprintln!(
        "saathi: {} account(s) hold the survivor role with a staff role and cannot sign in until \
         an administrator splits them: keep one kind of role on /users/ID/edit and add a \
         separate account for the other",
        mixed.len()
    );
    for (org, user) in mixed {
        println!(
            "{}\t{}\t{}\t{}",
            user.id,
            user.username,
            user.roles.to_list(),
            org.fields.name
        );
    }
    Ok(())
}

pub async fn run_token(store: &Arc<dyn Store>, command: TokenCommand) -> Result<ExitCode, Failure> {
    let now = SystemClock.now();
    match command {
        TokenCommand::Create {
            user,
            label,
            expires_in,
        } => {
            let user = find_user(store, &user).await?;
            let issued = app::token::issue(store, &Acting::cli(now), &user, &label, expires_in)
                .await
                .map_err(|e| Failure(e.english()))?;
            eprintln!(
                "saathi: token {} created for {}, working until {}; it is shown only this once",
                issued.id,
                user.username,
                issued.expires_at.to_rfc3339()
            );
            println!("{}", issued.secret);
        }
        TokenCommand::List { user } => {
            let user = find_user(store, &user).await?;
            let shown =
                |t: Option<Timestamp>| t.map(|t| t.to_rfc3339()).unwrap_or_else(|| "-".into());
            println!("id\tcreated\texpires\tlast used\trevoked\tlabel");
            for token in store.tokens_of(user.id).await? {
                println!(
                    "{}\t{}\t{}\t{}\t{}\t{}",
                    token.id,
                    token.created_at.to_rfc3339(),
                    shown(token.expires_at),
                    shown(token.last_used_at),
                    shown(token.revoked_at),
                    token.label
                );
            }
        }
        TokenCommand::Revoke { id } => {
            let id: TokenId = id.parse()?;
            app::token::revoke(store, &Acting::cli(now), id)
                .await
                .map_err(|e| match e {
                    app::Error::NotFound => Failure(format!("no token {id}")),
                    other => Failure(other.english()),
                })?;
            eprintln!("saathi: token {id} revoked");
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A token's lifetime in seconds, from `90d` or `12h`.
fn parse_lifetime(text: &str) -> Result<i64, String> {
    let text = text.trim();
    let (number, unit) = text.split_at(text.len().saturating_sub(1));
    let seconds_per = match unit {
        "d" => 86_400,
        "h" => 3_600,
        _ => return Err(format!("{text:?}: give days or hours, such as 90d or 12h")),
    };
    let n: i64 = number
        .parse()
        .map_err(|_| format!("{text:?}: give days or hours, such as 90d or 12h"))?;
    let seconds = n.saturating_mul(seconds_per);
    if n <= 0 || seconds > 3650 * 86_400 {
        return Err(format!("{text:?}: a token lasts from 1h to 3650d"));
    }
    Ok(seconds)
}

#[cfg(test)]
mod tests {
    use super::parse_lifetime;

    #[test]
    fn lifetimes_are_days_or_hours() {
        assert_eq!(parse_lifetime("90d"), Ok(90 * 86_400));
        assert_eq!(parse_lifetime("12h"), Ok(12 * 3_600));
        for bad in [
            "",
            "d",
            "90",
            "90m",
            "-1d",
            "0h",
            "3651d",
            "1.5d",
            "99999999999999999d",
        ] {
            assert!(parse_lifetime(bad).is_err(), "{bad}");
        }
    }
}
