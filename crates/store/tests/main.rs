//! The store's integration tests as one binary: the conformance suite every engine must pass,
//! the case store, and the migrations diff.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod case_pages;
mod cases;
mod conformance;
mod glossary;
mod import;
mod indicators;
mod life_views;
mod readings;
