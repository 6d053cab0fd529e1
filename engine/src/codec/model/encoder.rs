//! What an encoder needs to code with a model it did not train: each code's codewords and
//! each dictionary entry's characters.

use super::{Model, Symbol};

impl Model<'_> {
    /// Calls `visit(symbol, length, code)` for every symbol that code `code` lists, with the
    /// bits an encoder writes for it (`length` of them, most significant first). Code 0 is
    /// the shared escape code; code `1 + c` is context `c`'s, where symbol id
    /// `literals() + entries()` is its escape. Codes past [`Model::contexts`] list nothing.
    /// For encoders: the decoder walks the codes instead.
    pub fn for_each_codeword(&self, code: u8, visit: impl FnMut(u32, u32, u32)) {
        if code > self.contexts() {
            return;
        }
        if let Some(code) = self.codes.get(usize::from(code)) {
            code.for_each_codeword(self.data, u32::from(self.id_width), self.n_sym + 1, visit);
        }
    }

    /// The characters of dictionary entry `entry` (none past [`Model::entries`]).
    pub fn entry_chars(&self, entry: u32) -> impl Iterator<Item = char> + '_ {
        let mut spelling = match self.symbol(self.n_lit.saturating_add(entry)) {
            Symbol::Entry(pos, end) if entry < self.entries() => Some((pos, end)),
            _ => None,
        };
        let mut state = self.entry_state();
        core::iter::from_fn(move || {
            let (pos, end) = spelling.as_mut()?;
            if *pos >= *end {
                return None;
            }
            let (lit, next) = self.spelled_literal(*pos, state.context)?;
            state = self.next_state(state, lit);
            *pos = next;
            Some(self.literal(lit))
        })
    }
}
