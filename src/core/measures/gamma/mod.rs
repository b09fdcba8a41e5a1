//! Mathet, Widlöcher and Métivier's γ (Computational Linguistics 41(3), 2015): agreement on
//! spans whose boundaries differ, as `pygamma-agreement` computes it with its defaults. Each
//! person's spans are units; the best alignment groups them into unitary alignments (at most one
//! unit of each person, the missing ones empty) at the least total disorder, and γ is 1 − the
//! observed disorder / the disorder expected by chance, estimated over random continua drawn
//! from the same statistics (the number of units per person, the gaps between them, their
//! lengths, the share of each category).
//!
//! The dissimilarity of two units is positional plus categorical: ((|Δstart| + |Δend|) /
//! (length₁ + length₂))² + (0 if the categories are equal, else 1), and against an empty unit
//! one. A unitary alignment's disorder is the mean dissimilarity of its pairs; an alignment's,
//! the sum of its unitary alignments' over the mean number of units per person. The best
//! alignment is found exactly (a set partition, solved by branch and bound where pygamma uses
//! an integer program), among the unitary alignments pygamma keeps (Mathet et al. §5.1.1).
//!
//! A group too large for the exact search (more than `EXACT_PEOPLE` people, or beyond its budget)
//! is aligned progressively instead (`progressive`): an alignment close to the best, never
//! better, whose γ is said as approximate. On pygamma's exact alignments of classes of 10, 20 and
//! 30 its disorder is at most `APPROXIMATION` (relative) above the best; since the chance
//! estimate's random continua are aligned the same way, γ then errs by at most about
//! `APPROXIMATION` × (1 − γ).
//!
//! The chance estimate cannot be pygamma's to the digit: its random continua come from numpy's
//! generator, these from a small seeded one of their own, so the two expected disorders are two
//! estimates of one quantity and differ by sampling error (the test states the tolerance).

/// How much work one γ may take before it gives up (`None`): the problem grows as the product
/// of everyone's number of units, and a browser tab must stay responsive. Counted in nodes of the
/// search for candidates (at most `CANDIDATE_NODES` for one continuum) and of the search for the
/// best alignment, over the observed continuum and every random one together. Measured natively
/// on this project's 2-core machine: a class of 6 with 8 passages each takes 26 ms; the most any
/// γ can take is about a second.
/// Beyond the exact search's budget, the progressive alignment takes at most `pairs` pairs of units near enough
/// to align, over every continuum together.
#[derive(Clone, Copy, Debug)]
struct Budget {
    candidate_nodes: usize,
    cover_steps: usize,
    pairs: usize,
}

const CANDIDATE_NODES: usize = 100_000;
const BUDGET: Budget = Budget { candidate_nodes: 1_000_000, cover_steps: 1_000_000, pairs: 12_000_000 };

/// The most people the exact search is tried for: its candidates grow as 2^people.
const EXACT_PEOPLE: usize = 8;

mod progressive;
mod unit;

use unit::dissimilarity;
pub use unit::Unit;

/// The most the progressive alignment's disorder is found above the best one's, relative, on the
/// classes of `tests/fixtures/gamma/class.json` (the test holds it there).
pub const APPROXIMATION: f64 = 0.02;

/// A candidate unitary alignment: the unit of each person (`None` for empty) and its disorder.
struct Candidate {
    units: Vec<Option<usize>>,
    disorder: f64,
}

/// Every unitary alignment that could be part of a best alignment, the all-empty one left out;
/// `None` beyond the budget. Pygamma keeps those within Mathet et al.'s bound (disorder ≤
/// the number of people); this keeps only those whose disorder is at most their number of units,
/// a subset holding every one a best alignment can use: one of more disorder costs more than its
/// units each aligned alone (disorder 1 apiece), so no best alignment has it, and the least total
/// disorder is the same.
fn candidates(people: &[Vec<Unit>], budget: &mut Budget) -> Option<Vec<Candidate>> {
    let n = people.len();
    let pairs = (n * (n - 1) / 2) as f64;
    let mut found = Vec::new();
    let mut chosen: Vec<Option<usize>> = Vec::with_capacity(n);
    // Depth first, person by person. No dissimilarity is negative, so a partial sum that already
    // exceeds what the units could allow once everyone is placed is cut off at once.
    #[allow(clippy::too_many_arguments)]
    fn extend(
        people: &[Vec<Unit>],
        chosen: &mut Vec<Option<usize>>,
        sum: f64,
        units: usize,
        found: &mut Vec<Candidate>,
        pairs: f64,
        budget: &mut Budget,
    ) -> bool {
        if budget.candidate_nodes == 0 {
            return false;
        }
        budget.candidate_nodes -= 1;
        let person = chosen.len();
        if person == people.len() {
            if units > 0 && sum <= pairs * units as f64 {
                found.push(Candidate { units: chosen.clone(), disorder: sum / pairs });
            }
            return true;
        }
        for option in people[person].iter().enumerate().map(|(i, _)| Some(i)).chain([None]) {
            let added: f64 = chosen
                .iter()
                .enumerate()
                .map(|(other, unit)| match (option, unit) {
                    (Some(a), Some(b)) => dissimilarity(&people[person][a], &people[other][*b]),
                    _ => 1.0,
                })
                .sum();
            let units = units + usize::from(option.is_some());
            let most_units = units + (people.len() - person - 1);
            if sum + added <= pairs * most_units as f64 {
                chosen.push(option);
                let more = extend(people, chosen, sum + added, units, found, pairs, budget);
                chosen.pop();
                if !more {
                    return false;
                }
            }
        }
        true
    }
    extend(people, &mut chosen, 0.0, 0, &mut found, pairs, budget).then_some(found)
}

/// The least total disorder of unitary alignments that cover every unit exactly once; `None`
/// beyond the budget.
fn least_cover(people: &[Vec<Unit>], candidates: &[Candidate], budget: &mut Budget) -> Option<f64> {
    // Units numbered person by person; each candidate as the units it covers.
    let offsets: Vec<usize> = people.iter().scan(0, |at, units| Some(std::mem::replace(at, *at + units.len()))).collect();
    let total: usize = people.iter().map(Vec::len).sum();
    let covers: Vec<Vec<usize>> =
        candidates.iter().map(|c| c.units.iter().enumerate().filter_map(|(p, u)| u.map(|u| offsets[p] + u)).collect()).collect();
    let mut containing: Vec<Vec<usize>> = vec![Vec::new(); total];
    for (index, units) in covers.iter().enumerate() {
        units.iter().for_each(|&u| containing[u].push(index));
    }
    // A lower bound per unit: the least share of a candidate's disorder it could carry.
    let share: Vec<f64> = (0..total)
        .map(|u| containing[u].iter().map(|&c| candidates[c].disorder / covers[c].len() as f64).fold(f64::INFINITY, f64::min))
        .collect();
    struct Search<'a> {
        candidates: &'a [Candidate],
        covers: &'a [Vec<usize>],
        containing: &'a [Vec<usize>],
        share: &'a [f64],
        /// The units of the component being solved.
        units: Vec<usize>,
        covered: Vec<bool>,
        best: f64,
        steps: usize,
    }
    impl Search<'_> {
        fn go(&mut self, cost: f64, remaining_bound: f64) -> bool {
            if self.steps == 0 {
                return false;
            }
            self.steps -= 1;
            if cost + remaining_bound >= self.best - 1e-12 {
                return true;
            }
            // The first uncovered unit, to branch on: every cover must cover it somehow.
            let fits = |c: usize, covered: &[bool]| self.covers[c].iter().all(|&u| !covered[u]);
            let next = self.units.iter().copied().find(|&u| !self.covered[u]);
            let Some(unit) = next else {
                self.best = cost;
                return true;
            };
            let mut options: Vec<usize> = self.containing[unit].iter().copied().filter(|&c| fits(c, &self.covered)).collect();
            options.sort_by(|a, b| {
                let per = |c: usize| self.candidates[c].disorder / self.covers[c].len() as f64;
                per(*a).total_cmp(&per(*b))
            });
            for c in options {
                let freed: f64 = self.covers[c].iter().map(|&u| self.share[u]).sum();
                self.covers[c].iter().for_each(|&u| self.covered[u] = true);
                let more = self.go(cost + self.candidates[c].disorder, remaining_bound - freed);
                self.covers[c].iter().for_each(|&u| self.covered[u] = false);
                if !more {
                    return false;
                }
            }
            true
        }
    }
    // Units that no candidate joins never meet: the alignment splits into components (a passage
    // and the spans around it), each solved alone, which keeps the search small.
    let mut root: Vec<usize> = (0..total).collect();
    fn find(root: &mut [usize], u: usize) -> usize {
        let mut at = u;
        while root[at] != at {
            root[at] = root[root[at]];
            at = root[at];
        }
        at
    }
    for units in &covers {
        for pair in units.windows(2) {
            let (a, b) = (find(&mut root, pair[0]), find(&mut root, pair[1]));
            root[a] = b;
        }
    }
    let mut components: std::collections::BTreeMap<usize, Vec<usize>> = std::collections::BTreeMap::new();
    for u in 0..total {
        let r = find(&mut root, u);
        components.entry(r).or_default().push(u);
    }
    let mut search = Search {
        candidates,
        covers: &covers,
        containing: &containing,
        share: &share,
        units: Vec::new(),
        covered: vec![false; total],
        best: f64::INFINITY,
        steps: budget.cover_steps,
    };
    let mut least = 0.0;
    for units in components.into_values() {
        let bound: f64 = units.iter().map(|&u| share[u]).sum();
        search.units = units;
        search.best = f64::INFINITY;
        if !search.go(0.0, bound) {
            return None;
        }
        least += search.best;
    }
    budget.cover_steps = search.steps;
    Some(least)
}

/// Why γ has no value: two different things a teacher is told apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Undefined {
    /// Fewer than two people, or no span at all: there is nothing to agree on.
    NoSpans,
    /// The alignment is beyond what a browser tab may spend on it (`Budget`).
    TooMany,
}

impl std::fmt::Display for Undefined {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Undefined::NoSpans => "undefined: no spans to compare",
            Undefined::TooMany => "not computed: too many spans to align in the browser",
        })
    }
}

/// The disorder of an alignment: the best one's (`exact`), or the progressive alignment's.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Disorder {
    pub value: f64,
    pub exact: bool,
}

impl Gamma {
    /// What a γ that is not exact is said with, beside its value.
    pub fn approximate(&self) -> Option<&'static str> {
        (!self.exact).then_some("approximate for a group this size")
    }
}

/// The disorder of the best alignment of `people`'s units (each person's list in any order; a
/// person may have none).
pub fn observed_disorder(people: &[Vec<Unit>]) -> Result<Disorder, Undefined> {
    disorder_within(people, &mut BUDGET.clone())
}

fn disorder_within(people: &[Vec<Unit>], budget: &mut Budget) -> Result<Disorder, Undefined> {
    let people: Vec<Vec<Unit>> = people.iter().map(|units| distinct(units)).collect();
    let total: usize = people.iter().map(Vec::len).sum();
    if people.len() < 2 || total == 0 {
        return Err(Undefined::NoSpans);
    }
    let per_person = total as f64 / people.len() as f64;
    if people.len() <= EXACT_PEOPLE {
        // One continuum takes at most its share of the candidate search, whatever is left overall.
        let mut this_one = Budget { candidate_nodes: budget.candidate_nodes.min(CANDIDATE_NODES), ..*budget };
        let found = candidates(&people, &mut this_one);
        budget.candidate_nodes -= budget.candidate_nodes.min(CANDIDATE_NODES) - this_one.candidate_nodes;
        if let Some(least) = found.and_then(|found| least_cover(&people, &found, budget)) {
            return Ok(Disorder { value: least / per_person, exact: true });
        }
    }
    let total = progressive::disorder(&people, &mut budget.pairs).ok_or(Undefined::TooMany)?;
    Ok(Disorder { value: total / per_person, exact: false })
}

/// A person's units as a set, sorted: pygamma keeps each person's units in a sorted set, so a
/// span marked twice alike counts once.
fn distinct(units: &[Unit]) -> Vec<Unit> {
    let mut sorted = units.to_vec();
    sorted.sort_by(|a, b| a.start.total_cmp(&b.start).then(a.end.total_cmp(&b.end)).then(a.category.cmp(&b.category)));
    sorted.dedup();
    sorted
}

/// γ and what it is made of; `exact` where every alignment was the best one, otherwise γ is
/// approximate (see the module's doc).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Gamma {
    pub gamma: f64,
    pub observed: f64,
    pub expected: f64,
    pub exact: bool,
}

/// γ of `people`'s units, the chance disorder estimated over `samples` random continua drawn
/// with `seed`; why not, where `observed_disorder` has none or a random continuum is too large
/// to align.
pub fn gamma(people: &[Vec<Unit>], samples: usize, seed: u64) -> Result<Gamma, Undefined> {
    Estimation::new(people.to_vec(), samples, seed).finished()
}

/// γ computed one alignment at a time, so that a browser can spread it over several tasks
/// rather than freeze while a class's 31 continua are aligned.
pub struct Estimation {
    people: Vec<Vec<Unit>>,
    statistics: Statistics,
    samples: usize,
    drawn: usize,
    random: Random,
    budget: Budget,
    /// The observed disorder, once aligned, and the sum of the random continua's so far.
    observed: Option<Disorder>,
    expected: f64,
    exact: bool,
    done: Option<Result<Gamma, Undefined>>,
}

impl Estimation {
    pub fn new(people: Vec<Vec<Unit>>, samples: usize, seed: u64) -> Estimation {
        let statistics = Statistics::of(&people);
        Estimation {
            people,
            statistics,
            samples,
            drawn: 0,
            random: Random::new(seed),
            budget: BUDGET,
            observed: None,
            expected: 0.0,
            exact: true,
            done: None,
        }
    }

    /// Every step taken at once: γ, or why not.
    pub fn finished(mut self) -> Result<Gamma, Undefined> {
        loop {
            if let Some(gamma) = self.step() {
                return gamma;
            }
        }
    }

    /// Aligns one more continuum (the observed one, then each random one); γ, or why not, once
    /// there is no more to do (and from then on).
    pub fn step(&mut self) -> Option<Result<Gamma, Undefined>> {
        if let Some(done) = self.done {
            return Some(done);
        }
        let finished = match self.observed {
            None => disorder_within(&self.people, &mut self.budget).map(|observed| {
                self.exact = observed.exact;
                self.observed = Some(observed);
                None
            }),
            Some(_) if self.drawn < self.samples => {
                let continuum = self.statistics.sample(&mut self.random);
                self.drawn += 1;
                disorder_within(&continuum, &mut self.budget).map(|one| {
                    self.expected += one.value / self.samples as f64;
                    self.exact &= one.exact;
                    None
                })
            }
            Some(observed) => {
                let gamma = if observed.value == 0.0 { 1.0 } else { 1.0 - observed.value / self.expected };
                Ok(Some(Gamma { gamma, observed: observed.value, expected: self.expected, exact: self.exact }))
            }
        };
        self.done = match finished {
            Ok(None) => return None,
            Ok(Some(gamma)) => Some(Ok(gamma)),
            Err(why) => Some(Err(why)),
        };
        self.done
    }
}

/// Mean and (population) standard deviation.
fn mean_and_deviation(values: &[f64]) -> (f64, f64) {
    let mean = values.iter().sum::<f64>() / values.len().max(1) as f64;
    let variance = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / values.len().max(1) as f64;
    (mean, variance.sqrt())
}

/// What pygamma's statistical sampler draws random continua from.
struct Statistics {
    people: usize,
    units: (f64, f64),
    gaps: (f64, f64),
    lengths: (f64, f64),
    /// Each category and its share of the units, categories in order.
    categories: Vec<(usize, f64)>,
}

impl Statistics {
    fn of(people: &[Vec<Unit>]) -> Statistics {
        let people_units: Vec<Vec<Unit>> = people.iter().map(|units| distinct(units)).collect();
        let mut gaps = vec![0.0];
        for units in &people_units {
            gaps.extend(units.windows(2).map(|w| w[1].start - w[0].end));
        }
        gaps.extend(people_units.iter().filter_map(|units| units.first()).filter(|u| u.start > 0.0).map(|u| u.start));
        let all: Vec<&Unit> = people_units.iter().flatten().collect();
        let lengths: Vec<f64> = all.iter().map(|u| u.end - u.start).collect();
        let counts: Vec<f64> = people_units.iter().map(|units| units.len() as f64).collect();
        let mut categories: Vec<(usize, f64)> = Vec::new();
        for unit in &all {
            match categories.iter_mut().find(|(c, _)| *c == unit.category) {
                Some((_, n)) => *n += 1.0,
                None => categories.push((unit.category, 1.0)),
            }
        }
        categories.sort_by_key(|(c, _)| *c);
        categories.iter_mut().for_each(|(_, n)| *n /= all.len() as f64);
        Statistics {
            people: people.len(),
            units: mean_and_deviation(&counts),
            gaps: mean_and_deviation(&gaps),
            lengths: mean_and_deviation(&lengths),
            categories,
        }
    }

    /// A random continuum, drawn as pygamma's `StatisticalContinuumSampler` draws one.
    fn sample(&self, random: &mut Random) -> Vec<Vec<Unit>> {
        let mut continuum: Vec<Vec<Unit>> = Vec::with_capacity(self.people);
        for _ in 0..self.people {
            let mut count = random.normal(self.units.0, self.units.1).trunc().abs() as usize;
            if continuum.iter().all(Vec::is_empty) {
                count = count.max(1);
            }
            let mut units = Vec::with_capacity(count);
            let mut last = 0.0;
            for _ in 0..count {
                let start = last + random.normal(self.gaps.0, self.gaps.1);
                let mut end = start + random.normal(self.lengths.0, self.lengths.1).abs();
                // Shorter than pyannote's segment precision is not a segment.
                while end - start < 1e-6 {
                    end = start + random.normal(self.lengths.0, self.lengths.1).abs();
                }
                let category = random.choose(&self.categories);
                units.push(Unit { start, end, category });
                last = end;
            }
            continuum.push(units);
        }
        continuum
    }
}

/// A small seeded generator (SplitMix64), so that the chance estimate is the same on every run.
struct Random(u64);

impl Random {
    fn new(seed: u64) -> Random {
        Random(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in (0, 1].
    fn uniform(&mut self) -> f64 {
        ((self.next() >> 11) as f64 + 1.0) / (1u64 << 53) as f64
    }

    /// Normal, by Box and Muller.
    fn normal(&mut self, mean: f64, deviation: f64) -> f64 {
        let (u, v) = (self.uniform(), self.uniform());
        mean + deviation * (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    }

    fn choose(&mut self, weighted: &[(usize, f64)]) -> usize {
        let mut left = self.uniform();
        for (value, weight) in weighted {
            if left <= *weight {
                return *value;
            }
            left -= weight;
        }
        weighted.last().map_or(0, |(value, _)| *value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(start: f64, end: f64, category: usize) -> Unit {
        Unit { start, end, category }
    }

    fn exact(value: f64) -> Result<Disorder, Undefined> {
        Ok(Disorder { value, exact: true })
    }

    #[test]
    fn identical_work_has_no_disorder_and_gamma_one() {
        let work = vec![unit(0.0, 10.0, 0), unit(20.0, 30.0, 1)];
        let people = vec![work.clone(), work.clone(), work];
        assert_eq!(observed_disorder(&people), exact(0.0));
        assert_eq!(gamma(&people, 5, 1).unwrap().gamma, 1.0);
    }

    #[test]
    fn a_unit_alone_costs_one_per_pair_over_the_mean_count() {
        // Two people, one unit each, far apart: aligning them costs more than leaving both
        // alone (1 each), so the disorder is 2 / (2 units / 2 people) = 2.
        let people = vec![vec![unit(0.0, 1.0, 0)], vec![unit(100.0, 101.0, 0)]];
        assert_eq!(observed_disorder(&people), exact(2.0));
        // Overlapping with another category: d = ((1 + 1) / 20)² + 1 = 1.01 < 2.
        let near = vec![vec![unit(0.0, 10.0, 0)], vec![unit(1.0, 11.0, 1)]];
        assert!((observed_disorder(&near).unwrap().value - 1.01).abs() < 1e-12);
        assert_eq!(observed_disorder(&[vec![unit(0.0, 1.0, 0)]]), Err(Undefined::NoSpans), "one person");
        assert_eq!(observed_disorder(&[vec![], vec![]]), Err(Undefined::NoSpans), "no unit");
    }

    #[test]
    fn a_class_of_thirty_gets_a_gamma_and_hundreds_are_too_many() {
        assert_eq!(gamma(&[vec![], vec![]], 5, 1), Err(Undefined::NoSpans));
        assert_eq!(gamma(&[vec![unit(0.0, 1.0, 0)]], 5, 1), Err(Undefined::NoSpans), "one person");
        // Thirty people, each with eight spans that all overlap each other's: beyond the exact
        // search, aligned progressively, eight groups of thirty (one per passage).
        let crowded: Vec<Vec<Unit>> =
            (0..30).map(|p| (0..8).map(|u| unit((u * 10 + p % 3) as f64, (u * 10 + 12 + p % 5) as f64, (p + u) % 3)).collect()).collect();
        let class = gamma(&crowded, 5, 1).unwrap();
        assert!(!class.exact);
        let groups: f64 = (0..8)
            .map(|u| {
                let units: Vec<&Unit> = crowded.iter().map(|p| &p[u]).collect();
                let with: f64 =
                    units.iter().enumerate().flat_map(|(i, a)| units[i + 1..].iter().map(move |b| 1.0 - dissimilarity(a, b))).sum();
                1.0 - with / 435.0
            })
            .sum();
        assert!(class.observed <= groups / 8.0 + 1e-12, "{class:?} against one group per passage, {}", groups / 8.0);
        // Four hundred people with thirty spans over one passage: more pairs than a tab may take.
        let hundreds: Vec<Vec<Unit>> =
            (0..400).map(|p| (0..30).map(|u| unit((u + p % 7) as f64, (u + 40) as f64, u % 3)).collect()).collect();
        assert_eq!(gamma(&hundreds, 5, 1), Err(Undefined::TooMany));
    }

    #[test]
    fn the_chance_estimate_is_the_same_for_the_same_seed() {
        let people = vec![vec![unit(0.0, 10.0, 0), unit(30.0, 35.0, 1)], vec![unit(2.0, 9.0, 0)], vec![unit(28.0, 36.0, 1)]];
        assert_eq!(gamma(&people, 10, 7), gamma(&people, 10, 7));
        assert_ne!(gamma(&people, 10, 7).unwrap().expected, gamma(&people, 10, 8).unwrap().expected);
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        fn continuum(people: std::ops::Range<usize>) -> impl Strategy<Value = Vec<Vec<Unit>>> {
            let unit = (0u32..120, 1u32..30, 0usize..3).prop_map(|(start, length, category)| Unit {
                start: start as f64,
                end: (start + length) as f64,
                category,
            });
            prop::collection::vec(prop::collection::vec(unit, 0..4), people)
        }

        proptest! {
            /// Where the exact search finishes, the progressive alignment is never better than
            /// the best, and never worse than every unit alone.
            #[test]
            fn the_progressive_alignment_is_never_below_the_best(people in continuum(2..6)) {
                let people: Vec<Vec<Unit>> = people.iter().map(|units| distinct(units)).collect();
                let total: usize = people.iter().map(Vec::len).sum();
                prop_assume!(total > 0);
                let best = observed_disorder(&people).unwrap();
                prop_assume!(best.exact);
                let per_person = total as f64 / people.len() as f64;
                let found = progressive::disorder(&people, &mut usize::MAX.clone()).unwrap() / per_person;
                prop_assert!(best.value <= found + 1e-9, "found {found} below the best {}", best.value);
                prop_assert!(found <= total as f64 / per_person + 1e-9);
            }
        }
    }
}
