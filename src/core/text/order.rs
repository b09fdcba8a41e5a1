//! Lists and maps put in order with one copy of a sort for all of them. The standard library's
//! `sort_by` is a copy of its sort in the wasm for every element type and comparison it is
//! given, and so is collecting into a `BTreeMap` (it sorts the pairs first): 2–4 KB each, and
//! the first screen's module held ten. Lists are sorted here by a sort of positions every caller
//! shares, and maps are built by inserting, which sorts nothing.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// Sorts `items` by `compare`, stably: items that compare equal keep their order.
pub fn sort_stably_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let order = order_of(items.len(), &|a, b| compare(&items[a], &items[b]));
    move_into_order(items, &order);
}

/// The positions `0..len` in the order `compare` puts them, equal ones as they were: the one
/// sort every list shares.
#[inline(never)]
fn order_of(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Moves the item at `order[i]` to position `i`, for every `i`, by following each cycle of the
/// permutation with swaps (nothing is cloned).
fn move_into_order<T>(items: &mut [T], order: &[usize]) {
    let mut placed = vec![false; order.len()];
    for start in 0..order.len() {
        let mut at = start;
        while !placed[at] {
            placed[at] = true;
            let from = order[at];
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

/// A map of `pairs`, the last of equal keys kept (as `collect` keeps it), built without
/// `collect`'s sort.
pub fn map_of<K: Ord, V>(pairs: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    map.extend(pairs);
    map
}

/// A set of `items`, built without `collect`'s sort.
pub fn set_of<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    set.extend(items);
    set
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_items_keep_their_order() {
        let mut items = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')];
        sort_stably_by(&mut items, |a, b| a.0.cmp(&b.0));
        assert_eq!(items, vec![(0, 'd'), (1, 'b'), (1, 'e'), (2, 'a'), (2, 'c')]);
        let mut none: Vec<u8> = Vec::new();
        sort_stably_by(&mut none, u8::cmp);
        assert!(none.is_empty());
    }

    #[test]
    fn a_map_keeps_the_last_of_equal_keys() {
        let map = map_of([("b", 1), ("a", 2), ("b", 3)]);
        assert_eq!(map.into_iter().collect::<Vec<_>>(), vec![("a", 2), ("b", 3)]);
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            /// The same order as the standard library's stable sort, whatever the list.
            #[test]
            fn sorts_as_the_standard_library_does(keys in proptest::collection::vec(0u8..6, 0..60)) {
                // Each item carries its place, so a change in the order of equal keys shows.
                let mut ours: Vec<(u8, usize)> = keys.iter().copied().zip(0..).collect();
                let mut theirs = ours.clone();
                sort_stably_by(&mut ours, |a, b| a.0.cmp(&b.0));
                theirs.sort_by_key(|a| a.0);
                prop_assert_eq!(ours, theirs);
            }

            /// The same map and set as `collect` makes.
            #[test]
            fn maps_and_sets_as_collect_does(pairs in proptest::collection::vec((0u8..8, 0u16..100), 0..40)) {
                prop_assert_eq!(map_of(pairs.clone()), pairs.iter().copied().collect::<BTreeMap<_, _>>());
                prop_assert_eq!(set_of(pairs.clone()), pairs.into_iter().collect::<BTreeSet<_>>());
            }
        }
    }
}
