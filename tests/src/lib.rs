//! Shared helpers for inkleaf's end-to-end tests.
//!
//! - [`blobs`]: the bundled article as a blob, packing ad-hoc blocks, hand-made blobs around a
//!   raw payload (with a correct CRC-32) for the error fixtures.
//! - [`epub_toc`]: an EPUB's own table of contents, read apart from inkleaf's reader.
//! - [`frames`]: a packed framebuffer that keeps one frame per page.
//! - [`ink`]: where a page inks, against its text area and footer band.
//! - [`targets`]: draw targets that record every pixel, or fail on demand.
//! - [`coded`]: coded text decoded back, whole and from every sync point.
//! - [`commonmark`]: the examples of the CommonMark spec.
//! - [`check`]: the pagination invariants every layout must satisfy, and reading the words of a
//!   layout back out of its lines.
//! - [`markdown`]: whether a Markdown document's blocks hold every word pulldown-cmark reads,
//!   in order and in its style.
//! - [`real_markdown`]: Markdown files nobody here wrote, found on this machine.
//! - [`real_books`]: EPUBs that pandoc and calibre make of Rust book chapters, and pandoc's
//!   plain text of the same source.
//! - [`rich`]: rich documents built as `inkleaf build` builds them, and their text read
//!   back out of a layout with the style and face of each character.
//! - [`mono_data`]: the generator of the engine's mono font bitmaps.

pub mod blobs;
pub mod check;
pub mod coded;
pub mod commonmark;
pub mod epub_toc;
pub mod frames;
pub mod ink;
pub mod markdown;
pub mod mono_data;
pub mod real_books;
pub mod real_markdown;
pub mod rich;
pub mod targets;
