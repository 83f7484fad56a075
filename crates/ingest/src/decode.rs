//! Bytes to text: empty and binary checks, UTF-8 (with repair) or a legacy charset, and the map
//! from positions in the decoded text back to raw byte offsets.

use std::borrow::Cow;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8};

use crate::error::Problem;

/// How many leading bytes the binary check looks at: enough to be sure, cheap on 50 MB inputs.
const SNIFF_LEN: usize = 8 * 1024;
/// How many bytes chardetng sees; its guess settles long before this.
const DETECT_LEN: usize = 256 * 1024;
/// Legacy charsets are decoded in chunks of this many bytes, with a checkpoint per chunk.
const CHUNK: usize = 1024;

/// Text decoded from raw bytes, with the way back.
#[derive(Debug)]
pub(crate) struct Decoded<'a> {
    /// The text.
    pub(crate) text: Cow<'a, str>,
    /// Non-fatal notes ("invalid utf-8 replaced").
    pub(crate) warnings: Vec<String>,
    map: PosMap,
}

/// Where decoded positions fall in the raw bytes.
#[derive(Debug)]
enum PosMap {
    /// The text is the raw bytes from `base` on (UTF-8, maybe after a byte-order mark).
    Identity { base: usize },
    /// Checkpoints `(text_pos, raw_pos)` sorted by both; between two, positions move together
    /// (exact for repaired UTF-8, approximate for legacy charsets).
    Checkpoints(Vec<(usize, usize)>),
}

impl Decoded<'_> {
    /// The checkpoints strictly inside the decoded `range`: where the way back to raw bytes
    /// changes step, so an offset segment split there stays exact on either side.
    pub(crate) fn breaks_in(&self, range: std::ops::Range<usize>) -> &[(usize, usize)] {
        match &self.map {
            PosMap::Identity { .. } => &[],
            PosMap::Checkpoints(points) => {
                let first = points.partition_point(|&(text_pos, _)| text_pos <= range.start);
                let last = points.partition_point(|&(text_pos, _)| text_pos < range.end);
                points.get(first..last.max(first)).unwrap_or(&[])
            }
        }
    }

    /// The raw byte offset of decoded position `pos`, never past `raw_len`.
    pub(crate) fn to_raw(&self, pos: usize, raw_len: usize) -> usize {
        let raw = match &self.map {
            PosMap::Identity { base } => base + pos,
            PosMap::Checkpoints(points) => {
                let index = points.partition_point(|&(text_pos, _)| text_pos <= pos);
                match index.checked_sub(1).and_then(|i| points.get(i)) {
                    None => pos,
                    Some(&(text_pos, raw_pos)) => {
                        let limit = points.get(index).map_or(usize::MAX, |&(_, next)| next);
                        (raw_pos + (pos - text_pos)).min(limit)
                    }
                }
            }
        };
        raw.min(raw_len)
    }
}

/// Refuses empty and binary input; otherwise decodes it.
///
/// `charset` is a label from an HTTP `Content-Type` or `<meta charset>`, used only when the bytes
/// are not valid UTF-8.
pub(crate) fn decode<'a>(bytes: &'a [u8], charset: Option<&str>) -> Result<Decoded<'a>, Problem> {
    if bytes.is_empty() {
        return Err(Problem::Empty);
    }
    // A byte-order mark names the encoding outright (UTF-16 files are full of NULs, so this
    // comes before the binary check).
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        if encoding == UTF_8 {
            return Ok(decode_utf8(bytes, bom_len));
        }
        return Ok(decode_legacy(bytes, bom_len, encoding));
    }
    if looks_binary(bytes) {
        return Err(Problem::Binary);
    }
    if std::str::from_utf8(bytes).is_ok() {
        return Ok(decode_utf8(bytes, 0));
    }
    let labelled = charset.and_then(|label| Encoding::for_label(label.trim().as_bytes()));
    if let Some(encoding) = labelled.filter(|encoding| *encoding != UTF_8) {
        return Ok(decode_legacy(bytes, 0, encoding));
    }
    // UTF-8 with a few broken bytes: repair. Legacy text has (almost) no valid multi-byte
    // sequences, since its high bytes rarely pair up the UTF-8 way: ask chardetng.
    let (multibyte, invalid) = utf8_stats(&bytes[..bytes.len().min(DETECT_LEN)]);
    if multibyte > 0 && invalid <= 2 * multibyte + 2 {
        return Ok(decode_utf8(bytes, 0));
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(&bytes[..bytes.len().min(DETECT_LEN)], bytes.len() <= DETECT_LEN);
    let encoding = detector.guess(None, Utf8Detection::Allow);
    if encoding == UTF_8 {
        Ok(decode_utf8(bytes, 0))
    } else {
        Ok(decode_legacy(bytes, 0, encoding))
    }
}

/// Whether the bytes are not text: a known binary signature, a NUL byte, or many control bytes.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    const SIGNATURES: [&[u8]; 9] = [
        b"\x89PNG",
        b"\xFF\xD8\xFF",
        b"GIF8",
        b"%PDF-",
        b"PK\x03\x04",
        b"\x1F\x8B",
        b"\x7FELF",
        b"BZh",
        b"\x28\xB5\x2F\xFD",
    ];
    if SIGNATURES.iter().any(|signature| bytes.starts_with(signature)) {
        return true;
    }
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&byte| {
            (byte < 0x20 && !matches!(byte, b'\t' | b'\n' | b'\r' | 0x0C)) || byte == 0x7F
        })
        .count();
    control * 10 > head.len()
}

/// Counts valid multi-byte sequences and invalid sequences in `bytes`.
fn utf8_stats(bytes: &[u8]) -> (usize, usize) {
    let mut multibyte = 0;
    let mut invalid = 0;
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            invalid += 1;
        }
    }
    (multibyte, invalid)
}

/// UTF-8 from `base` on, replacing invalid sequences with U+FFFD.
fn decode_utf8(bytes: &[u8], base: usize) -> Decoded<'_> {
    let body = &bytes[base..];
    if let Ok(text) = std::str::from_utf8(body) {
        return Decoded {
            text: Cow::Borrowed(text),
            warnings: Vec::new(),
            map: PosMap::Identity { base },
        };
    }
    let mut text = String::with_capacity(body.len() + 16);
    let mut points = Vec::new();
    let mut raw_pos = base;
    let mut replaced = 0usize;
    for chunk in body.utf8_chunks() {
        points.push((text.len(), raw_pos));
        text.push_str(chunk.valid());
        raw_pos += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            text.push(char::REPLACEMENT_CHARACTER);
            raw_pos += chunk.invalid().len();
            replaced += chunk.invalid().len();
            // The replacement character stands for the invalid bytes; resume 1:1 after it.
            points.push((text.len(), raw_pos));
        }
    }
    let warning = format!("invalid utf-8 replaced ({replaced} bytes)");
    Decoded { text: Cow::Owned(text), warnings: vec![warning], map: PosMap::Checkpoints(points) }
}

/// A legacy (or UTF-16) charset from `base` on, decoded in chunks so positions map back.
fn decode_legacy<'a>(bytes: &'a [u8], base: usize, encoding: &'static Encoding) -> Decoded<'a> {
    let body = &bytes[base..];
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(body.len() + body.len() / 2);
    let mut points = Vec::with_capacity(body.len() / CHUNK + 1);
    let mut had_errors = false;
    let chunks = body.chunks(CHUNK).count();
    for (index, chunk) in body.chunks(CHUNK).enumerate() {
        points.push((text.len(), base + index * CHUNK));
        let last = index + 1 == chunks;
        let mut rest = chunk;
        loop {
            let need = decoder.max_utf8_buffer_length(rest.len()).unwrap_or(rest.len() * 4);
            text.reserve(need);
            let (result, read, errors) = decoder.decode_to_string(rest, &mut text, last);
            had_errors |= errors;
            rest = &rest[read..];
            if matches!(result, encoding_rs::CoderResult::InputEmpty) {
                break;
            }
        }
    }
    let mut warnings =
        vec![format!("not valid utf-8; decoded as {}", encoding.name().to_lowercase())];
    if had_errors {
        warnings.push("some bytes could not be decoded and were replaced".to_string());
    }
    Decoded { text: Cow::Owned(text), warnings, map: PosMap::Checkpoints(points) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_empty_and_binary() {
        assert_eq!(decode(b"", None).err(), Some(Problem::Empty));
        assert_eq!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", None).err(), Some(Problem::Binary));
        assert_eq!(decode(b"abc\0def", None).err(), Some(Problem::Binary));
        assert_eq!(decode(&[1u8, 2, 3, 4, 5, b'a'], None).err(), Some(Problem::Binary));
    }

    #[test]
    fn valid_utf8_is_borrowed_and_maps_one_to_one() {
        let decoded = decode("Crocus – hall".as_bytes(), None).ok();
        let decoded =
            decoded.as_ref().map(|d| (matches!(d.text, Cow::Borrowed(_)), d.to_raw(4, 99)));
        assert_eq!(decoded, Some((true, 4)));
    }

    #[test]
    fn a_utf8_bom_is_skipped_but_counted() {
        let bytes = b"\xEF\xBB\xBFHello";
        let decoded = decode(bytes, None).ok();
        assert_eq!(decoded.as_ref().map(|d| d.text.to_string()), Some("Hello".to_string()));
        assert_eq!(decoded.map(|d| d.to_raw(1, bytes.len())), Some(4));
    }

    #[test]
    fn broken_utf8_is_repaired_with_a_warning() {
        let bytes =
            "caf\u{e9} ok ".as_bytes().iter().copied().chain(*b"\xFF tail").collect::<Vec<_>>();
        let decoded = decode(&bytes, None).ok();
        let Some(decoded) = decoded else { panic!("should decode") };
        assert!(decoded.text.ends_with("\u{FFFD} tail"));
        assert_eq!(decoded.warnings, vec!["invalid utf-8 replaced (1 bytes)".to_string()]);
        // "tail" sits after the one bad byte in both.
        let text_pos = decoded.text.find("tail").unwrap_or(0);
        let raw_pos = bytes.windows(4).position(|w| w == b"tail").unwrap_or(1);
        assert_eq!(decoded.to_raw(text_pos, bytes.len()), raw_pos);
    }

    #[test]
    fn legacy_charsets_are_detected() {
        // "Привет, мир. Это проверка кодировки." in windows-1251.
        let (bytes, _, _) =
            encoding_rs::WINDOWS_1251.encode("Привет, мир. Это проверка кодировки текста.");
        let decoded = decode(&bytes, None).ok();
        let Some(decoded) = decoded else { panic!("should decode") };
        assert!(decoded.text.starts_with("Привет"), "{}", decoded.text);
        assert!(decoded.warnings[0].contains("windows-1251"), "{:?}", decoded.warnings);
        let latin = b"Caf\xe9 au lait, na\xefve r\xe9sum\xe9";
        let decoded = decode(latin, None).ok().map(|d| d.text.into_owned());
        assert_eq!(decoded.as_deref(), Some("Café au lait, naïve résumé"));
    }

    #[test]
    fn a_charset_label_is_honoured_for_non_utf8() {
        let decoded = decode(b"na\xefve", Some("iso-8859-1")).ok().map(|d| d.text.into_owned());
        assert_eq!(decoded.as_deref(), Some("naïve"));
    }
}
