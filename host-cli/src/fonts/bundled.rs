//! Fonts shipped inside the binary, so a blob can be built with no font file at hand.

/// Names [`bundled_font`] knows, the default first.
pub const BUNDLED_FONTS: [&str; 3] = ["dejavu-sans", "dejavu-serif", "dejavu-sans-condensed"];

/// The TrueType bytes of the bundled font called `name` (see [`BUNDLED_FONTS`]): DejaVu 2.37
/// regular faces, whose license allows embedding.
pub fn bundled_font(name: &str) -> Option<&'static [u8]> {
    Some(match name {
        "dejavu-sans" => dejavu::sans::regular(),
        "dejavu-serif" => dejavu::serif::regular(),
        "dejavu-sans-condensed" => dejavu::sans_condensed::regular(),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::{bundled_font, BUNDLED_FONTS};

    #[test]
    fn every_listed_name_is_a_truetype_font() {
        for name in BUNDLED_FONTS {
            let bytes = bundled_font(name).unwrap();
            assert_eq!(bytes.get(..4), Some(&[0, 1, 0, 0][..]), "{name}");
        }
        assert_eq!(bundled_font("comic-sans"), None);
    }
}
