//! Optional lookup tables: with RAM to spare, a decoder reads most codes with one load.
//!
//! In place, a code is read by walking its lengths (one compare each) and then its symbol
//! list in flash, and a literal's character and group are bit fields in flash too. That keeps
//! a model under 512 bytes of RAM, but each character waits on a chain of dependent reads and
//! a branch that mispredicts whenever the code length changes. A host, or a device with a few
//! kilobytes to spare, can instead give [`Model::accelerate`](super::Model::accelerate) a
//! buffer: each code gets a table indexed by the next `bits` bits of the stream, and each
//! symbol one word (a literal's character and group, an entry's spelling end). Codes longer
//! than `bits` still walk, so the tables change how fast a model decodes, never what it
//! decodes to.

/// A code table word for bit strings that start a code longer than the table's bits.
pub(crate) const MISS: u32 = u32::MAX;

/// Fewest and most bits a code table is indexed by.
pub(crate) const MIN_BITS: u32 = 4;
pub(crate) const MAX_BITS: u32 = 10;

/// Lookup tables built for one model, in a caller's buffer.
///
/// The model asks only for its own codes and symbols (code index up to its contexts, literal
/// ids for literals, entry ids for entries); any other index reads some other word or misses,
/// which can decode wrong text but never panics.
#[derive(Copy, Clone, Debug)]
pub(crate) struct Tables<'t> {
    /// One table per code (the escape code first), `1 << bits` words each: `id << 8 | length`
    /// of the code the next `bits` bits start, or [`MISS`]. Then one word per symbol: a
    /// literal's character with its group from bit 24, an entry's spelling end.
    pub(crate) words: &'t [u32],
    /// Index of symbol 0's word.
    pub(crate) symbols_at: u32,
    pub(crate) bits: u8,
}

impl Tables<'_> {
    /// `(symbol id, code length)` of code `code` at a stream window, if the table knows it.
    #[inline]
    pub(crate) fn code(&self, code: usize, window: u32) -> Option<(u32, u32)> {
        let bits = u32::from(self.bits);
        let at = (code << bits) | (window >> (32 - bits)) as usize;
        match self.words.get(at) {
            Some(&word) if word != MISS => Some((word >> 8, word & 0xFF)),
            _ => None,
        }
    }

    /// `(character, group)` of literal `id`.
    #[inline]
    pub(crate) fn literal(&self, id: u32) -> Option<(char, u32)> {
        let word = self.symbol(id)?;
        // Built from checked literals, so the character is valid; a miss never panics.
        Some((char::from_u32(word & 0x1F_FFFF)?, word >> 24))
    }

    /// Spelling range of entry symbol `id`, the first entry being `first`, relative to the
    /// spellings' start.
    #[inline]
    pub(crate) fn entry(&self, id: u32, first: u32) -> Option<(u32, u32)> {
        let end = self.symbol(id)?;
        // An entry's spelling starts where the one before it ends.
        let start = match id > first {
            true => self.symbol(id - 1)?,
            false => 0,
        };
        Some((start, end))
    }

    fn symbol(&self, id: u32) -> Option<u32> {
        self.words
            .get(self.symbols_at.wrapping_add(id) as usize)
            .copied()
    }
}

/// Words that tables of `bits` bits (clamped to [`MIN_BITS`]..=[`MAX_BITS`]) take for `codes`
/// codes and `symbols` symbols.
pub(crate) fn words_for(codes: u32, symbols: u32, bits: u32) -> usize {
    symbols_at(codes, bits.clamp(MIN_BITS, MAX_BITS)).saturating_add(symbols as usize)
}

/// Index of symbol 0's word in tables of `bits` bits (at most [`MAX_BITS`]): after one
/// table of `1 << bits` words per code.
pub(crate) fn symbols_at(codes: u32, bits: u32) -> usize {
    (codes as usize) << bits
}
