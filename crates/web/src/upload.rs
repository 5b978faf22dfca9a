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
