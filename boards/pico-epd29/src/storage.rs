//! The reader's state in the last 4 KB sector of the Pico's flash, so that it resumes where
//! it was after a power-off.
//!
//! The sector holds up to [`SLOTS`] records, one per 256-byte flash page, written in turn:
//! a save writes the next erased slot and erases the sector only when all are used, which
//! spares the flash 15 erases in 16. A slot is a little-endian `u16` length and the record
//! `ReaderState::save` writes, which carries its own version, book identity and check
//! value. Loading takes the last slot whose record `ReaderState::restore` accepts, so a save
//! cut short by a power-off falls back to the one before it; erased flash reads as length
//! `0xFFFF`, which no record has.

use embassy_rp::{
    flash::{Blocking, Error as FlashError, Flash, ERASE_SIZE, PAGE_SIZE},
    peripherals::FLASH,
};
use inkleaf::{Book, ReaderState};

/// The Pico's flash: 2 MB (`memory.x` keeps the program out of the last sector).
pub const FLASH_SIZE: usize = 2 * 1024 * 1024;
/// Offset of the state sector from the start of flash.
const SECTOR: u32 = (FLASH_SIZE - ERASE_SIZE) as u32;
/// Bytes per slot: one flash page.
const SLOT: usize = PAGE_SIZE;
/// Slots per sector.
const SLOTS: usize = ERASE_SIZE / SLOT;
/// A length prefix no record has: erased flash.
const EMPTY: u16 = u16::MAX;

// A record and its length prefix fit one slot.
const _: () = assert!(ReaderState::MAX_LEN + 2 <= SLOT);

/// The flash driver, blocking: a save takes a few milliseconds and happens while idle.
pub type Storage = Flash<'static, FLASH, Blocking, FLASH_SIZE>;

/// The last state saved for `book`, or `None` if there is none (first start, another book,
/// a record of another version, or only records cut short).
pub fn load(flash: &mut Storage, book: &Book<'_>) -> Option<ReaderState> {
    let mut found = None;
    let mut slot = [0u8; SLOT];
    for index in 0..SLOTS {
        if flash.blocking_read(offset(index), &mut slot).is_err() {
            return found;
        }
        match record(&slot) {
            Some(bytes) => {
                if let Ok(state) = ReaderState::restore(book, bytes) {
                    found = Some(state);
                }
            }
            None if length(&slot) == EMPTY => break,
            None => {}
        }
    }
    found
}

/// Why a save did not happen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// The engine could not write the record.
    Record(inkleaf::Error),
    /// The flash refused an erase or a write.
    Flash(FlashError),
}

/// Writes `state` of `book` into the next erased slot, erasing the sector first if none is.
pub fn save(flash: &mut Storage, book: &Book<'_>, state: &ReaderState) -> Result<(), SaveError> {
    let mut slot = [0xFFu8; SLOT];
    let (prefix, body) = slot.split_at_mut(2);
    let len = state.save(book, body).map_err(SaveError::Record)?;
    // `len` fits: the assertion above bounds it by a slot.
    prefix.copy_from_slice(&u16::try_from(len).unwrap_or(EMPTY).to_le_bytes());
    let index = match free_slot(flash)? {
        Some(index) => index,
        None => {
            flash
                .blocking_erase(SECTOR, SECTOR + ERASE_SIZE as u32)
                .map_err(SaveError::Flash)?;
            0
        }
    };
    flash
        .blocking_write(offset(index), &slot[..2 + len])
        .map_err(SaveError::Flash)
}

/// The first slot whose length reads erased.
fn free_slot(flash: &mut Storage) -> Result<Option<usize>, SaveError> {
    let mut prefix = [0u8; 2];
    for index in 0..SLOTS {
        flash
            .blocking_read(offset(index), &mut prefix)
            .map_err(SaveError::Flash)?;
        if u16::from_le_bytes(prefix) == EMPTY {
            return Ok(Some(index));
        }
    }
    Ok(None)
}

/// The record in `slot`, if its length is one a record can have.
fn record(slot: &[u8; SLOT]) -> Option<&[u8]> {
    let len = usize::from(length(slot));
    slot.get(2..2 + len).filter(|_| len > 0)
}

fn length(slot: &[u8; SLOT]) -> u16 {
    u16::from_le_bytes([slot[0], slot[1]])
}

fn offset(index: usize) -> u32 {
    SECTOR + (index * SLOT) as u32
}
