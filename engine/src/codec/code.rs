//! Canonical prefix codes stored in the model, decoded in place (no tables in RAM).
//!
//! A code is `max_len` (5 bits); if it is 0 the code has exactly one symbol, taking no bits.
//! Otherwise `count_width` (5 bits), `max_len` counts of `count_width` bits (codes of length
//! 1, 2, …), then the symbols in canonical order, `id_width` bits each. Canonical order means
//! the first symbol of length `l` gets the code after the last one of length `l - 1`, shifted
//! left by one (DEFLATE's rule); the list says which symbol each code is. The escape code may
//! instead be flat (`max_len` 31): each symbol is its id as an `id_width`-bit number, no table.

use super::cursor::Cursor;
use super::format::{FLAT_CODE as FLAT, MAX_CODE_LEN};
#[cfg(feature = "tables")]
use super::table::MISS;
use crate::bits;

/// Counts a [`Code`] keeps in RAM: the lengths from `min_len` on that most symbols have.
/// Six, not eight, leave room for the first symbol in the same 16 bytes, which gains more.
const CACHED: usize = 6;

/// [`Code::first`] for a first symbol whose id is 65,535 or more: read from flash.
const NOT_KEPT: u16 = u16::MAX;

/// Where one code sits in the model's bytes, with its first counts at hand (16 bytes).
#[derive(Copy, Clone, Debug, Default)]
pub(crate) struct Code {
    list_at: u32,
    /// Codes of each length from `min_len` on, `cached` of them: as many as are below 256,
    /// up to [`CACHED`]. Longer lengths are read from flash, which few symbols need.
    counts: [u8; CACHED],
    max_len: u8,
    count_width: u8,
    /// Shortest code length; shorter lengths have no codes and are skipped when decoding.
    min_len: u8,
    cached: u8,
    /// The first listed symbol, the one with the shortest code (the likeliest in its context),
    /// decoded without a flash read if its id is below 65,535; [`NOT_KEPT`] otherwise.
    first: u16,
}

impl Code {
    /// Reads and checks a code's header and counts, returning it and its symbol count.
    ///
    /// The code must be complete (every bit string starts some code), so any stream decodes
    /// to some symbol within `max_len` bits. `ids` is the number of valid symbol ids.
    /// `flat_ok` allows the [`FLAT`] form (ids as plain `id_width`-bit numbers).
    pub(crate) fn parse(
        cursor: &mut Cursor<'_>,
        id_width: u32,
        ids: u32,
        flat_ok: bool,
    ) -> Option<Code> {
        let max_len = cursor.bits(5)?;
        let mut code = Code {
            max_len: max_len as u8,
            ..Code::default()
        };
        if max_len == FLAT && flat_ok {
            return Some(code);
        }
        let total = if max_len == 0 {
            1
        } else {
            if max_len > MAX_CODE_LEN {
                return None;
            }
            let count_width = cursor.bits(5).filter(|&w| w > 0)?;
            code.count_width = count_width as u8;
            // Kraft sum in units of 2^-MAX_CODE_LEN; complete means exactly 2^MAX_CODE_LEN.
            let mut kraft = 0u64;
            let mut total = 0u32;
            for len in 1..=max_len {
                let count = cursor.bits(count_width)?;
                if count > 0 && code.min_len == 0 {
                    code.min_len = len as u8;
                }
                code.cache(len, count);
                kraft += u64::from(count) << (MAX_CODE_LEN - len);
                total = total.checked_add(count)?;
            }
            if kraft != 1 << MAX_CODE_LEN {
                return None;
            }
            total
        };
        code.list_at = cursor.pos();
        for slot in 0..total {
            let id = cursor.bits(id_width).filter(|&id| id < ids)?;
            if slot == 0 {
                code.first = u16::try_from(id).unwrap_or(NOT_KEPT);
            }
        }
        Some(code)
    }

    /// Keeps the count of length `len` if the lengths from `min_len` up to it all fit.
    fn cache(&mut self, len: u32, count: u32) {
        let slot = len.wrapping_sub(u32::from(self.min_len)) as usize;
        if self.min_len > 0 && slot == usize::from(self.cached) {
            if let (Some(cell), Ok(count)) = (self.counts.get_mut(slot), u8::try_from(count)) {
                *cell = count;
                self.cached += 1;
            }
        }
    }

    /// Decodes one symbol from `stream` at bit `pos`: `(symbol id, code length)`.
    ///
    /// Bits past the stream's end read as zero; the caller checks the new position. The code
    /// was checked complete by [`Code::parse`], so the walk always finds a symbol.
    #[inline(always)]
    pub(crate) fn decode(
        &self,
        model: &[u8],
        id_width: u32,
        stream: &[u8],
        pos: u32,
    ) -> (u32, u32) {
        match u32::from(self.max_len) {
            FLAT => return (bits::read(stream, pos, id_width), id_width),
            0 => return (self.listed(model, id_width, 0), 0),
            _ => {}
        }
        let window = bits::peek32(stream, pos);
        let symbol = |index: u32| self.listed(model, id_width, index);
        // `first` is the first code of length `len`, `index` the list slot of that code:
        // a window whose top `len` bits are `first + rank` with `rank < count` is that
        // length's symbol number `rank` (DEFLATE's `puff`). Lengths below the shortest hold
        // no codes, so the walk starts there with `first` 0.
        let (mut len, mut first, mut index) = (u32::from(self.min_len), 0u32, 0u32);
        for &count in self.counts.iter().take(usize::from(self.cached)) {
            let count = u32::from(count);
            let rank = (window >> (32 - len)).wrapping_sub(first);
            if rank < count {
                let at = index + rank;
                if at == 0 && self.first != NOT_KEPT {
                    return (u32::from(self.first), len);
                }
                return (symbol(at), len);
            }
            index += count;
            first = (first + count) << 1;
            len += 1;
        }
        // Past the cached counts: read them from flash, just before the list.
        let (width, counts_at) = (u32::from(self.count_width), self.counts_at());
        while len <= u32::from(self.max_len) {
            let count = bits::read(model, counts_at + (len - 1) * width, width);
            let rank = (window >> (32 - len)).wrapping_sub(first);
            if rank < count {
                return (symbol(index.wrapping_add(rank)), len);
            }
            index = index.wrapping_add(count);
            first = first.wrapping_add(count) << 1;
            len += 1;
        }
        // Unreachable for a checked code; symbol 0 keeps decoding total anyway.
        (symbol(0), u32::from(self.max_len))
    }

    /// Calls `visit(symbol, length, code)` for every symbol this code lists, ids below
    /// `ids`. For encoders: the decoder walks the code instead.
    pub(crate) fn for_each_codeword(
        &self,
        model: &[u8],
        id_width: u32,
        ids: u32,
        mut visit: impl FnMut(u32, u32, u32),
    ) {
        let mut set = |symbol: u32, (len, code)| {
            if symbol < ids {
                visit(symbol, len, code);
            }
        };
        match u32::from(self.max_len) {
            FLAT => (0..ids).for_each(|id| set(id, (id_width, id))),
            0 => set(self.listed(model, id_width, 0), (0, 0)),
            max_len => {
                let (width, counts_at) = (u32::from(self.count_width), self.counts_at());
                let (mut first, mut index) = (0u32, 0u32);
                for len in 1..=max_len {
                    let count = bits::read(model, counts_at + (len - 1) * width, width);
                    for rank in 0..count {
                        set(
                            self.listed(model, id_width, index + rank),
                            (len, first + rank),
                        );
                    }
                    index += count;
                    first = (first + count) << 1;
                }
            }
        }
    }

    /// Symbol number `index` of the list, in canonical order.
    #[inline(always)]
    fn listed(&self, model: &[u8], id_width: u32, index: u32) -> u32 {
        bits::read(model, self.list_at + index * id_width, id_width)
    }

    /// Where the counts of lengths 1 to `max_len` are stored: just before the list.
    #[inline(always)]
    fn counts_at(&self) -> u32 {
        self.list_at
            .wrapping_sub(u32::from(self.max_len) * u32::from(self.count_width))
    }

    /// Writes this code's lookup table (`1 << bits` words, `bits` at most 16): the word at
    /// index `w` is `id << 8 | length` of the code that the bit string `w` starts, or
    /// [`MISS`] if that code is longer than `bits`.
    #[cfg(feature = "tables")]
    pub(crate) fn fill_table(&self, model: &[u8], id_width: u32, bits: u32, table: &mut [u32]) {
        table.fill(MISS);
        match u32::from(self.max_len) {
            FLAT if id_width <= bits => {
                for (w, word) in (0u32..).zip(table.iter_mut()) {
                    *word = (w >> (bits - id_width)) << 8 | id_width;
                }
                return;
            }
            FLAT => return,
            0 => {
                table.fill(self.listed(model, id_width, 0) << 8);
                return;
            }
            _ => {}
        }
        let (width, counts_at) = (u32::from(self.count_width), self.counts_at());
        let (mut first, mut index) = (0u32, 0u32);
        for len in 1..=u32::from(self.max_len).min(bits) {
            let count = bits::read(model, counts_at + (len - 1) * width, width);
            let span = 1usize << (bits - len);
            for rank in 0..count {
                let symbol = self.listed(model, id_width, index + rank);
                let start = ((first + rank) as usize) << (bits - len);
                // A checked code's codes of length `len` are below `1 << len`.
                if let Some(words) = table.get_mut(start..start + span) {
                    words.fill(symbol << 8 | len);
                }
            }
            index += count;
            first = (first + count) << 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A code as `docs/CODEC.md` lays it out: `max_len`, `count_width`, counts, symbols.
    fn code_bytes(counts: &[u32], count_width: u32, symbols: &[u32], id_width: u32) -> [u8; 512] {
        let (mut data, mut at) = ([0u8; 512], 0usize);
        let mut push = |value: u32, width: u32| {
            for i in (0..width).rev() {
                data[at / 8] |= (((value >> i) & 1) as u8) << (7 - at % 8);
                at += 1;
            }
        };
        push(counts.len() as u32, 5);
        push(count_width, 5);
        counts.iter().for_each(|&c| push(c, count_width));
        symbols.iter().for_each(|&s| push(s, id_width));
        data
    }

    #[test]
    fn long_codes_read_their_counts_from_flash() {
        // Lengths 1..=10 hold one code each, length 11 the remaining two: a complete code
        // over 12 symbols, longer than the cached counts.
        let counts = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2];
        let symbols: [u32; 12] = core::array::from_fn(|i| i as u32);
        let data = code_bytes(&counts, 2, &symbols, 4);
        let code = Code::parse(&mut Cursor::new(&data), 4, 12, false).expect("valid code");
        assert_eq!(usize::from(code.cached), CACHED);
        assert_eq!(code.decode(&data, 4, &[0x00], 0), (0, 1));
        assert_eq!(code.decode(&data, 4, &[0b1111_1100], 0), (6, 7));
        assert_eq!(code.decode(&data, 4, &[0xFF, 0b0000_0000], 0), (8, 9));
        assert_eq!(code.decode(&data, 4, &[0xFF, 0b1100_0000], 0), (10, 11));
        assert_eq!(code.decode(&data, 4, &[0xFF, 0b1110_0000], 0), (11, 11));
    }

    /// Every entry of `code`'s `bits`-bit table agrees with walking the code.
    #[cfg(feature = "tables")]
    fn assert_table_matches_walk(code: &Code, data: &[u8], id_width: u32, bits: u32) {
        let mut table = [0u32; 1 << 10];
        let table = &mut table[..1 << bits];
        code.fill_table(data, id_width, bits, table);
        for (w, &word) in (0u32..).zip(table.iter()) {
            let window = (w << (32 - bits)).to_be_bytes();
            let (id, len) = code.decode(data, id_width, &window, 0);
            if len <= bits {
                assert_eq!((word >> 8, word & 0xFF), (id, len), "window {w:b}");
            } else {
                assert_eq!(word, MISS, "window {w:b}");
            }
        }
    }

    #[cfg(feature = "tables")]
    #[test]
    fn tables_agree_with_the_walk() {
        let symbols: [u32; 258] = core::array::from_fn(|i| i as u32);
        let long = code_bytes(&[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2], 2, &symbols[..12], 4);
        let long_code = Code::parse(&mut Cursor::new(&long), 4, 12, false).expect("valid code");
        let mut wide_counts = [0u32; 9];
        (wide_counts[1], wide_counts[8]) = (2, 256);
        let wide = code_bytes(&wide_counts, 9, &symbols, 9);
        let wide_code = Code::parse(&mut Cursor::new(&wide), 9, 258, false).expect("valid code");
        for bits in 1..=10 {
            assert_table_matches_walk(&long_code, &long, 4, bits);
            assert_table_matches_walk(&wide_code, &wide, 9, bits);
        }
    }

    #[cfg(feature = "tables")]
    #[test]
    fn flat_and_single_symbol_tables() {
        // A flat code (`max_len` 31) and a one-symbol code (`max_len` 0, symbol 5 in 4 bits).
        let flat = [0b1111_1000];
        let flat_code = Code::parse(&mut Cursor::new(&flat), 4, 16, true).expect("flat code");
        let single = [0b0000_0010, 0b1000_0000];
        let single_code = Code::parse(&mut Cursor::new(&single), 4, 16, false).expect("one");
        for bits in 1..=10 {
            assert_table_matches_walk(&flat_code, &flat, 4, bits);
            assert_table_matches_walk(&single_code, &single, 4, bits);
        }
    }

    #[test]
    fn counts_past_a_byte_are_not_cached() {
        // Length 4 holds eight codes, length 9 the other 256: 8/16 + 256/512 = 1. Lengths 4
        // to 8 are cached; length 9 is within the first CACHED lengths, but its count does
        // not fit a byte.
        let mut counts = [0u32; 9];
        counts[3] = 8;
        counts[8] = 256;
        let symbols: [u32; 264] = core::array::from_fn(|i| i as u32);
        let data = code_bytes(&counts, 9, &symbols, 9);
        let code = Code::parse(&mut Cursor::new(&data), 9, 264, false).expect("valid code");
        assert_eq!(code.cached, 5);
        assert_eq!(code.decode(&data, 9, &[0x00], 0), (0, 4));
        assert_eq!(code.decode(&data, 9, &[0x70], 0), (7, 4));
        assert_eq!(code.decode(&data, 9, &[0x80, 0x00], 0), (8, 9));
        assert_eq!(code.decode(&data, 9, &[0xFF, 0x80], 0), (263, 9));
    }

    #[test]
    fn a_first_symbol_past_16_bits_is_read_from_flash() {
        // Two one-bit codes; the first symbol's id needs 17 bits, the second's does not.
        let data = code_bytes(&[2], 2, &[70_000, 1], 17);
        let code = Code::parse(&mut Cursor::new(&data), 17, 70_001, false).expect("valid code");
        assert_eq!(code.first, NOT_KEPT);
        assert_eq!(code.decode(&data, 17, &[0x00], 0), (70_000, 1));
        assert_eq!(code.decode(&data, 17, &[0x80], 0), (1, 1));
        let edge = code_bytes(&[2], 2, &[65_535, 1], 17);
        let edge_code = Code::parse(&mut Cursor::new(&edge), 17, 70_001, false).unwrap();
        assert_eq!(edge_code.first, NOT_KEPT, "65,535 is the sentinel itself");
        assert_eq!(edge_code.decode(&edge, 17, &[0x00], 0), (65_535, 1));
        let narrow = code_bytes(&[2], 2, &[300, 1], 17);
        let narrow_code = Code::parse(&mut Cursor::new(&narrow), 17, 70_001, false).unwrap();
        assert_eq!(narrow_code.first, 300);
        assert_eq!(narrow_code.decode(&narrow, 17, &[0x00], 0), (300, 1));
    }
}
