//! Render benchmark (filled in below).

fn main() {}
