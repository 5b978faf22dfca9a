//! The two engines' migrations are one schema written twice: the same files in the same order,
//! the same statements once whitespace and comments are set aside. Where an engine must say a
//! thing its own way, the difference is listed in [`ENGINE_SPECIFIC`] with its reason; any
//! other difference, or a migration added to one engine only, fails here before it can make
//! the engines drift apart.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// A fragment of one migration that each engine spells its own way.
struct Difference {
    file: &'static str,
    sqlite: &'static str,
    postgres: &'static str,
    why: &'static str,
}

const ENGINE_SPECIFIC: &[Difference] = &[
    Difference {
        file: "0002_cases.sql",
        sqlite: "term TEXT NOT NULL",
        postgres: r#"term TEXT COLLATE "C" NOT NULL"#,
        why: "a prefix search is a range on the term index, so terms must sort by code point: \
              SQLite's TEXT does, PostgreSQL's default collation does not",
    },
    Difference {
        file: "0009_documents.sql",
        sqlite: "content BLOB NOT NULL",
        postgres: "content BYTEA NOT NULL",
        why: "SQLite calls raw bytes BLOB, PostgreSQL BYTEA",
    },
    Difference {
        file: "0022_accounts.sql",
        sqlite: "CAST(strftime('%s', 'now') AS INTEGER) * 1000",
        postgres: "(EXTRACT(EPOCH FROM now()) * 1000)::BIGINT",
        why: "the time of the upgrade in milliseconds: each engine has its own clock functions",
    },
];

fn folder(engine: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("migrations")
        .join(engine)
}

fn migrations(engine: &str) -> BTreeSet<String> {
    std::fs::read_dir(folder(engine))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.ends_with(".sql"))
        .collect()
}

/// The statements of a migration: comments dropped, runs of whitespace made one space, split
/// at each `;` that is not inside a quoted string.
fn statements(sql: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut chars = sql.chars().peekable();
    let mut quote: Option<char> = None;
    while let Some(c) = chars.next() {
        match quote {
            Some(q) => {
                current.push(c);
                if c == q {
                    quote = None;
                }
            }
            None => match c {
                '\'' | '"' => {
                    quote = Some(c);
                    current.push(c);
                }
                '-' if chars.peek() == Some(&'-') => {
                    for c in chars.by_ref() {
                        if c == '\n' {
                            break;
                        }
                    }
                    current.push(' ');
                }
                ';' => out.push(std::mem::take(&mut current)),
                c => current.push(c),
            },
        }
    }
    out.push(current);
    out.iter()
        .map(|s| normalise(s))
        .filter(|s| !s.is_empty())
        .collect()
}

fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn both_engines_have_the_same_migrations_in_the_same_order() {
    let sqlite = migrations("sqlite");
    let postgres = migrations("postgres");
    let only_sqlite: Vec<_> = sqlite.difference(&postgres).collect();
    let only_postgres: Vec<_> = postgres.difference(&sqlite).collect();
    assert!(
        only_sqlite.is_empty() && only_postgres.is_empty(),
        "every migration must exist for both engines: only in sqlite {only_sqlite:?}, \
         only in postgres {only_postgres:?}"
    );
    assert!(!sqlite.is_empty());
    // sqlx applies them by the number that starts the name: one number, one migration.
    let numbers: BTreeSet<&str> = sqlite.iter().map(|n| &n[..4]).collect();
    assert_eq!(numbers.len(), sqlite.len(), "two migrations share a number");
}

#[test]
fn both_engines_migrate_with_the_same_statements() {
    let mut used = vec![0; ENGINE_SPECIFIC.len()];
    // A migration of one engine only is the other test's failure.
    for file in migrations("sqlite").intersection(&migrations("postgres")) {
        let read = |engine| std::fs::read_to_string(folder(engine).join(file)).unwrap();
        let mut sqlite = statements(&read("sqlite"));
        let postgres = statements(&read("postgres"));
        for (i, d) in ENGINE_SPECIFIC.iter().enumerate() {
            if d.file != file.as_str() {
                continue;
            }
            assert!(!d.why.is_empty(), "{file}: say why {:?} differs", d.sqlite);
            let (from, to) = (normalise(d.sqlite), normalise(d.postgres));
            for statement in &mut sqlite {
                if statement.contains(&from) {
                    *statement = statement.replace(&from, &to);
                    used[i] += 1;
                }
            }
        }
        assert_eq!(
            sqlite.len(),
            postgres.len(),
            "{file}: the engines' migrations have different numbers of statements"
        );
        for (s, p) in sqlite.iter().zip(&postgres) {
            assert_eq!(
                s, p,
                "{file}: the engines differ in a statement; if the difference is one the \
                 engines need, list it in ENGINE_SPECIFIC with its reason"
            );
        }
    }
    for (d, n) in ENGINE_SPECIFIC.iter().zip(used) {
        assert!(
            n > 0,
            "{}: the listed difference {:?} is no longer in the migrations; remove it",
            d.file,
            d.sqlite
        );
    }
}

#[test]
fn statements_are_split_outside_quotes_and_comments() {
    assert_eq!(
        statements("-- a; comment\nCREATE  TABLE t (a TEXT DEFAULT ';');\n\nSELECT 1;"),
        vec!["CREATE TABLE t (a TEXT DEFAULT ';')", "SELECT 1"]
    );
}
