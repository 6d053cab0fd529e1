//! Which characters go into a font section.

use std::collections::BTreeSet;

use inkleaf::font::fallback;

use super::raster::Raster;

/// Characters the engine draws whatever the text says: the gap measure (space), the hyphen of a
/// split word, the last-resort `?`, and the footer's "page 12 / 34".
pub const ENGINE_CHARS: &str = " -?/0123456789page";

/// The characters to pack, sorted, and the requested ones the font lacks.
///
/// Control characters are never drawn, so they are neither packed nor missing. A character the
/// font lacks brings in its ASCII stand-in, which the engine draws instead.
pub fn choose(raster: &Raster, chars: impl IntoIterator<Item = char>) -> (Vec<char>, Vec<char>) {
    let requested: BTreeSet<char> = chars.into_iter().filter(|c| !c.is_control()).collect();
    let mut packed = BTreeSet::new();
    let mut missing = Vec::new();
    for &c in &requested {
        if raster.has(c) {
            packed.insert(c);
        } else {
            missing.push(c);
            packed.extend(fallback(c).unwrap_or("?").chars());
        }
    }
    packed.extend(ENGINE_CHARS.chars());
    let packed = packed.into_iter().filter(|&c| raster.has(c)).collect();
    (packed, missing)
}
