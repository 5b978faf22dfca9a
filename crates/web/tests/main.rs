//! The web crate's integration tests as one binary: each file is a module. Every `tests/*.rs`
//! file used to be a binary of its own, each linking the whole server; one binary links once.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

mod api;
mod authorisation;
mod browser;
mod casepage;
mod cases;
mod dates;
mod exports;
mod forms;
mod glossary;
mod handovers;
mod indicators;
mod intake;
mod life_views;
mod packages;
mod pages;
mod pdf;
mod statements;
mod templates;
mod training;
mod xlsform;
