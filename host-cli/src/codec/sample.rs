//! What a climb trains on when a blob's texts are too large to climb on whole: a sample of
//! them, so the climbs cost the same for any book past [`TRAINING_BUDGET`].

/// Bytes of text a climb trains on at most (give or take one piece).
///
/// Measured in release builds on the Rust book's text cut to 0.1–1.8 MB (the last 0.6 MB from
/// the Rust Reference): training on the whole text took 24 s of one core per MB at 300 KB,
/// 35 s at 1 MB and 38 s at 1.8 MB. Climbing on 256 KB, then [`POLISH_ROUNDS`] rounds on the
/// whole, takes 12–13 s per MB from 1 MB on, and codes the 1 MB text within 0.1% of the whole
/// climb's model plus text (4% larger at 1.8 MB, where two books share 256 KB). Without the
/// polishing rounds, 128 KB coded the 1 MB text 9% larger than the whole climb, 256 KB 3%
/// larger and 512 KB 0.5% smaller, but took 22 s instead of 9.
pub(crate) const TRAINING_BUDGET: usize = 256 * 1024;

/// Rounds a climb on all the texts takes after the climbs on their sample, starting where
/// those ended: the entries only the whole text pays for come in here. Each costs about 0.7 s
/// per MB; 3 rounds left the 1 MB text 1.6% larger than 6 do, 10 took 1.8 MB to within 1.4%
/// of the whole climb but at 14 s per MB.
pub(crate) const POLISH_ROUNDS: usize = 6;

/// Longest piece the sample takes as one: a longer block is cut into pieces this long, so one
/// long block can neither crowd the sample nor be all of it.
const PIECE_BYTES: usize = 4096;

/// Pieces of `texts` to train on, in text order: whole blocks (long ones cut in pieces) drawn in
/// a fixed shuffled order until `budget` bytes are taken. `None` if the texts fit in `budget`:
/// train on all of them.
///
/// A shuffle rather than every n-th block, so the sample spreads over the whole book without
/// echoing its patterns (a heading, then a paragraph, then a code listing); fixed, so the same
/// texts always give the same model.
pub(crate) fn sample<'t>(texts: &[&'t str], budget: usize) -> Option<Vec<&'t str>> {
    let total: usize = texts.iter().map(|t| t.len()).sum();
    if total <= budget {
        return None;
    }
    let pieces: Vec<&str> = texts.iter().flat_map(|t| pieces(t)).collect();
    let mut order: Vec<usize> = (0..pieces.len()).collect();
    order.sort_by_key(|&i| (mix(i as u64), i));
    let mut taken = Vec::new();
    let mut bytes = 0;
    for i in order {
        if bytes >= budget {
            break;
        }
        bytes += pieces[i].len();
        taken.push(i);
    }
    taken.sort_unstable();
    Some(taken.into_iter().map(|i| pieces[i]).collect())
}

/// `text` cut at character boundaries into pieces of at most [`PIECE_BYTES`] (a character
/// longer than that, which UTF-8 has none of, would be a piece of its own).
fn pieces(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    core::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut cut = rest.len().min(PIECE_BYTES);
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        if cut == 0 {
            cut = rest.chars().next().map_or(rest.len(), char::len_utf8);
        }
        let (piece, after) = rest.split_at(cut);
        rest = after;
        Some(piece)
    })
}

/// A fixed scramble of a piece's index (SplitMix64's finalizer): the order pieces are drawn in.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_within_the_budget_are_trained_on_whole() {
        assert_eq!(sample(&["one", "two"], 6), None);
    }

    #[test]
    fn a_sample_fills_the_budget_from_all_over_the_texts() {
        let blocks: Vec<String> = (0..1000).map(|i| format!("block {i:04} text")).collect();
        let texts: Vec<&str> = blocks.iter().map(String::as_str).collect();
        let taken = sample(&texts, 3000).expect("16 KB is over budget");
        let bytes: usize = taken.iter().map(|t| t.len()).sum();
        assert!((3000..3016).contains(&bytes), "{bytes} bytes");
        let at = |t: &&str| texts.iter().position(|b| b == t).expect("a whole block");
        let positions: Vec<usize> = taken.iter().map(at).collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "in text order");
        for quarter in 0..4 {
            let here = positions.iter().filter(|&&p| p / 250 == quarter).count();
            assert!(
                (25..=60).contains(&here),
                "{here} of ~47 blocks in quarter {quarter}"
            );
        }
    }

    #[test]
    fn long_blocks_are_cut_at_character_boundaries() {
        let long = "é".repeat(10_000);
        let taken = sample(&[long.as_str()], 5000).expect("20 KB is over budget");
        assert!(taken
            .iter()
            .all(|p| p.len() <= PIECE_BYTES && p.starts_with('é')));
        let bytes: usize = taken.iter().map(|t| t.len()).sum();
        assert!((5000..5000 + PIECE_BYTES).contains(&bytes), "{bytes} bytes");
    }
}
