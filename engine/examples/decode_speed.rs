//! Decode speed of the engine as firmware builds it: default features, so no `tables`
//! feature and its check on every character. The codec benchmark (`cargo bench -p
//! inkleaf-tests --bench codec`) writes the coded texts to a file and runs this on it, since
//! its own build of the engine has `tables` on.
//!
//! `decode_speed FILE` reads `u32` LE model length, the model, then per block `u32` LE text
//! length, `u32` LE stream length and the stream; it prints `MB/s <median of 9 rounds>`.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use inkleaf::codec::{Decoder, Model, Stream};

/// Bytes of text each round decodes, at least (the texts are decoded whole, repeatedly).
const ROUND_BYTES: usize = 20_000_000;

fn main() -> ExitCode {
    if cfg!(feature = "tables") {
        // Unified features (`--all-features`, a workspace build) would measure another build.
        eprintln!("decode_speed: built with the `tables` feature; run it with `-p inkleaf` alone");
        return ExitCode::FAILURE;
    }
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: decode_speed FILE");
        return ExitCode::FAILURE;
    };
    let data = match std::fs::read(&path) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("decode_speed: {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let Some((model, blocks)) = parse(&data) else {
        eprintln!("decode_speed: {path}: not a model and blocks");
        return ExitCode::FAILURE;
    };
    let model = match Model::from_bytes(model) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("decode_speed: {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    match speed(&model, &blocks) {
        Some(mb_s) => {
            println!("MB/s {mb_s:.1}");
            ExitCode::SUCCESS
        }
        None => {
            eprintln!("decode_speed: {path}: a block does not decode");
            ExitCode::FAILURE
        }
    }
}

/// The model bytes and every block's stream.
fn parse(data: &[u8]) -> Option<(&[u8], Vec<Stream<'_>>)> {
    let u32_at = |at: usize| -> Option<u32> {
        Some(u32::from_le_bytes(data.get(at..at + 4)?.try_into().ok()?))
    };
    let model_len = u32_at(0)? as usize;
    let model = data.get(4..4 + model_len)?;
    let mut at = 4 + model_len;
    let mut blocks = Vec::new();
    while at < data.len() {
        let text_len = u32_at(at)?;
        let bits_len = u32_at(at + 4)? as usize;
        let bits = data.get(at + 8..at + 8 + bits_len)?;
        blocks.push(Stream { bits, text_len });
        at += 8 + bits_len;
    }
    Some((model, blocks))
}

/// Median MB/s of text over 9 rounds; `None` if a block fails to decode.
fn speed(model: &Model<'_>, blocks: &[Stream<'_>]) -> Option<f64> {
    let total: usize = blocks.iter().map(|b| b.text_len as usize).sum();
    let pass = || -> Option<()> {
        let mut sum = 0u32;
        for &stream in blocks {
            for item in Decoder::new(model, stream) {
                sum = sum.wrapping_add(u32::from(item.ok()?.1));
            }
        }
        std::hint::black_box(sum);
        Some(())
    };
    let repeats = (ROUND_BYTES / total.max(1)).max(1);
    let mut rounds: Vec<Duration> = Vec::new();
    for _ in 0..9 {
        let start = Instant::now();
        for _ in 0..repeats {
            pass()?;
        }
        rounds.push(start.elapsed() / repeats as u32);
    }
    rounds.sort();
    Some(total as f64 / rounds[4].as_secs_f64() / 1e6)
}
