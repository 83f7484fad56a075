//! Fused incidents cut out of a chain: links followed strongest first, never across a conflict.
//!
//! A chain is every mention linked to another directly or through others. Single linkage alone
//! lets one vague or misread mention join incidents that cannot be one: a raid on 3 March and
//! an attack on 22 March, both "an attack by Islamic State" in an undated retelling. So a chain
//! is cut into fused incidents by constrained agglomeration: every linked pair is a candidate
//! join, taken strongest first ([`Link::strength`](crate::Link), then the keys, so ties break the
//! same way every time); a join happens unless some pair across the two groups is
//! [`Relation::Apart`] or split by an analyst. Analysts' merges are joined first, whatever
//! the rule says, and the rule's conflicts with a merged mention give way (the analyst has
//! shown the rule misread it); analysts' splits never do.
//!
//! The result depends on the chain's set of mentions only, never on the order they arrived
//! in: the pipeline recuts a whole chain whenever a mention joins it, and a chain itself is
//! order-free (a connected component). The cost is quadratic in the chain's size, which
//! blocking keeps small: a chain is one incident's reports and the few vague mentions around it.

use crate::link::{Relation, relate};
use crate::mention::Mention;

/// Analysts' decisions the cut must keep, by mention key.
pub trait Pins {
    /// An analyst merged the incidents of these two mentions.
    fn joined(&self, a: &str, b: &str) -> bool;
    /// An analyst split these two mentions apart.
    fn split(&self, a: &str, b: &str) -> bool;
}

/// No analyst's decisions.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoPins;

impl Pins for NoPins {
    fn joined(&self, _: &str, _: &str) -> bool {
        false
    }

    fn split(&self, _: &str, _: &str) -> bool {
        false
    }
}

/// Cuts `mentions` (one chain) into fused incidents: groups of indexes into `mentions`, each
/// sorted, the groups ordered by their first index.
pub fn carve(mentions: &[Mention], pins: &impl Pins) -> Vec<Vec<usize>> {
    let count = mentions.len();
    let mut forced: Vec<(usize, usize)> = Vec::new();
    for i in 0..count {
        for j in i + 1..count {
            if pins.joined(&mentions[i].key, &mentions[j].key) {
                forced.push((i, j));
            }
        }
    }
    // A mention an analyst merged was misread by the rule (a plot that was the attack, a wrong
    // date): its conflicts give way, so the rest of its new incident can join it.
    let mut pinned = vec![false; count];
    for &(i, j) in &forced {
        pinned[i] = true;
        pinned[j] = true;
    }
    let mut apart = vec![false; count * count];
    let mut links: Vec<(u32, usize, usize)> = Vec::new();
    for i in 0..count {
        for j in i + 1..count {
            let (a, b) = (&mentions[i], &mentions[j]);
            let relation = if pins.split(&a.key, &b.key) {
                Relation::Apart("split by an analyst".to_string())
            } else {
                relate(a, b)
            };
            match relation {
                Relation::Same(link) => links.push((link.strength, i, j)),
                Relation::Apart(_) if pins.split(&a.key, &b.key) || !(pinned[i] || pinned[j]) => {
                    apart[i * count + j] = true;
                    apart[j * count + i] = true;
                }
                Relation::Apart(_) | Relation::Unrelated(_) => {}
            }
        }
    }
    let mut groups = Groups::new(count, &apart, &links);
    for (i, j) in forced {
        groups.join(i, j, mentions);
    }
    if count <= AVERAGE_UP_TO {
        // The two groups with the most link strength between them first, so a mention goes
        // with the incident most of its links point to, not with the one it shares a single
        // strong tie with (a retelling that names the wrong shrine beside the right city).
        while let Some((x, y)) = groups.best_pair(mentions) {
            groups.join(x, y, mentions);
        }
    } else {
        links.sort_by(|x, y| {
            y.0.cmp(&x.0)
                .then_with(|| pair_keys(mentions, x.1, x.2).cmp(&pair_keys(mentions, y.1, y.2)))
        });
        for (_, i, j) in links {
            let (x, y) = (groups.find(i), groups.find(j));
            if x != y && !groups.conflict[x * count + y] {
                groups.join(x, y, mentions);
            }
        }
    }
    let roots: Vec<usize> = (0..count).filter(|&i| groups.find(i) == i).collect();
    let mut out: Vec<Vec<usize>> = roots
        .into_iter()
        .map(|root| {
            let mut members = std::mem::take(&mut groups.members[root]);
            members.sort_unstable();
            members
        })
        .collect();
    out.sort();
    out
}

/// Chains up to this size are cut by total link strength between groups (cubic in the size);
/// larger ones by their single strongest links (quadratic), so one giant chain cannot stall
/// ingest.
pub const AVERAGE_UP_TO: usize = 300;

fn pair_keys(mentions: &[Mention], i: usize, j: usize) -> (&str, &str) {
    let (a, b) = (mentions[i].key.as_str(), mentions[j].key.as_str());
    if a <= b { (a, b) } else { (b, a) }
}

/// Union-find that keeps each root's members, the link strength between roots and whether a
/// conflict lies between them, updated as groups join.
struct Groups {
    count: usize,
    parent: Vec<usize>,
    members: Vec<Vec<usize>>,
    /// Each root's member with the smallest key, for tie-breaking.
    smallest: Vec<usize>,
    strength: Vec<u32>,
    conflict: Vec<bool>,
}

impl Groups {
    fn new(count: usize, apart: &[bool], links: &[(u32, usize, usize)]) -> Groups {
        let mut strength = vec![0; count * count];
        for &(link, i, j) in links {
            strength[i * count + j] += link;
            strength[j * count + i] += link;
        }
        Groups {
            count,
            parent: (0..count).collect(),
            members: (0..count).map(|i| vec![i]).collect(),
            smallest: (0..count).collect(),
            strength,
            conflict: apart.to_vec(),
        }
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    /// The two roots with the most strength between them and no conflict; on equal strength
    /// the pair with the smaller keys, so the cut is one function of the set.
    fn best_pair(&self, mentions: &[Mention]) -> Option<(usize, usize)> {
        let roots: Vec<usize> = (0..self.count).filter(|&i| self.parent[i] == i).collect();
        let mut best: Option<(u32, (&str, &str), usize, usize)> = None;
        for (at, &x) in roots.iter().enumerate() {
            for &y in &roots[at + 1..] {
                let link = self.strength[x * self.count + y];
                if link == 0 || self.conflict[x * self.count + y] {
                    continue;
                }
                let key = |root: usize| mentions[self.smallest[root]].key.as_str();
                let keys = (key(x), key(y));
                let keys = if keys.0 <= keys.1 { keys } else { (keys.1, keys.0) };
                let better = best.as_ref().is_none_or(|&(top, top_keys, _, _)| {
                    link > top || (link == top && keys < top_keys)
                });
                if better {
                    best = Some((link, keys, x, y));
                }
            }
        }
        best.map(|(_, _, x, y)| (x, y))
    }

    fn join(&mut self, a: usize, b: usize, mentions: &[Mention]) {
        let (a, b) = (self.find(a), self.find(b));
        if a == b {
            return;
        }
        // The larger group absorbs the smaller, so members move O(n log n) times in all.
        let (keep, gone) =
            if self.members[a].len() >= self.members[b].len() { (a, b) } else { (b, a) };
        let moved = std::mem::take(&mut self.members[gone]);
        self.members[keep].extend(moved);
        self.parent[gone] = keep;
        if mentions[self.smallest[gone]].key < mentions[self.smallest[keep]].key {
            self.smallest[keep] = self.smallest[gone];
        }
        let n = self.count;
        for other in 0..n {
            self.strength[keep * n + other] += self.strength[gone * n + other];
            self.strength[other * n + keep] = self.strength[keep * n + other];
            let conflict = self.conflict[keep * n + other] || self.conflict[gone * n + other];
            self.conflict[keep * n + other] = conflict;
            self.conflict[other * n + keep] = conflict;
        }
    }
}
