//! Checks of API tokens: found by digest only, names unique.

use crate::{Store, TokenRole};

/// A token is found by its digest with its name and role; another digest finds nothing; a
/// second token of the same name is refused; the listing has every token, oldest first.
pub fn tokens_are_found_by_digest(mut store: impl Store) {
    let digest = "a".repeat(64);
    store.put_token("ci", TokenRole::Analyst, &digest).expect("put");
    store.put_token("wall screen", TokenRole::Viewer, &"b".repeat(64)).expect("put");
    let token = store.token_by_digest(&digest).expect("read").expect("found");
    assert_eq!((token.name.as_str(), token.role), ("ci", TokenRole::Analyst));
    assert_eq!(store.token_by_digest(&"c".repeat(64)).expect("read"), None);
    assert!(store.put_token("ci", TokenRole::Viewer, &"d".repeat(64)).is_err());
    let names: Vec<(String, TokenRole)> =
        store.tokens().expect("list").into_iter().map(|t| (t.name, t.role)).collect();
    assert_eq!(
        names,
        [("ci".to_string(), TokenRole::Analyst), ("wall screen".to_string(), TokenRole::Viewer)]
    );
}
