//! Grouping rows of statistics (fine contexts, groups) into fewer rows.
//!
//! Each context pays for a code table, so two fine contexts are merged when the bits their
//! merged statistics lose are fewer than the table bits saved. Greedy agglomerative
//! clustering, judged by entropy (a close stand-in for Huffman code lengths).

/// Bits a code table costs besides its symbols: lengths, counts.
const TABLE_BITS: f64 = 120.0;

/// Statistics of one candidate context.
struct Group {
    counts: Vec<u64>,
    cost: f64,
}

/// Estimated bits for coding `counts` in one context with `pair_bits` per table entry.
fn cost(counts: &[u64], pair_bits: f64) -> f64 {
    let total: u64 = counts.iter().sum();
    if total == 0 {
        return 0.0;
    }
    let t = total as f64;
    let mut bits = TABLE_BITS;
    for &c in counts.iter().filter(|&&c| c > 0) {
        let c = c as f64;
        bits += c * libm_log2(t / c);
        // Symbols seen once are usually escaped rather than listed.
        bits += if c >= 2.0 { pair_bits } else { 2.0 };
    }
    bits
}

fn libm_log2(x: f64) -> f64 {
    // `f64::log2` needs std; the trainer is host-only but the crate is no_std.
    let bits = x.to_bits();
    let exponent = ((bits >> 52) & 0x7FF) as i64 - 1023;
    let mantissa = f64::from_bits((bits & 0x000F_FFFF_FFFF_FFFF) | 0x3FF0_0000_0000_0000);
    // log2(m) for m in [1, 2) by a short series on ln((1 + y) / (1 - y)).
    let y = (mantissa - 1.0) / (mantissa + 1.0);
    let y2 = y * y;
    let ln =
        2.0 * y * (1.0 + y2 / 3.0 + y2 * y2 / 5.0 + y2 * y2 * y2 / 7.0 + y2 * y2 * y2 * y2 / 9.0);
    exponent as f64 + ln * core::f64::consts::LOG2_E
}

/// Public for the cost model elsewhere in the trainer.
pub(crate) fn log2(x: f64) -> f64 {
    libm_log2(x)
}

/// Assigns each row of `counts` a group id below `max`.
pub(crate) fn cluster(counts: &[Vec<u64>], pair_bits: f64, max: usize) -> Vec<u8> {
    let mut groups: Vec<Option<Group>> = counts
        .iter()
        .map(|c| {
            let cost = cost(c, pair_bits);
            Some(Group {
                counts: c.clone(),
                cost,
            })
        })
        .collect();
    let mut members: Vec<Vec<usize>> = (0..counts.len()).map(|i| vec![i]).collect();
    // Unused fine contexts join the first one for free.
    let used: Vec<usize> = (0..counts.len())
        .filter(|&i| counts[i].iter().any(|&c| c > 0))
        .collect();
    let anchor = used.first().copied().unwrap_or(0);
    for i in 0..counts.len() {
        if i != anchor && !used.contains(&i) {
            groups[i] = None;
            let moved = core::mem::take(&mut members[i]);
            members[anchor].extend(moved);
        }
    }
    // Cached merge costs; only pairs with the grown group change after a merge.
    let n = groups.len();
    let mut delta = vec![vec![f64::INFINITY; n]; n];
    for (a, row) in delta.iter_mut().enumerate() {
        for (b, d) in row.iter_mut().enumerate().skip(a + 1) {
            *d = merged_cost(&groups, a, b, pair_bits);
        }
    }
    loop {
        let alive: Vec<usize> = (0..n).filter(|&i| groups[i].is_some()).collect();
        let mut best: Option<(f64, usize, usize)> = None;
        for (x, &a) in alive.iter().enumerate() {
            for &b in &alive[x + 1..] {
                if best.is_none_or(|(d, _, _)| delta[a][b] < d) {
                    best = Some((delta[a][b], a, b));
                }
            }
        }
        let Some((d, a, b)) = best else { break };
        if d >= 0.0 && alive.len() <= max {
            break;
        }
        let gb = groups[b].take().map(|g| g.counts).unwrap_or_default();
        if let Some(ga) = groups[a].as_mut() {
            for (x, y) in ga.counts.iter_mut().zip(gb) {
                *x += y;
            }
            ga.cost = cost(&ga.counts, pair_bits);
        }
        let moved = core::mem::take(&mut members[b]);
        members[a].extend(moved);
        for &c in &alive {
            let (lo, hi) = if c < a { (c, a) } else { (a, c) };
            if c != a && c != b {
                delta[lo][hi] = merged_cost(&groups, lo, hi, pair_bits);
            }
        }
    }
    let mut ctx_of = vec![0u8; counts.len()];
    let mut next = 0u8;
    for (i, group) in groups.iter().enumerate() {
        if group.is_some() {
            for &m in &members[i] {
                ctx_of[m] = next;
            }
            next += 1;
        }
    }
    ctx_of
}

fn merged_cost(groups: &[Option<Group>], a: usize, b: usize, pair_bits: f64) -> f64 {
    let (Some(ga), Some(gb)) = (&groups[a], &groups[b]) else {
        return f64::INFINITY;
    };
    let merged: Vec<u64> = ga
        .counts
        .iter()
        .zip(&gb.counts)
        .map(|(x, y)| x + y)
        .collect();
    cost(&merged, pair_bits) - ga.cost - gb.cost
}
