//! A desktop window that behaves like the device: it shows frames and turns the keyboard into
//! reader [`Key`]s. Only with the `window` feature (SDL2).

use std::time::Duration;

use embedded_graphics::pixelcolor::Rgb888;
use embedded_graphics::prelude::*;
use embedded_graphics_simulator::sdl2::Keycode;
use embedded_graphics_simulator::{
    OutputSettings, OutputSettingsBuilder, SimulatorDisplay, SimulatorEvent, Window,
};

use crate::keys::Key;

/// A window showing one frame at a time, `scale` screen pixels per display pixel.
pub struct DeviceWindow {
    title: String,
    settings: OutputSettings,
    /// Made on the first frame, and again when a frame of another size comes (a display
    /// change): the simulator's window keeps the size it was opened with.
    window: Option<(Window, Size)>,
}

impl std::fmt::Debug for DeviceWindow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DeviceWindow")
            .field("title", &self.title)
            .finish_non_exhaustive()
    }
}

impl DeviceWindow {
    /// A window titled `title`; it opens with the first frame shown.
    pub fn new(title: &str, scale: u32) -> Self {
        DeviceWindow {
            title: title.to_owned(),
            // The same pixels as `save_preview` writes: no spacing, no theme.
            settings: OutputSettingsBuilder::new().scale(scale.max(1)).build(),
            window: None,
        }
    }

    /// Shows `frame`.
    pub fn show(&mut self, frame: &SimulatorDisplay<Rgb888>) {
        let size = frame.size();
        if self
            .window
            .as_ref()
            .is_some_and(|(_, shown)| *shown != size)
        {
            // SDL allows one event pump at a time: the old window goes first.
            self.window = None;
        }
        let (window, _) = self
            .window
            .get_or_insert_with(|| (Window::new(&self.title, &self.settings), size));
        window.update(frame);
    }

    /// The keys pressed since the last call, waiting up to `wait` for one. Closing the
    /// window or pressing Escape is [`Key::Quit`].
    pub fn keys(&mut self, wait: Duration) -> Vec<Key> {
        let Some((window, _)) = &self.window else {
            return Vec::new();
        };
        let step = Duration::from_millis(10);
        let mut waited = Duration::ZERO;
        loop {
            let keys: Vec<Key> = window.events().filter_map(key_of).collect();
            if !keys.is_empty() || waited >= wait {
                return keys;
            }
            std::thread::sleep(step);
            waited += step;
        }
    }
}

/// The reader key an SDL event presses, if any.
fn key_of(event: SimulatorEvent) -> Option<Key> {
    match event {
        SimulatorEvent::Quit => Some(Key::Quit),
        SimulatorEvent::KeyDown { keycode, .. } => key_for(keycode),
        _ => None,
    }
}

/// Keys as a device's buttons: forward and back, first and last, and the letters of a
/// key script.
fn key_for(code: Keycode) -> Option<Key> {
    const DIGITS: [[Keycode; 2]; 10] = [
        [Keycode::NUM_0, Keycode::KP_0],
        [Keycode::NUM_1, Keycode::KP_1],
        [Keycode::NUM_2, Keycode::KP_2],
        [Keycode::NUM_3, Keycode::KP_3],
        [Keycode::NUM_4, Keycode::KP_4],
        [Keycode::NUM_5, Keycode::KP_5],
        [Keycode::NUM_6, Keycode::KP_6],
        [Keycode::NUM_7, Keycode::KP_7],
        [Keycode::NUM_8, Keycode::KP_8],
        [Keycode::NUM_9, Keycode::KP_9],
    ];
    let is = |codes: &[Keycode]| codes.contains(&code);
    // '+' is Shift and '=' on most keyboards; '=' alone reads as '+' too.
    if is(&[Keycode::PLUS, Keycode::KP_PLUS, Keycode::EQUALS]) {
        return Some(Key::Larger);
    }
    let key = if is(&[
        Keycode::RIGHT,
        Keycode::DOWN,
        Keycode::SPACE,
        Keycode::PAGEDOWN,
        Keycode::N,
    ]) {
        Key::Next
    } else if is(&[Keycode::LEFT, Keycode::UP, Keycode::PAGEUP, Keycode::P]) {
        Key::Previous
    } else if code == Keycode::HOME {
        Key::First
    } else if code == Keycode::END {
        Key::Last
    } else if code == Keycode::T {
        Key::Contents
    } else if is(&[Keycode::RETURN, Keycode::KP_ENTER]) {
        Key::Enter
    } else if is(&[Keycode::MINUS, Keycode::KP_MINUS]) {
        Key::Smaller
    } else if code == Keycode::B {
        Key::Bookmark
    } else if code == Keycode::D {
        Key::Display
    } else if code == Keycode::Q {
        Key::Quit
    } else {
        let digit = DIGITS.iter().position(|codes| codes.contains(&code))?;
        Key::Digit(u8::try_from(digit).ok()?)
    };
    Some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn device_buttons_and_script_letters_map_to_the_same_keys() {
        assert_eq!(key_for(Keycode::PAGEDOWN), Some(Key::Next));
        assert_eq!(key_for(Keycode::SPACE), Some(Key::Next));
        assert_eq!(key_for(Keycode::UP), Some(Key::Previous));
        assert_eq!(key_for(Keycode::KP_7), Some(Key::Digit(7)));
        assert_eq!(key_for(Keycode::NUM_3), Some(Key::Digit(3)));
        assert_eq!(key_for(Keycode::EQUALS), Some(Key::Larger));
        assert_eq!(key_for(Keycode::MINUS), Some(Key::Smaller));
        assert_eq!(key_for(Keycode::X), None);
    }
}
