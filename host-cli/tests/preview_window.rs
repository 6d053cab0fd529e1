//! The preview window under a virtual X server: real key presses (xdotool) in the SDL
//! window show, pixel for pixel, the frame a headless run of the same keys writes; with
//! `--watch`, an edit of the source shows at the same reading position.
//!
//! Needs the `window` feature and Xvfb, xdotool and ImageMagick's `import`
//! (`apt-get install -y libsdl2-dev xvfb xdotool imagemagick`); it fails, naming the
//! tool, when one is missing. Run it with
//! `cargo test -p inkleaf-cli --features window --test preview_window`.
#![cfg(feature = "window")]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use image::RgbImage;

const BOOK: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../tests/fixtures/device/book-4.2in.inkleaf"
);

/// Screen pixels per display pixel in the window: the screenshot is scaled back by it.
const SCALE: u32 = 3;

/// How long the window may take to open or to show what the keys asked for (a loaded CI
/// machine, a debug build).
const PATIENCE: Duration = Duration::from_secs(60);

/// A child process killed when the test ends, however it ends.
struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn tool(name: &str, package: &str) -> PathBuf {
    let found = std::env::var_os("PATH")
        .iter()
        .flat_map(std::env::split_paths)
        .map(|dir| dir.join(name))
        .find(|path| path.is_file());
    found.unwrap_or_else(|| {
        panic!("the preview window test needs `{name}`: apt-get install -y {package}")
    })
}

/// A virtual X server on a free display; its name (":N") and the process.
fn xvfb() -> (String, Killed) {
    let mut child = Command::new(tool("Xvfb", "xvfb"))
        .args([
            "-displayfd",
            "1",
            "-screen",
            "0",
            "1280x1024x24",
            "-nolisten",
            "tcp",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("Xvfb starts");
    let mut line = String::new();
    let stdout = child.stdout.take().expect("Xvfb's stdout is piped");
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("Xvfb names its display");
    let number = line.trim();
    assert!(!number.is_empty(), "Xvfb did not name a display");
    (format!(":{number}"), Killed(child))
}

fn run(program: &Path, args: &[&str], display: &str) -> String {
    let out = Command::new(program)
        .args(args)
        .env("DISPLAY", display)
        .output()
        .unwrap_or_else(|e| panic!("{}: {e}", program.display()));
    assert!(
        out.status.success(),
        "{} {args:?} failed: {}",
        program.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The id of the window titled `inkleaf preview...`, once it is open.
fn window_id(xdotool: &Path, display: &str, preview: &mut Killed) -> String {
    let start = Instant::now();
    loop {
        let out = Command::new(xdotool)
            .args(["search", "--name", "^inkleaf preview"])
            .env("DISPLAY", display)
            .output()
            .expect("xdotool runs");
        if let Some(id) = String::from_utf8_lossy(&out.stdout).lines().next() {
            return id.to_owned();
        }
        if let Ok(Some(status)) = preview.0.try_wait() {
            panic!("the preview exited before its window opened: {status}");
        }
        assert!(
            start.elapsed() < PATIENCE,
            "no preview window after {PATIENCE:?}"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// The pixels of `shot` that differ from `frame` scaled up by `SCALE` (every screen pixel
/// against the display pixel it shows); all of them when the sizes differ.
fn differing(shot: &RgbImage, frame: &RgbImage) -> u64 {
    let (w, h) = frame.dimensions();
    if shot.dimensions() != (w * SCALE, h * SCALE) {
        return u64::from(shot.width()) * u64::from(shot.height()).max(1);
    }
    let mut count = 0;
    for (x, y, pixel) in shot.enumerate_pixels() {
        if pixel != frame.get_pixel(x / SCALE, y / SCALE) {
            count += 1;
        }
    }
    count
}

/// A preview window on a virtual X server, with the tools that drive and photograph it.
struct Session {
    display: String,
    xdotool: PathBuf,
    import: PathBuf,
    window: String,
    preview: Killed,
    shot: PathBuf,
    // Last: the X server outlives the window.
    _xvfb: Killed,
}

impl Session {
    /// Opens `inkleaf preview ARGS --scale SCALE` in a window; screenshots go into `dir`.
    fn open(args: &[&str], dir: &Path) -> Self {
        let xdotool = tool("xdotool", "xdotool");
        let import = tool("import", "imagemagick");
        let (display, xvfb) = xvfb();
        let mut preview = Killed(
            Command::new(env!("CARGO_BIN_EXE_inkleaf"))
                .arg("preview")
                .args(args)
                .args(["--scale", &SCALE.to_string()])
                .env("DISPLAY", &display)
                .spawn()
                .expect("the preview starts"),
        );
        let window = window_id(&xdotool, &display, &mut preview);
        run(&xdotool, &["windowfocus", "--sync", &window], &display);
        Session {
            display,
            xdotool,
            import,
            window,
            preview,
            shot: dir.join("window.png"),
            _xvfb: xvfb,
        }
    }

    /// Presses `keys` (X key names) in the window.
    fn press(&self, keys: &[&str]) {
        let args = [&["key", "--delay", "100"][..], keys].concat();
        run(&self.xdotool, &args, &self.display);
    }

    fn screenshot(&self) -> RgbImage {
        let args = ["-window", &self.window, self.shot.to_str().unwrap()];
        run(&self.import, &args, &self.display);
        image::open(&self.shot).unwrap().to_rgb8()
    }

    /// Waits until the window shows `frame`, failing with both pictures kept when it does
    /// not within [`PATIENCE`].
    fn expect(&self, frame: &RgbImage, what: &str) {
        let start = Instant::now();
        let mut last = self.screenshot();
        while differing(&last, frame) != 0 && start.elapsed() < PATIENCE {
            std::thread::sleep(Duration::from_millis(300));
            last = self.screenshot();
        }
        let off = differing(&last, frame);
        if off != 0 {
            let kept = std::env::temp_dir().join("inkleaf-preview-window");
            std::fs::create_dir_all(&kept).unwrap();
            last.save(kept.join("window.png")).unwrap();
            frame.save(kept.join("headless.png")).unwrap();
            panic!(
                "{what}: {off} screen pixels differ from the headless frame after {PATIENCE:?}; both kept in {}",
                kept.display()
            );
        }
    }

    /// Presses q and checks the preview ends cleanly.
    fn quit(mut self) {
        self.press(&["q"]);
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.preview.0.try_wait().unwrap() {
                break status;
            }
            assert!(start.elapsed() < PATIENCE, "the preview did not quit on q");
            std::thread::sleep(Duration::from_millis(100));
        };
        assert!(status.success(), "the preview failed: {status}");
    }
}

/// The last frame of a headless run of `script` over `args`, at one pixel per display pixel.
fn headless(args: &[&str], script: &str, dir: &Path) -> RgbImage {
    let shots = dir.join("shots");
    let out = Command::new(env!("CARGO_BIN_EXE_inkleaf"))
        .arg("preview")
        .args(args)
        .args(["--keys", script, "--scale", "1", "--shots"])
        .arg(&shots)
        .output()
        .expect("the headless preview runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let keys = script.split_whitespace().count();
    let last = shots.join(format!("frame-{keys:03}.png"));
    image::open(&last)
        .unwrap_or_else(|e| panic!("{}: {e}", last.display()))
        .to_rgb8()
}

#[test]
fn keys_pressed_in_the_window_show_the_headless_frame_of_the_same_script() {
    let dir = tempfile::tempdir().unwrap();
    let first = headless(&[BOOK], "", dir.path());
    let frame = headless(&[BOOK], "n n t 3 + n", dir.path());

    let window = Session::open(&[BOOK], dir.path());
    // The window opened on what the device shows first.
    window.expect(&first, "the first page");
    // n n t 3 + n as the device's keys: Right, Space, t, 3, plus, Page Down.
    window.press(&["Right", "space", "t", "3", "plus", "Next"]);
    window.expect(&frame, "after the keys");
    window.quit();
}

#[test]
fn an_edited_source_shows_at_the_same_reading_position() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.md");
    let paragraph = "Words that fill a few lines of the page, again and again. ".repeat(12);
    let text = |harbour: &str| {
        format!(
            "# Arrival\n\n{paragraph}\n\n## {harbour}\n\n{paragraph}\n\n## Hill\n\n{paragraph}\n"
        )
    };
    std::fs::write(&notes, text("The harbour")).unwrap();
    let notes_arg = notes.to_str().unwrap();
    let args = [notes_arg, "--display", "4.2in", "--text", "plain"];

    let window = Session::open(&[&args[..], &["--watch"]].concat(), dir.path());
    window.press(&["Right", "Right"]);
    let before = headless(&args, "n n", dir.path());
    window.expect(&before, "the third page");
    // The third page's footer names its section: a new name shows there, on the same page.
    std::fs::write(&notes, text("The old harbour")).unwrap();
    let edited = headless(&args, "n n", dir.path());
    assert_ne!(before, edited, "the edit shows on the third page");
    window.expect(&edited, "the third page of the edited notes");
    window.quit();
}
