use thiserror::Error;

/// Every message is one line a person can act on.
#[derive(Debug, Error)]
pub enum KeyError {
    #[error("{0}")]
    Format(String),
    #[error("{path}: {message}")]
    File { path: String, message: String },
    #[error(
        "a sealed secret does not open with this key file (another key file sealed it, or it was altered)"
    )]
    Unseal,
    #[error("the system's random number generator failed: {0}")]
    Random(String),
    #[error("{0}")]
    Checkpoint(String),
}
