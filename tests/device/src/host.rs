//! Line protocol to the host over semihosting stdout (see README.md).
//!
//! Every line starts with an upper-case keyword, so a runner can pick out the lines it
//! wants and ignore (or echo) anything else. Page bytes travel as lowercase hex: the
//! stream stays plain text, and a truncated page is caught by its length alone.

use core::fmt::{self, Write as _};

use cortex_m_semihosting::hio::{self, HostStream};

use crate::meter::Cost;

/// Bytes of page data hex-encoded per semihosting write: one host call per 256 bytes.
const CHUNK: usize = 256;

/// The host's stdout, opened once.
pub struct Host {
    out: HostStream,
}

impl Host {
    /// Opens semihosting stdout. Without semihosting enabled the call itself faults, and
    /// QEMU stops with "Lockup" (exit 134), as the fault handler cannot report either.
    pub fn open() -> Self {
        let out = hio::hstdout().expect("semihosting stdout");
        Self { out }
    }

    /// Sends a 1-bit page, `PAGE <n> <width> <height> <hex>`, on one line.
    pub fn page(&mut self, n: u32, width: u32, height: u32, bytes: &[u8]) {
        self.page_of(1, n, width, height, bytes);
    }

    /// Sends a page of `bits` per pixel on one line: `PAGE <n> <width> <height> <hex>` for
    /// 1 bit, `GRAY_PAGE <n> <width> <height> <bits> <hex>` for more. Never inlined: its hex
    /// buffer would otherwise sit in the caller's frame and count as the caller's stack.
    #[inline(never)]
    pub fn page_of(&mut self, bits: u32, n: u32, width: u32, height: u32, bytes: &[u8]) {
        if bits == 1 {
            write!(self, "PAGE {n} {width} {height} ")
        } else {
            write!(self, "GRAY_PAGE {n} {width} {height} {bits} ")
        }
        .expect("semihosting write");
        self.hex_line(bytes);
    }

    /// Sends the 1-bit page `n` that a reader turned to as chapter `chapter`'s first page,
    /// `CHAPTER_PAGE <chapter> <n> <width> <height> <hex>`, on one line.
    #[inline(never)]
    pub fn chapter_page(&mut self, chapter: u32, n: u32, width: u32, height: u32, bytes: &[u8]) {
        write!(self, "CHAPTER_PAGE {chapter} {n} {width} {height} ").expect("semihosting write");
        self.hex_line(bytes);
    }

    /// Sends what a reader showed after event `i` of its session (the contents view or a
    /// page), `VIEW <i> <width> <height> <hex>`, on one line.
    #[inline(never)]
    pub fn view(&mut self, i: usize, width: u32, height: u32, bytes: &[u8]) {
        write!(self, "VIEW {i} {width} {height} ").expect("semihosting write");
        self.hex_line(bytes);
    }

    /// Sends a reader's saved state record, `SAVED <hex>`, on one line.
    #[inline(never)]
    pub fn saved(&mut self, record: &[u8]) {
        self.send(b"SAVED ");
        self.hex_line(record);
    }

    /// Sends `bytes` as lowercase hex, then ends the line.
    fn hex_line(&mut self, bytes: &[u8]) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut buf = [0u8; 2 * CHUNK];
        for chunk in bytes.chunks(CHUNK) {
            for (pair, byte) in buf.chunks_exact_mut(2).zip(chunk) {
                pair[0] = HEX[usize::from(byte >> 4)];
                pair[1] = HEX[usize::from(byte & 0x0f)];
            }
            self.send(&buf[..2 * chunk.len()]);
        }
        self.send(b"\n");
    }

    /// Sends `MEASURE <label> <instructions> <stack_bytes>`.
    #[inline(never)]
    pub fn measure(&mut self, label: fmt::Arguments, cost: Cost) {
        let Cost {
            instructions,
            stack_bytes,
            ..
        } = cost;
        self.line(format_args!("MEASURE {label} {instructions} {stack_bytes}"));
    }

    /// Sends one formatted line, e.g. `host.line(format_args!("DONE {n}"))`.
    #[inline(never)]
    pub fn line(&mut self, args: fmt::Arguments) {
        writeln!(self, "{args}").expect("semihosting write");
    }

    fn send(&mut self, bytes: &[u8]) {
        self.out.write_all(bytes).expect("semihosting write");
    }
}

impl fmt::Write for Host {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.out.write_str(s)
    }
}

/// A number, or `-` for none.
pub struct Field<T>(pub Option<T>);

impl<T: core::fmt::Display> core::fmt::Display for Field<T> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match &self.0 {
            Some(value) => value.fmt(f),
            None => f.write_str("-"),
        }
    }
}
