//! Compact attempt records written by hand for the report's unit tests.

/// A completed record of quiz `generated` whose questions are the compact entries `questions`, its total worth
/// `max_points`.
pub(crate) fn generated_record(questions: &[String], max_points: f64) -> String {
    format!(
        concat!(
            r#"(format:1,attempt:"4df7c323-e19d-4d14-a922-3dde28bbea1d","#,
            r#"participant:(name:"P",group:"ngo"),session:"s",phase:pre,"#,
            r#"quiz:(id:"generated",language:"en",version:1,content_hash:"blake3:00",title:"Generated"),"#,
            r#"feedback:deferred,started:"2010-04-29T09:00:00Z",updated:"2010-04-29T09:00:00Z","#,
            r#"ended:"2010-04-29T09:00:00Z",status:completed,current:0,questions:[{}],"#,
            r#"total:(points:0.0,max_points:{:?}))"#
        ),
        questions.join(","),
        max_points
    )
}
