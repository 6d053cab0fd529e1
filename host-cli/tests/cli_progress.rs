//! Progress on a terminal, none in a pipe: a build of more than a second says what it is
//! doing only to a person watching.

use std::process::Command;

use tempfile::TempDir;

/// Four copies of the bundled article as chapters: seconds of work unoptimized, well
/// past the second after which a bar shows, on any machine.
fn build_args(dir: &TempDir) -> Vec<String> {
    let mut args = vec!["build".to_owned(), "-o".to_owned()];
    args.push(dir.path().join("book.inkleaf").display().to_string());
    for n in 0..4 {
        let input = dir.path().join(format!("part-{n}.txt"));
        std::fs::write(&input, inkleaf_cli::BUNDLED_ARTICLE).unwrap();
        args.push(input.display().to_string());
    }
    args
}

#[test]
fn a_build_into_a_pipe_prints_no_progress() {
    let dir = TempDir::new().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_inkleaf"))
        .args(build_args(&dir))
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

#[test]
fn a_build_on_a_terminal_shows_its_steps() {
    let dir = TempDir::new().unwrap();
    let command = format!(
        "{} {}",
        env!("CARGO_BIN_EXE_inkleaf"),
        build_args(&dir).join(" ")
    );
    // `script` (util-linux) runs the build on a pseudo-terminal and copies what it drew.
    let output = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .output()
        .expect("script (util-linux) runs");
    assert!(output.status.success(), "{output:?}");
    let drawn = String::from_utf8_lossy(&output.stdout);
    let steps = ["training the text model", "laying out pages at 296x128"];
    assert!(steps.iter().any(|s| drawn.contains(s)), "{drawn}");
    assert!(drawn.contains("wrote "), "{drawn}");
}
