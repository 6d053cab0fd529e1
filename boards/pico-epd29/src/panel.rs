//! The Waveshare 2.9" module (SSD1680, 128x296, the "V2" driver of `epd-waveshare`), held
//! in landscape: what the reader draws, 296x128, reaches the glass.
//!
//! Page turns use the panel's quick refresh (about 0.3 s, a little ghosting); every
//! [`FULL_EVERY`] refreshes, and for the first, a full one (about 3 s, with the flashing)
//! clears the ghosts.

use core::convert::Infallible;

use embassy_rp::{
    gpio::{Input, Output},
    peripherals::SPI1,
    spi::{Blocking, Spi},
};
use embassy_time::Delay;
use embedded_graphics::{
    draw_target::{ColorConverted, DrawTargetExt},
    pixelcolor::BinaryColor,
    prelude::*,
};
use embedded_hal_bus::spi::{DeviceError, ExclusiveDevice, NoDelay};
use epd_waveshare::{
    color::Color,
    epd2in9_v2::{Display2in9, Epd2in9},
    prelude::*,
};

/// Quick refreshes between two full ones.
const FULL_EVERY: u32 = 10;

/// The SPI bus with the module's chip select.
pub type Bus = ExclusiveDevice<Spi<'static, SPI1, Blocking>, Output<'static>, NoDelay>;
/// What the bus can fail with (chip select never fails on the RP2040).
pub type BusError = DeviceError<embassy_rp::spi::Error, Infallible>;

type Driver = Epd2in9<Bus, Input<'static>, Output<'static>, Output<'static>, Delay>;

/// The module, its bus and a frame buffer in the panel's own layout.
pub struct Panel {
    bus: Bus,
    driver: Driver,
    frame: Display2in9,
    /// Refreshes since the last full one; `None` before the first.
    since_full: Option<u32>,
}

impl Panel {
    /// Resets and sets up the module.
    pub fn new(
        mut bus: Bus,
        busy: Input<'static>,
        dc: Output<'static>,
        rst: Output<'static>,
    ) -> Result<Self, BusError> {
        let driver = Epd2in9::new(&mut bus, busy, dc, rst, &mut Delay, None)?;
        let mut frame = Display2in9::default();
        // The module's long side is its height: turning the frame a quarter makes it 296 wide.
        frame.set_rotation(DisplayRotation::Rotate90);
        Ok(Self {
            bus,
            driver,
            frame,
            since_full: None,
        })
    }

    /// Clears the frame, lets `draw` draw into it in black and white, and shows it.
    pub fn show(
        &mut self,
        draw: impl FnOnce(&mut ColorConverted<'_, Display2in9, BinaryColor>),
    ) -> Result<(), BusError> {
        // Drawing into the frame cannot fail: its error type is `Infallible`.
        let _ = self.frame.clear(Color::White);
        draw(&mut self.frame.color_converted());
        self.refresh()
    }

    /// Sends the frame, with a full refresh when one is due.
    fn refresh(&mut self) -> Result<(), BusError> {
        let buffer = self.frame.buffer();
        match self.since_full {
            Some(n) if n < FULL_EVERY => {
                self.driver
                    .update_and_display_new_frame(&mut self.bus, buffer, &mut Delay)?;
                self.since_full = Some(n + 1);
            }
            _ => {
                // A quick refresh leaves the controller set up for quick ones: set it up anew.
                self.driver.wake_up(&mut self.bus, &mut Delay)?;
                self.driver
                    .update_and_display_frame(&mut self.bus, buffer, &mut Delay)?;
                // The old-frame memory holds what is shown, for the next quick refresh.
                self.driver
                    .update_old_frame(&mut self.bus, buffer, &mut Delay)?;
                self.since_full = Some(0);
            }
        }
        Ok(())
    }

    /// Puts the module into deep sleep; the next [`Panel::show`] wakes it with a full
    /// refresh.
    pub fn sleep(&mut self) -> Result<(), BusError> {
        self.since_full = None;
        self.driver.sleep(&mut self.bus, &mut Delay)
    }
}
