//! Kerning pairs among the packed characters.

use super::raster::Raster;
use super::section::Pair;

/// Every nonzero whole-pixel kerning that `raster` gives between two of `chars` (sorted)
/// whose index `kerned` accepts, ordered by index pair. Glyphs another font supplies are not
/// kerned: one font's kerning says nothing about another's shapes.
///
/// Pairs are looked up one by one: fontdue keeps its `kern` table private, and a subset of a
/// few hundred characters is at most some tens of thousands of lookups.
pub fn pairs(raster: &Raster, chars: &[char], kerned: impl Fn(usize) -> bool) -> Vec<Pair> {
    let own: Vec<usize> = (0..chars.len()).filter(|&i| kerned(i)).collect();
    let mut out = Vec::new();
    for &left in &own {
        for &right in &own {
            let value = raster.kerning(chars[left], chars[right]);
            if value != 0 {
                out.push(Pair { left, right, value });
            }
        }
    }
    out
}
