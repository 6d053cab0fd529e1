//! Baking line breaks: every line's length on every page of one profile, as Rice codes
//! ([`inkleaf::format::LineBreaksRecord`]).

use inkleaf::format::{width_for, LineBreaksRecord, MAX_QUOTIENT, MAX_RICE};

/// A line as it is baked: its length in bytes, or `None` for a line to its block's end.
pub type BakedLine = Option<u32>;

/// The bytes of a line-break record: offsets and codes, with the parameters that read them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BakedBreaks {
    /// The typical line length codes count from.
    pub base: u16,
    /// Low bits of each code.
    pub rice: u8,
    /// Bits of each page offset.
    pub offset_bits: u8,
    /// Where each page after the first starts in `codes`.
    pub offsets: Vec<u8>,
    /// The line codes, page after page.
    pub codes: Vec<u8>,
}

impl BakedBreaks {
    /// The record that reads these bytes.
    pub fn record(&self) -> LineBreaksRecord<'_> {
        LineBreaksRecord {
            base: self.base,
            rice: self.rice,
            offset_bits: self.offset_bits,
            offsets: &self.offsets,
            codes: &self.codes,
        }
    }
}

/// Bakes `pages`, each a list of its lines, with the base and Rice parameter that take the
/// fewest bits.
pub fn bake_line_breaks(pages: &[Vec<BakedLine>]) -> BakedBreaks {
    let mut lengths: Vec<u32> = pages.iter().flatten().flatten().copied().collect();
    lengths.sort_unstable();
    // The median: most lines of a page are about as long as each other.
    let base = lengths.get(lengths.len() / 2).copied().unwrap_or(0);
    let base = u16::try_from(base).unwrap_or(u16::MAX);
    let values: Vec<Vec<u32>> = pages
        .iter()
        .map(|lines| {
            lines
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
    let page_starts = starts.get(1..).unwrap_or_default();
    let last = page_starts.last().copied().unwrap_or(0);
    let offset_bits = width_for(u32::try_from(last).unwrap_or(u32::MAX));
    let mut offsets = BitWriter::default();
    for &at in page_starts {
        offsets.put(at, offset_bits);
    }
    BakedBreaks {
        base,
        rice,
        // At most 32: the cast is exact.
        offset_bits: offset_bits as u8,
        offsets: offsets.bytes,
        codes: codes.bytes,
    }
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
        // 14 lines, one far from the rest: under 6 bits a line.
        assert!(baked.codes.len() * 8 < 14 * 6, "{baked:?}");
        assert_eq!(baked.offsets.len(), 1);
    }
}
