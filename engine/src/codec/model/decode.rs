//! What the decoder asks a model on every character: the symbol a stream's bits spell, what
//! it stands for, a literal's character and the context state after it.

use super::{Model, Symbol};
use crate::bits;
use crate::codec::context::State;

impl Model<'_> {
    /// Decodes a symbol in context `ctx` at bit `pos` of `stream`, following an escape.
    ///
    /// Returns the symbol id and the position after it, or `None` past the stream's end.
    ///
    /// One copy, called: the code walk inlined into it is too large to copy into every
    /// caller (the decoder reads tokens and spells entries with it).
    #[inline(never)]
    pub(crate) fn decode_id(&self, stream: &[u8], pos: u32, ctx: u8) -> Option<(u32, u32)> {
        let (mut id, len) = self.read_code(usize::from(ctx) + 1, stream, pos)?;
        let mut pos = pos + len;
        if id == self.n_sym {
            let (escaped, len) = self.read_escape(stream, pos)?;
            id = escaped;
            pos += len;
        }
        // A flat escape code can spell ids past the last symbol.
        (pos <= bits::bit_len(stream) && id < self.n_sym).then_some((id, pos))
    }

    /// Reads one code of code `index` (0 the escape code, then the contexts' codes).
    #[inline(always)]
    fn read_code(&self, index: usize, stream: &[u8], pos: u32) -> Option<(u32, u32)> {
        #[cfg(feature = "tables")]
        if let Some(tables) = &self.tables {
            if let Some(found) = tables.code(index, bits::peek32(stream, pos)) {
                return Some(found);
            }
        }
        let code = self.codes.get(index)?;
        Some(code.decode(self.data, u32::from(self.id_width), stream, pos))
    }

    /// Reads an escaped symbol's code: rare, so out of line.
    #[inline(never)]
    fn read_escape(&self, stream: &[u8], pos: u32) -> Option<(u32, u32)> {
        self.read_code(0, stream, pos)
    }

    /// Decodes a symbol that must be a literal (inside a dictionary entry).
    #[inline(always)]
    pub(super) fn decode_literal(&self, stream: &[u8], pos: u32, ctx: u8) -> Option<(u32, u32)> {
        self.decode_id(stream, pos, ctx)
            .filter(|&(id, _)| id < self.n_lit)
    }

    /// What symbol `id` stands for.
    #[inline(always)]
    pub(crate) fn symbol(&self, id: u32) -> Symbol {
        if id < self.n_lit {
            return Symbol::Literal(id);
        }
        let entry = id - self.n_lit;
        #[cfg(feature = "tables")]
        if let Some((start, end)) = self.tables.as_ref().and_then(|t| t.entry(id, self.n_lit)) {
            return Symbol::Entry(self.spell_at + start, self.spell_at + end);
        }
        let width = u32::from(self.off_width);
        let end = bits::read(self.data, self.ends_at + entry * width, width);
        let start = match entry {
            0 => 0,
            _ => bits::read(self.data, self.ends_at + (entry - 1) * width, width),
        };
        Symbol::Entry(self.spell_at + start, self.spell_at + end)
    }

    /// For the built-in model, symbol `id`'s spelling in the engine's spelled-out dictionary
    /// (positions of its bytes, and the state after them), if it is an entry.
    #[inline(always)]
    pub(crate) fn spelled_entry(&self, id: u32) -> Option<(u32, u32, State)> {
        if !self.builtin {
            return None;
        }
        crate::codec::spelled::entry(id.checked_sub(self.n_lit)?)
    }

    /// Decodes the next literal of an entry's spelling at model bit `pos`.
    #[inline(always)]
    pub(crate) fn spelled_literal(&self, pos: u32, ctx: u8) -> Option<(u32, u32)> {
        self.decode_literal(self.data, pos, ctx)
    }

    /// The character of literal `id`.
    #[inline(always)]
    pub(crate) fn literal(&self, id: u32) -> char {
        if id < self.n_ascii {
            // Seven bits are always a `char`: no check on the hot path.
            return char::from(bits::read(self.data, self.ascii_at + id * 7, 7) as u8);
        }
        let width = u32::from(self.wide_width);
        let value = bits::read(self.data, self.wide_at + (id - self.n_ascii) * width, width);
        char::from_u32(value).unwrap_or(char::REPLACEMENT_CHARACTER)
    }

    /// The character of literal `id` and the state after it in `state`.
    #[inline(always)]
    pub(crate) fn literal_and_next(&self, state: State, id: u32) -> (char, State) {
        #[cfg(feature = "tables")]
        if let Some((ch, group)) = self.tables.as_ref().and_then(|t| t.literal(id)) {
            return (ch, self.contexts.next_in_group(state, group));
        }
        (self.literal(id), self.next_state(state, id))
    }

    /// The context state after literal `id` (its index in [`Model::chars`]) in `state`.
    #[inline(always)]
    pub fn next_state(&self, state: State, id: u32) -> State {
        self.contexts.next(self.data, state, id)
    }

    /// The state a block starts in.
    pub fn start_state(&self) -> State {
        self.contexts.start
    }

    /// The state every entry's spelling starts in.
    pub(crate) fn entry_state(&self) -> State {
        self.contexts.entry
    }

    /// Whether `state` is a state of this model.
    pub(crate) fn valid_state(&self, state: State) -> bool {
        self.contexts.valid(state)
    }
}
