//! Real web pages nobody here wrote (chapters of the Rust book as mdbook renders them, from
//! the toolchain's documentation): every word of pandoc's plain-text rendering reaches the
//! blocks in order; the article keeps the chapter (pandoc on its `<main>`) and drops the
//! menus and help around it; the whole page keeps everything.

use std::path::PathBuf;
use std::process::Command;

use inkleaf_cli::input::html::read_web_page;
use inkleaf_cli::input::Document;

const CHAPTERS: [&str; 6] = [
    "ch03-02-data-types.html",
    "ch08-02-strings.html",
    "ch04-01-what-is-ownership.html",
    "ch06-02-match.html",
    "ch10-02-traits.html",
    "appendix-02-operators.html",
];

fn book() -> PathBuf {
    let sysroot = Command::new("rustc")
        .args(["--print", "sysroot"])
        .output()
        .expect("rustc runs");
    let sysroot = String::from_utf8(sysroot.stdout).expect("a UTF-8 path");
    PathBuf::from(sysroot.trim()).join("share/doc/rust/html/book")
}

/// Pandoc's plain text of `html`. Pandoc must be installed (`apt-get install pandoc`).
fn pandoc(html: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("page.html");
    std::fs::write(&file, html).unwrap();
    let out = Command::new("pandoc")
        .args(["-f", "html", "-t", "plain", "--wrap=none"])
        .arg(&file)
        .output()
        .expect("pandoc is installed: apt-get install pandoc");
    assert!(out.status.success(), "pandoc failed on {html:.80}");
    String::from_utf8(out.stdout).unwrap()
}

/// Words as runs of letters and digits: pandoc's decorations (list markers, table rules,
/// `[]` for an image) and the reader's (`|` between cells) are not words.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Pandoc's words without its list markers (a list item's number is in the block's kind),
/// and its superscripts (`2^(n)`, `2⁷`) as the text of a `<sup>` is set: inline (`2n`, `27`).
fn pandoc_words(plain: &str) -> Vec<String> {
    let superscripts = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"];
    let mut plain = plain.replace("^(", "").replace('^', "");
    for (digit, sup) in superscripts.iter().enumerate() {
        plain = plain.replace(sup, &digit.to_string());
    }
    let lines = plain.lines().map(|line| {
        let rest = line.trim_start();
        let number = rest.trim_start_matches(|c: char| c.is_ascii_digit());
        match number.strip_prefix(". ") {
            Some(after) if number.len() < rest.len() => after,
            _ => line,
        }
    });
    lines.flat_map(words).collect()
}

fn block_words(doc: &Document) -> Vec<String> {
    doc.blocks.iter().flat_map(|b| words(&b.text)).collect()
}

/// Checks that every word of `expected` is in `set`, in order; returns how many `set` has.
fn in_order(name: &str, expected: &[String], set: &[String]) -> usize {
    let mut at = 0;
    for (i, word) in expected.iter().enumerate() {
        match set[at..].iter().position(|w| w == word) {
            Some(found) => at += found + 1,
            None => panic!(
                "{name}: word {i} {word:?} of pandoc's is not next; pandoc has {:?}, the \
                 blocks from there {:?}",
                &expected[i..(i + 12).min(expected.len())],
                &set[at..(at + 12).min(set.len())]
            ),
        }
    }
    set.len()
}

/// The `<main>` element of an mdbook page.
fn main_element(html: &str) -> &str {
    let start = html.find("<main>").expect("a <main>");
    let end = html.find("</main>").expect("a </main>") + "</main>".len();
    &html[start..end]
}

#[test]
fn rust_book_pages_keep_every_word_of_pandocs_rendering() {
    let book = book();
    for chapter in CHAPTERS {
        let html = std::fs::read_to_string(book.join(chapter))
            .unwrap_or_else(|e| panic!("{chapter}: {e} (the rust-docs component is needed)"));
        let whole = read_web_page(&html, true).unwrap();
        let whole_words = block_words(&whole);
        in_order(chapter, &pandoc_words(&pandoc(&html)), &whole_words);

        let article = read_web_page(&html, false).unwrap();
        let main = pandoc_words(&pandoc(main_element(&html)));
        let article_words = block_words(&article);
        in_order(chapter, &main, &article_words);
        println!(
            "{chapter}: article {} words for pandoc's {} in <main>; whole page {} words",
            article_words.len(),
            main.len(),
            whole_words.len()
        );
        // The help popup, the theme menu and the search box are not the chapter.
        let text: String = article.blocks.iter().map(|b| b.text.as_str()).collect();
        for menu in ["Keyboard shortcuts", "Coal", "Press ? to show this help"] {
            assert!(!text.contains(menu), "{chapter}: the article has {menu:?}");
        }
        assert!(article.unset.iter().all(|l| !l.contains("no article")));
        assert_eq!(article.language, "en");
        let page_title = html
            .split("<title>")
            .nth(1)
            .and_then(|t| t.split("</title>").next());
        assert!(
            !article.title.is_empty() && page_title.is_some_and(|t| t.contains(&article.title)),
            "{chapter}: {:?}",
            article.title
        );
    }
}
