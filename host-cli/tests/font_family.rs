//! Font families: every face a text uses packed as its own section, faces the family lacks
//! synthesized, characters its fonts lack taken from fallback fonts.

use std::collections::BTreeSet;

use inkleaf::font::{Face, Font, Glyph, PackedFont};
use inkleaf_cli::build::{Face as BuildFace, Settings, TextStorage, Warning};
use inkleaf_cli::fonts::{
    bundled_font, pack_family, pack_font, Family, FontSource, PackedFamily, Role, BUNDLED_FONTS,
};
use inkleaf_cli::input::{parse_text, Document};
use inkleaf_cli::BUNDLED_ARTICLE;

/// Where Debian's `fonts-wqy-microhei` puts WenQuanYi Micro Hei, a CJK font.
const CJK_FONT: &str = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

/// The CJK font, or a failure that says how to get it: a fallback test that skipped would
/// prove nothing.
fn cjk_font() -> FontSource {
    let bytes = std::fs::read(CJK_FONT).unwrap_or_else(|e| {
        panic!(
            "{CJK_FONT}: {e}. The fallback-font tests need a CJK font: \
             `apt-get install fonts-wqy-microhei` (as .ci/run does)"
        )
    });
    FontSource::new(CJK_FONT, bytes)
}

/// Every face setting all of `text`.
fn every_face(text: &str) -> [BTreeSet<char>; Face::COUNT] {
    std::array::from_fn(|_| text.chars().collect())
}

fn font_of(packed: &PackedFamily, face: Face) -> PackedFont<'_> {
    let (_, section) = packed
        .sections
        .iter()
        .find(|(f, _)| *f == face)
        .unwrap_or_else(|| panic!("no {face:?} section"));
    PackedFont::from_bytes(section).unwrap()
}

/// Inked pixels of a glyph.
fn ink(glyph: &Glyph<'_>) -> usize {
    (0..glyph.height)
        .flat_map(|y| (0..glyph.width).map(move |x| (x, y)))
        .filter(|&(x, y)| glyph.coverage(x, glyph.top + y) > 0)
        .count()
}

/// The row below the lowest inked row, from the top of the line.
fn bottom(glyph: &Glyph<'_>) -> u32 {
    glyph.top + glyph.height
}

#[test]
fn bundled_families_pack_every_face_the_engine_reads() {
    for name in BUNDLED_FONTS {
        let family = Family::bundled(name, 14, 1).unwrap();
        let packed = pack_family(&family, &every_face(BUNDLED_ARTICLE)).unwrap();
        let faces: Vec<Face> = packed.sections.iter().map(|(f, _)| *f).collect();
        assert_eq!(faces, Face::ALL, "{name}");
        assert!(
            packed.synthesized.is_empty(),
            "{name}: {:?}",
            packed.synthesized
        );
        assert!(packed.missing.is_empty(), "{name}: {:?}", packed.missing);
        for &face in &Face::ALL {
            let font = font_of(&packed, face);
            for c in BUNDLED_ARTICLE.chars().filter(|c| !c.is_control()) {
                assert!(font.glyph(c).is_some(), "{name} {face:?} lacks {c:?}");
            }
        }
    }
}

#[test]
fn body_faces_share_one_line_and_baseline_and_headings_are_larger() {
    let family = Family::bundled("dejavu-serif", 14, 2).unwrap();
    let packed = pack_family(&family, &every_face(BUNDLED_ARTICLE)).unwrap();
    let line = |face| {
        let font = font_of(&packed, face);
        (font.line_height(), font.baseline())
    };
    let body = line(Face::Regular);
    for face in [Face::Bold, Face::Italic, Face::BoldItalic, Face::Mono] {
        assert_eq!(line(face), body, "{face:?}");
    }
    let (h1, h2) = (line(Face::Heading1), line(Face::Heading2));
    assert!(h1.0 > h2.0 && h2.0 > body.0, "{h1:?} {h2:?} {body:?}");
    assert_eq!(font_of(&packed, Face::Heading1).px(), 20);
    assert_eq!(font_of(&packed, Face::Heading2).px(), 17);
    // Letters of every body face stand on the one baseline.
    for face in [Face::Regular, Face::Bold, Face::Italic, Face::Mono] {
        let font = font_of(&packed, face);
        let x = font.glyph('x').unwrap();
        assert_eq!(bottom(&x), body.1, "{face:?}");
    }
}

#[test]
fn a_tall_glyph_in_one_body_face_grows_every_body_face_s_line() {
    // DejaVu Sans Bold's Ǻ rises 14 px at 14 px, a row above the font's ascent.
    let family = Family::bundled("dejavu-sans", 14, 1).unwrap();
    let mut chars: [BTreeSet<char>; Face::COUNT] = Default::default();
    chars[Face::Regular as usize].extend("plain".chars());
    let alone = pack_family(&family, &chars).unwrap();
    chars[Face::Bold as usize].extend("Ǻ".chars());
    chars[Face::Mono as usize].extend("code".chars());
    let mixed = pack_family(&family, &chars).unwrap();
    let regular = font_of(&mixed, Face::Regular);
    let before = font_of(&alone, Face::Regular);
    assert_eq!(regular.baseline(), before.baseline() + 1);
    for face in [Face::Bold, Face::Mono] {
        let font = font_of(&mixed, face);
        assert_eq!(
            (font.line_height(), font.baseline()),
            (regular.line_height(), regular.baseline()),
            "{face:?}"
        );
    }
    // Each face holds its own characters only.
    assert!(regular.glyph('p').is_some() && regular.glyph('Ǻ').is_none());
}

#[test]
fn faces_the_text_does_not_use_are_not_packed() {
    let family = Family::bundled("dejavu-sans", 14, 1).unwrap();
    let mut chars: [BTreeSet<char>; Face::COUNT] = Default::default();
    chars[Face::Italic as usize].extend("em".chars());
    let packed = pack_family(&family, &chars).unwrap();
    let faces: Vec<Face> = packed.sections.iter().map(|(f, _)| *f).collect();
    assert_eq!(faces, [Face::Regular, Face::Italic]);
}

#[test]
fn synthesized_bold_is_wider_and_darker_and_synthesized_italic_leans() {
    let regular = FontSource::new("DejaVuSans.ttf", bundled_font("dejavu-sans").unwrap());
    let mut family = Family::from_regular(regular, 14, 1);
    family.mono = None;
    let text = "Hamburgefonts lid";
    let packed = pack_family(&family, &every_face(text)).unwrap();
    let notes: Vec<String> = packed.synthesized.iter().map(|n| n.to_string()).collect();
    assert_eq!(
        notes,
        [
            "no bold face given: emboldened from regular",
            "no italic face given: slanted from regular",
            "no bold italic face given: emboldened and slanted from regular",
            "no mono face given: set in the regular face",
        ]
    );
    let (plain, bold, italic) = (
        font_of(&packed, Face::Regular),
        font_of(&packed, Face::Bold),
        font_of(&packed, Face::Italic),
    );
    let ink_of = |font: &PackedFont<'_>| -> usize {
        text.chars().map(|c| ink(&font.glyph(c).unwrap())).sum()
    };
    let width = |font: &PackedFont<'_>| -> u32 { text.chars().map(|c| font.advance(c)).sum() };
    assert!(
        width(&bold) > width(&plain),
        "{} {}",
        width(&bold),
        width(&plain)
    );
    assert!(
        ink_of(&bold) * 10 > ink_of(&plain) * 13,
        "{} {}",
        ink_of(&bold),
        ink_of(&plain)
    );
    // Slanted: the same advances, the top of a stem right of its foot.
    assert_eq!(width(&italic), width(&plain));
    let l = italic.glyph('l').unwrap();
    let upright = plain.glyph('l').unwrap();
    assert!(l.width > upright.width, "{} {}", l.width, upright.width);
    let first_inked = |row: u32| (0..l.width).find(|&x| l.coverage(x, row) > 0);
    let (top, foot) = (first_inked(l.top), first_inked(l.top + l.height - 1));
    assert!(top > foot, "{top:?} {foot:?}");
}

#[test]
fn real_faces_are_used_where_given_and_the_rest_made_from_the_nearest() {
    let regular = FontSource::new("DejaVuSans.ttf", bundled_font("dejavu-sans").unwrap());
    let mut family = Family::from_regular(regular, 14, 1);
    family.set(Role::Bold, FontSource::new("bold", dejavu::sans::bold()));
    let packed = pack_family(&family, &every_face("ab")).unwrap();
    let notes: Vec<String> = packed.synthesized.iter().map(|n| n.to_string()).collect();
    assert_eq!(
        notes,
        [
            "no italic face given: slanted from regular",
            "no bold italic face given: slanted from bold",
        ]
    );
    let bundled = pack_family(
        &Family::bundled("dejavu-sans", 14, 1).unwrap(),
        &every_face("ab"),
    )
    .unwrap();
    assert_eq!(
        font_of(&packed, Face::Heading1).glyph('a'),
        font_of(&bundled, Face::Heading1).glyph('a'),
        "headings are set in the bold font given"
    );
}

#[test]
fn a_fallback_font_sets_the_cjk_characters_on_the_body_baseline() {
    let text = "Rust 编程语言 (日本語: プログラミング言語) — 한국어";
    let mut family = Family::bundled("dejavu-sans", 14, 1).unwrap();
    let without = pack_family(&family, &every_face(text)).unwrap();
    let cjk: Vec<char> = text
        .chars()
        .filter(|c| u32::from(*c) >= 0x3000)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    assert_eq!(without.missing, cjk, "DejaVu has none of them");

    family.fallbacks.push(cjk_font());
    let with = pack_family(&family, &every_face(text)).unwrap();
    assert!(with.missing.is_empty(), "{:?}", with.missing);
    let regular = font_of(&with, Face::Regular);
    for &c in &cjk {
        let glyph = regular.glyph(c).unwrap_or_else(|| panic!("no {c}"));
        assert!(ink(&glyph) > 10, "{c} has a real glyph");
        assert!(
            glyph.advance >= 12,
            "{c}: a full-width advance, {}",
            glyph.advance
        );
        // CJK ideographs sit on the baseline, reaching a pixel or two below it.
        let below = bottom(&glyph) as i64 - i64::from(regular.baseline());
        assert!(
            (0..=3).contains(&below),
            "{c}: {below} rows below the baseline"
        );
    }
    // Borrowed glyphs take the face's weight and slant.
    let plain = regular.glyph('语').unwrap();
    let (bold_font, italic_font) = (font_of(&with, Face::Bold), font_of(&with, Face::Italic));
    let bold = bold_font.glyph('语').unwrap();
    assert!(ink(&bold) > ink(&plain), "{} {}", ink(&bold), ink(&plain));
    let italic = italic_font.glyph('语').unwrap();
    assert!(italic.width > plain.width);
    // Kerning stays within the main font: no pair touches a borrowed glyph.
    for &c in &cjk {
        for other in text.chars() {
            assert_eq!(regular.kerning(c, other), 0);
            assert_eq!(regular.kerning(other, c), 0);
        }
    }
    // The Latin glyphs are still DejaVu's.
    assert_eq!(
        regular.glyph('R'),
        font_of(&without, Face::Regular).glyph('R')
    );
}

#[test]
fn a_broken_font_is_named_whether_or_not_the_text_needs_it() {
    let mut family = Family::bundled("dejavu-sans", 14, 1).unwrap();
    family
        .fallbacks
        .push(FontSource::new("notes.txt", &b"not a font"[..]));
    let error = pack_family(&family, &every_face("abc")).unwrap_err();
    assert_eq!(error.font, "notes.txt");
    assert!(
        error.to_string().starts_with("notes.txt: not a usable"),
        "{error}"
    );
}

fn settings(family: Family) -> Settings {
    let display = inkleaf_cli::displays::find("2.9in").unwrap();
    Settings {
        display: display.name,
        profile: display.profile,
        also_for: Vec::new(),
        also_sizes: Vec::new(),
        bake_all_lines: false,
        face: BuildFace::TrueType {
            family: Box::new(family),
            fallback: display.font,
        },
        hyphenate: true,
        text: TextStorage::Coded,
    }
}

#[test]
fn a_plain_text_blob_carries_the_same_font_as_before_families() {
    let doc = parse_text(BUNDLED_ARTICLE);
    let settings = settings(Family::bundled("dejavu-sans", 14, 1).unwrap());
    let built = settings.build(&doc).unwrap();
    let (alone, _) = pack_font(
        bundled_font("dejavu-sans").unwrap(),
        14,
        BUNDLED_ARTICLE.chars(),
        1,
    )
    .unwrap();
    assert_eq!(built.family.len(), 1);
    assert_eq!(built.family[0], (Face::Regular, alone.clone()));
    assert_eq!(built.font_bytes, alone.len());
    assert!(built.warnings.is_empty(), "{:?}", built.warnings);
}

#[test]
fn a_build_warns_of_synthesized_faces_and_only_of_glyphs_no_font_has() {
    let mut doc: Document =
        inkleaf_cli::input::parse_markdown("# Title\n\n中文 and \u{E000} text\n");
    doc.language = "en".into();
    let regular = FontSource::new("DejaVuSans.ttf", bundled_font("dejavu-sans").unwrap());
    let mut family = Family::from_regular(regular, 14, 1);
    family.fallbacks.push(cjk_font());
    let built = settings(family).build(&doc).unwrap();
    let faces: Vec<Face> = built.family.iter().map(|(f, _)| *f).collect();
    assert_eq!(faces, [Face::Regular, Face::Heading1]);
    let warnings: Vec<String> = built.warnings.iter().map(Warning::to_string).collect();
    assert_eq!(
        built.warnings[0].to_string(),
        "DejaVuSans.ttf: no bold face given: emboldened from regular"
    );
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    match &built.warnings[1] {
        Warning::MissingGlyphs { font, chars } => {
            assert_eq!(chars, &['\u{E000}'], "the CJK characters are set");
            assert_eq!(font, &format!("DejaVuSans.ttf (and fallback {CJK_FONT})"));
        }
        other => panic!("{other}"),
    }
}
