use inkleaf::{font::MONO_6X10, *};
fn main() {
    let text = std::fs::read_to_string("assets/article.txt").unwrap();
    let blocks: Vec<Block> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| Block {
            kind: BlockKind::Paragraph,
            text: l,
        })
        .collect();
    let blob = pack_to_vec(
        &Meta {
            title: "t",
            ..Meta::default()
        },
        None,
        &blocks,
    )
    .unwrap();
    println!("blob {} bytes", blob.len());
    let book = Book::from_bytes(&blob).unwrap();
    let mut p = Profile::new(296, 128);
    p.margins = Margins::all(0);
    p.paragraph_spacing = 0;
    p.align = Align::Left;
    let layout = Layout::new(book, p, &MONO_6X10).unwrap();
    println!("pages {}", layout.page_count());
    for page in layout.pages().take(2) {
        println!("--- page {} {:?}..{:?}", page.index, page.start, page.end);
        for line in layout.lines(&page).unwrap() {
            println!(
                "{:3} {:?} |{}|",
                line.width,
                line.end_kind,
                layout.line_text(&line)
            );
        }
    }
    let d = inkleaf_sim::draw_page(&layout, layout.page(0).unwrap(), Some(14));
    inkleaf_sim::save_png(&d, 3, std::path::Path::new("/tmp/p0.png")).unwrap();
}
