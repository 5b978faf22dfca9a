//! Reading a multipart upload (a document, a form file, a package): the section it belongs to
//! and the file, with a body over the route's limit answered as too large.

use crate::AppError;

/// The section and the file of a multipart upload. A body over the route's limit is `TooLarge`.
pub async fn read(
    mut multipart: axum::extract::Multipart,
) -> Result<(String, String, Vec<u8>), AppError> {
    let mut section = String::new();
    let mut name = String::new();
    let mut bytes = Vec::new();
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(e) if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE => {
                return Err(AppError::TooLarge);
            }
            Err(e) => return Err(AppError::Malformed(e.body_text())),
        };
        match field.name().unwrap_or_default() {
            "section" => {
                section = field
                    .text()
                    .await
                    .map_err(|e| AppError::Malformed(e.body_text()))?
            }
            "file" => {
                name = field.file_name().unwrap_or_default().to_string();
                bytes = match field.bytes().await {
                    Ok(b) => b.to_vec(),
                    Err(e) if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE => {
                        return Err(AppError::TooLarge);
                    }
                    Err(e) => return Err(AppError::Malformed(e.body_text())),
                };
            }
            _ => {}
        }
    }
    Ok((section, name, bytes))
}

/// A form sent as multipart because some of its questions take a file: its text fields in
/// order, and each file given, by input name (an input left empty sends no file).
pub async fn read_form(
    mut multipart: axum::extract::Multipart,
) -> Result<(Vec<(String, String)>, Vec<app::forms::MediaFile>), AppError> {
    let too_large_or_malformed = |e: axum::extract::multipart::MultipartError| {
        if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
            AppError::TooLarge
        } else {
            AppError::Malformed(e.body_text())
        }
    };
    let mut fields = Vec::new();
    let mut files = Vec::new();
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(too_large_or_malformed)?
    {
        let place = field.name().unwrap_or_default().to_string();
        match field.file_name().map(str::to_string) {
            Some(name) => {
                let bytes = field.bytes().await.map_err(too_large_or_malformed)?;
                if !bytes.is_empty() || !name.is_empty() {
                    files.push(app::forms::MediaFile {
                        place,
                        name,
                        bytes: bytes.to_vec(),
                    });
                }
            }
            None => fields.push((place, field.text().await.map_err(too_large_or_malformed)?)),
        }
    }
    Ok((fields, files))
}
