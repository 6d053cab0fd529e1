//! Which characters go into a font section, and which font supplies each.

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
    let (packed, missing) = choose_among(&[raster], chars, ENGINE_CHARS);
    (packed.into_iter().map(|(c, _)| c).collect(), missing)
}

/// A character to pack and the index in `fonts` of the first font that has it.
pub type Pick = (char, usize);

/// As [`choose`], over a main font and the fonts after it that stand in for it, tried in
/// order: the characters to pack, sorted, each with the font that supplies it, and the
/// requested characters no font has. `always` are packed whatever the text says, if a font
/// has them.
pub fn choose_among(
    fonts: &[&Raster],
    chars: impl IntoIterator<Item = char>,
    always: &str,
) -> (Vec<Pick>, Vec<char>) {
    let first_with = |c: char| fonts.iter().position(|f| f.has(c));
    let requested: BTreeSet<char> = chars.into_iter().filter(|c| !c.is_control()).collect();
    let mut packed = BTreeSet::new();
    let mut missing = Vec::new();
    for &c in &requested {
        if first_with(c).is_some() {
            packed.insert(c);
        } else {
            missing.push(c);
            packed.extend(fallback(c).unwrap_or("?").chars());
        }
    }
    packed.extend(always.chars());
    let packed = packed
        .into_iter()
        .filter_map(|c| Some((c, first_with(c)?)))
        .collect();
    (packed, missing)
}
