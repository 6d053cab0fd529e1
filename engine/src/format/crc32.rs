//! CRC-32 (IEEE 802.3, the one zlib and PNG use) over the payload.

/// Reflected polynomial of CRC-32/ISO-HDLC.
const POLY: u32 = 0xEDB8_8320;

/// Byte-at-a-time table, built at compile time so the device pays 1 KB of flash, no RAM.
const TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut crc = i as u32;
        let mut bit = 0;
        while bit < 8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ POLY
            } else {
                crc >> 1
            };
            bit += 1;
        }
        table[i] = crc;
        i += 1;
    }
    table
};

/// CRC-32 of `data`.
///
/// Four bytes are taken at a time into the register, then shifted out through the same
/// table: a quarter of the loads from `data` the byte loop makes.
pub(crate) fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    let mut rest = data;
    while let Some((word, tail)) = rest.split_first_chunk::<4>() {
        crc = shift_byte(shift_byte(shift_byte(shift_byte(
            crc ^ u32::from_le_bytes(*word),
        ))));
        rest = tail;
    }
    for &byte in rest {
        crc = shift_byte(crc ^ u32::from(byte));
    }
    !crc
}

/// Shifts the register's low byte out through the table.
fn shift_byte(crc: u32) -> u32 {
    TABLE[usize::from(crc as u8)] ^ (crc >> 8)
}

#[cfg(test)]
mod tests {
    use super::crc32;

    #[test]
    fn matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn words_and_tail_bytes_agree_with_the_byte_loop() {
        let data: [u8; 11] = [0, 1, 0x7F, 0x80, 0xFF, 0x55, 0xAA, 3, 9, 27, 81];
        for len in 0..=data.len() {
            let bytewise = !data[..len].iter().fold(!0u32, |crc, &byte| {
                super::TABLE[usize::from((crc as u8) ^ byte)] ^ (crc >> 8)
            });
            assert_eq!(crc32(&data[..len]), bytewise, "{len} bytes");
        }
    }
}
