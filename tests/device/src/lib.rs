//! inkleaf on a Cortex-M3 under QEMU: the pieces every firmware in `src/bin/` shares.
//!
//! - [`article`]: the engine's read-and-draw path, measured page by page.
//! - [`book`]: a book read through its table of contents: chapter pages, footer status,
//!   and a turn to each chapter's first page.
//! - [`fb`]: a packed 1-bit framebuffer over a caller's (static) buffer.
//! - [`gray`]: a packed 4-bit grayscale framebuffer, the same way.
//! - [`host`]: the line protocol to the host over semihosting.
//! - [`machine`]: the QEMU boards the firmware runs on.
//! - [`meter`]: instruction counts and stack use of a region.
//! - [`reader`]: a book read through the engine's reader core: page by page, a scripted
//!   session of contents, chapters and bookmarks, and its state saved and resumed.
//! - [`rt`]: start-up (meter calibration), shut-down (done or failed), panic and fault
//!   reporting.
//! - [`surface`]: drawing a page by blitting into the engine's framebuffer, through any
//!   `DrawTarget`, or in gray.
//!
//! See README.md for how to run the firmware and for the line protocol.

#![no_std]

pub mod article;
pub mod book;
pub mod fb;
pub mod gray;
pub mod host;
pub mod machine;
pub mod meter;
pub mod reader;
pub mod rt;
pub mod session;
pub mod surface;
