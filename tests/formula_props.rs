//! Property tests: parse -> print -> parse is stable, and no input makes
//! the parser, checker or evaluator panic.

use proptest::prelude::*;
use twosided::formula::{
    compile, parse, print, BinaryOp, Comparison, CompileContext, Expr, ExprKind, Function, Span,
};
use twosided::{score, Backlog, Estimate, Framework, Initiative, ScoreOptions, SideEstimate};

const NAMES: [&str; 8] = [
    "reach",
    "impact",
    "effort",
    "value",
    "ease",
    "job_size",
    "kano_delighter",
    "zzz",
];

fn node(kind: ExprKind) -> Expr {
    Expr::new(kind, Span::default())
}

fn arb_number() -> impl Strategy<Value = f64> {
    prop_oneof![
        (0u32..1000).prop_map(f64::from),
        (0u32..1000).prop_map(|n| f64::from(n) / 8.0),
        prop::num::f64::POSITIVE | prop::num::f64::ZERO,
    ]
    .prop_filter("finite", |v| v.is_finite())
}

fn arb_expr() -> impl Strategy<Value = Expr> {
    let leaf = prop_oneof![
        arb_number().prop_map(|v| node(ExprKind::Number(v))),
        prop::sample::select(NAMES.to_vec()).prop_map(|n| node(ExprKind::Name(n.into()))),
    ];
    leaf.prop_recursive(6, 60, 4, |inner| {
        let binary = prop::sample::select(vec![
            BinaryOp::Add,
            BinaryOp::Subtract,
            BinaryOp::Multiply,
            BinaryOp::Divide,
            BinaryOp::Power,
        ]);
        let comparison = prop::sample::select(vec![
            Comparison::Less,
            Comparison::LessOrEqual,
            Comparison::Greater,
            Comparison::GreaterOrEqual,
            Comparison::Equal,
            Comparison::NotEqual,
        ]);
        prop_oneof![
            inner
                .clone()
                .prop_map(|e| node(ExprKind::Negate(Box::new(e)))),
            (binary, inner.clone(), inner.clone()).prop_map(|(op, l, r)| node(ExprKind::Binary(
                op,
                Box::new(l),
                Box::new(r)
            ))),
            (comparison, inner.clone(), inner.clone())
                .prop_map(|(op, l, r)| node(ExprKind::Compare(op, Box::new(l), Box::new(r)))),
            (
                prop::sample::select(Function::ALL.to_vec()),
                prop::collection::vec(inner, 1..4)
            )
                .prop_map(|(f, args)| node(ExprKind::Call(f, args))),
        ]
    })
}

/// Text made of the language's own pieces, so most of it gets past the
/// lexer and exercises the parser and checker.
fn arb_source() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "reach",
        "impact",
        "confidence",
        "effort",
        "value",
        "weight",
        "fit",
        "nope",
        "ease",
        "segments",
        "if",
        "min",
        "max",
        "log",
        "sqrt",
        "round",
        "abs",
        "sign",
        "(",
        ")",
        ",",
        "+",
        "-",
        "*",
        "/",
        "^",
        "<",
        "<=",
        "==",
        "!=",
        ">",
        " ",
        "0",
        "1",
        "2.5",
        "1e308",
        "0.0001",
        ".",
        "e",
        "=",
        "!",
        "×",
    ]);
    prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

fn tiny_backlog() -> Backlog {
    Backlog {
        initiatives: vec![
            Initiative {
                id: "a".into(),
                name: "A".into(),
                buyer: Some(SideEstimate::new(450.0, 3.0, 1.0)),
                seller: Some(SideEstimate::new(0.0, -0.5, 0.5)),
                effort: Estimate::Value(2.0),
                ..Initiative::default()
            },
            Initiative {
                id: "b".into(),
                name: "B".into(),
                seller: Some(SideEstimate::new(1e10, 3.0, 1.0)),
                effort: Estimate::Value(1e-3),
                ..Initiative::default()
            },
        ],
        ..Backlog::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn printing_a_tree_reads_back_as_the_same_tree(tree in arb_expr()) {
        let text = print(&tree);
        let parsed = parse(&text);
        prop_assert!(parsed.is_ok(), "{text}: {parsed:?}");
        let parsed = parsed.unwrap();
        prop_assert_eq!(&parsed, &tree, "{}", text);
        prop_assert_eq!(print(&parsed), text);
    }

    #[test]
    fn parse_print_parse_is_stable(source in arb_source()) {
        if let Ok(tree) = parse(&source) {
            let text = print(&tree);
            let again = parse(&text);
            prop_assert!(again.is_ok(), "{source} -> {text}: {again:?}");
            let again = again.unwrap();
            prop_assert_eq!(&again, &tree);
            prop_assert_eq!(print(&again), text);
        }
    }

    #[test]
    fn arbitrary_text_never_panics(source in ".{0,200}") {
        let scales = twosided::Scales::default();
        let context = CompileContext { criteria: &[], scales: &scales };
        match parse(&source) {
            Ok(tree) => { let _ = print(&tree); }
            Err(error) => prop_assert!(error.span.end() <= source.len().max(error.span.start)),
        }
        let _ = compile(&source, context);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let source = String::from_utf8_lossy(&bytes);
        let _ = parse(&source);
    }

    #[test]
    fn scoring_any_formula_gives_finite_scores_or_an_error(source in arb_source()) {
        let options = ScoreOptions {
            framework: Framework::Custom,
            formula: Some(source),
            ..ScoreOptions::default()
        };
        if let Ok(ranked) = score(&tiny_backlog(), &options) {
            for result in ranked {
                prop_assert!(result.score.is_finite());
                prop_assert!(result.buyer.raw.is_finite() && result.seller.raw.is_finite());
            }
        }
    }

    #[test]
    fn error_positions_lie_within_the_text(source in arb_source()) {
        let scales = twosided::Scales::default();
        let context = CompileContext { criteria: &[], scales: &scales };
        if let Err(errors) = compile(&source, context) {
            prop_assert!(!errors.is_empty());
            for error in errors {
                prop_assert!(error.span.end() <= source.len(), "{source}: {error:?}");
                prop_assert!(source.is_char_boundary(error.span.start));
                prop_assert!(source.is_char_boundary(error.span.end()));
            }
        }
    }
}

#[test]
fn the_largest_formulas_print_within_the_length_limit() {
    use twosided::formula::{MAX_FORMULA_BYTES, MAX_NAME_BYTES, MAX_NODES};
    // Near the worst case for length: the longest names, as many as the
    // node limit allows, 34 characters each.
    let name = "a".repeat(MAX_NAME_BYTES);
    let group = format!("max({})", [name.as_str(); 16].join(", "));
    let text = [group.as_str(); MAX_NODES / 18].join(" + ");
    let tree = parse(&text).unwrap();
    let printed = print(&tree);
    assert_eq!(printed, text);
    assert!(printed.len() > 6_000 && printed.len() <= MAX_FORMULA_BYTES);
    let number = "1.2345678901234567e-300";
    let sum = [number; MAX_NODES / 2].join("+");
    let tree = parse(&sum).unwrap();
    assert!(print(&tree).len() <= MAX_FORMULA_BYTES);
    assert_eq!(parse(&print(&tree)).unwrap(), tree);
}
