//! Fonts shipped inside the binary, so a blob can be built with no font file at hand.

use super::family::FontSource;

/// Names [`bundled_font`] and [`super::Family::bundled`] know, the default first.
pub const BUNDLED_FONTS: [&str; 3] = ["dejavu-sans", "dejavu-serif", "dejavu-sans-condensed"];

/// The TrueType bytes of the regular face of the bundled family called `name` (see
/// [`BUNDLED_FONTS`]): DejaVu 2.37, whose license allows embedding.
pub fn bundled_font(name: &str) -> Option<&'static [u8]> {
    bundled_faces(name).map(|[(_, regular), ..]| regular)
}

/// The regular, bold, italic, bold italic and mono fonts of the bundled family `name`.
pub(super) fn bundled_sources(name: &str) -> Option<[FontSource; 5]> {
    Some(bundled_faces(name)?.map(|(label, bytes)| FontSource::new(label, bytes)))
}

/// The names and bytes of [`bundled_sources`]. DejaVu's sans faces slant as obliques; code is
/// set in DejaVu Sans Mono in every family.
fn bundled_faces(name: &str) -> Option<[(&'static str, &'static [u8]); 5]> {
    use dejavu::{sans, sans_condensed as condensed, sans_mono as mono, serif};
    let [r, b, i, bi] = match name {
        "dejavu-sans" => [
            ("DejaVu Sans", sans::regular()),
            ("DejaVu Sans Bold", sans::bold()),
            ("DejaVu Sans Oblique", sans::oblique()),
            ("DejaVu Sans Bold Oblique", sans::bold_oblique()),
        ],
        "dejavu-serif" => [
            ("DejaVu Serif", serif::regular()),
            ("DejaVu Serif Bold", serif::bold()),
            ("DejaVu Serif Italic", serif::italic()),
            ("DejaVu Serif Bold Italic", serif::bold_italic()),
        ],
        "dejavu-sans-condensed" => [
            ("DejaVu Sans Condensed", condensed::regular()),
            ("DejaVu Sans Condensed Bold", condensed::bold()),
            ("DejaVu Sans Condensed Oblique", condensed::oblique()),
            (
                "DejaVu Sans Condensed Bold Oblique",
                condensed::bold_oblique(),
            ),
        ],
        _ => return None,
    };
    Some([r, b, i, bi, ("DejaVu Sans Mono", mono::regular())])
}

#[cfg(test)]
mod tests {
    use super::{bundled_font, bundled_sources, BUNDLED_FONTS};

    #[test]
    fn every_listed_name_is_a_family_of_truetype_fonts() {
        for name in BUNDLED_FONTS {
            let bytes = bundled_font(name).unwrap();
            assert_eq!(bytes.get(..4), Some(&[0, 1, 0, 0][..]), "{name}");
            for source in bundled_sources(name).unwrap() {
                assert_eq!(source.bytes.get(..4), Some(&[0, 1, 0, 0][..]), "{source:?}");
            }
        }
        assert_eq!(bundled_font("comic-sans"), None);
    }
}
