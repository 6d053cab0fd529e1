//! `inkleaf build` with a font family: the faces given by flag, the ones synthesized, the
//! fallback fonts, and how a bad font file fails.

use std::path::Path;

use assert_cmd::Command;
use tempfile::TempDir;

/// Where Debian's `fonts-wqy-microhei` puts WenQuanYi Micro Hei, a CJK font.
const CJK_FONT: &str = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

/// A note with a heading (set bold) and Chinese text.
const NOTE: &str = "# Field notes\n\nThe word for language is 语言.\n";

fn inkleaf(dir: &TempDir) -> Command {
    let mut command = Command::cargo_bin("inkleaf").expect("the inkleaf binary is built");
    command.current_dir(dir.path());
    command
}

/// A directory holding `note.md` and DejaVu Sans regular and bold as font files.
fn workspace() -> TempDir {
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("note.md"), NOTE).unwrap();
    std::fs::write(dir.path().join("Regular.ttf"), dejavu::sans::regular()).unwrap();
    std::fs::write(dir.path().join("Bold.ttf"), dejavu::sans::bold()).unwrap();
    dir
}

/// Builds `note.md` into `note.inkleaf` with `args`, which must succeed; its stderr.
fn build(dir: &TempDir, args: &[&str]) -> String {
    let run = inkleaf(dir)
        .args(["build", "note.md", "-o", "note.inkleaf"])
        .args(args)
        .assert()
        .success();
    assert!(dir.path().join("note.inkleaf").exists());
    String::from_utf8(run.get_output().stderr.clone()).unwrap()
}

/// Runs a build that must fail with one line naming `names` and saying `reason`, writing
/// nothing.
fn fails(dir: &TempDir, args: &[&str], names: &str, reason: &str) {
    let run = inkleaf(dir)
        .args(["build", "note.md", "-o", "note.inkleaf"])
        .args(args)
        .assert()
        .failure()
        .code(1);
    let stderr = String::from_utf8(run.get_output().stderr.clone()).unwrap();
    assert_eq!(
        stderr.lines().count(),
        1,
        "one line of error, got {stderr:?}"
    );
    assert!(stderr.contains(names), "{stderr:?} should name {names:?}");
    assert!(stderr.contains(reason), "{stderr:?} should say {reason:?}");
    assert!(!dir.path().join("note.inkleaf").exists(), "no blob written");
}

#[test]
fn a_lone_regular_font_gets_a_synthesized_bold_until_one_is_given() {
    let dir = workspace();
    let stderr = build(&dir, &["--font", "Regular.ttf"]);
    assert!(
        stderr.contains("Regular.ttf: no bold face given: emboldened from regular"),
        "{stderr}"
    );
    let stderr = build(&dir, &["--font", "Regular.ttf", "--font-bold", "Bold.ttf"]);
    assert!(!stderr.contains("no bold face"), "{stderr}");
    // A bundled family has all its faces; a flag replaces one of them.
    let stderr = build(&dir, &["--font", "dejavu-serif", "--font-bold", "Bold.ttf"]);
    assert!(!stderr.contains("face given"), "{stderr}");
}

#[test]
fn a_fallback_font_sets_what_the_family_lacks() {
    assert!(
        Path::new(CJK_FONT).exists(),
        "{CJK_FONT} is missing: `apt-get install fonts-wqy-microhei` (as .ci/run does)"
    );
    let dir = workspace();
    let stderr = build(&dir, &[]);
    assert!(
        stderr.contains("dejavu-sans has no glyph for 2 character(s): 言 (U+8A00) 语 (U+8BED)"),
        "{stderr}"
    );
    let stderr = build(&dir, &["--fallback-font", CJK_FONT]);
    assert!(!stderr.contains("no glyph"), "{stderr}");
    // Fallbacks are tried in order: a Latin one first changes nothing for Chinese.
    let stderr = build(
        &dir,
        &["--fallback-font", "Bold.ttf", "--fallback-font", CJK_FONT],
    );
    assert!(!stderr.contains("no glyph"), "{stderr}");
}

#[test]
fn a_missing_bold_font_file() {
    let dir = workspace();
    fails(
        &dir,
        &["--font-bold", "nope.ttf"],
        "nope.ttf",
        "cannot read: No such file",
    );
}

#[test]
fn a_bold_font_that_is_not_a_font() {
    let dir = workspace();
    std::fs::write(dir.path().join("Bold.ttf"), "not a font\n").unwrap();
    // The note's heading needs the bold face; a broken one fails whether or not it is used.
    for input in ["note.md", "plain.txt"] {
        std::fs::write(dir.path().join("plain.txt"), "plain\n").unwrap();
        let run = inkleaf(&dir)
            .args([
                "build",
                input,
                "-o",
                "note.inkleaf",
                "--font-bold",
                "Bold.ttf",
            ])
            .assert()
            .failure()
            .code(1);
        let stderr = String::from_utf8(run.get_output().stderr.clone()).unwrap();
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.contains("Bold.ttf: not a usable TrueType/OpenType font"),
            "{stderr}"
        );
        assert!(!dir.path().join("note.inkleaf").exists());
    }
}

#[test]
fn a_fallback_font_that_is_a_directory() {
    let dir = workspace();
    std::fs::create_dir(dir.path().join("fonts")).unwrap();
    fails(
        &dir,
        &["--fallback-font", "fonts"],
        "fonts",
        "is a directory, not a font file",
    );
}

#[test]
fn faces_beside_a_built_in_font_are_refused() {
    let dir = workspace();
    fails(
        &dir,
        &["--font", "builtin:6x10", "--font-italic", "Regular.ttf"],
        "Regular.ttf",
        "needs a TrueType --font",
    );
    // The OLED preset sets its text in a built-in font unless --font says otherwise.
    fails(
        &dir,
        &["--display", "oled-128x64", "--fallback-font", "Regular.ttf"],
        "Regular.ttf",
        "built-in 6x10",
    );
}
