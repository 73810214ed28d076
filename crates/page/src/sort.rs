//! The core's sorts, all through one instance of the standard library's sort.
//!
//! `slice::sort*` is generic over the element and the comparison, so each call site compiled
//! its own copy of the sort (driftsort or ipnsort with their small-sort networks, 2.5 to 9 KB
//! each in the WASM module, about 33 KB for our seven sites). Here the standard sort runs on
//! positions (`u32`) with a comparison behind `dyn`, one copy for every site; the elements are
//! then moved into that order; short lists, the commonest (an element's attributes), are sorted
//! in place by insertion instead, which needs no allocation. Both are stable, so a site that sorted unstably gets the same
//! result wherever equal elements are alike (integers, tuples of them), which is all of them.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, stably (as `slice::sort_by`).
pub fn sort_by<T>(v: &mut Vec<T>, mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() <= SHORT {
        insertion_sort(v, &mut cmp);
        return;
    }
    let order = sorted_positions(v.len(), &mut |a, b| cmp(&v[a], &v[b]));
    let mut old: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    v.extend(order.into_iter().map(|i| old[i as usize].take().expect("each position once")));
}

/// The longest list sorted by insertion (its quadratic cost stays below the positions' two
/// allocations up to about here).
const SHORT: usize = 16;

/// Sorts a short `v` in place, stably: each element moves left past the greater ones.
fn insertion_sort<T>(v: &mut [T], cmp: &mut impl FnMut(&T, &T) -> Ordering) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && cmp(&v[j - 1], &v[j]) == Ordering::Greater {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Sorts `v` by `key`, stably (as `slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in ascending order (as `slice::sort`, or `sort_unstable` for elements whose equal
/// values are alike).
pub fn sort<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, T::cmp);
}

/// The positions `0..len` in the order `cmp` gives them, equal ones in their first order: the
/// one place the standard sort is compiled (not generic, so not copied per caller).
fn sorted_positions(len: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<u32> {
    let len = u32::try_from(len).expect("a sorted list holds fewer than 2^32 elements");
    let mut order: Vec<u32> = (0..len).collect();
    order.sort_by(|&a, &b| cmp(a as usize, b as usize));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_library() {
        let mut rng = 12345u64;
        for len in 0..200 {
            let mut v: Vec<(u8, u32)> = (0..len)
                .map(|i| {
                    rng = rng.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    ((rng >> 60) as u8, i)
                })
                .collect();
            let mut want = v.clone();
            want.sort_by_key(|&(k, _)| k);
            sort_by_key(&mut v, |&(k, _)| k);
            assert_eq!(v, want, "stable by key, length {len}");
            let mut strings: Vec<String> =
                v.iter().map(|(k, i)| format!("{k}-{}", i % 7)).collect();
            let mut want = strings.clone();
            want.sort_unstable();
            sort(&mut strings);
            assert_eq!(strings, want, "ascending, length {len}");
        }
    }
}
