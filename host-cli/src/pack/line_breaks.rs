//! Baking line breaks: every line's length on every page of one profile, as Rice codes
//! ([`inkleaf::format::LineBreaksRecord`]).

use inkleaf::format::{width_for, LineBreaksRecord, MAX_QUOTIENT, MAX_RICE, PAGES_PER_ANCHOR};

/// A line as it is baked: its length in bytes, or `None` for a line to its block's end.
pub type BakedLine = Option<u32>;

/// The bytes of a line-break record: counts, anchors and codes, with the parameters that
/// read them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BakedBreaks {
    /// The typical line length codes count from.
    pub base: u16,
    /// Low bits of each code.
    pub rice: u8,
    /// The fewest lines a page codes.
    pub fewest: u16,
    /// Bits of each page's count.
    pub count_bits: u8,
    /// How many lines each page codes, less `fewest`.
    pub counts: Vec<u8>,
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
            fewest: self.fewest,
            count_bits: self.count_bits,
            counts: &self.counts,
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
    let values: Vec<Vec<u32>> = pages
        .iter()
        .map(|lines| {
            coded(lines)
                .iter()
                .map(|&l| LineBreaksRecord::value(base, l))
                .collect()
        })
        .collect();
    let rice = (0..=MAX_RICE)
        .filter(|&k| values.iter().flatten().all(|&v| v >> k <= MAX_QUOTIENT))
        .min_by_key(|&k| {
            values
                .iter()
                .flatten()
                .map(|&v| u64::from(v >> k) + 1 + u64::from(k))
                .sum::<u64>()
        })
        .unwrap_or(MAX_RICE);
    let mut codes = BitWriter::default();
    let mut starts = Vec::new();
    for page in &values {
        starts.push(codes.len);
        for &v in page {
            for _ in 0..v >> rice {
                codes.put(1, 1);
            }
            codes.put(0, 1);
            codes.put(u64::from(v), u32::from(rice));
        }
    }
    let per_page: Vec<u32> = values
        .iter()
        .map(|v| u32::try_from(v.len()).unwrap_or(u32::MAX))
        .collect();
    let fewest = per_page.iter().copied().min().unwrap_or(0);
    let most = per_page.iter().copied().max().unwrap_or(0);
    let count_bits = width_for(most - fewest);
    let mut counts = BitWriter::default();
    for &n in &per_page {
        counts.put(u64::from(n - fewest), count_bits);
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
        fewest: u16::try_from(fewest).unwrap_or(u16::MAX),
        // At most 32 (anchors) and 16 (counts of lines a page holds): the casts are exact.
        count_bits: count_bits as u8,
        counts: counts.bytes,
        anchor_bits: anchor_bits as u8,
        anchors: anchors.bytes,
        code_bits: u32::try_from(codes.len).unwrap_or(u32::MAX),
        codes: codes.bytes,
    }
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
        // 12 lines coded (each page's last is not), one far from the rest: under 5 bits a line.
        assert!(baked.codes.len() * 8 < 12 * 5, "{baked:?}");
        assert_eq!((baked.fewest, baked.count_bits), (6, 0));
        assert!(baked.counts.is_empty() && baked.anchors.is_empty());
    }

    #[test]
    fn every_sixteenth_page_is_anchored() {
        let pages: Vec<Vec<BakedLine>> = (0..40).map(|n| vec![Some(30); n % 3 + 1]).collect();
        let baked = bake_line_breaks(&pages);
        assert_eq!((baked.fewest, baked.count_bits), (0, 2));
        assert_eq!(baked.counts.len(), 10);
        // Pages 16 and 32, each starting past 16 pages of one code a page on average.
        assert_eq!(
            baked.anchors.len() as u32,
            (2 * u32::from(baked.anchor_bits)).div_ceil(8)
        );
        let bits = baked.codes.len() as u32 * 8;
        assert!(baked.code_bits <= bits && baked.code_bits + 8 > bits);
    }
}
