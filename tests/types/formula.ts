// Type usage of the formula API: compiled by `tsc --noEmit -p tests/types`.
// The expected errors at the end must stay errors.
import {
  compileFormula,
  builtInTemplates,
  checkTemplate,
  labelPins,
  formulaNames,
  exampleBacklog,
  score,
  type Backlog,
  type CompiledFormula,
  type CriterionDefinition,
  type FormulaError,
  type FrameworkTemplate,
  type Kano,
  type LabelPins,
  type Moscow,
  type Problem,
} from "twosided";

const fit: CriterionDefinition = {
  id: "fit",
  name: "Strategic fit",
  scale: { kind: "levels", levels: [{ label: "S", value: 1 }, { label: "XL", value: 5 }] },
  applies: "perSide",
  cost: false,
};
const compiled: CompiledFormula = compileFormula("value / effort * fit", [fit]);
if (compiled.ok) {
  const text: string = compiled.text;
  const names: string[] = compiled.names;
  void text, names;
} else {
  const first: FormulaError | undefined = compiled.errors[0];
  const underline: [number, number] | undefined = first && [first.start, first.start + first.length];
  void underline;
}

const templates: FrameworkTemplate[] = builtInTemplates();
const problems: Problem[] = checkTemplate({ name: "Ours", framework: "custom", formula: "value / effort" });
const backlog: Backlog = exampleBacklog();
const moscow: Moscow = "wont";
const kano: Kano = "delighter";
backlog.initiatives[0] = { ...backlog.initiatives[0]!, moscow, kano };
backlog.criteria = [fit];
const pins: LabelPins = labelPins(backlog, { mustAsPin: true });
const ranked = score(backlog, { framework: "custom", formula: templates[4]?.formula ?? "value / effort" });
const meaning: string | undefined = formulaNames()[0]?.meaning;
void problems, pins, ranked, meaning;

// @ts-expect-error: "maybe" is not a MoSCoW label.
const wrongLabel: Moscow = "maybe";
// @ts-expect-error: a scale needs its kind.
const wrongScale: CriterionDefinition = { id: "x", name: "X", scale: { min: 1, max: 2 } };
// @ts-expect-error: the formula is text.
compileFormula(42);
void wrongLabel, wrongScale;
