//! What every firmware here pays before it draws anything: start-up, meter calibration and
//! the semihosting protocol (one 8x1 blank page, so the page encoder is linked too). The
//! footprint benchmark subtracts this from the others to show each drawing path's own share.
#![no_std]
#![no_main]

use cortex_m_rt::entry;
use inkleaf_device::{meter, rt};

#[entry]
fn main() -> ! {
    let mut host = rt::boot();
    let mark = meter::Mark::here();
    let (page, cost) = meter::measure(|| [0u8; 1]);
    host.page(0, 8, 1, &page);
    host.measure(format_args!("page0"), cost);
    rt::finish(&mut host, mark, 1)
}
