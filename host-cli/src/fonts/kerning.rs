//! Kerning pairs among the packed characters.

use super::raster::Raster;
use super::section::Pair;

/// Every nonzero whole-pixel kerning between two of `chars` (sorted), ordered by index pair.
///
/// Pairs are looked up one by one: fontdue keeps its `kern` table private, and a subset of a
/// few hundred characters is at most some tens of thousands of lookups.
pub fn pairs(raster: &Raster, chars: &[char]) -> Vec<Pair> {
    let mut out = Vec::new();
    for (left, &l) in chars.iter().enumerate() {
        for (right, &r) in chars.iter().enumerate() {
            let value = raster.kerning(l, r);
            if value != 0 {
                out.push(Pair { left, right, value });
            }
        }
    }
    out
}
