//! Blobs for tests: the bundled article, ad-hoc blocks, and hand-made bytes.

use inkleaf::{
    font::FontId,
    format::Meta,
    format::{FORMAT_VERSION, MAGIC},
    layout::Margins,
    text::{Block, BlockKind},
    Profile,
};
use inkleaf_cli::displays::{Display, PRESETS};
use inkleaf_cli::input::{parse_text, Document};
use inkleaf_cli::pack::pack_to_vec;

/// The bundled article as the host reads it.
pub fn article() -> Document {
    parse_text(inkleaf_cli::BUNDLED_ARTICLE)
}

/// The bundled article built for `profile` in `font`, as `inkleaf build` would.
pub fn article_blob(profile: Profile, font: FontId) -> Vec<u8> {
    inkleaf_cli::build::build(&article(), profile, font)
        .expect("the bundled article builds")
        .blob
}

/// [`article_blob`] with every line break baked, past the builder's budget for them too.
pub fn article_blob_all_baked(profile: Profile, font: FontId) -> Vec<u8> {
    let options = inkleaf_cli::build::Options {
        font,
        faces: &[],
        hyphenate: true,
        text: inkleaf_cli::build::TextStorage::Coded,
        also_for: &[],
        also_sizes: &[],
        bake_all_lines: true,
    };
    inkleaf_cli::build::build_with(&article(), profile, &options)
        .expect("the bundled article builds")
        .blob
}

/// The display preset called `name`.
pub fn preset(name: &str) -> Display {
    *PRESETS
        .iter()
        .find(|d| d.name == name)
        .unwrap_or_else(|| panic!("no preset {name}"))
}

/// One preset of each kind of page, for tests that lay out many texts on each: the smallest
/// (built-in font), each packed size with and without a footer, an upright page, the largest.
/// The bundled article is tested on every preset.
pub fn page_kinds() -> [Display; 7] {
    [
        "oled-128x64",
        "2.13in",
        "2.9in",
        "4.2in",
        "xteink-x4",
        "7.5in",
        "lilygo-t5-4.7",
    ]
    .map(preset)
}

/// The 2.9in panel with no margins at all: text runs edge to edge.
pub fn edge_to_edge_296x128() -> Profile {
    let mut profile = Profile::new(296, 128);
    profile.margins = Margins::all(0);
    profile
}

/// Packs `blocks` with empty metadata and no recorded profile.
pub fn pack_blocks(blocks: &[(BlockKind, &str)]) -> Vec<u8> {
    let blocks: Vec<Block<'_>> = blocks
        .iter()
        .map(|&(kind, text)| Block::new(kind, text))
        .collect();
    pack_to_vec(&inkleaf::build::Contents::plain(Meta::default(), &blocks))
        .expect("small test blocks pack")
}

/// CRC-32/ISO-HDLC (the zlib and PNG one) of `data`, from `crc32fast` rather than the
/// engine, so the two check each other.
pub fn crc32(data: &[u8]) -> u32 {
    crc32fast::hash(data)
}

/// The 16 header bytes with every field given explicitly.
pub fn header(magic: [u8; 4], version: u16, flags: u16, payload_len: u32, crc: u32) -> Vec<u8> {
    let mut out = Vec::with_capacity(16);
    out.extend_from_slice(&magic);
    out.extend_from_slice(&version.to_le_bytes());
    out.extend_from_slice(&flags.to_le_bytes());
    out.extend_from_slice(&payload_len.to_le_bytes());
    out.extend_from_slice(&crc.to_le_bytes());
    out
}

/// A blob around `payload` with a valid header: right magic, version, length and CRC-32.
pub fn blob_with_payload(payload: &[u8]) -> Vec<u8> {
    let len = u32::try_from(payload.len()).expect("test payloads are small");
    let mut blob = header(MAGIC, FORMAT_VERSION, 0, len, crc32(payload));
    blob.extend_from_slice(payload);
    blob
}

/// Rewrites the header CRC of `blob` to match its payload, so decoding reaches the payload.
pub fn fix_crc(blob: &mut [u8]) {
    let crc = crc32(&blob[16..]);
    blob[12..16].copy_from_slice(&crc.to_le_bytes());
}

/// `blob` with its first page index (a blob baked for one display has no other) marked as
/// baked by other layout rules, so a reader lays its pages out afresh instead of trusting
/// the index: what a fresh layout of the same book and display gives, to compare with.
pub fn with_stale_page_index(blob: &[u8]) -> Vec<u8> {
    let book = inkleaf::Book::from_bytes(blob).expect("a valid blob");
    let sizes = book.part_sizes();
    let part_at = sizes.header + sizes.metadata + sizes.chapters;
    let mut stale = blob.to_vec();
    // The index part's length varint, then the first record's rules byte.
    let length_bytes = stale[part_at..]
        .iter()
        .take_while(|&&b| b & 0x80 != 0)
        .count()
        + 1;
    let rules_at = part_at + length_bytes;
    assert_eq!(
        stale[rules_at],
        inkleaf::layout::LAYOUT_RULES,
        "the page index's rules byte"
    );
    stale[rules_at] += 1;
    fix_crc(&mut stale);
    stale
}
