//! `saathi user …` and `saathi token …`

use std::io::Read;
use std::process::ExitCode;
use std::sync::Arc;

use clap::Subcommand;
use domain::audit::{AuditAction, AuditEvent};
use domain::password::check_password;
use domain::user::parse_display_name;
use domain::{
    Clock, Language, OrgId, Organisation, Role, Roles, SystemClock, TokenId, User, UserId, Username,
};
use store::{NewUser, Store};

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
    },
    /// List a user's tokens: id, created, revoked, label.
    List {
        #[arg(long)]
        user: String,
    },
    /// Revoke a token by its id (from `token list`).
    Revoke { id: String },
}

async fn find_org(store: &Arc<dyn Store>, id_or_name: &str) -> Result<Organisation, Failure> {
    if let Ok(id) = id_or_name.parse::<OrgId>()
        && let Some(org) = store.organisation(id).await?
    {
        return Ok(org);
    }
    store
        .organisation_by_name(id_or_name)
        .await?
        .ok_or_else(|| Failure(format!("no organisation with id or name {id_or_name:?}")))
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
            let username: Username = username.parse()?;
            let roles = Roles::new(
                roles
                    .iter()
                    .map(|r| r.parse::<Role>())
                    .collect::<Result<Vec<_>, _>>()?,
            )?;
            let language = match language {
                Some(code) => code.parse()?,
                None => org
                    .fields
                    .languages
                    .first()
                    .copied()
                    .unwrap_or(Language::En),
            };
            let display_name = parse_display_name(&display_name)?;
            let mut password = String::new();
            std::io::stdin().read_to_string(&mut password)?;
            let password = password.trim_end_matches(['\n', '\r']);
            check_password(password, username.as_str())?;
            let id = UserId::new();
            let event = AuditEvent::new(
                SystemClock.now(),
                AuditAction::UserCreated,
                format!("user:{id}"),
            )
            .scoped_to(org.id)
            .from_source("cli")
            .with_detail(
                serde_json::json!({ "username": username.as_str(), "roles": roles.to_list() })
                    .to_string(),
            );
            let new = NewUser {
                id,
                org_id: org.id,
                username,
                display_name,
                roles,
                language,
                password_hash: web::password::hash(password.to_string())
                    .await
                    .map_err(|e| Failure(e.english()))?,
            };
            store.create_user(&new, event).await.map_err(|e| match e {
                store::StoreError::Duplicate(_) => Failure("that username is already taken".into()),
                other => other.into(),
            })?;
            println!("{id}");
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

pub async fn run_token(store: &Arc<dyn Store>, command: TokenCommand) -> Result<ExitCode, Failure> {
    let now = SystemClock.now();
    match command {
        TokenCommand::Create { user, label } => {
            let user = find_user(store, &user).await?;
            let token = web::token::new_api_token();
            let id = TokenId::new();
            let event = AuditEvent::new(now, AuditAction::TokenCreated, format!("token:{id}"))
                .scoped_to(user.org_id)
                .from_source("cli")
                .with_detail(
                    serde_json::json!({ "user": user.username.as_str(), "label": label })
                        .to_string(),
                );
            store
                .create_token(id, user.id, &web::token::hash_secret(&token), &label, event)
                .await?;
            eprintln!(
                "saathi: token {id} created for {}; it is shown only this once",
                user.username
            );
            println!("{token}");
        }
        TokenCommand::List { user } => {
            let user = find_user(store, &user).await?;
            for token in store.tokens_of(user.id).await? {
                let revoked = token
                    .revoked_at
                    .map(|t| t.to_rfc3339())
                    .unwrap_or_else(|| "-".into());
                println!(
                    "{}\t{}\t{revoked}\t{}",
                    token.id,
                    token.created_at.to_rfc3339(),
                    token.label
                );
            }
        }
        TokenCommand::Revoke { id } => {
            let id: TokenId = id.parse()?;
            let token = store
                .token(id)
                .await?
                .ok_or_else(|| Failure(format!("no token {id}")))?;
            let scope = store.user(token.user_id).await?.map(|u| u.org_id);
            let mut event = AuditEvent::new(now, AuditAction::TokenRevoked, format!("token:{id}"))
                .from_source("cli");
            if let Some(org) = scope {
                event = event.scoped_to(org);
            }
            store.revoke_token(id, event).await?;
            eprintln!("saathi: token {id} revoked");
        }
    }
    Ok(ExitCode::SUCCESS)
}
