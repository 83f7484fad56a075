//! The text base: sentences and tokens with byte offsets.
