//! The model: literal characters, contexts, prefix codes and the dictionary, read in place.
//!
//! [`Model`] holds offsets into the model's bytes and small caches. Opening checks it once
//! (`open`); the decoder's questions on every character are answered in `decode`; an encoder
//! codes with it through `encoder`; `accelerate` builds lookup tables (feature `tables`).

#[cfg(feature = "tables")]
mod accelerate;
mod decode;
mod encoder;
mod open;

use super::code::Code;
use super::context::ContextMap;
use super::format::MAX_CONTEXTS;
#[cfg(feature = "tables")]
use super::table::Tables;

/// A checked view of a model's bytes (see `docs/CODEC.md` for the layout).
///
/// [`Model::from_bytes`] validates everything once: the codes are complete prefix codes, every
/// symbol id, context and offset is in range, every literal is a `char`, and every dictionary
/// entry decodes to 1 to 32 bytes of literals. Decoding can then rely on it. The struct holds
/// offsets into the borrowed bytes and small caches (each code's first counts and first
/// symbol, the context map, the groups of the first 96 literals): 460 bytes on a 32-bit target
/// (444 without the `tables` feature), so a model and a decoder fit in 512 bytes of RAM. With
/// RAM to spare, `Model::accelerate` (feature `tables`) adds lookup tables in a caller's buffer.
#[derive(Copy, Clone, Debug)]
pub struct Model<'a> {
    data: &'a [u8],
    n_ascii: u32,
    n_lit: u32,
    n_sym: u32,
    ascii_at: u32,
    wide_at: u32,
    wide_width: u8,
    id_width: u8,
    off_width: u8,
    contexts: ContextMap,
    /// The escape code first, then one per context.
    codes: [Code; MAX_CONTEXTS + 1],
    ends_at: u32,
    spell_at: u32,
    /// Whether these are the built-in model's own bytes (not a copy in a blob): its entries
    /// the decoder copies out of the engine's spelled-out dictionary (`codec::spelled`).
    builtin: bool,
    /// Lookup tables in a caller's buffer, once [`Model::accelerate`] built them.
    #[cfg(feature = "tables")]
    tables: Option<Tables<'a>>,
}

/// What a symbol id stands for.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Symbol {
    /// Literal `id`, one character.
    Literal(u32),
    /// Dictionary entry: its spelling's bit range in the model.
    Entry(u32, u32),
}

impl Model<'_> {
    /// Whether this is the built-in English model, rather than one a blob carries.
    #[inline(always)]
    pub fn is_builtin(&self) -> bool {
        self.builtin
    }

    /// The characters this model can code, in literal id order.
    pub fn chars(&self) -> impl Iterator<Item = char> + '_ {
        (0..self.n_lit).map(|id| self.literal(id))
    }

    /// Size of the model in bytes, wherever it is stored.
    pub fn byte_len(&self) -> usize {
        self.data.len()
    }

    /// Number of contexts (1 to 16).
    pub fn contexts(&self) -> u8 {
        self.contexts.contexts()
    }

    /// Number of dictionary entries.
    pub fn entries(&self) -> u32 {
        self.n_sym - self.n_lit
    }

    /// Number of literal characters.
    pub fn literals(&self) -> u32 {
        self.n_lit
    }
}
