//! Sharing independent pieces of work between threads.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// `work` applied to every item, each handed over, on up to `threads` threads, each taking the next item as it
/// finishes one; the results come in the items' order, each put straight into the slot its item was taken from.
/// With one thread or one item the work runs on the caller's thread. A panic in `work` is carried on in the
/// caller once every thread has stopped.
pub fn map_in_order<T: Send, R: Send>(
    items: Vec<T>,
    threads: usize,
    work: impl Fn(T) -> R + Sync,
) -> Vec<R> {
    let threads = threads.min(items.len());
    if threads <= 1 {
        return items.into_iter().map(work).collect();
    }
    let slots: Vec<Mutex<Slot<T, R>>> = items
        .into_iter()
        .map(|item| Mutex::new(Slot::Waiting(item)))
        .collect();
    let next = AtomicUsize::new(0);
    let run = || {
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some(slot) = slots.get(index) else {
                return;
            };
            let taken = slot
                .lock()
                .map(|mut slot| std::mem::replace(&mut *slot, Slot::Working));
            if let Ok(Slot::Waiting(item)) = taken {
                let result = work(item);
                if let Ok(mut slot) = slot.lock() {
                    *slot = Slot::Done(result);
                }
            }
        }
    };
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads).map(|_| scope.spawn(run)).collect();
        let panics: Vec<_> = handles
            .into_iter()
            .filter_map(|handle| handle.join().err())
            .collect();
        if let Some(panic) = panics.into_iter().next() {
            std::panic::resume_unwind(panic);
        }
    });
    slots
        .into_iter()
        .filter_map(|slot| match slot.into_inner() {
            Ok(Slot::Done(result)) => Some(result),
            _ => None,
        })
        .collect()
}

/// An item waiting for a thread, being worked on, or its result.
enum Slot<T, R> {
    Waiting(T),
    Working,
    Done(R),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_the_items_order_on_any_number_of_threads() {
        let items: Vec<u64> = (0..1000).collect();
        for threads in [0, 1, 2, 8, 2000] {
            let squares = map_in_order(items.clone(), threads, |n| n * n);
            assert_eq!(squares, items.iter().map(|n| n * n).collect::<Vec<_>>());
        }
        assert!(map_in_order(Vec::<u64>::new(), 4, |n| n).is_empty());
    }

    #[test]
    fn a_panic_in_the_work_reaches_the_caller() {
        let items: Vec<u32> = (0..100).collect();
        let outcome = std::panic::catch_unwind(|| {
            map_in_order(items, 4, |n| {
                assert!(n != 57, "item 57");
                n
            })
        });
        let panic = outcome.unwrap_err();
        let message = panic
            .downcast_ref::<&str>()
            .copied()
            .or_else(|| panic.downcast_ref::<String>().map(String::as_str));
        assert_eq!(message, Some("item 57"));
    }
}
