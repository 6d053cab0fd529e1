//! Draw targets for tests: one that records every pixel, one that fails on demand.

use std::convert::Infallible;

use embedded_graphics::pixelcolor::{BinaryColor, PixelColor};
use embedded_graphics::prelude::{DrawTarget, OriginDimensions, Pixel, Point, Size};
use embedded_graphics::primitives::Rectangle;

fn inside(size: Size, point: Point) -> bool {
    point.x >= 0 && point.y >= 0 && (point.x as u32) < size.width && (point.y as u32) < size.height
}

/// One pixel as a [`Recorder`] saw it.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Recorded {
    /// Where it was drawn.
    pub point: Point,
    /// Ink ([`BinaryColor::On`]) or paper.
    pub color: BinaryColor,
    /// Whether the point lies on the display.
    pub inside: bool,
}

/// A target that records every pixel drawn, in order, on the display or not.
#[derive(Clone, Debug)]
pub struct Recorder {
    size: Size,
    pixels: Vec<Recorded>,
}

impl Recorder {
    /// A recorder for a display of `size`.
    pub fn new(size: Size) -> Self {
        Recorder {
            size,
            pixels: Vec::new(),
        }
    }

    /// Everything drawn so far.
    pub fn pixels(&self) -> &[Recorded] {
        &self.pixels
    }

    /// Pixels drawn off the display.
    pub fn outside(&self) -> impl Iterator<Item = &Recorded> {
        self.pixels.iter().filter(|p| !p.inside)
    }

    /// Points inked, in drawing order (a point inked twice appears twice).
    pub fn ink(&self) -> impl Iterator<Item = Point> + '_ {
        self.pixels
            .iter()
            .filter(|p| p.color == BinaryColor::On)
            .map(|p| p.point)
    }
}

impl OriginDimensions for Recorder {
    fn size(&self) -> Size {
        self.size
    }
}

impl DrawTarget for Recorder {
    type Color = BinaryColor;
    type Error = Infallible;

    fn draw_iter<I: IntoIterator<Item = Pixel<BinaryColor>>>(
        &mut self,
        pixels: I,
    ) -> Result<(), Infallible> {
        let size = self.size;
        self.pixels
            .extend(pixels.into_iter().map(|Pixel(point, color)| Recorded {
                point,
                color,
                inside: inside(size, point),
            }));
        Ok(())
    }
}

/// The error a [`FailingTarget`] returns: which drawing call failed, counting from 0.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct MyError {
    /// Index of the failing call among all `draw_iter` and `fill_solid` calls.
    pub call: usize,
}

/// A target whose `draw_iter` and `fill_solid` fail from a chosen call onwards, like a display
/// whose bus went away mid-page.
#[derive(Clone, Debug)]
pub struct FailingTarget {
    size: Size,
    fail_from: usize,
    calls: usize,
}

impl FailingTarget {
    /// Fails every call.
    pub fn always(size: Size) -> Self {
        Self::from_call(size, 0)
    }

    /// Succeeds for the first `fail_from` calls, then fails.
    pub fn from_call(size: Size, fail_from: usize) -> Self {
        FailingTarget {
            size,
            fail_from,
            calls: 0,
        }
    }

    /// Calls made so far, failed ones included.
    pub fn calls(&self) -> usize {
        self.calls
    }

    fn call(&mut self) -> Result<(), MyError> {
        let call = self.calls;
        self.calls += 1;
        if call >= self.fail_from {
            Err(MyError { call })
        } else {
            Ok(())
        }
    }
}

impl OriginDimensions for FailingTarget {
    fn size(&self) -> Size {
        self.size
    }
}

impl DrawTarget for FailingTarget {
    type Color = BinaryColor;
    type Error = MyError;

    fn draw_iter<I: IntoIterator<Item = Pixel<BinaryColor>>>(
        &mut self,
        pixels: I,
    ) -> Result<(), MyError> {
        self.call()?;
        pixels.into_iter().for_each(drop);
        Ok(())
    }

    fn fill_solid(&mut self, _area: &Rectangle, _color: BinaryColor) -> Result<(), MyError> {
        self.call()
    }
}

/// A target that keeps only the points drawn in something other than paper, and counts the
/// pixels drawn off the display: cheaper than a [`Recorder`] for whole books.
#[derive(Clone, Debug)]
pub struct InkRecorder<C> {
    size: Size,
    paper: C,
    ink: Vec<Point>,
    outside: usize,
}

impl<C> InkRecorder<C> {
    /// A recorder for a display of `size` whose paper is `paper`.
    pub fn new(size: Size, paper: C) -> Self {
        InkRecorder {
            size,
            paper,
            ink: Vec::new(),
            outside: 0,
        }
    }

    /// Points drawn in anything but paper, in drawing order.
    pub fn ink(&self) -> &[Point] {
        &self.ink
    }

    /// How many pixels were drawn off the display.
    pub fn outside(&self) -> usize {
        self.outside
    }
}

impl<C> OriginDimensions for InkRecorder<C> {
    fn size(&self) -> Size {
        self.size
    }
}

impl<C: PixelColor + PartialEq> DrawTarget for InkRecorder<C> {
    type Color = C;
    type Error = Infallible;

    fn draw_iter<I: IntoIterator<Item = Pixel<C>>>(&mut self, pixels: I) -> Result<(), Infallible> {
        for Pixel(point, color) in pixels {
            if !inside(self.size, point) {
                self.outside += 1;
            }
            if color != self.paper {
                self.ink.push(point);
            }
        }
        Ok(())
    }
}
