//! The examples of the CommonMark spec 0.31.2 (tests/fixtures/commonmark, CC-BY-SA 4.0).

/// The spec's examples file.
pub const SPEC: &str = include_str!("../fixtures/commonmark/spec-0.31.2-examples.txt");

/// Each example's section, Markdown and HTML, tabs as tabs (the spec shows them as `→`).
pub fn examples() -> Vec<(String, String, String)> {
    let spec = SPEC;
    let fence = "`".repeat(32);
    let open = format!("{fence} example");
    let mut examples = Vec::new();
    let mut section = String::new();
    let mut lines = spec.lines();
    while let Some(line) = lines.next() {
        if let Some(heading) = line.strip_prefix("## ") {
            section = heading.to_owned();
        }
        if line != open {
            continue;
        }
        let mut markdown = String::new();
        for line in lines.by_ref().take_while(|l| *l != ".") {
            markdown.push_str(&line.replace('→', "\t"));
            markdown.push('\n');
        }
        let mut html = String::new();
        for line in lines.by_ref().take_while(|l| *l != fence) {
            html.push_str(&line.replace('→', "\t"));
            html.push('\n');
        }
        examples.push((section.clone(), markdown, html));
    }
    examples
}
