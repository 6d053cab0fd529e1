//! Baking line breaks: every line's length on every page of one profile, as Rice codes
//! ([`inkleaf::format::LineBreaksRecord`]).

use inkleaf::format::{width_for, LineBreaksRecord, MAX_QUOTIENT, MAX_RICE, PAGES_PER_ANCHOR};

/// A line as it is baked: its length in bytes, or `None` for a line that ends at a newline or
/// its block's end, which the text says.
pub type BakedLine = Option<u32>;

/// The bytes of a line-break record: anchors and codes, with the parameters that read them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BakedBreaks {
    /// The typical line length codes count from.
    pub base: u16,
    /// Low bits of each line's code.
    pub rice: u8,
    /// Whether each line's code opens with a bit that says whether a length follows.
    pub flagged: bool,
    /// The most lines a page codes.
    pub most: u16,
    /// Low bits of each page's count.
    pub count_rice: u8,
    /// Bits of each anchor.
    pub anchor_bits: u8,
    /// Where every [`PAGES_PER_ANCHOR`]th page's codes start.
    pub anchors: Vec<u8>,
    /// Bits of `codes` that are codes.
    pub code_bits: u32,
    /// The line codes, page after page.
    pub codes: Vec<u8>,
}

impl BakedBreaks {
    /// The record that reads these bytes.
    pub fn record(&self) -> LineBreaksRecord<'_> {
        LineBreaksRecord {
            base: self.base,
            rice: self.rice,
            flagged: self.flagged,
            most: self.most,
            count_rice: self.count_rice,
            anchor_bits: self.anchor_bits,
            anchors: &self.anchors,
            code_bits: self.code_bits,
            codes: &self.codes,
        }
    }
}

/// Bakes `pages`, each a list of its lines, with the base and Rice parameter that take the
/// fewest bits. A page's last line is not coded: it ends where the next page starts.
pub fn bake_line_breaks(pages: &[Vec<BakedLine>]) -> BakedBreaks {
    let mut lengths: Vec<u32> = pages
        .iter()
        .flat_map(|lines| coded(lines))
        .flatten()
        .copied()
        .collect();
    lengths.sort_unstable();
    // The median: most lines of a page are about as long as each other.
    let base = lengths.get(lengths.len() / 2).copied().unwrap_or(0);
    let base = u16::try_from(base).unwrap_or(u16::MAX);
    let values: Vec<Vec<Option<u32>>> = pages
        .iter()
        .map(|lines| {
            coded(lines)
                .iter()
                .map(|&l| l.map(|len| LineBreaksRecord::value(base, len)))
                .collect()
        })
        .collect();
    // Lines that end at a break cost a bit each and the others one more, flagged; or the
    // value 0 and lengths one up, not: prose has few such lines, code and verse many.
    let lengths = || values.iter().flatten().filter_map(|&v| v);
    let breaks = values.iter().flatten().filter(|v| v.is_none()).count() as u64;
    let flagged_rice = cheapest_rice(lengths());
    let flagged_bits = rice_bits(lengths(), flagged_rice) + lengths().count() as u64 + breaks;
    let plain = || values.iter().flatten().map(|&v| unflagged(v));
    let plain_rice = cheapest_rice(plain());
    let flagged = flagged_bits < rice_bits(plain(), plain_rice);
    let rice = if flagged { flagged_rice } else { plain_rice };
    let per_page: Vec<u32> = values
        .iter()
        .map(|v| u32::try_from(v.len()).unwrap_or(u32::MAX))
        .collect();
    let most = per_page.iter().copied().max().unwrap_or(0);
    let count_rice = cheapest_rice(per_page.iter().map(|&n| most - n));
    let mut codes = BitWriter::default();
    let mut starts = Vec::new();
    for (page, &count) in values.iter().zip(&per_page) {
        starts.push(codes.len);
        codes.rice(most - count, count_rice);
        for &v in page {
            if flagged {
                // A zero bit for a line that ends at a break, else a one bit and its length.
                codes.put(u64::from(v.is_some()), 1);
                if let Some(v) = v {
                    codes.rice(v, rice);
                }
            } else {
                codes.rice(unflagged(v), rice);
            }
        }
    }
    let anchored: Vec<u64> = starts
        .iter()
        .copied()
        .step_by(PAGES_PER_ANCHOR as usize)
        .skip(1)
        .collect();
    let last = anchored.last().copied().unwrap_or(0);
    let anchor_bits = width_for(u32::try_from(last).unwrap_or(u32::MAX));
    let mut anchors = BitWriter::default();
    for &at in &anchored {
        anchors.put(at, anchor_bits);
    }
    BakedBreaks {
        base,
        rice,
        flagged,
        most: u16::try_from(most).unwrap_or(u16::MAX),
        count_rice,
        // At most 32: the cast is exact.
        anchor_bits: anchor_bits as u8,
        anchors: anchors.bytes,
        code_bits: u32::try_from(codes.len).unwrap_or(u32::MAX),
        codes: codes.bytes,
    }
}

/// The Rice parameter that writes `values` in the fewest bits, each within the longest
/// unary part a reader takes.
fn cheapest_rice(values: impl Iterator<Item = u32> + Clone) -> u8 {
    (0..=MAX_RICE)
        .filter(|&k| values.clone().all(|v| v >> k <= MAX_QUOTIENT))
        .min_by_key(|&k| rice_bits(values.clone(), k))
        .unwrap_or(MAX_RICE)
}

/// The value a line is coded as without `flagged`: 0 for a line that ends at a break, its
/// length's value one up.
fn unflagged(value: Option<u32>) -> u32 {
    value.map_or(0, |v| v.saturating_add(1))
}

/// Bits that `values` take as Rice codes with parameter `k`.
fn rice_bits(values: impl Iterator<Item = u32>, k: u8) -> u64 {
    values.map(|v| u64::from(v >> k) + 1 + u64::from(k)).sum()
}

/// The lines of a page that are coded: all but its last.
fn coded(lines: &[BakedLine]) -> &[BakedLine] {
    &lines[..lines.len().saturating_sub(1)]
}

/// Bits written most significant first, the last byte padded with zeros.
#[derive(Default)]
struct BitWriter {
    bytes: Vec<u8>,
    len: u64,
}

impl BitWriter {
    /// Writes `value` as a Rice code with parameter `k`.
    fn rice(&mut self, value: u32, k: u8) {
        for _ in 0..value >> k {
            self.put(1, 1);
        }
        self.put(0, 1);
        self.put(u64::from(value), u32::from(k));
    }

    /// Writes the low `width` bits of `value`.
    fn put(&mut self, value: u64, width: u32) {
        for bit in (0..width).rev() {
            if self.len % 8 == 0 {
                self.bytes.push(0);
            }
            if value >> bit & 1 == 1 {
                if let Some(last) = self.bytes.last_mut() {
                    *last |= 0x80 >> (self.len % 8);
                }
            }
            self.len += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_near_the_median_take_a_few_bits() {
        let page = vec![Some(45), Some(44), Some(46), None, Some(45), Some(12), None];
        let baked = bake_line_breaks(&[page.clone(), page]);
        assert_eq!(baked.base, 45);
        // 12 lines coded (each page's last is not), two far from the rest, and two counts:
        // under 6 bits a line.
        assert!(baked.code_bits < 12 * 6, "{baked:?}");
        assert_eq!((baked.most, baked.count_rice), (6, 0));
        assert!(baked.anchors.is_empty());
    }

    #[test]
    fn every_sixteenth_page_is_anchored() {
        let pages: Vec<Vec<BakedLine>> = (0..40).map(|n| vec![Some(30); n % 3 + 1]).collect();
        let baked = bake_line_breaks(&pages);
        assert_eq!(baked.most, 2);
        // Pages 16 and 32.
        let anchors = (2 * u32::from(baked.anchor_bits)).div_ceil(8);
        assert_eq!(baked.anchors.len() as u32, anchors);
        let bits = baked.codes.len() as u32 * 8;
        assert!(baked.code_bits <= bits && baked.code_bits + 8 > bits);
    }
}
