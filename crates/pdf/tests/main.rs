//! The PDF crate's integration tests as one binary: every word of a report read back by the
//! tools people and screen readers use.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod readback;
