//! Spelling variants of a name and small text helpers shared by the alias and demonym matchers.
//!
//! Aliases are written once in the data files; the matchers also look for the same name with
//! hyphens written as spaces or en dashes, straight and curly apostrophes, accents folded to
//! ASCII, and accented letters in capitals (the automaton folds ASCII case only).

/// Every spelling the matcher should look for when a data file lists `text`.
pub(crate) fn variants(text: &str) -> Vec<String> {
    let mut out = vec![text.to_string()];
    if text.contains('-') {
        push_new(&mut out, text.replace('-', " "));
        push_new(&mut out, text.replace('-', "\u{2013}"));
    }
    for i in 0..out.len() {
        if out[i].contains('\'') {
            let curly = out[i].replace('\'', "\u{2019}");
            push_new(&mut out, curly);
        } else if out[i].contains('\u{2019}') {
            let straight = out[i].replace('\u{2019}', "'");
            push_new(&mut out, straight);
        }
    }
    for i in 0..out.len() {
        if !out[i].is_ascii() {
            let folded = fold(&out[i]);
            let upper = out[i].to_uppercase();
            push_new(&mut out, folded);
            push_new(&mut out, upper);
        }
    }
    out
}

fn push_new(out: &mut Vec<String>, candidate: String) {
    if !out.contains(&candidate) {
        out.push(candidate);
    }
}

/// Folds common Latin accented letters to ASCII ("Élysée" -> "Elysee", "Öcalan" -> "Ocalan").
pub(crate) fn fold(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' => 'a',
            'Á' | 'À' | 'Â' | 'Ä' | 'Ã' | 'Å' | 'Ā' => 'A',
            'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ė' => 'e',
            'É' | 'È' | 'Ê' | 'Ë' | 'Ē' => 'E',
            'í' | 'ì' | 'î' | 'ï' | 'ī' | 'ı' => 'i',
            'Í' | 'Ì' | 'Î' | 'Ï' | 'Ī' | 'İ' => 'I',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ō' | 'ø' => 'o',
            'Ó' | 'Ò' | 'Ô' | 'Ö' | 'Õ' | 'Ō' | 'Ø' => 'O',
            'ú' | 'ù' | 'û' | 'ü' | 'ū' => 'u',
            'Ú' | 'Ù' | 'Û' | 'Ü' | 'Ū' => 'U',
            'ñ' => 'n',
            'Ñ' => 'N',
            'ç' | 'č' | 'ć' => 'c',
            'Ç' | 'Č' | 'Ć' => 'C',
            'ş' | 'š' | 'ś' => 's',
            'Ş' | 'Š' | 'Ś' => 'S',
            'ğ' => 'g',
            'Ğ' => 'G',
            'ž' | 'ż' | 'ź' => 'z',
            'Ž' | 'Ż' | 'Ź' => 'Z',
            'ł' => 'l',
            'Ł' => 'L',
            'ý' | 'ÿ' => 'y',
            'Ý' => 'Y',
            'ʿ' | 'ʾ' | '‘' => '\'',
            other => other,
        })
        .collect()
}

/// True when `text` carries no usable case information: written in capitals (MUC-4 wire copy)
/// or lower-cased (as some corpora are distributed).
pub(crate) fn is_caseless(text: &str) -> bool {
    let (mut upper, mut lower) = (0usize, 0usize);
    for c in text.chars() {
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
        }
    }
    let letters = upper + lower;
    letters > 0 && (lower * 50 <= letters || upper * 200 <= letters)
}

/// True for characters that make up words (a match may not start or end inside one).
pub(crate) fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// True when `text[start..end]` is not glued to a word on either side.
pub(crate) fn bounded(text: &str, start: usize, end: usize) -> bool {
    let inner = &text[start..end];
    let starts_word = inner.chars().next().is_some_and(is_word);
    let ends_word = inner.chars().next_back().is_some_and(is_word);
    let before = text[..start].chars().next_back().is_some_and(is_word);
    let after = text[end..].chars().next().is_some_and(is_word);
    !((starts_word && before) || (ends_word && after))
}

/// The text's bytes with line breaks and tabs read as spaces, so names broken across lines
/// still match; offsets are unchanged.
pub(crate) fn spaced(text: &str) -> std::borrow::Cow<'_, [u8]> {
    let is_break = |b: &u8| matches!(b, b'\n' | b'\r' | b'\t' | 0x0B | 0x0C);
    if text.as_bytes().iter().any(is_break) {
        let bytes = text.as_bytes().iter().map(|b| if is_break(b) { b' ' } else { *b }).collect();
        std::borrow::Cow::Owned(bytes)
    } else {
        std::borrow::Cow::Borrowed(text.as_bytes())
    }
}
