//! Parallax: comparative reading of news articles.
//!
//! The library reads articles ([`article`]), compares them sentence by sentence ([`compare`]) and
//! writes reports ([`report`]) and sessions ([`session`]) without losing files ([`write`]). The
//! desktop application ([`app`], feature `app`) and the command line ([`cli`]) are views over the
//! same [`compare::Comparison`].

#[cfg(feature = "app")]
pub mod app;
pub mod article;
pub mod cli;
pub mod compare;
pub mod design;
#[cfg(feature = "app")]
pub mod desktop;
pub mod report;
pub mod sample;
pub mod session;
pub mod write;
