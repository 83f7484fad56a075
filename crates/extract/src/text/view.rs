//! A tokenized text with each word's lexicon class: what the pattern readers walk over.
//!
//! Building a [`TextIndex`] tokenizes once and classifies each word once; the date and count
//! readers then look tokens up by position, out-of-range positions reading as "nothing", so
//! that patterns can peek ahead without bounds checks or panics. A caller that runs both readers
//! builds one index and passes it to [`crate::dates::find_dates_in`] and
//! [`crate::counts::find_counts_in`], which saves tokenizing the text twice.

use super::lexicon::{self, Lex};
use super::tokens::scan;
use super::{CaseMode, Token, TokenKind, case_mode};

/// A text's tokens with their lexicon classes, built once and shared by the readers.
#[derive(Debug, Clone)]
pub struct TextIndex<'a> {
    /// The whole text.
    pub(crate) text: &'a str,
    /// Every token of the text.
    pub(crate) tokens: Vec<Token>,
    /// The lexicon class of each token (`Lex::Other` for numbers and punctuation).
    pub(crate) lex: Vec<Lex>,
    /// How the text uses capitals.
    pub(crate) mode: CaseMode,
}

impl<'a> TextIndex<'a> {
    /// Tokenizes and classifies the whole text.
    pub fn new(text: &'a str) -> TextIndex<'a> {
        let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
        let mut lex = Vec::with_capacity(text.len() / 5 + 1);
        scan(text, 0, text.len(), |start, end, kind| {
            tokens.push(Token { start, end, kind });
            lex.push(match kind {
                TokenKind::Word => lexicon::classify(&text[start..end]),
                _ => Lex::Other,
            });
        });
        TextIndex { text, tokens, lex, mode: case_mode(text) }
    }

    /// The text this index was built from.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Every token of the text, as [`crate::text::tokens()`] returns them.
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// The number of tokens.
    pub(crate) fn len(&self) -> usize {
        self.tokens.len()
    }

    /// The class of token `index`; `Lex::Other` past the end.
    pub(crate) fn lex(&self, index: usize) -> Lex {
        self.lex.get(index).copied().unwrap_or(Lex::Other)
    }

    /// The text of token `index`; empty past the end.
    pub(crate) fn str(&self, index: usize) -> &'a str {
        self.tokens.get(index).map_or("", |token| &self.text[token.start..token.end])
    }

    /// The kind of token `index`, if there is one.
    pub(crate) fn kind(&self, index: usize) -> Option<TokenKind> {
        self.tokens.get(index).map(|token| token.kind)
    }

    /// Whether token `index` is the punctuation character `ch`.
    pub(crate) fn is_punct(&self, index: usize, ch: char) -> bool {
        self.kind(index) == Some(TokenKind::Punct) && self.str(index).starts_with(ch)
    }

    /// Whether token `index` ends exactly where token `index + 1` starts.
    pub(crate) fn touches_next(&self, index: usize) -> bool {
        match (self.tokens.get(index), self.tokens.get(index + 1)) {
            (Some(left), Some(right)) => left.end == right.start,
            _ => false,
        }
    }

    /// The value of a plain digit token ("140", not "1,200" or "3.5") of at most `max_digits`.
    pub(crate) fn plain_number(&self, index: usize, max_digits: usize) -> Option<u32> {
        if self.kind(index) != Some(TokenKind::Number) {
            return None;
        }
        let digits = self.str(index);
        if digits.len() > max_digits || !digits.bytes().all(|byte| byte.is_ascii_digit()) {
            return None;
        }
        digits.parse().ok()
    }

    /// Whether token `index` starts with a capital letter.
    pub(crate) fn is_capitalized(&self, index: usize) -> bool {
        self.str(index).starts_with(char::is_uppercase)
    }

    /// Whether token `index` equals `word`, ignoring ASCII case.
    pub(crate) fn is_word(&self, index: usize, word: &str) -> bool {
        self.str(index).eq_ignore_ascii_case(word)
    }

    /// Start byte of token `index` (the text's end past the last token).
    pub(crate) fn start(&self, index: usize) -> usize {
        self.tokens.get(index).map_or(self.text.len(), |token| token.start)
    }

    /// End byte of token `index` (the text's end past the last token).
    pub(crate) fn end(&self, index: usize) -> usize {
        self.tokens.get(index).map_or(self.text.len(), |token| token.end)
    }
}
