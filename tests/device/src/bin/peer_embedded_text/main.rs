//! The footprint benchmark's peer: embedded-text 0.7 paginating the bundled article with
//! `TextBox` (`FONT_6X10`, 296x128, flush left, no margins) into the same framebuffer type,
//! measured page by page with the same meter. Built only with `--features peer`.
#![no_std]
#![no_main]

mod paginate;

use cortex_m_rt::entry;
use embedded_graphics::prelude::Size;
use inkleaf_device::{
    fb::{bytes_for, Framebuffer},
    meter, rt,
};

/// The same text the inkleaf blobs were built from (`inkleaf_cli::BUNDLED_ARTICLE`).
static ARTICLE: &str = include_str!("../../../../../assets/article.txt");
const WIDTH: u32 = 296;
const HEIGHT: u32 = 128;
const BYTES: usize = bytes_for(WIDTH, HEIGHT);

#[entry]
fn main() -> ! {
    let buffer = cortex_m::singleton!(: [u8; BYTES] = [0; BYTES]).expect("main runs once");
    let mut host = rt::boot();
    let mark = meter::Mark::here();
    let mut page = Framebuffer::new(buffer, WIDTH, HEIGHT).expect("the buffer fits the page");
    let size = Size::new(WIDTH, HEIGHT);
    let mut start = paginate::next_word(ARTICLE, 0);
    let mut n = 0;
    while start < ARTICLE.len() {
        let (Ok(end), cost) =
            meter::measure(|| paginate::draw_page(ARTICLE, start, size, &mut page));
        host.page(n, WIDTH, HEIGHT, page.as_bytes());
        host.measure(format_args!("page{n}"), cost);
        start = paginate::next_word(ARTICLE, end);
        n += 1;
    }
    rt::finish(&mut host, mark, n)
}
