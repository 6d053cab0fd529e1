//! Contexts: which code a symbol is read with, chosen by the two characters before it.
//!
//! Each literal belongs to a group (up to 16), each group to a class (up to 4). The context
//! after a character is `map[class of the character before it][group of the character]`.

use super::cursor::Cursor;
use crate::bits::{self, width_for};

/// Literals whose group is kept in RAM: the 96 lowest code points of the model's, which in an
/// English model are printable ASCII and a newline.
const LOW_LITERALS: usize = 96;

/// The decoder's context state: the context of the next symbol and the class of the last
/// character (which picks the row of the map once the next character is known).
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct State {
    /// Context of the next symbol (below [`Model::contexts`](super::Model::contexts)).
    pub context: u8,
    /// Class of the last character (0 to 3).
    pub class: u8,
}

/// Where the context tables sit in the model; the small ones are copied out for speed.
#[derive(Copy, Clone, Debug)]
pub(crate) struct ContextMap {
    group_at: u32,
    /// Class of each group, two bits each from the low end.
    class_of_group: u32,
    /// `map[class * groups + group]`: the context (64 bytes, so a state needs one flash read).
    map: [u8; 64],
    /// Groups of the first [`LOW_LITERALS`] literals, two to a byte: the group picks the next
    /// context, so every character waits for it, and these (ASCII, in code point order) are
    /// most of any English text.
    low_groups: [u8; LOW_LITERALS / 2],
    groups: u8,
    classes: u8,
    contexts: u8,
    group_width: u8,
    class_width: u8,
    ctx_width: u8,
    /// State at a block's start.
    pub(crate) start: State,
    /// State every dictionary entry's spelling starts from.
    pub(crate) entry: State,
}

impl ContextMap {
    /// Reads and checks the context tables for `literals` literals.
    pub(crate) fn parse(c: &mut Cursor<'_>, literals: u32) -> Option<Self> {
        let groups = c.bits(4)? + 1;
        let classes = c.bits(2)? + 1;
        let contexts = c.bits(4)? + 1;
        let mut map = ContextMap {
            groups: groups as u8,
            classes: classes as u8,
            contexts: contexts as u8,
            group_width: width_for(groups - 1) as u8,
            class_width: width_for(classes - 1) as u8,
            ctx_width: width_for(contexts - 1) as u8,
            group_at: 0,
            class_of_group: 0,
            map: [0; 64],
            low_groups: [0; LOW_LITERALS / 2],
            start: State::default(),
            entry: State::default(),
        };
        map.group_at = c.pos();
        for literal in 0..literals as usize {
            let group = c.bits(u32::from(map.group_width)).filter(|&g| g < groups)?;
            if let Some(pair) = map.low_groups.get_mut(literal / 2) {
                *pair |= (group as u8) << (4 * (literal % 2));
            }
        }
        for group in 0..groups {
            let class = c
                .bits(u32::from(map.class_width))
                .filter(|&x| x < classes)?;
            map.class_of_group |= class << (2 * group);
        }
        for slot in map.map.iter_mut().take((classes * groups) as usize) {
            *slot = c.bits(u32::from(map.ctx_width)).filter(|&x| x < contexts)? as u8;
        }
        map.start = map.read_state(c)?;
        map.entry = map.read_state(c)?;
        Some(map)
    }

    fn read_state(&self, c: &mut Cursor<'_>) -> Option<State> {
        let context = c.bits(u32::from(self.ctx_width))?;
        let class = c.bits(u32::from(self.class_width))?;
        (context < u32::from(self.contexts) && class < u32::from(self.classes)).then_some(State {
            context: context as u8,
            class: class as u8,
        })
    }

    /// Number of contexts.
    pub(crate) fn contexts(&self) -> u8 {
        self.contexts
    }

    /// Whether `state` could occur under this map.
    pub(crate) fn valid(&self, state: State) -> bool {
        state.context < self.contexts && state.class < self.classes
    }

    /// The state after literal `literal` in `state`.
    #[inline(always)]
    pub(crate) fn next(&self, model: &[u8], state: State, literal: u32) -> State {
        self.next_in_group(state, self.group(model, literal))
    }

    /// The group of literal `literal`.
    #[inline(always)]
    pub(crate) fn group(&self, model: &[u8], literal: u32) -> u32 {
        if let Some(&pair) = self.low_groups.get((literal / 2) as usize) {
            return u32::from(pair >> (4 * (literal % 2))) & 15;
        }
        field(model, self.group_at, literal, self.group_width)
    }

    /// The state after a literal of group `group` in `state`.
    #[inline(always)]
    pub(crate) fn next_in_group(&self, state: State, group: u32) -> State {
        let row = u32::from(state.class) * u32::from(self.groups) + group;
        State {
            context: self.map.get(row as usize).copied().unwrap_or(0),
            class: ((self.class_of_group >> (2 * (group & 15))) & 3) as u8,
        }
    }
}

/// Field `index` of an array of `width`-bit fields at bit `at`.
#[inline(always)]
fn field(model: &[u8], at: u32, index: u32, width: u8) -> u32 {
    bits::read(model, at + index * u32::from(width), u32::from(width))
}
