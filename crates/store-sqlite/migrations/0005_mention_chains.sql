-- 0005: chains. Fusion links mentions pairwise; a chain is everything linked directly or through
-- others (what a fused incident was before this migration), named by its smallest mention key
-- (the old anchor column held exactly that). Fused incidents are now carved out of chains, so
-- two mentions that cannot be one incident (other days, places far apart) stay apart even when
-- a vague mention links both.
ALTER TABLE mentions RENAME COLUMN anchor TO chain;
CREATE INDEX mentions_by_chain ON mentions (chain);
