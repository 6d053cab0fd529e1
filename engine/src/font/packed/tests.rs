//! One hand-made section per fault, each rejected with its exact variant.

use super::{FontFault, PackedFont};
use crate::font::Font;
use crate::Error;

/// Two glyphs, `i` and `j` (reaching back one column), and one kerning pair `ij`.
fn section() -> [u8; 52] {
    let mut s = [0u8; 52];
    let parts: [&[u8]; 6] = [
        b"INKF",
        &[1, 1, 8, 0, 8, 0, 6, 0, 2, 0, 1, 0, 5, 0, 0, 0],
        &[b'i', 0, 0, 0, 0, 0, 3, 1, 4, 1, 2],
        &[b'j', 0, 0, 2, 0, 0, 3, 0xFF, 4, 2, 3],
        &[0, 0, 1, 0, 0xFF],
        &[0x80, 0x80, 0x40, 0x40, 0x80],
    ];
    let mut at = 0;
    for part in parts {
        s[at..at + part.len()].copy_from_slice(part);
        at += part.len();
    }
    s
}

const J: usize = 31;
const KERN: usize = 42;
const BITMAPS: usize = 47;

fn fault(bytes: &[u8]) -> FontFault {
    match PackedFont::from_bytes(bytes) {
        Err(Error::BadFont(fault)) => fault,
        other => panic!("expected a font fault, got {other:?}"),
    }
}

fn with(edit: impl FnOnce(&mut [u8; 52])) -> FontFault {
    let mut bytes = section();
    edit(&mut bytes);
    fault(&bytes)
}

#[test]
fn the_fixture_reads_back() {
    let bytes = section();
    let font = PackedFont::from_bytes(&bytes).unwrap();
    let j = font.glyph('j').unwrap();
    assert_eq!(
        (j.left, j.top, j.width, j.height, j.bits),
        (-1, 4, 2, 3, &[0x40, 0x40, 0x80][..])
    );
    assert_eq!((font.kerning('i', 'j'), font.kerning('j', 'i')), (-1, 0));
    assert_eq!(
        (font.line_height(), font.baseline(), font.max_advance()),
        (8, 6, 3)
    );
    assert_eq!((font.glyph('x'), font.advance('x')), (None, 0));
    assert!(font.chars().eq(['i', 'j']));
}

#[test]
fn header_faults() {
    assert_eq!(with(|s| s[0] = b'X'), FontFault::BadMagic(*b"XNKF"));
    assert_eq!(with(|s| s[4] = 2), FontFault::UnsupportedVersion(2));
    assert_eq!(with(|s| s[5] = 3), FontFault::UnsupportedBitsPerPixel(3));
    let bad_line = FontFault::BadLineMetrics {
        line_height: 0,
        baseline: 6,
    };
    assert_eq!(with(|s| s[8] = 0), bad_line);
    let low_baseline = FontFault::BadLineMetrics {
        line_height: 8,
        baseline: 9,
    };
    assert_eq!(with(|s| s[10] = 9), low_baseline);
}

#[test]
fn length_faults() {
    let bytes = section();
    let short = FontFault::Truncated {
        needed: 20,
        available: 10,
    };
    assert_eq!(fault(&bytes[..10]), short);
    let cut = FontFault::Truncated {
        needed: 52,
        available: 51,
    };
    assert_eq!(fault(&bytes[..51]), cut);
    let mut long = [0u8; 53];
    long[..52].copy_from_slice(&bytes);
    assert_eq!(fault(&long), FontFault::TrailingBytes(1));
    // One more bitmap byte declared and present, but no glyph uses it.
    long[16] = 6;
    let unused = FontFault::BitmapLength {
        declared: 6,
        used: 5,
    };
    assert_eq!(fault(&long), unused);
}

#[test]
fn glyph_faults() {
    let surrogate = |s: &mut [u8; 52]| s[J..J + 3].copy_from_slice(&[0x00, 0xD8, 0x00]);
    assert_eq!(with(surrogate), FontFault::InvalidChar(0xD800));
    assert_eq!(with(|s| s[J] = b'h'), FontFault::UnsortedChars('h'));
    assert_eq!(with(|s| s[J + 3] = 3), FontFault::BitmapOffset('j'));
    assert_eq!(with(|s| s[J + 8] = 6), FontFault::GlyphOutsideLine('j'));
    assert_eq!(with(|s| s[BITMAPS] = 0xC0), FontFault::PaddingBits('i'));
    // A taller `j` needs a sixth bitmap byte the header does not declare.
    let too_tall = FontFault::BitmapLength {
        declared: 5,
        used: 6,
    };
    assert_eq!(with(|s| s[J + 10] = 4), too_tall);
}

#[test]
fn kerning_faults() {
    assert_eq!(with(|s| s[KERN + 2] = 2), FontFault::KerningGlyph(0));
    assert_eq!(with(|s| s[KERN + 4] = 0), FontFault::ZeroKerning(0));
    // Two copies of one pair: the second is not after the first.
    let mut twice = [0u8; 57];
    twice[..47].copy_from_slice(&section()[..47]);
    twice[47..52].copy_from_slice(&section()[KERN..KERN + 5]);
    twice[52..].copy_from_slice(&section()[BITMAPS..]);
    twice[14] = 2;
    assert_eq!(fault(&twice), FontFault::UnsortedKerning(1));
}

#[test]
fn faults_read_as_sentences() {
    let error = Error::BadFont(FontFault::GlyphOutsideLine('j'));
    let mut text = heapless::String::<64>::new();
    core::fmt::write(&mut text, format_args!("{error}")).unwrap();
    assert_eq!(
        text,
        "malformed font section: a glyph reaches below the line"
    );
}

/// Ruling pairs out by the characters that kern at all changes no kerning: every pair of a
/// real face (DejaVu Sans at 18 px, as the 4.2" preset packs it), and ASCII it lacks, kerns
/// as searching the table finds; and most pairs are ruled out.
#[cfg(feature = "english")]
#[test]
fn pairs_ruled_out_kern_as_the_table_says() {
    let blob = include_bytes!("../../../../tests/fixtures/device/article-4.2in-dejavu.inkleaf");
    let book = crate::Book::from_bytes(blob).unwrap();
    let family = book.family().unwrap().unwrap();
    let font = family.packed(crate::font::Face::Regular).unwrap();
    let mut chars: heapless::Vec<char, 256> = font.chars().collect();
    for c in ['\0', '#', '~', 'é', '\u{7f}', '\u{80}'] {
        chars.push(c).unwrap();
    }
    let (mut kerned, mut ruled_out, mut pairs) = (0, 0, 0);
    for &left in &chars {
        for &right in &chars {
            let kerning = font.kerning(left, right);
            assert_eq!(
                kerning,
                font.searched_kerning(left, right),
                "{left:?}{right:?}"
            );
            pairs += 1;
            kerned += usize::from(kerning != 0);
            ruled_out += usize::from(!font.kerners.may_kern(left, right));
        }
    }
    assert!(kerned > 50, "{kerned} pairs kern");
    // Of the pairs that do not kern, few are left to search for.
    let searched_in_vain = pairs - kerned - ruled_out;
    assert!(
        searched_in_vain * 10 < pairs - kerned,
        "{searched_in_vain} of {} pairs that do not kern searched for",
        pairs - kerned
    );
}

/// Counting an ASCII character's place finds the glyph that searching finds, for every
/// character up to U+01FF in a real face and in the hand-made one.
#[cfg(feature = "english")]
#[test]
fn ascii_glyphs_are_counted_where_searching_finds_them() {
    let blob = include_bytes!("../../../../tests/fixtures/device/article-4.2in-dejavu.inkleaf");
    let book = crate::Book::from_bytes(blob).unwrap();
    let family = book.family().unwrap().unwrap();
    let real = *family.packed(crate::font::Face::Regular).unwrap();
    let made = section();
    let made = PackedFont::from_bytes(&made).unwrap();
    for font in [real, made] {
        let mut found = 0;
        for c in (0..0x200).filter_map(char::from_u32) {
            assert_eq!(font.index(c), font.searched_index(c), "{c:?}");
            found += usize::from(font.index(c).is_some());
        }
        assert!(found >= 2, "{found} glyphs found");
    }
}
