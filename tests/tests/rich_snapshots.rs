//! A page of every block kind (tests/fixtures/rich/every-kind.md: headings 1 to 3, a
//! paragraph with italic, bold, code, a link and struck text, a numbered list with bullets
//! and tasks nested in it, a quote inside a quote, a code block with a wrapped line, a rule
//! and a table), snapshotted with insta as the text of its lines and as pixels: on the
//! 2.9" panel in 1 bit (the committed blob `inkleaf build` made) and on the 4.2" one in 4-bit
//! gray.
//!
//! Set `INKLEAF_PNG_DIR` to also write every page as a PNG there, at 1:1 and at 3x, to look
//! at before accepting a changed snapshot
//! (`INKLEAF_PNG_DIR=/tmp cargo test -p inkleaf-tests --test rich_snapshots`).

use std::fmt::Write;
use std::path::Path;

use embedded_graphics::pixelcolor::GrayColor;
use embedded_graphics::prelude::Point;
use inkleaf::font::Family;
use inkleaf::layout::{Line, LineEnd};
use inkleaf::text::{BlockKind, Marker, Style};
use inkleaf::{Book, Layout};
use inkleaf_cli::build::TextStorage;
use inkleaf_cli::input::parse_markdown;
use inkleaf_tests::rich::{byte_styles, settings};

const EVERY_KIND: &str = include_str!("../fixtures/rich/every-kind.md");
const EVERY_KIND_2_9IN: &[u8] = include_bytes!("../fixtures/rich/every-kind-2.9in.inkleaf");

/// Every page's lines: where each starts and how wide it is against its measure, what its
/// block is and where it is nested (`L` a list, `Q` a quote), and its text with its styles
/// marked (`_italic_`, `*bold*`, `` `code` ``, `[link]`, `~struck~`), a split word's hyphen
/// and a wrapped code line's mark (`⏎`).
fn lines_text<F: Family>(layout: &Layout<'_, F>) -> String {
    let mut out = String::new();
    let total = layout.page_count();
    for page in layout.pages() {
        writeln!(out, "--- page {} / {total} ---", page.index + 1).unwrap();
        for line in page.lines().unwrap() {
            writeln!(out, "{}", line_text(layout, &line)).unwrap();
        }
    }
    out
}

fn line_text<F: Family>(layout: &Layout<'_, F>, line: &Line) -> String {
    let block = layout.book().block(line.block).unwrap();
    let styles = byte_styles(&block);
    let nesting: String = (0..line.nesting.depth())
        .map(|l| if line.nesting.is_quote(l) { 'Q' } else { 'L' })
        .collect();
    let kind = match line.kind {
        BlockKind::Heading(level) => format!("h{level}"),
        BlockKind::ListItem { marker, .. } if line.first_in_block => match marker {
            Marker::Bullet(c) => format!("li {}", char::from(c)),
            Marker::Number { value, delimiter } => format!("li {value}{}", char::from(delimiter)),
            Marker::Task(done) => format!("li [{}]", if done { 'x' } else { ' ' }),
        },
        BlockKind::ListItem { .. } => "li".into(),
        BlockKind::Code => "code".into(),
        BlockKind::Rule => "rule".into(),
        BlockKind::TableRow { header: true } => "th".into(),
        BlockKind::TableRow { header: false } => "td".into(),
        _ => "p".into(),
    };
    let mut text = String::new();
    let mut open = Style::PLAIN;
    let chars = block
        .text
        .chars_between(line.start as usize, line.end as usize);
    for (at, c) in chars {
        let style = styles[at];
        if style != open {
            text.push_str(&marks(open, true));
            text.push_str(&marks(style, false));
            open = style;
        }
        text.push(c);
    }
    text.push_str(&marks(open, true));
    match line.end_kind {
        LineEnd::Split => text.push('-'),
        LineEnd::Continued => text.push('⏎'),
        _ => {}
    }
    format!(
        "x {:>3} w {:>3}/{:<3} h {:>2} {kind:<7} {nesting:<3}| {text}",
        line.left,
        layout.drawn_width(line),
        line.measure,
        line.height
    )
}

/// The marks that open (or, with `close`, close) the styles of `style`.
fn marks(style: Style, close: bool) -> String {
    let all = [
        (Style::LINK, "[", "]"),
        (Style::STRIKE, "~", "~"),
        (Style::BOLD, "*", "*"),
        (Style::ITALIC, "_", "_"),
        (Style::MONO, "`", "`"),
    ];
    let mut marks: Vec<&str> = all
        .iter()
        .filter(|(s, _, _)| style.has(*s))
        .map(|&(_, open, shut)| if close { shut } else { open })
        .collect();
    if close {
        marks.reverse();
    }
    marks.concat()
}

#[test]
fn every_kind_on_the_2_9in_panel_in_one_bit() {
    let book = Book::from_bytes(EVERY_KIND_2_9IN).unwrap();
    let layout = book.layout().unwrap();
    insta::assert_snapshot!("rich_2_9in_lines", lines_text(&layout));
    let total = layout.page_count();
    for page in layout.pages() {
        let drawn = inkleaf_sim::draw_page(&page.with_total(total));
        if let Some(dir) = std::env::var_os("INKLEAF_PNG_DIR") {
            for scale in [1, 3] {
                let name = format!("inkleaf-rich-2.9in-page{}-{scale}x.png", page.index + 1);
                inkleaf_sim::save_png(&drawn, scale, &Path::new(&dir).join(name)).unwrap();
            }
        }
        insta::assert_snapshot!(
            format!("rich_2_9in_page{}", page.index + 1),
            inkleaf_sim::ascii_art(&drawn)
        );
    }
}

#[test]
fn every_kind_on_the_4_2in_panel_in_four_bit_gray() {
    let doc = parse_markdown(EVERY_KIND);
    let built = settings("4.2in", 4, TextStorage::Coded)
        .build(&doc)
        .unwrap();
    let book = Book::from_bytes(&built.blob).unwrap();
    let layout = book.layout().unwrap();
    insta::assert_snapshot!("rich_4_2in_gray_lines", lines_text(&layout));
    let total = layout.page_count();
    for page in layout.pages() {
        let page = page.with_total(total);
        if let Some(dir) = std::env::var_os("INKLEAF_PNG_DIR") {
            let preview = inkleaf_sim::preview(&page, true);
            for scale in [1, 3] {
                let name = format!(
                    "inkleaf-rich-4.2in-gray-page{}-{scale}x.png",
                    page.index + 1
                );
                inkleaf_sim::save_preview(&preview, scale, &Path::new(&dir).join(name)).unwrap();
            }
        }
        // The page of lists, tasks and quotes as one hex digit of luma a pixel.
        if page.index == 1 {
            let drawn = inkleaf_sim::draw_page_gray(&page);
            let profile = layout.profile();
            let rows: String = (0..i32::from(profile.height))
                .map(|y| {
                    let row: String = (0..i32::from(profile.width))
                        .map(|x| {
                            let luma = drawn.get_pixel(Point::new(x, y)).luma();
                            char::from_digit(u32::from(luma >> 4), 16).unwrap()
                        })
                        .collect();
                    row + "\n"
                })
                .collect();
            insta::assert_snapshot!("rich_4_2in_gray_page2", rows);
        }
    }
}
