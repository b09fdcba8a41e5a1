//! An alignment close to the best, for groups the exact search cannot take: its candidates grow
//! as 2^people (a class of 30 marking one passage alike has 2³⁰ of them, and pygamma-agreement
//! enumerates (units + 1)^people tuples), while a class's γ is wanted in a browser, at once.
//!
//! Written with the affinity w = 1 − d of two units of different people, a unitary alignment of
//! units `a` has disorder 1 − Σ w / P over its pairs, P the number of pairs of people: every pair
//! with an empty side costs Δ∅ = 1, every pair of units d = 1 − w. With many people the Δ∅ terms
//! dominate: a best alignment has as few groups as it can, each holding one unit of as many
//! people as will fit, which is what a progressive alignment (as of many sequences) builds:
//! each person's units placed in turn, in text order, where they save most; then each person's
//! units placed again while that lowers the total; then single units moved or swapped between
//! groups while that lowers it.
//!
//! The result is an alignment, so its disorder is never below the best one's: a figure from it
//! errs towards disagreement. How far it errs is measured against pygamma's exact alignment on
//! classes of 10, 20 and 30 people (`tests/fixtures/gamma/class.json`).

use super::unit::{dissimilarity, Unit};

/// A unit of the continuum with its person.
struct Placed {
    unit: Unit,
    person: usize,
}

/// The total disorder (not yet divided by the mean number of units per person) of an alignment
/// of `people`'s units (each person's distinct) close to the best, or `None` when its units make
/// more than `pair_budget` pairs.
pub(super) fn disorder(people: &[Vec<Unit>], pair_budget: &mut usize) -> Option<f64> {
    let placed: Vec<Placed> =
        people.iter().enumerate().flat_map(|(person, units)| units.iter().map(move |&unit| Placed { unit, person })).collect();
    *pair_budget = pair_budget.checked_sub(placed.len() * placed.len().saturating_sub(1) / 2)?;
    let pairs = (people.len() * (people.len() - 1) / 2) as f64;
    let affinities = Affinities::of(&placed);
    let mut alignment = Alignment::found(&placed, &affinities, people.len(), pairs);
    alignment.improve(&placed, &affinities, pairs);
    Some(alignment.disorder(&placed, pairs))
}

/// The affinity of two units.
fn affinity(a: &Unit, b: &Unit) -> f64 {
    1.0 - dissimilarity(a, b)
}

/// Every pair of units' affinity, computed once: the search reads each many times. In 32 bits,
/// as a guide; the disorder returned is counted again in full precision.
struct Affinities {
    units: usize,
    values: Vec<f32>,
}

impl Affinities {
    fn of(placed: &[Placed]) -> Affinities {
        let units = placed.len();
        let mut values = vec![0.0; units * units];
        for a in 0..units {
            for b in a + 1..units {
                let w = affinity(&placed[a].unit, &placed[b].unit) as f32;
                values[a * units + b] = w;
                values[b * units + a] = w;
            }
        }
        Affinities { units, values }
    }

    fn row(&self, unit: usize) -> &[f32] {
        &self.values[unit * self.units..(unit + 1) * self.units]
    }

    /// Σ w between `unit` and `group`'s units other than itself and `except`.
    fn with(&self, unit: usize, group: &[usize], except: usize) -> f64 {
        let row = self.row(unit);
        group.iter().filter(|&&v| v != unit && v != except).map(|&v| f64::from(row[v])).sum()
    }
}

/// An alignment: each unit's group (unitary alignment) and each group's units.
struct Alignment {
    group_of: Vec<usize>,
    groups: Vec<Vec<usize>>,
}

impl Alignment {
    /// Each person's units placed in turn (the people with most units first), then each
    /// person's units taken out and placed again while that lowers the total.
    fn found(placed: &[Placed], affinities: &Affinities, people: usize, pairs: f64) -> Alignment {
        const ROUNDS: usize = 4;
        let mut units_of: Vec<Vec<usize>> = vec![Vec::new(); people];
        placed.iter().enumerate().for_each(|(index, unit)| units_of[unit.person].push(index));
        units_of.iter_mut().for_each(|units| units.sort_by(|&a, &b| placed[a].unit.start.total_cmp(&placed[b].unit.start)));
        let mut order: Vec<usize> = (0..people).collect();
        order.sort_by_key(|&person| std::cmp::Reverse(units_of[person].len()));
        let mut alignment = Alignment { group_of: vec![usize::MAX; placed.len()], groups: Vec::new() };
        for &person in &order {
            alignment.place(&units_of[person], placed, affinities, pairs);
        }
        let mut disorder = alignment.disorder(placed, pairs);
        for _ in 0..ROUNDS {
            let before = (alignment.group_of.clone(), alignment.groups.clone());
            for &person in &order {
                units_of[person].iter().for_each(|&u| alignment.take_out(u));
                alignment.groups.retain(|g| !g.is_empty());
                alignment.renumber();
                alignment.place(&units_of[person], placed, affinities, pairs);
            }
            let now = alignment.disorder(placed, pairs);
            if now >= disorder - 1e-12 {
                (alignment.group_of, alignment.groups) = before;
                break;
            }
            disorder = now;
        }
        alignment
    }

    /// Places one person's `units` (in text order, none of them placed) into the groups taken in
    /// the order of their first unit, keeping both orders (a sequence alignment): the placement
    /// that saves most, where a unit joining a group saves 1 (a group fewer) and Σ w / P over
    /// the group's units; a unit placed nowhere is a group of its own.
    fn place(&mut self, units: &[usize], placed: &[Placed], affinities: &Affinities, pairs: f64) {
        let mut groups: Vec<usize> = (0..self.groups.len()).filter(|&g| !self.groups[g].is_empty()).collect();
        let first = |g: usize| self.groups[g].iter().map(|&u| placed[u].unit.start).fold(f64::INFINITY, f64::min);
        groups.sort_by(|&a, &b| first(a).total_cmp(&first(b)));
        let columns = groups.len() + 1;
        // best[i][j]: the most saved with the first i units and the first j groups.
        let mut best = vec![0.0; (units.len() + 1) * columns];
        for i in 1..=units.len() {
            for j in 1..columns {
                let saving = 1.0 + affinities.with(units[i - 1], &self.groups[groups[j - 1]], usize::MAX) / pairs;
                let joined = best[(i - 1) * columns + j - 1] + saving.max(0.0);
                best[i * columns + j] = joined.max(best[(i - 1) * columns + j]).max(best[i * columns + j - 1]);
            }
        }
        let (mut i, mut j) = (units.len(), groups.len());
        while i > 0 {
            let here = best[i * columns + j];
            if j > 0 && here == best[i * columns + j - 1] {
                j -= 1;
            } else if j == 0 || here == best[(i - 1) * columns + j] {
                self.group_of[units[i - 1]] = self.groups.len();
                self.groups.push(vec![units[i - 1]]);
                i -= 1;
            } else {
                self.group_of[units[i - 1]] = groups[j - 1];
                self.groups[groups[j - 1]].push(units[i - 1]);
                i -= 1;
                j -= 1;
            }
        }
    }

    /// Moves single units to the group (or a group of their own) that lowers the total most, and
    /// swaps a unit with the same person's unit in another group where that lowers it, until no
    /// move does (or a fixed number of rounds: the result is an alignment either way).
    fn improve(&mut self, placed: &[Placed], affinities: &Affinities, pairs: f64) {
        const ROUNDS: usize = 8;
        let (mut with, mut holds) = (Vec::new(), Vec::new());
        // Σ w from each unit to the rest of its group, kept as units move.
        let mut inside: Vec<f64> = (0..placed.len()).map(|u| affinities.with(u, &self.groups[self.group_of[u]], u)).collect();
        for _ in 0..ROUNDS {
            let mut moved = false;
            for u in 0..placed.len() {
                let home = self.group_of[u];
                // Σ w from `u` to each group, and which group holds another unit of its person.
                with.clear();
                with.resize(self.groups.len(), 0.0);
                holds.clear();
                holds.resize(self.groups.len(), usize::MAX);
                for (v, w) in affinities.row(u).iter().enumerate() {
                    if v != u {
                        with[self.group_of[v]] += f64::from(*w);
                        if placed[v].person == placed[u].person {
                            holds[self.group_of[v]] = v;
                        }
                    }
                }
                let alone_at_home = self.groups[home].len() == 1;
                let stay = if alone_at_home { 1.0 } else { -inside[u] / pairs };
                // (gain, the group to go to or `None` for one of its own, the unit to swap)
                let mut best: Option<(f64, Option<usize>, Option<usize>)> = None;
                if !alone_at_home && stay > 1.0 + 1e-12 {
                    best = Some((stay - 1.0, None, None));
                }
                // Whatever `v` adds at `u`'s home, it is at most the rest of home's size.
                let most_at_home = (self.groups[home].len() - 1) as f64 / pairs;
                for g in (0..self.groups.len()).filter(|&g| g != home && !self.groups[g].is_empty()) {
                    let gain = match holds[g] {
                        usize::MAX => stay + with[g] / pairs,
                        _ if alone_at_home || self.groups[g].len() == 1 => continue,
                        v => {
                            // `v` comes home in `u`'s place.
                            let u_goes = -(with[g] - f64::from(affinities.row(u)[v])) / pairs;
                            let partial = stay - inside[v] / pairs - u_goes;
                            if partial + most_at_home <= 1e-9 {
                                continue;
                            }
                            partial + affinities.with(v, &self.groups[home], u) / pairs
                        }
                    };
                    if gain > 1e-9 && best.is_none_or(|(b, _, _)| gain > b) {
                        best = Some((gain, Some(g), (holds[g] != usize::MAX).then_some(holds[g])));
                    }
                }
                let Some((_, to, swapped)) = best else { continue };
                self.shift(u, to, affinities, &mut inside);
                if let Some(v) = swapped {
                    self.shift(v, Some(home), affinities, &mut inside);
                }
                moved = true;
            }
            if !moved {
                break;
            }
        }
    }

    /// Moves `u` to group `to` (`None`: one of its own), keeping each unit's Σ w within its group.
    fn shift(&mut self, u: usize, to: Option<usize>, affinities: &Affinities, inside: &mut [f64]) {
        let row = affinities.row(u);
        for &x in &self.groups[self.group_of[u]] {
            inside[x] -= f64::from(row[x]);
        }
        self.take_out(u);
        let to = to.unwrap_or_else(|| {
            self.groups.push(Vec::new());
            self.groups.len() - 1
        });
        inside[u] = 0.0;
        for &x in &self.groups[to] {
            inside[x] += f64::from(row[x]);
            inside[u] += f64::from(row[x]);
        }
        self.groups[to].push(u);
        self.group_of[u] = to;
    }

    fn take_out(&mut self, u: usize) {
        let group = &mut self.groups[self.group_of[u]];
        group.retain(|&v| v != u);
        self.group_of[u] = usize::MAX;
    }

    /// Numbers the groups again after empty ones were dropped.
    fn renumber(&mut self) {
        for (number, group) in self.groups.iter().enumerate() {
            group.iter().for_each(|&u| self.group_of[u] = number);
        }
    }

    /// The total disorder of the alignment, every pair counted exactly.
    fn disorder(&self, placed: &[Placed], pairs: f64) -> f64 {
        self.groups
            .iter()
            .filter(|g| !g.is_empty())
            .map(|g| {
                let with: f64 = g
                    .iter()
                    .enumerate()
                    .flat_map(|(i, &u)| g[i + 1..].iter().map(move |&v| (u, v)))
                    .map(|(u, v)| affinity(&placed[u].unit, &placed[v].unit))
                    .sum();
                1.0 - with / pairs
            })
            .sum()
    }
}
