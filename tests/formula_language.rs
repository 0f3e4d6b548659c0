//! The formula language: parsing, printing, every error kind with its
//! position, and evaluation edge cases.

use twosided::formula::{
    compile, parse, print, Applies, CompileContext, CriterionDefinition, CriterionScale,
    FormulaErrorKind, NamedLevel, MAX_DEPTH, MAX_FORMULA_BYTES, MAX_NODES,
};
use twosided::Scales;

fn criteria() -> Vec<CriterionDefinition> {
    vec![
        CriterionDefinition {
            id: "fit".into(),
            name: "Strategic fit".into(),
            scale: CriterionScale::Range { min: 1.0, max: 5.0 },
            applies: Applies::Whole,
            cost: false,
        },
        CriterionDefinition {
            id: "risk".into(),
            name: "Risk".into(),
            scale: CriterionScale::Range { min: 0.0, max: 5.0 },
            applies: Applies::PerSide,
            cost: true,
        },
        CriterionDefinition {
            id: "size".into(),
            name: "T-shirt size".into(),
            scale: CriterionScale::Levels {
                levels: ["S", "M", "L", "XL"]
                    .iter()
                    .zip([1.0, 2.0, 3.0, 5.0])
                    .map(|(l, v)| NamedLevel {
                        label: (*l).into(),
                        value: v,
                    })
                    .collect(),
            },
            applies: Applies::Whole,
            cost: true,
        },
    ]
}

/// Compiles and returns the first error's (code, start, length).
fn first_error(source: &str) -> (FormulaErrorKind, usize, usize) {
    let scales = Scales::default();
    let criteria = criteria();
    let context = CompileContext {
        criteria: &criteria,
        scales: &scales,
    };
    let errors = compile(source, context).expect_err(source);
    let first = &errors[0];
    assert!(!first.message.is_empty());
    (first.code, first.span.start, first.span.length)
}

fn compiles(source: &str) -> String {
    let scales = Scales::default();
    let criteria = criteria();
    let context = CompileContext {
        criteria: &criteria,
        scales: &scales,
    };
    match compile(source, context) {
        Ok(formula) => formula.text().to_string(),
        Err(errors) => panic!("{source}: {errors:?}"),
    }
}

#[test]
fn prints_canonically_with_the_fewest_parentheses() {
    let cases = [
        (
            "reach*impact*confidence/effort",
            "reach * impact * confidence / effort",
        ),
        ("(a+b)*c", "(a + b) * c"),
        ("a+(b*c)", "a + b * c"),
        ("a-(b-c)", "a - (b - c)"),
        ("(a-b)-c", "a - b - c"),
        ("a/(b/c)", "a / (b / c)"),
        ("a/(b*c)", "a / (b * c)"),
        ("-2^2", "-2 ^ 2"),
        ("(-2)^2", "(-2) ^ 2"),
        ("2^3^2", "2 ^ 3 ^ 2"),
        ("(2^3)^2", "(2 ^ 3) ^ 2"),
        ("2^-1", "2 ^ -1"),
        ("--x", "--x"),
        ("a - -b", "a - -b"),
        ("if(a<b,1,2)", "if(a < b, 1, 2)"),
        ("(a<b)+1", "(a < b) + 1"),
        ("max( 1 , 2 , 3 )", "max(1, 2, 3)"),
        ("1.50", "1.5"),
        (".5", "0.5"),
        ("1e6", "1000000"),
        ("1e300", "1e300"),
        ("2.5e-7", "2.5e-7"),
    ];
    for (source, printed) in cases {
        let tree = parse(source).unwrap();
        assert_eq!(print(&tree), printed, "{source}");
        assert_eq!(parse(printed).unwrap(), tree, "{source} re-parsed");
    }
}

#[test]
fn precedence_follows_arithmetic() {
    // -2^2 is -(2^2); 2^3^2 is 2^(3^2).
    assert_eq!(parse("-2^2").unwrap(), parse("-(2^2)").unwrap());
    assert_eq!(parse("2^3^2").unwrap(), parse("2^(3^2)").unwrap());
    assert_eq!(parse("1+2*3").unwrap(), parse("1+(2*3)").unwrap());
    assert_ne!(parse("1-2-3").unwrap(), parse("1-(2-3)").unwrap());
}

#[test]
fn accepts_fields_criteria_labels_and_functions() {
    compiles("value / effort");
    compiles("ice_impact * ice_confidence * ease");
    compiles("(business_value + time_criticality + risk_reduction) / job_size");
    compiles("fit * value / size");
    compiles("value / effort * if(kano_delighter, 1.5, 1) * if(moscow_wont, 0, 1)");
    compiles("sqrt(abs(value)) + log(fit) + log(fit, 10) + round(fit) + sign(value)");
    compiles("min(fit, 3) + max(fit, 1, 2) - risk");
    compiles("segments(weight * reach * impact * confidence) / effort");
    compiles("value / max(risk, 1)");
    compiles("value / (risk + 1)");
}

#[test]
fn syntax_errors_point_at_the_problem() {
    assert_eq!(first_error("reach * "), (FormulaErrorKind::Syntax, 8, 0));
    assert_eq!(
        first_error("reach * * impact"),
        (FormulaErrorKind::Syntax, 8, 1)
    );
    assert_eq!(first_error("(reach + 1"), (FormulaErrorKind::Syntax, 0, 1));
    assert_eq!(first_error("reach + 1)"), (FormulaErrorKind::Syntax, 9, 1));
    assert_eq!(
        first_error("reach impact"),
        (FormulaErrorKind::Syntax, 6, 6)
    );
    assert_eq!(
        first_error("max(reach impact)"),
        (FormulaErrorKind::Syntax, 10, 6)
    );
    assert_eq!(first_error("1 < 2 < 3"), (FormulaErrorKind::Syntax, 6, 1));
}

#[test]
fn character_and_number_errors() {
    assert_eq!(
        first_error("reach # 2"),
        (FormulaErrorKind::UnexpectedCharacter, 6, 1)
    );
    assert_eq!(
        first_error("reach = 2"),
        (FormulaErrorKind::UnexpectedCharacter, 6, 1)
    );
    // A two-byte character: the length is its UTF-8 length.
    assert_eq!(
        first_error("reach × 2"),
        (FormulaErrorKind::UnexpectedCharacter, 6, 2)
    );
    assert_eq!(
        first_error("1e999"),
        (FormulaErrorKind::InvalidNumber, 0, 5)
    );
    assert_eq!(
        first_error("2 + 1e"),
        (FormulaErrorKind::InvalidNumber, 4, 2)
    );
    assert_eq!(
        first_error("2reach"),
        (FormulaErrorKind::InvalidNumber, 0, 2)
    );
    assert_eq!(first_error("."), (FormulaErrorKind::InvalidNumber, 0, 1));
}

#[test]
fn empty_and_oversized_formulas() {
    assert_eq!(first_error(""), (FormulaErrorKind::Empty, 0, 0));
    assert_eq!(first_error("   "), (FormulaErrorKind::Empty, 0, 3));
    let long = "1".repeat(MAX_FORMULA_BYTES + 1);
    assert_eq!(
        first_error(&long),
        (FormulaErrorKind::TooLong, MAX_FORMULA_BYTES, 1)
    );
    let name = "a".repeat(40);
    assert_eq!(
        first_error(&format!("1 + {name}")),
        (FormulaErrorKind::TooLong, 4, 40)
    );
}

#[test]
fn too_deep_or_too_large_is_rejected_not_overflowed() {
    let deep = format!(
        "{}1{}",
        "(".repeat(MAX_DEPTH + 1),
        ")".repeat(MAX_DEPTH + 1)
    );
    assert_eq!(first_error(&deep).0, FormulaErrorKind::TooComplex);
    let minus = format!("{}1", "-".repeat(5000));
    assert_eq!(first_error(&minus).0, FormulaErrorKind::TooComplex);
    let wide = ["1"; MAX_NODES + 1].join("+");
    assert_eq!(first_error(&wide).0, FormulaErrorKind::TooComplex);
    // Just inside the limits works.
    let fits = ["1"; MAX_NODES / 2].join("+");
    compiles(&fits);
}

#[test]
fn unknown_names_and_functions() {
    assert_eq!(
        first_error("reach * impakt"),
        (FormulaErrorKind::UnknownName, 8, 6)
    );
    assert_eq!(
        first_error("moscow_maybe + 1"),
        (FormulaErrorKind::UnknownName, 0, 12)
    );
    assert_eq!(
        first_error("reach + median(1, 2)"),
        (FormulaErrorKind::UnknownFunction, 8, 6)
    );
    // A function name without parentheses is a name, and says so.
    let scales = Scales::default();
    let errors = compile(
        "sqrt + 1",
        CompileContext {
            criteria: &[],
            scales: &scales,
        },
    )
    .unwrap_err();
    assert!(errors[0].message.contains("sqrt is a function"));
    // Criteria of another backlog are unknown here.
    let errors = compile(
        "fit * value",
        CompileContext {
            criteria: &[],
            scales: &scales,
        },
    )
    .unwrap_err();
    assert_eq!(errors[0].code, FormulaErrorKind::UnknownName);
}

#[test]
fn wrong_argument_counts() {
    assert_eq!(
        first_error("sqrt(1, 2)"),
        (FormulaErrorKind::WrongArgumentCount, 0, 10)
    );
    assert_eq!(
        first_error("1 + if(fit > 2, 1)"),
        (FormulaErrorKind::WrongArgumentCount, 4, 14)
    );
    assert_eq!(
        first_error("max(1)").0,
        FormulaErrorKind::WrongArgumentCount
    );
    assert_eq!(first_error("abs()").0, FormulaErrorKind::WrongArgumentCount);
    assert_eq!(
        first_error("log(1, 2, 3)").0,
        FormulaErrorKind::WrongArgumentCount
    );
    let many = format!("min({})", ["1"; 17].join(", "));
    assert_eq!(first_error(&many).0, FormulaErrorKind::WrongArgumentCount);
}

#[test]
fn divisions_that_can_be_by_zero() {
    use FormulaErrorKind::DivisionByZero;
    assert_eq!(first_error("value / 0"), (DivisionByZero, 8, 1));
    assert_eq!(first_error("value / reach"), (DivisionByZero, 8, 5));
    assert_eq!(first_error("value / confidence"), (DivisionByZero, 8, 10));
    assert_eq!(first_error("value / impact"), (DivisionByZero, 8, 6));
    // A criterion whose scale includes 0, and sums/differences that can be 0.
    assert_eq!(first_error("value / risk"), (DivisionByZero, 8, 4));
    assert_eq!(
        first_error("value / (effort - effort)"),
        (DivisionByZero, 9, 15)
    );
    assert_eq!(first_error("value / (fit - 1)"), (DivisionByZero, 9, 7));
    assert_eq!(first_error("1 / (kano_delighter)"), (DivisionByZero, 5, 14));
    assert_eq!(first_error("1 / (fit > 2)"), (DivisionByZero, 5, 7));
    assert_eq!(first_error("1 / sign(value)"), (DivisionByZero, 4, 11));
    // Safe divisors: scales without 0, and expressions kept away from 0.
    compiles("value / effort / fit / size / ease / job_size");
    compiles("value / (fit - 0.5)");
    compiles("value / (effort * effort + 1)");
    compiles("value / abs(fit)");
    compiles("value / 2 ^ fit");
    // A guard in if(...) keeps its branch's divisor away from 0.
    compiles("if(reach > 0, value / reach, 0)");
    compiles("if(0 < reach, value / reach, 0)");
    compiles("if(reach == 0, 0, value / reach)");
    compiles("if(risk != 0, fit / risk, fit)");
    compiles("if(risk >= 1, fit / (risk * 2), fit)");
    assert_eq!(
        first_error("if(reach > 0, 0, value / reach)"),
        (DivisionByZero, 25, 5)
    );
    assert_eq!(
        first_error("if(reach >= 0, value / reach, 0)"),
        (DivisionByZero, 23, 5)
    );
    assert_eq!(
        first_error("if(risk > -1, fit / risk, 0)"),
        (DivisionByZero, 20, 4)
    );
    // A signed scale has 0 inside its range: != 0 cannot be an interval.
    assert_eq!(
        first_error("if(impact != 0, 1 / impact, 0)"),
        (DivisionByZero, 20, 6)
    );
    // The side's reach says nothing about a segment's.
    assert_eq!(
        first_error("if(reach > 0, segments(1 / reach), 0)"),
        (DivisionByZero, 27, 5)
    );
    compiles("segments(if(reach > 0, 1 / reach, 0))");
    // Every division problem is reported, in order.
    let scales = Scales::default();
    let errors = compile(
        "reach / impact + value / confidence",
        CompileContext {
            criteria: &[],
            scales: &scales,
        },
    )
    .unwrap_err();
    let starts: Vec<usize> = errors.iter().map(|e| e.span.start).collect();
    assert_eq!(starts, vec![8, 25]);
}

#[test]
fn the_divisor_check_follows_the_backlogs_scales() {
    fn context(scales: &Scales) -> CompileContext<'_> {
        CompileContext {
            criteria: &[],
            scales,
        }
    }
    let mut scales = Scales::default();
    assert!(compile("value / ease", context(&scales)).is_ok());
    scales.ice = twosided::Scale::Range {
        min: 0.0,
        max: 10.0,
    };
    assert!(compile("value / ease", context(&scales)).is_err());
}

#[test]
fn segments_cannot_nest() {
    assert_eq!(
        first_error("segments(reach * segments(impact))"),
        (FormulaErrorKind::NestedSegments, 17, 16)
    );
}

#[test]
fn names_are_listed_in_order_of_first_use() {
    let scales = Scales::default();
    let criteria = criteria();
    let formula = compile(
        "fit * value / effort + fit * size",
        CompileContext {
            criteria: &criteria,
            scales: &scales,
        },
    )
    .unwrap();
    assert_eq!(formula.names(), vec!["fit", "value", "effort", "size"]);
}

#[test]
fn errors_serialise_with_code_and_position() {
    let scales = Scales::default();
    let errors = compile(
        "value / reach",
        CompileContext {
            criteria: &[],
            scales: &scales,
        },
    )
    .unwrap_err();
    let json = serde_json::to_value(&errors[0]).unwrap();
    assert_eq!(json["code"], "DIVISION_BY_ZERO");
    assert_eq!(json["span"]["start"], 8);
    assert_eq!(json["span"]["length"], 5);
}
