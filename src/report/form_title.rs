//! The title a pre/post comparison is shown by: what the titles of its quizzes share ("Curriculum assessment"
//! of "Curriculum assessment — form A (pre-test)" and "— form B (post-test)"), in the report's language.

/// Where a title's shared start may end: before a dash, a colon or an opening bracket.
const SEPARATORS: [&str; 5] = [" — ", " – ", " - ", ": ", " ("];

/// The title of a comparison whose quizzes have `titles`: the one title when they all have it, else the start
/// they share up to its last separator; `label` (the form group's id) when they share nothing worth showing.
pub fn shared_title<'a>(titles: impl IntoIterator<Item = &'a str>, label: &str) -> String {
    let mut titles = titles.into_iter().map(str::trim);
    let Some(first) = titles.next() else {
        return label.to_owned();
    };
    let mut shared = first;
    for title in titles {
        let common = shared
            .char_indices()
            .zip(title.chars())
            .find(|((_, a), b)| a != b)
            .map_or_else(|| shared.len().min(title.len()), |((at, _), _)| at);
        shared = &shared[..common];
    }
    if shared == first {
        return first.to_owned();
    }
    let cut = SEPARATORS
        .iter()
        .filter_map(|separator| shared.rfind(separator))
        .max()
        .map_or("", |at| shared[..at].trim_end());
    if cut.chars().count() < 3 {
        label.to_owned()
    } else {
        cut.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_forms_of_a_test_share_the_start_of_their_titles() {
        let en = [
            "Curriculum assessment — form A (pre-test)",
            "Curriculum assessment — form B (post-test)",
        ];
        assert_eq!(shared_title(en, "assessment"), "Curriculum assessment");
        let ru = [
            "Проверка знаний по программе курса — вариант А (входной тест)",
            "Проверка знаний по программе курса — вариант Б (итоговый тест)",
        ];
        assert_eq!(shared_title(ru, "a"), "Проверка знаний по программе курса");
        let kk = [
            "Курс бағдарламасы бойынша білімді тексеру – А нұсқасы (бастапқы тест)",
            "Курс бағдарламасы бойынша білімді тексеру – Б нұсқасы (қорытынды тест)",
        ];
        assert_eq!(
            shared_title(kk, "a"),
            "Курс бағдарламасы бойынша білімді тексеру"
        );
        assert_eq!(
            shared_title(["Indicators (pre)", "Indicators (post)"], "x"),
            "Indicators"
        );
    }

    #[test]
    fn one_quiz_keeps_its_title_and_titles_that_share_nothing_give_the_label() {
        assert_eq!(shared_title(["Fixture", "Fixture "], "fixture"), "Fixture");
        assert_eq!(shared_title(["Fixture"], "fixture"), "Fixture");
        assert_eq!(shared_title(["Pre-test", "Post-test"], "tests"), "tests");
        assert_eq!(
            shared_title(["Week one quiz", "Week two quiz"], "weeks"),
            "weeks"
        );
        assert_eq!(shared_title([], "none"), "none");
        assert_eq!(shared_title(["A: x", "A: y"], "label"), "label");
    }
}
