//! Text → blob → text: nothing is lost or changed on the way through the format.

use inkleaf::{
    build::{pack_into, packed_len, Contents},
    font::FontId,
    format::Meta,
    text::{Block, BlockKind},
    Book, Error,
};
use inkleaf_cli::build::build;
use inkleaf_cli::input::{parse_markdown, Document};
use inkleaf_cli::pack::pack_to_vec;
use inkleaf_tests::blobs::{article, crc32, preset};

/// The article with every metadata field set, non-ASCII included.
fn article_with_meta() -> Document {
    Document {
        title: "A “delicate mission” — shaken".into(),
        byline: "Zoë Brontë-Ødegård".into(),
        source: "https://example.org/mission?lang=en&v=2".into(),
        date: "2024-06-01T08:30:00+02:00".into(),
        language: "en-GB".into(),
        ..article()
    }
}

fn decoded_blocks(book: &Book<'_>) -> Vec<(BlockKind, String)> {
    book.blocks()
        .map(|b| (b.kind, b.text.to_string()))
        .collect()
}

fn plain_blocks(doc: &Document) -> Vec<(BlockKind, String)> {
    doc.blocks
        .iter()
        .map(|b| (b.kind, b.text.clone()))
        .collect()
}

#[test]
fn article_text_and_metadata_survive_the_blob() {
    let doc = article_with_meta();
    let display = preset("2.9in");
    let built = build(&doc, display.profile, display.font).unwrap();
    let book = Book::from_bytes(&built.blob).unwrap();

    assert_eq!(
        *book.meta(),
        Meta {
            title: &doc.title,
            byline: &doc.byline,
            source: &doc.source,
            date: &doc.date,
            language: &doc.language,
        }
    );
    assert_eq!(decoded_blocks(&book), plain_blocks(&doc));
    assert_eq!(book.block_count() as usize, doc.blocks.len());
    assert_eq!(
        book.block(1).map(|b| b.text.to_string()),
        Some(doc.blocks[1].text.clone())
    );
    assert_eq!(book.block(book.block_count()), None);

    // The article is one paragraph per line: putting the lines back gives the file.
    let text: Vec<String> = book.blocks().map(|b| b.text.to_string()).collect();
    assert_eq!(text.join("\n"), inkleaf_cli::BUNDLED_ARTICLE.trim_end());

    let recorded = book.built_for().expect("build records the profile");
    assert_eq!(recorded.profile, display.profile);
    assert_eq!(recorded.font, display.font);
    assert_eq!(recorded.pages, built.pages);
}

#[test]
fn typographic_characters_survive_byte_for_byte() {
    let doc = article_with_meta();
    let blob = build(&doc, preset("2.9in").profile, FontId::Mono6x10)
        .unwrap()
        .blob;
    let book = Book::from_bytes(&blob).unwrap();
    let original = inkleaf_cli::BUNDLED_ARTICLE;
    let decoded: String = book.blocks().map(|b| b.text.to_string()).collect();
    for c in ['“', '”', '’', '—'] {
        let count = original.matches(c).count();
        assert!(count > 0, "the article has no {c}");
        assert_eq!(decoded.matches(c).count(), count, "{c} count changed");
    }
    assert!(book.meta().title.contains('“') && book.meta().title.contains('—'));
    assert_eq!(book.meta().byline, "Zoë Brontë-Ødegård");
}

#[test]
fn headings_keep_their_level() {
    let doc = parse_markdown(
        "# One\n\nBody text.\n\n## Two\n\n### Three\n\n#### Four\n\n##### Five\n\n###### Six\n\nEnd.\n",
    );
    let blob = build(&doc, preset("2.9in").profile, FontId::Mono6x10)
        .unwrap()
        .blob;
    let book = Book::from_bytes(&blob).unwrap();
    let kinds: Vec<BlockKind> = book.blocks().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        [
            BlockKind::Heading(1),
            BlockKind::Paragraph,
            BlockKind::Heading(2),
            BlockKind::Heading(3),
            BlockKind::Heading(4),
            BlockKind::Heading(5),
            BlockKind::Heading(6),
            BlockKind::Paragraph,
        ]
    );
    assert_eq!(decoded_blocks(&book), plain_blocks(&doc));
    assert_eq!(book.meta().title, "One");
}

fn small_parts() -> (Meta<'static>, Vec<Block<'static>>) {
    let meta = Meta {
        title: "Tiny",
        language: "en",
        ..Meta::default()
    };
    let blocks = vec![
        Block::new(BlockKind::Heading(2), "A “quoted” head"),
        Block::new(BlockKind::Paragraph, "Body — with a dash."),
    ];
    (meta, blocks)
}

#[test]
fn packing_into_a_short_buffer_is_buffer_too_small() {
    let (meta, blocks) = small_parts();
    let needed = packed_len(&Contents::plain(meta, &blocks)).unwrap();
    let expected = Err(Error::BufferTooSmall {
        needed: needed as u32,
    });
    for len in [0, 1, 15, 16, needed / 2, needed - 1] {
        let mut out = vec![0xAA; len];
        assert_eq!(
            pack_into(&Contents::plain(meta, &blocks), &mut out),
            expected,
            "len {len}"
        );
    }
}

#[test]
fn packing_into_an_exact_buffer_matches_pack_to_vec() {
    let (meta, blocks) = small_parts();
    let vec = pack_to_vec(&Contents::plain(meta, &blocks)).unwrap();
    assert_eq!(packed_len(&Contents::plain(meta, &blocks)), Ok(vec.len()));

    let mut exact = vec![0xAA; vec.len()];
    assert_eq!(
        pack_into(&Contents::plain(meta, &blocks), &mut exact),
        Ok(vec.len())
    );
    assert_eq!(exact, vec);

    // A larger buffer gets the same bytes at its front and is not written past them.
    let mut roomy = vec![0xAA; vec.len() + 7];
    assert_eq!(
        pack_into(&Contents::plain(meta, &blocks), &mut roomy),
        Ok(vec.len())
    );
    assert_eq!(&roomy[..vec.len()], &vec[..]);
    assert!(roomy[vec.len()..].iter().all(|&b| b == 0xAA));

    // The header is what the format says: magic, version 7, no flags, length, CRC-32.
    assert_eq!(&vec[..4], b"INKL");
    assert_eq!(&vec[4..8], &[7, 0, 0, 0]);
    let payload = &vec[16..];
    assert_eq!(&vec[8..12], &(payload.len() as u32).to_le_bytes());
    assert_eq!(&vec[12..16], &crc32(payload).to_le_bytes());

    let book = Book::from_bytes(&exact).unwrap();
    assert_eq!(*book.meta(), meta);
    assert_eq!(book.blocks().collect::<Vec<_>>(), blocks);
    assert_eq!(book.built_for(), None);
}
