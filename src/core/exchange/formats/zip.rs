//! A zip archive of stored (uncompressed) files: all that a bundle of small text files needs,
//! in a few dozen lines instead of a dependency.

/// The archive holding `files` (name, contents), names in UTF-8.
pub fn stored(files: &[(String, Vec<u8>)]) -> Vec<u8> {
    const UTF8_NAMES: u16 = 1 << 11;
    const DOS_DATE_1980_01_01: u16 = (1 << 5) | 1;
    let mut out = Vec::new();
    let mut directory = Vec::new();
    for (name, data) in files {
        let offset = u32::try_from(out.len()).expect("archives stay under 4 GiB");
        let (crc, size, name_len) = (crc32(data), data.len() as u32, name.len() as u16);
        let common = |buffer: &mut Vec<u8>| {
            for half in [20, UTF8_NAMES, 0, 0, DOS_DATE_1980_01_01] {
                buffer.extend(u16::to_le_bytes(half));
            }
            for word in [crc, size, size] {
                buffer.extend(u32::to_le_bytes(word));
            }
            buffer.extend(u16::to_le_bytes(name_len));
            buffer.extend(u16::to_le_bytes(0));
        };
        out.extend(u32::to_le_bytes(0x0403_4b50));
        common(&mut out);
        out.extend(name.as_bytes());
        out.extend(data);

        directory.extend(u32::to_le_bytes(0x0201_4b50));
        directory.extend(u16::to_le_bytes(20));
        common(&mut directory);
        for half in [0u16, 0, 0] {
            directory.extend(u16::to_le_bytes(half));
        }
        directory.extend(u32::to_le_bytes(0));
        directory.extend(u32::to_le_bytes(offset));
        directory.extend(name.as_bytes());
    }
    let (directory_offset, directory_size) = (out.len() as u32, directory.len() as u32);
    out.extend(directory);
    out.extend(u32::to_le_bytes(0x0605_4b50));
    let count = files.len() as u16;
    for half in [0, 0, count, count] {
        out.extend(u16::to_le_bytes(half));
    }
    out.extend(u32::to_le_bytes(directory_size));
    out.extend(u32::to_le_bytes(directory_offset));
    out.extend(u16::to_le_bytes(0));
    out
}

/// CRC-32 (IEEE 802.3), as zip uses it.
pub fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc_of_the_check_string() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn an_archive_lists_its_files_in_its_directory() {
        let archive = stored(&[("a.txt".into(), b"hello".to_vec()), ("d/b.ann".into(), "é".as_bytes().to_vec())]);
        assert_eq!(&archive[..4], &[0x50, 0x4b, 0x03, 0x04]);
        let end = archive.len() - 22;
        assert_eq!(&archive[end..end + 4], &[0x50, 0x4b, 0x05, 0x06]);
        assert_eq!(u16::from_le_bytes([archive[end + 10], archive[end + 11]]), 2, "two entries");
        let directory_offset = u32::from_le_bytes(archive[end + 16..end + 20].try_into().unwrap()) as usize;
        assert_eq!(&archive[directory_offset..directory_offset + 4], &[0x50, 0x4b, 0x01, 0x02]);
        assert!(archive.windows(5).any(|w| w == b"hello"));
    }
}
