//! Reading a submitted page form into a typed struct, once.
//!
//! The context middleware has already read the body and checked its CSRF token; [`FormData`]
//! holds its fields in order (strictly UTF-8, see [`super::form_fields`]). A handler declares
//! one `#[derive(Deserialize)]` struct per form, with `#[serde(default)]`, and calls
//! [`FormData::read`]. The struct is read the way the pages have always read a form:
//!
//! - a `String` is the field's first value, and an absent field is empty;
//! - a `bool` is whether the field was sent at all (a checkbox: absent is off, whatever the
//!   browser sends for "on");
//! - a `Vec<String>` is every value of a repeated field (multi-selects, checkbox groups);
//! - an `Option<String>` is `None` only when the field is absent;
//! - fields the struct does not name are ignored, as pages always tolerated them.
//!
//! Numbers stay `String`s in these structs: the handler or the service validates them and
//! re-shows the form with a message in her language, where a failed parse here would be a 400.

use serde::de::value::{Error, MapDeserializer, SeqDeserializer, StringDeserializer};
use serde::de::{DeserializeOwned, Deserializer, IntoDeserializer, Visitor};
use serde::forward_to_deserialize_any;

use super::FormData;
use crate::AppError;

/// A whole number as she typed it, in ASCII, Bengali (২৬) or Devanagari (२६) digits: `None`
/// when the field is blank, `Some(Err(()))` when it is not a whole number. Every page form that
/// asks for a number reads it through this (dates go through `domain::voice::parse_date`, which
/// folds the digits the same way).
pub fn whole_number(text: &str) -> Option<Result<u32, ()>> {
    let folded = domain::text::ascii_digits(text.trim());
    if folded.is_empty() {
        return None;
    }
    Some(folded.parse().map_err(|_| ()))
}

impl FormData {
    /// The form as `T`. Fails only when `T` asks for a shape no form has (a number, a nested
    /// struct), which is the handler's mistake, not hers: a 400 naming it.
    pub fn read<T: DeserializeOwned>(&self) -> Result<T, AppError> {
        let mut fields: Vec<(String, Vec<String>)> = Vec::new();
        for (name, value) in &self.0 {
            match fields.iter_mut().find(|(n, _)| n == name) {
                Some((_, values)) => values.push(value.clone()),
                None => fields.push((name.clone(), vec![value.clone()])),
            }
        }
        T::deserialize(Fields(fields)).map_err(|e| AppError::Malformed(e.to_string()))
    }
}

/// The whole form: a map from each name to its values.
struct Fields(Vec<(String, Vec<String>)>);

impl<'de> Deserializer<'de> for Fields {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_map(MapDeserializer::new(
            self.0
                .into_iter()
                .map(|(name, values)| (name, Values(values))),
        ))
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
        identifier ignored_any
    }
}

/// The values one name was sent with (at least one).
struct Values(Vec<String>);

impl Values {
    fn first(self) -> StringDeserializer<Error> {
        self.0
            .into_iter()
            .next()
            .unwrap_or_default()
            .into_deserializer()
    }
}

impl<'de> IntoDeserializer<'de, Error> for Values {
    type Deserializer = Self;

    fn into_deserializer(self) -> Self {
        self
    }
}

/// Everything but the shapes below is read from the first value.
macro_rules! from_first {
    ($($method:ident),*) => {
        $(fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            self.first().$method(visitor)
        })*
    };
}

impl<'de> Deserializer<'de> for Values {
    type Error = Error;

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_bool(true)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_some(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_seq(SeqDeserializer::new(self.0.into_iter()))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.first().deserialize_enum(name, variants, visitor)
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.first().deserialize_unit_struct(name, visitor)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, Error> {
        self.first().deserialize_tuple(len, visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.first().deserialize_tuple_struct(name, len, visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.first().deserialize_struct(name, fields, visitor)
    }

    from_first!(
        deserialize_any,
        deserialize_i8,
        deserialize_i16,
        deserialize_i32,
        deserialize_i64,
        deserialize_i128,
        deserialize_u8,
        deserialize_u16,
        deserialize_u32,
        deserialize_u64,
        deserialize_u128,
        deserialize_f32,
        deserialize_f64,
        deserialize_char,
        deserialize_str,
        deserialize_string,
        deserialize_bytes,
        deserialize_byte_buf,
        deserialize_unit,
        deserialize_map,
        deserialize_identifier,
        deserialize_ignored_any
    );
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::*;

    #[derive(Debug, Default, Deserialize, PartialEq)]
    #[serde(default)]
    struct Sample {
        text: String,
        missing: String,
        read_back: bool,
        off: bool,
        roles: Vec<String>,
        none: Vec<String>,
        maybe: Option<String>,
        absent: Option<String>,
        count: String,
    }

    fn data(pairs: &[(&str, &str)]) -> FormData {
        FormData(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    #[test]
    fn a_form_reads_as_the_pages_read_it_field_by_field() {
        let form = data(&[
            ("csrf", "token"),
            ("text", "আমি বাড়ি যেতে চাই"),
            ("text", "second"),
            ("read_back", "on"),
            ("roles", "caseworker"),
            ("roles", "counsellor"),
            ("maybe", ""),
            ("count", "১২x"),
            ("unknown", "kept out"),
        ]);
        let read: Sample = form.read().unwrap();
        assert_eq!(
            read,
            Sample {
                text: form.get("text"),
                missing: String::new(),
                read_back: form.has("read_back"),
                off: false,
                roles: form.all("roles"),
                none: Vec::new(),
                maybe: Some(String::new()),
                absent: None,
                count: "১২x".into(),
            }
        );
        assert_eq!(read.text, "আমি বাড়ি যেতে চাই");
    }

    #[test]
    fn a_checkbox_is_on_whatever_value_it_is_sent_with() {
        let read: Sample = data(&[("read_back", "")]).read().unwrap();
        assert!(read.read_back);
        let read: Sample = data(&[("roles", "one")]).read().unwrap();
        assert_eq!(read.roles, vec!["one".to_string()]);
    }
}
