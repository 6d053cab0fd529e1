//! Trains the engine's built-in English model (`engine/src/codec/english.model`).
//!
//! The corpus is general English prose from two Debian packages, `wordnet-base` (WordNet 3.0's
//! glosses and example sentences) and `fortunes` (quotations, verse and jokes); neither holds
//! anything inkleaf is measured on. Every run on the same package versions writes the same
//! bytes:
//!
//! ```text
//! apt-get install wordnet-base fortunes
//! cargo run --release -p inkleaf-cli --example train_english -- engine/src/codec/english.model
//! ```

use std::path::Path;
use std::process::ExitCode;

/// Bytes of prose taken from each source. The model grows with the corpus: from this much it
/// is about 12 KB, and codes the bundled article's text in about 2.6 KB.
const PER_SOURCE: usize = 200_000;

/// Sentences per paragraph built from WordNet's glosses.
const GLOSSES_PER_PARAGRAPH: usize = 6;

/// Characters a text may need that the prose may lack, in one paragraph so that the model
/// has each of them: printable ASCII, a newline (a Markdown hard break), Latin-1 (no-break
/// space and soft hyphen included), and the punctuation, currency, arrows and math signs of
/// English typesetting.
fn extra() -> String {
    let ascii = (' '..='~').chain(['\n']);
    let latin1 = '\u{a0}'..='\u{ff}';
    let typeset =
        "\u{2018}\u{2019}\u{201a}\u{201c}\u{201d}\u{201e}\u{2013}\u{2014}\u{2026}\u{2022}\
        \u{2020}\u{2021}\u{2030}\u{2032}\u{2033}\u{2039}\u{203a}\u{20ac}\u{2122}\u{2190}\u{2192}\
        \u{2191}\u{2193}\u{2212}\u{2248}\u{2260}\u{2264}\u{2265}";
    ascii.chain(latin1).chain(typeset.chars()).collect()
}

fn main() -> ExitCode {
    let Some(out) = std::env::args().nth(1) else {
        eprintln!("usage: train_english OUTPUT");
        return ExitCode::FAILURE;
    };
    let glosses = match glosses(Path::new("/usr/share/wordnet")) {
        Ok(p) => p,
        Err(e) => {
            return fail(&format!(
                "/usr/share/wordnet: {e} (apt-get install wordnet-base)"
            ))
        }
    };
    let fortunes = match fortunes(Path::new("/usr/share/games/fortunes")) {
        Ok(p) => p,
        Err(e) => {
            return fail(&format!(
                "/usr/share/games/fortunes: {e} (apt-get install fortunes)"
            ))
        }
    };
    let mut corpus = spread(&glosses, PER_SOURCE);
    corpus.extend(spread(&fortunes, PER_SOURCE));
    corpus.push(extra());
    let texts: Vec<&str> = corpus.iter().map(String::as_str).collect();
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let model = match inkleaf_cli::codec::train_general(&texts) {
        Ok(m) => m,
        Err(e) => return fail(&format!("training: {e}")),
    };
    if let Err(e) = std::fs::write(&out, &model) {
        return fail(&format!("{out}: {e}"));
    }
    let opened = inkleaf::codec::Model::from_bytes(&model);
    let (literals, entries) = opened.map_or((0, 0), |m| (m.literals(), m.entries()));
    println!(
        "{out}: {} B from {} paragraphs ({bytes} B): {literals} literals, {entries} entries",
        model.len(),
        texts.len()
    );
    ExitCode::SUCCESS
}

fn fail(message: &str) -> ExitCode {
    eprintln!("train_english: {message}");
    ExitCode::FAILURE
}

/// Every `k`-th paragraph, `k` chosen so that about `budget` bytes are taken from all of them.
fn spread(paragraphs: &[String], budget: usize) -> Vec<String> {
    let total: usize = paragraphs.iter().map(|p| p.len() + 1).sum();
    let step = (total / budget.max(1)).max(1);
    let mut taken = Vec::new();
    let mut bytes = 0;
    for p in paragraphs.iter().step_by(step) {
        if bytes >= budget {
            break;
        }
        bytes += p.len() + 1;
        taken.push(p.clone());
    }
    taken
}

/// WordNet's glosses and examples as sentences, a few to a paragraph.
fn glosses(dir: &Path) -> std::io::Result<Vec<String>> {
    let mut sentences = Vec::new();
    for part in ["noun", "verb", "adj", "adv"] {
        // WordNet's data files are Latin-1; its glosses are ASCII in practice.
        let raw = std::fs::read(dir.join(format!("data.{part}")))?;
        let text: String = raw.iter().map(|&b| char::from(b)).collect();
        for line in text.lines().filter(|l| !l.starts_with("  ")) {
            let Some((_, gloss)) = line.split_once('|') else {
                continue;
            };
            for piece in gloss.split(';') {
                let s = piece.trim().trim_matches('"');
                if s.len() < 20 {
                    continue;
                }
                let mut chars = s.chars();
                let first = chars.next().map(|c| c.to_ascii_uppercase());
                let mut sentence: String = first.into_iter().chain(chars).collect();
                if !sentence.ends_with(['.', '!', '?']) {
                    sentence.push('.');
                }
                sentences.push(sentence);
            }
        }
    }
    Ok(sentences
        .chunks(GLOSSES_PER_PARAGRAPH)
        .map(|c| c.join(" "))
        .collect())
}

/// The fortunes (plain files, `%` between them), each made one paragraph; attributions, ASCII
/// art and fortunes with control characters left out.
fn fortunes(dir: &Path) -> std::io::Result<Vec<String>> {
    let mut names: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_none())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n != "art" && n != "ascii-art")
        })
        .collect();
    names.sort();
    let mut paragraphs = Vec::new();
    for name in names {
        let Ok(text) = std::fs::read_to_string(&name) else {
            continue;
        };
        for fortune in text.split("\n%\n") {
            // Some fortunes underline or embolden by backspacing over letters: not prose.
            if fortune
                .chars()
                .any(|c| c.is_control() && c != '\n' && c != '\t')
            {
                continue;
            }
            let words: Vec<&str> = fortune
                .lines()
                .map(str::trim)
                .filter(|l| !l.starts_with("--"))
                .flat_map(str::split_whitespace)
                .collect();
            let p = words.join(" ");
            let letters = p.chars().filter(|c| c.is_alphabetic()).count();
            if p.len() > 80 && letters * 10 > p.len() * 7 {
                paragraphs.push(p);
            }
        }
    }
    Ok(paragraphs)
}
