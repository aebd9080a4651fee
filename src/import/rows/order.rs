//! Phase 3: the framework's levels, lowest first.

use super::cells::{At, Problems};
use super::gather::Gathered;

/// Phase 3: the framework's levels, lowest first: every competency's and every track's levels
/// in the order the rows give them, and by first appearance where they leave a choice. A level
/// that one competency or track puts above another and another below it is a problem, at the
/// row that contradicts the order.
pub(super) fn level_order(problems: &mut Problems, gathered: &Gathered) -> Vec<usize> {
    let levels = &gathered.levels;
    let n = levels.len();
    // Each ladder the rows give, with its name in messages and where each level first appears.
    let mut ladders: Vec<(String, Vec<(usize, At)>)> = gathered
        .competencies
        .iter()
        .map(|c| {
            (
                format!("competency {:?}", c.id),
                c.levels
                    .iter()
                    .map(|&l| {
                        let l = &gathered.competency_levels[l];
                        (l.level, l.at)
                    })
                    .collect(),
            )
        })
        .collect();
    // A levels sheet lists its levels lowest first; they are the first levels gathered.
    let listed = gathered.tables.levels.items.len();
    if listed > 1 {
        ladders.push((
            "the levels sheet".to_string(),
            (0..listed)
                .map(|l| (l, gathered.levels[l].name_at))
                .collect(),
        ));
    }
    ladders.extend(
        gathered
            .track_ladders()
            .into_iter()
            .zip(&gathered.tracks)
            .map(|(ladder, t)| (format!("track {:?}", t.id), ladder)),
    );
    let mut after: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut before_count = vec![0usize; n];
    for (_, ladder) in &ladders {
        for pair in ladder.windows(2) {
            after[pair[0].0].push(pair[1].0);
            before_count[pair[1].0] += 1;
        }
    }
    let mut placed = vec![false; n];
    let mut order = Vec::with_capacity(n);
    // Levels are numbered by first appearance: the lowest free one goes next.
    let mut free: std::collections::BTreeSet<usize> =
        (0..n).filter(|&l| before_count[l] == 0).collect();
    while let Some(next) = free.pop_first() {
        placed[next] = true;
        order.push(next);
        for &b in &after[next] {
            before_count[b] -= 1;
            if before_count[b] == 0 {
                free.insert(b);
            }
        }
    }
    if order.len() < n {
        // The ladders disagree: finish by first appearance and name every row that goes
        // against that order.
        order.extend((0..n).filter(|&l| !placed[l]));
        let mut rank = vec![0; n];
        for (position, &l) in order.iter().enumerate() {
            rank[l] = position;
        }
        for (name, ladder) in &ladders {
            for pair in ladder.windows(2) {
                if rank[pair[1].0] < rank[pair[0].0] {
                    problems.error(
                        pair[1].1,
                        format!(
                            "level {:?} comes after {:?} for {name}, but earlier rows put it below {:?}; give every competency's and track's levels lowest first",
                            levels[pair[1].0].id,
                            levels[pair[0].0].id,
                            levels[pair[0].0].id
                        ),
                    );
                }
            }
        }
    }
    order
}
