//! Stored text read back as domain values, in one place.
//!
//! Ids, codes and enums are kept as text. A row field of type `Stored<T>` is decoded straight
//! into `T` by its `FromStr` (which the domain defines, free of sqlx) when the row is fetched,
//! so row conversions only move values. A value that does not parse — someone edited the
//! database outside Saathi — surfaces as [`StoreError::Corrupt`] naming its column and the
//! value, never as a panic or a half-read record.

use std::fmt;
use std::str::FromStr;

use sqlx::error::BoxDynError;
use sqlx::{Database, Decode, Type};

use crate::StoreError;

/// A text column decoded as a `T`. `Option<Stored<T>>` reads a nullable one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stored<T>(pub(crate) T);

impl<T> Stored<T> {
    pub(crate) fn into_inner(self) -> T {
        self.0
    }
}

/// Why a stored text is not the value its column holds.
#[derive(Debug)]
pub(crate) struct BadValue(String);

impl fmt::Display for BadValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BadValue {}

impl<DB: Database, T> Type<DB> for Stored<T>
where
    String: Type<DB>,
{
    fn type_info() -> DB::TypeInfo {
        <String as Type<DB>>::type_info()
    }

    fn compatible(ty: &DB::TypeInfo) -> bool {
        <String as Type<DB>>::compatible(ty)
    }
}

impl<'r, DB: Database, T> Decode<'r, DB> for Stored<T>
where
    String: Decode<'r, DB>,
    T: FromStr,
    T::Err: fmt::Display,
{
    fn decode(value: <DB as Database>::ValueRef<'r>) -> Result<Self, BoxDynError> {
        let text = <String as Decode<'r, DB>>::decode(value)?;
        match text.parse() {
            Ok(value) => Ok(Self(value)),
            Err(err) => Err(Box::new(BadValue(format!("{text:?}: {err}")))),
        }
    }
}

impl StoreError {
    /// A column that held a value `Stored` could not read, as `Corrupt`; other errors as
    /// `Database`.
    pub(crate) fn from_sqlx(err: sqlx::Error) -> Self {
        match err {
            sqlx::Error::ColumnDecode { index, source } if source.is::<BadValue>() => {
                Self::Corrupt(format!("column {index}: {source}"))
            }
            err => Self::Database(err),
        }
    }
}

/// Reads a column whose text the domain parses as a whole (a list of languages, of roles, of
/// sections), naming the column when it does not parse.
pub(crate) fn parse_column<T, E: fmt::Display>(
    column: &str,
    text: &str,
    parse: impl FnOnce(&str) -> Result<T, E>,
) -> Result<T, StoreError> {
    parse(text).map_err(|err| StoreError::Corrupt(format!("column {column:?}: {text:?}: {err}")))
}
