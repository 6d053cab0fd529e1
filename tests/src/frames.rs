//! A packed 1-bit framebuffer that keeps every page drawn into it.

use std::convert::Infallible;

use embedded_graphics::pixelcolor::BinaryColor;
use embedded_graphics::prelude::*;
use inkleaf::Framebuffer;

/// The engine's packed framebuffer, keeping a copy of each frame when it is cleared for the
/// next one: a paginator that clears before every page leaves one frame per page.
#[derive(Debug)]
pub struct FrameRecorder {
    framebuffer: Framebuffer<Vec<u8>>,
    drawn: bool,
    frames: Vec<Vec<u8>>,
}

impl FrameRecorder {
    /// A blank recorder of `size`.
    pub fn new(size: Size) -> Self {
        let bytes = vec![0; Framebuffer::<Vec<u8>>::bytes_needed(size.width, size.height)];
        FrameRecorder {
            framebuffer: Framebuffer::new(bytes, size.width, size.height).expect("sized to fit"),
            drawn: false,
            frames: Vec::new(),
        }
    }

    /// The frame being drawn, as packed bytes.
    pub fn bytes(&self) -> &[u8] {
        self.framebuffer.as_bytes()
    }

    /// Every frame drawn, the last one included, as packed bytes.
    pub fn into_frames(mut self) -> Vec<Vec<u8>> {
        self.frames.push(self.framebuffer.as_bytes().to_vec());
        self.frames
    }
}

impl OriginDimensions for FrameRecorder {
    fn size(&self) -> Size {
        self.framebuffer.size()
    }
}

impl DrawTarget for FrameRecorder {
    type Color = BinaryColor;
    type Error = Infallible;

    fn draw_iter<I: IntoIterator<Item = Pixel<BinaryColor>>>(
        &mut self,
        pixels: I,
    ) -> Result<(), Infallible> {
        self.drawn = true;
        self.framebuffer.draw_iter(pixels)
    }

    fn clear(&mut self, color: BinaryColor) -> Result<(), Infallible> {
        if std::mem::take(&mut self.drawn) {
            self.frames.push(self.framebuffer.as_bytes().to_vec());
        }
        self.framebuffer.clear(color)
    }
}
