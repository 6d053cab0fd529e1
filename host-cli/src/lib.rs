//! The host side of inkleaf: reading articles, building blobs, writing previews.
//!
//! The `inkleaf` binary is a thin clap front over these modules; tests use them directly.

pub mod build;
pub mod codec;
pub mod displays;
pub mod fonts;
pub mod hyphenate;
pub mod input;
pub mod output;
pub mod pack;
pub mod progress;

/// The article bundled with inkleaf, used when no input is given.
pub const BUNDLED_ARTICLE: &str = include_str!("../../assets/article.txt");
