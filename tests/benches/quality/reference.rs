//! The reference: textwrap 0.16's optimal fit with the `hyphenation` crate's TeX patterns,
//! measured in the same pixels and paginated at the same number of lines per page.

use hyphenation::{Language, Load, Standard};
use textwrap::core::{Fragment, Word};
use textwrap::wrap_algorithms::{wrap_optimal_fit, Penalties};
use textwrap::{WordSeparator, WordSplitter};

use super::metrics::SetLine;

/// A word with its widths in pixels.
#[derive(Debug)]
struct Px<'a> {
    word: Word<'a>,
    width: f64,
    space: f64,
    hyphen: f64,
}

impl Fragment for Px<'_> {
    fn width(&self) -> f64 {
        self.width
    }
    fn whitespace_width(&self) -> f64 {
        if self.word.whitespace.is_empty() {
            0.0
        } else {
            self.space
        }
    }
    fn penalty_width(&self) -> f64 {
        if self.word.penalty.is_empty() {
            0.0
        } else {
            self.hyphen
        }
    }
}

/// Sets `paragraphs` at `measure` pixels with `advance` giving each character's width,
/// justified, `per_page` lines to a page.
pub fn set_lines(
    paragraphs: &[&str],
    measure: f64,
    per_page: usize,
    advance: &dyn Fn(char) -> f64,
) -> Vec<SetLine> {
    let dictionary = Standard::from_embedded(Language::EnglishUS).expect("embedded en-us patterns");
    let splitter = WordSplitter::Hyphenation(dictionary);
    let width = |s: &str| s.chars().map(advance).sum::<f64>();
    let (space, hyphen) = (advance(' '), advance('-'));
    // Penalties in pixels² rather than columns², scaled from textwrap's monospace defaults.
    let column = advance('n');
    let scale = |p: usize| (p as f64 * column * column) as usize;
    let defaults = Penalties::new();
    let penalties = Penalties {
        nline_penalty: scale(defaults.nline_penalty),
        overflow_penalty: scale(defaults.overflow_penalty),
        short_last_line_fraction: defaults.short_last_line_fraction,
        short_last_line_penalty: scale(defaults.short_last_line_penalty),
        hyphen_penalty: scale(defaults.hyphen_penalty),
    };
    let mut out = Vec::new();
    for paragraph in paragraphs {
        let words = WordSeparator::AsciiSpace.find_words(paragraph);
        let words = textwrap::word_splitters::split_words(words, &splitter);
        let fragments: Vec<Px<'_>> = words
            .map(|word| Px {
                width: width(word.word),
                word,
                space,
                hyphen,
            })
            .collect();
        let lines =
            wrap_optimal_fit(&fragments, &[measure], &penalties).expect("no overflow in f64");
        let count = lines.len();
        for (i, line) in lines.iter().enumerate() {
            let last = i + 1 == count;
            let gaps_n = line
                .iter()
                .take(line.len().saturating_sub(1))
                .filter(|f| !f.word.whitespace.is_empty())
                .count();
            let end = line.last().expect("lines hold a word");
            let natural: f64 = line.iter().map(|f| f.width).sum::<f64>()
                + line
                    .iter()
                    .take(line.len() - 1)
                    .map(|f| f.whitespace_width())
                    .sum::<f64>()
                + end.penalty_width();
            let gap = if last || gaps_n == 0 {
                space
            } else {
                space + (measure - natural) / gaps_n as f64
            };
            let mut gaps = Vec::new();
            let mut x = 0.0;
            for fragment in line.iter().take(line.len() - 1) {
                x += fragment.width;
                if !fragment.word.whitespace.is_empty() {
                    gaps.push((x, gap));
                    x += gap;
                }
            }
            let index = out.len();
            out.push(SetLine {
                page: index / per_page,
                natural,
                measure,
                space,
                hyphen,
                gaps,
                hyphenated: !last
                    && (!end.word.penalty.is_empty()
                        || end.word.word.ends_with(['-', '\u{2014}', '\u{2013}'])),
                first: i == 0,
                last,
                dash_start: line
                    .first()
                    .is_some_and(|f| f.word.word.starts_with('\u{2014}')),
            });
        }
    }
    out
}
