//! The prefix codes of a model: one per context plus the shared escape code.
//!
//! A context lists the symbols it sees often enough to pay for their table entry; the rest go
//! through its escape symbol to the shared code.

use super::bitwriter::BitWriter;
use super::contexts::log2;
use super::huffman;
use inkleaf::codec::format::FLAT_CODE;
use inkleaf::format::width_for;

/// One canonical code.
#[derive(Clone, Debug, Default)]
pub(crate) struct Table {
    /// `(symbol, length, code)` in canonical order.
    pub(crate) list: Vec<(u32, u32, u32)>,
    /// Symbol id (escape included) → `(length, code)`.
    lookup: Vec<Option<(u32, u32)>>,
    /// The flat form: every id below this is its own `flat_width`-bit code.
    flat: Option<(u32, u32)>,
}

impl Table {
    fn new(freqs: &[(u32, u64)], ids: usize) -> Self {
        let f: Vec<u64> = freqs.iter().map(|p| p.1).collect();
        let lengths = huffman::lengths(&f);
        let pairs = freqs.iter().zip(lengths).map(|(p, l)| (p.0, l)).collect();
        let list = huffman::canonical(pairs);
        let mut lookup = vec![None; ids];
        for &(symbol, len, code) in &list {
            lookup[symbol as usize] = Some((len, code));
        }
        Table {
            list,
            lookup,
            flat: None,
        }
    }

    /// The flat code over ids `0..symbols`.
    fn flat(symbols: u32) -> Self {
        Table {
            flat: Some((symbols, width_for(symbols))),
            ..Table::default()
        }
    }

    /// Bits to write the table, with `id_width`-bit symbols.
    fn bits(&self, id_width: u32) -> u64 {
        let mut w = BitWriter::default();
        self.write(&mut w, id_width);
        w.len()
    }

    /// `(length, code)` of `symbol`, if listed.
    pub(crate) fn get(&self, symbol: u32) -> Option<(u32, u32)> {
        match self.flat {
            Some((symbols, width)) => (symbol < symbols).then_some((width, symbol)),
            None => self.lookup.get(symbol as usize).copied().flatten(),
        }
    }

    /// Longest code length.
    pub(crate) fn longest(&self) -> u32 {
        self.flat
            .map_or_else(|| self.list.last().map_or(0, |p| p.1), |f| f.1)
    }

    /// Writes the table as `docs/CODEC.md` lays it out.
    pub(crate) fn write(&self, w: &mut BitWriter, id_width: u32) {
        if self.flat.is_some() {
            w.bits(FLAT_CODE, 5);
            return;
        }
        let max_len = self.list.last().map_or(0, |p| p.1);
        w.bits(max_len, 5);
        if max_len > 0 {
            let mut counts = vec![0u32; max_len as usize];
            for &(_, len, _) in &self.list {
                counts[len as usize - 1] += 1;
            }
            let width = width_for(counts.iter().copied().max().unwrap_or(0));
            w.bits(width, 5);
            for c in counts {
                w.bits(c, width);
            }
        }
        for &(symbol, _, _) in &self.list {
            w.bits(symbol, id_width);
        }
    }
}

/// All codes of a model.
#[derive(Clone, Debug)]
pub(crate) struct Codes {
    /// Symbols (literals then entries); the escape is id `symbols`.
    pub(crate) symbols: u32,
    /// The escape code, then one per context.
    pub(crate) tables: Vec<Table>,
}

impl Codes {
    /// Codes for `counts[ctx][symbol]`.
    pub(crate) fn build(counts: &[Vec<u64>], symbols: u32) -> Self {
        Self::covering(counts, symbols, 0)
    }

    /// Codes for `counts[ctx][symbol]` in which symbols `0..cover` can be coded in every
    /// context, seen there or not: every context has an escape and the escape code lists
    /// them all. A model for texts it was not trained on needs this.
    pub(crate) fn covering(counts: &[Vec<u64>], symbols: u32, cover: u32) -> Self {
        let id_width = f64::from(width_for(symbols));
        let n = symbols as usize;
        // Start with everything listed, then escape what does not pay for its entry.
        let mut listed: Vec<Vec<bool>> = counts
            .iter()
            .map(|c| c.iter().map(|&x| x > 0).collect())
            .collect();
        for _ in 0..3 {
            let mut escaped = vec![0u64; n];
            for (c, l) in counts.iter().zip(&listed) {
                for s in 0..n {
                    if !l[s] {
                        escaped[s] += c[s];
                    }
                }
            }
            let g_total = escaped.iter().sum::<u64>().max(1) as f64;
            for (c, l) in counts.iter().zip(listed.iter_mut()) {
                let total = c.iter().sum::<u64>().max(1) as f64;
                let esc: u64 = (0..n).filter(|&s| !l[s]).map(|s| c[s]).sum();
                for s in (0..n).filter(|&s| c[s] > 0) {
                    let cs = c[s] as f64;
                    let in_ctx = log2(total / cs);
                    let via_escape =
                        log2(total / (esc.max(1) as f64 + if l[s] { cs } else { 0.0 }))
                            + log2(
                                (g_total + cs) / (escaped[s] as f64 + if l[s] { cs } else { 0.0 }),
                            );
                    l[s] = cs * (via_escape - in_ctx) > id_width + 1.0;
                }
            }
        }
        let mut escaped = vec![0u64; n];
        let mut tables = vec![Table::default()];
        for (c, l) in counts.iter().zip(&listed) {
            let mut freqs: Vec<(u32, u64)> = Vec::new();
            let mut esc = 0;
            for s in (0..n).filter(|&s| c[s] > 0) {
                if l[s] {
                    freqs.push((s as u32, c[s]));
                } else {
                    esc += c[s];
                    escaped[s] += c[s];
                }
            }
            if esc > 0 || freqs.is_empty() || cover > 0 {
                freqs.push((symbols, esc.max(1)));
            }
            tables.push(Table::new(&freqs, n + 1));
        }
        for e in escaped.iter_mut().take(cover as usize) {
            *e += 1;
        }
        let mut g: Vec<(u32, u64)> = (0..n)
            .filter(|&s| escaped[s] > 0)
            .map(|s| (s as u32, escaped[s]))
            .collect();
        if g.is_empty() {
            g.push((0, 1));
        }
        // The escape code is flat when its table would cost more than its codes save.
        let huffman = Table::new(&g, n + 1);
        let flat = Table::flat(symbols);
        let cost = |t: &Table| {
            let coded: u64 = g
                .iter()
                .map(|&(s, f)| f * u64::from(t.get(s).map_or(0, |p| p.0)))
                .sum();
            coded + t.bits(width_for(symbols))
        };
        tables[0] = if cost(&flat) < cost(&huffman) {
            flat
        } else {
            huffman
        };
        Codes { symbols, tables }
    }

    /// Bits to code `symbol` in `ctx`, `None` if it cannot be coded there.
    pub(crate) fn cost(&self, ctx: usize, symbol: u32) -> Option<u32> {
        let table = &self.tables[ctx + 1];
        if let Some((len, _)) = table.get(symbol) {
            return Some(len);
        }
        let (esc, _) = table.get(self.symbols)?;
        Some(esc + self.tables[0].get(symbol)?.0)
    }

    /// Writes `symbol` in `ctx`, through the escape if need be; `None` if it cannot be coded.
    pub(crate) fn put(&self, w: &mut BitWriter, ctx: usize, symbol: u32) -> Option<()> {
        let table = &self.tables[ctx + 1];
        if let Some((len, code)) = table.get(symbol) {
            w.bits(code, len);
            return Some(());
        }
        let (len, code) = table.get(self.symbols)?;
        let (g_len, g_code) = self.tables[0].get(symbol)?;
        w.bits(code, len);
        w.bits(g_code, g_len);
        Some(())
    }
}
