//! `vigil check` speed on a generated 5,000-question quiz (product target: <= 100 ms in release).

use std::fmt::Write;

use vigil::quiz::{Input, Taxonomy, check};

fn main() {
    divan::main();
}

/// A quiz of `questions` questions cycling through every kind, in scenario blocks of five.
fn generated_quiz(questions: usize) -> String {
    let mut text = String::from(
        "(\n    format: 1,\n    id: \"generated\",\n    version: 1,\n    language: \"en\",\n    title: \"Generated\",\n    description: \"Benchmark quiz.\",\n    estimated_minutes: 60,\n    pass_mark: 70,\n    scenarios: [\n",
    );
    for block in 0..questions.div_ceil(5) {
        writeln!(
            text,
            "        (id: \"s{block}\", title: \"Scenario {block}\", narrative: \"A market worker, 14, sleeps in a container and owes a debt.\"),"
        )
        .unwrap();
    }
    text.push_str("    ],\n    questions: [\n");
    for n in 0..questions {
        let kind = match n % 6 {
            0 => "single(options: [(id: \"a\", text: \"Yes\", correct: true, feedback: \"Right.\"), (id: \"b\", text: \"No\", feedback: \"Wrong.\"), (id: \"c\", text: \"Maybe\", feedback: \"Wrong.\")])".to_owned(),
            1 => "true_false(options: [(id: \"true\", text: \"True\", feedback: \"Wrong.\"), (id: \"false\", text: \"False\", correct: true, feedback: \"Right.\")])".to_owned(),
            2 => "multiple(options: [(id: \"a\", text: \"Debt\", correct: true, feedback: \"Yes.\"), (id: \"b\", text: \"Papers kept\", correct: true, feedback: \"Yes.\"), (id: \"c\", text: \"Two languages\", feedback: \"No.\")])".to_owned(),
            3 => "order(items: [(id: \"a\", text: \"Contact\", feedback: \"First.\"), (id: \"b\", text: \"Screening\", feedback: \"Second.\"), (id: \"c\", text: \"Referral\", feedback: \"Third.\")])".to_owned(),
            4 => "match(items: [(id: \"a\", text: \"Guardian\", target: \"x\", feedback: \"Yes.\"), (id: \"b\", text: \"Investigate\", target: \"y\", feedback: \"Yes.\")], targets: [(id: \"x\", text: \"Guardianship\"), (id: \"y\", text: \"Police\")])".to_owned(),
            _ => "branching(start: \"n1\", nodes: [(id: \"n1\", text: \"Start\", choices: [(id: \"c1\", text: \"Good\", points: 1, feedback: \"Yes.\", next: \"n2\"), (id: \"c2\", text: \"Bad\", feedback: \"No.\", next: \"bad\")]), (id: \"n2\", text: \"Next\", choices: [(id: \"c3\", text: \"Refer\", points: 1, feedback: \"Yes.\", next: \"good\")])], endings: [(id: \"good\", title: \"Safe\", debrief: \"Safe.\"), (id: \"bad\", title: \"Lost\", debrief: \"Lost.\")])".to_owned(),
        };
        writeln!(
            text,
            "        (id: \"q{n}\", scenario: \"s{}\", prompt: \"Question {n}?\", explanation: \"Because.\", references: [\"UNODC, Human Trafficking Indicators\"], kind: {kind}),",
            n / 5
        )
        .unwrap();
    }
    text.push_str("    ],\n)\n");
    text
}

#[divan::bench(sample_count = 20)]
fn check_5000_questions(bencher: divan::Bencher) {
    let input = Input {
        name: "generated.ron".into(),
        content: Ok(generated_quiz(5_000).into_bytes()),
    };
    bencher.bench(|| {
        let report = check(std::slice::from_ref(&input), &Taxonomy::default());
        assert_eq!(report.quizzes[0].quiz.questions.len(), 5_000);
        assert!(
            !report.quizzes[0].has_errors,
            "{:?}",
            report.diagnostics.first()
        );
        report
    });
}
