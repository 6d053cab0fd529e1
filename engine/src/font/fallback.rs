//! ASCII stand-ins for typographic characters a font lacks.
//!
//! | character | stand-in |
//! |-----------|----------|
//! | “ ” „ ″ « » | `"` |
//! | ‘ ’ ‚ ′ ‹ › | `'` |
//! | — (em dash), ― | `--` |
//! | – (en dash), ‐ ‑ ‒ − | `-` |
//! | … | `...` |
//! | non-breaking and other spaces | ` ` |
//! | • · | `*` |
//!
//! Anything else a font lacks is drawn as `?`.

/// The stand-in for `c`, if it has one.
///
/// ```
/// use inkleaf::font::fallback;
///
/// assert_eq!(fallback('—'), Some("--"));
/// assert_eq!(fallback('“'), Some("\""));
/// assert_eq!(fallback('é'), None); // no stand-in: drawn as `?` by a font without it
/// ```
pub fn fallback(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{2033}' | '\u{AB}' | '\u{BB}' => "\"",
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{2032}' | '\u{2039}' | '\u{203A}' => "'",
        '\u{2014}' | '\u{2015}' => "--",
        '\u{2013}' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2212}' => "-",
        '\u{2026}' => "...",
        '\u{A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' => " ",
        '\u{2022}' | '\u{B7}' => "*",
        _ => return None,
    })
}
