//! The built-in model's dictionary, spelled out in flash.
//!
//! A dictionary entry's characters are stored in the model as prefix codes, so each one costs
//! a code walk, a literal read and a context step: about as much as a character coded on its
//! own. Entries spell half of an English text's characters. For the built-in model, which is
//! compiled into the engine, `english.spelled` holds every entry's characters as ASCII bytes
//! and the context state its spelling ends in, so a decoder copies an entry's characters out
//! one byte at a time and takes its end state at once. It costs 10.4 KB of flash beside the
//! model's 11.6 KB, and gives the same characters and states as the model (the test below
//! derives the table from the model and compares).
//!
//! Layout: for entries `0..=n` three bytes each, where the entry's characters start in the
//! table (`u16`, little-endian) and its end state (`context | class << 4`); entry `n`, one
//! past the last, only marks where the last one ends. Then the characters, entry by entry.

use super::context::State;

/// Bytes per entry record.
const RECORD: usize = 3;

#[cfg(feature = "english")]
static SPELLED: &[u8] = include_bytes!("english.spelled");
#[cfg(not(feature = "english"))]
static SPELLED: &[u8] = &[];

/// Entry `entry`'s characters, as a range of positions for [`byte`], and the context state
/// after them; `None` past the last entry.
#[inline(always)]
pub(crate) fn entry(entry: u32) -> Option<(u32, u32, State)> {
    // The first entry's characters start just past the records: they count the entries.
    let [first_lo, first_hi, ..] = *SPELLED else {
        return None;
    };
    if (entry as usize + 1) * RECORD >= usize::from(u16::from_le_bytes([first_lo, first_hi])) {
        return None;
    }
    let at = entry as usize * RECORD;
    let [start_lo, start_hi, state, end_lo, end_hi, ..] = *SPELLED.get(at..)? else {
        return None;
    };
    Some((
        u32::from(u16::from_le_bytes([start_lo, start_hi])),
        u32::from(u16::from_le_bytes([end_lo, end_hi])),
        State {
            context: state & 15,
            class: state >> 4,
        },
    ))
}

/// The byte at position `at` of an entry's range.
#[inline(always)]
pub(crate) fn byte(at: u32) -> Option<u8> {
    SPELLED.get(at as usize).copied()
}

#[cfg(all(test, feature = "english"))]
mod tests {
    extern crate std;
    use std::vec::Vec;

    use super::{byte, entry, RECORD, SPELLED};
    use crate::codec::model::Symbol;
    use crate::codec::{Model, BUILTIN_ENGLISH};

    /// The table as the built-in model spells its entries: what `english.spelled` must hold.
    fn table_of(model: &Model<'_>) -> Vec<u8> {
        let (mut records, mut text) = (Vec::new(), Vec::new());
        let header = (model.entries() as usize + 1) * RECORD;
        for e in 0..model.entries() {
            let Symbol::Entry(mut pos, end) = model.symbol(model.literals() + e) else {
                panic!("entry {e} is no entry");
            };
            let mut state = model.entry_state();
            let start = u16::try_from(header + text.len()).expect("the table fits u16 positions");
            while pos < end {
                let (literal, next) = model.spelled_literal(pos, state.context).unwrap();
                let c = model.literal(literal);
                assert!(
                    c.is_ascii(),
                    "entry {e} spells {c:?}: the table holds ASCII only"
                );
                text.push(c as u8);
                state = model.next_state(state, literal);
                pos = next;
            }
            records.extend(start.to_le_bytes());
            records.push(state.context | state.class << 4);
        }
        let end = u16::try_from(header + text.len()).expect("the table fits u16 positions");
        records.extend(end.to_le_bytes());
        records.push(0);
        records.extend(text);
        records
    }

    /// `english.spelled` is the built-in model's dictionary as the model spells it. After a
    /// change of the model, rewrite it with
    /// `INKLEAF_WRITE_SPELLED=1 cargo test -p inkleaf --lib spelled`.
    #[test]
    fn the_table_spells_every_entry_as_the_model_does() {
        let model = Model::from_bytes(&[BUILTIN_ENGLISH]).unwrap();
        let table = table_of(&model);
        if std::env::var_os("INKLEAF_WRITE_SPELLED").is_some() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/codec/english.spelled");
            std::fs::write(path, &table).unwrap();
        }
        assert!(
            SPELLED == table.as_slice(),
            "english.spelled is not the built-in model's dictionary: rewrite it with \
             INKLEAF_WRITE_SPELLED=1 cargo test -p inkleaf --lib spelled"
        );
        // And read back through the decoder's accessors, entry by entry.
        for e in 0..model.entries() {
            let (start, end, state) = entry(e).unwrap();
            let spelled: std::string::String = (start..end)
                .map(|at| char::from(byte(at).unwrap()))
                .collect();
            assert_eq!(
                spelled,
                model.entry_chars(e).collect::<std::string::String>()
            );
            assert!(model.valid_state(state) && !spelled.is_empty());
        }
        assert_eq!(
            entry(model.entries()).map(|(start, ..)| start as usize),
            None
        );
    }
}
