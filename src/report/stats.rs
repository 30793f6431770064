//! The statistics of a score matrix (attempts x questions), as Moodle's quiz statistics define them: score
//! distribution, facility, discrimination and discriminative efficiency per question, Cronbach's alpha and the
//! standard error of measurement, and the figures Moodle adds to them: skewness and kurtosis of the scores, error
//! ratio and each question's effective weight. Sample variances (n - 1) throughout; a figure that is not defined
//! is `None`.

use serde::Serialize;

use super::scores::Scores;

/// The arithmetic mean (`None` for no values).
pub fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// The median (`None` for no values).
pub fn median(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let middle = sorted.len() / 2;
    Some(if sorted.len().is_multiple_of(2) {
        (sorted[middle - 1] + sorted[middle]) / 2.0
    } else {
        sorted[middle]
    })
}

/// The sample covariance of two equally long lists (`None` below two values).
pub fn covariance(a: &[f64], b: &[f64]) -> Option<f64> {
    let n = a.len().min(b.len());
    if n < 2 {
        return None;
    }
    let (mean_a, mean_b) = (mean(&a[..n])?, mean(&b[..n])?);
    let sum: f64 = a
        .iter()
        .zip(b)
        .map(|(x, y)| (x - mean_a) * (y - mean_b))
        .sum();
    Some(sum / (n - 1) as f64)
}

/// The sample variance (`None` below two values).
pub fn variance(values: &[f64]) -> Option<f64> {
    covariance(values, values)
}

/// The sample standard deviation (`None` below two values).
pub fn standard_deviation(values: &[f64]) -> Option<f64> {
    variance(values).map(f64::sqrt)
}

/// Below this a standard deviation is rounding noise: the list does not vary.
const NO_SPREAD: f64 = 1e-9;

/// The Pearson correlation, kept within -1..1 (`None` when either list does not vary).
pub fn correlation(a: &[f64], b: &[f64]) -> Option<f64> {
    let (sa, sb) = (standard_deviation(a)?, standard_deviation(b)?);
    if sa < NO_SPREAD || sb < NO_SPREAD {
        return None;
    }
    Some((covariance(a, b)? / (sa * sb)).clamp(-1.0, 1.0))
}

/// The score distribution of a group of attempts, in percent of the maximum.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Distribution {
    /// Number of attempts.
    pub n: usize,
    /// Mean score, percent.
    pub mean: Option<f64>,
    /// Median score, percent.
    pub median: Option<f64>,
    /// Sample standard deviation, percent.
    pub standard_deviation: Option<f64>,
    /// Lowest score, percent.
    pub min: Option<f64>,
    /// Highest score, percent.
    pub max: Option<f64>,
    /// Share of attempts at or above the pass mark (0-1).
    pub pass_rate: Option<f64>,
    /// Skewness of the scores, as Moodle defines it: k3 / k2^(3/2) (no unit; above 3 attempts that vary).
    pub skewness: Option<f64>,
    /// Excess kurtosis of the scores, as Moodle defines it: k4 / k2^2 (no unit; above 4 attempts that vary).
    pub kurtosis: Option<f64>,
    /// Attempts per tenth of the range: 0-10%, 10-20%, ..., 90-100% (100% counts in the last).
    pub histogram: [usize; 10],
}

impl Distribution {
    /// The distribution of `percents` against `pass_mark` (percent; `None` when unknown, and then no pass rate).
    pub fn of(percents: &[f64], pass_mark: Option<f64>) -> Self {
        let mut histogram = [0; 10];
        for p in percents {
            let bin = ((p / 10.0).floor().max(0.0) as usize).min(9);
            histogram[bin] += 1;
        }
        let passed = |mark: f64| percents.iter().filter(|p| **p + 1e-9 >= mark).count();
        Self {
            n: percents.len(),
            mean: mean(percents),
            median: median(percents),
            standard_deviation: standard_deviation(percents),
            min: percents.iter().copied().reduce(f64::min),
            max: percents.iter().copied().reduce(f64::max),
            pass_rate: pass_mark
                .filter(|_| !percents.is_empty())
                .map(|mark| passed(mark) as f64 / percents.len() as f64),
            skewness: skewness(percents),
            kurtosis: kurtosis(percents),
            histogram,
        }
    }
}

/// The k-statistic k2 and the central moments m2, m3, m4 (mean powers of the deviations from the mean) of
/// `values`; `None` below `least` values or when they do not vary.
fn moments(values: &[f64], least: usize) -> Option<(f64, [f64; 3])> {
    if values.len() < least {
        return None;
    }
    let n = values.len() as f64;
    let mean = mean(values)?;
    let [s2, s3, s4] = values.iter().fold([0.0; 3], |[s2, s3, s4], v| {
        let d = v - mean;
        [s2 + d * d, s3 + d * d * d, s4 + d * d * d * d]
    });
    let k2 = s2 / (n - 1.0);
    (k2.sqrt() >= NO_SPREAD).then_some((k2, [s2 / n, s3 / n, s4 / n]))
}

/// The skewness of `values` as Moodle's quiz statistics define it, from the k-statistics: k3 / k2^(3/2), with
/// k2 = n m2 / (n - 1) and k3 = n² m3 / ((n - 1)(n - 2)) (`None` below 3 values or when they do not vary).
pub fn skewness(values: &[f64]) -> Option<f64> {
    let (k2, [_, m3, _]) = moments(values, 3)?;
    let n = values.len() as f64;
    let k3 = n * n * m3 / ((n - 1.0) * (n - 2.0));
    Some(k3 / k2.powf(1.5))
}

/// The excess kurtosis of `values` as Moodle's quiz statistics define it: k4 / k2², with
/// k4 = n² ((n + 1) m4 - 3 (n - 1) m2²) / ((n - 1)(n - 2)(n - 3)) (`None` below 4 values or when they do not vary).
pub fn kurtosis(values: &[f64]) -> Option<f64> {
    let (k2, [m2, _, m4]) = moments(values, 4)?;
    let n = values.len() as f64;
    let k4 =
        n * n * ((n + 1.0) * m4 - 3.0 * (n - 1.0) * m2 * m2) / ((n - 1.0) * (n - 2.0) * (n - 3.0));
    Some(k4 / (k2 * k2))
}

/// One attempt's points per question, as the statistics read them.
pub trait ScoreRow {
    /// How many questions it has.
    fn questions(&self) -> usize;
    /// The points of question `q`, 0 beyond its questions.
    fn score(&self, q: usize) -> f64;
    /// The sum of its points, added in question order.
    fn total(&self) -> f64 {
        (0..self.questions()).map(|q| self.score(q)).sum()
    }
}

impl<T: AsRef<[f64]> + ?Sized> ScoreRow for T {
    fn questions(&self) -> usize {
        self.as_ref().len()
    }

    fn score(&self, q: usize) -> f64 {
        self.as_ref().get(q).copied().unwrap_or(0.0)
    }
}

impl ScoreRow for &Scores {
    fn questions(&self) -> usize {
        self.len()
    }

    fn score(&self, q: usize) -> f64 {
        self.get(q).unwrap_or(0.0)
    }
}

/// Each question's effective weight, in percent, as Moodle's quiz statistics define it: how much of the spread
/// of the totals the question accounts for, 100 x sqrt(cov(question, total)) / the sum of sqrt(cov(q, total))
/// over the questions whose covariance with the total is not negative. `None` for a question whose covariance is
/// negative (it works against the rest), and for every question when no covariance is positive.
pub fn effective_weights<R: ScoreRow>(matrix: &[R]) -> Vec<Option<f64>> {
    let p = matrix.first().map_or(0, ScoreRow::questions);
    let totals = totals(matrix);
    let covariances: Vec<Option<f64>> = (0..p)
        .map(|q| {
            let column: Vec<f64> = matrix.iter().map(|row| row.score(q)).collect();
            covariance(&column, &totals)
        })
        .collect();
    let root_sum: f64 = covariances
        .iter()
        .flatten()
        .filter(|c| **c >= 0.0)
        .map(|c| c.sqrt())
        .sum();
    covariances
        .into_iter()
        .map(|c| {
            c.filter(|c| *c >= 0.0 && root_sum > NO_SPREAD)
                .map(|c| 100.0 * c.sqrt() / root_sum)
        })
        .collect()
}

/// Where flags are raised in the item analysis.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Thresholds {
    /// Facility below this: too hard (or a wrong key).
    pub facility_low: f64,
    /// Facility above this: too easy.
    pub facility_high: f64,
    /// Discrimination index below this: the question does not tell strong from weak.
    pub discrimination_low: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Self {
            facility_low: 0.2,
            facility_high: 0.9,
            discrimination_low: 20.0,
        }
    }
}

/// Why a question deserves a look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    /// Facility below the low threshold.
    TooHard,
    /// Facility above the high threshold.
    TooEasy,
    /// Discrimination index below the threshold.
    LowDiscrimination,
}

/// The item analysis of one question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemStats {
    /// Number of attempts.
    pub n: usize,
    /// Mean score over full marks (0-1).
    pub facility: Option<f64>,
    /// Sample standard deviation of the score over full marks.
    pub standard_deviation: Option<f64>,
    /// 100 x the correlation between the question's score and the rest of the test.
    pub discrimination: Option<f64>,
    /// 100 x the covariance with the rest of the test over the largest covariance sorting can give.
    pub efficiency: Option<f64>,
    /// Share of the spread of the totals this question accounts for, percent (see [`effective_weights`]).
    pub effective_weight: Option<f64>,
    /// What to look at.
    pub flags: Vec<Flag>,
}

/// The item analysis of question `q` of `matrix` (rows are attempts), worth `max` points.
pub fn item<R: ScoreRow>(matrix: &[R], q: usize, max: f64, thresholds: &Thresholds) -> ItemStats {
    let totals = totals(matrix);
    let weight = effective_weights(matrix).get(q).copied().flatten();
    item_against(matrix, &totals, weight, q, max, thresholds)
}

/// The item analysis of every question of `matrix` (rows are attempts), question `q` worth `maxima[q]`
/// points: the same figures as [`item`] gives one at a time, with the totals and effective weights worked out
/// once rather than once per question.
pub fn items<R: ScoreRow>(matrix: &[R], maxima: &[f64], thresholds: &Thresholds) -> Vec<ItemStats> {
    let totals = totals(matrix);
    let weights = effective_weights(matrix);
    maxima
        .iter()
        .enumerate()
        .map(|(q, max)| {
            let weight = weights.get(q).copied().flatten();
            item_against(matrix, &totals, weight, q, *max, thresholds)
        })
        .collect()
}

/// Each attempt's total score.
fn totals<R: ScoreRow>(matrix: &[R]) -> Vec<f64> {
    matrix.iter().map(ScoreRow::total).collect()
}

/// The item analysis of question `q` of `matrix`, worth `max` points, given each attempt's total and the
/// question's effective weight.
fn item_against<R: ScoreRow>(
    matrix: &[R],
    totals: &[f64],
    effective_weight: Option<f64>,
    q: usize,
    max: f64,
    thresholds: &Thresholds,
) -> ItemStats {
    let scores: Vec<f64> = matrix.iter().map(|row| row.score(q)).collect();
    let rest: Vec<f64> = totals
        .iter()
        .zip(&scores)
        .map(|(total, score)| total - score)
        .collect();
    let fractions: Vec<f64> = scores
        .iter()
        .map(|s| if max > 0.0 { s / max } else { 0.0 })
        .collect();
    let facility = mean(&fractions);
    let discrimination = correlation(&scores, &rest).map(|r| 100.0 * r);
    let efficiency = covariance(&scores, &rest).and_then(|cov| {
        let mut sorted_scores = scores.clone();
        let mut sorted_rest = rest.clone();
        sorted_scores.sort_by(f64::total_cmp);
        sorted_rest.sort_by(f64::total_cmp);
        let best = covariance(&sorted_scores, &sorted_rest)?;
        (best > 0.0).then(|| 100.0 * cov / best)
    });
    let mut flags = Vec::new();
    if let Some(f) = facility {
        if f < thresholds.facility_low - NO_SPREAD {
            flags.push(Flag::TooHard);
        }
        if f > thresholds.facility_high + NO_SPREAD {
            flags.push(Flag::TooEasy);
        }
    }
    if discrimination.is_some_and(|d| d < thresholds.discrimination_low) {
        flags.push(Flag::LowDiscrimination);
    }
    ItemStats {
        n: scores.len(),
        facility,
        standard_deviation: standard_deviation(&fractions)
            .map(|sd| if sd < NO_SPREAD { 0.0 } else { sd }),
        discrimination,
        efficiency,
        effective_weight,
        flags,
    }
}

/// How consistently the questions measure one thing.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Reliability {
    /// Cronbach's alpha.
    pub alpha: f64,
    /// Standard error of measurement, in points: SD of totals x sqrt(1 - alpha).
    pub standard_error: f64,
    /// Error ratio, percent: 100 x sqrt(1 - alpha), the share of the spread of the totals that is noise.
    pub error_ratio: f64,
}

/// Cronbach's alpha and the standard error of measurement of `matrix`, defined for more than one question,
/// more than two attempts and totals that vary.
pub fn reliability<R: ScoreRow>(matrix: &[R]) -> Option<Reliability> {
    let p = matrix.first()?.questions();
    if p < 2 || matrix.len() < 3 {
        return None;
    }
    let totals = totals(matrix);
    let total_variance = variance(&totals)?;
    if total_variance <= 0.0 {
        return None;
    }
    let item_variances: f64 = (0..p)
        .map(|q| {
            let column: Vec<f64> = matrix.iter().map(|row| row.score(q)).collect();
            variance(&column).unwrap_or(0.0)
        })
        .sum();
    let alpha = (p as f64 / (p - 1) as f64 * (1.0 - item_variances / total_variance)).min(1.0);
    let unexplained = if 1.0 - alpha < NO_SPREAD {
        0.0
    } else {
        1.0 - alpha
    };
    let standard_error = total_variance.sqrt() * unexplained.sqrt();
    Some(Reliability {
        alpha,
        standard_error,
        error_ratio: 100.0 * unexplained.sqrt(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basic_figures() {
        assert_eq!(mean(&[1.0, 2.0, 6.0]), Some(3.0));
        assert_eq!(median(&[5.0, 1.0, 3.0, 2.0]), Some(2.5));
        assert_eq!(
            variance(&[2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]),
            Some(32.0 / 7.0)
        );
        assert_eq!(standard_deviation(&[1.0]), None);
        assert_eq!(correlation(&[1.0, 2.0, 3.0], &[2.0, 4.0, 6.0]), Some(1.0));
        assert_eq!(correlation(&[1.0, 1.0, 1.0], &[2.0, 4.0, 6.0]), None);
    }

    #[test]
    fn a_question_everyone_scored_the_same_has_no_discrimination_and_no_flag() {
        let matrix: Vec<Vec<f64>> = (0..6).map(|i| vec![0.2, f64::from(i)]).collect();
        let stats = item(&matrix, 0, 1.0, &Thresholds::default());
        assert_eq!(stats.discrimination, None);
        assert_eq!(stats.standard_deviation, Some(0.0));
        assert!(stats.flags.is_empty(), "{:?}", stats.flags);
    }

    #[test]
    fn histogram_puts_a_perfect_score_in_the_last_bin() {
        let d = Distribution::of(&[0.0, 9.9, 10.0, 55.0, 100.0], Some(50.0));
        assert_eq!(Distribution::of(&[70.0], None).pass_rate, None);
        assert_eq!(d.histogram, [2, 1, 0, 0, 0, 1, 0, 0, 0, 1]);
        assert_eq!(d.pass_rate, Some(0.4));
        assert_eq!((d.min, d.max), (Some(0.0), Some(100.0)));
    }

    #[test]
    fn rows_of_scores_give_the_figures_of_plain_rows_to_the_bit() {
        let plain: Vec<Vec<f64>> = (0..30)
            .map(|n| {
                (0..12)
                    .map(|q| f64::from((n * 7 + q * 3 + n * q) % 5) / 4.0)
                    .collect()
            })
            .collect();
        let held: Vec<Scores> = plain.iter().map(|row| Scores::from(row.clone())).collect();
        let rows: Vec<&Scores> = held.iter().collect();
        let maxima = [1.0; 12];
        let thresholds = Thresholds::default();
        assert_eq!(
            format!("{:?}", items(&rows, &maxima, &thresholds)),
            format!("{:?}", items(&plain, &maxima, &thresholds))
        );
        assert_eq!(
            format!("{:?}", reliability(&rows)),
            format!("{:?}", reliability(&plain))
        );
        assert!(reliability(&rows).is_some());
    }
}
