//! The integration tests of the XLSForm reader: one binary (see ARCHITECTURE.md).

mod agreement;
