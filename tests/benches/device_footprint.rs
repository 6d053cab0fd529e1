//! Footprint and speed on a device: inkleaf's read-and-draw path against embedded-text 0.7,
//! both as Cortex-M3 firmware (opt-level "z", LTO) under QEMU, in the same run.
//!
//! Both set the bundled article at 296x128 in the 6x10 font, flush left, no margins, one
//! page at a time into the same kind of 1-bit framebuffer. Every page each firmware sends
//! back is checked against the host first (inkleaf: the simulator; embedded-text: the host
//! peer in `peer/embedded_text.rs`), so the numbers are for work done right. A "baseline"
//! firmware (start-up, semihosting, the meter) shows what is not the drawing path's own.
//!
//! A second table sets blobs as `inkleaf build` makes them for a preset: the article in its
//! built-in font, a rich Markdown document in the packed DejaVu Sans family, in black and
//! white and (on `mps2-an386`, for the RAM) in 16 grays, and a book of chapters at 4.2" with
//! its chapter footer, also turned to each chapter from its table of contents, and (on
//! `mps2-an386`, for the flash) a book of 240 KB of text, to show that opening grows no faster
//! than the blob: each open row also says its instructions per KB of blob.
//!
//! A third table reads the 2.9" book through the engine's reader core (`inkleaf::Reader`) on
//! a Cortex-M0 with 16 KB of RAM (QEMU's `microbit`) and on the Cortex-M3: the firmware a
//! reader with buttons runs, its flash, RAM and stack.
//!
//! Run with `cargo bench -p inkleaf-tests --bench device_footprint`.

#[path = "../device/runner/mod.rs"]
mod runner;

#[path = "peer/embedded_text.rs"]
mod peer;

use std::path::{Path, PathBuf};

use embedded_graphics::prelude::*;
use inkleaf_tests::frames::FrameRecorder;
use runner::{
    firmware,
    protocol::Report,
    reference::{self, Look},
    size::{self, Sections},
};

/// Targets the engine is held to.
const TEXT_TARGET: u64 = 12 * 1024;
/// Own `.text` of the reader firmware that shows the default blob (justified, coded with the
/// built-in English model, a page index with baked line breaks) and breaks no lines itself.
const READER_TEXT_TARGET: u64 = 16 * 1024;
const STACK_TARGET: usize = 2 * 1024;
const SPEEDUP_TARGET: f64 = 10.0;
/// Mean page turn of coded text flush left through baked lines (`inkleaf-left`).
const BAKED_LEFT_TURN_TARGET: f64 = 350_000.0;

/// One firmware's figures.
struct Column {
    title: &'static str,
    bin: &'static str,
    sections: Sections,
    report: Report,
    /// The ELF measured, for its symbols.
    elf: PathBuf,
}

fn main() {
    firmware::check_tools().unwrap_or_else(|e| panic!("{e}"));
    firmware::build(&[]).unwrap_or_else(|e| panic!("{e}"));
    firmware::build(&["--features", "peer", "--bin", "peer-embedded-text"])
        .unwrap_or_else(|e| panic!("{e}"));

    let blob = std::fs::read(firmware::fixture("article-2.9in.inkleaf")).unwrap();
    let plain = reference::pages(&blob, Look::Plain).expect("the fixture lays out");
    let preset = reference::pages(&blob, Look::AsBuilt).expect("the fixture lays out");
    let baseline = column("baseline", "baseline", None);
    let blit = column("inkleaf, blit", "inkleaf-plain", Some(&plain));
    let pixels = column("inkleaf, DrawTarget", "inkleaf-plain-pixels", Some(&plain));
    let peer = column(
        "embedded-text 0.7",
        "peer-embedded-text",
        Some(&peer_pages()),
    );
    let at_preset = column("the article, full engine", "inkleaf-2in9", Some(&preset));
    // The reader firmware as a device that shows baked displays builds it: no line breaking.
    firmware::build_in(&firmware::lean_dir(), firmware::LEAN_FIRMWARE)
        .unwrap_or_else(|e| panic!("{e}"));
    let reader = column_elf(
        "the article, reader firmware (no `breaking`)",
        "inkleaf-2in9",
        &firmware::elf_in(&firmware::lean_dir(), "inkleaf-2in9"),
        Some(&preset),
    );
    // The article exactly as `inkleaf build --display 2.9in` / `4.2in` writes it: the
    // presets' packed DejaVu Sans, not a built-in font.
    let default_pages = host_pages("inkleaf-2in9-dejavu");
    let default_reader = column_elf(
        "`inkleaf build --display 2.9in` (DejaVu Sans 14 px), reader firmware",
        "inkleaf-2in9-dejavu",
        &firmware::elf_in(&firmware::lean_dir(), "inkleaf-2in9-dejavu"),
        Some(&default_pages),
    );
    let default_full = column(
        "`inkleaf build --display 2.9in` (DejaVu Sans 14 px), full engine",
        "inkleaf-2in9-dejavu",
        Some(&default_pages),
    );
    let default_4in2 = preset_column(
        "`inkleaf build --display 4.2in` (DejaVu Sans 18 px, footer)",
        "inkleaf-4in2-dejavu",
    );
    let oled = preset_column("the article, OLED", "inkleaf-oled");
    let at_4in2 = preset_column("the article, 4.2in", "inkleaf-4in2");
    let rich_blob = std::fs::read(firmware::fixture("rich-2.9in.inkleaf")).unwrap();
    let rich_pages = reference::pages(&rich_blob, Look::AsBuilt).expect("the fixture lays out");
    let rich = column("the rich document", "inkleaf-rich-2in9", Some(&rich_pages));
    let gray_blob = std::fs::read(firmware::fixture("rich-4.2in-4bit.inkleaf")).unwrap();
    let gray_pages =
        reference::gray_pages(&gray_blob, Look::AsBuilt).expect("the fixture lays out");
    let gray = column(
        "the rich document, 16 grays",
        "inkleaf-rich-4in2-gray",
        Some(&gray_pages),
    );
    let book_blob = std::fs::read(firmware::fixture("book-4.2in.inkleaf")).unwrap();
    let book_pages = reference::pages(&book_blob, Look::AsBuilt).expect("the fixture lays out");
    let book = column("a book of chapters", "inkleaf-book", Some(&book_pages));
    let large_blob = std::fs::read(firmware::fixture(LARGE_BOOK)).unwrap();
    let mut large_pages =
        reference::pages(&large_blob, Look::AsBuilt).expect("the fixture lays out");
    large_pages.pages.truncate(LARGE_BOOK_PAGES);
    let large = column(
        "a book of 240 KB of text",
        "inkleaf-book-large",
        Some(&large_pages),
    );
    // Flush-left text needs no Knuth–Plass: the same firmware built without it, and a
    // plain-text blob needs no decoder: its firmware built without that too.
    firmware::build(&[
        "--no-default-features",
        "--features",
        "coded,breaking",
        "--bin",
        "inkleaf-plain",
    ])
    .unwrap_or_else(|e| panic!("{e}"));
    firmware::build(&[
        "--no-default-features",
        "--features",
        "coded",
        "--bin",
        "inkleaf-left",
    ])
    .unwrap_or_else(|e| panic!("{e}"));
    firmware::build(firmware::TABLES_FIRMWARE).unwrap_or_else(|e| panic!("{e}"));
    firmware::build(&[
        "--no-default-features",
        "--features",
        "breaking",
        "--bin",
        "inkleaf-plain-text",
    ])
    .unwrap_or_else(|e| panic!("{e}"));
    let lean = column(
        "inkleaf, blit, no `justify`, lines broken on the device (profile not baked)",
        "inkleaf-plain",
        Some(&plain),
    );
    let left_blob = std::fs::read(firmware::fixture("article-2.9in-left.inkleaf"))
        .expect("the flush-left fixture is committed");
    let left_pages = reference::pages(&left_blob, Look::AsBuilt).expect("the fixture lays out");
    let left = column(
        "the same, a blob built `--align left --margin 0`, laid out as built (baked lines)",
        "inkleaf-left",
        Some(&left_pages),
    );
    let lean_tables = column(
        "the same, 12 KB of lookup tables",
        "inkleaf-plain-tables",
        Some(&plain),
    );
    let plain_text_blob = std::fs::read(firmware::fixture("article-2.9in-plain-text.inkleaf"))
        .expect("the plain-text fixture is committed");
    let plain_text_pages =
        reference::pages(&plain_text_blob, Look::Plain).expect("the fixture lays out");
    let lean_plain_text = column(
        "the same, `--text plain` blob, no `coded`",
        "inkleaf-plain-text",
        Some(&plain_text_pages),
    );

    print_table(
        &baseline,
        &[
            &blit,
            &lean,
            &left,
            &lean_tables,
            &lean_plain_text,
            &pixels,
            &peer,
        ],
        &at_preset,
    );
    println!(
        "\nWith the `justify` feature (Knuth–Plass, on by default) the blitting firmware's own \
         .text is {} B; flush-left firmware can leave it out.",
        blit.sections.text.saturating_sub(baseline.sections.text)
    );
    print_baked_left(&lean, &left);
    print_presets_table(&[
        &default_reader,
        &default_full,
        &default_4in2,
        &reader,
        &at_preset,
        &oled,
        &at_4in2,
        &rich,
        &gray,
        &book,
        &large,
    ]);
    print_turn_verdicts(&[&default_full, &default_4in2, &oled, &at_preset, &at_4in2]);
    print_reader_verdict(&baseline, &default_reader, &default_full);
    print_reader_verdict(&baseline, &reader, &at_preset);
    print_verdicts("coded text (the default)", &baseline, &lean, &peer);
    print_verdicts(
        "plain text (`inkleaf build --text plain`, engine without `coded`)",
        &baseline,
        &lean_plain_text,
        &peer,
    );
    print_reader_table();
}

/// Runs `bin`, checks its pages against `expected`, and reads its ELF's section sizes.
fn column(
    title: &'static str,
    bin: &'static str,
    expected: Option<&reference::Expected>,
) -> Column {
    column_elf(title, bin, &firmware::elf(bin), expected)
}

/// [`column`] for the ELF at `elf`, from a build into a target directory of its own.
fn column_elf(
    title: &'static str,
    bin: &'static str,
    elf: &Path,
    expected: Option<&reference::Expected>,
) -> Column {
    let report = runner::run_elf(bin, elf).unwrap_or_else(|e| panic!("{e}"));
    if let Some(expected) = expected {
        reference::compare(bin, &report, expected).unwrap_or_else(|e| panic!("{e}"));
    }
    let sections = size::sections(elf).unwrap_or_else(|e| panic!("{e}"));
    Column {
        title,
        bin,
        sections,
        report,
        elf: elf.to_path_buf(),
    }
}

/// [`column`] for firmware that draws its fixture blob as built for its preset.
fn preset_column(title: &'static str, bin: &'static str) -> Column {
    column(title, bin, Some(&host_pages(bin)))
}

/// The host's pages of the fixture `bin` draws, laid out as built.
fn host_pages(bin: &str) -> reference::Expected {
    let name = blob_name(bin).expect("the firmware draws a fixture");
    let blob = std::fs::read(firmware::fixture(name)).unwrap();
    reference::pages(&blob, Look::AsBuilt).expect("the fixture lays out")
}

/// The pages the host peer draws, packed like the firmware's framebuffer.
fn peer_pages() -> reference::Expected {
    let size = Size::new(296, 128);
    let mut recorder = FrameRecorder::new(size);
    let Ok(pages) = peer::paginate_and_draw(inkleaf_cli::BUNDLED_ARTICLE, size, &mut recorder);
    let frames = recorder.into_frames();
    assert_eq!(frames.len(), pages.len(), "one frame per peer page");
    reference::Expected {
        size,
        bits: 1,
        built_for_pages: pages.len() as u32,
        pages: frames,
    }
}

fn print_table(baseline: &Column, columns: &[&Column], at_preset: &Column) {
    let all: Vec<&Column> = std::iter::once(baseline)
        .chain(columns.iter().copied())
        .collect();
    let peer_mean = mean(&columns[columns.len() - 1].report.page_turns());
    println!(
        "\ninkleaf on a Cortex-M3 (QEMU lm3s6965evb, exact instruction counts), opt-level \"z\", \
         LTO.\nThe bundled article at 296x128, 6x10, flush left, no margins (`inkleaf-left`: with the preset's paragraph gaps).\n"
    );
    let header: Vec<String> = all
        .iter()
        .map(|c| format!("{} `{}`", c.title, c.bin))
        .collect();
    println!("| | {} |", header.join(" | "));
    println!("|---|{}", "---:|".repeat(all.len()));
    let row = |label: &str, cell: &dyn Fn(&Column) -> String| {
        let cells: Vec<String> = all.iter().map(|c| cell(c)).collect();
        println!("| {label} | {} |", cells.join(" | "));
    };
    let base = baseline.sections;
    row(".text, bytes", &|c| c.sections.text.to_string());
    row(".text minus baseline", &|c| {
        diff(c.sections.text, base.text)
    });
    row(".rodata, bytes", &|c| c.sections.rodata.to_string());
    row(".rodata minus baseline", &|c| {
        diff(c.sections.rodata, base.rodata)
    });
    row(".data, bytes", &|c| c.sections.data.to_string());
    row(".bss, bytes (framebuffer included)", &|c| {
        c.sections.bss.to_string()
    });
    row("peak stack, bytes", &|c| peak(&c.report).to_string());
    row("pages", &|c| c.report.pages.len().to_string());
    row("open + paginate once, instructions", &|c| {
        let once = [
            c.report.instructions("open"),
            c.report.instructions("paginate"),
        ];
        match once {
            [Some(open), Some(paginate)] => thousands(open + paginate),
            _ => "-".into(),
        }
    });
    row("open + paginate once, instructions per KB of blob", &|c| {
        let once = ["open", "paginate"].map(|label| c.report.instructions(label));
        per_kb(once, c.bin)
    });
    let drawing = |c: &Column| c.bin != baseline.bin;
    row("page turn, mean instructions", &|c| {
        let turns = c.report.page_turns();
        if drawing(c) {
            thousands(mean(&turns) as u64)
        } else {
            "-".into()
        }
    });
    row("page turn, max instructions", &|c| {
        let turns = c.report.page_turns();
        if drawing(c) {
            thousands(max(&turns) as u64)
        } else {
            "-".into()
        }
    });
    row("embedded-text / this, per page", &|c| {
        let own = mean(&c.report.page_turns());
        if !drawing(c) || own == 0.0 {
            "-".into()
        } else {
            format!("{:.1}x", peer_mean / own)
        }
    });
    let preset = at_preset.report.page_turns();
    println!(
        "\nAt the 2.9in preset (`{}`: justified, 4 px margins, {} pages), a blitted page turn \
         takes {} instructions on average, {} at most.",
        at_preset.bin,
        preset.len(),
        thousands(mean(&preset) as u64),
        thousands(max(&preset) as u64)
    );
}

/// Blobs as built for their presets, each laid out with the profile it records.
fn print_presets_table(columns: &[&Column]) {
    println!(
        "\nAt the presets, as `inkleaf build` makes the blobs (justified, margins, the 4.2in \
         footer), default firmware features, every page bit-identical to the simulator.\n"
    );
    let header: Vec<String> = columns
        .iter()
        .map(|c| format!("{} `{}`", c.title, c.bin))
        .collect();
    println!("| | {} |", header.join(" | "));
    println!("|---|{}", "---:|".repeat(columns.len()));
    let row = |label: &str, cell: &dyn Fn(&Column) -> String| {
        let cells: Vec<String> = columns.iter().map(|c| cell(c)).collect();
        println!("| {label} | {} |", cells.join(" | "));
    };
    row("machine", &|c| format!("{:?}", firmware::machine(c.bin)));
    row("blob, bytes", &|c| blob_len(c.bin).to_string());
    row(".text, bytes", &|c| c.sections.text.to_string());
    row(".rodata, bytes (blob included)", &|c| {
        c.sections.rodata.to_string()
    });
    row(".data + .bss, bytes (framebuffer included)", &|c| {
        (c.sections.data + c.sections.bss).to_string()
    });
    row("peak stack, bytes", &|c| peak(&c.report).to_string());
    row("RAM needed, bytes (statics + peak stack)", &|c| {
        (c.sections.data + c.sections.bss + peak(&c.report) as u64).to_string()
    });
    row("pages", &|c| c.report.pages.len().to_string());
    row("open + fonts + paginate once, instructions", &|c| {
        let once = ["open", "fonts", "paginate"].map(|label| c.report.instructions(label));
        match once {
            [Some(open), Some(fonts), Some(paginate)] => thousands(open + fonts + paginate),
            _ => "-".into(),
        }
    });
    row("the same, instructions per KB of blob", &|c| {
        let once = ["open", "fonts", "paginate"].map(|label| c.report.instructions(label));
        per_kb(once, c.bin)
    });
    row("page turn, mean instructions", &|c| {
        thousands(mean(&c.report.page_turns()) as u64)
    });
    row("page turn, max instructions", &|c| {
        thousands(max(&c.report.page_turns()) as u64)
    });
    row(
        "turn to a chapter from the contents, mean instructions",
        &|c| {
            let turns = c.report.chapter_turns();
            if turns.is_empty() {
                "-".into()
            } else {
                thousands(mean(&turns) as u64)
            }
        },
    );
}

/// The big book's blob (`tests/fixtures/device/book-large/README.md`).
const LARGE_BOOK: &str = "book-large-4.2in.inkleaf";
/// Pages its firmware turns to (`PAGES` in `tests/device/src/bin/inkleaf_book_large.rs`).
const LARGE_BOOK_PAGES: usize = 3;

/// Instructions per KB of `bin`'s blob for the measured steps `once`, all of them present.
fn per_kb<const N: usize>(once: [Option<u64>; N], bin: &str) -> String {
    let kb = blob_len(bin) as f64 / 1024.0;
    match once.into_iter().sum::<Option<u64>>() {
        Some(total) if kb > 0.0 => thousands((total as f64 / kb).round() as u64),
        _ => "-".into(),
    }
}

/// Bytes of the blob firmware `bin` draws.
fn blob_len(bin: &str) -> u64 {
    blob_name(bin)
        .and_then(|name| std::fs::metadata(firmware::fixture(name)).ok())
        .map_or(0, |m| m.len())
}

/// The fixture blob firmware `bin` draws (`tests/device/src/bin`).
fn blob_name(bin: &str) -> Option<&'static str> {
    Some(match bin {
        "inkleaf-2in9" | "inkleaf-plain" | "inkleaf-plain-tables" | "inkleaf-plain-pixels" => {
            "article-2.9in.inkleaf"
        }
        "inkleaf-oled" => "article-oled-128x64.inkleaf",
        "inkleaf-4in2" => "article-4.2in.inkleaf",
        "inkleaf-plain-text" => "article-2.9in-plain-text.inkleaf",
        "inkleaf-left" => "article-2.9in-left.inkleaf",
        "inkleaf-book-large" => LARGE_BOOK,
        "inkleaf-2in9-dejavu" => "article-2.9in-dejavu.inkleaf",
        "inkleaf-4in2-dejavu" => "article-4.2in-dejavu.inkleaf",
        "inkleaf-rich-2in9" => "rich-2.9in.inkleaf",
        "inkleaf-rich-4in2-gray" => "rich-4.2in-4bit.inkleaf",
        "inkleaf-book" => "book-4.2in.inkleaf",
        _ => return None,
    })
}

fn print_verdicts(blob: &str, baseline: &Column, inkleaf: &Column, peer: &Column) {
    let text = inkleaf.sections.text - baseline.sections.text;
    let stack = peak(&inkleaf.report);
    let speedup = mean(&peer.report.page_turns()) / mean(&inkleaf.report.page_turns());
    println!(
        "\nTargets for inkleaf's blitted read-and-draw path, no `justify`, {blob} (`{}`):",
        inkleaf.bin
    );
    verdict(
        "own .text <= 12 KB",
        text <= TEXT_TARGET,
        format!("{text} B of {TEXT_TARGET} B"),
    );
    verdict(
        "peak stack <= 2 KB",
        stack <= STACK_TARGET,
        format!("{stack} B of {STACK_TARGET} B"),
    );
    verdict(
        "page turn <= 1/10 of embedded-text's",
        speedup >= SPEEDUP_TARGET,
        format!("{speedup:.1}x fewer instructions"),
    );
    if text > TEXT_TARGET {
        print_largest_symbols(inkleaf, baseline);
    }
}

/// The reader firmware's own `.text` against its target, next to the full engine's.
fn print_reader_verdict(baseline: &Column, reader: &Column, full: &Column) {
    let own = |c: &Column| c.sections.text.saturating_sub(baseline.sections.text);
    let text = own(reader);
    println!(
        "\nThe reader firmware for `{}` (without `breaking`: justified, coded with the built-in \
         English model, baked line breaks), against the full engine's {} B:",
        reader.bin,
        own(full)
    );
    verdict(
        "own .text <= 16 KB",
        text <= READER_TEXT_TARGET,
        format!("{text} B of {READER_TEXT_TARGET} B"),
    );
    let stack = peak(&reader.report);
    verdict(
        "peak stack <= 2 KB",
        stack <= STACK_TARGET,
        format!(
            "{stack} B of {STACK_TARGET} B (the full engine's: {} B)",
            peak(&full.report)
        ),
    );
    if text > READER_TEXT_TARGET {
        print_largest_symbols(reader, baseline);
    }
}

/// Page turns of the default blobs: at most 0.5 M instructions on average and 0.8 M at most.
fn print_turn_verdicts(columns: &[&Column]) {
    println!("\nPage turns of the article at the presets, as built:");
    for column in columns {
        let turns = column.report.page_turns();
        let (mean, max) = (mean(&turns), max(&turns));
        verdict(
            &format!(
                "{} (`{}`): mean <= 0.5 M, max <= 0.8 M",
                column.title, column.bin
            ),
            mean <= 500_000.0 && max <= 800_000.0,
            format!(
                "{} mean, {} at most",
                thousands(mean as u64),
                thousands(max as u64)
            ),
        );
    }
}

/// The largest functions of `column` that the baseline does not have.
fn print_largest_symbols(column: &Column, baseline: &Column) {
    println!("\nLargest symbols not in the baseline (what the .text goes to):");
    let ours = size::symbols(&column.elf).unwrap_or_default();
    let theirs = size::symbols(&baseline.elf).unwrap_or_default();
    ours.iter()
        .filter(|s| matches!(s.kind, 't' | 'T'))
        .filter(|s| !theirs.iter().any(|b| b.name == s.name))
        .take(15)
        .for_each(|s| println!("{:>7} {}", s.size, s.name));
}

/// Coded text flush left, laid out with a profile nobody baked and as a blob built for it.
fn print_baked_left(unbaked: &Column, baked: &Column) {
    let (before, after) = (
        mean(&unbaked.report.page_turns()),
        mean(&baked.report.page_turns()),
    );
    println!(
        "\nCoded text flush left, no `justify`: the justified blob laid out with a profile it did \
         not bake (`{}`) breaks every line, {} instructions a turn; the blob built for that \
         reader (`{}`, paragraph gaps as the preset sets them) reads its baked lines:",
        unbaked.bin,
        thousands(before as u64),
        baked.bin,
    );
    verdict(
        "page turn through baked lines <= 0.35 M instructions",
        after <= BAKED_LEFT_TURN_TARGET,
        format!(
            "{} mean, {} at most, {:.1}x fewer than unbaked",
            thousands(after as u64),
            thousands(max(&baked.report.page_turns()) as u64),
            before / after.max(1.0)
        ),
    );
}

fn verdict(what: &str, met: bool, detail: String) {
    let mark = if met { "met" } else { "MISSED" };
    println!("- {what}: {mark} ({detail})");
}

fn peak(report: &Report) -> usize {
    report.stack_peak.map_or(0, |(peak, _)| peak)
}

fn mean(values: &[u64]) -> f64 {
    values.iter().sum::<u64>() as f64 / values.len().max(1) as f64
}

fn max(values: &[u64]) -> f64 {
    values.iter().copied().max().unwrap_or(0) as f64
}

fn diff(value: u64, base: u64) -> String {
    format!("{}", value as i64 - base as i64)
}

/// 1234567 as "1,234,567".
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The reader firmware on the Cortex-M0 and the Cortex-M3, next to the Cortex-M0 book
/// firmware that turns pages through `Layout` alone: flash, RAM, stack and instructions.
fn print_reader_table() {
    firmware::check_tools_for(firmware::M0_TARGET).unwrap_or_else(|e| panic!("{e}"));
    firmware::build(firmware::M0_FIRMWARE).unwrap_or_else(|e| panic!("{e}"));
    let name = "book-2.9in.inkleaf";
    let blob = std::fs::read(firmware::fixture(name)).unwrap();
    let pages = reference::pages(&blob, Look::AsBuilt).expect("the fixture lays out");
    let columns = [
        column("reader core, Cortex-M0", "inkleaf-reader-m0", Some(&pages)),
        column("reader core, Cortex-M3", "inkleaf-reader", Some(&pages)),
        column("Layout only, Cortex-M0", "inkleaf-book-m0", Some(&pages)),
    ];
    println!(
        "\nThe reader core: `{name}` ({} bytes, {} pages at 296x128, justified, packed DejaVu \
         Sans, no footer) read page by page, then a session of contents, chapters, \
         bookmarks and jumps, the state saved and resumed; every page and view bit-identical to \
         the host's.\n",
        blob.len(),
        pages.pages.len()
    );
    let header: Vec<String> = columns
        .iter()
        .map(|c| format!("{} `{}`", c.title, c.bin))
        .collect();
    println!("| | {} |", header.join(" | "));
    println!("|---|{}", "---:|".repeat(columns.len()));
    let row = |label: &str, cell: &dyn Fn(&Column) -> String| {
        let cells: Vec<String> = columns.iter().map(cell).collect();
        println!("| {label} | {} |", cells.join(" | "));
    };
    row("machine", &|c| format!("{:?}", firmware::machine(c.bin)));
    row("flash: .text, bytes", &|c| c.sections.text.to_string());
    row("flash: .rodata, bytes (blob included)", &|c| {
        c.sections.rodata.to_string()
    });
    row("flash in all, bytes", &|c| {
        (c.sections.text + c.sections.rodata + c.sections.data).to_string()
    });
    row("RAM: .data + .bss, bytes (framebuffer included)", &|c| {
        (c.sections.data + c.sections.bss).to_string()
    });
    row("RAM: peak stack, bytes", &|c| peak(&c.report).to_string());
    row("RAM needed / RAM left for the stack, bytes", &|c| {
        let statics = c.sections.data + c.sections.bss;
        let stack = c.report.stack_peak.map_or(0, |(_, size)| size);
        format!("{} / {stack}", statics + peak(&c.report) as u64)
    });
    row("open, instructions", &|c| {
        c.report.instructions("open").map_or("-".into(), thousands)
    });
    row("page turn, mean instructions", &|c| {
        thousands(mean(&c.report.page_turns()) as u64)
    });
    row("page turn, max instructions", &|c| {
        thousands(max(&c.report.page_turns()) as u64)
    });
    row("session event, mean instructions", &|c| {
        let events = labelled(&c.report, "event");
        if events.is_empty() {
            "-".into()
        } else {
            thousands(mean(&events) as u64)
        }
    });
    row("resume from the saved record, instructions", &|c| {
        c.report
            .instructions("resume")
            .map_or("-".into(), thousands)
    });
}

/// Instructions of the regions labelled `<prefix><number>`, in order.
fn labelled(report: &Report, prefix: &str) -> Vec<u64> {
    report
        .measures
        .iter()
        .filter(|m| {
            m.label
                .strip_prefix(prefix)
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        })
        .map(|m| m.instructions)
        .collect()
}
