//! The window screen: frames in a desktop window, keys from its keyboard.

use std::time::Duration;

use embedded_graphics::pixelcolor::Rgb888;
use embedded_graphics_simulator::SimulatorDisplay;
use inkleaf_sim::keys::Key;
use inkleaf_sim::DeviceWindow;

use super::session::Screen;

/// A [`DeviceWindow`] as a preview's screen.
#[derive(Debug)]
pub(super) struct WindowScreen(DeviceWindow);

impl WindowScreen {
    pub(super) fn new(title: &str, scale: u32) -> Self {
        WindowScreen(DeviceWindow::new(title, scale))
    }
}

impl Screen for WindowScreen {
    fn show(&mut self, frame: &SimulatorDisplay<Rgb888>) -> anyhow::Result<()> {
        self.0.show(frame);
        Ok(())
    }

    /// A window redraws only what changed.
    fn every_key(&self) -> bool {
        false
    }

    fn keys(&mut self, wait: Duration) -> Vec<Key> {
        self.0.keys(wait)
    }
}
