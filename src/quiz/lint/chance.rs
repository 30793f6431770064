//! How likely a count is by chance: the upper tail of a sum of independent yes/no trials.

/// Above this many steps (trials times hits), the exact sum gives way to Hoeffding's bound.
const EXACT_WORK: usize = 4_000_000;

/// The probability of at least `hits` successes among independent trials whose chances of success are
/// `chances` (a Poisson-binomial tail; with equal chances, the binomial test).
///
/// Exact for the sizes quiz files have; for huge inputs it returns Hoeffding's upper bound instead, which can
/// only make a cue look more likely by chance, never less.
pub fn at_least(chances: &[f64], hits: usize) -> f64 {
    if hits == 0 {
        return 1.0;
    }
    if hits > chances.len() {
        return 0.0;
    }
    if chances.len().saturating_mul(hits) > EXACT_WORK {
        return hoeffding(chances, hits);
    }
    let mut exactly = vec![0.0; hits];
    exactly[0] = 1.0;
    for &chance in chances {
        for count in (0..hits).rev() {
            let from_below = if count > 0 {
                exactly[count - 1] * chance
            } else {
                0.0
            };
            exactly[count] = exactly[count] * (1.0 - chance) + from_below;
        }
    }
    (1.0 - exactly.iter().sum::<f64>()).clamp(0.0, 1.0)
}

/// Hoeffding's bound on the same tail: `exp(-2 t² / n)` for `t` hits above the expected number.
fn hoeffding(chances: &[f64], hits: usize) -> f64 {
    let expected: f64 = chances.iter().sum();
    let excess = hits as f64 - expected;
    if excess <= 0.0 {
        return 1.0;
    }
    (-2.0 * excess * excess / chances.len() as f64).exp()
}

/// The number of successes expected by chance.
pub fn expected(chances: &[f64]) -> f64 {
    chances.iter().sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_binomial_tail() {
        let fair = [0.5; 4];
        assert!((at_least(&fair, 4) - 1.0 / 16.0).abs() < 1e-12);
        assert!((at_least(&fair, 3) - 5.0 / 16.0).abs() < 1e-12);
        assert_eq!(at_least(&fair, 0), 1.0);
        assert_eq!(at_least(&fair, 5), 0.0);
    }

    #[test]
    fn mixes_unequal_chances() {
        let chances = [0.25, 0.5];
        assert!((at_least(&chances, 2) - 0.125).abs() < 1e-12);
        assert!((at_least(&chances, 1) - (1.0 - 0.75 * 0.5)).abs() < 1e-12);
    }

    #[test]
    fn the_second_longest_in_forty_of_seventy_five_is_no_accident() {
        assert!(at_least(&[0.25; 75], 40) < 1e-6);
        assert!(at_least(&[0.25; 75], 20) > 0.3);
    }

    #[test]
    fn huge_inputs_fall_back_to_a_bound_that_stays_a_probability() {
        let chances = vec![0.25; 100_000];
        let bound = at_least(&chances, 60_000);
        assert!((0.0..1e-6).contains(&bound));
        assert_eq!(at_least(&chances, 20_000), 1.0);
    }
}
