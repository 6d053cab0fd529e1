//! Text codec size and speed: inkleaf's per-blob model against gzip, deflate and zstd.
//!
//! Two texts: the bundled article (one block per line) and the Rust book from the toolchain's
//! docs, stripped to its paragraphs, list items and headings (one block each). For each it
//! prints the bytes of inkleaf's model, coded text and an estimated page index; whole-text gzip
//! -9 and zstd -19; deflate and zstd page by page (independent ~600-byte chunks cut at word
//! boundaries, the random-access baseline); and inkleaf's decode speed. Every block is checked
//! to decode exactly, from its start and from every page's sync point.
//!
//! Run with `cargo bench -p inkleaf-tests --bench codec`.

use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use inkleaf::codec::{Decoder, Model};
use inkleaf_cli::codec::{encode, Encoded};

/// Bytes of text per page on a small reader (the article gives ~15 pages at 296x128).
const PAGE_BYTES: usize = 475;
/// Chunk size for the page-by-page baselines.
const CHUNK_BYTES: usize = 600;
/// Bits that index the lookup tables of the accelerated decoder.
const TABLE_BITS: u32 = 10;
/// Estimated bytes per page-index entry (sync point bit offset, context, skip).
const SYNC_BYTES: usize = 4;

fn main() {
    let article = inkleaf_cli::BUNDLED_ARTICLE;
    let blocks: Vec<&str> = article.lines().collect();
    report("article", article, &blocks);

    match rust_book() {
        Some(book) => {
            let blocks: Vec<&str> = book.lines().collect();
            report("rust book", &book, &blocks);
        }
        None => println!("\nrust book: not found under the toolchain's share/doc; skipped"),
    }
}

fn report(name: &str, whole: &str, blocks: &[&str]) {
    let started = Instant::now();
    let encoded = encode(blocks).expect("texts fit the format");
    let trained = started.elapsed();
    let model = Model::from_bytes(&encoded.model).expect("the model parses");
    check(&encoded, &model, blocks);

    let pages = page_starts(blocks).len();
    let text = encoded.text_bytes();
    let index = pages * SYNC_BYTES;
    let framing: usize = encoded
        .blocks
        .iter()
        .map(|b| varint_len(b.bits.len()) + varint_len(b.text_len as usize))
        .sum();
    let ours = encoded.model.len() + text + index;
    let gzip = deflate(whole.as_bytes(), true);
    let zstd_whole = zstd::bulk::compress(whole.as_bytes(), 19)
        .expect("zstd")
        .len();
    let chunks = chunks(whole, CHUNK_BYTES);
    let deflate_pages: usize = chunks.iter().map(|c| deflate(c.as_bytes(), false)).sum();
    let zstd_pages: usize = chunks
        .iter()
        .map(|c| zstd::bulk::compress(c.as_bytes(), 19).expect("zstd").len())
        .sum();
    let speed = decode_speed(&encoded, &model);
    let firmware_speed = firmware_decode_speed(name, &encoded);
    let mut table = vec![0u32; model.table_words(TABLE_BITS)];
    let mut fast = model;
    fast.accelerate(&mut table).expect("the table fits");
    let fast_speed = decode_speed(&encoded, &fast);

    println!(
        "\n{name}: {} bytes, {} blocks, ~{pages} pages",
        whole.len(),
        blocks.len()
    );
    let which = if model.is_builtin() {
        format!(
            "the engine's built-in English model ({} B of firmware, 1 B in the blob)",
            model.byte_len()
        )
    } else {
        "trained for this text".to_string()
    };
    println!(
        "  model: {which}: {} literals, {} contexts, {} entries; chosen in {:.0?}",
        model.literals(),
        model.contexts(),
        model.entries(),
        trained
    );
    let ratio = |n: usize| n as f64 / gzip as f64;
    let line = |label: &str, n: usize| println!("  {label:<44} {n:>9} B  {:>5.3}x gzip", ratio(n));
    line("inkleaf model", encoded.model.len());
    line("inkleaf coded text", text);
    line(
        &format!("inkleaf page index (est. {pages} x {SYNC_BYTES} B)"),
        index,
    );
    line("inkleaf model + text + page index", ours);
    line(
        "  + block framing (stream and text lengths)",
        ours + framing,
    );
    line("gzip -9, whole", gzip);
    line(
        &format!("deflate -9, page by page ({CHUNK_BYTES} B chunks)"),
        deflate_pages,
    );
    line("zstd -19, whole", zstd_whole);
    line(
        &format!("zstd -19, page by page ({CHUNK_BYTES} B chunks)"),
        zstd_pages,
    );
    let blob = blob_parts(blocks);
    println!(
        "  inkleaf blob for {} ({} pages, built-in 6x10): model {} + text {} (block framing \
         included) + page index {} = {} B, {:.3}x gzip; whole blob {} B with metadata and {} B \
         of hyphenation points",
        blob.display,
        blob.pages,
        blob.model,
        blob.text,
        blob.index,
        blob.model + blob.text + blob.index,
        ratio(blob.model + blob.text + blob.index),
        blob.total,
        blob.hyphens
    );
    println!(
        "  inkleaf decode speed, in place (model + decoder: 480 B of RAM on a Cortex-M): \
         {firmware_speed:.0} MB/s of text as firmware builds the engine (no `tables` feature), \
         {speed:.0} MB/s with the `tables` feature built in; {fast_speed:.0} MB/s with \
         {TABLE_BITS}-bit lookup tables ({} KB)",
        table.len() * 4 / 1024
    );
}

/// [`decode_speed`] of the engine built as firmware builds it, without the `tables` feature
/// that this benchmark's build has on (its check costs every character): the engine's
/// `decode_speed` example, built on its own and run on the coded texts written to a file.
fn firmware_decode_speed(name: &str, encoded: &Encoded) -> f64 {
    let workspace = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    // Beside this benchmark's own build: <target>/release/deps/codec-*.
    let exe = std::env::current_exe().expect("the benchmark's path");
    let target = exe
        .ancestors()
        .nth(3)
        .map_or_else(|| workspace.join("target"), PathBuf::from)
        .join("decode-speed");
    let file = target.join(format!("{}.coded", name.replace(' ', "-")));
    std::fs::create_dir_all(&target).expect("a directory for the engine's own build");
    let mut data = (encoded.model.len() as u32).to_le_bytes().to_vec();
    data.extend_from_slice(&encoded.model);
    for b in &encoded.blocks {
        data.extend_from_slice(&b.text_len.to_le_bytes());
        data.extend_from_slice(&(b.bits.len() as u32).to_le_bytes());
        data.extend_from_slice(&b.bits);
    }
    std::fs::write(&file, data).expect("write the coded texts");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = std::process::Command::new(cargo)
        .current_dir(&workspace)
        .env_remove("CARGO_TARGET_DIR")
        .arg("run")
        .arg("--target-dir")
        .arg(&target)
        .args([
            "--quiet",
            "--release",
            "-p",
            "inkleaf",
            "--example",
            "decode_speed",
            "--",
        ])
        .arg(&file)
        .output()
        .expect("cargo runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "decode_speed failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
        .trim()
        .strip_prefix("MB/s ")
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("decode_speed printed {stdout:?}"))
}

/// The parts of a real blob built from `blocks` for the 2.9in display.
struct BlobParts {
    display: &'static str,
    pages: u32,
    model: usize,
    text: usize,
    index: usize,
    hyphens: usize,
    total: usize,
}

fn blob_parts(blocks: &[&str]) -> BlobParts {
    let doc = inkleaf_cli::input::Document {
        language: "en".into(),
        blocks: blocks
            .iter()
            .map(|b| inkleaf_cli::input::DocBlock::plain(inkleaf::text::BlockKind::Paragraph, *b))
            .collect(),
        ..Default::default()
    };
    let display = inkleaf_cli::displays::PRESETS
        .iter()
        .find(|d| d.name == "2.9in")
        .expect("the 2.9in preset");
    let built = inkleaf_cli::build::build(&doc, display.profile, inkleaf::font::FontId::Mono6x10)
        .expect("the text builds");
    let book = inkleaf::Book::from_bytes(&built.blob).expect("the blob opens");
    let sizes = book.part_sizes();
    BlobParts {
        display: display.name,
        pages: built.pages,
        model: sizes.model,
        text: sizes.text,
        index: sizes.page_index,
        hyphens: sizes.hyphens,
        total: built.blob.len(),
    }
}

/// Every block decodes exactly from its start, and from every page start's sync point.
fn check(encoded: &Encoded, model: &Model<'_>, blocks: &[&str]) {
    for (i, text) in blocks.iter().enumerate() {
        let stream = encoded.stream(i).expect("block exists");
        let decoded: String = Decoder::new(model, stream)
            .map(|r| r.expect("decodes").1)
            .collect();
        assert_eq!(&decoded, text, "block {i}");
    }
    for (block, offset) in page_starts(blocks) {
        let sync = encoded
            .sync_point(block, offset as u32)
            .expect("sync point");
        let stream = encoded.stream(block).expect("block exists");
        let rest: String = Decoder::at(model, stream, sync)
            .expect("starts")
            .map(|r| r.expect("decodes").1)
            .collect();
        assert_eq!(rest, blocks[block][offset..], "page at {block}:{offset}");
    }
}

/// (block, byte offset) of each page start: every ~PAGE_BYTES, at a word start.
fn page_starts(blocks: &[&str]) -> Vec<(usize, usize)> {
    let mut starts = vec![(0, 0)];
    let mut filled = 0;
    for (b, text) in blocks.iter().enumerate() {
        let mut at = 0;
        if filled >= PAGE_BYTES {
            starts.push((b, 0));
            filled = 0;
        }
        while filled + text.len() - at > PAGE_BYTES {
            let want = ceil_boundary(text, at + PAGE_BYTES - filled);
            let cut = text[want..].find(' ').map_or(text.len(), |i| want + i + 1);
            if cut >= text.len() {
                break;
            }
            starts.push((b, cut));
            at = cut;
            filled = 0;
        }
        filled += text.len() - at;
    }
    starts
}

/// `text` cut into pieces of about `size` bytes, each ending after a space.
fn chunks(text: &str, size: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while rest.len() > size {
        let from = ceil_boundary(rest, size);
        let cut = rest[from..].find(' ').map_or(rest.len(), |i| from + i + 1);
        let (head, tail) = rest.split_at(cut);
        out.push(head);
        rest = tail;
    }
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

/// The first character boundary at or after `at`.
fn ceil_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

fn deflate(data: &[u8], gzip: bool) -> usize {
    let level = flate2::Compression::best();
    if gzip {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), level);
        e.write_all(data).expect("in memory");
        e.finish().expect("in memory").len()
    } else {
        let mut e = flate2::write::DeflateEncoder::new(Vec::new(), level);
        e.write_all(data).expect("in memory");
        e.finish().expect("in memory").len()
    }
}

fn varint_len(n: usize) -> usize {
    (usize::BITS - n.leading_zeros()).max(1).div_ceil(7) as usize
}

/// MB/s of text out of `Decoder::new` over every block, median of 9 rounds (as the engine's
/// `decode_speed` example measures).
fn decode_speed(encoded: &Encoded, model: &Model<'_>) -> f64 {
    let total: usize = encoded.blocks.iter().map(|b| b.text_len as usize).sum();
    let pass = || {
        let mut sum = 0u32;
        for i in 0..encoded.blocks.len() {
            for item in Decoder::new(model, encoded.stream(i).expect("block")) {
                sum = sum.wrapping_add(u32::from(item.expect("decodes").1));
            }
        }
        std::hint::black_box(sum);
    };
    let repeats = (20_000_000 / total.max(1)).max(1);
    let mut rounds: Vec<Duration> = (0..9)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..repeats {
                pass();
            }
            start.elapsed() / repeats as u32
        })
        .collect();
    rounds.sort();
    total as f64 / rounds[4].as_secs_f64() / 1e6
}

/// The Rust book's chapters as text, one block per paragraph, list item or heading.
fn rust_book() -> Option<String> {
    let sysroot = std::process::Command::new("rustc")
        .args(["--print", "sysroot"])
        .output()
        .ok()?;
    let root = PathBuf::from(String::from_utf8(sysroot.stdout).ok()?.trim());
    let dir = root.join("share/doc/rust/html/book");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            (name.starts_with("ch") || name.starts_with("appendix")) && name.ends_with(".html")
        })
        .collect();
    files.sort();
    let mut out = String::new();
    for file in files {
        let html = std::fs::read_to_string(&file).ok()?;
        for block in html_blocks(&html) {
            out.push_str(&block);
            out.push('\n');
        }
    }
    (!out.is_empty()).then_some(out)
}

/// Text of the `<p>`, `<li>` and `<h1>`–`<h4>` elements of a page's `<main>`, tags stripped.
fn html_blocks(html: &str) -> Vec<String> {
    let main = html
        .split_once("<main>")
        .and_then(|(_, m)| m.split_once("</main>"))
        .map_or(html, |(m, _)| m);
    let mut blocks = Vec::new();
    let mut rest = main;
    while let Some(open) = rest.find('<') {
        let tag_end = rest[open..].find('>').map_or(rest.len(), |i| open + i + 1);
        let tag = &rest[open + 1..tag_end.saturating_sub(1)];
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        rest = &rest[tag_end..];
        if ["p", "li", "h1", "h2", "h3", "h4"].contains(&name.as_str()) {
            let close = format!("</{name}>");
            let end = rest.find(&close).unwrap_or(rest.len());
            let text = strip_tags(&rest[..end]);
            if !text.is_empty() {
                blocks.push(text);
            }
            rest = &rest[end..];
        } else if name == "pre" {
            rest = rest.find("</pre>").map_or("", |i| &rest[i..]);
        }
    }
    blocks
}

fn strip_tags(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
