// Numbers, estimates and labels as a product manager reads them.

const plain = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
const whole = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const tenths = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
const small = new Intl.NumberFormat('en', { maximumSignificantDigits: 3 });
const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

/** A value for display: 1,234 / 0.0123 / 12.3K. */
export function formatNumber(value) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '–';
  const magnitude = Math.abs(value);
  if (magnitude >= 100000) return compact.format(value);
  if (magnitude >= 1000) return whole.format(value);
  if (magnitude >= 100) return tenths.format(value);
  if (magnitude !== 0 && magnitude < 1) return small.format(value);
  return plain.format(value);
}

/** An estimate (number or `{ low, likely, high }`) as the text a field shows. */
export function estimateText(estimate) {
  if (estimate === undefined || estimate === null) return '';
  if (typeof estimate === 'number') return String(estimate);
  if (typeof estimate === 'object' && 'likely' in estimate) {
    const { low = estimate.likely, likely, high = estimate.likely } = estimate;
    if (low === likely && high === likely) return String(likely);
    return `${low} / ${likely} / ${high}`;
  }
  return String(estimate);
}

/**
 * Parse what a person typed into an estimate field: `2`, `0.5`, `1,200`, or a
 * range `1 / 2 / 4` (low / likely / high). Returns `{ value }` or `{ error }`.
 */
export function parseEstimate(text, { optional = false } = {}) {
  const trimmed = String(text).trim();
  if (trimmed === '') {
    return optional ? { value: undefined } : { error: 'Enter a number.' };
  }
  const parts = trimmed.split('/').map((part) => part.trim());
  const numbers = parts.map(parseLooseNumber);
  if (numbers.some((n) => n === null)) {
    return { error: `"${trimmed}" is not a number. Use digits, for example 2 or 0.5, or a range such as 1 / 2 / 4.` };
  }
  if (numbers.length === 1) return { value: numbers[0] };
  if (numbers.length === 3) return { value: { low: numbers[0], likely: numbers[1], high: numbers[2] } };
  return { error: 'A range needs three numbers: low / likely / high, for example 1 / 2 / 4.' };
}

/** A plain number field. Returns `{ value }` or `{ error }`. */
export function parseNumber(text, { optional = false } = {}) {
  const trimmed = String(text).trim();
  if (trimmed === '') return optional ? { value: undefined } : { error: 'Enter a number.' };
  const value = parseLooseNumber(trimmed);
  return value === null
    ? { error: `"${trimmed}" is not a number. Use digits, for example 2 or 0.5.` }
    : { value };
}

function parseLooseNumber(text) {
  // Accept thousands separators and a trailing percent sign as people type them.
  const cleaned = text.replace(/(\d),(?=\d{3}\b)/g, '$1').replace(/\s+/g, '');
  const percent = cleaned.endsWith('%');
  const body = percent ? cleaned.slice(0, -1) : cleaned;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(body)) return null;
  const value = Number(body);
  if (!Number.isFinite(value)) return null;
  return percent ? value / 100 : value;
}

export const KINDS = [
  ['customerFacing', 'Customer-facing'],
  ['platform', 'Platform'],
  ['operational', 'Operational'],
];

export function kindLabel(kind) {
  return KINDS.find(([key]) => key === kind)?.[1] ?? kind;
}

export const FRAMEWORKS = [
  ['rice', 'RICE', 'Reach × Impact × Confidence ÷ Effort'],
  ['ice', 'ICE', 'Impact × Confidence × Ease'],
  ['wsjf', 'WSJF', 'Cost of delay ÷ job size'],
  ['scorecard', 'Weighted scorecard', 'Weighted business criteria'],
];

export const STRATEGIES = [
  ['weightedSum', 'Weighted sum', 'w × buyer + (1 − w) × seller'],
  ['nash', 'Nash product', 'buyer^w × seller^(1 − w): favours helping both'],
  ['maxMin', 'Max-min', 'the worse-off side decides'],
  ['guardrail', 'Guardrail', 'rank by one side, do no harm to the other'],
];

/** The custom framework, offered once a formula is in use. */
export const CUSTOM_FRAMEWORK = ['custom', 'Custom formula', 'Your own formula, per side'];

/** The frameworks to offer: the built-ins, plus the custom formula when one is set. */
export function frameworkChoices(options) {
  return options?.formula ? [...FRAMEWORKS, CUSTOM_FRAMEWORK] : FRAMEWORKS;
}

export const MOSCOW = [
  ['must', 'Must'],
  ['should', 'Should'],
  ['could', 'Could'],
  ['wont', "Won't"],
];

export const KANO = [
  ['basic', 'Basic'],
  ['performance', 'Performance'],
  ['delighter', 'Delighter'],
  ['indifferent', 'Indifferent'],
];
