// Reading a file or pasted cells into a pending import: the backlog it would
// become, every problem (with row and column for spreadsheets) and the notes.
// Nothing here touches the calculator's state; the view replaces the backlog
// only when the person presses Import.

/** The largest file or paste read (the package refuses more than 10 MB of CSV). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** The message of a TwosidedError as a sentence, without its path prefix ("shareLink: ..."). */
export function plainMessage(error) {
  const message = String(error?.message ?? error);
  const path = error?.path;
  const text = path && message.startsWith(`${path}: `) ? message.slice(path.length + 2) : message;
  const sentence = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/** A file-level problem, shaped like the package's import problems. */
const fileProblem = (message, where = 'file') => ({ row: null, column: null, header: null, where, message });

const located = (problem) => ({ ...problem, where: problem.path });

/** Does the text look like a JSON document rather than spreadsheet cells? */
export function looksLikeJson(text, name = '') {
  return /\.json$/i.test(name) || /^\s*[{[]/.test(text);
}

/**
 * Read spreadsheet text (CSV, or cells pasted from a spreadsheet).
 * `settings` is the current backlog, whose side names, footing, segments
 * and scales the imported rows join.
 */
export function readCsv(api, text, { partial = false, settings } = {}) {
  const options = settings ? { settings: { ...settings, initiatives: [] } } : {};
  const parse = (extra) => {
    try {
      return api.parseCsv(text, { ...options, ...extra });
    } catch (error) {
      // The current settings are mid-edit and not readable: import with the defaults.
      if (error?.code === 'PARSE_ERROR' && String(error.path).startsWith('options.settings')) {
        return api.parseCsv(text, extra);
      }
      throw error;
    }
  };
  const pending = { kind: 'csv', backlog: null, settings: null, problems: [], warnings: [], skippedRows: [], ready: false };
  try {
    const result = parse({});
    return { ...pending, ...describe(result), backlog: result.backlog, ready: true };
  } catch (error) {
    if (error?.code !== 'VALIDATION_FAILED') {
      return { ...pending, problems: [fileProblem(plainMessage(error))] };
    }
    pending.problems = error.problems.map(located);
  }
  // Some rows have problems: show what skipping them would import.
  try {
    const result = parse({ partial: true });
    return { ...pending, ...describe(result), problems: pending.problems, backlog: result.backlog, ready: partial };
  } catch {
    return pending;
  }
}

function describe(result) {
  return {
    warnings: result.warnings.map(located),
    skippedRows: result.skippedRows,
    rows: result.rows,
    format: result.delimiter === 'tab' ? 'tab-separated' : `${result.delimiter}-separated`,
  };
}

/** Read a JSON document with the package's strict reader, then validate it. */
export function readJson(api, text) {
  const pending = { kind: 'json', backlog: null, settings: null, problems: [], warnings: [], skippedRows: [], ready: false };
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ...pending, problems: [fileProblem(`This is not valid JSON: ${error.message}.`)] };
  }
  let document;
  try {
    document = api.readDocument(value);
  } catch (error) {
    return { ...pending, problems: [fileProblem(plainMessage(error), error?.path || 'file')] };
  }
  let problems;
  try {
    problems = api.validate(document.backlog);
  } catch (error) {
    problems = [{ path: error?.path ?? '', message: plainMessage(error) }];
  }
  return {
    ...pending,
    format: `JSON, version ${document.version}`,
    backlog: document.backlog,
    settings: document.settings ?? null,
    problems: problems.map((p) => ({ row: null, column: null, header: null, where: p.path || 'backlog', message: p.message })),
    ready: problems.length === 0,
  };
}

/** Read text as JSON or as spreadsheet cells, whichever it is. */
export function readImport(api, text, { name = '', partial = false, settings } = {}) {
  if (text.length > MAX_IMPORT_BYTES) {
    return { kind: 'csv', backlog: null, problems: [fileProblem('The data is larger than 10 MB, so it was not read. Split it into smaller files.')], warnings: [], skippedRows: [], ready: false };
  }
  if (!text.trim()) {
    return { kind: 'csv', backlog: null, problems: [fileProblem('There is nothing to import: the data is empty.')], warnings: [], skippedRows: [], ready: false };
  }
  return looksLikeJson(text, name) ? readJson(api, text) : readCsv(api, text, { partial, settings });
}
