//! Dictionary candidates and a byte trie to find them in text.

use std::collections::BTreeMap;

use inkleaf::codec::format::MAX_ENTRY_BYTES;

/// Pieces of words worth trying as entries: whole words with what follows them, word
/// beginnings and endings, and short runs of punctuation. Each must occur at least twice.
pub(crate) fn candidates(texts: &[&str], cap: usize) -> Vec<String> {
    let mut counts: BTreeMap<&str, u32> = BTreeMap::new();
    for text in texts {
        for (start, end) in words(text) {
            let word = &text[start..end];
            let mut add = |s| bump(&mut counts, s);
            // The word alone and with up to two following characters (", " or " ").
            let mut tail = text[end..]
                .char_indices()
                .map(|(i, c)| end + i + c.len_utf8());
            add(word);
            for stop in tail.by_ref().take(2) {
                add(&text[start..stop]);
            }
            // Beginnings and endings, which the word's relatives share.
            let bounds: Vec<usize> = word.char_indices().map(|(i, _)| start + i).collect();
            let follow = text[end..].chars().next().map_or(0, char::len_utf8);
            for k in 2..bounds.len().min(8) {
                add(&text[start..bounds[k]]);
                let from = bounds[bounds.len() - k];
                add(&text[from..end]);
                add(&text[from..end + follow]);
            }
        }
        for (start, end) in gaps(text) {
            add_gap(&mut counts, &text[start..end]);
        }
    }
    let mut ranked: Vec<(u64, &str)> = counts
        .into_iter()
        .filter(|&(_, n)| n >= 2)
        .map(|(s, n)| (u64::from(n - 1) * s.len() as u64, s))
        .collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    ranked
        .into_iter()
        .take(cap)
        .map(|(_, s)| String::from(s))
        .collect()
}

/// Counts `s` if it can be an entry: two characters or more (so the context after an entry
/// is the one its text implies), at most [`MAX_ENTRY_BYTES`].
fn bump<'t>(counts: &mut BTreeMap<&'t str, u32>, s: &'t str) {
    if s.chars().nth(1).is_some() && s.len() <= MAX_ENTRY_BYTES {
        *counts.entry(s).or_default() += 1;
    }
}

fn add_gap<'t>(counts: &mut BTreeMap<&'t str, u32>, gap: &'t str) {
    if gap.len() <= 4 {
        bump(counts, gap);
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '’'
}

/// Byte ranges of maximal runs of word characters.
fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    runs(text, true)
}

/// Byte ranges of maximal runs of other characters.
fn gaps(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    runs(text, false)
}

fn runs(text: &str, wordy: bool) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text.char_indices().peekable();
    core::iter::from_fn(move || {
        while chars.peek().is_some_and(|&(_, c)| is_word_char(c) != wordy) {
            chars.next();
        }
        let &(start, _) = chars.peek()?;
        let mut end = start;
        while let Some(&(i, c)) = chars.peek() {
            if is_word_char(c) != wordy {
                break;
            }
            end = i + c.len_utf8();
            chars.next();
        }
        Some((start, end))
    })
}

/// A byte trie over the entries, to list every entry that starts at a text position.
#[derive(Clone, Debug, Default)]
pub(crate) struct Trie {
    nodes: Vec<Node>,
}

/// Sorted (byte, child) edges and the entry ending here, if any.
#[derive(Clone, Debug, Default)]
struct Node {
    edges: Vec<(u8, u32)>,
    entry: Option<u32>,
}

impl Trie {
    /// A trie of `entries`, entry `i` reported as `i`.
    pub(crate) fn new(entries: &[String]) -> Self {
        let mut trie = Trie {
            nodes: vec![Node::default()],
        };
        for (i, entry) in entries.iter().enumerate() {
            let mut node = 0usize;
            for &byte in entry.as_bytes() {
                let edges = &trie.nodes[node].edges;
                node = match edges.binary_search_by_key(&byte, |e| e.0) {
                    Ok(at) => edges[at].1 as usize,
                    Err(at) => {
                        let child = trie.nodes.len();
                        trie.nodes[node].edges.insert(at, (byte, child as u32));
                        trie.nodes.push(Node::default());
                        child
                    }
                };
            }
            trie.nodes[node].entry = Some(i as u32);
        }
        trie
    }

    /// Calls `found(entry, length)` for each entry that `bytes` starts with.
    pub(crate) fn prefixes(&self, bytes: &[u8], mut found: impl FnMut(u32, usize)) {
        let mut node = 0usize;
        for (depth, &byte) in bytes.iter().take(MAX_ENTRY_BYTES).enumerate() {
            let edges = &self.nodes[node].edges;
            match edges.binary_search_by_key(&byte, |e| e.0) {
                Ok(at) => node = edges[at].1 as usize,
                Err(_) => return,
            }
            if let Some(entry) = self.nodes[node].entry {
                found(entry, depth + 1);
            }
        }
    }
}
