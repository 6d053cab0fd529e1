//! Length-limited Huffman code lengths and canonical code values.

use core::cmp::Reverse;
use std::collections::BinaryHeap;

use inkleaf::codec::format::MAX_CODE_LEN;

/// Code lengths for `freqs` (all positive), at most [`MAX_CODE_LEN`]. One symbol gets 0 bits.
pub(crate) fn lengths(freqs: &[u64]) -> Vec<u32> {
    let mut freqs = freqs.to_vec();
    loop {
        let lengths = unlimited(&freqs);
        if lengths.iter().all(|&l| l <= MAX_CODE_LEN) {
            return lengths;
        }
        // Flatten the distribution until the tree is shallow enough.
        for f in &mut freqs {
            *f = (*f).div_ceil(2);
        }
    }
}

fn unlimited(freqs: &[u64]) -> Vec<u32> {
    let n = freqs.len();
    if n <= 1 {
        return vec![0; n];
    }
    // Nodes 0..n are leaves; parents follow. Ties break on node index for determinism.
    let mut parent = vec![usize::MAX; 2 * n - 1];
    let mut heap: BinaryHeap<Reverse<(u64, usize)>> = freqs
        .iter()
        .enumerate()
        .map(|(i, &f)| Reverse((f, i)))
        .collect();
    let mut next = n;
    while let (Some(Reverse((fa, a))), Some(Reverse((fb, b)))) = (heap.pop(), heap.pop()) {
        parent[a] = next;
        parent[b] = next;
        heap.push(Reverse((fa + fb, next)));
        next += 1;
    }
    let mut depth = vec![0u32; 2 * n - 1];
    for node in (0..2 * n - 2).rev() {
        depth[node] = depth[parent[node]] + 1;
    }
    depth.truncate(n);
    depth
}

/// Canonical codes for `(symbol, length)` pairs: sorted by (length, symbol), each code the
/// previous plus one, shifted left whenever the length grows. Returns `(symbol, length, code)`.
pub(crate) fn canonical(mut pairs: Vec<(u32, u32)>) -> Vec<(u32, u32, u32)> {
    pairs.sort_by_key(|&(symbol, len)| (len, symbol));
    let mut code = 0u32;
    let mut last_len = pairs.first().map_or(0, |p| p.1);
    let mut out = Vec::with_capacity(pairs.len());
    for (i, (symbol, len)) in pairs.into_iter().enumerate() {
        if i > 0 {
            code = (code + 1) << (len - last_len);
        }
        last_len = len;
        out.push((symbol, len, code));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kraft_complete_and_limited() {
        let freqs: Vec<u64> = (0..40).map(|i| 1u64 << (i % 36)).collect();
        let l = lengths(&freqs);
        assert!(l.iter().all(|&x| (1..=MAX_CODE_LEN).contains(&x)));
        let kraft: u64 = l.iter().map(|&x| 1u64 << (MAX_CODE_LEN - x)).sum();
        assert_eq!(kraft, 1 << MAX_CODE_LEN);
    }

    #[test]
    fn canonical_codes_follow_deflate() {
        let codes = canonical(vec![(0, 2), (1, 1), (2, 3), (3, 3)]);
        assert_eq!(
            codes,
            vec![(1, 1, 0b0), (0, 2, 0b10), (2, 3, 0b110), (3, 3, 0b111)]
        );
    }
}
