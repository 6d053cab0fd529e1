//! Hyphenation on the host: Liang patterns (the `hypher` crate) decide where words may break,
//! and the points travel in the blob so a device needs no patterns.

use hypher::Lang;

/// The pattern language for a BCP 47 tag such as `en` or `en-GB`, if there is one.
pub fn language(tag: &str) -> Option<Lang> {
    let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
    let code: [u8; 2] = primary.as_bytes().try_into().ok()?;
    Lang::from_iso(code)
}

/// Byte offsets in `text` where a word may be broken with a hyphen, in increasing order.
///
/// Only plain words are hyphenated: runs of letters, at least two letters kept before a
/// break and three after (TeX's defaults for English). Words already holding a hyphen keep
/// just that break.
pub fn hyphen_points(text: &str, lang: Lang) -> Vec<u32> {
    let (left, right) = lang.bounds();
    let (left, right) = (left.max(2), right.max(3));
    let mut points = Vec::new();
    for (start, word) in words(text) {
        let mut at = start;
        let syllables: Vec<&str> = hypher::hyphenate_bounded(word, lang, left, right).collect();
        for syllable in syllables.iter().take(syllables.len().saturating_sub(1)) {
            at += syllable.len();
            points.push(u32::try_from(at).unwrap_or(u32::MAX));
        }
    }
    points
}

/// Runs of letters with their byte offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while rest.peek().is_some_and(|&(_, c)| !c.is_alphabetic()) {
            rest.next();
        }
        let &(start, _) = rest.peek()?;
        let mut end = start;
        while let Some(&(i, c)) = rest.peek().filter(|&&(_, c)| c.is_alphabetic()) {
            end = i + c.len_utf8();
            rest.next();
        }
        text.get(start..end).map(|word| (start, word))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_words_break_between_syllables() {
        let text = "An extensive, painstaking negotiation.";
        let points = hyphen_points(text, Lang::English);
        let pieces: Vec<&str> = std::iter::once(0)
            .chain(points.iter().map(|&p| p as usize))
            .zip(
                points
                    .iter()
                    .map(|&p| p as usize)
                    .chain(std::iter::once(text.len())),
            )
            .map(|(a, b)| &text[a..b])
            .collect();
        assert_eq!(pieces.concat(), text);
        // "ex-ten-sive" and "pain-stak-ing": breaks after "An ex" and "An exten".
        assert!(points.starts_with(&[5, 8]), "{pieces:?}");
        assert!(points.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn languages_come_from_tags() {
        assert_eq!(language("en-GB"), Some(Lang::English));
        assert_eq!(language("de"), Some(Lang::German));
        assert_eq!(language("xx"), None);
        assert_eq!(language(""), None);
    }
}
