use inkleaf::text::{BlockKind, Marker, Nesting, Run, Style};

use super::parse::DEEPEST;
use super::*;
use crate::input::runs_are_valid;

fn read(markup: &str) -> Xhtml {
    let read = read_xhtml(markup, &|_| None).unwrap();
    for block in &read.blocks {
        assert!(runs_are_valid(&block.text, &block.runs), "{block:?}");
    }
    read
}

fn texts(read: &Xhtml) -> Vec<&str> {
    read.blocks.iter().map(|b| b.text.as_str()).collect()
}

fn kinds(read: &Xhtml) -> Vec<BlockKind> {
    read.blocks.iter().map(|b| b.kind).collect()
}

/// The text of each run of `block` in a style, with the style.
fn styled(block: &DocBlock) -> Vec<(&str, Style)> {
    let mut at = 0;
    block
        .runs
        .iter()
        .map(|Run { len, style }| {
            let piece = &block.text[at..at + *len as usize];
            at += *len as usize;
            (piece, *style)
        })
        .filter(|(_, s)| *s != Style::PLAIN)
        .collect()
}

fn number(value: u32) -> Marker {
    Marker::Number {
        value,
        delimiter: b'.',
    }
}

#[test]
fn headings_and_paragraphs_with_text_straight_in_boxes() {
    let read = read("<body>Loose text<h2>Two</h2><div>In a div<p>Para</p>after</div><h6>6</h6>");
    assert_eq!(
        texts(&read),
        ["Loose text", "Two", "In a div", "Para", "after", "6"]
    );
    assert_eq!(
        kinds(&read),
        [
            BlockKind::Paragraph,
            BlockKind::Heading(2),
            BlockKind::Paragraph,
            BlockKind::Paragraph,
            BlockKind::Paragraph,
            BlockKind::Heading(6)
        ]
    );
}

#[test]
fn inline_elements_are_styled() {
    let read = read(
        "<p><em>a</em> <cite>b</cite> <strong>c</strong> <code>d</code> <kbd>e</kbd> \
         <a href='x'>f</a> <a>g</a> <del>h</del> <b><i>i</i></b> x<sup>2</sup>",
    );
    assert_eq!(read.blocks[0].text, "a b c d e f g h i x2");
    assert_eq!(
        styled(&read.blocks[0]),
        [
            ("a", Style::ITALIC),
            ("b", Style::ITALIC),
            ("c", Style::BOLD),
            ("d", Style::MONO),
            ("e", Style::MONO),
            ("f", Style::LINK),
            ("h", Style::STRIKE),
            ("i", Style::BOLD.with(Style::ITALIC)),
        ]
    );
}

#[test]
fn a_heading_is_not_underlined_as_its_own_permalink() {
    let read = read("<h2 id='t'><a class='header' href='#t'>Data <em>Types</em></a></h2>");
    assert_eq!(read.blocks[0].text, "Data Types");
    assert_eq!(styled(&read.blocks[0]), [("Types", Style::ITALIC)]);
}

#[test]
fn white_space_collapses_outside_pre_and_entities_decode() {
    let prose = read("<p>\n  one \t <b> two </b>\n three&nbsp;&amp;&lt;&#x41;<br>  four </p>");
    assert_eq!(prose.blocks[0].text, "one two three\u{a0}&<A\nfour");
    let code = read("<pre class='x'><code class=\"hljs language-rust\">fn  main() {\n    <b>x</b>\n}\n</code></pre>");
    assert_eq!(code.blocks[0].kind, BlockKind::Code);
    assert_eq!(code.blocks[0].label, "rust");
    assert_eq!(code.blocks[0].text, "fn  main() {\n    x\n}");
    assert!(code.blocks[0].runs.is_empty());
}

#[test]
fn quotes_lists_and_their_nesting() {
    let read = read(
        "<blockquote><p>q</p><ul><li>a<ol start=4><li>b<li>c</ol></li></ul></blockquote>\
         <ol reversed><li><p>x</p><p>y</p></li><li value=9>z</li></ol>",
    );
    assert_eq!(texts(&read), ["q", "a", "b", "c", "x", "y", "z"]);
    let quote = Nesting::TOP.quote();
    let nesting: Vec<Nesting> = read.blocks.iter().map(|b| b.nesting).collect();
    assert_eq!(
        nesting,
        [
            quote,
            quote.list(),
            quote.list().list(),
            quote.list().list(),
            Nesting::TOP.list(),
            Nesting::TOP.list(),
            Nesting::TOP.list(),
        ]
    );
    let item = |marker, loose| BlockKind::ListItem { marker, loose };
    assert_eq!(
        kinds(&read),
        [
            BlockKind::Paragraph,
            item(Marker::Bullet(b'-'), false),
            item(number(4), false),
            item(number(5), false),
            item(number(2), true),
            BlockKind::Paragraph,
            item(number(9), true),
        ]
    );
}

#[test]
fn a_paragraph_in_a_box_in_an_item_makes_its_list_loose() {
    // Pandoc's footnotes: `<li><div id><p>`. A nested list's paragraphs are its own.
    let read = read(
        "<ol><li><div id=fn1><p>note</p></div></li></ol>\
         <ul><li>outer<ul><li><p>inner</p></li></ul></li></ul>",
    );
    let loose: Vec<bool> = read
        .blocks
        .iter()
        .map(|b| matches!(b.kind, BlockKind::ListItem { loose: true, .. }))
        .collect();
    assert_eq!(texts(&read), ["note", "outer", "inner"]);
    assert_eq!(loose, [true, false, true]);
}

#[test]
fn an_empty_item_keeps_its_marker_and_lettered_lists_are_told() {
    let read = read("<ol type=a><li></li><li><h3>H</h3></li></ol>");
    assert_eq!(texts(&read), ["", "", "H"]);
    assert_eq!(read.blocks[2].kind, BlockKind::Heading(3));
    assert_eq!(read.unset.len(), 1);
    assert!(read.unset[0].contains("letters"), "{:?}", read.unset);
}

#[test]
fn definition_lists_figures_rules_and_images() {
    let read = read(
        "<dl><dt>Term</dt><dd>Meaning</dd></dl><hr><figure><img src=a.png alt=' A  cat '>\
         <figcaption>Caption</figcaption></figure><p>x <img src=b.png> y",
    );
    assert_eq!(
        texts(&read),
        [
            "Term",
            "Meaning",
            "",
            "[image: A cat]",
            "Caption",
            "x [image] y"
        ]
    );
    assert_eq!(
        read.blocks[0].runs,
        [Run {
            len: 4,
            style: Style::BOLD
        }]
    );
    assert_eq!(read.blocks[1].nesting, Nesting::TOP.list());
    assert_eq!(read.blocks[2].kind, BlockKind::Rule);
    assert_eq!(styled(&read.blocks[3]), [("[image: A cat]", Style::ITALIC)]);
    assert_eq!(styled(&read.blocks[4]), [("Caption", Style::ITALIC)]);
    assert_eq!(read.unset, ["2 images shown as '[image: alt text]'"]);
}

#[test]
fn tables_are_rows_of_cells() {
    let read = read(
        "<table><caption>T</caption><thead><tr><th>A</th><th> B </th></tr></thead>\
         <tr><th>r</th><td><p>1</p></td></tr><tr><td></td><td>2<br>3</td></tr>\
         <tr><td> </td><td></td></tr></table><p>after",
    );
    assert_eq!(texts(&read), ["T", "A | B", "r | 1", " | 2 3", "after"]);
    assert_eq!(read.blocks[1].kind, BlockKind::TableRow { header: true });
    assert_eq!(read.blocks[2].kind, BlockKind::TableRow { header: false });
    assert_eq!(styled(&read.blocks[2]), [("r", Style::BOLD)]);
}

#[test]
fn what_is_never_shown_is_left_out() {
    let read = read(
        "<html><head><title> The  title </title><style>p{}</style><script>x()</script></head>\
         <body><!-- note --><p>seen<template>t</template><span hidden>h</span> \
         <noscript>ns</noscript></p><textarea>typed</textarea></body></html>",
    );
    assert_eq!(texts(&read), ["seen ns"]);
    assert_eq!(read.title, "The title");
}

#[test]
fn css_from_style_elements_links_and_attributes() {
    let markup = "<html><head><link rel=stylesheet href=book.css><style>
        .em { font-style: italic } p.heavy, #id { font-weight: 700 }
        em.plain { font-style: normal } .gone { display: none }
        div.code { font-family: 'Courier New', monospace; white-space: pre }
        nav a { font-weight: bold }
        </style></head><body>
        <p class=em>a</p><p class=heavy>b</p><p id=id>c</p><p><em class=plain>d</em></p>
        <div class=gone>hidden <b>words</b></div><div class=code>x   y</div>
        <p style='font-weight:bold;font-style:italic'>e</p><p class=linked>f</p>
        <nav><a href=x>g</a></nav></body></html>";
    let sheet = |href: &str| (href == "book.css").then(|| ".linked{font-style:oblique}".into());
    let read = read_xhtml(markup, &sheet).unwrap();
    assert_eq!(texts(&read), ["a", "b", "c", "d", "x   y", "e", "f", "g"]);
    let styles: Vec<Vec<Run>> = read.blocks.iter().map(|b| b.runs.clone()).collect();
    let one = |style| vec![Run { len: 1, style }];
    assert_eq!(styles[0], one(Style::ITALIC));
    assert_eq!(styles[1], one(Style::BOLD));
    assert_eq!(styles[2], one(Style::BOLD));
    assert!(styles[3].is_empty());
    assert_eq!(
        styles[4],
        vec![Run {
            len: 5,
            style: Style::MONO
        }]
    );
    assert_eq!(styles[5], one(Style::BOLD.with(Style::ITALIC)));
    assert_eq!(styles[6], one(Style::ITALIC));
    assert_eq!(styles[7], one(Style::BOLD.with(Style::LINK)));
}

#[test]
fn malformed_html_reads_as_a_browser_reads_it() {
    // Unclosed <p> and <li>, a stray </div>, misnested <b><i>, an unclosed <b>.
    let read = read("<p>one<p>two</div><ul><li>a<li>b</ul><p><b>x<i>y</b>z</i> <b>w");
    assert_eq!(texts(&read), ["one", "two", "a", "b", "xyz w"]);
    assert_eq!(
        styled(&read.blocks[4]),
        [
            ("x", Style::BOLD),
            ("y", Style::BOLD.with(Style::ITALIC)),
            ("z", Style::ITALIC),
            ("w", Style::BOLD)
        ]
    );
}

#[test]
fn xhtml_chapters_read_with_self_closed_tags_and_namespaces() {
    let xhtml = r#"<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"
  xml:lang="fr" lang="fr"><head><title>Chapitre</title></head>
<body><section epub:type="chapter" id="ch1"><h1>Un</h1><a id="p1"/><div/>
<p>Texte <span epub:type="noteref">1</span><br/>fin.</p></section><p id="end"/></body></html>"#;
    let read = read(xhtml);
    assert_eq!(texts(&read), ["Un", "Texte 1\nfin."]);
    assert_eq!(
        (read.language.as_str(), read.title.as_str()),
        ("fr", "Chapitre")
    );
    let anchors: Vec<(&str, usize)> = read.anchors.iter().map(|(a, i)| (a.as_str(), *i)).collect();
    assert_eq!(anchors, [("ch1", 0), ("p1", 1), ("end", 2)]);
}

#[test]
fn anchors_point_at_the_block_they_start() {
    let read = read("<p>a</p><h2 id=two>b <span id=in>c</span></h2><a name=n></a><p>d");
    let anchors: Vec<(&str, usize)> = read.anchors.iter().map(|(a, i)| (a.as_str(), *i)).collect();
    assert_eq!(anchors, [("two", 1), ("in", 1), ("n", 2)]);
}

#[test]
fn nesting_past_the_model_is_set_at_the_deepest() {
    let markup = "<blockquote>".repeat(10) + "deep";
    let read = read(&markup);
    assert_eq!(read.blocks[0].nesting.depth(), Nesting::MAX);
    assert_eq!(read.unset.len(), 1);
    assert!(read.unset[0].contains("more than 8"));
}

/// Runs `f` on a thread with the stack a program's threads get by default.
fn on_a_normal_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(f)
        .and_then(|t| t.join().map_err(|_| std::io::Error::other("panicked")))
        .expect("reads on a 2 MiB stack");
}

/// `<tag>` opened again and again around a word, so that elements nest `depth` deep with
/// the `<html>` and `<body>` the parser adds.
fn nested(tag: &str, depth: usize) -> String {
    format!("<{tag}>").repeat(depth - 2) + "deep"
}

#[test]
fn markup_nested_to_the_limit_reads_on_a_normal_stack() {
    on_a_normal_stack(|| {
        for tag in ["div", "b", "blockquote", "ul"] {
            let read = read_xhtml(&nested(tag, DEEPEST), &|_| None).unwrap();
            assert_eq!(texts(&read), ["deep"], "{tag}");
        }
        // Too deep to look for an article in: read whole.
        let page = read_web_page(&nested("b", DEEPEST), false).unwrap();
        assert_eq!(texts_of(&page.blocks), ["deep"]);
        assert!(page.unset[0].contains("read whole"), "{:?}", page.unset);
    });
}

#[test]
fn markup_nested_past_the_limit_is_refused() {
    let too_deep = Some(HtmlError::TooDeep(DEEPEST));
    assert_eq!(
        read_xhtml(&nested("div", DEEPEST + 1), &|_| None).err(),
        too_deep
    );
    let closed = "<div>".repeat(50_000) + "deep" + &"</div>".repeat(50_000);
    for markup in [
        nested("div", 50_000),
        nested("b", 50_000),
        nested("table><tr><td", 20_000),
        closed,
        // HTML leaves a self-closed `<div/>` open around what follows.
        "<div/>".repeat(50_000),
    ] {
        assert_eq!(
            read_xhtml(&markup, &|_| None).err(),
            too_deep,
            "{markup:.40}"
        );
        for whole_page in [false, true] {
            assert_eq!(read_web_page(&markup, whole_page).err(), too_deep);
        }
    }
    // The check runs while parsing, so markup past the limit never costs the parser time
    // that grows with the square of its depth (50,000 nested `<div>` took seconds). That is
    // speed, not behaviour: no timed assertion here on a shared machine.
}

#[test]
fn sloppy_markup_with_thousands_of_unclosed_tags_is_not_deep() {
    // What browsers close themselves: paragraphs and items, and the unclosed `<font>` of
    // each paragraph, which the parser reopens in the next no more than three times over.
    let paragraphs = "<p><font face=serif>line ".repeat(5_000);
    let items = "<ul>".to_owned() + &"<li>item ".repeat(5_000);
    let rows = "<table>".to_owned() + &"<tr><td>a<td>b".repeat(5_000);
    // XHTML closes a self-closed `<div/>`.
    let xhtml = "<?xml version=\"1.0\"?><body>".to_owned() + &"<div/>".repeat(5_000) + "x";
    for markup in [paragraphs, items, rows, xhtml] {
        let read = read_xhtml(&markup, &|_| None).unwrap();
        assert!(!read.blocks.is_empty(), "{:.40}", markup);
    }
}

#[test]
fn a_web_page_gives_its_article_and_metadata() {
    let body = "<p>Reading on paper is calm, and a good article deserves a page that holds \
                still. This paragraph is long enough to count as the article's content. ";
    let page = format!(
        "<html lang=en-GB><head><title>Site | A calm article</title>\
         <meta property='og:title' content='A calm article'>\
         <meta name=author content='Ada Writer'>\
         <meta property='article:published_time' content='2024-05-01'></head><body>\
         <nav><ul><li><a href=/>Home</a></li><li><a href=/about>About</a></li></ul></nav>\
         <article><h1>A calm article</h1>{}</article><footer>Copyright</footer></body></html>",
        body.repeat(4)
    );
    let doc = read_web_page(&page, false).unwrap();
    assert_eq!(doc.title, "A calm article");
    assert_eq!(doc.byline, "Ada Writer");
    assert_eq!(doc.date, "2024-05-01");
    assert_eq!(doc.language, "en-GB");
    let all: String = doc.blocks.iter().map(|b| b.text.as_str()).collect();
    assert!(all.contains("holds still"));
    assert!(
        !all.contains("About") && !all.contains("Copyright"),
        "{all}"
    );
    let whole = read_web_page(&page, true).unwrap();
    let all: String = whole.blocks.iter().map(|b| b.text.as_str()).collect();
    assert!(all.contains("About") && all.contains("Copyright"));
}

#[test]
fn a_page_without_an_article_is_read_whole_and_says_so() {
    // Readability finds nothing in a form's controls.
    let page = "<body><form><button>Go on <time datetime=2020-01-02>now</time></button></form>";
    let doc = read_web_page(page, false).unwrap();
    assert_eq!(texts_of(&doc.blocks), ["Go on now"]);
    assert_eq!(doc.date, "2020-01-02");
    assert!(
        doc.unset.iter().any(|l| l.contains("no article")),
        "{:?}",
        doc.unset
    );
}

fn texts_of(blocks: &[DocBlock]) -> Vec<&str> {
    blocks.iter().map(|b| b.text.as_str()).collect()
}
