//! The question types, with the spellings pyxform also takes (`select one from LIST`,
//! `select all that apply LIST`, `int`, `string`, `gps`, `trigger`, `phone number` …).

use domain::form::FieldKind;

/// What a row's `type` asks for.
#[derive(Debug, PartialEq, Eq)]
pub enum RowType {
    BeginGroup,
    EndGroup,
    BeginRepeat,
    EndRepeat,
    /// A question, and its choice list for a select.
    Question(FieldKind, Option<String>),
    /// Collected by the device, asked of nobody (`start`, `deviceid` …): nothing to keep.
    Metadata,
    /// An XLSForm feature Saathi does not take yet, named.
    NotTaken(&'static str),
    Unknown,
}

const METADATA: [&str; 17] = [
    "start",
    "end",
    "today",
    "deviceid",
    "subscriberid",
    "simserial",
    "phonenumber",
    "username",
    "email",
    "audit",
    "start-geopoint",
    "background-audio",
    "imei",
    "hidden",
    "uri:deviceid",
    "uri:email",
    "uri:username",
];

/// Reads a `type` cell (trimmed, any case; list names keep theirs).
pub fn row_type(cell: &str, appearance: &str) -> RowType {
    let words: Vec<&str> = cell.split_whitespace().collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
    let structure = |w: &[&str]| match w {
        ["begin", "group"] | ["begin_group"] => Some(RowType::BeginGroup),
        ["end", "group"] | ["end_group"] => Some(RowType::EndGroup),
        ["begin", "repeat"] | ["begin_repeat"] => Some(RowType::BeginRepeat),
        ["end", "repeat"] | ["end_repeat"] => Some(RowType::EndRepeat),
        _ => None,
    };
    if let Some(s) = structure(&lower) {
        return s;
    }
    // The list name is the last word, as written.
    let list = words.last().map(|l| l.to_string());
    let kind = match lower.as_slice() {
        ["begin", "loop", ..] | ["begin_loop", ..] | ["end", "loop"] | ["end_loop"] => {
            return RowType::NotTaken("loop");
        }
        [.., "or_other"] | [.., "or", "specify", "other"] => return RowType::NotTaken("or_other"),
        [t, ..] if t.ends_with("_from_file") => return RowType::NotTaken("select_from_file"),
        ["select_one" | "select1", _] | ["select", "one", _] | ["select", "one", "from", _] => {
            return RowType::Question(FieldKind::Choice, list);
        }
        ["select_multiple", _]
        | ["select", "all", "that", "apply", _]
        | ["select", "all", "that", "apply", "from", _] => {
            return RowType::Question(FieldKind::Choices, list);
        }
        ["rank", _] => return RowType::NotTaken("rank"),
        [t] => *t,
        ["phone", "number"] => "phone number",
        ["add", ..] => return RowType::NotTaken("add … prompt"),
        _ => return RowType::Unknown,
    };
    let field = match kind {
        "text" | "string" | "phone number" if appearance.contains("multiline") => {
            FieldKind::LongText
        }
        "text" | "string" | "phone number" => FieldKind::Text,
        "integer" | "int" => FieldKind::Integer,
        "decimal" => FieldKind::Decimal,
        "date" => FieldKind::Date,
        "time" => FieldKind::Time,
        "datetime" => FieldKind::DateTime,
        "note" => FieldKind::Note,
        "calculate" => FieldKind::Calculate,
        "acknowledge" | "trigger" => FieldKind::Acknowledge,
        "range" => FieldKind::Range,
        "geopoint" | "gps" => FieldKind::Geopoint,
        "image" | "photo" => FieldKind::Image,
        "audio" => FieldKind::Audio,
        "file" => FieldKind::File,
        k if METADATA.contains(&k) => return RowType::Metadata,
        "barcode"
        | "video"
        | "geotrace"
        | "geoshape"
        | "xml-external"
        | "csv-external"
        | "background-geopoint" => return RowType::NotTaken("type"),
        _ => return RowType::Unknown,
    };
    RowType::Question(field, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling_pyxform_takes() {
        let q = |k, l: Option<&str>| RowType::Question(k, l.map(str::to_string));
        assert_eq!(
            row_type("select_one yn", ""),
            q(FieldKind::Choice, Some("yn"))
        );
        assert_eq!(
            row_type("select one from Yes_No", ""),
            q(FieldKind::Choice, Some("Yes_No"))
        );
        assert_eq!(
            row_type("select all that apply from list", ""),
            q(FieldKind::Choices, Some("list"))
        );
        assert_eq!(
            row_type("select_multiple  happy_sad", ""),
            q(FieldKind::Choices, Some("happy_sad"))
        );
        assert_eq!(row_type("dateTime", ""), q(FieldKind::DateTime, None));
        assert_eq!(row_type("gps", ""), q(FieldKind::Geopoint, None));
        assert_eq!(row_type("trigger", ""), q(FieldKind::Acknowledge, None));
        assert_eq!(row_type("phone number", ""), q(FieldKind::Text, None));
        assert_eq!(row_type("text", "multiline"), q(FieldKind::LongText, None));
        assert_eq!(row_type("begin group", ""), RowType::BeginGroup);
        assert_eq!(row_type("END_REPEAT", ""), RowType::EndRepeat);
        assert_eq!(row_type("deviceid", ""), RowType::Metadata);
        assert_eq!(
            row_type("select_one_from_file x.csv", ""),
            RowType::NotTaken("select_from_file")
        );
        assert_eq!(row_type("colour", ""), RowType::Unknown);
    }
}
