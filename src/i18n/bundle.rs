//! The Fluent bundles, one per language, made from the translation files built into the binary.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;

use super::{Arg, Lang, numbers};

const ENGLISH: &str = include_str!("../../assets/i18n/en.ftl");
const RUSSIAN: &str = include_str!("../../assets/i18n/ru.ftl");

struct Translation {
    bundle: FluentBundle<FluentResource>,
    /// Problems found while reading the file; a test makes sure there are none.
    problems: Vec<String>,
}

fn source(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ENGLISH,
        Lang::Ru => RUSSIAN,
    }
}

fn build(lang: Lang) -> Translation {
    let mut problems = Vec::new();
    let resource =
        FluentResource::try_new(source(lang).to_owned()).unwrap_or_else(|(partial, errors)| {
            problems.extend(errors.iter().map(|e| format!("{e:?}")));
            partial
        });
    let locale = match lang {
        Lang::En => "en-US",
        Lang::Ru => "ru-RU",
    };
    let mut bundle = FluentBundle::new_concurrent(vec![locale.parse().unwrap_or_default()]);
    // Fluent wraps every argument in invisible isolation marks (U+2068, U+2069) for mixed-direction text.
    // Both languages run left to right, and the marks must never reach the canvas, files or exports.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(match lang {
        Lang::En => numbers::fluent_en,
        Lang::Ru => numbers::fluent_ru,
    }));
    if let Err(errors) = bundle.add_resource(resource) {
        problems.extend(errors.iter().map(|e| format!("{e:?}")));
    }
    Translation { bundle, problems }
}

fn translation(lang: Lang) -> &'static Translation {
    static TRANSLATIONS: OnceLock<[Translation; 2]> = OnceLock::new();
    let all = TRANSLATIONS.get_or_init(|| [build(Lang::En), build(Lang::Ru)]);
    &all[lang as usize]
}

fn fluent_args(args: &[(&str, Arg)]) -> FluentArgs<'static> {
    let mut fluent = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        let value: FluentValue<'static> = match value {
            Arg::Text(text) => FluentValue::from(text.clone()),
            Arg::Number(n) => FluentValue::from(*n),
        };
        fluent.set(name.to_string(), value);
    }
    fluent
}

/// The message in one language, or `None` when that language lacks it.
pub(super) fn format(lang: Lang, id: &str, args: &[(&str, Arg)]) -> Option<String> {
    let bundle = &translation(lang).bundle;
    let pattern = bundle.get_message(id)?.value()?;
    let args = fluent_args(args);
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
    Some(text.into_owned())
}

/// Every message id in a language's file.
pub fn message_ids(lang: Lang) -> BTreeSet<String> {
    let resource = FluentResource::try_new(source(lang).to_owned()).unwrap_or_else(|(r, _)| r);
    resource
        .entries()
        .filter_map(|entry| match entry {
            ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

/// Checks one message in one language, for the tests: that the file reads without errors, that the message
/// exists, refers to no argument its key does not declare, and formats without errors with sample arguments.
pub fn check_message(lang: Lang, key: super::Key, args: &[(&str, Arg)]) -> Result<String, String> {
    let translation = translation(lang);
    if !translation.problems.is_empty() {
        return Err(format!(
            "{}.ftl has errors: {}",
            lang.code(),
            translation.problems.join("; ")
        ));
    }
    let bundle = &translation.bundle;
    let message = bundle
        .get_message(key.id)
        .ok_or_else(|| format!("{} is missing in {}.ftl", key.id, lang.code()))?;
    let pattern = message
        .value()
        .ok_or_else(|| format!("{} has no text in {}.ftl", key.id, lang.code()))?;
    let mut used = BTreeSet::new();
    variables(pattern, &mut used);
    for name in &used {
        if !key.args.contains(&name.as_str()) {
            return Err(format!(
                "{} in {}.ftl uses ${name}, which the key does not declare",
                key.id,
                lang.code()
            ));
        }
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args(args)), &mut errors);
    if !errors.is_empty() {
        return Err(format!("{} in {}.ftl: {errors:?}", key.id, lang.code()));
    }
    Ok(text.into_owned())
}

fn variables(pattern: &ast::Pattern<&str>, used: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, used);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, used: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, used);
            for variant in variants {
                variables(&variant.value, used);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, used),
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, used: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            used.insert(id.name.to_owned());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_variables(argument, used);
            }
            for named in &arguments.named {
                inline_variables(&named.value, used);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, used),
        _ => {}
    }
}
