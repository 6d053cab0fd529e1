//! Lookup tables for a model, in a caller's buffer: faster decoding, the same results.

use super::{Model, Symbol};
use crate::codec::table::{self, Tables};
use crate::Error;

impl<'a> Model<'a> {
    /// Words of RAM that [`Model::accelerate`] fills with tables indexed by `bits` bits
    /// (4 to 10; others are clamped): one table of `1 << bits` words per code, one word per
    /// symbol.
    #[cfg(feature = "tables")]
    pub fn table_words(&self, bits: u32) -> usize {
        table::words_for(u32::from(self.contexts()) + 1, self.n_sym, bits)
    }

    /// Builds lookup tables in `buf` and decodes through them from now on: faster, with the
    /// same results. Takes the widest tables (up to 10 bits) that fit; returns their bits,
    /// or [`Error::BufferTooSmall`] (in bytes) if not even 4-bit tables fit.
    ///
    /// The model alone decodes in under 512 bytes of RAM; the tables are for a host or a
    /// device with RAM to spare. The built-in English model (17 codes, 1,450 symbols) takes
    /// 10 KB at 6 bits; the Rust book's (17 codes, 3,858 symbols) 83 KB at 10 bits.
    #[cfg(feature = "tables")]
    pub fn accelerate(&mut self, buf: &'a mut [u32]) -> Result<u32, Error> {
        let codes = u32::from(self.contexts()) + 1;
        let fits = |bits: u32| self.table_words(bits) <= buf.len();
        let too_small = Error::BufferTooSmall {
            needed: u32::try_from(self.table_words(table::MIN_BITS).saturating_mul(4))
                .unwrap_or(u32::MAX),
        };
        let bits = (table::MIN_BITS..=table::MAX_BITS)
            .rev()
            .find(|&b| fits(b))
            .ok_or(too_small)?;
        let symbols_at = table::symbols_at(codes, bits);
        let (code_words, rest) = buf.split_at_mut_checked(symbols_at).ok_or(too_small)?;
        for (code, words) in self
            .codes
            .iter()
            .zip(code_words.chunks_exact_mut(1 << bits))
        {
            code.fill_table(self.data, u32::from(self.id_width), bits, words);
        }
        for (id, word) in (0..self.n_sym).zip(rest.iter_mut()) {
            *word = match self.symbol(id) {
                Symbol::Literal(_) => {
                    u32::from(self.literal(id)) | self.contexts.group(self.data, id) << 24
                }
                Symbol::Entry(_, end) => end - self.spell_at,
            };
        }
        self.tables = Some(Tables {
            words: buf,
            symbols_at: symbols_at as u32,
            bits: bits as u8,
        });
        Ok(bits)
    }
}
