//! The engine on a real (emulated) device: the firmware in `tests/device` runs on a
//! Cortex-M3 under QEMU (a Cortex-M4 for a framebuffer too big for the M3 board's RAM),
//! draws every page of the committed blobs and sends them back, and each page must be
//! bit-identical to what the simulator draws from the same blob: the bundled article in
//! built-in fonts, a rich Markdown document in the packed DejaVu Sans family, in black
//! and white and in 16 grays, and a book of chapters, also read through its table of
//! contents. Firmware built without `justify`, and the lean firmware built without any line
//! breaking, read the justified blob through the lines it bakes; the lean firmware must turn
//! a display the blob bakes nothing for down by name, drawing nothing.
//!
//! Needs `qemu-system-arm` and the `thumbv7m-none-eabi` Rust target; without them these
//! tests fail and say how to install them. The firmware build is cached in
//! `tests/device/target`, the build without `justify` in `tests/device/target/no-justify`, the
//! lean build in `tests/device/target/lean`.

#[path = "../device/runner/mod.rs"]
mod runner;

use std::path::PathBuf;
use std::sync::OnceLock;

use inkleaf::{layout::Align, Book};
use runner::protocol::Report;
use runner::{
    firmware,
    reference::{self, Expected, Look},
};

#[test]
fn two_point_nine_inch_preset_matches_the_simulator() {
    check("inkleaf-2in9", "article-2.9in.inkleaf", Look::AsBuilt);
}

#[test]
fn oled_preset_matches_the_simulator() {
    check("inkleaf-oled", "article-oled-128x64.inkleaf", Look::AsBuilt);
}

#[test]
fn four_point_two_inch_preset_with_footer_matches_the_simulator() {
    check("inkleaf-4in2", "article-4.2in.inkleaf", Look::AsBuilt);
}

/// The article as `inkleaf build --display 2.9in` writes it by default: packed DejaVu Sans.
#[test]
fn two_point_nine_inch_default_blob_matches_the_simulator() {
    check(
        "inkleaf-2in9-dejavu",
        "article-2.9in-dejavu.inkleaf",
        Look::AsBuilt,
    );
}

/// The same at 4.2in, with its footer.
#[test]
fn four_point_two_inch_default_blob_matches_the_simulator() {
    check(
        "inkleaf-4in2-dejavu",
        "article-4.2in-dejavu.inkleaf",
        Look::AsBuilt,
    );
}

/// Headings in two sizes, bold, italic and code spans, lists, quotes in quotes, code blocks,
/// a rule and tables, in the faces the blob packs, blitted at 2.9".
#[test]
fn rich_document_in_packed_faces_matches_the_simulator() {
    check("inkleaf-rich-2in9", "rich-2.9in.inkleaf", Look::AsBuilt);
}

/// The same document at 4.2", its faces packed at 4 bits per pixel and drawn through the
/// engine's gray path into a 16-level framebuffer, on `mps2-an386`.
#[test]
fn rich_document_in_sixteen_grays_matches_the_simulator() {
    let bin = "inkleaf-rich-4in2-gray";
    let blob = std::fs::read(firmware::fixture("rich-4.2in-4bit.inkleaf")).unwrap();
    let expected = reference::gray_pages(&blob, Look::AsBuilt).expect("lays out on the host");
    let grays: std::collections::BTreeSet<u8> = expected
        .pages
        .iter()
        .flatten()
        .flat_map(|byte| [byte >> 4, byte & 0x0f])
        .collect();
    assert!(grays.len() > 8, "anti-aliased: {} levels", grays.len());
    check_report(bin, &run(bin), &expected, Look::AsBuilt);
}

/// A book of three chapters, one with sections in sections that run on, read on the
/// Cortex-M3 page by page and through its table of contents: every page and every
/// chapter's first page as the simulator draws them, the table of contents, chapter pages
/// and footer statuses the host finds, and the footer (chapter title at the left,
/// "x / y · p%" at the right) inside the page.
#[test]
fn book_read_by_chapter_matches_the_simulator() {
    let (bin, fixture) = ("inkleaf-book", "book-4.2in.inkleaf");
    let report = run(bin);
    check_book(bin, fixture, &report);
    let blob = std::fs::read(firmware::fixture(fixture)).unwrap();
    let contents = reference::contents(&blob).expect("the fixture lays out on the host");
    check_footer(bin, &report, contents.footer);
}

/// The same book at 2.9" on a Cortex-M0 with 16 KB of RAM (QEMU's `microbit`, firmware
/// built for `thumbv6m-none-eabi`): every page and chapter page as the simulator draws
/// them, its framebuffer, statics and deepest stack inside those 16 KB.
#[test]
fn book_on_a_cortex_m0_matches_the_simulator() {
    let bin = "inkleaf-book-m0";
    let report = run_m0(bin);
    check_book(bin, "book-2.9in.inkleaf", &report);
    let sections = runner::size::sections(&firmware::elf(bin)).expect("section sizes");
    let (peak, stack) = report.stack_peak.expect("STACK_PEAK is reported");
    let ram = sections.data + sections.bss;
    assert_eq!(
        ram + stack as u64,
        16 * 1024,
        "{bin}: the stack is the RAM that .data and .bss leave"
    );
    assert!(
        peak < stack,
        "{bin}: the deepest stack ({peak} bytes) stays inside the {stack} that {ram} bytes of \
         .data and .bss leave"
    );
}

/// Checks a book firmware's `report` against what the host reads in `fixture`: every page
/// and chapter page, the table of contents, the chapter pages and the footer statuses.
fn check_book(bin: &str, fixture: &str, report: &Report) {
    let expected = host_pages(fixture, Look::AsBuilt);
    check_report(bin, report, &expected, Look::AsBuilt);
    let blob = std::fs::read(firmware::fixture(fixture)).unwrap();
    let contents = reference::contents(&blob).expect("the fixture lays out on the host");
    assert_eq!(
        report.chapters, contents.chapters,
        "{bin}: the table of contents and Layout::chapter_page"
    );
    assert_eq!(
        report.statuses, contents.statuses,
        "{bin}: Book::chapter_of and Page::status of every page"
    );

    let turned: Vec<u32> = report.chapter_pages.iter().map(|(c, _)| *c).collect();
    let chapters: Vec<u32> = contents.chapters.iter().map(|c| c.index).collect();
    assert_eq!(turned, chapters, "{bin}: every chapter turned to once");
    for ((c, page), chapter) in report.chapter_pages.iter().zip(&contents.chapters) {
        assert_eq!(
            page.n, chapter.page,
            "{bin}: chapter {c} turned to its page"
        );
        let host = &expected.pages[page.n as usize];
        if let Some(diff) = reference::difference(page.width, page.bits, host, &page.bytes) {
            panic!("{bin}: chapter {c}'s first page differs from the host's\n{diff}");
        }
    }

    let starts = |chapter: &runner::protocol::Chapter| report.statuses[chapter.page as usize].start;
    for chapter in contents.chapters.iter().filter(|c| c.new_page) {
        assert_eq!(
            starts(chapter),
            (chapter.block, 0),
            "{bin}: '{}' opens its page",
            chapter.title
        );
    }
    assert!(
        contents
            .chapters
            .iter()
            .any(|c| c.level > 2 && starts(c).0 < c.block),
        "{bin}: a nested section runs on below what comes before it"
    );
}

/// Every page has ink at both ends of its footer line (the chapter title at the left, the
/// page label at the right) and none in the margins beside or below it.
fn check_footer(bin: &str, report: &Report, footer: reference::Footer) {
    let quarter = (footer.right - footer.left) / 4;
    for page in &report.pages {
        let stride = page.width.div_ceil(8);
        let ink =
            |x: u32, y: u32| page.bytes[(y * stride + x / 8) as usize] & (0x80 >> (x % 8)) != 0;
        let any = |columns: std::ops::Range<u32>, rows: std::ops::Range<u32>| {
            rows.flat_map(|y| columns.clone().map(move |x| (x, y)))
                .any(|(x, y)| ink(x, y))
        };
        let band = footer.top..footer.bottom;
        let n = page.n;
        assert!(
            any(footer.left..footer.left + quarter, band.clone()),
            "{bin}: page {n} shows its chapter at the footer's left"
        );
        assert!(
            any(footer.right - quarter..footer.right, band.clone()),
            "{bin}: page {n} shows its number at the footer's right"
        );
        assert!(
            !any(0..footer.left, band.clone())
                && !any(footer.right..page.width, band)
                && !any(0..page.width, footer.bottom..page.height),
            "{bin}: page {n}'s footer stays inside the margins"
        );
    }
}

#[test]
fn plain_layout_blitted_matches_the_simulator() {
    check("inkleaf-plain", "article-2.9in.inkleaf", Look::Plain);
}

/// A blob built flush left with no margins, laid out as built: through its baked lines.
#[test]
fn flush_left_blob_as_built_matches_the_simulator() {
    let blob = std::fs::read(firmware::fixture("article-2.9in-left.inkleaf")).unwrap();
    let book = Book::from_bytes(&blob).unwrap();
    let index = book.page_indexes().next().expect("a page index");
    assert_eq!(index.built_for().profile.align, Align::Left);
    assert!(index.line_breaks_len() > 0, "its lines are baked");
    check("inkleaf-left", "article-2.9in-left.inkleaf", Look::AsBuilt);
}

/// The same firmware without `justify`, as a flush-left reader builds it.
#[test]
fn flush_left_blob_without_justify_matches_the_simulator() {
    let bin = "inkleaf-left";
    let report =
        runner::run_elf(bin, &without_justify(bin)).unwrap_or_else(|message| panic!("{message}"));
    check_report(
        bin,
        &report,
        &host_pages("article-2.9in-left.inkleaf", Look::AsBuilt),
        Look::AsBuilt,
    );
}

#[test]
fn plain_layout_through_lookup_tables_matches_the_simulator() {
    firmware::check_tools()
        .and_then(|()| firmware::build(firmware::TABLES_FIRMWARE))
        .unwrap_or_else(|message| panic!("{message}"));
    check("inkleaf-plain-tables", "article-2.9in.inkleaf", Look::Plain);
}

#[test]
fn firmware_without_justify_reads_the_justified_blob_through_its_baked_lines() {
    let blob = std::fs::read(firmware::fixture("article-2.9in.inkleaf")).unwrap();
    let book = Book::from_bytes(&blob).unwrap();
    assert_eq!(
        book.built_for().expect("built for a display").profile.align,
        Align::Justify,
        "the fixture is justified"
    );
    // No Knuth–Plass on board: every line of the display it was built for is baked.
    let bin = "inkleaf-2in9";
    let report =
        runner::run_elf(bin, &without_justify(bin)).unwrap_or_else(|message| panic!("{message}"));
    let look = Look::AsBuilt;
    check_report(
        bin,
        &report,
        &host_pages("article-2.9in.inkleaf", look),
        look,
    );
}

/// The lean reader firmware breaks no lines at all: it draws the justified blob on the
/// display it was built for through the lines its page index bakes, bit for bit.
#[test]
fn lean_firmware_reads_the_justified_blob_through_its_baked_lines() {
    check_lean("inkleaf-2in9", "article-2.9in.inkleaf");
}

/// The same for the blob `inkleaf build --display 2.9in` writes by default, in the packed
/// DejaVu Sans it sets: the reader firmware a 2.9" e-reader flashes.
#[test]
fn lean_firmware_reads_the_default_blob_through_its_baked_lines() {
    check_lean("inkleaf-2in9-dejavu", "article-2.9in-dejavu.inkleaf");
}

/// Runs lean firmware `bin` and checks every page it drew of `fixture`, laid out as built.
fn check_lean(bin: &str, fixture: &str) {
    let report = runner::run_elf(bin, &lean(bin)).unwrap_or_else(|message| panic!("{message}"));
    let look = Look::AsBuilt;
    check_report(bin, &report, &host_pages(fixture, look), look);
}

/// The same firmware turns a look the blob bakes no lines for (no margins, flush left) down
/// by name, drawing nothing, rather than paginate it some other way.
#[test]
fn lean_firmware_refuses_a_display_the_blob_does_not_bake() {
    let bin = "inkleaf-plain";
    let report =
        runner::run_to_failure(bin, &lean(bin)).unwrap_or_else(|message| panic!("{message}"));
    let failed = report.failed.expect("a typed failure");
    assert_eq!(failed.kind, "engine", "{bin}: {}", failed.message);
    assert_eq!(
        failed.message,
        inkleaf::Error::BreakingUnsupported.to_string(),
        "{bin}"
    );
    assert!(report.pages.is_empty(), "{bin}: drew nothing");
}

#[test]
fn plain_layout_without_justify_matches_the_simulator() {
    let bin = "inkleaf-plain";
    let report =
        runner::run_elf(bin, &without_justify(bin)).unwrap_or_else(|message| panic!("{message}"));
    check_report(
        bin,
        &report,
        &host_pages("article-2.9in.inkleaf", Look::Plain),
        Look::Plain,
    );
}

#[test]
fn plain_layout_of_a_plain_text_blob_matches_the_simulator() {
    check(
        "inkleaf-plain-text",
        "article-2.9in-plain-text.inkleaf",
        Look::Plain,
    );
}

#[test]
fn plain_layout_through_draw_target_matches_the_simulator() {
    check("inkleaf-plain-pixels", "article-2.9in.inkleaf", Look::Plain);
}

/// Runs firmware `bin` and checks every page it drew of `fixture`, laid out with `look`.
fn check(bin: &str, fixture: &str, look: Look) {
    check_report(bin, &run(bin), &host_pages(fixture, look), look);
}

/// The simulator's pages of `fixture` laid out with `look`, in black and white.
fn host_pages(fixture: &str, look: Look) -> Expected {
    let blob = std::fs::read(firmware::fixture(fixture)).unwrap();
    reference::pages(&blob, look).expect("the fixture lays out on the host")
}

/// Checks that `bin` drew the `expected` pages, laid out with `look`, as `report` says.
fn check_report(bin: &str, report: &Report, expected: &Expected, look: Look) {
    if let Err(message) = reference::compare(bin, report, expected) {
        panic!("{message}");
    }
    let pages = report.pages.len();
    if look == Look::AsBuilt {
        assert_eq!(
            pages as u32, expected.built_for_pages,
            "{bin}: pages vs built_for"
        );
    }
    assert_eq!(
        report.page_turns().len(),
        pages,
        "{bin}: one MEASURE per page"
    );
    let (peak, size) = report.stack_peak.expect("STACK_PEAK is reported");
    assert!(
        peak > 0 && peak < size,
        "{bin}: stack peak {peak} of {size}"
    );
}

/// Builds the firmware once per test process, then runs `bin`.
fn run(bin: &str) -> Report {
    static BUILT: OnceLock<Result<(), String>> = OnceLock::new();
    let built = BUILT.get_or_init(|| {
        firmware::check_tools()?;
        firmware::build(&[])
    });
    if let Err(message) = built {
        panic!("{message}");
    }
    runner::run(bin).unwrap_or_else(|message| panic!("{message}"))
}

/// Builds the Cortex-M0 firmware once per test process, then runs `bin`.
fn run_m0(bin: &str) -> Report {
    static BUILT: OnceLock<Result<(), String>> = OnceLock::new();
    let built = BUILT.get_or_init(|| {
        firmware::check_tools_for(firmware::M0_TARGET)?;
        firmware::build(firmware::M0_FIRMWARE)
    });
    if let Err(message) = built {
        panic!("{message}");
    }
    runner::run(bin).unwrap_or_else(|message| panic!("{message}"))
}

/// Builds the lean firmware (no line breaking) once per test process, into its own target
/// directory, and returns where `bin` is.
fn lean(bin: &str) -> PathBuf {
    static BUILT: OnceLock<Result<(), String>> = OnceLock::new();
    let built = BUILT.get_or_init(|| {
        firmware::check_tools()?;
        firmware::build_in(&firmware::lean_dir(), firmware::LEAN_FIRMWARE)
    });
    if let Err(message) = built {
        panic!("{message}");
    }
    firmware::elf_in(&firmware::lean_dir(), bin)
}

/// Builds the firmware without `justify` once per test process, into its own target
/// directory, and returns where `bin` is.
fn without_justify(bin: &str) -> PathBuf {
    static BUILT: OnceLock<Result<(), String>> = OnceLock::new();
    let built = BUILT.get_or_init(|| {
        firmware::check_tools()?;
        firmware::build_in(&firmware::no_justify_dir(), firmware::NO_JUSTIFY_FIRMWARE)
    });
    if let Err(message) = built {
        panic!("{message}");
    }
    firmware::elf_in(&firmware::no_justify_dir(), bin)
}
